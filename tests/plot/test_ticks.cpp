// Tick locators and formatters against Debian's matplotlib on random ranges (each test
// draws its ranges from a fixed seed, sends them to matplotlib in one script, and compares
// every tick), their bad input, and label fitting with real font widths.
#include <glumpp/plot/Ticks.hpp>
#include <glumpp/text/Font.hpp>

#include "../TestUtil.hpp"
#include "Matplotlib.hpp"

#include <cmath>
#include <random>
#include <fstream>
#include <sstream>

using namespace glumpp;
using namespace glumpp::plot;

namespace {

// "a b n\n" lines for the script; the numbers printed with 17 digits so Python reads the
// same doubles.
struct Cases {
    std::ostringstream text;
    Cases() { text.precision(17); }
};

void expect_same_ticks(const std::vector<double>& ours, const std::vector<double>& theirs, const std::string& what) {
    ASSERT_EQ(ours.size(), theirs.size()) << what;
    const double scale = ours.size() > 1 ? std::abs(ours[1] - ours[0]) : std::max(1.0, std::abs(ours[0]));
    for (std::size_t i = 0; i < ours.size(); ++i)
        EXPECT_NEAR(ours[i], theirs[i], 1e-9 * scale + 1e-12 * std::abs(theirs[i])) << what << " tick " << i;
}

std::string range_text(double a, double b) {
    std::ostringstream s;
    s.precision(17);
    s << "[" << a << ", " << b << "]";
    return s.str();
}

} // namespace

TEST(Ticks, AutoLocatorAgreesWithMatplotlibOnRandomRanges) {
    REQUIRE_MATPLOTLIB();
    std::mt19937_64 rng(2026);
    std::uniform_real_distribution<double> u(0, 1);
    struct Case {
        double a, b;
        int nbins;
    };
    std::vector<Case> cases;
    Cases in;
    for (int i = 0; i < 400; ++i) {
        // Magnitudes from 1e-6 to 1e6, widths from 1e-7 to 1e7 of them (large offsets too).
        const double centre = (u(rng) < 0.5 ? -1 : 1) * std::pow(10.0, -6 + 12 * u(rng)) * (u(rng) < 0.2 ? 0 : 1);
        const double width = std::pow(10.0, -7 + 14 * u(rng));
        const double a = centre - width * u(rng), b = a + width;
        const int nbins = 1 + static_cast<int>(u(rng) * 9);
        cases.push_back({a, b, nbins});
        in.text << a << " " << b << " " << nbins << "\n";
    }
    const std::string script = R"(
import sys, numpy as np
from matplotlib.ticker import MaxNLocator
for line in open(sys.argv[1]):
    a, b, n = line.split()
    ticks = MaxNLocator(nbins=int(n), steps=[1, 2, 2.5, 5, 10], min_n_ticks=2).tick_values(float(a), float(b))
    print(" ".join(repr(float(t)) for t in ticks))
)";
    const auto file = test::test_dir() / "ranges.txt";
    std::ofstream(file) << in.text.str();
    const auto rows = test::python_numbers(script, file.string());
    ASSERT_EQ(rows.size(), cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto& c = cases[i];
        expect_same_ticks(AutoLocator(c.nbins).tick_values(c.a, c.b), rows[i],
                          range_text(c.a, c.b) + " nbins " + std::to_string(c.nbins));
    }
}

