#include <glumpp/gloo/Program.hpp>

#include "BufferObject.hpp"
#include "GlslType.hpp"
#include "Shader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace glumpp::gloo {

namespace detail {

namespace {

struct Uniform {
    VariableInfo info;
    const GlslType* type = nullptr;
    std::vector<std::byte> value; // components * array_size scalars of 4 (8 for double) bytes
    bool dirty = false;
    unsigned first_unit = 0;                    // samplers
    std::vector<Array> textures;                // samplers: one per array element
};

struct Attribute {
    VariableInfo info;
    const GlslType* type = nullptr;
    enum class Source { None, Buffer, Constant } source = Source::None;
    Array view;                // Buffer: the view being read (keeps the buffer alive)
    bool normalized = false;
    unsigned divisor = 0;
    GLenum data_type = 0;
    GLint components = 0;
    GLsizei stride = 0;
    std::size_t offset = 0;
    std::size_t count = 0;
    std::array<std::byte, 16> constant{}; // Constant: 4 scalars of the attribute's base type
    Array block;                          // the program-owned store's block, if any
    // What the VAO holds now for this location.
    bool applied = false;
    GLuint applied_buffer = 0;
};

bool word_in(std::string_view text, std::string_view word) {
    for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
        auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
        const bool left = at == 0 || !ident(text[at - 1]);
        const bool right = at + word.size() >= text.size() || !ident(text[at + word.size()]);
        if (left && right) return true;
    }
    return false;
}

} // namespace

/// What the draw may cover: the shortest per-vertex array, and how many instances the
/// per-instance arrays serve (SIZE_MAX: no limit known).
struct DrawLimits {
    std::size_t vertices = SIZE_MAX;
    std::size_t instances = SIZE_MAX;
};

struct ProgramState {
    GLName program;
    GLName vao;
    std::string sources; // all stages, for telling dropped names from typos
    std::vector<VariableInfo> attribute_info, uniform_info;
    std::vector<Attribute> attributes;
    std::vector<Uniform> uniforms;
    std::optional<VertexBuffer> store;

    Attribute* attribute(std::string_view name) {
        for (auto& a : attributes) {
            if (a.info.name == name) return &a;
        }
        return nullptr;
    }
    Uniform* uniform(std::string_view name) {
        for (auto& u : uniforms) {
            if (u.info.name == name) return &u;
        }
        return nullptr;
    }
    // KeyError for a name that is nowhere in the sources; false for one the compiler dropped.
    bool known(const std::string& name, const char* caller) const {
        if (word_in(sources, name)) return false;
        std::string names;
        for (const auto& a : attribute_info) names += (names.empty() ? "" : ", ") + a.name;
        for (const auto& u : uniform_info) names += (names.empty() ? "" : ", ") + u.name;
        throw KeyError(std::string(caller) + ": the program has no attribute or uniform '" + name +
                       "'; active names: " + (names.empty() ? "(none)" : names));
    }

    // --- construction
    void link(std::string_view vertex, std::string_view geometry, std::string_view fragment,
              const std::vector<std::string>& origins);
    void introspect();
    void make_store(std::size_t count);

    // --- inputs
    /// Points `a` at a view of a GPU buffer (a plain Array gets one over its storage).
    void bind(Attribute& a, const AttributeSource& src) const;
    /// Copies values or a plain array into the store's block of `a`, and points `a` at it.
    void write_store(Attribute& a, const Array& values, const AttributeSource& how) const;
    /// Anything assigned to an attribute: the store takes plain arrays and values, GPU
    /// buffer views are bound, values of a program without a store become constants.
    void assign(Attribute& a, const AttributeSource& src);
    void set_constant(Attribute& a, const Array& values) const;
    void set_uniform(Uniform& u, const Array& values) const;

    // --- draws: prepare() is use + attributes + textures + uniforms
    DrawLimits prepare(const char* caller, std::size_t instances);
    void use(const char* caller);
    DrawLimits apply_attributes(const char* caller, std::size_t instances);
    void bind_textures(const char* caller);
    void upload_uniforms(ContextState& ctx);
    void finish(ContextState& ctx);
};

void ProgramState::link(std::string_view vertex, std::string_view geometry, std::string_view fragment,
                        const std::vector<std::string>& origins) {
    auto origin = [&origins](std::size_t k) { return k < origins.size() ? std::string_view(origins[k]) : std::string_view(); };
    ContextState& ctx = require_current("Program");
    sources = std::string(vertex) + "\n" + std::string(geometry) + "\n" + std::string(fragment);
    std::vector<GLuint> shaders;
    try {
        shaders.push_back(compile_shader(GL_VERTEX_SHADER, vertex, origin(0)));
        if (!geometry.empty()) shaders.push_back(compile_shader(GL_GEOMETRY_SHADER, geometry, origin(1)));
        shaders.push_back(compile_shader(GL_FRAGMENT_SHADER, fragment, origin(2)));
    } catch (...) {
        for (GLuint s : shaders) glDeleteShader(s);
        throw;
    }
    const GLuint p = glCreateProgram();
    program = GLName(GLName::Kind::Program, p, ctx);
    for (GLuint s : shaders) glAttachShader(p, s);
    glLinkProgram(p);
    for (GLuint s : shaders) {
        glDetachShader(p, s);
        glDeleteShader(s);
    }
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) throw ShaderError("Program: the shaders do not link:\n" + program_log(p));
    introspect();
    GLuint v = 0;
    glGenVertexArrays(1, &v);
    vao = GLName(GLName::Kind::VertexArray, v, ctx);
    check_gl("Program: linking");
}

