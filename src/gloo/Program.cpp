#include <glumpp/gloo/Program.hpp>

#include "BufferObject.hpp"
#include "GlslType.hpp"
#include "Shader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

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
    void link(std::string_view vertex, std::string_view geometry, std::string_view fragment);
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

void ProgramState::link(std::string_view vertex, std::string_view geometry, std::string_view fragment) {
    ContextState& ctx = require_current("Program");
    sources = std::string(vertex) + "\n" + std::string(geometry) + "\n" + std::string(fragment);
    std::vector<GLuint> shaders;
    try {
        shaders.push_back(compile_shader(GL_VERTEX_SHADER, vertex));
        if (!geometry.empty()) shaders.push_back(compile_shader(GL_GEOMETRY_SHADER, geometry));
        shaders.push_back(compile_shader(GL_FRAGMENT_SHADER, fragment));
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
    if (static_cast<int>(components) != a.type->components) {
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
    a.block.assign(values); // broadcasting, like glumpy's buffer[...] = data
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
    if (values.size() != comps && values.size() != 1) {
        throw TypeError("Program: " + what + " takes " + std::to_string(comps) + " value" + (comps == 1 ? "" : "s") +
                        " but " + std::to_string(values.size()) + " were given");
    }
    const auto bytes = convert_scalars(values, a.type->base, what);
    std::array<std::byte, 16> constant{};
    if (a.type->base == Base::Float) { // GL fills missing components with (0, 0, 0, 1)
        const float one = 1.0f;
        std::memcpy(constant.data() + 12, &one, 4);
    }
    for (std::size_t c = 0; c < comps; ++c) std::memcpy(constant.data() + 4 * c, bytes.data() + (values.size() == 1 ? 0 : 4 * c), 4);
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
    for (std::size_t k = 0; k < total; ++k) {
        std::memcpy(u.value.data() + k * scalar, bytes.data() + (values.size() == 1 ? 0 : k * scalar), scalar);
    }
    u.dirty = true;
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
            auto* t = dynamic_cast<TextureBinding*>(u.textures[e].tracker_ptr().get());
            t->bind_to_unit(u.first_unit + static_cast<unsigned>(e), caller);
        }
    }
}

// Only the uniforms whose cached value changed since the last draw.
void ProgramState::upload_uniforms(ContextState& ctx) {
    for (Uniform& u : uniforms) {
        if (!u.type || !u.dirty) continue;
        u.type->upload(u.info.location, u.info.array_size, u.value.data());
        u.dirty = false;
    }
    (void)ctx;
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

Program::Program(std::string_view vertex, std::string_view geometry, std::string_view fragment, std::optional<std::size_t> count)
    : s_(std::make_unique<detail::ProgramState>()) {
    s_->link(vertex, geometry, fragment);
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
        auto* t = dynamic_cast<detail::TextureBinding*>(source.array.tracker_ptr().get());
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

} // namespace glumpp::gloo
