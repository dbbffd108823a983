#pragma once
// Textures: arrays of texels that live on the GPU too.
//
//   auto T = gloo::Texture2D::zeros({256, 512, 4}, DType::of<float>());  // h, w, channels
//   T.view({10, slice(20, 30)}).fill(1.0);   // tracked like any Array write
//   T.view({all, all, 3}).fill(0.5);         // one channel of every texel
//   program["u_texture"] = T;                // sampler2D
//   program.draw(gloo::Primitive::TriangleStrip);   // uploads what changed, then draws
//
// A texture *is* an Array (its storage's tracker is the GPU texture), exactly like a
// VertexBuffer: every view of it knows which GPU texture it feeds, and nothing touches the
// GPU until a draw samples it or sync() is called. Then the dirty bytes become texel boxes
// (plan_texture_upload, UploadPlan.hpp) and each box is written in place with one
// glTexSubImage* call, reading the CPU rows through GL_UNPACK_ROW_LENGTH and
// GL_UNPACK_IMAGE_HEIGHT from the box's first texel. Two glumpy bugs are fixed by
// construction: a partial update below the first row reads the right rows (glumpy's
// source pointer stayed at row 0), and a write of one channel sends its texel (glumpy
// rounded it to nothing). Every call goes to the context's UploadLog (TexImage for the
// first upload, one per cube face, of 0 bytes for a GPU-only texture; TexSubImage per box, with x/y/z/width/height/depth in
// texels and the face's target for cube maps) and to UploadStats, as for buffers.
//
// Shapes (as glumpy): rows in C order are GL rows, the last axis is the channels (1 to 4:
// R, RG, RGB, RGBA); an array with exactly as many axes as the texture has dimensions
// gets a trailing channel axis of 1 (a view, no copy).
//     Texture1D    (w[, c])             GL_TEXTURE_1D,       x = index
//     Texture2D    (h, w[, c])          GL_TEXTURE_2D,       row 0 is GL's t = 0
//     Texture3D    (d, h, w[, c])       GL_TEXTURE_3D,       slice 0 is GL's r = 0
//     TextureCube  (6, s, s[, c])       GL_TEXTURE_CUBE_MAP, face k is
//                                       GL_TEXTURE_CUBE_MAP_POSITIVE_X + k (+X -X +Y -Y +Z -Z)
//     DepthTexture (h, w[, 1])          GL_TEXTURE_2D with a depth format
// Row 0 is t = 0, which GL puts at the *bottom* of the screen when texture coordinates
// follow NDC y; image files have row 0 at the top, so flip t (or the rows) to show one.
//
// Formats come from the dtype, and float data is never clamped (glumpy issue #288 stored
// float32 in an 8-bit normalized texture):
//     dtype   Auto / Normalized          Integer (usampler / isampler)   sampled as
//     u1      GL_R8  ... GL_RGBA8        GL_R8UI  ... GL_RGBA8UI          sampler*D: [0, 1]
//     i1      GL_R8_SNORM ...            GL_R8I   ...                     sampler*D: [-1, 1]
//     u2      GL_R16 ...                 GL_R16UI ...
//     i2      GL_R16_SNORM ...           GL_R16I  ...
//     u4      (none: Auto is Integer)    GL_R32UI ...                     usampler*D
//     i4      (none: Auto is Integer)    GL_R32I  ...                     isampler*D
//     f2      GL_R16F ...                (TypeError)                      sampler*D, unclamped
//     f4      GL_R32F ...                (TypeError)                      sampler*D, unclamped
// Any other dtype (bool, float64, 64-bit integers, big-endian, records) is a TypeError
// naming it. `TextureFormat::Integer` samples 8- and 16-bit data as exact integers.
//
// Parameters: interpolation (Nearest by default, as glumpy) and wrapping (ClampToEdge).
// Setting them only calls glTexParameteri at the next sync or draw: the texture's storage
// is never re-specified, so the GPU contents survive (glumpy re-created the storage empty
// and lost them). Integer textures cannot be filtered linearly (GL would make them
// incomplete and sample zeros): set_interpolation(Linear) on one is a ValueError.
//
// Contexts: the GL texture is created in the context current at the first sync or draw,
// with the whole array (glTexImage*), and belongs to it; using it in another context is a
// ContextError. To sample the same data in a second context, make a second texture over
// the same array (`Texture2D::over(T)`): each uploads every write made since its own last
// upload. Copying a texture (`Texture2D copy(T)`) copies the handle: the same GPU texture,
// as for buffers.
//
// Rendering into a texture (FrameBuffer) changes only the GPU's copy: the Array is not
// updated. read_back() fetches the GPU's copy; a later CPU write still uploads only its
// dirty texels, over what the GPU drew. So a texture is either drawn into or written from
// the CPU, or its GPU copy is copied back first (`T.assign(T.read_back())`: the next sync
// then re-sends it all) before CPU writes. A texture that is only drawn into is best
// GPU-only (below): it then has no CPU copy to go stale.
//
// GPU-only textures (render targets): `Texture2D::gpu_only(shape, dtype)` and
// `DepthTexture::gpu_only(shape)` make a texture that has no CPU texels at all, for what is
// drawn on the GPU and sampled there (glumpy's framebuffer and filter examples, ping-pong
// simulations). Its first sync (or the first activation of a FrameBuffer it is attached
// to) allocates it with glTexImage2D and a null pointer: a TexImage entry of 0 bytes in the
// UploadLog, nothing in UploadStats; nothing is ever uploaded after that. GL leaves the
// texels undefined until drawn, so clear it in its first pass. It is sampled like any
// texture, read with read_back(), and resized with its FrameBuffer (FrameBuffer::resize).
// As an Array it is a read-only placeholder of its shape and dtype: every element reads 0
// (never what was drawn: a CPU-backed render target's array does not follow the drawing
// either; read_back() does), and any write through it or a view of it is a ReadOnlyError,
// before anything changes:
//   "Array::fill: the array is read-only (a GPU-only texture has no CPU texels: ...)"
// The placeholder keeps the shape the texture was made with: after FrameBuffer::resize,
// width(), height() and read_back() give the new size. Only 2-D color and depth textures
// are offered: they are what a FrameBuffer can draw into.
//
// GL state: sync() leaves the texture bound to the active texture unit (draws bind every
// sampler's unit anyway) and restores GL_UNPACK_ROW_LENGTH / GL_UNPACK_IMAGE_HEIGHT to 0;
// it relies on GL_UNPACK_ALIGNMENT and GL_PACK_ALIGNMENT being 1, which every glumpp
// context sets, and on no pixel unpack/pack buffer being bound.

