#include <glumpp/gloo/FrameBuffer.hpp>

#include "TextureObject.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace glumpp::gloo {

namespace detail {

struct RenderBufferState {
    std::size_t width = 0, height = 0;
    RenderBufferFormat format = RenderBufferFormat::RGBA8;
    GLName name;
    const ContextState* owner = nullptr;
};

namespace {

enum class Role { Color, Depth, Stencil, DepthStencil };

struct RenderFormat {
    GLenum internal;
    const char* name;
    Role role;
};

const RenderFormat& render_format(RenderBufferFormat f) {
    static const RenderFormat table[] = {
        {GL_RGBA8, "GL_RGBA8", Role::Color},
        {GL_RGBA16F, "GL_RGBA16F", Role::Color},
        {GL_RGBA32F, "GL_RGBA32F", Role::Color},
        {GL_DEPTH_COMPONENT16, "GL_DEPTH_COMPONENT16", Role::Depth},
        {GL_DEPTH_COMPONENT24, "GL_DEPTH_COMPONENT24", Role::Depth},
        {GL_DEPTH_COMPONENT32F, "GL_DEPTH_COMPONENT32F", Role::Depth},
        {GL_STENCIL_INDEX8, "GL_STENCIL_INDEX8", Role::Stencil},
        {GL_DEPTH24_STENCIL8, "GL_DEPTH24_STENCIL8", Role::DepthStencil},
    };
    return table[static_cast<int>(f)];
}

std::string size_str(std::size_t w, std::size_t h) { return std::to_string(w) + "x" + std::to_string(h); }

const char* status_words(GLenum status) {
    switch (status) {
    case GL_FRAMEBUFFER_UNDEFINED: return "GL_FRAMEBUFFER_UNDEFINED: the default framebuffer does not exist";
    case GL_FRAMEBUFFER_INCOMPLETE_ATTACHMENT:
        return "GL_FRAMEBUFFER_INCOMPLETE_ATTACHMENT: an attachment is incomplete (its format cannot be rendered to "
               "on this GL)";
    case GL_FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT:
        return "GL_FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT: the framebuffer has no attachment; give it at least one "
               "color, depth or stencil attachment";
    case GL_FRAMEBUFFER_INCOMPLETE_DRAW_BUFFER:
        return "GL_FRAMEBUFFER_INCOMPLETE_DRAW_BUFFER: a draw buffer names a missing color attachment";
    case GL_FRAMEBUFFER_INCOMPLETE_READ_BUFFER:
        return "GL_FRAMEBUFFER_INCOMPLETE_READ_BUFFER: the read buffer names a missing color attachment";
    case GL_FRAMEBUFFER_UNSUPPORTED:
        return "GL_FRAMEBUFFER_UNSUPPORTED: this GL cannot render to this combination of attachment formats";
    case GL_FRAMEBUFFER_INCOMPLETE_MULTISAMPLE:
        return "GL_FRAMEBUFFER_INCOMPLETE_MULTISAMPLE: the attachments have different sample counts";
    case GL_FRAMEBUFFER_INCOMPLETE_LAYER_TARGETS:
        return "GL_FRAMEBUFFER_INCOMPLETE_LAYER_TARGETS: layered and non-layered attachments are mixed";
    default: return nullptr;
    }
}

} // namespace

/// One attachment point and what is attached there.
struct Slot {
    GLenum point = 0;                          // GL_COLOR_ATTACHMENTi, GL_DEPTH_ATTACHMENT...
    std::string what;                          // "color attachment 0", for messages
    Array texture;                             // keeps the texture alive
    TextureObject* object = nullptr;           // its GPU object, or null for a render buffer
    std::shared_ptr<RenderBufferState> buffer; // or this
    std::size_t width = 0, height = 0;
    std::string format_name() const { return object ? object->format().name : render_format(buffer->format).name; }
};

struct FrameBufferState {
    std::vector<Slot> slots; // color attachments first, in order
    std::size_t colors = 0;
    std::size_t width = 0, height = 0;
    GLName fbo;
    const ContextState* owner = nullptr;
    bool checked = false; // completeness checked since the attachments were last (re)allocated
    struct Saved {
        GLint draw = 0, read = 0;
        GLint viewport[4] = {0, 0, 0, 0};
    };
    std::vector<Saved> saved; // one per activation not yet undone

