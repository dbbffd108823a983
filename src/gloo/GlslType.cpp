#include "GlslType.hpp"

#include <glumpp/Error.hpp>

#include <cstdint>

namespace glumpp::gloo::detail {

namespace {

// epoxy's entry points are function-pointer variables, not functions: wrap each call.
#define GLUMPP_UNIFORM(fn, T) [](GLint l, GLsizei n, const void* v) { fn(l, n, static_cast<const T*>(v)); }
#define GLUMPP_MATRIX(fn) [](GLint l, GLsizei n, const void* v) { fn(l, n, GL_FALSE, static_cast<const GLfloat*>(v)); }

// bool vectors and samplers are uploaded as ints (glUniform*iv), as the GL requires.
constexpr GlslType table[] = {
    {GL_FLOAT, "float", Base::Float, 1, GLUMPP_UNIFORM(glUniform1fv, GLfloat)},
    {GL_FLOAT_VEC2, "vec2", Base::Float, 2, GLUMPP_UNIFORM(glUniform2fv, GLfloat)},
    {GL_FLOAT_VEC3, "vec3", Base::Float, 3, GLUMPP_UNIFORM(glUniform3fv, GLfloat)},
    {GL_FLOAT_VEC4, "vec4", Base::Float, 4, GLUMPP_UNIFORM(glUniform4fv, GLfloat)},
    {GL_DOUBLE, "double", Base::Double, 1, GLUMPP_UNIFORM(glUniform1dv, GLdouble)},
    {GL_DOUBLE_VEC2, "dvec2", Base::Double, 2, GLUMPP_UNIFORM(glUniform2dv, GLdouble)},
    {GL_DOUBLE_VEC3, "dvec3", Base::Double, 3, GLUMPP_UNIFORM(glUniform3dv, GLdouble)},
    {GL_DOUBLE_VEC4, "dvec4", Base::Double, 4, GLUMPP_UNIFORM(glUniform4dv, GLdouble)},
    {GL_INT, "int", Base::Int, 1, GLUMPP_UNIFORM(glUniform1iv, GLint)},
    {GL_INT_VEC2, "ivec2", Base::Int, 2, GLUMPP_UNIFORM(glUniform2iv, GLint)},
    {GL_INT_VEC3, "ivec3", Base::Int, 3, GLUMPP_UNIFORM(glUniform3iv, GLint)},
    {GL_INT_VEC4, "ivec4", Base::Int, 4, GLUMPP_UNIFORM(glUniform4iv, GLint)},
    {GL_UNSIGNED_INT, "uint", Base::UInt, 1, GLUMPP_UNIFORM(glUniform1uiv, GLuint)},
    {GL_UNSIGNED_INT_VEC2, "uvec2", Base::UInt, 2, GLUMPP_UNIFORM(glUniform2uiv, GLuint)},
    {GL_UNSIGNED_INT_VEC3, "uvec3", Base::UInt, 3, GLUMPP_UNIFORM(glUniform3uiv, GLuint)},
    {GL_UNSIGNED_INT_VEC4, "uvec4", Base::UInt, 4, GLUMPP_UNIFORM(glUniform4uiv, GLuint)},
    {GL_BOOL, "bool", Base::Bool, 1, GLUMPP_UNIFORM(glUniform1iv, GLint)},
    {GL_BOOL_VEC2, "bvec2", Base::Bool, 2, GLUMPP_UNIFORM(glUniform2iv, GLint)},
    {GL_BOOL_VEC3, "bvec3", Base::Bool, 3, GLUMPP_UNIFORM(glUniform3iv, GLint)},
    {GL_BOOL_VEC4, "bvec4", Base::Bool, 4, GLUMPP_UNIFORM(glUniform4iv, GLint)},
    {GL_FLOAT_MAT2, "mat2", Base::Float, 4, GLUMPP_MATRIX(glUniformMatrix2fv)},
    {GL_FLOAT_MAT3, "mat3", Base::Float, 9, GLUMPP_MATRIX(glUniformMatrix3fv)},
    {GL_FLOAT_MAT4, "mat4", Base::Float, 16, GLUMPP_MATRIX(glUniformMatrix4fv)},
    {GL_FLOAT_MAT2x3, "mat2x3", Base::Float, 6, GLUMPP_MATRIX(glUniformMatrix2x3fv)},
    {GL_FLOAT_MAT2x4, "mat2x4", Base::Float, 8, GLUMPP_MATRIX(glUniformMatrix2x4fv)},
    {GL_FLOAT_MAT3x2, "mat3x2", Base::Float, 6, GLUMPP_MATRIX(glUniformMatrix3x2fv)},
    {GL_FLOAT_MAT3x4, "mat3x4", Base::Float, 12, GLUMPP_MATRIX(glUniformMatrix3x4fv)},
    {GL_FLOAT_MAT4x2, "mat4x2", Base::Float, 8, GLUMPP_MATRIX(glUniformMatrix4x2fv)},
    {GL_FLOAT_MAT4x3, "mat4x3", Base::Float, 12, GLUMPP_MATRIX(glUniformMatrix4x3fv)},
#define GLUMPP_SAMPLER(gl, name, kind, target) {gl, name, Base::Sampler, 1, GLUMPP_UNIFORM(glUniform1iv, GLint), kind, target}
    GLUMPP_SAMPLER(GL_SAMPLER_1D, "sampler1D", SampledKind::Float, GL_TEXTURE_1D),
    GLUMPP_SAMPLER(GL_SAMPLER_2D, "sampler2D", SampledKind::Float, GL_TEXTURE_2D),
    GLUMPP_SAMPLER(GL_SAMPLER_3D, "sampler3D", SampledKind::Float, GL_TEXTURE_3D),
    GLUMPP_SAMPLER(GL_SAMPLER_CUBE, "samplerCube", SampledKind::Float, GL_TEXTURE_CUBE_MAP),
    GLUMPP_SAMPLER(GL_SAMPLER_2D_SHADOW, "sampler2DShadow", SampledKind::Depth, GL_TEXTURE_2D),
    GLUMPP_SAMPLER(GL_INT_SAMPLER_1D, "isampler1D", SampledKind::Int, GL_TEXTURE_1D),
    GLUMPP_SAMPLER(GL_INT_SAMPLER_2D, "isampler2D", SampledKind::Int, GL_TEXTURE_2D),
    GLUMPP_SAMPLER(GL_INT_SAMPLER_3D, "isampler3D", SampledKind::Int, GL_TEXTURE_3D),
    GLUMPP_SAMPLER(GL_INT_SAMPLER_CUBE, "isamplerCube", SampledKind::Int, GL_TEXTURE_CUBE_MAP),
    GLUMPP_SAMPLER(GL_UNSIGNED_INT_SAMPLER_1D, "usampler1D", SampledKind::UInt, GL_TEXTURE_1D),
    GLUMPP_SAMPLER(GL_UNSIGNED_INT_SAMPLER_2D, "usampler2D", SampledKind::UInt, GL_TEXTURE_2D),
    GLUMPP_SAMPLER(GL_UNSIGNED_INT_SAMPLER_3D, "usampler3D", SampledKind::UInt, GL_TEXTURE_3D),
    GLUMPP_SAMPLER(GL_UNSIGNED_INT_SAMPLER_CUBE, "usamplerCube", SampledKind::UInt, GL_TEXTURE_CUBE_MAP),
#undef GLUMPP_SAMPLER
};
#undef GLUMPP_UNIFORM
#undef GLUMPP_MATRIX

} // namespace

const GlslType* glsl_type(GLenum gl) {
    for (const auto& t : table) {
        if (t.gl == gl) return &t;
    }
    return nullptr;
}

DType GlslType::scalar_dtype() const {
    switch (base) {
    case Base::Double: return DType::of<double>();
    case Base::Int: return DType::of<std::int32_t>();
    case Base::UInt: return DType::of<std::uint32_t>();
    default: return DType::of<float>();
    }
}

const char* sampled_name(SampledKind k) {
    switch (k) {
    case SampledKind::Float: return "a float or normalized texture";
    case SampledKind::Int: return "a signed integer texture";
    case SampledKind::UInt: return "an unsigned integer texture";
    case SampledKind::Depth: return "a depth texture";
    }
    return "?";
}

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

void attribute_pointer(const GlslType& type, GLuint location, GLint components, GLenum data_type, bool normalized,
                       GLsizei stride, std::size_t offset) {
    const void* at = reinterpret_cast<const void*>(offset);
    if (type.is_integer()) {
        glVertexAttribIPointer(location, components, data_type, stride, at);
    } else if (type.base == Base::Double) {
        glVertexAttribLPointer(location, components, data_type, stride, at);
    } else {
        glVertexAttribPointer(location, components, data_type, normalized ? GL_TRUE : GL_FALSE, stride, at);
    }
}

void attribute_constant(const GlslType& type, GLuint location, const std::byte* four_scalars) {
    if (type.base == Base::Int) {
        glVertexAttribI4iv(location, reinterpret_cast<const GLint*>(four_scalars));
    } else if (type.base == Base::UInt) {
        glVertexAttribI4uiv(location, reinterpret_cast<const GLuint*>(four_scalars));
    } else {
        glVertexAttrib4fv(location, reinterpret_cast<const GLfloat*>(four_scalars));
    }
}

} // namespace glumpp::gloo::detail