#include <glumpp/array/Array.hpp>
#include <glumpp/gloo/UploadLog.hpp>

#include <cstddef>
#include <vector>

namespace glumpp::gloo {

namespace detail {
class TextureObject;
}

/// How integer texels reach shaders (floats are always sampled as floats).
enum class TextureFormat {
    Auto,       ///< 8/16-bit integers normalized, 32-bit integers as integers (see the table)
    Normalized, ///< 8/16-bit integers read as [0, 1] or [-1, 1], floats as floats; TypeError
                ///< for 32-bit integers (GL has no normalized 32-bit format)
    Integer,    ///< exact integers through usampler*D / isampler*D; TypeError for floats
};

/// GL_TEXTURE_MIN_FILTER / GL_TEXTURE_MAG_FILTER values (no mipmaps: level 0 only).
enum class Interpolation { Nearest, Linear };

/// GL_TEXTURE_WRAP_S/T/R values.
enum class Wrapping { ClampToEdge, ClampToBorder, Repeat, MirroredRepeat };

/// GL_TEXTURE_COMPARE_FUNC for depth textures; Off samples depth as a float (sampler2D),
/// any other value compares with the reference (sampler2DShadow).
enum class DepthCompare { Off, Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual, Always, Never };

class Texture : public Array {
public:
    /// Uploads the pending writes and parameter changes now, creating the GL texture in the
    /// current context on first use (ContextError if none is current, or if the texture
    /// belongs to another one; ValueError if it exceeds GL_MAX_*TEXTURE_SIZE). Draws call it
    /// for every texture they sample.
    void sync();
    /// The GPU's copy of the texels as it is now (glumpy's `.get()`, but no implicit sync):
    /// a new C-contiguous Array of the texture's shape and dtype, channel axis included
    /// ((h, w, c) for a Texture2D, (6, s, s, c) for a cube, faces in order), read with one
    /// glGetTexImage per face. It is a plain array, not a texture: writing into it sends
    /// nothing. A null Array before the first sync (there is no GPU copy yet). Needs the
    /// texture's context current (ContextError).
    Array read_back() const;
    /// The GL name (0 before the first sync).
    unsigned handle() const;
    /// What this texture has sent so far.
    const UploadStats& upload_stats() const;
    /// True for a texture made with gpu_only(): no CPU texels (see above).
    bool is_gpu_only() const;

