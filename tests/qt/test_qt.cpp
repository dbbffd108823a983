// glumpp::qt under Xvfb: a real QOpenGLWidget beside a real QPushButton, driven by QTest's
// synthetic events through Qt's own event path, read back with grabFramebuffer().
#include <glumpp/gloo.hpp>
#include <glumpp/qt/Widget.hpp>

#include "../TestUtil.hpp"
#include "../app/Xvfb.hpp"

#include <QApplication>
#include <QPushButton>
#include <QTest>
#include <QVBoxLayout>
#include <gtest/gtest.h>

#include <optional>

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
