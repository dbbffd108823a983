// glumpp::qt under Xvfb: a real QOpenGLWidget beside a real QPushButton, driven by QTest's
// synthetic events through Qt's own event path, read back with grabFramebuffer().
#include <glumpp/gloo.hpp>
#include <glumpp/qt/Widget.hpp>

#include "../TestUtil.hpp"
#include "../app/XTest.hpp"
#include "../app/Xvfb.hpp"

#include <QApplication>
#include <QOpenGLContext>
#include <QPushButton>
#include <QTest>
#include <QVBoxLayout>
#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>

using namespace glumpp;

namespace {

const char* vs = R"(#version 330 core
in vec2 a_position;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); })";
const char* fs = R"(#version 330 core
out vec4 f;
void main() { f = vec4(0.0, 1.0, 0.0, 1.0); })";

QApplication& qapp() {
    static int argc = 1;
    static char name[] = "test_qt";
    static char* argv[] = {name, nullptr};
    ::setenv("QT_QPA_PLATFORM", "xcb", 1);
    static QApplication app(argc, argv);
    return app;
}

std::vector<int> rgb(const QImage& image, int x, int y) {
    const QRgb p = image.pixel(x, y);
    return {qRed(p), qGreen(p), qBlue(p)};
}

} // namespace

TEST(QtWidget, DrawsBesideAButtonAndTakesQtsEvents) {
    if (!test::display().ok()) GTEST_SKIP() << test::display().why();
    qapp();
    QWidget container;
    auto* layout = new QVBoxLayout(&container);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* view = new qt::Widget("qt test", 128, 96);
    auto* button = new QPushButton("Press me!");
    layout->addWidget(view);
    layout->addWidget(button);

    std::optional<gloo::Program> top; // a green rectangle over the top half
    std::vector<std::pair<double, double>> presses;
    int draws = 0, inits = 0;
    view->on_ready([&](app::Window& window) {
        window.set_clear_color({0, 0, 1, 1});
        top.emplace(vs, fs, 4);
        (*top)["a_position"] = Array::from<float>({-1, 0, -1, 1, 1, 0, 1, 1}, {4, 2});
        window.on_init([&] { ++inits; });
        window.on_draw([&window, &top, &draws](double) {
            window.clear();
            top->draw(gloo::Primitive::TriangleStrip);
            ++draws;
        });
        window.on_mouse_press([&](double x, double y, app::MouseButton b) {
            if (b == app::MouseButton::Left) presses.emplace_back(x, y);
        });
        window.on_key_press([](app::Key k, unsigned) {
            if (k == app::key('x')) Array::zeros<float>({3}).view({3}); // glumpp throws inside Qt's event
        });
    });
    QObject::connect(button, &QPushButton::clicked, [&] { view->window().set_clear_color({1, 0, 0, 1}); });

    container.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&container));
    test::keep_dri_drivers_loaded(); // Qt's context loaded Mesa's driver (see Xvfb.hpp)
    QTest::qWait(100);
    ASSERT_NO_THROW(view->rethrow_pending());
    EXPECT_EQ(inits, 1);
    EXPECT_GT(draws, 0);
    EXPECT_EQ(view->window().backend(), app::Backend::Host);

    QImage image = view->grabFramebuffer();
    const int w = image.width(), h = image.height();
    ASSERT_GT(w, 8);
    ASSERT_GT(h, 8);
    EXPECT_EQ(view->window().width(), w); // resizeGL reached set_size
    EXPECT_EQ(view->window().height(), h);
    EXPECT_EQ(rgb(image, w / 2, h / 4), (std::vector<int>{0, 255, 0}));     // glumpp's rectangle
    EXPECT_EQ(rgb(image, w / 2, 3 * h / 4), (std::vector<int>{0, 0, 255})); // the clear colour

    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, QPoint(10, 20));
    ASSERT_EQ(presses.size(), 1u);
    EXPECT_EQ(presses[0], (std::pair<double, double>{10, 20}));

    QTest::mouseClick(button, Qt::LeftButton); // the button's slot sets the clear colour
    QTest::qWait(50);
    image = view->grabFramebuffer();
    EXPECT_EQ(rgb(image, w / 2, 3 * h / 4), (std::vector<int>{255, 0, 0}));
    EXPECT_EQ(rgb(image, w / 2, h / 4), (std::vector<int>{0, 255, 0}));

    // An error inside a Qt event handler reaches the host as an exception, not a crash.
    QTest::keyClick(view, Qt::Key_X);
    EXPECT_EQ(test::message_of<IndexError>([&] { view->rethrow_pending(); }),
              "Array::view: index 3 is out of bounds for axis 0 with size 3");
    top.reset();
}

