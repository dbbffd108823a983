#pragma once
// Widget: glumpp drawing inside a Qt 5 QOpenGLWidget, with glumpy's events.
//
//   QApplication qapp(argc, argv);
//   qt::Widget view("app-qt5", 512, 512);
//   view.on_ready([&](app::Window& window) {        // the GL context exists now
//       window.on_draw([&](double) { window.clear(); program.draw(gloo::Primitive::Points); });
//   });
//   layout->addWidget(&view);
//   return qapp.exec();
//
// Built only where Qt 5 (qtbase5-dev) is installed; link glumpp::qt.
//
// Qt makes the widget's context (a 3.3 core profile is asked for, through its
// QSurfaceFormat) and its framebuffer object. In initializeGL the widget puts an
// app::Window over that context (Backend::Host: gloo::Context::adopt_current), runs the
// on_ready callbacks (register handlers and make GL objects there), then on_init. Then
// Qt drives it:
//   resizeGL  -> Window::set_size in framebuffer pixels (on_resize)
//   paintGL   -> activate (binds Qt's framebuffer object and the viewport), on_draw(dt),
//                dt from a monotonic clock; update() is then asked again, so the widget
//                redraws continuously as glumpy's windows do (set_continuous(false) to
//                draw only when Qt asks)
//   mouse press, release, move (with and without buttons), wheel, key press and release,
//   text -> dispatch_mouse_press ... dispatch_character, positions in widget pixels (y
//   down), wheel in steps of 15 degrees (Qt's 120 units), Qt's modifiers as glumpp's.
// Exceptions must not unwind through Qt's C++ frames either: one from a handler is kept,
// the widget stops dispatching, and rethrow_pending() (after QApplication::exec, or in a
// test) throws it.

#include <glumpp/app/Window.hpp>

#include <QElapsedTimer>
#include <QOpenGLWidget>

#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace glumpp::qt {

class Widget : public QOpenGLWidget {
public:
    /// Asks Qt for an OpenGL 3.3 core context with 24 depth and 8 stencil bits; the size
    /// is the widget's preferred size (sizeHint).
    explicit Widget(std::string title = "glumpp", int width = 512, int height = 512, QWidget* parent = nullptr);
    ~Widget() override;

    /// Called once in initializeGL, before on_init, with the Window over Qt's context.
    void on_ready(std::function<void(app::Window&)> f) { ready_.push_back(std::move(f)); }
    /// The Window; ContextError before Qt has initialised the widget (shown it).
    app::Window& window();
    void set_continuous(bool on) { continuous_ = on; }
    /// Throws the exception a handler threw, if any (once).
    void rethrow_pending();
    QSize sizeHint() const override { return {width_, height_}; }

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

private:
    template <class F>
    void guarded(F&& f);
    std::string title_;
    int width_, height_;
    std::unique_ptr<app::Window> window_;
    std::vector<std::function<void(app::Window&)>> ready_;
    std::exception_ptr pending_;
    QElapsedTimer clock_;
    qint64 last_ns_ = -1;
    bool continuous_ = true;
};

} // namespace glumpp::qt
