#include <glumpp/app/EventLoop.hpp>
#include <glumpp/app/Run.hpp>
#include <glumpp/app/Window.hpp>

#include <algorithm>
#include <iostream>

namespace glumpp::app {

EventLoop::EventLoop(Window& window, const Options& options) : EventLoop(std::vector<Window*>{&window}, options) {}

EventLoop::EventLoop(const std::vector<Window*>& windows, const Options& options) : open_(windows), options_(options) {
    clock().set_fixed_step(options.fixed_dt);
    for (Window* w : open_) {
        w->activate();
        w->dispatch_init();
        w->dispatch_resize(w->width(), w->height());
    }
}

Clock& EventLoop::clock() const { return app::clock(); }

EventLoop::~EventLoop() {
    for (Window* w : open_) {
        try {
            if (!w->should_close()) {
                w->activate();
                w->close();
            }
        } catch (...) {
            report_exception(w->title());
        }
    }
}

std::size_t EventLoop::process(double dt) {
    for (Window* w : open_) w->poll_events();
    // A window closed by its events (Escape, the window manager) ran on_close already.
    auto closing = [](Window* w) { return w->should_close(); };
    open_.erase(std::remove_if(open_.begin(), open_.end(), closing), open_.end());
    if (open_.empty()) return 0;
    const bool last = options_.frames && frames_ + 1 >= *options_.frames;
    for (Window* w : open_) {
        w->activate();
        w->context().reset_frame_stats();
        w->dispatch_draw(dt);
        w->dispatch_idle(dt);
        if (last && options_.screenshot && w == open_.front()) {
            w->save_screenshot(*options_.screenshot);
            if (!options_.quiet) std::cout << w->title() << ": wrote " << options_.screenshot->string() << "\n";
        }
        w->swap();
    }
    ++frames_;
    if (last) close_all();
    return open_.size();
}

void EventLoop::close_all() {
    std::vector<Window*> open = std::move(open_);
    open_.clear();
    for (Window* w : open) {
        if (!w->should_close()) {
            w->activate();
            w->close();
        }
    }
}

} // namespace glumpp::app
