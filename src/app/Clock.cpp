#include <glumpp/app/Clock.hpp>

#include <algorithm>

namespace glumpp::app {

Clock::Clock(std::optional<double> fixed_step) : fixed_step_(fixed_step) {}

double Clock::tick() {
    double dt = 0;
    if (ticks_ > 0 && fixed_step_) {
        dt = *fixed_step_;
        time_ += dt;
    } else if (!start_) {
        start_ = std::chrono::steady_clock::now();
    } else {
        const double now = std::chrono::duration<double>(std::chrono::steady_clock::now() - *start_).count();
        dt = std::max(0.0, now - time_);
        time_ = now;
    }
    ++ticks_;
    ++fps_frames_;
    if (time_ - fps_window_start_ >= 1.0) {
        fps_ = static_cast<double>(fps_frames_) / (time_ - fps_window_start_);
        fps_frames_ = 0;
        fps_window_start_ = time_;
    }
    // Run due timers; callbacks may schedule or unschedule, so work on a snapshot of ids.
    std::vector<int> due;
    for (const Timer& t : timers_) {
        if (t.next <= time_) due.push_back(t.id);
    }
    for (int id : due) {
        auto it = std::find_if(timers_.begin(), timers_.end(), [id](const Timer& t) { return t.id == id; });
        if (it == timers_.end()) continue;
        const double since = time_ - it->last;
        it->last = time_;
        Callback f = it->f;
        if (it->interval > 0) {
            it->next = std::max(it->next + it->interval, time_); // soft: never fires twice for one late frame
        } else if (it->interval < 0) {
            // every tick: due again at once
        } else {
            timers_.erase(it);
        }
        f(since);
    }
    return dt;
}

int Clock::schedule(Callback f) {
    const int id = next_id_++;
    timers_.push_back({id, std::move(f), -1.0, time_, time_});
    return id;
}

int Clock::schedule_interval(Callback f, double seconds) {
    const int id = next_id_++;
    timers_.push_back({id, std::move(f), std::max(seconds, 1e-9), time_ + seconds, time_});
    return id;
}

int Clock::schedule_once(Callback f, double seconds) {
    const int id = next_id_++;
    timers_.push_back({id, std::move(f), 0.0, time_ + seconds, time_});
    return id;
}

void Clock::unschedule(int id) {
    timers_.erase(std::remove_if(timers_.begin(), timers_.end(), [id](const Timer& t) { return t.id == id; }), timers_.end());
}

} // namespace glumpp::app
