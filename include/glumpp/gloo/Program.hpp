#pragma once
// Program: shaders, their inputs, and draw calls.
//
//   gloo::Program quad(vertex_source, fragment_source, 4);   // owns a store of 4 vertices
//   quad["a_position"] = Array::from<float>({-1,-1, 1,-1, -1,1, 1,1}, {4, 2});
//   quad["u_color"] = glm::vec4(1, 0, 0, 1);
//   quad.draw(gloo::Primitive::TriangleStrip);
//
// Sources are compiled as written (your #version stays); a compile or link error is a
// ShaderError that quotes the offending lines with their numbers. Active attributes and
// uniforms come from GL introspection, not from parsing.
//
// Attributes take
//  - a view of a GPU buffer: `p["a_position"] = V["position"]`; component count, type,
//    stride and offset come from the view and its dtype; integer GLSL inputs (int, ivec,
//    uint, uvec) read through glVertexAttribIPointer, double ones through LPointer. A
//    view whose layout does not fit the GLSL type is a TypeError naming both;
//  - a plain Array: it gets a GPU buffer over its storage (no copy; later writes upload);
//  - `normalized(view)` (integers read as [0, 1] / [-1, 1]) and `per_instance(view, n)`
//    (attribute divisor, for draw_instanced);
//  - a value (number, glm vector): a constant generic attribute for every vertex.
// With a vertex count, the program owns a store: one GPU buffer holding one contiguous
// block per attribute (struct of arrays), so that writing one attribute uploads only that
// attribute's bytes. Assigning values or plain arrays then copies into the block, and
// `p.attribute("a_size")` is the block as an Array to write into directly.
//
// Uniforms take numbers, glm vectors and matrices, std::array, brace lists and Arrays;
// a single number fills every component (glumpy's broadcasting); other counts must match
// the GLSL type exactly. Samplers take textures; texture units are given out in the order
// of the uniforms. Values are uploaded at the next draw, and only if they changed.
//
// A name the program does not use is ignored when it appears in the sources (the GLSL
// compiler dropped it) and a KeyError otherwise (a typo).
//
// Draws always go through the program's own vertex array object (core profile), upload
// every buffer and texture they read, and count in the context's frame statistics.

#include <glumpp/array/Array.hpp>
#include <glumpp/gloo/Buffer.hpp>

#include <cstddef>
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
    ~Program();
    Program(Program&&) noexcept;
    Program& operator=(Program&&) noexcept;

    /// What `program["name"] = ...` assigns to (see above).
    class Variable {
    public:
        Variable& operator=(const Array& array);
        Variable& operator=(const AttributeSource& source);
        Variable& operator=(std::initializer_list<double> values);
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

    private:
        friend class Program;
        Variable(Program& p, std::string name) : program_(p), name_(std::move(name)) {}
        void set_values(const Array& values);
        Program& program_;
        std::string name_;
    };

    Variable operator[](std::string_view name) { return Variable(*this, std::string(name)); }

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
    Program(std::string_view vertex, std::string_view geometry, std::string_view fragment, std::optional<std::size_t> count);
    std::unique_ptr<detail::ProgramState> s_;
};

} // namespace glumpp::gloo
