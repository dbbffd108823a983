#pragma once
// The GPU object behind a Texture: the tracker of the storage's writes, the GL texture,
// its format and parameters. Its sync is GpuObject's; what is particular to textures is
// below. Program.cpp reaches it as a TextureBinding (samplers, through
// texture_binding_of), FrameBuffer.cpp as a TextureObject (attachments).

#include "GpuObject.hpp"
#include "TextureBinding.hpp"

#include <glumpp/gloo/Texture.hpp>
#include <glumpp/gloo/UploadPlan.hpp>

#include <string>

namespace glumpp::gloo::detail {

/// How texels travel (format, type) and how the GPU keeps them (internal format).
struct TexelFormat {
    GLenum internal = 0; ///< GL_RGBA8, GL_R32UI, GL_DEPTH_COMPONENT32F...
    GLenum format = 0;   ///< GL_RED ... GL_RGBA_INTEGER, GL_DEPTH_COMPONENT
    GLenum type = 0;     ///< GL_UNSIGNED_BYTE ... GL_FLOAT
    SampledKind sampled = SampledKind::Float;
    bool depth = false;
    std::string name;    ///< "GL_RGBA8": for messages
    DType dtype;         ///< of one channel: what read_back returns
};

/// Where the texels are and how many.
struct TexelGrid {
    const char* kind = "Texture2D"; ///< class name, for messages
    GLenum target = GL_TEXTURE_2D;
    std::size_t width = 1, height = 1, depth = 1; ///< depth: 3-D slices (1 otherwise)
    std::size_t faces = 1;                        ///< 6 for cube maps
    std::size_t channels = 1;
    std::size_t texel_size = 1;                   ///< bytes
    std::size_t offset = 0;                       ///< of texel 0 in the storage, bytes
    bool gpu_only = false;                        ///< no CPU texels: allocated empty, never uploaded
    std::size_t face_bytes() const { return width * height * depth * texel_size; }
    std::size_t nbytes() const { return face_bytes() * faces; }
    /// The texture's Array shape, channel axis included: (w, c), (h, w, c), (d, h, w, c) or
    /// (6, s, s, c).
    std::vector<std::size_t> shape() const;
};

class TextureObject final : public GpuObject<TextureObject>, public TextureBinding {
public:
    TextureObject(std::shared_ptr<Storage> storage, TexelGrid grid, TexelFormat format);

    /// GpuObject::sync: creates the GL texture in the current context if needed, applies
    /// changed parameters and uploads what is dirty. Leaves the texture bound on the active
    /// unit.
    using GpuObject::sync;
    void sync() { sync(sync_caller_.c_str()); }
    /// See Texture::read_back.
    Array read_back(const char* caller) const;
    /// A GPU-only 2-D texture's new size (FrameBuffer::resize): once it exists, re-specified
    /// now with glTexImage2D and a null pointer (logged as a TexImage of 0 bytes), in the
    /// current context, which must be its own (the caller checks that first).
    void resize(std::size_t width, std::size_t height, const char* caller);

    void bind_to_unit(unsigned unit, const char* caller) override;
    GLenum gl_target() const override { return grid_.target; }
    SampledKind sampled_kind() const override;

    GLuint name() const noexcept { return name_.get(); }
    const TexelGrid& grid() const noexcept { return grid_; }
    const TexelFormat& format() const noexcept { return format_; }

    void set_interpolation(Interpolation min, Interpolation mag);
    void set_wrapping(Wrapping s, Wrapping t, Wrapping r);
    void set_compare(DepthCompare compare);
    Interpolation min_interpolation() const noexcept { return min_; }
    Interpolation mag_interpolation() const noexcept { return mag_; }
    Wrapping wrapping(std::size_t axis) const noexcept { return wrap_[axis]; }
    DepthCompare compare() const noexcept { return compare_; }

    /// ContextError unless the texture is not made yet or belongs to the current context.
    void require_own_context(const char* caller) const;

private:
    friend GpuObject;
    bool needs_creation() const noexcept { return !name_; }
    /// glTexImage* with the whole array (one call per cube face).
    void create(ContextState& ctx, std::span<const ByteRange> dirty, UploadStats& done, const char* caller);
    /// Changed parameters, then one glTexSubImage* per texel box of the dirty bytes.
    void update(ContextState& ctx, std::span<const ByteRange> dirty, UploadStats& done, const char* caller);
    /// The dirty ranges clipped to this texture's bytes, relative to texel 0, into local_;
    /// returns how many bytes they cover.
    std::size_t clip(std::span<const ByteRange> dirty);
    void allocate(ContextState& ctx, const char* caller);
    void apply_parameters();
    /// glTexSubImage* for each box of `plan`, reading from `base` (texel 0 of the face).
    void upload(ContextState& ctx, GLenum target, const std::byte* base, const TexturePlan& plan);

    TexelGrid grid_;
    TexelFormat format_;
    std::string sync_caller_; // "Texture2D::sync"
    GLName name_;
    const ContextState* owner_ = nullptr; // compared with the current context on every use
    Interpolation min_ = Interpolation::Nearest, mag_ = Interpolation::Nearest;
    Wrapping wrap_[3] = {Wrapping::ClampToEdge, Wrapping::ClampToEdge, Wrapping::ClampToEdge};
    DepthCompare compare_ = DepthCompare::Off;
    bool parameters_changed_ = false;
    std::vector<ByteRange> local_, face_; // reused every sync
    TexturePlan plan_;
};

} // namespace glumpp::gloo::detail
