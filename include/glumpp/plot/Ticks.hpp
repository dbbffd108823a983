#pragma once
// Tick locators and formatters on the CPU: where an axis puts its ticks and what it writes
// under them, as matplotlib's defaults do, and which labels fit without overlapping.
//
//   auto ticks = plot::AutoLocator(plot::tick_space(640, 10, plot::Axis::X)).tick_values(0, 7.3);
//   // {0, 1, 2, 3, 4, 5, 6, 7, 8}: as matplotlib's AutoLocator on a 640-pixel x axis
//   auto labels = plot::ScalarFormatter().format_ticks(ticks);  // "0", "1", ..., "8"
//   auto log = plot::LogLocator().tick_values(3, 2e5);           // 1, 10, ..., 1e6
//   auto shown = plot::fit_labels(pixels, widths, 4.0);          // which labels to draw
//
// Each locator returns what matplotlib's `tick_values(vmin, vmax)` returns: the ticks
// spanning the range, usually with one beyond each end (matplotlib's axis then draws the
// ones inside; visible() keeps those). The algorithms follow matplotlib 3.6's
// (matplotlib/ticker.py and dates.py, read, not copied), with its floating-point steps,
// so that the numbers are the same, not merely alike: the tests compare them with Debian's
// matplotlib on random ranges.
//
// Bad input, where matplotlib would widen or guess (its nonsingular()), is refused here,
// because a plot that asks for ticks over a range of zero width or of NaN has a bug the
// caller should see: ValueError "MaxNLocator::tick_values: the range [3, 3] has no
// width", "... is not finite"; LogLocator over a range that is not all positive:
// ValueError "LogLocator::tick_values: a log axis needs vmin > 0 and vmax > 0 (got -1, 10)".
// vmin > vmax is accepted and swapped, as matplotlib. Every locator returns at most
// `max_ticks` (1000) ticks: a ValueError beyond (matplotlib's raise_if_exceeds warns).
//
// No GL anywhere in this header. No text either: fit_labels takes widths, which a caller
// gets from text::Font::layout(label, size).advance (the axis drawer does).

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace glumpp::plot {

/// The most ticks a locator returns (a range of 1e300 with a step of 1 would be a bug).
inline constexpr std::size_t max_ticks = 1000;

enum class Axis { X, Y };

/// matplotlib's Axis.get_tick_space(): how many ticks fit along an axis of `length_px`
/// pixels with tick labels of `font_px` pixels (at matplotlib's 72 dpi a point is a
/// pixel): floor(length / (3 * font)) for x (labels are wide), floor(length / (2 * font))
/// for y. The AutoLocator clips it to [1, 9]; LogLocator to [2, 9].
int tick_space(double length_px, double font_px, Axis axis);

/// matplotlib's MaxNLocator: at most nbins + 1 ticks at multiples of a "nice" step (a
/// value of `steps` times a power of ten), the smallest step giving >= min_n_ticks ticks
/// inside the range. Large offsets (|mean| / width >= 100) are handled as matplotlib
/// does (ticks computed relative to a power of ten near the mean).
class MaxNLocator {
public:
    struct Options {
        int nbins = 10;
        std::vector<double> steps{1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}; ///< in [1, 10], increasing
        int min_n_ticks = 2;
    };
    MaxNLocator() : MaxNLocator(Options{}) {}
    /// ValueError for nbins < 1, min_n_ticks < 1, or steps not increasing within [1, 10].
    explicit MaxNLocator(Options options);
    std::vector<double> tick_values(double vmin, double vmax) const;
    const Options& options() const { return options_; }

private:
    Options options_;
    std::vector<double> extended_; ///< matplotlib's _staircase(steps)
};

/// matplotlib's AutoLocator, the default of linear axes: MaxNLocator with steps
/// {1, 2, 2.5, 5, 10}, min_n_ticks 2 and nbins = clip(tick_space, 1, 9) (9 when the axis
/// is not known, matplotlib's default then).
class AutoLocator : public MaxNLocator {
public:
    explicit AutoLocator(int tick_space = 9);
};

/// matplotlib's LogLocator (major ticks, subs = {1}): powers of `base`, every
/// `stride`-th decade so that at most about numticks show, numticks = clip(tick_space,
/// 2, 9).
class LogLocator {
public:
    explicit LogLocator(int tick_space = 9, double base = 10);
    std::vector<double> tick_values(double vmin, double vmax) const;

private:
    int numticks_;
    double base_;
};

/// matplotlib's SymmetricalLogLocator (major ticks) for a symlog axis of `linthresh` and
/// `base`: 0 where the linear part shows, +-powers of base outside it, strided to at most
/// about 15 ticks. A range inside (-linthresh, linthresh) gives its two ends (matplotlib's).
/// ValueError for linthresh <= 0 or base <= 1.
class SymmetricalLogLocator {
public:
    explicit SymmetricalLogLocator(double linthresh, double base = 10, int numticks = 15);
    std::vector<double> tick_values(double vmin, double vmax) const;

private:
    double linthresh_, base_;
    int numticks_;
};

/// matplotlib's SymmetricalLogTransform (linscale 1): v * c inside [-linthresh,
/// linthresh], sign(v) linthresh (c + log_base(|v| / linthresh)) outside, with c = 1 / (1 -
/// 1 / base): where a symlog axis puts v. symlog_inverse undoes it. No checks (the
/// locator's constructor checks linthresh and base).
double symlog(double v, double linthresh, double base = 10);
double symlog_inverse(double y, double linthresh, double base = 10);

/// matplotlib's AutoDateLocator (minticks 5, its maxticks and intervals, interval
/// multiples on, UTC) over seconds since 1970-01-01T00:00:00Z: ticks on multiples of 1,
/// 5, 10, 15, 30 seconds or minutes, 1, 2, 3, 4, 6, 12 hours, days 1, 5, 9... / 1, 8, 15,
/// 22 / 1, 15 of a month, 1, 2, 3, 4, 6 months, or years that are multiples of 1, 2, 4,
/// 5, 10... and, below 5 seconds, microsecond multiples. The same locator serves elapsed
/// time in seconds (a stream's clock from 0 is 1970-01-01 plus that time): matplotlib has
/// no other default for time. tick_values returns the ticks inside [vmin, vmax] only
/// (matplotlib's rrule reaches a whole range beyond each end, which no axis draws).
/// unit() is the chosen frequency in seconds (31536000 for years ... 1e-6), which the
/// formatter reads.
class DateLocator {
public:
    std::vector<double> tick_values(double vmin, double vmax) const;
    /// The unit in seconds of the frequency the last tick_values chose (matplotlib's
    /// _get_unit() times 86400: 365 days, 30 days, 1 day, 3600, 60, 1, 1e-6).
    double unit() const { return unit_; }

private:
    mutable double unit_ = 86400.0 * 365;
};

/// matplotlib's ScalarFormatter with useOffset=False and the plain style: every label
/// with the same number of decimals, the fewest that tell the ticks apart (its
/// _set_format), and matplotlib's minus sign U+2212. format_ticks formats a locator's
/// whole output, as matplotlib's axis does (the decimals depend on all of them).
class ScalarFormatter {
public:
    std::vector<std::string> format_ticks(std::span<const double> ticks) const;
};

/// Labels of a log axis: "10^k" written as matplotlib's LogFormatterSciNotation shows it
/// ("10" and k in Unicode superscripts: "10⁻³"), for ticks that are powers of `base`
/// (10); other values get ScalarFormatter's text, and a base other than 10 "base^k".
class LogFormatter {
public:
    explicit LogFormatter(double base = 10) : base_(base) {}
    std::vector<std::string> format_ticks(std::span<const double> ticks) const;

private:
    double base_;
};

/// matplotlib's AutoDateFormatter for the unit a DateLocator chose (UTC): "%Y" for years,
/// "%Y-%m" months, "%Y-%m-%d" days, "%m-%d %H" hours, "%d %H:%M" minutes, "%H:%M:%S"
/// seconds, "%M:%S.%f" (microseconds, six digits) below.
class DateFormatter {
public:
    std::vector<std::string> format_ticks(std::span<const double> ticks, double unit) const;
};

/// The ticks inside [min(vmin, vmax), max(vmin, vmax)], in order.
std::vector<double> visible(std::span<const double> ticks, double vmin, double vmax);

/// Which labels to draw so that none overlaps another: label k is centred at centers[k]
/// (pixels along the axis, increasing) and `widths[k]` wide, and two drawn labels must be
/// at least `gap` pixels apart. Returns the smallest stride s (1, 2, 3...) such that the
/// labels k with (first_index + k) % s == 0 are all apart, and those indices. Pass as
/// first_index the tick's own number (round(ticks[0] / step)), so that the same ticks keep
/// their labels while an axis scrolls (no flicker between odd and even ones). ValueError
/// if the spans' sizes differ, a width is negative or not finite, or centers decrease.
struct LabelFit {
    std::size_t stride = 1;
    std::vector<std::size_t> kept;
};
LabelFit fit_labels(std::span<const double> centers, std::span<const double> widths, double gap,
                   long long first_index = 0);

} // namespace glumpp::plot
