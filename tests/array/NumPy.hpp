#pragma once
// Running /usr/bin/python3 with Debian's NumPy from a test: the oracle of the array tests.
// GLUMPP_TEST_PYTHON is set by tests/CMakeLists.txt (a pyenv shim could not see NumPy).

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

namespace glumpp::test {

struct PythonRun {
    int status = -1;
    std::string output; ///< stdout and stderr together
};

/// Runs `script` (written to dir/script.py) with `argument` as its sys.argv[1].
inline PythonRun run_python(const std::filesystem::path& dir, const std::string& script, const std::string& argument) {
    const std::filesystem::path file = dir / "script.py";
    std::ofstream(file, std::ios::binary | std::ios::trunc) << script;
    const std::string command = std::string(GLUMPP_TEST_PYTHON) + " '" + file.string() + "' '" + argument + "' 2>&1";
    PythonRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return run;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.output.append(buffer, n);
    const int raw = ::pclose(pipe);
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return run;
}

/// Why NumPy cannot be used here, or an empty string when it can.
inline std::string numpy_missing() {
    static const std::string why = [] {
        if (!std::filesystem::exists(GLUMPP_TEST_PYTHON)) return std::string(GLUMPP_TEST_PYTHON " does not exist");
        const std::string command = std::string(GLUMPP_TEST_PYTHON) + " -c 'import numpy' > /dev/null 2>&1";
        if (std::system(command.c_str()) != 0)
            return std::string("NumPy is not importable by " GLUMPP_TEST_PYTHON " (apt install python3-numpy)");
        return std::string();
    }();
    return why;
}

} // namespace glumpp::test

#define REQUIRE_NUMPY()                                                                            \
    do {                                                                                           \
        if (const std::string why = ::glumpp::test::numpy_missing(); !why.empty()) GTEST_SKIP() << why; \
    } while (false)
