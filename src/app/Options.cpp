#include <glumpp/app/Options.hpp>

#include <glumpp/Error.hpp>

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

namespace glumpp::app {

Options Options::try_parse(int argc, const char* const* argv, const std::string& description, std::string* help) {
    Options o;
    CLI::App cli(description);
    // A repeated option takes its last value, as most command lines do: a script can
    // pass defaults and then the user's own arguments (scripts/galaxy.sh "$@").
    cli.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    std::string size;
    cli.add_option("--backend,-b", o.backend, "glfw (a window), offscreen (EGL, no display) or auto")
        ->check(CLI::IsMember({"glfw", "offscreen", "auto"}));
    cli.add_option("--size,-s", size, "window size WxH, e.g. 800x800");
    cli.add_option("--frames,-n", o.frames, "stop after N frames")->check(CLI::PositiveNumber);
    cli.add_option("--framerate,-f", o.framerate, "frames per second cap, 0 for unlimited (default 60 on screen, 0 offscreen)")
        ->check(CLI::NonNegativeNumber);
    cli.add_option("--duration", o.duration, "stop after this many seconds")->check(CLI::NonNegativeNumber);
    cli.add_option("--fixed-dt", o.fixed_dt, "advance time by exactly this many seconds per frame (reproducible runs)")
        ->check(CLI::PositiveNumber);
    cli.add_option("--screenshot", o.screenshot, "save the last frame to FILE.png");
    cli.add_option("--record", o.record, "record every frame to FILE.mp4 (ffmpeg)");
    cli.add_flag("--display-fps", o.display_fps, "print the frames per second every second");
    cli.add_flag("--stats", o.stats, "print per frame: upload calls, bytes sent (dirty + merged gaps), uniform calls and bytes, draw calls");
    cli.add_flag("--quiet,-q", o.quiet, "no progress line on the terminal");
    cli.add_option("--samples", o.samples, "multisampling samples (0: off)")->check(CLI::NonNegativeNumber);
    cli.add_option("args", o.args, "arguments of the program");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        if (help) *help = cli.help();
        return o;
    } catch (const CLI::ParseError& e) {
        throw ValueError(std::string("Options::parse: ") + e.what());
    }
    if (!size.empty()) {
        int w = 0, h = 0;
        char x = 0, rest = 0;
        if (std::sscanf(size.c_str(), "%d%c%d%c", &w, &x, &h, &rest) != 3 || (x != 'x' && x != 'X') || w <= 0 || h <= 0) {
            throw ValueError("Options::parse: --size takes WxH with positive numbers, e.g. 800x600, not '" + size + "'");
        }
        o.width = w;
        o.height = h;
    }
    return o;
}

Options Options::parse(int argc, const char* const* argv, const std::string& description) {
    try {
        std::string help;
        Options o = try_parse(argc, argv, description, &help);
        if (!help.empty()) {
            std::cout << help;
            std::exit(0);
        }
        return o;
    } catch (const ValueError& e) {
        std::cerr << e.what() << "\n(run with --help for the options)\n";
        std::exit(2);
    }
}

} // namespace glumpp::app
