// app-qt5: glumpy's examples/app-qt5.py, ported: a glumpp window inside a Qt main window,
// above a "Press me!" button that gives the window a random clear colour (with alpha, as
// glumpy's np.random.rand(4)). glumpy's Qt 5 window is 256x256 and black.
//
// The run options (--frames, --screenshot) are honoured by counting frames in on_draw:
// after the last one the screenshot is saved and Qt's loop quits.
#include <glumpp/app.hpp>
#include <glumpp/qt/Widget.hpp>

#include <QApplication>
#include <QMainWindow>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <iostream>
#include <random>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "app-qt5: glumpp in a Qt main window, with a button");
    QApplication qapp(argc, argv);

    QMainWindow qwindow;
    auto* widget = new QWidget;
    // glumpy's window asks for 256x256, which the layout overrides (the size glumpy's
    // widget gets is the layout's: no preference here either, unless --size gives one).
    auto* view = new qt::Widget("app-qt5", options.width, options.height);
    view->resize(256, 256);
    auto* button = new QPushButton("Press me!");
    qwindow.setCentralWidget(widget);
    widget->setLayout(new QVBoxLayout);
    widget->layout()->addWidget(view);
    widget->layout()->addWidget(button);

    std::size_t frames = 0;
    view->on_ready([&](app::Window& window) {
        window.on_draw([&](double) {
            window.clear();
            if (options.frames && ++frames == *options.frames) {
                if (options.screenshot) {
                    window.save_screenshot(*options.screenshot);
                    std::cout << "app-qt5: wrote " << options.screenshot->string() << "\n";
                }
                QTimer::singleShot(0, &qapp, &QApplication::quit);
            }
        });
    });

    std::mt19937 rng(std::random_device{}());
    std::uniform_real_distribution<float> rand01(0, 1);
    QObject::connect(button, &QPushButton::clicked, [&] {
        view->window().set_clear_color({rand01(rng), rand01(rng), rand01(rng), rand01(rng)});
    });

    qwindow.show();
    const int status = qapp.exec();
    try {
        view->rethrow_pending();
    } catch (...) {
        return app::report_exception("app-qt5");
    }
    return status;
}
