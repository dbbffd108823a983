#include "ContextState.hpp"

#include <epoxy/egl.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include <dlfcn.h>

namespace glumpp::gloo {

namespace detail {

namespace {
// Read on every sync and draw. The libraries are position-independent, which would make
// each read a __tls_get_addr call; initial-exec makes it one load.
[[gnu::tls_model("initial-exec")]] thread_local ContextState* current = nullptr;
std::atomic<int> next_id{1};
} // namespace

ContextState::~ContextState() {
    if (current == this) current = nullptr;
    backend.reset(); // destroys the platform context
}

void ContextState::make_current() {
    if (current == this && !host) return;
    backend->make_current();
    current = this;
}

bool ContextState::is_current() const noexcept { return current == this; }

ContextState* current_state() noexcept { return current; }

ContextState& require_current(const char* caller) {
    if (!current) {
        throw ContextError(std::string(caller) +
                           ": no current GL context; create a gloo::Context (or an app::Window) first");
    }
    return *current;
}

CurrentGuard::CurrentGuard(ContextState& target) : previous_(current), switched_(current != &target) {
    if (switched_) target.make_current();
}

CurrentGuard::~CurrentGuard() {
    if (switched_ && previous_) {
        try {
            previous_->make_current();
        } catch (...) {
            // restoring is best effort inside destructors
        }
    }
}

const char* gl_error_name(GLenum e) {
    switch (e) {
    case GL_INVALID_ENUM: return "GL_INVALID_ENUM";
    case GL_INVALID_VALUE: return "GL_INVALID_VALUE";
    case GL_INVALID_OPERATION: return "GL_INVALID_OPERATION";
    case GL_INVALID_FRAMEBUFFER_OPERATION: return "GL_INVALID_FRAMEBUFFER_OPERATION";
    case GL_OUT_OF_MEMORY: return "GL_OUT_OF_MEMORY";
    default: return "GL error";
    }
}

void check_gl(const char* where) {
    GLenum e = glGetError();
    if (e == GL_NO_ERROR) return;
    std::string all = gl_error_name(e);
    while ((e = glGetError()) != GL_NO_ERROR) all += std::string(", ") + gl_error_name(e);
    throw GLError(std::string(where) + ": " + all);
}

GLName::GLName(Kind kind, GLuint name, ContextState& owner)
    : kind_(kind), name_(name), owner_(owner.weak_from_this()), owner_raw_(&owner) {}

GLName::GLName(GLName&& o) noexcept
    : kind_(o.kind_), name_(std::exchange(o.name_, 0)), owner_(std::move(o.owner_)), owner_raw_(o.owner_raw_) {}

GLName& GLName::operator=(GLName&& o) noexcept {
    if (this != &o) {
        reset();
        kind_ = o.kind_;
        name_ = std::exchange(o.name_, 0);
        owner_ = std::move(o.owner_);
        owner_raw_ = o.owner_raw_;
    }
    return *this;
}

void GLName::require_owner_current(const char* caller) const {
    if (!name_) return;
    if (current != owner_raw_ || owner_.expired()) {
        throw ContextError(std::string(caller) +
                           ": this GL object belongs to another context; make one object per context over the "
                           "same array (gloo::VertexBuffer::over(array)) to draw it there");
    }
}

void GLName::reset() noexcept {
    if (!name_) return;
    const GLuint n = std::exchange(name_, 0);
    auto owner = owner_.lock();
    if (!owner) return; // the context is gone, and its objects with it
    try {
        CurrentGuard guard(*owner);
        switch (kind_) {
        case Kind::Buffer: glDeleteBuffers(1, &n); break;
        case Kind::Texture: glDeleteTextures(1, &n); break;
        case Kind::Program: glDeleteProgram(n); break;
        case Kind::VertexArray: glDeleteVertexArrays(1, &n); break;
        case Kind::Framebuffer: glDeleteFramebuffers(1, &n); break;
        case Kind::Renderbuffer: glDeleteRenderbuffers(1, &n); break;
        }
    } catch (...) {
        // deleting in a context that can no longer be made current: the driver frees it
    }
}

} // namespace detail

namespace {

using detail::ContextState;

// EGL display shared by every headless context of the process, never terminated: other
// contexts (and libraries) may still use it.
struct EglDisplay {
    EGLDisplay display = EGL_NO_DISPLAY;
    std::string how;
    std::string error;
};

const EglDisplay& egl_display() {
    static const EglDisplay d = [] {
        EglDisplay out;
        // libepoxy aborts the process when libEGL is missing; look first.
        if (!dlopen("libEGL.so.1", RTLD_LAZY | RTLD_GLOBAL)) {
            out.error = "libEGL.so.1 cannot be loaded (install libegl1 and libegl-mesa0)";
            return out;
        }
        // eglGetPlatformDisplay (EGL 1.5) through libepoxy aborts before a context exists;
        // the EXT entry point works everywhere Mesa runs.
        auto get_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
        if (!get_display) {
            out.error = "EGL has no eglGetPlatformDisplayEXT (EGL_EXT_platform_base)";
            return out;
        }
        EGLint major = 0, minor = 0;
        EGLDisplay dpy = get_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
        if (dpy != EGL_NO_DISPLAY && eglInitialize(dpy, &major, &minor)) {
            out.display = dpy;
            out.how = "EGL surfaceless";
            return out;
        }
        auto query_devices = reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
        EGLDeviceEXT devices[8];
        EGLint count = 0;
        if (query_devices && query_devices(8, devices, &count)) {
            for (EGLint k = 0; k < count; ++k) {
                dpy = get_display(EGL_PLATFORM_DEVICE_EXT, devices[k], nullptr);
                if (dpy != EGL_NO_DISPLAY && eglInitialize(dpy, &major, &minor)) {
                    out.display = dpy;
                    out.how = "EGL device " + std::to_string(k);
                    return out;
                }
            }
        }
        char code[16];
        std::snprintf(code, sizeof code, "0x%04x", static_cast<unsigned>(eglGetError()));
        out.error = std::string("no EGL display (surfaceless and device platforms failed, EGL error ") + code +
                    "); install libegl-mesa0 and libgl1-mesa-dri";
        return out;
    }();
    return d;
}

class EglBackend final : public ContextBackend {
public:
    EglBackend(EGLDisplay display, EGLContext context, std::string how)
        : display_(display), context_(context), how_(std::move(how)) {}
    ~EglBackend() override {
        if (eglGetCurrentContext() == context_) eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display_, context_);
    }
    void make_current() override {
        if (!eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, context_)) {
            throw ContextError("Context::make_current: eglMakeCurrent failed");
        }
    }
    std::string describe() const override { return how_; }

private:
    EGLDisplay display_;
    EGLContext context_;
    std::string how_;
};

