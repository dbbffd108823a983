#pragma once
// Clock: frame timing, frames per second, and timers.
//
// The run loop ticks the clock once per frame. Timers run from tick(): an interval
// timer fires at most once per frame (a late frame does not fire it twice in a row,
// glumpy's "soft" interval), a once-timer fires once and is removed. With a fixed step
// (run option --fixed-dt), every tick advances time by exactly that step, whatever the
// wall clock says, so that offscreen renders are reproducible frame for frame.

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

namespace glumpp::app {

class Clock {
public:
    using Callback = std::function<void(double dt)>;

    explicit Clock(std::optional<double> fixed_step = std::nullopt);
    /// From now on every tick advances by `step` (nullopt: by the wall clock).
    void set_fixed_step(std::optional<double> step) { fixed_step_ = step; }

    /// Advances to now (or by the fixed step), runs due timers, returns the seconds since
    /// the previous tick (0 for the first).
    double tick();
    /// Seconds since the first tick.
    double time() const noexcept { return time_; }
    /// Frames in the last second or so.
    double fps() const noexcept { return fps_; }
    std::size_t ticks() const noexcept { return ticks_; }

    /// glumpy's clock.schedule: calls `f(dt)` on every tick, dt the seconds since the
    /// previous call (since scheduling, for the first); returns an id for unschedule.
    int schedule(Callback f);
    /// Calls `f(dt)` every `seconds` (measured on this clock); returns an id for unschedule.
    /// glumpy's window.timer(seconds) and clock.schedule_interval.
    int schedule_interval(Callback f, double seconds);
    /// Calls `f(dt)` once, `seconds` from now.
    int schedule_once(Callback f, double seconds);
    void unschedule(int id);

private:
    struct Timer {
        int id;
        Callback f;
        double interval; // 0 for once, < 0 for every tick
        double next;
        double last;
    };
    std::optional<double> fixed_step_;
    std::optional<std::chrono::steady_clock::time_point> start_;
    double time_ = 0, fps_ = 0, fps_window_start_ = 0;
    std::size_t ticks_ = 0, fps_frames_ = 0;
    int next_id_ = 1;
    std::vector<Timer> timers_;
};

} // namespace glumpp::app