    /// GL_TEXTURE_1D, GL_TEXTURE_2D, GL_TEXTURE_3D or GL_TEXTURE_CUBE_MAP.
    unsigned gl_target() const;
    /// The sized internal format: GL_RGBA8, GL_R32F, GL_DEPTH_COMPONENT32F...
    unsigned internal_format() const;
    /// Texels along x, y, z (1 for axes the texture lacks; a cube map's faces are not z).
    std::size_t width() const;
    std::size_t height() const;
    std::size_t depth() const;
    std::size_t channels() const;

    /// Minification and magnification filters, applied at the next sync or draw.
    void set_interpolation(Interpolation both);
    void set_interpolation(Interpolation min, Interpolation mag);
    Interpolation min_interpolation() const;
    Interpolation mag_interpolation() const;
    /// Wrapping along s, t and r, applied at the next sync or draw.
    void set_wrapping(Wrapping all);
    void set_wrapping(Wrapping s, Wrapping t, Wrapping r = Wrapping::ClampToEdge);
    Wrapping wrapping_s() const;
    Wrapping wrapping_t() const;
    Wrapping wrapping_r() const;

    /// The GPU texture a view belongs to, or nullptr for any other Array's view.
    static detail::TextureObject* object_of(const Array& view) noexcept;

protected:
    struct OnGpu {}; ///< tags constructors that take an Array already made a texture
    Texture() = default;
    explicit Texture(Array on_gpu) : Array(std::move(on_gpu)) {}
    detail::TextureObject& object() const;
};

/// A 1-D texture: shape (w) or (w, c).
class Texture1D : public Texture {
public:
    Texture1D() = default;
    /// A new zero texture (entirely dirty).
    static Texture1D zeros(std::vector<std::size_t> shape, const DType& dtype, TextureFormat format = TextureFormat::Auto);
    template <class T>
    static Texture1D zeros(std::vector<std::size_t> shape, TextureFormat format = TextureFormat::Auto) {
        return zeros(std::move(shape), DType::of<T>(), format);
    }
    /// A new GPU texture over `array`'s storage (no copy): writes through either are
    /// uploaded. The array must be C-contiguous; writes to other bytes of its storage are
    /// ignored. Over another texture it makes a second, independent GPU texture of the same
    /// bytes (for another context); copying a texture copies the handle instead. A named
    /// function and no constructor, so that the two can never be confused.
    static Texture1D over(const Array& array, TextureFormat format = TextureFormat::Auto) {
        return Texture1D(array, format);
    }

private:
    Texture1D(const Array& array, TextureFormat format);
};

/// A 2-D texture: shape (h, w) or (h, w, c); row 0 is GL's t = 0.
class Texture2D : public Texture {
public:
    Texture2D() = default;
    static Texture2D zeros(std::vector<std::size_t> shape, const DType& dtype, TextureFormat format = TextureFormat::Auto);
    template <class T>
    static Texture2D zeros(std::vector<std::size_t> shape, TextureFormat format = TextureFormat::Auto) {
        return zeros(std::move(shape), DType::of<T>(), format);
    }
    /// See Texture1D::over. TypeError over a GPU-only texture (it has no CPU texels).
    static Texture2D over(const Array& array, TextureFormat format = TextureFormat::Auto) { return Texture2D(array, format); }
    /// A GPU-only texture of `shape` and `dtype` (see "GPU-only textures" above): formats as
    /// zeros(), no CPU memory, nothing ever uploaded. Checks the shape and dtype now.
    static Texture2D gpu_only(std::vector<std::size_t> shape, const DType& dtype, TextureFormat format = TextureFormat::Auto);
    template <class T>
    static Texture2D gpu_only(std::vector<std::size_t> shape, TextureFormat format = TextureFormat::Auto) {
        return gpu_only(std::move(shape), DType::of<T>(), format);
    }

private:
    Texture2D(const Array& array, TextureFormat format);
    Texture2D(OnGpu, Array on_gpu) : Texture(std::move(on_gpu)) {}
};

/// A 3-D texture: shape (d, h, w) or (d, h, w, c); slice 0 is GL's r = 0.
class Texture3D : public Texture {
public:
    Texture3D() = default;
    static Texture3D zeros(std::vector<std::size_t> shape, const DType& dtype, TextureFormat format = TextureFormat::Auto);
    template <class T>
    static Texture3D zeros(std::vector<std::size_t> shape, TextureFormat format = TextureFormat::Auto) {
        return zeros(std::move(shape), DType::of<T>(), format);
    }
    /// See Texture1D::over.
    static Texture3D over(const Array& array, TextureFormat format = TextureFormat::Auto) { return Texture3D(array, format); }

private:
    Texture3D(const Array& array, TextureFormat format);
};

/// A cube map: shape (6, s, s) or (6, s, s, c); face k is GL_TEXTURE_CUBE_MAP_POSITIVE_X + k.
/// Each face is uploaded on its own (a glTexSubImage2D call never spans faces).
class TextureCube : public Texture {
public:
    TextureCube() = default;
    static TextureCube zeros(std::vector<std::size_t> shape, const DType& dtype, TextureFormat format = TextureFormat::Auto);
    template <class T>
    static TextureCube zeros(std::vector<std::size_t> shape, TextureFormat format = TextureFormat::Auto) {
        return zeros(std::move(shape), DType::of<T>(), format);
    }
    /// See Texture1D::over.
    static TextureCube over(const Array& array, TextureFormat format = TextureFormat::Auto) { return TextureCube(array, format); }

private:
    TextureCube(const Array& array, TextureFormat format);
};

/// A 2-D depth texture: shape (h, w) or (h, w, 1), for shadow maps and FrameBuffer depth.
///     float32 -> GL_DEPTH_COMPONENT32F (GL clamps values to [0, 1] on upload)
///     uint16  -> GL_DEPTH_COMPONENT16  (0xffff is the far plane)
///     uint32  -> GL_DEPTH_COMPONENT24  (0xffffffff is far; the GPU keeps the top 24 bits, so
///                                       read_back() returns values rounded to them: GL 3.3
///                                       guarantees no 32-bit integer depth format)
/// Sampled as a float through sampler2D; with a comparison (set_compare) through
/// sampler2DShadow. Set the comparison before assigning the texture to a program: the
/// program checks the sampler type when the texture is assigned.
class DepthTexture : public Texture {
public:
    DepthTexture() = default;
    static DepthTexture zeros(std::vector<std::size_t> shape, const DType& dtype = DType::of<float>());
    /// See Texture1D::over.
    static DepthTexture over(const Array& array) { return DepthTexture(array); }
    /// A GPU-only depth texture (see "GPU-only textures" above), e.g. a FrameBuffer's depth.
    static DepthTexture gpu_only(std::vector<std::size_t> shape, const DType& dtype = DType::of<float>());
    /// GL_TEXTURE_COMPARE_MODE / GL_TEXTURE_COMPARE_FUNC, applied at the next sync or draw.
    void set_compare(DepthCompare compare);
    DepthCompare compare() const;

private:
    explicit DepthTexture(const Array& array);
    DepthTexture(OnGpu, Array on_gpu) : Texture(std::move(on_gpu)) {}
};

} // namespace glumpp::gloo