// What GL says is active, in location order (deterministic); samplers get texture units
// in that order too.
void ProgramState::introspect() {
    const GLuint p = program.get();
    GLint count = 0, longest = 0;
    glGetProgramiv(p, GL_ACTIVE_ATTRIBUTES, &count);
    glGetProgramiv(p, GL_ACTIVE_ATTRIBUTE_MAX_LENGTH, &longest);
    std::vector<char> name(static_cast<std::size_t>(std::max(longest, 1)) + 1);
    for (GLint k = 0; k < count; ++k) {
        GLint size = 0;
        GLenum type = 0;
        glGetActiveAttrib(p, static_cast<GLuint>(k), static_cast<GLsizei>(name.size()), nullptr, &size, &type, name.data());
        std::string n = name.data();
        if (n.rfind("gl_", 0) == 0) continue;
        const GlslType* t = glsl_type(type);
        Attribute a;
        a.info = {n, t ? t->name : "?", type, size, glGetAttribLocation(p, n.c_str())};
        a.type = t;
        attributes.push_back(std::move(a));
    }
    std::sort(attributes.begin(), attributes.end(), [](const Attribute& a, const Attribute& b) { return a.info.location < b.info.location; });
    glGetProgramiv(p, GL_ACTIVE_UNIFORMS, &count);
    glGetProgramiv(p, GL_ACTIVE_UNIFORM_MAX_LENGTH, &longest);
    name.assign(static_cast<std::size_t>(std::max(longest, 1)) + 1, '\0');
    for (GLint k = 0; k < count; ++k) {
        GLint size = 0;
        GLenum type = 0;
        glGetActiveUniform(p, static_cast<GLuint>(k), static_cast<GLsizei>(name.size()), nullptr, &size, &type, name.data());
        std::string n = name.data();
        const GLint location = glGetUniformLocation(p, n.c_str());
        if (location < 0) continue; // uniform-block members are set through buffers, not here
        if (n.size() > 3 && n.compare(n.size() - 3, 3, "[0]") == 0) n.resize(n.size() - 3);
        const GlslType* t = glsl_type(type);
        Uniform u;
        u.info = {n, t ? t->name : "?", type, size, location};
        u.type = t;
        if (t) u.value.assign(t->scalar_bytes() * static_cast<std::size_t>(t->components * size), std::byte{0});
        uniforms.push_back(std::move(u));
    }
    std::sort(uniforms.begin(), uniforms.end(), [](const Uniform& a, const Uniform& b) { return a.info.location < b.info.location; });
    unsigned unit = 0;
    for (auto& u : uniforms) {
        if (u.type && u.type->base == Base::Sampler) {
            u.first_unit = unit;
            unit += static_cast<unsigned>(u.info.array_size);
            u.textures.resize(static_cast<std::size_t>(u.info.array_size));
            for (int e = 0; e < u.info.array_size; ++e) reinterpret_cast<std::int32_t*>(u.value.data())[e] = static_cast<std::int32_t>(u.first_unit) + e;
            u.dirty = true; // the unit numbers themselves
        }
    }
    for (const auto& a : attributes) attribute_info.push_back(a.info);
    for (const auto& u : uniforms) uniform_info.push_back(u.info);
}

void ProgramState::make_store(std::size_t count) {
    // One block per attribute, 16-byte aligned, in location order: struct of arrays.
    struct Block {
        Attribute* a;
        DType dtype;
        std::size_t offset;
    };
    std::vector<Block> blocks;
    std::size_t total = 0;
    for (auto& a : attributes) {
        if (!a.type || a.type->is_matrix()) continue;
        const DType d = a.type->scalar_dtype();
        blocks.push_back({&a, d, total});
        total += (count * static_cast<std::size_t>(a.type->components) * d.itemsize() + 15) / 16 * 16;
    }
    store = VertexBuffer::zeros({std::max<std::size_t>(total, 1)}, DType::of<std::uint8_t>());
    for (const Block& b : blocks) {
        const auto comps = static_cast<std::size_t>(b.a->type->components);
        std::vector<std::size_t> shape{count};
        std::vector<std::ptrdiff_t> strides{static_cast<std::ptrdiff_t>(comps * b.dtype.itemsize())};
        if (comps > 1) {
            shape.push_back(comps);
            strides.push_back(static_cast<std::ptrdiff_t>(b.dtype.itemsize()));
        }
        b.a->block = Array::over(store->storage(), store->tracker_ptr(), b.dtype, shape, strides, b.offset);
        bind(*b.a, AttributeSource{b.a->block});
    }
}

