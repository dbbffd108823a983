#pragma once
// Program: shaders, their inputs, and draw calls.
//
//   gloo::Program quad(vertex_source, fragment_source, 4);   // owns a store of 4 vertices
//   quad["a_position"] = Array::from<float>({-1,-1, 1,-1, -1,1, 1,1}, {4, 2});
//   quad["u_color"] = glm::vec4(1, 0, 0, 1);
//   quad.draw(gloo::Primitive::TriangleStrip);
//
// Sources are compiled as written (your #version stays), from strings or from files
// (from_files); a compile or link error is a ShaderError with the driver's log and the
// lines it points at, numbered, each after the nearest non-blank line before it (a
// missing ';' is reported at the next token, so the cause is usually that line):
//       4 |     gl_Position = vec4(a_position, 0.0, 1.0)
//     > 5 | }
// Active attributes and uniforms come from GL introspection, not from parsing.
//
// Attributes take
//  - a view of a GPU buffer: `p["a_position"] = V["position"]`; component count, type,
//    stride and offset come from the view and its dtype; integer GLSL inputs (int, ivec,
//    uint, uvec) read through glVertexAttribIPointer, double ones through LPointer. A
//    view whose layout does not fit the GLSL type is a TypeError naming both;
//  - fewer components than the GLSL type, as GL itself allows: the GL fills the missing
//    y, z, w with 0, 0, 1 (a vec4 a_color fed 3 floats has alpha 1, a vec4 position fed
//    2 floats has w = 1). More components than the type is a TypeError, and so are
//    missing components of double inputs (GL leaves those undefined);
//  - a plain Array: it gets a GPU buffer over its storage (no copy; later writes upload);
//  - a list of tuples, `{{-1, -1}, {-1, +1}, {+1, -1}, {+1, +1}}`: a new array in the
//    attribute's scalar type (float32 for vecN);
//  - `normalized(view)` (integers read as [0, 1] / [-1, 1]) and `per_instance(view, n)`
//    (attribute divisor, for draw_instanced);
//  - a value (number, glm vector, flat brace list): a constant generic attribute for
//    every vertex; one number fills every component, k < N numbers fill the first k and
//    GL's (0, 0, 1) the rest;
//  - every field at once: `p.bind(V)` binds each field of a structured buffer whose name
//    is an active attribute (glumpy's Program.bind; see bind()).
// With a vertex count, the program owns a store: one GPU buffer holding one contiguous
// block per attribute (struct of arrays), so that writing one attribute uploads only that
// attribute's bytes. Assigning values, lists or plain arrays then copies into the block
// (NumPy broadcasting: one vertex's values go to every vertex; fewer components are
// filled with GL's 0, 0, 1), a flat list or 1-D array of exactly count x components
// numbers fills it in C order, anything else is a ShapeError naming the attribute and the
// block's shape; `p.attribute("a_size")` is the block as an Array to write into directly.
// `p["a_intensity"] -= 0.01` (and += *= /=, fill) writes through whatever view the
// attribute reads, tracked: the next draw uploads only those bytes (see Variable).
//
// Uniforms take numbers, glm vectors and matrices, std::array, brace lists and Arrays;
// a single number fills every component (glumpy's broadcasting); other counts must match
// the GLSL type exactly (nested lists are read in C order). `p["u_scale"] *= 2` works on
// the cached value. Samplers take textures; texture units are given out in the order of
// the uniforms. Values are uploaded at the next draw (glUniform*v, one call per changed
// uniform), and only if they changed: the program caches what the GL holds (0 until
// set, as GL's initial value), so setting the same value every frame sends nothing. The
// context's FrameStats counts those calls and bytes (`--stats`: "uniforms: 1 call, 64 B").
//
// A name the program does not use is ignored when it appears in the sources (the GLSL
// compiler dropped it) and a KeyError otherwise (a typo).
//
// Draws always go through the program's own vertex array object (core profile), upload
// every buffer and texture they read (glVertexAttrib*Pointer only where an attribute's
// buffer or layout changed; constant attributes with glVertexAttrib4*v every draw), and
// count in the context's frame statistics.

#include <glumpp/array/Array.hpp>
#include <glumpp/gloo/Buffer.hpp>

#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace glumpp::gloo {