    const Slot* depth() const {
        for (const Slot& s : slots) {
            if (s.point == GL_DEPTH_ATTACHMENT || s.point == GL_DEPTH_STENCIL_ATTACHMENT) return &s;
        }
        return nullptr;
    }
    std::string describe() const {
        std::string out;
        for (const Slot& s : slots) {
            out += (out.empty() ? "" : "; ") + s.what + ": " + (s.object ? s.object->grid().kind : "RenderBuffer") + " " +
                   s.format_name() + " " + size_str(s.width, s.height);
        }
        return out.empty() ? "no attachments" : out;
    }
    void require_own_context(const char* caller) const {
        if (fbo && (current_state() != owner || !fbo.owner())) {
            throw ContextError(std::string(caller) +
                               ": this FrameBuffer belongs to another GL context; framebuffers cannot be shared between "
                               "contexts: make one per context");
        }
    }
    void prepare(ContextState& ctx, const char* caller);
    void check_status(const char* caller);
    void throw_unless_complete(GLenum status, const char* caller) const;
};

namespace {

void allocate(RenderBufferState& b, ContextState& ctx, const char* caller) {
    if (b.name) {
        if (current_state() != b.owner || !b.name.owner()) {
            throw ContextError(std::string(caller) + ": a " + render_format(b.format).name +
                               " RenderBuffer of this framebuffer belongs to another GL context");
        }
        return;
    }
    GLint limit = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &limit);
    if (std::max(b.width, b.height) > static_cast<std::size_t>(limit)) {
        throw ValueError(std::string(caller) + ": a " + size_str(b.width, b.height) +
                         " RenderBuffer is larger than GL_MAX_RENDERBUFFER_SIZE (" + std::to_string(limit) + ") of " +
                         ctx.renderer);
    }
    GLuint n = 0;
    glGenRenderbuffers(1, &n);
    GLName name(GLName::Kind::Renderbuffer, n, ctx);
    glBindRenderbuffer(GL_RENDERBUFFER, n);
    glRenderbufferStorage(GL_RENDERBUFFER, render_format(b.format).internal, static_cast<GLsizei>(b.width),
                          static_cast<GLsizei>(b.height));
    check_gl(caller);
    b.name = std::move(name);
    b.owner = &ctx;
}

} // namespace

void FrameBufferState::prepare(ContextState& ctx, const char* caller) {
    require_own_context(caller);
    for (Slot& s : slots) {
        if (s.object) {
            s.object->sync(caller); // CPU writes made before this pass land first
        } else {
            allocate(*s.buffer, ctx, caller);
        }
    }
    if (fbo) { // attachments never change their GL names: attached once
        if (!checked) check_status(caller); // resized since
        return;
    }
    GLint max_color = 0, max_draw = 0;
    glGetIntegerv(GL_MAX_COLOR_ATTACHMENTS, &max_color);
    glGetIntegerv(GL_MAX_DRAW_BUFFERS, &max_draw);
    const auto limit = static_cast<std::size_t>(std::min(max_color, max_draw));
    if (colors > limit) {
        throw ValueError(std::string(caller) + ": " + std::to_string(colors) + " color attachments, but this GL (" +
                         ctx.renderer + ") draws into at most " + std::to_string(limit) +
                         " (GL_MAX_COLOR_ATTACHMENTS, GL_MAX_DRAW_BUFFERS)");
    }
    GLuint n = 0;
    glGenFramebuffers(1, &n);
    GLName name(GLName::Kind::Framebuffer, n, ctx); // deleted if anything below throws
    GLint previous_draw = 0, previous_read = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previous_draw);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &previous_read);
    glBindFramebuffer(GL_FRAMEBUFFER, n);
    std::vector<GLenum> draw_buffers;
    for (const Slot& s : slots) {
        if (s.object) {
            glFramebufferTexture2D(GL_FRAMEBUFFER, s.point, GL_TEXTURE_2D, s.object->name(), 0);
        } else {
            glFramebufferRenderbuffer(GL_FRAMEBUFFER, s.point, GL_RENDERBUFFER, s.buffer->name.get());
        }
        if (draw_buffers.size() < colors) draw_buffers.push_back(s.point);
    }
    if (colors) {
        glDrawBuffers(static_cast<GLsizei>(colors), draw_buffers.data());
        glReadBuffer(GL_COLOR_ATTACHMENT0);
    } else { // depth or stencil only: no color buffer to draw or read
        glDrawBuffer(GL_NONE);
        glReadBuffer(GL_NONE);
    }
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(previous_draw));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(previous_read));
    check_gl(caller);
    throw_unless_complete(status, caller);
    fbo = std::move(name);
    owner = &ctx;
    checked = true;
}