void ProgramState::bind(Attribute& a, const AttributeSource& src) const {
    const std::string what = "attribute '" + a.info.name + "' (" + a.info.type + ")";
    if (!a.type || a.type->is_matrix()) throw TypeError("Program: " + what + ": matrix attributes are not supported");
    Array view = src.array;
    if (!view) throw ValueError("Program: " + what + ": the array is a null handle");
    const DType& d = view.dtype();
    if (!d.is_scalar() || !d.is_native() || d.scalar_kind() == ScalarKind::Void || d.scalar_kind() == ScalarKind::Bool) {
        throw TypeError("Program: " + what + " cannot read " + d.name() +
                        " (use a field view of native numbers, e.g. V[\"position\"])");
    }
    const std::size_t components = view.ndim() == 2 ? view.shape()[1] : 1;
    if (view.ndim() == 0 || view.ndim() > 2 || (view.ndim() == 2 && components > 1 && view.strides()[1] != static_cast<std::ptrdiff_t>(d.itemsize()))) {
        throw TypeError("Program: " + what + " needs an array of shape (n,) or (n, components) with contiguous "
                        "components, not shape " + glumpp::detail::shape_str(view.shape()));
    }
    // Fewer components than the type is what GL fills in, with (0, 0, 1) for y, z, w; for
    // doubles it leaves them undefined, so those must be complete.
    const bool complete = static_cast<int>(components) == a.type->components;
    if (static_cast<int>(components) > a.type->components || (!complete && a.type->base == Base::Double)) {
        throw TypeError("Program: " + what + " has " + std::to_string(a.type->components) + " component" +
                        (a.type->components == 1 ? "" : "s") + " but the array gives " + std::to_string(components) +
                        " (shape " + glumpp::detail::shape_str(view.shape()) + ")");
    }
    const bool integer_data = d.scalar_kind() == ScalarKind::Int || d.scalar_kind() == ScalarKind::UInt;
    if (a.type->is_integer() && !integer_data) {
        throw TypeError("Program: " + what + " is an integer input but the array holds " + d.name());
    }
    if (a.type->base == Base::Double && !(d == DType::of<double>())) {
        throw TypeError("Program: " + what + " is a double input but the array holds " + d.name());
    }
    const std::size_t n = view.shape()[0];
    const std::ptrdiff_t stride = n > 1 ? view.strides()[0] : static_cast<std::ptrdiff_t>(components * d.itemsize());
    if (stride < 0 || stride > 2048) {
        throw TypeError("Program: " + what + ": a stride of " + std::to_string(stride) +
                        " bytes cannot feed an attribute (0 to 2048; reversed views are not allowed)");
    }
    GLenum type = GL_FLOAT;
    switch (d.scalar_kind()) {
    case ScalarKind::Int: type = d.itemsize() == 1 ? GL_BYTE : d.itemsize() == 2 ? GL_SHORT : GL_INT; break;
    case ScalarKind::UInt: type = d.itemsize() == 1 ? GL_UNSIGNED_BYTE : d.itemsize() == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT; break;
    case ScalarKind::Float: type = d.itemsize() == 2 ? GL_HALF_FLOAT : d.itemsize() == 4 ? GL_FLOAT : GL_DOUBLE; break;
    default: break;
    }
    if (d.itemsize() == 8 && d.scalar_kind() != ScalarKind::Float) {
        throw TypeError("Program: " + what + ": GL has no 64-bit integer attributes (" + d.name() + ")");
    }
    // Checked: now the only step that can still fail is making the GPU buffer.
    if (!Buffer::object_of(view)) view = VertexBuffer::over(view); // over the array's own storage
    a.source = Attribute::Source::Buffer;
    a.view = view;
    a.normalized = src.normalized;
    a.divisor = src.divisor;
    a.data_type = type;
    a.components = static_cast<GLint>(components);
    a.stride = static_cast<GLsizei>(stride);
    a.offset = view.offset();
    a.count = n;
    a.applied = false;
}

