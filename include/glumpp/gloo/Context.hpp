#pragma once
// Context: one OpenGL context, and what glumpp knows about it.
//
//   auto ctx = gloo::Context::headless();   // EGL, no display, no environment variable
//
// A context is current on the calling thread after it is created; GL objects (buffers,
// textures, programs) are created lazily in the context that is current when they are
// first used, and deleted in that same context when they die (made current for the
// moment if needed). An object that outlives its context does not touch GL any more.
//
// Headless contexts use EGL on Mesa's surfaceless platform, then the EGL device
// platform; they have no default framebuffer (render into a FrameBuffer). Windows (the
// app layer) bring their own ContextBackend.
//
// Each context measures what an upload costs (a short calibration, about 20 ms, done once
// per renderer and process and cached in ~/.cache/glumpp) and picks the fastest upload
// strategy; both can be overridden. It also keeps per-frame statistics (FrameStats in
// UploadLog.hpp: upload calls and bytes sent, dirty and gap bytes, uniform calls and
// bytes, draw calls) and an optional log of every buffer and texture upload call.
//
// Handle semantics: copies of a Context share the same GL context.

#include <glumpp/gloo/UploadLog.hpp>
#include <glumpp/gloo/UploadPlan.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace glumpp::gloo {

namespace detail {
struct ContextState;
}

/// How a buffer's dirty ranges reach the GPU.
enum class UploadStrategy {
    SubData,    ///< glBufferSubData per planned range
    MapRange,   ///< glMapBufferRange(FLUSH_EXPLICIT) over the ranges, copy, flush each (a single
                ///< range goes through glBufferSubData: one call instead of three)
    Persistent, ///< a persistent mapping (ARB_buffer_storage): copy + flush, fenced against draws
};
const char* to_string(UploadStrategy s);

/// Makes a platform context current; EGL for headless contexts, GLFW for windows.
class ContextBackend {
public:
    virtual ~ContextBackend() = default;
    virtual void make_current() = 0;
    /// "EGL surfaceless", "GLFW window"...: for messages.
    virtual std::string describe() const = 0;
};

struct ContextOptions {
    int major = 3; ///< requested core version (Mesa returns its highest compatible one)
    int minor = 3;
    bool debug = false;                   ///< KHR_debug messages to the logger (also: GLUMPP_GL_DEBUG=1)
    std::optional<UploadCosts> costs;     ///< skip calibration, use these
    std::optional<UploadStrategy> strategy;
};

class Context {
public:
    /// A null handle.
    Context() = default;

    /// An offscreen context through EGL, current on return. ContextError naming what is
    /// missing when no EGL/GL is available.
    static Context headless(const ContextOptions& options = {});
    /// A context driven by `backend` (which must already have created it), current on return.
    static Context adopt(std::unique_ptr<ContextBackend> backend, const ContextOptions& options = {});
    /// The OpenGL context current on this thread, created by someone else: a GLFW or SDL2
    /// window the program made itself, a toolkit's widget (GLX or EGL contexts; 3.3 core
    /// or compatibility, 3.3 at least). glumpp then draws into whatever framebuffer the
    /// host has bound, with no window of its own. ContextError when no context is current
    /// ("make the host's context current first"), or when it is older than 3.3.
    ///
    /// Calls: glXGetCurrentContext/Display/Drawable or eglGetCurrent* (looked up in the
    /// libGL/libEGL the host already loaded), then what every context gets: glGetString,
    /// glGetIntegerv(GL_NUM_EXTENSIONS), the upload calibration (once per renderer and
    /// process, cached on disk; skipped with options.costs).
    /// Adopting the same host context twice gives the same Context (one state per GL
    /// context). For a context glumpp made (headless, app::Window), use current().
    ///
    /// The host's expectations. glumpp sets no fixed-function state (viewport, blending,
    /// depth, stencil, scissor, culling, clear colour, polygon mode stay the host's) and
    /// restores the framebuffer bindings it changes (FrameBuffer::activate/read). It changes,
    /// and does not restore, only bindings that a GL renderer sets before it draws:
    ///  - adopt_current: GL_UNPACK_ALIGNMENT and GL_PACK_ALIGNMENT become 1 (glumpp's
    ///    texture uploads and read-backs need rows without padding; GL's default is 4);
    ///  - buffer uploads: the GL_COPY_WRITE_BUFFER / GL_COPY_READ_BUFFER bindings (never
    ///    GL_ARRAY_BUFFER or a VAO's element buffer);
    ///  - texture uploads: the texture bound to the active unit for that target
    ///    (GL_UNPACK_ROW_LENGTH and GL_UNPACK_IMAGE_HEIGHT are put back to 0);
    ///  - Program::draw: the current program (glUseProgram), the vertex array (glumpp's
    ///    own VAO; the host's VAOs are never modified), GL_ARRAY_BUFFER, the active texture
    ///    unit and the textures bound to its samplers' units, and the generic values of
    ///    constant attributes.
    /// Dear ImGui's OpenGL 3 renderer, like most, binds all of these before it draws.
    ///
    /// glumpp cannot see the host make another context current: after it does, call
    /// make_current() on this one (for an adopted context it always asks the platform
    /// which context is current, and makes it current again, with the drawables current at
    /// adoption, only if another one is) before glumpp's objects are used again. Drop glumpp's objects and this
    /// Context before the host destroys its context; this Context never destroys it.
    static Context adopt_current(const ContextOptions& options = {});
    /// The context current on this thread; ContextError if there is none.
    static Context current();
    static bool has_current() noexcept;

    explicit operator bool() const noexcept { return state_ != nullptr; }
    /// Makes this context current (eglMakeCurrent, glfwMakeContextCurrent, ...), unless
    /// glumpp made it current already; for an adopted host context the platform is asked
    /// (glXGetCurrentContext, eglGetCurrentContext) since the host may have switched
    /// behind glumpp's back, and the host's own binding is kept when it is current.
    void make_current() const;
    bool is_current() const noexcept;

    int gl_major() const;
    int gl_minor() const;
    const std::string& renderer() const;
    const std::string& version() const;
    bool has_extension(std::string_view name) const;
    std::string describe() const;

    const UploadCosts& upload_costs() const;
    void set_upload_costs(const UploadCosts& costs);
    UploadStrategy upload_strategy() const;
    void set_upload_strategy(UploadStrategy s);

    /// This frame's figures so far (see FrameStats); no GL call.
    FrameStats& frame_stats() const;
    void reset_frame_stats() const;
    UploadLog& upload_log() const;

    /// Where KHR_debug messages go (stderr by default).
    void set_debug_logger(std::function<void(std::string_view)> logger) const;

    detail::ContextState* state() const noexcept { return state_.get(); }
    const std::shared_ptr<detail::ContextState>& shared_state() const noexcept { return state_; }

    friend bool operator==(const Context& a, const Context& b) noexcept { return a.state_ == b.state_; }

    /// Wraps an initialised state (internal).
    static Context adopt_state(std::shared_ptr<detail::ContextState> s);

private:
    explicit Context(std::shared_ptr<detail::ContextState> s) : state_(std::move(s)) {}
    std::shared_ptr<detail::ContextState> state_;
};

} // namespace glumpp::gloo
