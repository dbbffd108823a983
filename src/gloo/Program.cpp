#include <glumpp/gloo/Program.hpp>

#include "BufferObject.hpp"
#include "TextureBinding.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <set>

namespace glumpp::gloo {

namespace detail {

namespace {

enum class Base { Float, Double, Int, UInt, Bool, Sampler };

struct GlslType {
    GLenum gl;
    const char* name;
    Base base;
    int components; ///< scalars per element (a mat3 has 9)
    SampledKind sampled = SampledKind::Float;
    GLenum texture_target = 0;
};

constexpr GlslType glsl_types[] = {
    {GL_FLOAT, "float", Base::Float, 1},
    {GL_FLOAT_VEC2, "vec2", Base::Float, 2},
    {GL_FLOAT_VEC3, "vec3", Base::Float, 3},
    {GL_FLOAT_VEC4, "vec4", Base::Float, 4},
    {GL_DOUBLE, "double", Base::Double, 1},
    {GL_DOUBLE_VEC2, "dvec2", Base::Double, 2},
    {GL_DOUBLE_VEC3, "dvec3", Base::Double, 3},
    {GL_DOUBLE_VEC4, "dvec4", Base::Double, 4},
    {GL_INT, "int", Base::Int, 1},
    {GL_INT_VEC2, "ivec2", Base::Int, 2},
    {GL_INT_VEC3, "ivec3", Base::Int, 3},
    {GL_INT_VEC4, "ivec4", Base::Int, 4},
    {GL_UNSIGNED_INT, "uint", Base::UInt, 1},
    {GL_UNSIGNED_INT_VEC2, "uvec2", Base::UInt, 2},
    {GL_UNSIGNED_INT_VEC3, "uvec3", Base::UInt, 3},
    {GL_UNSIGNED_INT_VEC4, "uvec4", Base::UInt, 4},
    {GL_BOOL, "bool", Base::Bool, 1},
    {GL_BOOL_VEC2, "bvec2", Base::Bool, 2},
    {GL_BOOL_VEC3, "bvec3", Base::Bool, 3},
    {GL_BOOL_VEC4, "bvec4", Base::Bool, 4},
    {GL_FLOAT_MAT2, "mat2", Base::Float, 4},
    {GL_FLOAT_MAT3, "mat3", Base::Float, 9},
    {GL_FLOAT_MAT4, "mat4", Base::Float, 16},
    {GL_FLOAT_MAT2x3, "mat2x3", Base::Float, 6},
    {GL_FLOAT_MAT2x4, "mat2x4", Base::Float, 8},
    {GL_FLOAT_MAT3x2, "mat3x2", Base::Float, 6},
    {GL_FLOAT_MAT3x4, "mat3x4", Base::Float, 12},
    {GL_FLOAT_MAT4x2, "mat4x2", Base::Float, 8},
    {GL_FLOAT_MAT4x3, "mat4x3", Base::Float, 12},
    {GL_SAMPLER_1D, "sampler1D", Base::Sampler, 1, SampledKind::Float, GL_TEXTURE_1D},
    {GL_SAMPLER_2D, "sampler2D", Base::Sampler, 1, SampledKind::Float, GL_TEXTURE_2D},
    {GL_SAMPLER_3D, "sampler3D", Base::Sampler, 1, SampledKind::Float, GL_TEXTURE_3D},
    {GL_SAMPLER_CUBE, "samplerCube", Base::Sampler, 1, SampledKind::Float, GL_TEXTURE_CUBE_MAP},
    {GL_SAMPLER_2D_SHADOW, "sampler2DShadow", Base::Sampler, 1, SampledKind::Depth, GL_TEXTURE_2D},
    {GL_INT_SAMPLER_1D, "isampler1D", Base::Sampler, 1, SampledKind::Int, GL_TEXTURE_1D},
    {GL_INT_SAMPLER_2D, "isampler2D", Base::Sampler, 1, SampledKind::Int, GL_TEXTURE_2D},
    {GL_INT_SAMPLER_3D, "isampler3D", Base::Sampler, 1, SampledKind::Int, GL_TEXTURE_3D},
    {GL_INT_SAMPLER_CUBE, "isamplerCube", Base::Sampler, 1, SampledKind::Int, GL_TEXTURE_CUBE_MAP},
    {GL_UNSIGNED_INT_SAMPLER_1D, "usampler1D", Base::Sampler, 1, SampledKind::UInt, GL_TEXTURE_1D},
    {GL_UNSIGNED_INT_SAMPLER_2D, "usampler2D", Base::Sampler, 1, SampledKind::UInt, GL_TEXTURE_2D},
    {GL_UNSIGNED_INT_SAMPLER_3D, "usampler3D", Base::Sampler, 1, SampledKind::UInt, GL_TEXTURE_3D},
    {GL_UNSIGNED_INT_SAMPLER_CUBE, "usamplerCube", Base::Sampler, 1, SampledKind::UInt, GL_TEXTURE_CUBE_MAP},
};

const GlslType* glsl_type(GLenum gl) {
    for (const auto& t : glsl_types) {
        if (t.gl == gl) return &t;
    }
    return nullptr;
}

bool is_matrix(const GlslType& t) { return t.base == Base::Float && t.components > 4; }

const char* sampled_name(SampledKind k) {
    switch (k) {
    case SampledKind::Float: return "a float or normalized texture";
    case SampledKind::Int: return "a signed integer texture";
    case SampledKind::UInt: return "an unsigned integer texture";
    case SampledKind::Depth: return "a depth texture";
    }
    return "?";
}

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

std::string stage_name(GLenum stage) {
    switch (stage) {
    case GL_VERTEX_SHADER: return "vertex";
    case GL_FRAGMENT_SHADER: return "fragment";
    case GL_GEOMETRY_SHADER: return "geometry";
    }
    return "?";
}

// Line numbers a driver's log points at: Mesa "0:12(5):", AMD/Intel "ERROR: 0:12:",
// NVIDIA "0(12) :". Each is quoted from the source with its number.
std::string quote_lines(const std::string& log, std::string_view source) {
    std::vector<std::size_t> lines;
    for (std::size_t i = 0; i + 2 < log.size(); ++i) {
        if (log[i] != '0' || (i > 0 && std::isdigit(static_cast<unsigned char>(log[i - 1])))) continue;
        if (log[i + 1] != ':' && log[i + 1] != '(') continue;
        std::size_t j = i + 2, n = 0;
        while (j < log.size() && std::isdigit(static_cast<unsigned char>(log[j]))) n = n * 10 + static_cast<std::size_t>(log[j++] - '0');
        if (j == i + 2 || j >= log.size()) continue;
        if ((log[i + 1] == ':' && (log[j] == '(' || log[j] == ':')) || (log[i + 1] == '(' && log[j] == ')')) {
            if (n > 0 && std::find(lines.begin(), lines.end(), n) == lines.end()) lines.push_back(n);
        }
    }
    std::vector<std::string_view> text;
    for (std::size_t start = 0; start <= source.size();) {
        const std::size_t end = source.find('\n', start);
        text.push_back(source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    std::string out;
    for (std::size_t n : lines) {
        if (n <= text.size()) out += "  " + std::to_string(n) + " | " + std::string(text[n - 1]) + "\n";
    }
    return out;
}

// The info log of a shader or a program (the two differ only in their getters).
template <class Get, class Log>
std::string info_log(GLuint object, Get get, Log log_of) {
    GLint size = 0;
    get(object, GL_INFO_LOG_LENGTH, &size);
    std::string log(static_cast<std::size_t>(std::max(size, 1)), '\0');
    log_of(object, size, nullptr, log.data());
    log.resize(std::strlen(log.c_str()));
    return log;
}

GLuint compile(GLenum stage, std::string_view source) {
    const GLuint shader = glCreateShader(stage);
    const char* text = source.data();
    const auto length = static_cast<GLint>(source.size());
    glShaderSource(shader, 1, &text, &length);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        const std::string log = info_log(shader, glGetShaderiv, glGetShaderInfoLog);
        glDeleteShader(shader);
        std::string quoted = quote_lines(log, source);
        throw ShaderError("Program: the " + stage_name(stage) + " shader does not compile:\n" + log +
                          (quoted.empty() ? "" : "offending lines:\n" + quoted));
    }
    return shader;
}

bool word_in(std::string_view text, std::string_view word) {
    for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
        auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
        const bool left = at == 0 || !ident(text[at - 1]);
        const bool right = at + word.size() >= text.size() || !ident(text[at + word.size()]);
        if (left && right) return true;
    }
    return false;
}

std::size_t scalar_bytes(const GlslType& t) { return t.base == Base::Double ? 8 : 4; }

// Converts `n` scalars of an Array into the bytes a uniform or generic attribute of base
// `base` takes.
std::vector<std::byte> convert_scalars(const Array& values, Base base, const std::string& what) {
    const DType& d = values.dtype();
    const bool float_source = d.scalar_kind() == ScalarKind::Float;
    if ((base == Base::Int || base == Base::UInt || base == Base::Bool) && float_source) {
        throw TypeError("Program: " + what + " takes integers, not " + d.name());
    }
    std::vector<std::byte> out;
    auto put = [&out](const auto& v) {
        const auto* p = reinterpret_cast<const std::byte*>(v.data());
        out.insert(out.end(), p, p + v.size() * sizeof(v[0]));
    };
    switch (base) {
    case Base::Float: put(values.to_vector<float>()); break;
    case Base::Double: put(values.to_vector<double>()); break;
    case Base::Int:
    case Base::Sampler: put(values.to_vector<std::int32_t>()); break;
    case Base::UInt: put(values.to_vector<std::uint32_t>()); break;
    case Base::Bool: {
        auto b = values.to_vector<std::int32_t>();
        for (auto& x : b) x = x != 0;
        put(b);
        break;
    }
    }
    return out;
}

} // namespace

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