void ProgramState::write_store(Attribute& a, const Array& values, const AttributeSource& how) const {
    const std::size_t count = a.block.shape()[0];
    const std::size_t comps = a.block.ndim() == 2 ? a.block.shape()[1] : 1;
    Array source = values;
    if (source.ndim() == 1 && comps > 1) {
        const std::size_t k = source.size();
        if (k == count * comps && k != comps) { // a flat list of every component, in C order
            source = (source.is_contiguous() ? source : source.copy()).reshape({count, comps});
        } else if (k > 1 && k < comps) { // one vertex with fewer components: for every vertex
            source = (source.is_contiguous() ? source : source.copy()).reshape({1, k});
        }
    }
    const std::size_t given = source.ndim() == 2 && comps > 1 ? source.shape()[1] : comps;
    try {
        if (given < comps) { // GL's fill: (0, 0, 1) for the missing y, z, w
            a.block.view({glumpp::all, slice(0, static_cast<std::ptrdiff_t>(given))}).assign(source);
            for (std::size_t c = given; c < comps; ++c) a.block.view({glumpp::all, static_cast<std::ptrdiff_t>(c)}).fill(c == 3 ? 1 : 0);
        } else {
            a.block.assign(source); // broadcasting, like glumpy's buffer[...] = data
        }
    } catch (const ShapeError&) {
        const std::string shape = glumpp::detail::shape_str(a.block.shape());
        throw ShapeError("Program: attribute '" + a.info.name + "' (" + a.info.type + ") holds shape " + shape +
                         " in the program's store and cannot take shape " + glumpp::detail::shape_str(values.shape()) +
                         ": give 1 to " + std::to_string(comps) + " values (every vertex), " + std::to_string(count * comps) +
                         " (C order) or an array broadcastable to " + shape);
    }
    const bool reads_block = a.source == Attribute::Source::Buffer && a.view.storage() == a.block.storage() &&
                             a.view.offset() == a.block.offset() && a.normalized == how.normalized && a.divisor == how.divisor;
    if (!reads_block) bind(a, AttributeSource{a.block, how.normalized, how.divisor});
}

void ProgramState::assign(Attribute& a, const AttributeSource& src) {
    if (a.block && src.array && !Buffer::object_of(src.array)) {
        write_store(a, src.array, src);
    } else {
        bind(a, src);
    }
}

void ProgramState::set_constant(Attribute& a, const Array& values) const {
    const std::string what = "attribute '" + a.info.name + "' (" + a.info.type + ")";
    if (!a.type || a.type->is_matrix() || a.type->base == Base::Double) {
        throw TypeError("Program: " + what + " cannot take a constant value");
    }
    const auto comps = static_cast<std::size_t>(a.type->components);
    if (values.size() > comps || values.size() == 0) {
        throw TypeError("Program: " + what + " takes 1 to " + std::to_string(comps) + " value" + (comps == 1 ? "" : "s") +
                        " but " + std::to_string(values.size()) + " were given (per-vertex data: a list of tuples or an array)");
    }
    const auto bytes = convert_scalars(values, a.type->base, what);
    // One value fills every component (glumpy's broadcasting); k values fill the first k
    // and GL's (0, 0, 0, 1) the rest, as glVertexAttrib{k}f would.
    const bool broadcast = values.size() == 1;
    const std::size_t given = broadcast ? comps : values.size();
    std::array<std::byte, 16> constant{};
    for (std::size_t c = 0; c < 4; ++c) {
        if (c < given) {
            std::memcpy(constant.data() + 4 * c, bytes.data() + (broadcast ? 0 : 4 * c), 4);
        } else if (c == 3) {
            const float one_f = 1.0f;
            const std::int32_t one_i = 1;
            std::memcpy(constant.data() + 12, a.type->base == Base::Float ? static_cast<const void*>(&one_f) : &one_i, 4);
        }
    }
    a.constant = constant;
    a.source = Attribute::Source::Constant;
    a.view = Array();
}

void ProgramState::set_uniform(Uniform& u, const Array& values) const {
    const std::string what = "uniform '" + u.info.name + "' (" + u.info.type +
                             (u.info.array_size > 1 ? "[" + std::to_string(u.info.array_size) + "]" : "") + ")";
    if (!u.type) throw TypeError("Program: " + what + " has a type glumpp does not know");
    if (u.type->base == Base::Sampler) throw TypeError("Program: " + what + " is a sampler: assign a texture");
    const std::size_t total = static_cast<std::size_t>(u.type->components * u.info.array_size);
    if (values.size() != total && values.size() != 1) {
        throw TypeError("Program: " + what + " takes " + std::to_string(total) + " value" + (total == 1 ? "" : "s") +
                        " but " + std::to_string(values.size()) + " were given");
    }
    const auto bytes = convert_scalars(values, u.type->base, what);
    const std::size_t scalar = u.type->scalar_bytes();
    std::vector<std::byte> next(u.value.size());
    for (std::size_t k = 0; k < total; ++k) {
        std::memcpy(next.data() + k * scalar, bytes.data() + (values.size() == 1 ? 0 : k * scalar), scalar);
    }
    // The same value again (a demo setting its transform every frame) is not re-sent: the
    // cache holds what the GL has (0 before any upload, as the GL's own initial value).
    if (next != u.value) {
        u.value = std::move(next);
        u.dirty = true;
    }
}

DrawLimits ProgramState::prepare(const char* caller, std::size_t instances) {
    ContextState& ctx = require_current(caller);
    use(caller);
    const DrawLimits limits = apply_attributes(caller, instances);
    bind_textures(caller);
    upload_uniforms(ctx);
    return limits;
}

void ProgramState::use(const char* caller) {
    program.require_owner_current(caller);
    glUseProgram(program.get());
    glBindVertexArray(vao.get());
}