void FrameBufferState::check_status(const char* caller) {
    GLint previous = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previous);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fbo.get());
    const GLenum status = glCheckFramebufferStatus(GL_DRAW_FRAMEBUFFER);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(previous));
    check_gl(caller);
    throw_unless_complete(status, caller);
    checked = true;
}

void FrameBufferState::throw_unless_complete(GLenum status, const char* caller) const {
    if (status == GL_FRAMEBUFFER_COMPLETE) return;
    const char* words = status_words(status);
    char code[16];
    std::snprintf(code, sizeof code, "0x%04x", status);
    throw GLError(std::string(caller) + ": " + (words ? words : std::string("unknown framebuffer status ") + code) + " [" +
                  describe() + "]");
}

} // namespace detail

using detail::Role;
using detail::Slot;

RenderBuffer::RenderBuffer(std::size_t width, std::size_t height, RenderBufferFormat format)
    : s_(std::make_shared<detail::RenderBufferState>()) {
    if (width == 0 || height == 0) {
        throw ValueError("RenderBuffer::RenderBuffer: a " + detail::size_str(width, height) + " render buffer is empty");
    }
    s_->width = width;
    s_->height = height;
    s_->format = format;
}

std::size_t RenderBuffer::width() const { return s_->width; }
std::size_t RenderBuffer::height() const { return s_->height; }
RenderBufferFormat RenderBuffer::format() const { return s_->format; }
unsigned RenderBuffer::handle() const { return s_->name.get(); }

namespace {

// Checks that `a` may go into an attachment point of `role` and makes its slot.
Slot resolve(const Attachment& a, Role role, std::string what) {
    const std::string caller = "FrameBuffer::FrameBuffer: ";
    Slot s;
    s.what = std::move(what);
    if (a.texture()) {
        s.texture = a.texture();
        s.object = Texture::object_of(s.texture);
    } else {
        s.buffer = a.buffer();
    }
    if (!s.object && !s.buffer) throw ValueError(caller + s.what + " is a null handle");
    if (s.object) {
        const bool depth = s.object->format().depth;
        s.width = s.object->grid().width;
        s.height = s.object->grid().height;
        if (role == Role::Color && depth) {
            throw TypeError(caller + s.what + " is a DepthTexture (" + s.object->format().name +
                            "); attach it as the depth attachment");
        }
        if (role == Role::Depth && !depth) {
            throw TypeError(caller + "the depth attachment is a " + s.object->grid().kind + " (" + s.object->format().name +
                            "); it takes a DepthTexture or a depth RenderBuffer");
        }
        if (role == Role::Stencil) {
            throw TypeError(caller + "the stencil attachment is a " + std::string(s.object->grid().kind) +
                            "; it takes a stencil or depth-stencil RenderBuffer");
        }
        s.point = role == Role::Depth ? GLenum(GL_DEPTH_ATTACHMENT) : GLenum(GL_COLOR_ATTACHMENT0);
        return s;
    }
    const detail::RenderFormat& f = detail::render_format(s.buffer->format);
    s.width = s.buffer->width;
    s.height = s.buffer->height;
    const bool fits = f.role == role || (f.role == Role::DepthStencil && (role == Role::Depth || role == Role::Stencil));
    if (!fits) {
        const char* takes = role == Role::Color   ? "a Texture2D or a color RenderBuffer"
                            : role == Role::Depth ? "a DepthTexture or a depth RenderBuffer"
                                                  : "a stencil or depth-stencil RenderBuffer";
        throw TypeError(caller + s.what + " is a " + f.name + " RenderBuffer; it takes " + takes);
    }
    s.point = role == Role::Color    ? GLenum(GL_COLOR_ATTACHMENT0)
              : role == Role::Stencil ? GLenum(GL_STENCIL_ATTACHMENT)
              : f.role == Role::DepthStencil ? GLenum(GL_DEPTH_STENCIL_ATTACHMENT)
                                             : GLenum(GL_DEPTH_ATTACHMENT);
    return s;
}

} // namespace