    void link(std::string_view vertex, std::string_view geometry, std::string_view fragment);
    void make_store(std::size_t count);
    void bind(Attribute& a, const AttributeSource& src);
    void prepare(const char* caller, std::size_t& vertices, std::size_t& instanced_limit, std::size_t instances);
    void finish(ContextState& ctx);
};

void ProgramState::link(std::string_view vertex, std::string_view geometry, std::string_view fragment) {
    ContextState& ctx = require_current("Program");
    sources = std::string(vertex) + "\n" + std::string(geometry) + "\n" + std::string(fragment);
    std::vector<GLuint> shaders;
    try {
        shaders.push_back(compile(GL_VERTEX_SHADER, vertex));
        if (!geometry.empty()) shaders.push_back(compile(GL_GEOMETRY_SHADER, geometry));
        shaders.push_back(compile(GL_FRAGMENT_SHADER, fragment));
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
    if (!ok) throw ShaderError("Program: the shaders do not link:\n" + info_log(p, glGetProgramiv, glGetProgramInfoLog));
    // Introspection: what GL says is active, in location order (deterministic).
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
        if (t) u.value.assign(scalar_bytes(*t) * static_cast<std::size_t>(t->components * size), std::byte{0});
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
    GLuint v = 0;
    glGenVertexArrays(1, &v);
    vao = GLName(GLName::Kind::VertexArray, v, ctx);
    check_gl("Program: linking");
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
        if (!a.type || is_matrix(*a.type)) continue;
        DType d = a.type->base == Base::Double ? DType::of<double>()
                  : a.type->base == Base::Int  ? DType::of<std::int32_t>()
                  : a.type->base == Base::UInt ? DType::of<std::uint32_t>()
                                               : DType::of<float>();
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

void ProgramState::bind(Attribute& a, const AttributeSource& src) {
    const std::string what = "attribute '" + a.info.name + "' (" + a.info.type + ")";
    if (!a.type || is_matrix(*a.type)) throw TypeError("Program: " + what + ": matrix attributes are not supported");
    Array view = src.array;
    if (!view) throw ValueError("Program: " + what + ": the array is a null handle");
    if (!Buffer::object_of(view)) {
        if (a.block) { // the program's store: copy in (broadcasting), like glumpy
            a.block.assign(view);
            if (src.normalized || src.divisor) bind(a, AttributeSource{a.block, src.normalized, src.divisor});
            return;
        }
        view = VertexBuffer::over(view); // a GPU buffer over the array's own storage
    }
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
    if ((a.type->base == Base::Int || a.type->base == Base::UInt) && !integer_data) {
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

void ProgramState::prepare(const char* caller, std::size_t& vertices, std::size_t& instanced_limit, std::size_t instances) {
    ContextState& ctx = require_current(caller);
    program.require_owner_current(caller);
    glUseProgram(program.get());
    glBindVertexArray(vao.get());
    vertices = SIZE_MAX;
    instanced_limit = SIZE_MAX;
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
                const void* offset = reinterpret_cast<const void*>(a.offset);
                if (a.type->base == Base::Int || a.type->base == Base::UInt) {
                    glVertexAttribIPointer(loc, a.components, a.data_type, a.stride, offset);
                } else if (a.type->base == Base::Double) {
                    glVertexAttribLPointer(loc, a.components, a.data_type, a.stride, offset);
                } else {
                    glVertexAttribPointer(loc, a.components, a.data_type, a.normalized ? GL_TRUE : GL_FALSE, a.stride, offset);
                }
                glVertexAttribDivisor(loc, a.divisor);
                glEnableVertexAttribArray(loc);
                a.applied = true;
                a.applied_buffer = name;
            }
            if (a.divisor == 0) {
                vertices = std::min(vertices, a.count);
            } else if (instances > 0) {
                // n values serve n * divisor instances
                instanced_limit = std::min(instanced_limit, a.count * a.divisor);
            }
            break;
        }
        case Attribute::Source::Constant:
            if (a.applied) {
                glDisableVertexAttribArray(loc);
                a.applied = false;
            }
            // Generic values are context state, not VAO state: set them for every draw.
            if (a.type->base == Base::Int) {
                glVertexAttribI4iv(loc, reinterpret_cast<const GLint*>(a.constant.data()));
            } else if (a.type->base == Base::UInt) {
                glVertexAttribI4uiv(loc, reinterpret_cast<const GLuint*>(a.constant.data()));
            } else {
                glVertexAttrib4fv(loc, reinterpret_cast<const GLfloat*>(a.constant.data()));
            }
            break;
        }
    }
    for (Uniform& u : uniforms) {
        if (!u.type) continue;
        if (u.type->base == Base::Sampler) {
            for (std::size_t e = 0; e < u.textures.size(); ++e) {
                if (!u.textures[e]) {
                    throw ValueError(std::string(caller) + ": sampler '" + u.info.name + "' has no texture");
                }
                auto* t = texture_binding_of(u.textures[e]);
                t->bind_to_unit(u.first_unit + static_cast<unsigned>(e), caller);
            }
        }
        if (!u.dirty) continue;
        const GLint loc = u.info.location;
        const GLsizei n = u.info.array_size;
        const void* v = u.value.data();
        switch (u.type->gl) {
        case GL_FLOAT: glUniform1fv(loc, n, static_cast<const GLfloat*>(v)); break;
        case GL_FLOAT_VEC2: glUniform2fv(loc, n, static_cast<const GLfloat*>(v)); break;
        case GL_FLOAT_VEC3: glUniform3fv(loc, n, static_cast<const GLfloat*>(v)); break;
        case GL_FLOAT_VEC4: glUniform4fv(loc, n, static_cast<const GLfloat*>(v)); break;
        case GL_DOUBLE: glUniform1dv(loc, n, static_cast<const GLdouble*>(v)); break;
        case GL_DOUBLE_VEC2: glUniform2dv(loc, n, static_cast<const GLdouble*>(v)); break;
        case GL_DOUBLE_VEC3: glUniform3dv(loc, n, static_cast<const GLdouble*>(v)); break;
        case GL_DOUBLE_VEC4: glUniform4dv(loc, n, static_cast<const GLdouble*>(v)); break;
        case GL_UNSIGNED_INT: glUniform1uiv(loc, n, static_cast<const GLuint*>(v)); break;
        case GL_UNSIGNED_INT_VEC2: glUniform2uiv(loc, n, static_cast<const GLuint*>(v)); break;
        case GL_UNSIGNED_INT_VEC3: glUniform3uiv(loc, n, static_cast<const GLuint*>(v)); break;
        case GL_UNSIGNED_INT_VEC4: glUniform4uiv(loc, n, static_cast<const GLuint*>(v)); break;
        case GL_FLOAT_MAT2: glUniformMatrix2fv(loc, n, GL_FALSE, static_cast<const GLfloat*>(v)); break;
        case GL_FLOAT_MAT3: glUniformMatrix3fv(loc, n, GL_FALSE, static_cast<const GLfloat*>(v)); break;
        case GL_FLOAT_MAT4: glUniformMatrix4fv(loc, n, GL_FALSE, static_cast<const GLfloat*>(v)); break;
        case GL_FLOAT_MAT2x3: glUniformMatrix2x3fv(loc, n, GL_FALSE, static_cast<const GLfloat*>(v)); break;
        case GL_FLOAT_MAT2x4: glUniformMatrix2x4fv(loc, n, GL_FALSE, static_cast<const GLfloat*>(v)); break;
        case GL_FLOAT_MAT3x2: glUniformMatrix3x2fv(loc, n, GL_FALSE, static_cast<const GLfloat*>(v)); break;
        case GL_FLOAT_MAT3x4: glUniformMatrix3x4fv(loc, n, GL_FALSE, static_cast<const GLfloat*>(v)); break;
        case GL_FLOAT_MAT4x2: glUniformMatrix4x2fv(loc, n, GL_FALSE, static_cast<const GLfloat*>(v)); break;
        case GL_FLOAT_MAT4x3: glUniformMatrix4x3fv(loc, n, GL_FALSE, static_cast<const GLfloat*>(v)); break;
        default: { // int, ivec, bool, bvec and samplers: integer uploads
            const auto* iv = static_cast<const GLint*>(v);
            switch (u.type->components) {
            case 1: glUniform1iv(loc, n, iv); break;
            case 2: glUniform2iv(loc, n, iv); break;
            case 3: glUniform3iv(loc, n, iv); break;
            default: glUniform4iv(loc, n, iv); break;
            }
        }
        }
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
        s.bind(*a, source);
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
        if (a->block) { // the program's store: copy to every vertex (broadcasting)
            a->block.assign(values);
            if (a->view.storage() != a->block.storage() || a->view.offset() != a->block.offset()) {
                s.bind(*a, AttributeSource{a->block});
            }
            return;
        }
        const std::string what = "attribute '" + a->info.name + "' (" + a->info.type + ")";
        if (!a->type || detail::is_matrix(*a->type) || a->type->base == Base::Double) {
            throw TypeError("Program: " + what + " cannot take a constant value");
        }
        const auto comps = static_cast<std::size_t>(a->type->components);
        if (values.size() != comps && values.size() != 1) {
            throw TypeError("Program: " + what + " takes " + std::to_string(comps) + " value" + (comps == 1 ? "" : "s") +
                            " but " + std::to_string(values.size()) + " were given");
        }
        const auto bytes = detail::convert_scalars(values, a->type->base, what);
        std::array<std::byte, 16> constant{};
        if (a->type->base == Base::Float) { // GL fills missing components with (0, 0, 0, 1)
            const float one = 1.0f;
            std::memcpy(constant.data() + 12, &one, 4);
        }
        for (std::size_t c = 0; c < comps; ++c) std::memcpy(constant.data() + 4 * c, bytes.data() + (values.size() == 1 ? 0 : 4 * c), 4);
        a->constant = constant;
        a->source = Attribute::Source::Constant;
        a->view = Array();
        return;
    }
    if (Uniform* u = s.uniform(name_)) {
        const std::string what = "uniform '" + u->info.name + "' (" + u->info.type +
                                 (u->info.array_size > 1 ? "[" + std::to_string(u->info.array_size) + "]" : "") + ")";
        if (!u->type) throw TypeError("Program: " + what + " has a type glumpp does not know");
        if (u->type->base == Base::Sampler) throw TypeError("Program: " + what + " is a sampler: assign a texture");
        const std::size_t total = static_cast<std::size_t>(u->type->components * u->info.array_size);
        if (values.size() != total && values.size() != 1) {
            throw TypeError("Program: " + what + " takes " + std::to_string(total) + " value" + (total == 1 ? "" : "s") +
                            " but " + std::to_string(values.size()) + " were given");
        }
        const auto bytes = detail::convert_scalars(values, u->type->base, what);
        const std::size_t scalar = detail::scalar_bytes(*u->type);
        for (std::size_t k = 0; k < total; ++k) {
            std::memcpy(u->value.data() + k * scalar, bytes.data() + (values.size() == 1 ? 0 : k * scalar), scalar);
        }
        u->dirty = true;
        return;
    }
    s.known(name_, "Program::operator[]");
}

void Program::draw(Primitive mode, std::size_t first, std::optional<std::size_t> count) {
    draw_instanced(mode, 0, first, count);
}

void Program::draw_instanced(Primitive mode, std::size_t instances, std::size_t first, std::optional<std::size_t> count) {
    const char* caller = instances ? "Program::draw_instanced" : "Program::draw";
    std::size_t vertices = 0, limit = 0;
    s_->prepare(caller, vertices, limit, instances);
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
    std::size_t vertices = 0, limit = 0;
    s_->prepare(caller, vertices, limit, instances);
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
    std::size_t vertices = 0, limit = 0;
    s_->prepare(caller, vertices, limit, 0);
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