// Uploads every buffer the attributes read, and re-points the VAO where it changed.
DrawLimits ProgramState::apply_attributes(const char* caller, std::size_t instances) {
    DrawLimits limits;
    for (Attribute& a : attributes) {
        if (a.info.location < 0) continue;
        const auto loc = static_cast<GLuint>(a.info.location);
        switch (a.source) {
        case Attribute::Source::None:
            throw ValueError(std::string(caller) + ": attribute '" + a.info.name + "' has no data (assign an array or a value)");
        case Attribute::Source::Buffer: {
            BufferObject* b = Buffer::object_of(a.view);
            b->sync(caller);
            const GLuint name = b->gpu().name();
            if (!a.applied || a.applied_buffer != name) {
                glBindBuffer(GL_ARRAY_BUFFER, name);
                attribute_pointer(*a.type, loc, a.components, a.data_type, a.normalized, a.stride, a.offset);
                glVertexAttribDivisor(loc, a.divisor);
                glEnableVertexAttribArray(loc);
                a.applied = true;
                a.applied_buffer = name;
            }
            if (a.divisor == 0) {
                limits.vertices = std::min(limits.vertices, a.count);
            } else if (instances > 0) {
                // n values serve n * divisor instances
                limits.instances = std::min(limits.instances, a.count * a.divisor);
            }
            break;
        }
        case Attribute::Source::Constant:
            if (a.applied) {
                glDisableVertexAttribArray(loc);
                a.applied = false;
            }
            // Generic values are context state, not VAO state: set them for every draw.
            attribute_constant(*a.type, loc, a.constant.data());
            break;
        }
    }
    return limits;
}

void ProgramState::bind_textures(const char* caller) {
    for (Uniform& u : uniforms) {
        if (!u.type || u.type->base != Base::Sampler) continue;
        for (std::size_t e = 0; e < u.textures.size(); ++e) {
            if (!u.textures[e]) {
                throw ValueError(std::string(caller) + ": sampler '" + u.info.name + "' has no texture");
            }
            auto* t = texture_binding_of(u.textures[e]);
            t->bind_to_unit(u.first_unit + static_cast<unsigned>(e), caller);
        }
    }
}

// Only the uniforms whose cached value changed since the last draw.
void ProgramState::upload_uniforms(ContextState& ctx) {
    for (Uniform& u : uniforms) {
        if (!u.type || !u.dirty) continue;
        u.type->upload(u.info.location, u.info.array_size, u.value.data());
        ++ctx.stats.uniform_calls;
        ctx.stats.uniform_bytes += u.value.size();
        u.dirty = false;
    }
}

void ProgramState::finish(ContextState& ctx) {
    for (Attribute& a : attributes) {
        if (a.source == Attribute::Source::Buffer) Buffer::object_of(a.view)->gpu().used_by_draw();
    }
    ++ctx.stats.draw_calls;
    check_gl("Program::draw");
}

} // namespace detail

using detail::Attribute;
using detail::Base;
using detail::Uniform;

Program::Program(std::string_view vertex, std::string_view fragment) : Program(vertex, {}, fragment, std::nullopt) {}

Program::Program(std::string_view vertex, std::string_view fragment, std::size_t count)
    : Program(vertex, {}, fragment, count) {}

Program Program::with_geometry(std::string_view vertex, std::string_view geometry, std::string_view fragment,
                               std::optional<std::size_t> count) {
    return Program(vertex, geometry, fragment, count);
}

