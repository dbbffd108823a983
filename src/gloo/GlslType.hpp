#pragma once
// What glumpp knows about each GLSL type, in one table (GlslType.cpp): its GL enum and
// spelling, the scalars it holds, how a uniform of it is uploaded, what an attribute of it
// reads, and what texture a sampler of it takes. Program.cpp asks this table instead of
// switching on GL enums.

#include "TextureBinding.hpp"

#include <glumpp/array/Array.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace glumpp::gloo::detail {

/// The scalar a GLSL type is made of; decides conversions and which GL entry points feed it.
enum class Base { Float, Double, Int, UInt, Bool, Sampler };

struct GlslType {
    GLenum gl;
    const char* name;
    Base base;
    int components; ///< scalars per element (a mat3 has 9)
    /// glUniform*v / glUniformMatrix*v for `count` elements of this type at `location`.
    void (*upload)(GLint location, GLsizei count, const void* values);
    SampledKind sampled = SampledKind::Float; ///< samplers: the texture kind they read
    GLenum texture_target = 0;                ///< samplers: GL_TEXTURE_2D...

    bool is_matrix() const { return base == Base::Float && components > 4; }
    bool is_integer() const { return base == Base::Int || base == Base::UInt; }
    /// Bytes of one scalar in a uniform value or a generic attribute (8 for double).
    std::size_t scalar_bytes() const { return base == Base::Double ? 8 : 4; }
    /// The dtype of one scalar as the GL reads it without conversion (the store's blocks).
    DType scalar_dtype() const;
};

/// The table's entry for a GL type enum, or nullptr for one glumpp does not know.
const GlslType* glsl_type(GLenum gl);

/// "a float or normalized texture"...: what a sampler needs, for messages.
const char* sampled_name(SampledKind k);

/// The scalars of `values` as the bytes a uniform or generic attribute of base `base`
/// takes (float32, float64, int32, uint32, or 0/1 int32 for bool). TypeError naming
/// `what` for float values into an integer or bool input.
std::vector<std::byte> convert_scalars(const Array& values, Base base, const std::string& what);

/// glVertexAttribPointer / IPointer / LPointer, whichever `type` reads through, for the
/// buffer bound to GL_ARRAY_BUFFER.
void attribute_pointer(const GlslType& type, GLuint location, GLint components, GLenum data_type, bool normalized,
                       GLsizei stride, std::size_t offset);
/// glVertexAttrib4fv / I4iv / I4uiv: a generic (constant) attribute value of 4 scalars.
void attribute_constant(const GlslType& type, GLuint location, const std::byte* four_scalars);

} // namespace glumpp::gloo::detail