void GLAPIENTRY debug_callback(GLenum, GLenum type, GLuint id, GLenum severity, GLsizei, const GLchar* message,
                               const void* user) {
    const auto* s = static_cast<const ContextState*>(user);
    std::string line = "GL debug (id " + std::to_string(id) + (type == GL_DEBUG_TYPE_ERROR ? ", error" : "") +
                       (severity == GL_DEBUG_SEVERITY_HIGH ? ", high" : "") + "): " + message;
    if (s->logger) {
        s->logger(line);
    } else {
        std::fprintf(stderr, "%s\n", line.c_str());
    }
}

Context make(std::unique_ptr<ContextBackend> backend, const ContextOptions& options) {
    auto s = std::make_shared<ContextState>();
    s->backend = std::move(backend);
    s->id = detail::next_id++;
    s->make_current();
    s->major = epoxy_gl_version() / 10;
    s->minor = epoxy_gl_version() % 10;
    if (s->major < 3 || (s->major == 3 && s->minor < 3)) {
        throw ContextError("Context: OpenGL " + std::to_string(s->major) + "." + std::to_string(s->minor) +
                           " is too old; glumpp needs 3.3 core");
    }
    s->renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    s->version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    GLint n = 0;
    glGetIntegerv(GL_NUM_EXTENSIONS, &n);
    for (GLint k = 0; k < n; ++k) s->extensions.emplace_back(reinterpret_cast<const char*>(glGetStringi(GL_EXTENSIONS, static_cast<GLuint>(k))));
    std::sort(s->extensions.begin(), s->extensions.end());
    s->buffer_storage = s->major > 4 || (s->major == 4 && s->minor >= 4) ||
                        std::binary_search(s->extensions.begin(), s->extensions.end(), "GL_ARB_buffer_storage");
    const char* env_debug = std::getenv("GLUMPP_GL_DEBUG");
    if ((options.debug || (env_debug && *env_debug == '1')) &&
        std::binary_search(s->extensions.begin(), s->extensions.end(), "GL_KHR_debug")) {
        glEnable(GL_DEBUG_OUTPUT);
        glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
        glDebugMessageCallback(debug_callback, s.get());
    }
    // Rows of any width upload and read back without padding.
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    if (options.costs) {
        s->costs = *options.costs;
        s->strategy = options.strategy.value_or(UploadStrategy::SubData);
    } else {
        detail::calibrate(*s);
        if (options.strategy) s->strategy = *options.strategy;
    }
    if (s->strategy == UploadStrategy::Persistent && !s->buffer_storage) s->strategy = UploadStrategy::SubData;
    detail::check_gl("Context: initialisation");
    return Context::adopt_state(std::move(s));
}

} // namespace