TEST(Ticks, MaxNLocatorDefaultsAgreeWithMatplotlib) {
    REQUIRE_MATPLOTLIB();
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<std::pair<double, double>> cases;
    Cases in;
    for (int i = 0; i < 200; ++i) {
        const double a = (u(rng) - 0.5) * std::pow(10.0, -3 + 8 * u(rng));
        const double b = a + std::pow(10.0, -4 + 8 * u(rng));
        cases.push_back({b, a}); // reversed: both swap
        in.text << b << " " << a << "\n";
    }
    const std::string script = R"(
import sys
from matplotlib.ticker import MaxNLocator
for line in open(sys.argv[1]):
    a, b = map(float, line.split())
    print(" ".join(repr(float(t)) for t in MaxNLocator().tick_values(a, b)))
)";
    const auto file = test::test_dir() / "ranges.txt";
    std::ofstream(file) << in.text.str();
    const auto rows = test::python_numbers(script, file.string());
    ASSERT_EQ(rows.size(), cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i)
        expect_same_ticks(MaxNLocator().tick_values(cases[i].first, cases[i].second), rows[i],
                          range_text(cases[i].first, cases[i].second));
}

// The whole default chain of a real matplotlib axis: its figure of 6.4 x 4.8 inches at
// 100 dpi with 10-point labels gives tick_space 30 for x (clipped to 9) and 17 for y; the
// labels are ScalarFormatter's (plain style, no offset), minus sign included.
TEST(Ticks, LocatorAndFormatterMatchAMatplotlibAxis) {
    REQUIRE_MATPLOTLIB();
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<std::pair<double, double>> cases;
    Cases in;
    for (int i = 0; i < 60; ++i) {
        const double a = (u(rng) - 0.7) * std::pow(10.0, -2 + 6 * u(rng));
        const double b = a + std::pow(10.0, -2 + 5 * u(rng));
        cases.push_back({a, b});
        in.text << a << " " << b << "\n";
    }
    const std::string script = R"(
import sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.ticklabel_format(useOffset=False, style="plain")
print(ax.xaxis.get_tick_space(), ax.yaxis.get_tick_space())
for line in open(sys.argv[1]):
    a, b = map(float, line.split())
    ax.set_xlim(a, b)
    ticks = ax.xaxis.get_major_locator()()
    labels = ax.xaxis.get_major_formatter().format_ticks(ticks)
    print("|".join(labels))
)";
    const auto file = test::test_dir() / "ranges.txt";
    std::ofstream(file) << in.text.str();
    const auto lines = test::python_lines(script, file.string());
    ASSERT_EQ(lines.size(), cases.size() + 1);
    // 6.4 in at 100 dpi, axes 77.5% of it: 496 px, in points 357.1; labels of 10 points.
    EXPECT_EQ(lines[0], std::to_string(tick_space(0.775 * 6.4 * 72, 10, Axis::X)) + " " +
                            std::to_string(tick_space(0.77 * 4.8 * 72, 10, Axis::Y)));
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto ticks = AutoLocator(tick_space(0.775 * 6.4 * 72, 10, Axis::X)).tick_values(cases[i].first, cases[i].second);
        const auto labels = ScalarFormatter().format_ticks(ticks);
        std::string joined;
        for (const auto& l : labels) joined += (joined.empty() ? "" : "|") + l;
        EXPECT_EQ(joined, lines[i + 1]) << range_text(cases[i].first, cases[i].second);
    }
}

