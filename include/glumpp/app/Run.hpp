#pragma once
// The run loop.
//
// Every frame: tick the clock (timers run), deliver events, then for each window:
// activate, reset the context's frame statistics, on_draw(dt), on_idle(dt), record
// the frame (--record), swap. The loop ends when every window is closed, after --frames frames or
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
// When the loop ends (every window closed, --frames, --duration, or an error), every
// window still open is closed: its on_close handlers run, with its context current.
//
// Errors. An exception out of on_init, on_draw, on_resize, any event handler, on_close or
// the loop itself (a screenshot that cannot be written, ffmpeg missing for --record) does
// not escape run(): as Python does for glumpy, it is reported on stderr, with its type and
// message, after the first window's title:
//   galaxy: glumpp::IndexError: Array::view: index 3 is out of bounds for axis 0 with size 3
// then the windows are closed (on_close runs), a --record video is finished with the
// frames recorded so far (a playable file; the recording starts with the first frame, so
// an error before it leaves no file), no --screenshot is taken, and run() returns 1.
// An exception from a GLFW event handler is carried past GLFW's C code and rethrown from
// poll_events(); events after it in the same poll are dropped.
//
// Returns a process exit code (0, or 1 after an error), so that main can
// `return app::run(window, options);`.

#include <glumpp/app/Clock.hpp>
#include <glumpp/app/Options.hpp>

#include <exception>
#include <string>
#include <vector>

namespace glumpp::app {

class Window;

int run(Window& window, const Options& options);
int run(const std::vector<Window*>& windows, const Options& options);

/// "TYPE: MESSAGE" for an exception, TYPE demangled from the thrown type
/// ("glumpp::ValueError: Array::view: ..."); for one not derived from std::exception,
/// "unknown exception (not derived from std::exception)".
std::string exception_text(std::exception_ptr error);
/// Prints "PROGRAM: TYPE: MESSAGE" on stderr (after flushing stdout) and returns 1: what
/// run() does with an exception, for main to use around what it does before run():
///   try { ... } catch (...) { return app::report_exception("galaxy"); }
int report_exception(const std::string& program, std::exception_ptr error = std::current_exception());

/// The clock of the running loop (timers may be scheduled on it before run()).
Clock& clock();

} // namespace glumpp::app