const char* to_string(UploadStrategy s) {
    switch (s) {
    case UploadStrategy::SubData: return "glBufferSubData";
    case UploadStrategy::MapRange: return "glMapBufferRange";
    case UploadStrategy::Persistent: return "persistent mapping";
    }
    return "?";
}

Context Context::headless(const ContextOptions& options) {
    const EglDisplay& d = egl_display();
    if (d.display == EGL_NO_DISPLAY) throw ContextError("Context::headless: " + d.error);
    if (!eglBindAPI(EGL_OPENGL_API)) throw ContextError("Context::headless: EGL cannot bind the desktop OpenGL API");
    const EGLint config_attributes[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint configs = 0;
    eglChooseConfig(d.display, config_attributes, &config, 1, &configs);
    const char* env_debug = std::getenv("GLUMPP_GL_DEBUG");
    const bool debug = options.debug || (env_debug && *env_debug == '1');
    const EGLint attributes[] = {EGL_CONTEXT_MAJOR_VERSION, options.major, EGL_CONTEXT_MINOR_VERSION, options.minor,
                                 EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                 EGL_CONTEXT_OPENGL_DEBUG, debug ? EGL_TRUE : EGL_FALSE, EGL_NONE};
    EGLContext context = eglCreateContext(d.display, configs ? config : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, attributes);
    if (context == EGL_NO_CONTEXT) {
        char code[16];
        std::snprintf(code, sizeof code, "0x%04x", static_cast<unsigned>(eglGetError()));
        throw ContextError("Context::headless: eglCreateContext for OpenGL " + std::to_string(options.major) + "." +
                           std::to_string(options.minor) + " core failed (EGL error " + code + ")");
    }
    return make(std::make_unique<EglBackend>(d.display, context, d.how), options);
}

Context Context::adopt(std::unique_ptr<ContextBackend> backend, const ContextOptions& options) {
    if (!backend) throw ContextError("Context::adopt: no backend");
    return make(std::move(backend), options);
}

namespace {

// A context the host made current (adopt_current). The GLX and EGL entry points are
// looked up in the libraries the host already loaded (RTLD_NOLOAD): never load a
// platform library the host does not use, and never go through libepoxy's dispatch,
// which aborts the process when a library is missing.
template <class F>
F host_symbol(const char* library, const char* name) {
    void* lib = ::dlopen(library, RTLD_LAZY | RTLD_NOLOAD);
    if (!lib) return nullptr;
    void* f = ::dlsym(lib, name);
    ::dlclose(lib); // the host's reference keeps it loaded
    return reinterpret_cast<F>(f);
}

using GlxDisplay = void*;
using GlxContext = void*;
using GlxDrawable = unsigned long;

// make_current leaves the host's binding alone when its context is current already: the
// host may draw through another drawable now (a toolkit's offscreen surface, a recreated
// window) than the one current at adoption, which is only used to come back to it.
class HostGlxBackend final : public ContextBackend {
public:
    using MakeCurrent = int (*)(GlxDisplay, GlxDrawable, GlxDrawable, GlxContext);
    using GetCurrent = GlxContext (*)();
    HostGlxBackend(GlxDisplay d, GlxDrawable draw, GlxDrawable read, GlxContext c, MakeCurrent f, GetCurrent g)
        : display_(d), draw_(draw), read_(read), context_(c), make_(f), get_(g) {}
    void make_current() override {
        if (get_() == context_) return;
        if (!make_(display_, draw_, read_, context_)) throw ContextError("Context::make_current: glXMakeContextCurrent failed for the host's context");
    }
    std::string describe() const override { return "host GLX context"; }
    const void* native() const { return context_; }

private:
    GlxDisplay display_;
    GlxDrawable draw_, read_;
    GlxContext context_;
    MakeCurrent make_;
    GetCurrent get_;
};

class HostEglBackend final : public ContextBackend {
public:
    HostEglBackend(EGLDisplay d, EGLSurface draw, EGLSurface read, EGLContext c, PFNEGLMAKECURRENTPROC f,
                   PFNEGLGETCURRENTCONTEXTPROC g)
        : display_(d), draw_(draw), read_(read), context_(c), make_(f), get_(g) {}
    void make_current() override {
        if (get_() == context_) return;
        if (!make_(display_, draw_, read_, context_)) throw ContextError("Context::make_current: eglMakeCurrent failed for the host's context");
    }
    std::string describe() const override { return "host EGL context"; }
    const void* native() const { return context_; }

private:
    EGLDisplay display_;
    EGLSurface draw_, read_;
    EGLContext context_;
    PFNEGLMAKECURRENTPROC make_;
    PFNEGLGETCURRENTCONTEXTPROC get_;
};

// The host's contexts adopted so far, by native handle: one state per GL context.
std::vector<std::pair<const void*, std::weak_ptr<ContextState>>>& adopted() {
    static std::vector<std::pair<const void*, std::weak_ptr<ContextState>>> list;
    return list;
}

} // namespace

Context Context::adopt_current(const ContextOptions& options) {
    std::unique_ptr<ContextBackend> backend;
    const void* native = nullptr;
    // EGL first: a GLX library may be loaded (by GLFW, say) while EGL's context is current.
    const char* egl_names[] = {"libEGL.so.1", "libEGL.so"};
    for (const char* lib : egl_names) {
        auto get_context = host_symbol<PFNEGLGETCURRENTCONTEXTPROC>(lib, "eglGetCurrentContext");
        if (!get_context) continue;
        EGLContext c = get_context();
        if (c == EGL_NO_CONTEXT) break;
        auto get_display = host_symbol<PFNEGLGETCURRENTDISPLAYPROC>(lib, "eglGetCurrentDisplay");
        auto get_surface = host_symbol<PFNEGLGETCURRENTSURFACEPROC>(lib, "eglGetCurrentSurface");
        auto make = host_symbol<PFNEGLMAKECURRENTPROC>(lib, "eglMakeCurrent");
        if (!get_display || !get_surface || !make) break;
        backend = std::make_unique<HostEglBackend>(get_display(), get_surface(EGL_DRAW), get_surface(EGL_READ), c, make, get_context);
        native = c;
        break;
    }
    if (!backend) {
        const char* glx_names[] = {"libGLX.so.0", "libGL.so.1"};
        for (const char* lib : glx_names) {
            auto get_context = host_symbol<GlxContext (*)()>(lib, "glXGetCurrentContext");
            if (!get_context) continue;
            GlxContext c = get_context();
            if (!c) continue;
            auto get_display = host_symbol<GlxDisplay (*)()>(lib, "glXGetCurrentDisplay");
            auto get_draw = host_symbol<GlxDrawable (*)()>(lib, "glXGetCurrentDrawable");
            auto get_read = host_symbol<GlxDrawable (*)()>(lib, "glXGetCurrentReadDrawable");
            auto make = host_symbol<HostGlxBackend::MakeCurrent>(lib, "glXMakeContextCurrent");
            if (!get_display || !get_draw || !get_read || !make) continue;
            backend = std::make_unique<HostGlxBackend>(get_display(), get_draw(), get_read(), c, make, get_context);
            native = c;
            break;
        }
    }
    if (!backend) {
        throw ContextError("Context::adopt_current: no OpenGL context is current on this thread (neither EGL nor GLX); "
                           "make the host's context current first (glfwMakeContextCurrent, SDL_GL_MakeCurrent)");
    }
    static std::mutex adopting; // contexts are per thread, the list is per process
    std::lock_guard lock(adopting);
    auto& list = adopted();
    std::erase_if(list, [](const auto& e) { return e.second.expired(); });
    for (const auto& [handle, weak] : list) {
        if (handle != native) continue;
        auto s = weak.lock();
        detail::current = s.get(); // it is current: the platform says so
        return Context(std::move(s));
    }
    // make() makes it current through the backend (the same context: a no-op for the host).
    Context c = make(std::move(backend), options);
    c.state_->host = true;
    list.emplace_back(native, c.state_);
    return c;
}

Context Context::adopt_state(std::shared_ptr<detail::ContextState> s) { return Context(std::move(s)); }

Context Context::current() {
    ContextState& s = detail::require_current("Context::current");
    return Context(s.shared_from_this());
}

bool Context::has_current() noexcept { return detail::current_state() != nullptr; }

namespace {
detail::ContextState& need(const std::shared_ptr<detail::ContextState>& s, const char* caller) {
    if (!s) throw ContextError(std::string(caller) + ": null context handle");
    return *s;
}
} // namespace

void Context::make_current() const { need(state_, "Context::make_current").make_current(); }
bool Context::is_current() const noexcept { return state_ && state_->is_current(); }
int Context::gl_major() const { return need(state_, "Context::gl_major").major; }
int Context::gl_minor() const { return need(state_, "Context::gl_minor").minor; }
const std::string& Context::renderer() const { return need(state_, "Context::renderer").renderer; }
const std::string& Context::version() const { return need(state_, "Context::version").version; }
bool Context::has_extension(std::string_view name) const {
    const auto& e = need(state_, "Context::has_extension").extensions;
    return std::binary_search(e.begin(), e.end(), name, [](const auto& a, const auto& b) { return std::string_view(a) < std::string_view(b); });
}
std::string Context::describe() const {
    const auto& s = need(state_, "Context::describe");
    return s.backend->describe() + ", OpenGL " + s.version + ", " + s.renderer;
}
const UploadCosts& Context::upload_costs() const { return need(state_, "Context::upload_costs").costs; }
void Context::set_upload_costs(const UploadCosts& costs) { need(state_, "Context::set_upload_costs").costs = costs; }
UploadStrategy Context::upload_strategy() const { return need(state_, "Context::upload_strategy").strategy; }
void Context::set_upload_strategy(UploadStrategy s) {
    auto& st = need(state_, "Context::set_upload_strategy");
    if (s == UploadStrategy::Persistent && !st.buffer_storage) {
        throw ContextError("Context::set_upload_strategy: persistent mapping needs ARB_buffer_storage, which " +
                           st.renderer + " lacks");
    }
    st.strategy = s;
}
FrameStats& Context::frame_stats() const { return need(state_, "Context::frame_stats").stats; }
void Context::reset_frame_stats() const { need(state_, "Context::reset_frame_stats").stats = FrameStats{}; }
UploadLog& Context::upload_log() const { return need(state_, "Context::upload_log").log; }
void Context::set_debug_logger(std::function<void(std::string_view)> logger) const {
    need(state_, "Context::set_debug_logger").logger = std::move(logger);
}

std::string FrameStats::str() const {
    return "uploads: " + std::to_string(uploads.calls) + " calls, " + std::to_string(uploads.bytes_sent) + " B sent (" +
           std::to_string(uploads.bytes_dirty) + " B dirty, " + std::to_string(uploads.gap_bytes) + " B gaps); uniforms: " +
           std::to_string(uniform_calls) + " call" + (uniform_calls == 1 ? "" : "s") + ", " + std::to_string(uniform_bytes) +
           " B; " + std::to_string(draw_calls) + " draw call" + (draw_calls == 1 ? "" : "s");
}

} // namespace glumpp::gloo