enum class Primitive : unsigned {
    Points = 0x0000,
    Lines = 0x0001,
    LineLoop = 0x0002,
    LineStrip = 0x0003,
    Triangles = 0x0004,
    TriangleStrip = 0x0005,
    TriangleFan = 0x0006,
    LinesAdjacency = 0x000A,
    LineStripAdjacency = 0x000B,
    TrianglesAdjacency = 0x000C,
    TriangleStripAdjacency = 0x000D,
};

/// An array feeding an attribute, with how to read it.
struct AttributeSource {
    Array array;
    bool normalized = false;
    unsigned divisor = 0; ///< 0: per vertex; n: advance once every n instances
};
inline AttributeSource normalized(Array a) { return {std::move(a), true, 0}; }
inline AttributeSource per_instance(Array a, unsigned divisor = 1) { return {std::move(a), false, divisor}; }
inline AttributeSource per_instance(AttributeSource s, unsigned divisor = 1) {
    s.divisor = divisor;
    return s;
}

/// An active attribute or uniform, as GL reports it.
struct VariableInfo {
    std::string name;      ///< without "[0]" for arrays
    std::string type;      ///< GLSL spelling: "vec3", "sampler2D"...
    unsigned gl_type = 0;  ///< GL_FLOAT_VEC3...
    int array_size = 1;
    int location = -1;
};

namespace detail {
struct ProgramState;
}

class Program {
public:
    Program(std::string_view vertex, std::string_view fragment);
    /// With a program-owned store of `count` vertices (see above).
    Program(std::string_view vertex, std::string_view fragment, std::size_t count);
    /// With a geometry shader.
    static Program with_geometry(std::string_view vertex, std::string_view geometry, std::string_view fragment,
                                 std::optional<std::size_t> count = {});
    /// Sources read from files, glumpy's `gloo.Program("shader.vert", "shader.frag")`;
    /// compile errors name the file. IoError naming the path for a file that cannot be read.
    static Program from_files(const std::filesystem::path& vertex, const std::filesystem::path& fragment,
                              std::optional<std::size_t> count = {});
    static Program from_files(const std::filesystem::path& vertex, const std::filesystem::path& geometry,
                              const std::filesystem::path& fragment, std::optional<std::size_t> count = {});
    ~Program();
    Program(Program&&) noexcept;
    Program& operator=(Program&&) noexcept;

    /// What `program["name"] = ...` assigns to (see above).
    class Variable {
    public:
        Variable& operator=(const Array& array);
        Variable& operator=(const AttributeSource& source);
        /// A flat list of numbers: a uniform's values, a constant attribute, or (programs
        /// with a store) one vertex for every vertex or every component in C order.
        Variable& operator=(std::initializer_list<double> values);
        /// A list of tuples, `{{-1, -1}, {-1, +1}, {+1, -1}, {+1, +1}}`: an array of shape
        /// (rows, length of a row) in the attribute's scalar type (float32, int32, uint32,
        /// float64), or a uniform's values in C order (a mat2 from {{a, b}, {c, d}} gets the
        /// columns (a, b) and (c, d), as glumpy's np.array would). Integral values stay
        /// integers, as for flat lists. ValueError for ragged rows. Rows of one number,
        /// `{{1}, {2}}`, are ambiguous in C++ (a flat list too): feed those as an Array.
        Variable& operator=(std::initializer_list<std::initializer_list<double>> rows);
        /// A number, a glm vector or matrix, a std::array: a uniform value, a constant
        /// attribute, or (programs with a store) a value copied to every vertex.
        template <class T>
        Variable& operator=(const T& value)
            requires(!std::is_base_of_v<Array, T> && !std::is_same_v<T, AttributeSource>)
        {
            const T one[1] = {value}; // not std::vector: vector<bool> has no contiguous storage
            set_values(Array::from(std::span<const T>(one)));
            return *this;
        }

