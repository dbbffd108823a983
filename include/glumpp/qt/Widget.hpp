#pragma once
// Widget: glumpp drawing inside a Qt QOpenGLWidget (Qt 6 or Qt 5), with glumpy's events.
//
//   QApplication qapp(argc, argv);
//   qt::Widget view("app-qt5", 512, 512);
//   view.on_ready([&](app::Window& window) {        // the GL context exists now
//       window.on_draw([&](double) { window.clear(); program.draw(gloo::Primitive::Points); });
//   });
//   layout->addWidget(&view);
//   return qapp.exec();
//
// Built where Qt 6 (qt6-base-dev) or Qt 5 (qtbase5-dev) is installed; link glumpp::qt.
// Qt 6 is preferred when both are there (Qt 5.15, the last Qt 5, is no longer maintained
// upstream; the code is the same for both): the CMake option GLUMPP_QT=auto|6|5|off
// chooses, and GLUMPP_QT_MAJOR says which one was built (glumppConfig.cmake finds the same).
//
// Qt makes the widget's context (a 3.3 core profile is asked for, through its
// QSurfaceFormat) and its framebuffer object. In initializeGL the widget puts an
// app::Window over that context (Backend::Host: gloo::Context::adopt_current), runs the
// on_ready callbacks (register handlers and make GL objects there), then on_init. Then
// Qt drives it:
//   resizeGL  -> Window::set_size in framebuffer pixels (on_resize)
//   paintGL   -> activate (binds Qt's framebuffer object and the viewport), on_draw(dt),
//                then on_idle(dt) (glumpy's process()), dt from a monotonic clock; update()
//                is then asked again, so the widget redraws continuously as glumpy's
//                windows do (set_continuous(false) to draw only when Qt asks)
//   mouse press, release, move (with and without buttons), wheel, key press and release,
//   text -> dispatch_mouse_press ... dispatch_character, positions in widget pixels (y
//   down), wheel in steps of 15 degrees (Qt's 120 units), Qt's modifiers as glumpp's.
//   show and hide events (the widget, or a window holding it, shown or hidden) ->
//                on_show/on_hide (glumpy's Qt 5 backend dispatches them from its own
//                show()/hide(); Qt's events cover those calls and the host's). Qt shows a
//                widget before it makes its GL context: the first on_show comes right
//                after on_init, when the widget is visible then.
//   enter and leave events (the pointer over the widget) -> on_enter/on_leave.
// Exceptions must not unwind through Qt's C++ frames either (Qt calls an exception
// leaving an event handler or a slot undefined behaviour): one from a handler is kept,
// the widget stops dispatching, and rethrow_pending() (after QApplication::exec, or in a
// test) throws it. The host's own slots that call glumpp get the same treatment through
// slot(f): connect(button, &QPushButton::clicked, view->slot([&] { ... })) runs f with
// the widget's GL context current (makeCurrent: GL objects may be made or written there)
// and keeps its exception for rethrow_pending(), instead of letting it into Qt.

#include <glumpp/app/Window.hpp>

#include <QElapsedTimer>
#include <QOpenGLWidget>

#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <type_traits>
#include <string>
#include <utility>
#include <vector>

namespace glumpp::qt {

class Widget : public QOpenGLWidget {
public:
    /// Asks Qt for an OpenGL 3.3 core context with 24 depth and 8 stencil bits; the size
    /// is the widget's preferred size (sizeHint). A size of 0 states no preference (Qt's
    /// own sizeHint: the layout decides), as glumpy's Qt 5 window, whose QGLWidget's
    /// resize(width, height) any layout overrides.
    explicit Widget(std::string title = "glumpp", int width = 512, int height = 512, QWidget* parent = nullptr);
    ~Widget() override;

    /// Called once in initializeGL, before on_init, with the Window over Qt's context.
    void on_ready(std::function<void(app::Window&)> f) { ready_.push_back(std::move(f)); }
    /// The Window; ContextError before Qt has initialised the widget (shown it).
    app::Window& window();
    void set_continuous(bool on) { continuous_ = on; }
    /// Throws the exception a handler threw, if any (once).
    void rethrow_pending();
    /// f wrapped for QObject::connect: with the widget's context current, any exception
    /// kept for rethrow_pending() (see above); the signal's arguments are passed on. Once
    /// an exception is pending, later calls do nothing, as for the widget's own handlers.
    /// A signal that comes before Qt has initialised the widget (there is no context nor
    /// Window to use yet) is queued, its arguments copied: initializeGL runs the queued
    /// calls in order after on_ready, on_init and the first on_show, with the context
    /// current (a decision: the host's signals may fire before the widget is first
    /// shown, and what they ask for is then done, not lost).
    template <class F>
    auto slot(F f) {
        return [this, f = std::move(f)](auto&&... args) {
            if (pending_) return;
            try {
                if (!window_) {
                    queued_.push_back([f, ... a = std::decay_t<decltype(args)>(args)]() mutable { f(a...); });
                    return;
                }
                makeCurrent();
                f(std::forward<decltype(args)>(args)...);
            } catch (...) {
                pending_ = std::current_exception();
            }
        };
    }
    /// How many slot() calls wait for initializeGL.
    std::size_t queued() const noexcept { return queued_.size(); }
    QSize sizeHint() const override { return width_ > 0 && height_ > 0 ? QSize(width_, height_) : QOpenGLWidget::sizeHint(); }

protected:
    void initializeGL() override;
    void resizeGL(int width, int height) override;
    void paintGL() override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void wheelEvent(QWheelEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;
    void keyReleaseEvent(QKeyEvent* e) override;
    void showEvent(QShowEvent* e) override;
    void hideEvent(QHideEvent* e) override;
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    void enterEvent(QEnterEvent* e) override;
#else
    void enterEvent(QEvent* e) override;
#endif
    void leaveEvent(QEvent* e) override;

private:
    template <class F>
    void guarded(F&& f);
    std::string title_;
    int width_, height_;
    std::unique_ptr<app::Window> window_;
    std::vector<std::function<void(app::Window&)>> ready_;
    std::vector<std::function<void()>> queued_; ///< slot() calls made before initializeGL
    std::exception_ptr pending_;
    QElapsedTimer clock_;
    qint64 last_ns_ = -1;
    bool continuous_ = true;
};

} // namespace glumpp::qt
