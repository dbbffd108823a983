#pragma once
// The run loop.
//
// Every frame: tick the clock (timers run), deliver events, then for each window:
// activate, reset the context's frame statistics, on_draw(dt), record the frame
// (--record), swap. The loop ends when every window is closed, after --frames frames or
// after --duration seconds; the last frame is saved with --screenshot. With --framerate F
// the loop sleeps to keep F frames per second; 0 (the offscreen default) never waits.
//
// On a terminal, long runs show one progress line (frames done, fps) unless --quiet;
// --display-fps prints the fps once a second; --stats prints, per frame, what the
// context counted (gloo::FrameStats in UploadLog.hpp): buffer and texture upload calls,
// the bytes they sent, of which dirty (written by the user) and gaps (clean bytes merged
// into a call), glUniform* calls and bytes, and draw calls:
//   frame 3: uploads: 2 calls, 739800 B sent (739800 B dirty, 0 B gaps); uniforms: 1 call, 64 B; 1 draw call
//
// Returns a process exit code (0), so that main can `return app::run(window, options);`.

#include <glumpp/app/Clock.hpp>
#include <glumpp/app/Options.hpp>

#include <vector>

namespace glumpp::app {

class Window;

int run(Window& window, const Options& options);
int run(const std::vector<Window*>& windows, const Options& options);

/// The clock of the running loop (timers may be scheduled on it before run()).
Clock& clock();

} // namespace glumpp::app
