#pragma once
// Running Debian's matplotlib (/usr/bin/python3, python3-matplotlib) from the plot tests:
// the oracle of the colormaps and tick locators. Each test writes its script in a folder
// of its own (tests run in parallel).

#include "../array/NumPy.hpp"

#include <glumpp/Error.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace glumpp::test {

/// Why matplotlib cannot be used here, or an empty string when it can.
inline std::string matplotlib_missing() {
    static const std::string why = [] {
        const std::string command = std::string(GLUMPP_TEST_PYTHON) + " -c 'import matplotlib' > /dev/null 2>&1";
        if (std::system(command.c_str()) != 0)
            return std::string("matplotlib is not importable by " GLUMPP_TEST_PYTHON " (apt install python3-matplotlib)");
        return std::string();
    }();
    return why;
}

/// A folder for the running test's scripts: GLUMPP_TEST_TMP/plot/<suite>.<test>.
inline std::filesystem::path test_dir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const auto dir = std::filesystem::path(GLUMPP_TEST_TMP) / "plot" /
                     (std::string(info->test_suite_name()) + "." + info->name());
    std::filesystem::create_directories(dir);
    return dir;
}

/// Runs the script and returns its stdout's lines (fails the test if it fails).
inline std::vector<std::string> python_lines(const std::string& script, const std::string& argument = "") {
    const auto run = run_python(test_dir(), script, argument);
    EXPECT_EQ(run.status, 0) << run.output;
    std::vector<std::string> lines;
    std::istringstream in(run.output);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

/// Runs the script and returns its stdout as lines of numbers (fails the test if it fails).
inline std::vector<std::vector<double>> python_numbers(const std::string& script, const std::string& argument = "") {
    const auto run = run_python(test_dir(), script, argument);
    EXPECT_EQ(run.status, 0) << run.output;
    std::vector<std::vector<double>> rows;
    std::istringstream in(run.output);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::vector<double> row;
        std::string w;
        while (words >> w) row.push_back(w == "nan" ? std::nan("") : std::stod(w));
        rows.push_back(row);
    }
    return rows;
}

} // namespace glumpp::test

#define REQUIRE_MATPLOTLIB()                                                                            \
    do {                                                                                                \
        if (const std::string why = ::glumpp::test::matplotlib_missing(); !why.empty()) GTEST_SKIP() << why; \
    } while (false)