        /// In-place arithmetic, glumpy's `program["a_intensity"] -= 0.01`:
        ///  - an attribute read from a buffer (the program's store, or a view bound to it)
        ///    is changed through that view: tracked like any Array write, so the next draw
        ///    uploads only those bytes. NumPy's same_kind rule applies: a float operand or
        ///    `/=` on integer data is a TypeError;
        ///  - a uniform or a constant attribute is changed in its cached value (0 until
        ///    set, as in GL), uploaded at the next draw: `p["u_scale"] *= 2`. Same rule
        ///    for int/uint uniforms; bool uniforms and samplers are TypeErrors.
        /// ValueError for an attribute with no data yet. No GL call.
        template <class N>
            requires std::is_arithmetic_v<N>
        Variable& operator+=(N v) {
            compound(glumpp::detail::ArithOp::Add, glumpp::detail::Number::of(v), "Program::operator+=");
            return *this;
        }
        template <class N>
            requires std::is_arithmetic_v<N>
        Variable& operator-=(N v) {
            compound(glumpp::detail::ArithOp::Sub, glumpp::detail::Number::of(v), "Program::operator-=");
            return *this;
        }
        template <class N>
            requires std::is_arithmetic_v<N>
        Variable& operator*=(N v) {
            compound(glumpp::detail::ArithOp::Mul, glumpp::detail::Number::of(v), "Program::operator*=");
            return *this;
        }
        template <class N>
            requires std::is_arithmetic_v<N>
        Variable& operator/=(N v) {
            compound(glumpp::detail::ArithOp::Div, glumpp::detail::Number::of(v), "Program::operator/=");
            return *this;
        }
        /// Every component set to `v`: written through an attribute's buffer view (tracked),
        /// or every component of a uniform or constant attribute (the same as `= v`).
        template <class N>
            requires std::is_arithmetic_v<N>
        void fill(N v) {
            fill_number(glumpp::detail::Number::of(v));
        }

    private:
        friend class Program;
        Variable(Program& p, std::string name) : program_(p), name_(std::move(name)) {}
        void set_values(const Array& values);
        void compound(glumpp::detail::ArithOp op, const glumpp::detail::Number& v, const char* caller);
        void fill_number(const glumpp::detail::Number& v);
        Program& program_;
        std::string name_;
    };

    Variable operator[](std::string_view name) { return Variable(*this, std::string(name)); }

    /// glumpy's `program.bind(V)`: every field of the structured buffer (or Array) `data`
    /// whose name is an active attribute is bound to that field's view, as
    /// `p[field] = data[field]` would, except that a plain Array gets one GPU buffer over
    /// its storage for all its fields, and the store (if any) is not written: the
    /// attributes read `data`. A `data` of more than one axis is read flattened, as
    /// glumpy's ravel() (it must be contiguous). Fields the program does not use are
    /// skipped; attributes `data` has no field for keep what they had. TypeError naming
    /// Program::bind and the dtype for a dtype without fields; all or nothing: if one field
    /// cannot feed its attribute, no attribute changes. No GL call (draws apply it).
    void bind(const Array& data);

    /// The store's block for an attribute (programs made with a vertex count).
    Array attribute(std::string_view name);
    /// The program-owned store; KeyError for programs made without a vertex count.
    VertexBuffer& vertices();

    /// glDrawArrays; `count` defaults to the shortest per-vertex attribute array.
    void draw(Primitive mode, std::size_t first = 0, std::optional<std::size_t> count = {});
    /// glDrawElements with all of `indices` (its dtype gives the index type).
    void draw(Primitive mode, const IndexBuffer& indices);
    void draw_instanced(Primitive mode, std::size_t instances, std::size_t first = 0,
                        std::optional<std::size_t> count = {});
    void draw_instanced(Primitive mode, const IndexBuffer& indices, std::size_t instances);
    /// glMultiDrawArrays: one call drawing each run [firsts[k], firsts[k] + counts[k]) as
    /// its own primitive (a line strip per run, say). ValueError when the two spans differ
    /// in length or a count is negative; IndexError for a run past the attribute arrays.
    void multi_draw(Primitive mode, std::span<const int> firsts, std::span<const int> counts);

    const std::vector<VariableInfo>& attributes() const;
    const std::vector<VariableInfo>& uniforms() const;
    /// The GL name.
    unsigned handle() const;

private:
    /// `origins`: what to call each stage's source in compile errors (a file name), or empty.
    Program(std::string_view vertex, std::string_view geometry, std::string_view fragment, std::optional<std::size_t> count,
            const std::vector<std::string>& origins = {});
    std::unique_ptr<detail::ProgramState> s_;
};

} // namespace glumpp::gloo