TEST(Ticks, LogLocatorAgreesWithMatplotlibOnRandomRanges) {
    REQUIRE_MATPLOTLIB();
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> u(0, 1);
    struct Case {
        double a, b;
        int n;
    };
    std::vector<Case> cases;
    Cases in;
    for (int i = 0; i < 300; ++i) {
        const double a = std::pow(10.0, -30 + 60 * u(rng));
        const double b = a * std::pow(10.0, 0.01 + 40 * u(rng) * u(rng));
        const int n = 2 + static_cast<int>(u(rng) * 8);
        cases.push_back({a, b, n});
        in.text << a << " " << b << " " << n << "\n";
    }
    const std::string script = R"(
import sys
from matplotlib.ticker import LogLocator
for line in open(sys.argv[1]):
    a, b, n = line.split()
    print(" ".join(repr(float(t)) for t in LogLocator(numticks=int(n)).tick_values(float(a), float(b))))
)";
    const auto file = test::test_dir() / "ranges.txt";
    std::ofstream(file) << in.text.str();
    const auto rows = test::python_numbers(script, file.string());
    ASSERT_EQ(rows.size(), cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto ours = LogLocator(cases[i].n).tick_values(cases[i].a, cases[i].b);
        ASSERT_EQ(ours.size(), rows[i].size()) << range_text(cases[i].a, cases[i].b);
        for (std::size_t k = 0; k < ours.size(); ++k)
            EXPECT_NEAR(ours[k], rows[i][k], 1e-12 * rows[i][k]) << range_text(cases[i].a, cases[i].b);
    }
    // Decades as matplotlib writes them (LogFormatterSciNotation's 10^k, here in Unicode).
    const double decades[] = {1e-3, 1, 10, 1e12, 0.5};
    EXPECT_EQ(LogFormatter().format_ticks(decades),
              (std::vector<std::string>{"10\u207b\u00b3", "10\u2070", "10\u00b9", "10\u00b9\u00b2", "0.5"}));
}

TEST(Ticks, SymlogLocatorAgreesWithMatplotlibOnRandomRanges) {
    REQUIRE_MATPLOTLIB();
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> u(0, 1);
    struct Case {
        double a, b, t;
    };
    std::vector<Case> cases;
    Cases in;
    for (int i = 0; i < 300; ++i) {
        const double t = std::pow(10.0, -2 + 4 * u(rng));
        auto value = [&] { return (u(rng) < 0.5 ? -1 : 1) * std::pow(10.0, -3 + 12 * u(rng)); };
        double a = value(), b = value();
        if (a == b) b = a + 1;
        cases.push_back({a, b, t});
        in.text << a << " " << b << " " << t << "\n";
    }
    const std::string script = R"(
import sys
from matplotlib.ticker import SymmetricalLogLocator
for line in open(sys.argv[1]):
    a, b, t = map(float, line.split())
    print(" ".join(repr(float(x)) for x in SymmetricalLogLocator(linthresh=t, base=10).tick_values(a, b)))
)";
    const auto file = test::test_dir() / "ranges.txt";
    std::ofstream(file) << in.text.str();
    const auto rows = test::python_numbers(script, file.string());
    ASSERT_EQ(rows.size(), cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto ours = SymmetricalLogLocator(cases[i].t).tick_values(cases[i].a, cases[i].b);
        ASSERT_EQ(ours.size(), rows[i].size()) << range_text(cases[i].a, cases[i].b) << " linthresh " << cases[i].t;
        for (std::size_t k = 0; k < ours.size(); ++k)
            EXPECT_NEAR(ours[k], rows[i][k], 1e-12 * std::abs(rows[i][k])) << range_text(cases[i].a, cases[i].b);
    }
}

