#pragma once
// FrameBuffer and RenderBuffer: drawing into textures and off-screen buffers.
//
//   auto color = gloo::Texture2D::gpu_only({256, 256, 4}, DType::of<std::uint8_t>());
//   gloo::FrameBuffer fb({color}, gloo::RenderBuffer::depth(256, 256));
//   {
//       auto on = fb.activated();           // bound, viewport 256x256; both restored at '}'
//       glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
//       program.draw(gloo::Primitive::Triangles);
//   }
//   Array image = fb.read_pixels();         // (256, 256, 4) uint8, row 0 = top of the image
//
// Attachments (glFramebufferTexture2D / glFramebufferRenderbuffer):
//  - color i (GL_COLOR_ATTACHMENTi, all of them drawn: glDrawBuffers): a Texture2D or a
//    color RenderBuffer. Fragment output location i writes attachment i.
//  - depth: a DepthTexture or a depth RenderBuffer; a depth-stencil RenderBuffer is attached
//    to GL_DEPTH_STENCIL_ATTACHMENT and serves as the stencil buffer too.
//  - stencil: a stencil or depth-stencil RenderBuffer. Mesa refuses a
//    separate depth and stencil buffer (GL_FRAMEBUFFER_UNSUPPORTED): prefer
//    RenderBuffer::depth_stencil, or a stencil buffer alone.
// Every attachment must have the same width and height (GL would draw only where they
// overlap): a mismatch is a ShapeError naming both sizes. A texture of the wrong kind for
// its slot (a DepthTexture as a color attachment...) is a TypeError.
//
// Everything is lazy, as for textures and buffers: the framebuffer, its render buffers,
// and the GL textures of its attachments are created at the first activation (or
// read_pixels) in the current context, which then owns them (ContextError elsewhere).
// Texture attachments are synced at every activation, so CPU writes made before a pass
// land before it. Then GL checks completeness; an incomplete framebuffer is a GLError that
// names the status, says it in words and lists the attachments, e.g.
//   "FrameBuffer::activate: GL_FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT: the framebuffer
//    has no attachment; give it at least one color, depth or stencil attachment"
//
// Render targets that are never written from the CPU are best GPU-only
// (`Texture2D::gpu_only`, `DepthTexture::gpu_only`, or RenderBuffers): no CPU memory, and
// nothing uploaded at the first activation (a CPU-backed texture sends its whole array).
//
// Resizing (resize(width, height), e.g. from a window's on_resize): every attachment is
// re-allocated at the new size and stays attached (the same GL names; completeness is
// checked again at the next activation). The new texels are undefined until drawn, as
// after any allocation. Only GPU-only textures and render buffers can be resized: a
// CPU-backed texture is refused (TypeError, nothing changed), because its Array, which the
// caller holds, cannot change shape under the caller's views; re-make such a framebuffer
// with new textures instead. Attachments are resized in place: another framebuffer that
// shares one sees its new size and must be resized too.
//
// Rendering into a texture changes only the GPU's copy: the texture's Array keeps its CPU
// values (see Texture.hpp; Texture::read_back() fetches the GPU's). Do not sample a
// texture in the pass that draws into it (a feedback loop: undefined results).
//
// Orientation: read_pixels() returns row 0 = the *top* row of the image (image order, what
// PNG writers and glumpy's screenshots use), although glReadPixels delivers the bottom row
// first. A color texture's own rows keep GL's order: its row 0 (texture read_back) is the
// bottom row of what was drawn.
//
// Handle semantics: copies of a FrameBuffer (and of a RenderBuffer) share the same GL object.

#include <glumpp/array/Array.hpp>
#include <glumpp/gloo/Texture.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

namespace glumpp::gloo {

namespace detail {
struct RenderBufferState;
struct FrameBufferState;
} // namespace detail

/// Internal formats of render buffers (glRenderbufferStorage).
enum class RenderBufferFormat {
    RGBA8,           ///< color, read_pixels gives uint8
    RGBA16F,         ///< color, read_pixels gives float32
    RGBA32F,         ///< color, read_pixels gives float32 (unclamped)
    Depth16,         ///< GL_DEPTH_COMPONENT16
    Depth24,         ///< GL_DEPTH_COMPONENT24
    Depth32F,        ///< GL_DEPTH_COMPONENT32F
    Stencil8,        ///< GL_STENCIL_INDEX8
    Depth24Stencil8, ///< GL_DEPTH24_STENCIL8: depth and stencil in one buffer
};

/// A GPU image that can only be drawn into (and read with FrameBuffer::read_pixels).
/// Storage is allocated at the first activation of a framebuffer that uses it.
class RenderBuffer {
public:
    /// `width` x `height` pixels (glumpy's order); ValueError if either is 0.
    RenderBuffer(std::size_t width, std::size_t height, RenderBufferFormat format = RenderBufferFormat::RGBA8);
    static RenderBuffer color(std::size_t width, std::size_t height, RenderBufferFormat format = RenderBufferFormat::RGBA8) {
        return RenderBuffer(width, height, format);
    }
    static RenderBuffer depth(std::size_t width, std::size_t height) {
        return RenderBuffer(width, height, RenderBufferFormat::Depth24);
    }
    static RenderBuffer stencil(std::size_t width, std::size_t height) {
        return RenderBuffer(width, height, RenderBufferFormat::Stencil8);
    }
    static RenderBuffer depth_stencil(std::size_t width, std::size_t height) {
        return RenderBuffer(width, height, RenderBufferFormat::Depth24Stencil8);
    }

