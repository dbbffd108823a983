#include <glumpp/app/Run.hpp>

#include <glumpp/app/Image.hpp>
#include <glumpp/app/VideoRecorder.hpp>
#include <glumpp/app/Window.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cxxabi.h>
#include <iostream>
#include <memory>
#include <thread>
#include <typeinfo>

#include <unistd.h>

namespace glumpp::app {

Clock& clock() {
    static Clock c;
    return c;
}

std::string exception_text(std::exception_ptr error) {
    if (!error) return "no exception";
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        // typeid of the caught reference is the thrown (dynamic) type.
        const char* mangled = typeid(e).name();
        int status = 0;
        char* demangled = abi::__cxa_demangle(mangled, nullptr, nullptr, &status);
        std::string type = status == 0 && demangled ? demangled : mangled;
        std::free(demangled);
        return type + ": " + e.what();
    } catch (...) {
        return "unknown exception (not derived from std::exception)";
    }
}

int report_exception(const std::string& program, std::exception_ptr error) {
    std::fflush(stdout); // what the program printed before comes first
    std::fprintf(stderr, "%s: %s\n", program.c_str(), exception_text(error).c_str());
    std::fflush(stderr);
    return 1;
}

int run(Window& window, const Options& options) { return run(std::vector<Window*>{&window}, options); }

namespace {

// The loop proper; run() around it reports what it throws and cleans up.
void loop(const std::vector<Window*>& windows_in, const Options& options, std::unique_ptr<VideoRecorder>& recorder, bool& progress) {
    std::vector<Window*> windows = windows_in;
    Clock& c = clock();
    c.set_fixed_step(options.fixed_dt);
    const bool all_offscreen = std::all_of(windows.begin(), windows.end(), [](Window* w) { return w->backend() == Backend::Offscreen; });
    const double framerate = options.framerate.value_or(all_offscreen ? 0.0 : 60.0);
    progress = !options.quiet && ::isatty(STDERR_FILENO);
    Window& first = *windows.front();

    for (Window* w : windows) {
        w->activate();
        w->dispatch_init();
        w->dispatch_resize(w->width(), w->height());
    }
    bool screenshot_saved = false;
    std::size_t frame = 0;
    double last_report = 0;
    const auto start = std::chrono::steady_clock::now();
    for (;;) {
        const double dt = c.tick();
        for (Window* w : windows) w->poll_events();
        windows.erase(std::remove_if(windows.begin(), windows.end(), [](Window* w) { return w->should_close(); }), windows.end());
        if (windows.empty()) break;
        const bool last = (options.frames && frame + 1 >= *options.frames) ||
                          (options.duration && c.time() >= *options.duration);
        for (Window* w : windows) {
            w->activate();
            w->context().reset_frame_stats();
            w->dispatch_draw(dt);
            w->dispatch_idle(dt);
            if (options.stats) std::cout << "frame " << frame << ": " << w->context().frame_stats().str() << "\n";
            if (w == &first) {
                if (options.record) {
                    // Started with the first frame, at the size the window has then: a run
                    // that fails before drawing leaves no empty file behind.
                    if (!recorder) recorder = std::make_unique<VideoRecorder>(*options.record, w->width(), w->height(), framerate > 0 ? framerate : 60.0);
                    recorder->add(w->read_pixels());
                }
                if (last && options.screenshot) {
                    w->save_screenshot(*options.screenshot);
                    screenshot_saved = true;
                }
            }
            w->swap();
        }
        ++frame;
        if (progress && c.time() - last_report >= 0.5) {
            std::fprintf(stderr, "\r%s: frame %zu%s, %.1f fps   ", first.title().c_str(), frame,
                         options.frames ? ("/" + std::to_string(*options.frames)).c_str() : "", c.fps());
            last_report = c.time();
        }
        if (options.display_fps && c.fps() > 0 && c.ticks() % std::max<std::size_t>(1, static_cast<std::size_t>(c.fps())) == 0) {
            std::cout << "fps: " << c.fps() << "\n";
        }
        if (last) break;
        if (framerate > 0) std::this_thread::sleep_until(start + std::chrono::duration<double>(double(frame) / framerate));
    }
    if (progress) std::fprintf(stderr, "\n");
    progress = false;
    if (!options.quiet && frame > 0) {
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("%s: %zu frames in %.2f s (%.1f fps)\n", first.title().c_str(), frame, seconds, double(frame) / seconds);
        std::fflush(stdout);
    }
    if (options.screenshot && !screenshot_saved && !first.should_close()) {
        // The loop ended otherwise than by --frames/--duration: draw once more to capture.
        first.activate();
        first.dispatch_draw(0);
        first.save_screenshot(*options.screenshot);
        screenshot_saved = true;
    }
    if (screenshot_saved) std::cout << first.title() << ": wrote " << options.screenshot->string() << "\n";
}

} // namespace

int run(const std::vector<Window*>& windows, const Options& options) {
    if (windows.empty()) return 0;
    Window& first = *windows.front();
    std::unique_ptr<VideoRecorder> recorder;
    bool progress = false;
    int status = 0;
    auto fail = [&] {
        if (progress) std::fprintf(stderr, "\n"); // end the progress line first
        progress = false;
        status = report_exception(first.title(), std::current_exception());
    };
    try {
        loop(windows, options, recorder, progress);
    } catch (...) {
        fail();
    }
    // Every window still open is closed, so on_close handlers run however the loop
    // ended; each handler's exception is reported too.
    for (Window* w : windows) {
        try {
            if (!w->should_close()) {
                w->activate();
                w->close();
            }
        } catch (...) {
            fail();
        }
    }
    if (recorder) {
        try {
            recorder->finish(); // the frames recorded so far make a playable file
            std::cout << first.title() << ": wrote " << options.record->string() << " (" << recorder->frames() << " frames)\n";
        } catch (...) {
            fail();
        }
    }
    std::cout.flush();
    return status;
}

} // namespace glumpp::app