// glumpy's other events in a Qt host: on_idle after each paint's on_draw, on_show/on_hide
// from Qt's show and hide events, on_enter/on_leave from the pointer (real X input,
// XTEST); and the host's own slot calling glumpp: its exception is kept for the host.
TEST(QtWidget, ShowHideEnterLeaveIdleAndAGuardedSlot) {
    if (!test::display().ok()) GTEST_SKIP() << test::display().why();
    test::XTest xtest;
    if (!xtest.ok()) GTEST_SKIP() << "no XTEST (libXtst.so.6 and the server's extension are needed)";
    qapp();
    // Declared before the widgets, which outlive nothing their handlers use: destroying
    // the shown container hides the view, whose on_hide still runs then (ASan found
    // `seen` freed by that time when it was declared after).
    std::vector<std::string> seen;
    int draws = 0, idles = 0;
    bool idle_after_draw = true;
    bool current = false;
    QWidget container;
    auto* layout = new QVBoxLayout(&container);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* view = new qt::Widget("qt events", 96, 64);
    auto* button = new QPushButton("Throw");
    layout->addWidget(view);
    layout->addWidget(button);
    view->on_ready([&](app::Window& window) {
        window.on_draw([&](double) { ++draws; });
        window.on_idle([&](double) {
            idle_after_draw = idle_after_draw && draws == idles + 1;
            ++idles;
        });
        window.on_show([&] { seen.push_back("show"); });
        window.on_hide([&] { seen.push_back("hide"); });
        window.on_enter([&] { seen.push_back("enter"); });
        window.on_leave([&] { seen.push_back("leave"); });
    });
    QObject::connect(button, &QPushButton::clicked, view->slot([&](bool) {
        current = QOpenGLContext::currentContext() == view->context();
        throw glumpp::ValueError("slot: from the button");
    }));
    xtest.move(0, 0);
    container.move(200, 150);
    container.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&container));
    test::keep_dri_drivers_loaded(); // Qt's context loaded Mesa's driver (see Xvfb.hpp)
    QTest::qWait(100);
    ASSERT_NO_THROW(view->rethrow_pending());
    EXPECT_GT(draws, 0);
    EXPECT_GE(idles, draws - 1); // a paint may be under way
    EXPECT_TRUE(idle_after_draw);
    EXPECT_EQ(seen, (std::vector<std::string>{"show"}));

    const QPoint inside = view->mapToGlobal(QPoint(view->width() / 2, view->height() / 2));
    xtest.move(inside.x(), inside.y());
    for (int k = 0; k < 100 && seen.size() < 2; ++k) QTest::qWait(20);
    xtest.move(0, 0);
    for (int k = 0; k < 100 && seen.size() < 3; ++k) QTest::qWait(20);
    view->hide();
    QTest::qWait(20);
    view->show();
    QTest::qWait(20);
    EXPECT_EQ(seen, (std::vector<std::string>{"show", "enter", "leave", "hide", "show"}));

    QTest::mouseClick(button, Qt::LeftButton); // the slot throws inside Qt's signal
    EXPECT_TRUE(current);
    EXPECT_EQ(test::message_of<ValueError>([&] { view->rethrow_pending(); }), "slot: from the button");
    ASSERT_NO_THROW(view->rethrow_pending()); // once
}

// slot() before initializeGL: the call is queued with its arguments and runs, in order,
// once the Window exists, with the context current. Before the fix it ran f at once,
// with no context current and window() throwing.
TEST(QtWidget, SlotCallsBeforeInitializeGLAreQueued) {
    if (!test::display().ok()) GTEST_SKIP() << test::display().why();
    qapp();
    std::vector<std::string> seen; // before the widget: its handlers use it
    qt::Widget view("qt early slot", 64, 48);
    view.on_ready([&](app::Window& window) { window.on_init([&] { seen.push_back("init"); }); });
    auto early = view.slot([&](int n, const std::string& what) {
        const bool current = QOpenGLContext::currentContext() == view.context() && view.context() != nullptr;
        seen.push_back(what + " " + std::to_string(n) + (current ? " current" : " not current") + " " +
                       std::to_string(view.window().width()));
    });
    std::string temporary = "first";
    early(1, temporary);
    temporary = "changed"; // the queued call has its own copy
    early(2, std::string("second"));
    EXPECT_TRUE(seen.empty());
    EXPECT_EQ(view.queued(), 2u);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    test::keep_dri_drivers_loaded();
    ASSERT_NO_THROW(view.rethrow_pending());
    EXPECT_EQ(view.queued(), 0u);
    const std::string w = std::to_string(view.window().width());
    EXPECT_EQ(seen, (std::vector<std::string>{"init", "first 1 current " + w, "second 2 current " + w}));
    early(3, "after"); // once initialised: at once
    EXPECT_EQ(seen.back(), "after 3 current " + w);

    // A queued call that throws: kept for rethrow_pending(), the later ones dropped.
    int ran = 0;
    qt::Widget other("qt early throw", 64, 48);
    auto throwing = other.slot([&] {
        ++ran;
        throw ValueError("early: from a queued slot");
    });
    throwing();
    throwing();
    other.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&other));
    EXPECT_EQ(ran, 1);
    EXPECT_EQ(test::message_of<ValueError>([&] { other.rethrow_pending(); }), "early: from a queued slot");
}