    std::size_t width() const;
    std::size_t height() const;
    RenderBufferFormat format() const;
    /// The GL name (0 before the first activation of a framebuffer using it).
    unsigned handle() const;

    /// The shared state (internal: Attachment, FrameBuffer).
    const std::shared_ptr<detail::RenderBufferState>& state() const noexcept { return s_; }

private:
    std::shared_ptr<detail::RenderBufferState> s_;
};

/// One attachment: a texture or a render buffer (built implicitly from either).
class Attachment {
public:
    Attachment(const Texture2D& texture) : texture_(texture) {}
    Attachment(const DepthTexture& texture) : texture_(texture) {}
    Attachment(const RenderBuffer& buffer) : buffer_(buffer.state()) {}

    /// The texture (a Texture2D or DepthTexture) or a null Array (internal: FrameBuffer).
    const Array& texture() const noexcept { return texture_; }
    /// The render buffer, or null (internal: FrameBuffer).
    const std::shared_ptr<detail::RenderBufferState>& buffer() const noexcept { return buffer_; }

private:
    Array texture_;
    std::shared_ptr<detail::RenderBufferState> buffer_;
};

class FrameBuffer {
public:
    /// Color attachments 0, 1... and optional depth and stencil attachments; checks kinds
    /// and sizes now (TypeError, ShapeError, ValueError for null handles), touches no GL.
    explicit FrameBuffer(std::vector<Attachment> color, std::optional<Attachment> depth = {},
                         std::optional<Attachment> stencil = {});

    /// Binds the framebuffer for drawing and reading and sets the viewport to its size,
    /// remembering the previous bindings and viewport (activations nest). Creates what is
    /// missing and checks completeness the first time (see above).
    void activate();
    /// Restores what activate() found; ValueError if the framebuffer is not active.
    void deactivate();

    /// activate() now, deactivate() at the end of the scope: `auto on = fb.activated();`
    class Scope;
    Scope activated();

    /// Color attachment `attachment` as a new (height, width, 4) Array, row 0 = the top row:
    /// uint8 for 8-bit normalized attachments (GL_RGBA8...), uint32 / int32 for unsigned /
    /// signed integer ones, float32 for everything else (float, 16-bit and signed normalized).
    /// Channels an attachment lacks read as GL gives them (0 for G and B, 1 for A).
    /// IndexError if there is no such attachment. Does not need the framebuffer active.
    Array read_pixels(std::size_t attachment = 0) const;
    /// The depth attachment as a new (height, width) float32 Array in [0, 1], row 0 = top;
    /// ValueError if there is no depth attachment.
    Array read_depth() const;

    /// Re-allocates every attachment at `width` x `height` (see "Resizing" above): for those
    /// that exist, glTexImage2D with a null pointer (logged as a TexImage of 0 bytes) or
    /// glRenderbufferStorage, now, in the current context; the others are allocated at the
    /// new size at the first activation. Checks everything first: ValueError for an empty
    /// size or while the framebuffer is active, TypeError for a CPU-backed texture,
    /// ContextError if its GL objects belong to another context. The same size is a no-op.
    void resize(std::size_t width, std::size_t height);

    std::size_t width() const;
    std::size_t height() const;
    /// The GL name (0 before the first activation).
    unsigned handle() const;

private:
    std::shared_ptr<detail::FrameBufferState> s_;
};

/// Holds a handle, so moving the FrameBuffer meanwhile is fine.
class [[nodiscard]] FrameBuffer::Scope {
public:
    explicit Scope(FrameBuffer fb) : fb_(std::move(fb)) { fb_.activate(); }
    ~Scope() {
        try {
            fb_.deactivate();
        } catch (...) { // destructors do not throw; deactivate fails only when misused
        }
    }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

private:
    FrameBuffer fb_;
};

inline FrameBuffer::Scope FrameBuffer::activated() { return Scope(*this); }

} // namespace glumpp::gloo