namespace {
std::string read_source(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("Program::from_files: cannot read '" + path.string() + "': " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw IoError("Program::from_files: error reading '" + path.string() + "'");
    return text.str();
}
} // namespace

Program Program::from_files(const std::filesystem::path& vertex, const std::filesystem::path& fragment,
                            std::optional<std::size_t> count) {
    const std::string v = read_source(vertex), f = read_source(fragment);
    return Program(v, {}, f, count, {vertex.string(), {}, fragment.string()});
}

Program Program::from_files(const std::filesystem::path& vertex, const std::filesystem::path& geometry,
                            const std::filesystem::path& fragment, std::optional<std::size_t> count) {
    const std::string v = read_source(vertex), g = read_source(geometry), f = read_source(fragment);
    return Program(v, g, f, count, {vertex.string(), geometry.string(), fragment.string()});
}

Program::Program(std::string_view vertex, std::string_view geometry, std::string_view fragment, std::optional<std::size_t> count,
                 const std::vector<std::string>& origins)
    : s_(std::make_unique<detail::ProgramState>()) {
    s_->link(vertex, geometry, fragment, origins);
    if (count) s_->make_store(*count);
}

Program::~Program() = default;
Program::Program(Program&&) noexcept = default;
Program& Program::operator=(Program&&) noexcept = default;

const std::vector<VariableInfo>& Program::attributes() const { return s_->attribute_info; }
const std::vector<VariableInfo>& Program::uniforms() const { return s_->uniform_info; }
unsigned Program::handle() const { return s_->program.get(); }

VertexBuffer& Program::vertices() {
    if (!s_->store) throw KeyError("Program::vertices: this program was made without a vertex count, so it owns no store");
    return *s_->store;
}

Array Program::attribute(std::string_view name) {
    Attribute* a = s_->attribute(name);
    if (!a || !a->block) {
        throw KeyError("Program::attribute: '" + std::string(name) + "' is not an attribute of this program's store");
    }
    return a->block;
}

Program::Variable& Program::Variable::operator=(const Array& array) { return *this = AttributeSource{array}; }

Program::Variable& Program::Variable::operator=(const AttributeSource& source) {
    auto& s = *program_.s_;
    if (Attribute* a = s.attribute(name_)) {
        s.assign(*a, source);
        return *this;
    }
    if (Uniform* u = s.uniform(name_); u && u->type && u->type->base == Base::Sampler) {
        auto* t = detail::texture_binding_of(source.array);
        if (!t) {
            throw TypeError("Program: uniform '" + name_ + "' is a " + u->info.type +
                            ": assign a gloo texture (Texture1D/2D/3D/Cube)");
        }
        if (t->gl_target() != u->type->texture_target || t->sampled_kind() != u->type->sampled) {
            throw TypeError("Program: uniform '" + name_ + "' is a " + u->info.type + " and needs " +
                            detail::sampled_name(u->type->sampled) + " of the matching dimension");
        }
        for (auto& slot : u->textures) slot = source.array; // an array of samplers: all the same texture
        return *this;
    }
    set_values(source.array);
    return *this;
}

Program::Variable& Program::Variable::operator=(std::initializer_list<double> values) {
    // Integers written as doubles stay integers, so {1, 2} can feed an ivec2.
    const bool integral = std::all_of(values.begin(), values.end(), [](double v) {
        return std::abs(v) < 9e15 && v == static_cast<double>(static_cast<long long>(v));
    });
    if (integral) {
        set_values(Array::from(std::vector<std::int64_t>(values.begin(), values.end())));
    } else {
        set_values(Array::from(std::vector<double>(values)));
    }
    return *this;
}

void Program::Variable::set_values(const Array& values) {
    auto& s = *program_.s_;
    if (Attribute* a = s.attribute(name_)) {
        if (a->block) {
            s.write_store(*a, values, {}); // copied to every vertex (broadcasting)
        } else {
            s.set_constant(*a, values);
        }
        return;
    }
    if (Uniform* u = s.uniform(name_)) {
        s.set_uniform(*u, values);
        return;
    }
    s.known(name_, "Program::operator[]");
}

Program::Variable& Program::Variable::operator=(std::initializer_list<std::initializer_list<double>> rows) {
    const std::size_t width = rows.size() ? rows.begin()->size() : 0;
    std::vector<double> flat;
    for (const auto& row : rows) {
        if (row.size() != width) {
            throw ValueError("Program::operator[]: '" + name_ + "': a nested list needs rows of equal length, not " +
                             std::to_string(width) + " and " + std::to_string(row.size()));
        }
        flat.insert(flat.end(), row.begin(), row.end());
    }
    auto& s = *program_.s_;
    // As for flat lists: integers written as doubles stay integers (an ivec2 takes {{1, 2}}).
    const bool integral = std::all_of(flat.begin(), flat.end(), [](double v) {
        return std::abs(v) < 9e15 && v == static_cast<double>(static_cast<long long>(v));
    });
    const Array values = integral ? Array::from(std::vector<std::int64_t>(flat.begin(), flat.end()), {rows.size(), width})
                                  : Array::from(flat, {rows.size(), width});
    if (Attribute* a = s.attribute(name_)) {
        if (!a->type || a->type->is_matrix()) {
            throw TypeError("Program: attribute '" + a->info.name + "' (" + a->info.type + "): matrix attributes are not supported");
        }
        // In the type the attribute reads, so that a plain list feeds a vec2 as float32.
        if (a->type->is_integer() && !integral) {
            throw TypeError("Program: attribute '" + a->info.name + "' (" + a->info.type + ") takes integers");
        }
        Array typed = Array::zeros({rows.size(), width}, a->type->scalar_dtype());
        typed.assign(values);
        return *this = AttributeSource{typed};
    }
    set_values(values); // uniforms take their values in C order
    return *this;
}

namespace {

// NumPy's same_kind rule for in-place arithmetic, checked before anything is written:
// integers take neither float operands nor true division.
void require_same_kind(bool integer_target, glumpp::detail::ArithOp op, const glumpp::detail::Number& v, const char* caller,
                       const std::string& what) {
    if (!integer_target) return;
    if (op == glumpp::detail::ArithOp::Div) throw TypeError(std::string(caller) + ": " + what + " holds integers: /= would make floats");
    if (v.kind == glumpp::detail::Number::Kind::Float) {
        throw TypeError(std::string(caller) + ": " + what + " holds integers: a float operand (" + std::to_string(v.f) +
                        ") would be truncated");
    }
}

void apply(Array& target, glumpp::detail::ArithOp op, const glumpp::detail::Number& v) {
    using K = glumpp::detail::Number::Kind;
    auto run = [&](auto n) {
        switch (op) {
        case glumpp::detail::ArithOp::Add: target += n; break;
        case glumpp::detail::ArithOp::Sub: target -= n; break;
        case glumpp::detail::ArithOp::Mul: target *= n; break;
        case glumpp::detail::ArithOp::Div: target /= n; break;
        }
    };
    if (v.kind == K::Float) run(v.f);
    else if (v.kind == K::Int) run(v.i);
    else run(v.u);
}

// The cached scalars of a uniform or constant attribute as an Array of `type`'s scalars.
Array cached(const std::byte* bytes, std::size_t n, const detail::GlslType& type) {
    Array a = Array::zeros({n}, type.scalar_dtype());
    std::memcpy(a.write().data(), bytes, n * type.scalar_bytes());
    return a;
}

} // namespace

void Program::Variable::compound(glumpp::detail::ArithOp op, const glumpp::detail::Number& v, const char* caller) {
    auto& s = *program_.s_;
    if (Attribute* a = s.attribute(name_)) {
        const std::string what = "attribute '" + a->info.name + "' (" + a->info.type + ")";
        switch (a->source) {
        case Attribute::Source::None:
            throw ValueError(std::string(caller) + ": " + what + " has no data yet (assign an array or a value first)");
        case Attribute::Source::Buffer: {
            const ScalarKind k = a->view.dtype().scalar_kind();
            require_same_kind(k == ScalarKind::Int || k == ScalarKind::UInt, op, v, caller, what);
            apply(a->view, op, v); // through the view: tracked, uploaded at the next draw
            return;
        }
        case Attribute::Source::Constant: {
            require_same_kind(a->type->is_integer(), op, v, caller, what);
            Array values = cached(a->constant.data(), static_cast<std::size_t>(a->type->components), *a->type);
            apply(values, op, v);
            s.set_constant(*a, values);
            return;
        }
        }
    }
    if (Uniform* u = s.uniform(name_)) {
        const std::string what = "uniform '" + u->info.name + "' (" + u->info.type + ")";
        if (!u->type || u->type->base == Base::Sampler || u->type->base == Base::Bool) {
            throw TypeError(std::string(caller) + ": " + what + " takes no arithmetic");
        }
        require_same_kind(u->type->is_integer(), op, v, caller, what);
        Array values = cached(u->value.data(), u->value.size() / u->type->scalar_bytes(), *u->type);
        apply(values, op, v);
        s.set_uniform(*u, values);
        return;
    }
    s.known(name_, caller);
}

void Program::Variable::fill_number(const glumpp::detail::Number& v) {
    using K = glumpp::detail::Number::Kind;
    if (Attribute* a = program_.s_->attribute(name_); a && a->source == Attribute::Source::Buffer) {
        if (v.kind == K::Float) a->view.fill(v.f);
        else if (v.kind == K::Int) a->view.fill(v.i);
        else a->view.fill(v.u);
        return;
    }
    set_values(v.kind == K::Float ? Array::from({v.f}) : v.kind == K::Int ? Array::from({v.i}) : Array::from({v.u}));
}

void Program::bind(const Array& data) {
    if (!data) throw ValueError("Program::bind: the array is a null handle");
    const DType& d = data.dtype();
    if (!d.is_record()) {
        throw TypeError("Program::bind: the dtype " + d.name() +
                        " has no fields to match attribute names (bind takes a structured buffer; assign a plain "
                        "array with program[\"name\"] = ...)");
    }
    Array flat = data;
    if (flat.ndim() != 1) {
        if (!flat.is_contiguous()) {
            throw ShapeError("Program::bind: a buffer of shape " + glumpp::detail::shape_str(flat.shape()) +
                             " is read flattened and must be contiguous");
        }
        flat = flat.reshape({flat.size()});
    }
    // All or nothing: bind into copies, keep them only if every field fits.
    auto& s = *s_;
    std::vector<Attribute> next = s.attributes;
    std::vector<std::pair<Attribute*, std::string>> matched;
    for (const auto& field : d.fields()) {
        for (auto& a : next) {
            if (a.info.name == field.name) matched.emplace_back(&a, field.name);
        }
    }
    if (matched.empty()) return;
    if (!Buffer::object_of(flat)) flat = VertexBuffer::over(flat); // one GPU buffer for every field
    for (auto& [a, field] : matched) {
        try {
            s.bind(*a, AttributeSource{flat[field]});
        } catch (const Error& e) {
            const std::string m = e.what();
            const std::string rest = m.rfind("Program: ", 0) == 0 ? m.substr(9) : m;
            if (dynamic_cast<const TypeError*>(&e)) throw TypeError("Program::bind: field '" + field + "': " + rest);
            throw ValueError("Program::bind: field '" + field + "': " + rest);
        }
    }
    s.attributes = std::move(next);
}

void Program::draw(Primitive mode, std::size_t first, std::optional<std::size_t> count) {
    draw_instanced(mode, 0, first, count);
}

void Program::draw_instanced(Primitive mode, std::size_t instances, std::size_t first, std::optional<std::size_t> count) {
    const char* caller = instances ? "Program::draw_instanced" : "Program::draw";
    const detail::DrawLimits limits = s_->prepare(caller, instances);
    const std::size_t vertices = limits.vertices, limit = limits.instances;
    if (!count) {
        if (vertices == SIZE_MAX) {
            throw ValueError(std::string(caller) + ": no per-vertex attribute array says how many vertices to draw; give a count");
        }
        count = vertices - std::min(first, vertices);
    }
    if (vertices != SIZE_MAX && first + *count > vertices) {
        throw IndexError(std::string(caller) + ": vertices [" + std::to_string(first) + ", " + std::to_string(first + *count) +
                         ") but the attribute arrays hold " + std::to_string(vertices));
    }
    if (instances && limit != SIZE_MAX && instances > limit) {
        throw IndexError(std::string(caller) + ": " + std::to_string(instances) + " instances but the per-instance arrays serve " +
                         std::to_string(limit));
    }
    const auto gl_mode = static_cast<GLenum>(mode);
    if (instances) {
        glDrawArraysInstanced(gl_mode, static_cast<GLint>(first), static_cast<GLsizei>(*count), static_cast<GLsizei>(instances));
    } else {
        glDrawArrays(gl_mode, static_cast<GLint>(first), static_cast<GLsizei>(*count));
    }
    s_->finish(detail::require_current(caller));
}

void Program::draw(Primitive mode, const IndexBuffer& indices) { draw_instanced(mode, indices, 0); }

void Program::draw_instanced(Primitive mode, const IndexBuffer& indices, std::size_t instances) {
    const char* caller = instances ? "Program::draw_instanced" : "Program::draw";
    const detail::DrawLimits limits = s_->prepare(caller, instances);
    const std::size_t vertices = limits.vertices, limit = limits.instances;
    auto* object = Buffer::object_of(indices);
    if (!object) throw ValueError(std::string(caller) + ": the index buffer is a null handle");
    // Indices past the vertex arrays would make the GL read outside them: refuse instead.
    const Array& flat = indices;
    std::uint64_t highest = 0;
    if (flat.size()) {
        for (const auto v : flat.to_vector<std::uint32_t>()) highest = std::max<std::uint64_t>(highest, v);
        if (vertices != SIZE_MAX && highest >= vertices) {
            throw IndexError(std::string(caller) + ": index " + std::to_string(highest) + " but the attribute arrays hold " +
                             std::to_string(vertices) + " vertices");
        }
    }
    if (instances && limit != SIZE_MAX && instances > limit) {
        throw IndexError(std::string(caller) + ": " + std::to_string(instances) + " instances but the per-instance arrays serve " +
                         std::to_string(limit));
    }
    object->sync(caller);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, object->gpu().name()); // VAO state
    const auto gl_mode = static_cast<GLenum>(mode);
    const auto n = static_cast<GLsizei>(indices.size());
    const void* offset = reinterpret_cast<const void*>(indices.offset());
    if (instances) {
        glDrawElementsInstanced(gl_mode, n, indices.gl_type(), offset, static_cast<GLsizei>(instances));
    } else {
        glDrawElements(gl_mode, n, indices.gl_type(), offset);
    }
    object->gpu().used_by_draw();
    s_->finish(detail::require_current(caller));
}

