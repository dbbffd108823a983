// app-qt5: glumpy's examples/app-qt5.py, ported: a glumpp window inside a Qt main window,
// above a "Press me!" button that gives the window a random clear colour (with alpha, as
// glumpy's np.random.rand(4)). glumpy's Qt 5 window is 256x256 and black.
//
// The run options (--frames, --screenshot) are honoured by counting frames in on_draw:
// after the last one the screenshot is saved and Qt's loop quits.
//
// Scripted (the golden test): `app-qt5 ... click N SEED` clicks the button
// (QAbstractButton::click) just before frame N's clear, with the colours NumPy's
// np.random.seed(SEED); np.random.rand(4) gives: MT19937 seeded as NumPy's legacy seed
// does (init_genrand, std::mt19937's), each number from two 32-bit draws as NumPy's
// random_sample makes its 53-bit doubles. tests/tools/glumpy_app_qt5.py does the same to
// glumpy. Without SEED, as glumpy: a seed nobody chose.
#include <glumpp/app.hpp>
#include <glumpp/qt/Widget.hpp>

#include <QApplication>
#include <QMainWindow>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <iostream>
#include <random>
#include <stdexcept>
#include <string>

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

    std::size_t click = 0;
    std::mt19937 rng(std::random_device{}());
    if (!options.args.empty()) {
        try {
            if (options.args.size() != 3 || options.args[0] != "click") throw std::invalid_argument("usage");
            click = std::stoul(options.args[1]);
            rng.seed(static_cast<std::mt19937::result_type>(std::stoul(options.args[2])));
        } catch (const std::exception&) {
            std::cerr << "app-qt5: the only arguments are: click FRAME SEED (whole numbers)\n";
            return 2;
        }
    }
    // NumPy's random_sample: 27 + 26 bits of two draws, over 2^53.
    auto rand01 = [&] {
        const double a = rng() >> 5, b = rng() >> 6;
        return float((a * 67108864.0 + b) / 9007199254740992.0);
    };
    // Through view->slot: with the widget's context current, an exception kept for
    // rethrow_pending() instead of unwinding into Qt, and a click before the widget has a
    // context queued until it has one.
    QObject::connect(button, &QPushButton::clicked, view->slot([&](bool) {
        view->window().set_clear_color({rand01(), rand01(), rand01(), rand01()});
    }));

    std::size_t frames = 0;
    view->on_ready([&](app::Window& window) {
        window.on_draw([&](double) {
            if (++frames == click) button->click();
            window.clear();
            if (options.frames && frames == *options.frames) {
                if (options.screenshot) {
                    window.save_screenshot(*options.screenshot);
                    std::cout << "app-qt5: wrote " << options.screenshot->string() << "\n";
                }
                QTimer::singleShot(0, &qapp, &QApplication::quit);
            }
        });
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
