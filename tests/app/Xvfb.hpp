#pragma once
// Helpers for tests that open real X11 windows (GLFW, Dear ImGui): a display, and the
// DRI driver kept mapped for LeakSanitizer (test_app, test_embed, test_imgui).

#include <csignal>
#include <cstdlib>
#include <dlfcn.h>
#include <link.h>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>

namespace glumpp::test {

// Mesa's DRI driver holds some of its allocations only from its own globals. When GLFW
// terminates, the driver is unloaded and LeakSanitizer sees those blocks (112 bytes,
// with frames it can no longer name) as leaked. Keeping the driver mapped keeps them
// reachable, so the leak check stays on for everything else, our code included.
inline void keep_dri_drivers_loaded() {
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void*) {
            if (std::string_view(info->dlpi_name).find("/dri/") != std::string_view::npos)
                ::dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
            return 0;
        },
        nullptr);
}

// A display for GLFW tests: the test suite's command starts Xvfb and sets DISPLAY; run
// alone, the first test that needs one starts an Xvfb for the whole process, stopped by
// PID at exit (a second Xvfb started after the first stopped could not report its display).
class Display {
public:
    Display() {
        if (const char* d = std::getenv("DISPLAY"); d && *d) {
            ok_ = true;
            return;
        }
        if (::access("/usr/bin/Xvfb", X_OK) != 0) {
            why_ = "no DISPLAY and no /usr/bin/Xvfb (apt-get install xvfb)";
            return;
        }
        int fds[2];
        if (::pipe(fds) != 0) return;
        xvfb_ = ::fork();
        if (xvfb_ == 0) {
            ::dup2(fds[1], 3);
            ::execl("/usr/bin/Xvfb", "Xvfb", "-displayfd", "3", "-screen", "0", "640x480x24", "-nolisten", "tcp", nullptr);
            ::_exit(127);
        }
        ::close(fds[1]);
        // Xvfb writes the number, then a newline in a second write(): the pipe must stay
        // open until the newline, or Xvfb dies of the failed write.
        std::string number;
        char ch = 0;
        while (::read(fds[0], &ch, 1) == 1 && ch != '\n') number += ch;
        ::close(fds[0]);
        if (number.empty() || ch != '\n') {
            why_ = "Xvfb did not start";
            return;
        }
        const std::string display = ":" + number;
        ::setenv("DISPLAY", display.c_str(), 1);
        ok_ = true;
    }
    ~Display() {
        if (xvfb_ > 0) {
            ::kill(xvfb_, SIGTERM);
            ::waitpid(xvfb_, nullptr, 0);
            ::unsetenv("DISPLAY");
        }
    }
    bool ok() const { return ok_; }
    const std::string& why() const { return why_; }

private:
    pid_t xvfb_ = 0;
    bool ok_ = false;
    std::string why_;
};

inline Display& display() {
    static Display d;
    return d;
}

} // namespace glumpp::test