void Program::multi_draw(Primitive mode, std::span<const int> firsts, std::span<const int> counts) {
    const char* caller = "Program::multi_draw";
    if (firsts.size() != counts.size()) {
        throw ValueError(std::string(caller) + ": " + std::to_string(firsts.size()) + " firsts but " +
                         std::to_string(counts.size()) + " counts");
    }
    const std::size_t vertices = s_->prepare(caller, 0).vertices;
    for (std::size_t k = 0; k < firsts.size(); ++k) {
        if (firsts[k] < 0 || counts[k] < 0) {
            throw ValueError(std::string(caller) + ": run " + std::to_string(k) + " has first " + std::to_string(firsts[k]) +
                             " and count " + std::to_string(counts[k]) + " (both must be >= 0)");
        }
        const auto stop = static_cast<std::size_t>(firsts[k]) + static_cast<std::size_t>(counts[k]);
        if (vertices != SIZE_MAX && stop > vertices) {
            throw IndexError(std::string(caller) + ": run " + std::to_string(k) + " is vertices [" + std::to_string(firsts[k]) +
                             ", " + std::to_string(stop) + ") but the attribute arrays hold " + std::to_string(vertices));
        }
    }
    glMultiDrawArrays(static_cast<GLenum>(mode), firsts.data(), counts.data(), static_cast<GLsizei>(firsts.size()));
    s_->finish(detail::require_current(caller));
}

} // namespace glumpp::gloo
