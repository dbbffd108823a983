#pragma once
// What glumpp keeps per GL context, and the rules for touching GL from an object:
// find the current context (require_current), or make an object's own context current
// for a moment (CurrentGuard) when it is deleted.

#include <glumpp/Error.hpp>
#include <glumpp/gloo/Context.hpp>

#include <epoxy/gl.h>

#include <memory>
#include <string>
#include <vector>

namespace glumpp::gloo::detail {

struct ContextState : std::enable_shared_from_this<ContextState> {
    std::unique_ptr<ContextBackend> backend;
    int id = 0;
    int major = 0, minor = 0;
    std::string renderer, version;
    std::vector<std::string> extensions; // sorted
    bool buffer_storage = false;         // ARB_buffer_storage (persistent mapping)
    bool host = false;                   // adopt_current: made and switched by someone else

    UploadCosts costs;
    UploadStrategy strategy = UploadStrategy::SubData;
    FrameStats stats;
    UploadLog log;
    std::function<void(std::string_view)> logger;

    ~ContextState();
    void make_current();
    bool is_current() const noexcept;
};

/// The state current on this thread, or nullptr.
ContextState* current_state() noexcept;
/// The current state; ContextError naming `caller` if none.
ContextState& require_current(const char* caller);

/// Makes `target` current until the end of the scope, then restores what was current.
class CurrentGuard {
public:
    explicit CurrentGuard(ContextState& target);
    ~CurrentGuard();
    CurrentGuard(const CurrentGuard&) = delete;
    CurrentGuard& operator=(const CurrentGuard&) = delete;

private:
    ContextState* previous_;
    bool switched_;
};

/// Throws GLError("<where>: GL_INVALID_...") if the GL recorded an error.
void check_gl(const char* where);
const char* gl_error_name(GLenum e);

/// A GL object name owned by one context; deleted there when this dies.
class GLName {
public:
    enum class Kind { Buffer, Texture, Program, VertexArray, Framebuffer, Renderbuffer };
    GLName() = default;
    GLName(Kind kind, GLuint name, ContextState& owner);
    ~GLName() { reset(); }
    GLName(GLName&& o) noexcept;
    GLName& operator=(GLName&& o) noexcept;
    GLName(const GLName&) = delete;
    GLName& operator=(const GLName&) = delete;

    GLuint get() const noexcept { return name_; }
    explicit operator bool() const noexcept { return name_ != 0; }
    /// The owning context, if it still exists.
    std::shared_ptr<ContextState> owner() const { return owner_.lock(); }
    /// Throws ContextError unless the current context is the owner.
    void require_owner_current(const char* caller) const;
    void reset() noexcept;

private:
    Kind kind_ = Kind::Buffer;
    GLuint name_ = 0;
    std::weak_ptr<ContextState> owner_;
    const ContextState* owner_raw_ = nullptr;
};

/// Measures upload costs and picks a strategy (Calibration.cpp); cached per renderer.
void calibrate(ContextState& s);

} // namespace glumpp::gloo::detail
