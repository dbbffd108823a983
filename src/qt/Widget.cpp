#include <glumpp/Error.hpp>
#include <glumpp/qt/Widget.hpp>

#include <QHideEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QShowEvent>
#include <QSurfaceFormat>
#include <QWheelEvent>

#include <utility>

namespace glumpp::qt {

namespace {

app::MouseButton button_of(Qt::MouseButton b) {
    return b == Qt::RightButton ? app::MouseButton::Right : b == Qt::MiddleButton ? app::MouseButton::Middle : app::MouseButton::Left;
}

unsigned modifiers_of(Qt::KeyboardModifiers m) {
    return (m & Qt::ShiftModifier ? unsigned(app::Shift) : 0u) | (m & Qt::ControlModifier ? unsigned(app::Control) : 0u) |
           (m & Qt::AltModifier ? unsigned(app::Alt) : 0u) | (m & Qt::MetaModifier ? unsigned(app::Super) : 0u);
}

// Qt's key codes as glumpp's (GLFW's): printable keys are ASCII in both.
app::Key key_of(int k) {
    if (k >= 0x20 && k <= 0x60) return static_cast<app::Key>(k);
    switch (k) {
    case Qt::Key_Escape: return app::Key::Escape;
    case Qt::Key_Return:
    case Qt::Key_Enter: return app::Key::Enter;
    case Qt::Key_Tab: return app::Key::Tab;
    case Qt::Key_Backspace: return app::Key::Backspace;
    case Qt::Key_Insert: return app::Key::Insert;
    case Qt::Key_Delete: return app::Key::Delete;
    case Qt::Key_Right: return app::Key::Right;
    case Qt::Key_Left: return app::Key::Left;
    case Qt::Key_Down: return app::Key::Down;
    case Qt::Key_Up: return app::Key::Up;
    case Qt::Key_PageUp: return app::Key::PageUp;
    case Qt::Key_PageDown: return app::Key::PageDown;
    case Qt::Key_Home: return app::Key::Home;
    case Qt::Key_End: return app::Key::End;
    case Qt::Key_Shift: return app::Key::LeftShift;
    case Qt::Key_Control: return app::Key::LeftControl;
    case Qt::Key_Alt: return app::Key::LeftAlt;
    case Qt::Key_Meta: return app::Key::LeftSuper;
    default:
        if (k >= Qt::Key_F1 && k <= Qt::Key_F12) return static_cast<app::Key>(static_cast<int>(app::Key::F1) + (k - Qt::Key_F1));
        return app::Key::Unknown;
    }
}

// The pointer in widget pixels: QMouseEvent::position() in Qt 6, localPos() in Qt 5 (the
// same value; each is the other version's deprecated or missing name).
QPointF position_of(const QMouseEvent* e) {
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    return e->position();
#else
    return e->localPos();
#endif
}

} // namespace

Widget::Widget(std::string title, int width, int height, QWidget* parent)
    : QOpenGLWidget(parent), title_(std::move(title)), width_(width), height_(height) {
    QSurfaceFormat format;
    format.setVersion(3, 3);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    setFormat(format);
    setMouseTracking(true); // motion without buttons too, as glumpy's on_mouse_motion
    setFocusPolicy(Qt::StrongFocus);
    clock_.start();
}

Widget::~Widget() {
    if (window_) {
        makeCurrent(); // glumpp's objects of this context are deleted in it
        try {
            window_->context().make_current();
            if (!window_->should_close()) window_->close();
        } catch (...) {
        }
        window_.reset();
        doneCurrent();
    }
}

app::Window& Widget::window() {
    if (!window_) throw ContextError("Widget::window: \"" + title_ + "\" has no GL context yet (Qt makes it when the widget is first shown)");
    return *window_;
}

void Widget::rethrow_pending() {
    if (pending_) std::rethrow_exception(std::exchange(pending_, nullptr));
}

template <class F>
void Widget::guarded(F&& f) {
    if (pending_ || !window_) return;
    try {
        f();
    } catch (...) {
        pending_ = std::current_exception();
    }
}

void Widget::initializeGL() {
    try {
        app::WindowConfig c;
        const qreal ratio = devicePixelRatioF();
        c.width = std::max(1, int(width() * ratio));
        c.height = std::max(1, int(height() * ratio));
        c.title = title_;
        c.backend = app::Backend::Host;
        c.host_framebuffer = [this] { return static_cast<unsigned>(defaultFramebufferObject()); };
        window_ = std::make_unique<app::Window>(c);
        for (auto& f : ready_) f(*window_);
        window_->activate();
        window_->dispatch_init();
        if (isVisible()) window_->dispatch_show(); // Qt's show event came before the context
        // The host's slot() calls that came before the context, in order; one that throws
        // stops the rest (as a pending exception stops later slot calls).
        for (auto& call : std::exchange(queued_, {})) call();
    } catch (...) {
        pending_ = std::current_exception();
    }
}

void Widget::resizeGL(int width, int height) {
    const qreal ratio = devicePixelRatioF();
    guarded([&] {
        window_->activate();
        window_->set_size(std::max(1, int(width * ratio)), std::max(1, int(height * ratio)));
    });
}

void Widget::paintGL() {
    const qint64 now = clock_.nsecsElapsed();
    const double dt = last_ns_ < 0 ? 0.0 : double(now - last_ns_) * 1e-9;
    last_ns_ = now;
    guarded([&] {
        window_->activate();
        window_->dispatch_draw(dt);
        window_->dispatch_idle(dt);
    });
    if (continuous_ && !pending_) update();
}

void Widget::mousePressEvent(QMouseEvent* e) {
    guarded([&] { window_->dispatch_mouse_press(position_of(e).x(), position_of(e).y(), button_of(e->button())); });
}
void Widget::mouseReleaseEvent(QMouseEvent* e) {
    guarded([&] { window_->dispatch_mouse_release(position_of(e).x(), position_of(e).y(), button_of(e->button())); });
}
void Widget::mouseMoveEvent(QMouseEvent* e) {
    guarded([&] { window_->dispatch_mouse_motion(position_of(e).x(), position_of(e).y()); });
}
// Spontaneous or not: a widget shown by its own show() and one shown with its window
// both get here, as glumpy's show() does.
void Widget::showEvent(QShowEvent* e) {
    QOpenGLWidget::showEvent(e);
    guarded([&] { window_->dispatch_show(); });
}
void Widget::hideEvent(QHideEvent* e) {
    QOpenGLWidget::hideEvent(e);
    guarded([&] { window_->dispatch_hide(); });
}
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
void Widget::enterEvent(QEnterEvent*) {
#else
void Widget::enterEvent(QEvent*) {
#endif
    guarded([&] { window_->dispatch_enter(); });
}
void Widget::leaveEvent(QEvent*) {
    guarded([&] { window_->dispatch_leave(); });
}
void Widget::wheelEvent(QWheelEvent* e) {
    guarded([&] {
        const QPointF p = e->position();
        window_->dispatch_mouse_scroll(p.x(), p.y(), e->angleDelta().x() / 120.0, e->angleDelta().y() / 120.0);
    });
}
void Widget::keyPressEvent(QKeyEvent* e) {
    guarded([&] {
        window_->dispatch_key_press(key_of(e->key()), modifiers_of(e->modifiers()));
        for (char32_t c : e->text().toStdU32String()) {
            if (c >= 0x20 && c != 0x7f) window_->dispatch_character(c);
        }
    });
}
void Widget::keyReleaseEvent(QKeyEvent* e) {
    guarded([&] { window_->dispatch_key_release(key_of(e->key()), modifiers_of(e->modifiers())); });
}

} // namespace glumpp::qt