FrameBuffer::FrameBuffer(std::vector<Attachment> color, std::optional<Attachment> depth, std::optional<Attachment> stencil)
    : s_(std::make_shared<detail::FrameBufferState>()) {
    auto& st = *s_;
    for (std::size_t i = 0; i < color.size(); ++i) {
        Slot s = resolve(color[i], Role::Color, "color attachment " + std::to_string(i));
        s.point = GLenum(GL_COLOR_ATTACHMENT0 + i);
        st.slots.push_back(std::move(s));
    }
    st.colors = color.size();
    if (depth) st.slots.push_back(resolve(*depth, Role::Depth, "the depth attachment"));
    if (stencil) {
        Slot s = resolve(*stencil, Role::Stencil, "the stencil attachment");
        if (!st.slots.empty() && st.slots.back().point == GL_DEPTH_STENCIL_ATTACHMENT) {
            if (st.slots.back().buffer == s.buffer) {
                s.buffer = nullptr; // one depth-stencil buffer given for both: attached once
            } else {
                st.slots.back().point = GL_DEPTH_ATTACHMENT; // its stencil half gives way to this one
            }
        }
        if (s.buffer) st.slots.push_back(std::move(s));
    }
    for (const Slot& s : st.slots) {
        const Slot& first = st.slots.front();
        if (s.width != first.width || s.height != first.height) {
            throw ShapeError("FrameBuffer::FrameBuffer: " + s.what + " is " + detail::size_str(s.width, s.height) + " but " +
                             first.what + " is " + detail::size_str(first.width, first.height) +
                             "; all attachments must have the same size");
        }
    }
    if (!st.slots.empty()) {
        st.width = st.slots.front().width;
        st.height = st.slots.front().height;
    }
}

void FrameBuffer::activate() {
    const char* caller = "FrameBuffer::activate";
    detail::ContextState& ctx = detail::require_current(caller);
    s_->prepare(ctx, caller);
    detail::FrameBufferState::Saved saved;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &saved.draw);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &saved.read);
    glGetIntegerv(GL_VIEWPORT, saved.viewport);
    glBindFramebuffer(GL_FRAMEBUFFER, s_->fbo.get());
    glViewport(0, 0, static_cast<GLsizei>(s_->width), static_cast<GLsizei>(s_->height));
    s_->saved.push_back(saved);
}

void FrameBuffer::deactivate() {
    const char* caller = "FrameBuffer::deactivate";
    if (s_->saved.empty()) throw ValueError(std::string(caller) + ": the framebuffer is not active");
    detail::require_current(caller);
    s_->require_own_context(caller);
    const auto saved = s_->saved.back();
    s_->saved.pop_back();
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(saved.draw));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(saved.read));
    glViewport(saved.viewport[0], saved.viewport[1], saved.viewport[2], saved.viewport[3]);
}

namespace {

// glReadPixels of the whole framebuffer, rows turned to image order (row 0 = top).
Array read_rows(const detail::FrameBufferState& s, GLenum buffer, GLenum format, GLenum type, const DType& dtype,
                std::size_t channels, const char* caller) {
    const std::size_t w = s.width, h = s.height, row = w * channels * dtype.itemsize();
    std::vector<std::byte> bottom_up(row * h);
    GLint previous = 0;
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &previous);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, s.fbo.get());
    if (buffer != GL_NONE) glReadBuffer(buffer);
    glReadPixels(0, 0, static_cast<GLsizei>(w), static_cast<GLsizei>(h), format, type, bottom_up.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(previous));
    detail::check_gl(caller);
    Array out = Array::zeros(channels > 1 ? std::vector<std::size_t>{h, w, channels} : std::vector<std::size_t>{h, w}, dtype);
    WriteScope scope(out);
    for (std::size_t y = 0; y < h; ++y) std::memcpy(scope.data() + y * row, bottom_up.data() + (h - 1 - y) * row, row);
    return out;
}

} // namespace

Array FrameBuffer::read_pixels(std::size_t attachment) const {
    const char* caller = "FrameBuffer::read_pixels";
    if (attachment >= s_->colors) {
        throw IndexError(std::string(caller) + ": color attachment " + std::to_string(attachment) +
                         " does not exist (this framebuffer has " + std::to_string(s_->colors) + ")");
    }
    detail::ContextState& ctx = detail::require_current(caller);
    s_->prepare(ctx, caller);
    const Slot& slot = s_->slots[attachment];
    // What GL can read exactly: integers as 32-bit integers, 8-bit normalized as bytes, the
    // rest (float, 16-bit and signed normalized) as floats.
    GLenum format = GL_RGBA, type = GL_FLOAT;
    DType dtype = DType::of<float>();
    const bool bytes = slot.object ? slot.object->format().type == GL_UNSIGNED_BYTE &&
                                         slot.object->format().sampled == detail::SampledKind::Float
                                   : slot.buffer->format == RenderBufferFormat::RGBA8;
    const detail::SampledKind kind = slot.object ? slot.object->format().sampled : detail::SampledKind::Float;
    if (kind == detail::SampledKind::UInt) {
        format = GL_RGBA_INTEGER;
        type = GL_UNSIGNED_INT;
        dtype = DType::of<std::uint32_t>();
    } else if (kind == detail::SampledKind::Int) {
        format = GL_RGBA_INTEGER;
        type = GL_INT;
        dtype = DType::of<std::int32_t>();
    } else if (bytes) {
        type = GL_UNSIGNED_BYTE;
        dtype = DType::of<std::uint8_t>();
    }
    return read_rows(*s_, slot.point, format, type, dtype, 4, caller);
}

