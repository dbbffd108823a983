#pragma once
// EventLoop: the run loop by hand, for programs that own their loop (glumpy's
// app-event-loop: `clock = app.__init__(backend)`, then `backend.process(clock.tick())`
// until no window is open).
//
//   app::EventLoop loop(window, options);           // on_init, on_resize for each window
//   std::size_t count = loop.windows();
//   while (count) count = loop.process(loop.clock().tick());
//
// process(dt) is one frame of app::run's loop: deliver events (poll_events), then for each
// open window: activate, reset the context's frame statistics, on_draw(dt), on_idle(dt),
// swap. It
// returns how many windows are still open; a window whose close was asked (Escape, the
// window manager, close()) is closed there, its on_close handlers run.
//
// Of the run options it honours --frames (after that many frames the windows are closed
// and process returns 0) and --screenshot (the last frame of the first window, saved before
// its swap; with --frames only, since otherwise the program decides which frame is last),
// and --fixed-dt (the clock's fixed step). --framerate is the program's business (it owns
// the loop: sleep as it likes); --record, --stats and --duration are app::run's.
//
// Errors are the program's: an exception from a handler comes out of process() (app::run
// reports it instead). Windows still open when the EventLoop dies are closed (on_close
// runs; an exception from it there is reported on stderr like app::run does, since a
// destructor cannot throw).

#include <glumpp/app/Clock.hpp>
#include <glumpp/app/Options.hpp>

#include <cstddef>
#include <vector>

namespace glumpp::app {

class Window;

class EventLoop {
public:
    /// glumpy's app.__init__: for each window, activate, on_init, on_resize(width, height).
    /// The clock is app::clock() (timers scheduled on it run from tick()).
    explicit EventLoop(Window& window, const Options& options = {});
    EventLoop(const std::vector<Window*>& windows, const Options& options = {});
    ~EventLoop();
    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;

    /// app::clock(), the run loop's clock.
    Clock& clock() const;
    /// One frame (see above); returns the windows still open.
    std::size_t process(double dt);
    /// Windows still open.
    std::size_t windows() const noexcept { return open_.size(); }
    /// Frames processed so far.
    std::size_t frames() const noexcept { return frames_; }

private:
    void close_all();
    std::vector<Window*> open_;
    Options options_;
    std::size_t frames_ = 0;
};

} // namespace glumpp::app
