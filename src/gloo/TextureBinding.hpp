#pragma once
// What a Program needs from a texture to feed a sampler uniform. The texture objects
// (Texture.cpp) implement it; Program.cpp finds it behind an Array's tracker with
// texture_binding_of, without knowing the texture classes.

#include "ContextState.hpp"

namespace glumpp {
class Array;
}

namespace glumpp::gloo::detail {

/// What a sampler reads: GLSL sampler2D wants Float (normalized or float formats),
/// isampler2D Int, usampler2D UInt, sampler2DShadow Depth.
enum class SampledKind { Float, Int, UInt, Depth };

class TextureBinding {
public:
    virtual ~TextureBinding() = default;
    /// Uploads pending writes (creating the texture in the current context on first use),
    /// then binds it to texture unit `unit`.
    virtual void bind_to_unit(unsigned unit, const char* caller) = 0;
    /// GL_TEXTURE_1D, GL_TEXTURE_2D, GL_TEXTURE_3D or GL_TEXTURE_CUBE_MAP.
    virtual GLenum gl_target() const = 0;
    virtual SampledKind sampled_kind() const = 0;
};

/// The texture a view belongs to, or nullptr for any other Array's view: an exact type check
/// of its tracker (GpuObject::of), not a dynamic_cast's search through the class graph.
TextureBinding* texture_binding_of(const Array& view) noexcept;

} // namespace glumpp::gloo::detail