// Dates (UTC) from microseconds to a century, as datetimes to matplotlib's AutoDateLocator;
// the ticks inside the range compared, and the labels of AutoDateFormatter.
TEST(Ticks, DateLocatorAgreesWithMatplotlibOnRandomRanges) {
    REQUIRE_MATPLOTLIB();
    std::mt19937_64 rng(1970);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<std::pair<long long, long long>> cases; // microseconds since 1970
    Cases in;
    for (int i = 0; i < 1000; ++i) {
        long long a = static_cast<long long>(u(rng) * 4.1e15);                     // 1970 .. 2100
        const long long w = static_cast<long long>(std::pow(10.0, 0.5 + 15 * u(rng))); // 3 us .. 30 years
        // Microsecond ticks (below 5 s) near 1970 only: matplotlib's date numbers are days
        // in a double, which resolve a microsecond only within about 70 years of 1970 (it
        // warns beyond), and then returns no tick where ours are right.
        if (w < 5000000) a %= 10000000000000LL; // within 116 days: 1.2 ns resolution
        cases.push_back({a, a + w});
        in.text << a << " " << a + w << "\n";
    }
    const std::string script = R"(
import sys, warnings
from datetime import datetime, timedelta, timezone
import matplotlib.dates as mdates
warnings.simplefilter("ignore")
epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
for line in open(sys.argv[1]):
    a, b = (epoch + timedelta(microseconds=int(w)) for w in line.split())
    locator = mdates.AutoDateLocator(tz=timezone.utc)
    formatter = mdates.AutoDateFormatter(locator, tz=timezone.utc)
    inner = locator.get_locator(a, b)
    nums = inner.tick_values(a, b)
    days = [n for n in nums if a <= mdates.num2date(n, tz=timezone.utc) <= b]
    secs = [(mdates.num2date(n, tz=timezone.utc) - epoch).total_seconds() for n in days]
    locator._freq = inner._freq if hasattr(inner, "_freq") else locator._freq
    formatter._locator = inner
    print(" ".join(repr(s) for s in secs) + "|" + "|".join(formatter(n) for n in days))
)";
    const auto file = test::test_dir() / "ranges.txt";
    std::ofstream(file) << in.text.str();
    const auto lines = test::python_lines(script, file.string());
    ASSERT_EQ(lines.size(), cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const double a = static_cast<double>(cases[i].first) / 1e6, b = static_cast<double>(cases[i].second) / 1e6;
        const std::string& line = lines[i];
        const auto bar = line.find('|');
        std::istringstream numbers(line.substr(0, bar));
        std::vector<double> theirs;
        for (double v; numbers >> v;) theirs.push_back(v);
        DateLocator locator;
        const auto ours = locator.tick_values(a, b);
        const std::string what = range_text(a, b);
        ASSERT_EQ(ours.size(), theirs.size()) << what << ": " << line;
        for (std::size_t k = 0; k < ours.size(); ++k) EXPECT_NEAR(ours[k], theirs[k], 1e-6) << what;
        std::string joined;
        for (const auto& l : DateFormatter().format_ticks(ours, locator.unit())) joined += "|" + l;
        EXPECT_EQ(joined, bar == std::string::npos ? "" : line.substr(bar)) << what;
    }
}

TEST(Ticks, BadInputIsRefusedByName) {
    EXPECT_EQ(test::message_of<ValueError>([] { AutoLocator().tick_values(3, 3); }),
              "MaxNLocator::tick_values: the range [3, 3] has no width");
    EXPECT_EQ(test::message_of<ValueError>([] { AutoLocator().tick_values(NAN, 3); }),
              "MaxNLocator::tick_values: the range [nan, 3] is not finite");
    EXPECT_EQ(test::message_of<ValueError>([] { AutoLocator().tick_values(0, INFINITY); }),
              "MaxNLocator::tick_values: the range [0, inf] is not finite");
    EXPECT_EQ(test::message_of<ValueError>([] { LogLocator().tick_values(-1, 10); }),
              "LogLocator::tick_values: a log axis needs vmin > 0 and vmax > 0 (got -1, 10)");
    EXPECT_EQ(test::message_of<ValueError>([] { LogLocator().tick_values(0, 10); }),
              "LogLocator::tick_values: a log axis needs vmin > 0 and vmax > 0 (got 0, 10)");
    EXPECT_EQ(test::message_of<ValueError>([] { LogLocator().tick_values(NAN, 10); }),
              "LogLocator::tick_values: a log axis needs vmin > 0 and vmax > 0 (got nan, 10)");
    EXPECT_EQ(test::message_of<ValueError>([] { LogLocator().tick_values(5, 5); }),
              "LogLocator::tick_values: the range [5, 5] has no width");
    EXPECT_EQ(test::message_of<ValueError>([] { SymmetricalLogLocator(0); }),
              "SymmetricalLogLocator: linthresh (0) must be > 0, base (10) > 1 and numticks (15) >= 2");
    EXPECT_EQ(test::message_of<ValueError>([] { DateLocator().tick_values(0, 1e300); }),
              "DateLocator::tick_values: the range [0, 1.0000000000000001e+300] lies beyond +-1e13 s (300,000 years) of 1970");
    EXPECT_EQ(test::message_of<ValueError>([] { MaxNLocator({.nbins = 0}); }).rfind("MaxNLocator: nbins (0)", 0), 0u);
    // A range far wider than its steps can tell apart is not a million ticks.
    EXPECT_LE(AutoLocator().tick_values(-1e300, 1e300).size(), 11u);
    EXPECT_LE(LogLocator().tick_values(1e-300, 1e300).size(), 20u);
    // Ranges reversed are swapped (matplotlib's), not refused.
    EXPECT_EQ(AutoLocator().tick_values(1, 0), AutoLocator().tick_values(0, 1));
}