Array FrameBuffer::read_depth() const {
    const char* caller = "FrameBuffer::read_depth";
    if (!s_->depth()) throw ValueError(std::string(caller) + ": this framebuffer has no depth attachment");
    detail::ContextState& ctx = detail::require_current(caller);
    s_->prepare(ctx, caller);
    return read_rows(*s_, GL_NONE, GL_DEPTH_COMPONENT, GL_FLOAT, DType::of<float>(), 1, caller);
}

void FrameBuffer::resize(std::size_t width, std::size_t height) {
    const char* caller = "FrameBuffer::resize";
    auto& st = *s_;
    if (width == 0 || height == 0) {
        throw ValueError(std::string(caller) + ": a " + detail::size_str(width, height) + " framebuffer is empty");
    }
    if (!st.saved.empty()) {
        throw ValueError(std::string(caller) +
                         ": the framebuffer is active (its viewport is the old size); deactivate it first");
    }
    if (width == st.width && height == st.height) return;
    // Every check before any change: a refused resize leaves every attachment as it was.
    bool exists = static_cast<bool>(st.fbo);
    for (const Slot& s : st.slots) {
        if (s.object && !s.object->grid().gpu_only) {
            throw TypeError(std::string(caller) + ": " + s.what + " is a CPU-backed " + s.object->grid().kind + " (" +
                            s.format_name() + " " + detail::size_str(s.width, s.height) +
                            "), whose Array cannot change shape; make it with " + s.object->grid().kind +
                            "::gpu_only, or make a new FrameBuffer with new textures");
        }
        exists = exists || (s.object ? s.object->name() != 0 : static_cast<bool>(s.buffer->name));
    }
    if (exists) {
        detail::ContextState& ctx = detail::require_current(caller);
        st.require_own_context(caller);
        GLint texture_limit = 0, buffer_limit = 0;
        glGetIntegerv(GL_MAX_TEXTURE_SIZE, &texture_limit);
        glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &buffer_limit);
        const auto limit = static_cast<std::size_t>(std::min(texture_limit, buffer_limit));
        if (std::max(width, height) > limit) {
            throw ValueError(std::string(caller) + ": " + detail::size_str(width, height) +
                             " is larger than GL_MAX_TEXTURE_SIZE or GL_MAX_RENDERBUFFER_SIZE (" + std::to_string(limit) +
                             ") of " + ctx.renderer);
        }
        for (const Slot& s : st.slots) {
            if (s.object) {
                s.object->require_own_context(caller);
            } else if (s.buffer->name && (detail::current_state() != s.buffer->owner || !s.buffer->name.owner())) {
                throw ContextError(std::string(caller) + ": a " + detail::render_format(s.buffer->format).name +
                                   " RenderBuffer of this framebuffer belongs to another GL context");
            }
        }
    }
    for (Slot& s : st.slots) {
        if (s.object) {
            s.object->resize(width, height, caller);
        } else if (s.buffer->width != width || s.buffer->height != height) { // shared by two slots: once
            s.buffer->width = width;
            s.buffer->height = height;
            if (s.buffer->name) {
                glBindRenderbuffer(GL_RENDERBUFFER, s.buffer->name.get());
                glRenderbufferStorage(GL_RENDERBUFFER, detail::render_format(s.buffer->format).internal,
                                      static_cast<GLsizei>(width), static_cast<GLsizei>(height));
                detail::check_gl(caller);
            }
        }
        s.width = width;
        s.height = height;
    }
    st.width = width;
    st.height = height;
    st.checked = false;
}

std::size_t FrameBuffer::width() const { return s_->width; }
std::size_t FrameBuffer::height() const { return s_->height; }
unsigned FrameBuffer::handle() const { return s_->fbo.get(); }

} // namespace glumpp::gloo
