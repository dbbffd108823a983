#pragma once
// The command line every demo gets for free:
//
//   --backend glfw|offscreen|auto  --size WxH  --frames N  --framerate F (0: unlimited)
//   --duration SECONDS  --fixed-dt SECONDS  --screenshot FILE.png  --record FILE.mp4
//   --display-fps  --stats  --quiet  --samples N  --help     and positional arguments
//
//   int main(int argc, char** argv) {
//       auto options = app::Options::parse(argc, argv, "galaxy: a spiral galaxy");
//       app::Window window(options, 800, 800, "galaxy");
//       ...
//       return app::run(window, options);
//   }
//
// parse() behaves like any command-line program: --help prints the usage and exits 0, a
// bad option prints what is wrong and exits 2. try_parse() throws instead (tests).

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace glumpp::app {

struct Options {
    std::string backend = "auto";
    int width = 0, height = 0;                 ///< 0: the demo's default
    std::optional<std::size_t> frames;         ///< stop after this many frames
    std::optional<double> framerate;           ///< frames per second cap; 0 = unlimited (default: 60 on screen, 0 offscreen)
    std::optional<double> duration;            ///< stop after this many seconds
    std::optional<double> fixed_dt;            ///< every frame advances time by exactly this
    std::optional<std::filesystem::path> screenshot; ///< PNG of the last frame
    std::optional<std::filesystem::path> record;     ///< MP4 of every frame (ffmpeg)
    bool display_fps = false;                  ///< print fps every second
    bool stats = false;                        ///< print uploads and draw calls of every frame
    bool quiet = false;                        ///< no progress line, no closing "N frames in T s (F fps)"
    int samples = 0;                           ///< multisampling
    std::vector<std::string> args;             ///< positional arguments

    static Options parse(int argc, const char* const* argv, const std::string& description);
    /// Throws ValueError with CLI11's message on bad input; `help` set when --help was asked.
    static Options try_parse(int argc, const char* const* argv, const std::string& description, std::string* help = nullptr);
};

} // namespace glumpp::app