TEST(Ticks, FitLabelsKeepsTheFewestDroppedAndNoneOverlap) {
    std::mt19937 rng(4);
    std::uniform_real_distribution<double> u(0, 1);
    for (int trial = 0; trial < 500; ++trial) {
        const std::size_t n = 1 + static_cast<std::size_t>(u(rng) * 15);
        const double spacing = 5 + 60 * u(rng), gap = 4 * u(rng);
        std::vector<double> centers, widths;
        for (std::size_t k = 0; k < n; ++k) {
            centers.push_back(10 + spacing * static_cast<double>(k));
            widths.push_back(10 + 80 * u(rng));
        }
        const long long first = static_cast<long long>(u(rng) * 7) - 3;
        const auto fit = fit_labels(centers, widths, gap, first);
        auto apart = [&](const std::vector<std::size_t>& kept) {
            for (std::size_t i = 1; i < kept.size(); ++i)
                if (centers[kept[i]] - widths[kept[i]] / 2 - (centers[kept[i - 1]] + widths[kept[i - 1]] / 2) < gap) return false;
            return true;
        };
        ASSERT_TRUE(apart(fit.kept));
        for (std::size_t k : fit.kept) ASSERT_EQ(((first + static_cast<long long>(k)) % static_cast<long long>(fit.stride) + static_cast<long long>(fit.stride)) % static_cast<long long>(fit.stride), 0);
        // No smaller stride would do.
        for (std::size_t s = 1; s < fit.stride; ++s) {
            std::vector<std::size_t> kept;
            for (std::size_t k = 0; k < n; ++k)
                if (((first + static_cast<long long>(k)) % static_cast<long long>(s) + static_cast<long long>(s)) % static_cast<long long>(s) == 0) kept.push_back(k);
            ASSERT_FALSE(apart(kept)) << "stride " << s << " would have fit";
        }
    }
    EXPECT_EQ(test::message_of<ValueError>([] {
                  const double c[] = {0, 1}, w[] = {1};
                  fit_labels(c, w, 0);
              }),
              "fit_labels: 2 centers but 1 widths");
}

// Real labels in DejaVu Sans: six-digit labels 40 px apart at 13 px cannot all show.
TEST(Ticks, FitLabelsWithFontWidths) {
    const auto font = text::Font::open("DejaVu Sans");
    const auto ticks = AutoLocator(9).tick_values(100000, 100008);
    const auto labels = ScalarFormatter().format_ticks(ticks);
    std::vector<double> centers, widths;
    for (std::size_t k = 0; k < ticks.size(); ++k) {
        centers.push_back(40.0 * static_cast<double>(k));
        widths.push_back(font.layout(labels[k], 13).advance);
    }
    EXPECT_GT(widths[1], 40.0); // "100001" at 13 px is about 50 px
    const auto fit = fit_labels(centers, widths, 4, std::llround(ticks[0]));
    EXPECT_EQ(fit.stride, 2u);
    for (std::size_t k : fit.kept) EXPECT_EQ(std::llround(ticks[k]) % 2, 0);
}
