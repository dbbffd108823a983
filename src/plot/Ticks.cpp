#include <glumpp/plot/Ticks.hpp>

#include <glumpp/Error.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <limits>

namespace glumpp::plot {

namespace {

std::string num(double v) {
    char b[64];
    std::snprintf(b, sizeof b, "%.17g", v);
    return b;
}

// The range as matplotlib's locators see it: finite, vmin < vmax (swapped if needed), of
// some width. `who` names the function for the message.
void check_range(const char* who, double& vmin, double& vmax) {
    if (!std::isfinite(vmin) || !std::isfinite(vmax))
        throw ValueError(std::string(who) + ": the range [" + num(vmin) + ", " + num(vmax) + "] is not finite");
    if (vmin == vmax)
        throw ValueError(std::string(who) + ": the range [" + num(vmin) + ", " + num(vmax) + "] has no width");
    if (vmax < vmin) std::swap(vmin, vmax);
}

void check_count(const char* who, std::size_t n) {
    if (n > max_ticks)
        throw ValueError(std::string(who) + ": " + std::to_string(n) + " ticks, more than the " +
                         std::to_string(max_ticks) + " a locator returns");
}

// Python's divmod on floats (CPython's float_divmod, which NumPy's // follows too).
struct DivMod {
    double div, mod;
};
DivMod py_divmod(double x, double y) {
    double mod = std::fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1.0;
        }
    } else {
        mod = std::copysign(0.0, y);
    }
    double floordiv;
    if (div != 0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = std::copysign(0.0, x / y);
    }
    return {floordiv, mod};
}
double py_floordiv(double x, double y) { return py_divmod(x, y).div; }

// matplotlib's _Edge_integer: n * step near the edges, with slop for large offsets.
struct EdgeInteger {
    double step, offset;
    bool closeto(double ms, double edge) const {
        double tol = 1e-10;
        if (offset > 0) {
            const double digits = std::log10(offset / step);
            tol = std::min(0.4999, std::max(1e-10, std::pow(10.0, digits - 12)));
        }
        return std::abs(ms - edge) < tol;
    }
    double le(double x) const {
        const auto [d, m] = py_divmod(x, step);
        return closeto(m / step, 1) ? d + 1 : d;
    }
    double ge(double x) const {
        const auto [d, m] = py_divmod(x, step);
        return closeto(m / step, 0) ? d : d + 1;
    }
};

} // namespace

int tick_space(double length_px, double font_px, Axis axis) {
    if (!(length_px >= 0) || !std::isfinite(length_px) || !(font_px > 0) || !std::isfinite(font_px))
        throw ValueError("tick_space: the length (" + num(length_px) + ") must be >= 0 and the font size (" +
                         num(font_px) + ") > 0, both finite");
    const double size = font_px * (axis == Axis::X ? 3 : 2);
    return static_cast<int>(std::min(std::floor(length_px / size), 1e6));
}

MaxNLocator::MaxNLocator(Options options) : options_(std::move(options)) {
    const auto& s = options_.steps;
    bool ok = !s.empty();
    for (std::size_t i = 0; i < s.size(); ++i)
        ok = ok && s[i] >= 1 && s[i] <= 10 && (i == 0 || s[i] > s[i - 1]);
    if (!ok || options_.nbins < 1 || options_.min_n_ticks < 1) {
        std::string list;
        for (double v : s) list += (list.empty() ? "" : ", ") + num(v);
        throw ValueError("MaxNLocator: nbins (" + std::to_string(options_.nbins) + ") and min_n_ticks (" +
                         std::to_string(options_.min_n_ticks) + ") must be >= 1 and steps ({" + list +
                         "}) increasing within [1, 10]");
    }
    // matplotlib's validation ends the steps at 10 and starts them at 1.
    std::vector<double> steps = s;
    if (steps.front() != 1) steps.insert(steps.begin(), 1);
    if (steps.back() != 10) steps.push_back(10);
    for (std::size_t i = 0; i + 1 < steps.size(); ++i) extended_.push_back(0.1 * steps[i]);
    extended_.insert(extended_.end(), steps.begin(), steps.end());
    extended_.push_back(10 * steps[1]);
}

std::vector<double> MaxNLocator::tick_values(double vmin, double vmax) const {
    check_range("MaxNLocator::tick_values", vmin, vmax);
    // matplotlib's nonsingular(): a width below 1e-14 of the values is widened by 1e-13.
    if (vmax - vmin <= std::max(std::abs(vmin), std::abs(vmax)) * 1e-14) {
        vmin -= 1e-13 * std::abs(vmin);
        vmax += 1e-13 * std::abs(vmax);
    }
    const double nbins = options_.nbins;
    // scale_range
    const double dv = std::abs(vmax - vmin);
    const double meanv = (vmax + vmin) / 2;
    double offset = 0;
    if (!(std::abs(meanv) / dv < 100)) offset = std::copysign(std::pow(10.0, py_floordiv(std::log10(std::abs(meanv)), 1)), meanv);
    const double scale = std::pow(10.0, py_floordiv(std::log10(dv / nbins), 1));

    const double lo = vmin - offset, hi = vmax - offset;
    const double raw_step = (hi - lo) / nbins;
    std::vector<double> steps(extended_.size());
    for (std::size_t i = 0; i < steps.size(); ++i) steps[i] = extended_[i] * scale;
    std::size_t istep = 0;
    while (istep + 1 < steps.size() && !(steps[istep] >= raw_step)) ++istep;

    std::vector<double> ticks;
    for (std::size_t k = istep + 1; k-- > 0;) {
        const double step = steps[k];
        const double best_vmin = py_floordiv(lo, step) * step;
        const EdgeInteger edge{step, std::abs(offset)};
        const double low = edge.le(lo - best_vmin);
        const double high = edge.ge(hi - best_vmin);
        const double count = std::ceil(high + 1 - low);
        check_count("MaxNLocator::tick_values", count > 0 ? static_cast<std::size_t>(count) : 0);
        ticks.clear();
        int inside = 0;
        for (double i = 0; i < count; ++i) {
            const double t = (low + i) * step + best_vmin;
            ticks.push_back(t);
            inside += t <= hi && t >= lo;
        }
        if (inside >= options_.min_n_ticks) break;
    }
    for (double& t : ticks) t += offset;
    return ticks;
}

AutoLocator::AutoLocator(int tick_space)
    : MaxNLocator(Options{std::clamp(tick_space, 1, 9), {1, 2, 2.5, 5, 10}, 2}) {}

LogLocator::LogLocator(int tick_space, double base) : numticks_(std::clamp(tick_space, 2, 9)), base_(base) {
    if (!(base > 1) || !std::isfinite(base)) throw ValueError("LogLocator: the base (" + num(base) + ") must be > 1");
}

std::vector<double> LogLocator::tick_values(double vmin, double vmax) const {
    if (!(vmin > 0) || !(vmax > 0))
        throw ValueError("LogLocator::tick_values: a log axis needs vmin > 0 and vmax > 0 (got " + num(vmin) + ", " +
                         num(vmax) + ")");
    check_range("LogLocator::tick_values", vmin, vmax);
    const double log_vmin = std::log(vmin) / std::log(base_);
    const double log_vmax = std::log(vmax) / std::log(base_);
    const long long numdec = static_cast<long long>(std::floor(log_vmax)) - static_cast<long long>(std::ceil(log_vmin));
    long long stride = (numdec + 1) / numticks_ + 1; // numdec >= -1: a floor division
    if (stride >= numdec) stride = std::max<long long>(1, numdec - 1);
    const long long first = static_cast<long long>(std::floor(log_vmin)) - stride;
    const long long stop = static_cast<long long>(std::ceil(log_vmax)) + 2 * stride;
    std::vector<double> ticks;
    for (long long d = first; d < stop; d += stride) {
        check_count("LogLocator::tick_values", ticks.size() + 1);
        ticks.push_back(std::pow(base_, static_cast<double>(d)));
    }
    return ticks;
}

SymmetricalLogLocator::SymmetricalLogLocator(double linthresh, double base, int numticks)
    : linthresh_(linthresh), base_(base), numticks_(numticks) {
    if (!(linthresh > 0) || !std::isfinite(linthresh) || !(base > 1) || !std::isfinite(base) || numticks < 2)
        throw ValueError("SymmetricalLogLocator: linthresh (" + num(linthresh) + ") must be > 0, base (" + num(base) +
                         ") > 1 and numticks (" + std::to_string(numticks) + ") >= 2");
}

std::vector<double> SymmetricalLogLocator::tick_values(double vmin, double vmax) const {
    check_range("SymmetricalLogLocator::tick_values", vmin, vmax);
    const double t = linthresh_;
    if (-t < vmin && vmin < vmax && vmax < t) return {vmin, vmax};
    const bool has_a = vmin < -t, has_c = vmax > t;
    const bool has_b = (has_a && vmax > -t) || (has_c && vmin < t);
    auto log_range = [this](double lo, double hi) {
        return std::array<double, 2>{std::floor(std::log(lo) / std::log(base_)), std::ceil(std::log(hi) / std::log(base_))};
    };
    std::array<double, 2> a{0, 0}, c{0, 0};
    if (has_a) a = log_range(std::abs(std::min(-t, vmax)), std::abs(vmin) + 1);
    if (has_c) c = log_range(std::max(t, vmin), vmax + 1);
    double total = (a[1] - a[0]) + (c[1] - c[0]);
    if (has_b) total += 1;
    const double stride = std::max(py_floordiv(total, numticks_ - 1), 1.0);
    check_count("SymmetricalLogLocator::tick_values", static_cast<std::size_t>(std::min(total, 1e9)) / static_cast<std::size_t>(stride));
    std::vector<double> ticks;
    if (has_a) {
        std::vector<double> e;
        const double n = std::ceil((a[1] - a[0]) / stride);
        for (double i = 0; i < n; ++i) e.push_back(a[0] + i * stride);
        for (auto it = e.rbegin(); it != e.rend(); ++it) ticks.push_back(-1 * std::pow(base_, *it));
    }
    if (has_b) ticks.push_back(0.0);
    if (has_c) {
        const double n = std::ceil((c[1] - c[0]) / stride);
        for (double i = 0; i < n; ++i) ticks.push_back(std::pow(base_, c[0] + i * stride));
    }
    return ticks;
}

// ---- dates ----------------------------------------------------------------------------

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date, and back (the civil calendar's
// 400-year cycle of 146097 days, counted from March so that leap days come last).
long long days_from_civil(long long y, int m, int d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
struct Civil {
    long long y;
    int m, d;
};
Civil civil_from_days(long long z) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (m <= 2), m, d};
}
int days_in_month(long long y, int m) {
    static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : n[m - 1];
}

enum Freq { Yearly, Monthly, Daily, Hourly, Minutely, Secondly, Microsecondly };

// dateutil's relativedelta(dmin + months) <= dmax: the whole months between two times.
long long whole_months(double dmin, double dmax) {
    const double day0 = std::floor(dmin / 86400), day1 = std::floor(dmax / 86400);
    const double tod0 = dmin - day0 * 86400;
    const Civil a = civil_from_days(static_cast<long long>(day0)), b = civil_from_days(static_cast<long long>(day1));
    long long months = (b.y - a.y) * 12 + (b.m - a.m);
    for (;;) {
        const long long mm = (a.m - 1) + months;
        const long long y = a.y + (mm >= 0 ? mm / 12 : -((11 - mm) / 12));
        const int m = static_cast<int>(mm - (y - a.y) * 12) + 1;
        const int d = std::min(a.d, days_in_month(y, m));
        const double t = static_cast<double>(days_from_civil(y, m, d)) * 86400 + tod0;
        if (!(dmax < t)) break;
        --months;
    }
    return months;
}

} // namespace

std::vector<double> DateLocator::tick_values(double vmin, double vmax) const {
    check_range("DateLocator::tick_values", vmin, vmax);
    // 1e13 s is 300,000 years: past that the calendar is not a plot's.
    if (std::abs(vmin) > 1e13 || std::abs(vmax) > 1e13)
        throw ValueError("DateLocator::tick_values: the range [" + num(vmin) + ", " + num(vmax) +
                         "] lies beyond +-1e13 s (300,000 years) of 1970");
    const double total = vmax - vmin;
    const double days = std::floor(total / 86400);
    const double rest = std::floor(total - days * 86400); // timedelta.seconds
    const double months = static_cast<double>(whole_months(vmin, vmax));
    const double years = std::floor(months / 12);
    const double hours = days * 24 + std::floor(rest / 3600);
    const double minutes = hours * 60 + std::fmod(std::floor(rest / 60), 60);
    // Seconds and microseconds counted in whole microseconds, as Python's timedelta does
    // (a double's difference of two times near 2e9 s is off by 1e-7 s and could floor to
    // one microsecond less).
    const double total_us = std::round(vmax * 1e6) - std::round(vmin * 1e6);
    const double nums[] = {years, months, days, hours, minutes, std::floor(total_us / 1e6), total_us};
    static const std::vector<double> intervals[] = {
        {1, 2, 4, 5, 10, 20, 40, 50, 100, 200, 400, 500, 1000, 2000, 4000, 5000, 10000},
        {1, 2, 3, 4, 6},
        {1, 2, 4, 7, 14}, // interval multiples: 4 for 3, no 21 (matplotlib's swap)
        {1, 2, 3, 4, 6, 12},
        {1, 5, 10, 15, 30},
        {1, 5, 10, 15, 30},
        {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000, 1000000}};
    static const double maxticks[] = {11, 12, 11, 12, 11, 11, 8};
    static const double units[] = {86400.0 * 365, 86400.0 * 30, 86400.0, 3600.0, 60.0, 1.0, 1e-6};
    int freq = Microsecondly;
    double interval = 1;
    for (int i = 0; i < 7; ++i) {
        if (nums[i] < 5) continue; // minticks
        interval = intervals[i].back();
        for (double v : intervals[i])
            if (nums[i] <= v * (maxticks[i] - 1)) {
                interval = v;
                break;
            }
        freq = i;
        break;
    }
    unit_ = units[freq];

    std::vector<double> ticks;
    auto add = [&](double t) {
        if (t >= vmin && t <= vmax) {
            check_count("DateLocator::tick_values", ticks.size() + 1);
            ticks.push_back(t);
        }
    };
    const double day0 = std::floor(vmin / 86400), day1 = std::floor(vmax / 86400);
    if (freq >= Hourly) {
        // Multiples of the interval in the unit: the intervals divide the unit above
        // (60 s, 60 min, 24 h, 1 s in microseconds), so rrule's by-ranges are these.
        const double step = interval * units[freq];
        if (freq == Microsecondly) {
            // matplotlib's MicrosecondLocator: multiples of `interval` microseconds from
            // the day's start, placed back in seconds. The ends are taken to whole
            // microseconds first (what a datetime holds): a double of 2e9 s resolves
            // 2.4e-7 s, so comparing seconds would drop a tick at an end.
            const double lo = std::round((vmin - day0 * 86400) * 1e6), hi = std::round((vmax - day0 * 86400) * 1e6);
            for (double k = std::ceil(lo / interval); k * interval <= hi; ++k) {
                check_count("DateLocator::tick_values", ticks.size() + 1);
                ticks.push_back(day0 * 86400 + k * interval / 1e6);
            }
        } else {
            for (double k = std::ceil(vmin / step);; ++k) {
                const double t = k * step;
                if (t > vmax) break;
                add(t);
            }
        }
        return ticks;
    }
    if (freq == Yearly) {
        const Civil a = civil_from_days(static_cast<long long>(day0)), b = civil_from_days(static_cast<long long>(day1));
        const long long k = static_cast<long long>(interval);
        long long y = a.y - ((a.y % k) + k) % k;
        for (; y <= b.y; y += k) add(static_cast<double>(days_from_civil(y, 1, 1)) * 86400);
        return ticks;
    }
    // Monthly and daily: midnights of chosen days, walked month by month.
    std::vector<int> monthdays{1};
    if (freq == Daily) {
        if (interval == 14) monthdays = {1, 15};
        else if (interval == 7) monthdays = {1, 8, 15, 22};
        else {
            monthdays.clear();
            for (int d = 1; d <= 31; d += static_cast<int>(interval)) monthdays.push_back(d);
        }
    }
    Civil c = civil_from_days(static_cast<long long>(day0));
    const Civil end = civil_from_days(static_cast<long long>(day1));
    for (long long y = c.y, m = c.m; y < end.y || (y == end.y && m <= end.m);) {
        const bool month_ok = freq == Daily || (m - 1) % static_cast<long long>(interval) == 0;
        if (month_ok)
            for (int d : monthdays)
                if (d <= days_in_month(y, static_cast<int>(m)))
                    add(static_cast<double>(days_from_civil(y, static_cast<int>(m), d)) * 86400);
        if (++m > 12) {
            m = 1;
            ++y;
        }
    }
    return ticks;
}

// ---- formatters ---------------------------------------------------------------------

namespace {

std::string with_minus_sign(std::string s) {
    if (!s.empty() && s[0] == '-') s.replace(0, 1, "\u2212");
    return s;
}

} // namespace

std::vector<std::string> ScalarFormatter::format_ticks(std::span<const double> ticks) const {
    std::vector<std::string> out;
    if (ticks.empty()) return out;
    for (double t : ticks)
        if (!std::isfinite(t)) throw ValueError("ScalarFormatter::format_ticks: a tick (" + num(t) + ") is not finite");
    const auto [lo, hi] = std::minmax_element(ticks.begin(), ticks.end());
    double range = *hi - *lo;
    if (range == 0) {
        for (double t : ticks) range = std::max(range, std::abs(t));
    }
    if (range == 0) range = 1;
    const int oom = static_cast<int>(std::floor(std::log10(range)));
    int sigfigs = std::max(0, 3 - oom);
    const double thresh = 1e-3 * std::pow(10.0, oom);
    while (sigfigs >= 0) {
        // NumPy's round(x, decimals): rint(x * 10^d) / 10^d.
        const double f = std::pow(10.0, sigfigs);
        double worst = 0;
        for (double t : ticks) worst = std::max(worst, std::abs(t - std::rint(t * f) / f));
        if (worst < thresh) --sigfigs;
        else break;
    }
    ++sigfigs;
    for (double t : ticks) {
        const double x = std::abs(t) < 1e-8 ? 0.0 : t;
        char b[512];
        std::snprintf(b, sizeof b, "%1.*f", sigfigs, x);
        out.push_back(with_minus_sign(b));
    }
    return out;
}

std::vector<std::string> LogFormatter::format_ticks(std::span<const double> ticks) const {
    static const char* superscript[] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                        "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
    std::vector<std::string> out;
    for (double t : ticks) {
        const double e = t > 0 ? std::log(t) / std::log(base_) : NAN;
        const double k = std::round(e);
        if (!(t > 0) || std::abs(e - k) > 1e-9 * std::max(1.0, std::abs(k))) {
            const double one[] = {t};
            out.push_back(ScalarFormatter().format_ticks(one)[0]);
            continue;
        }
        std::string s = base_ == 10 ? "10" : ScalarFormatter().format_ticks(std::span<const double>(&base_, 1))[0] + "^";
        const std::string digits = std::to_string(static_cast<long long>(std::abs(k)));
        if (base_ == 10) {
            if (k < 0) s += "\u207b";
            for (char d : digits) s += superscript[d - '0'];
        } else {
            s += (k < 0 ? "\u2212" : "") + digits;
        }
        out.push_back(s);
    }
    return out;
}

std::vector<std::string> DateFormatter::format_ticks(std::span<const double> ticks, double unit) const {
    std::vector<std::string> out;
    for (double t : ticks) {
        if (!std::isfinite(t) || std::abs(t) > 1e13)
            throw ValueError("DateFormatter::format_ticks: a tick (" + num(t) + ") is not a time within +-1e13 s of 1970");
        const double day = std::floor(t / 86400);
        // Whole microseconds, as datetime holds them.
        long long us = static_cast<long long>(std::llround((t - day * 86400) * 1e6));
        long long d = static_cast<long long>(day);
        if (us >= 86400000000LL) {
            us -= 86400000000LL;
            ++d;
        }
        const Civil c = civil_from_days(d);
        const long long s = us / 1000000;
        const int H = static_cast<int>(s / 3600), M = static_cast<int>(s / 60 % 60), S = static_cast<int>(s % 60);
        char b[96];
        if (unit >= 86400.0 * 365) std::snprintf(b, sizeof b, "%04lld", c.y);
        else if (unit >= 86400.0 * 30) std::snprintf(b, sizeof b, "%04lld-%02d", c.y, c.m);
        else if (unit >= 86400.0) std::snprintf(b, sizeof b, "%04lld-%02d-%02d", c.y, c.m, c.d);
        else if (unit >= 3600.0) std::snprintf(b, sizeof b, "%02d-%02d %02d", c.m, c.d, H);
        else if (unit >= 60.0) std::snprintf(b, sizeof b, "%02d %02d:%02d", c.d, H, M);
        else if (unit >= 1.0) std::snprintf(b, sizeof b, "%02d:%02d:%02d", H, M, S);
        else std::snprintf(b, sizeof b, "%02d:%02d.%06lld", M, S, us % 1000000);
        out.emplace_back(b);
    }
    return out;
}

std::vector<double> visible(std::span<const double> ticks, double vmin, double vmax) {
    if (vmax < vmin) std::swap(vmin, vmax);
    std::vector<double> out;
    for (double t : ticks)
        if (t >= vmin && t <= vmax) out.push_back(t);
    return out;
}

LabelFit fit_labels(std::span<const double> centers, std::span<const double> widths, double gap, long long first_index) {
    if (centers.size() != widths.size())
        throw ValueError("fit_labels: " + std::to_string(centers.size()) + " centers but " + std::to_string(widths.size()) +
                         " widths");
    for (std::size_t k = 0; k < centers.size(); ++k) {
        if (!std::isfinite(centers[k]) || !std::isfinite(widths[k]) || widths[k] < 0 || (k > 0 && centers[k] < centers[k - 1]))
            throw ValueError("fit_labels: label " + std::to_string(k) + " (center " + num(centers[k]) + ", width " +
                             num(widths[k]) + ") is not finite, has a negative width or comes before the one before it");
    }
    if (!std::isfinite(gap)) throw ValueError("fit_labels: the gap (" + num(gap) + ") is not finite");
    const long long n = static_cast<long long>(centers.size());
    for (long long stride = 1;; ++stride) {
        LabelFit fit{static_cast<std::size_t>(stride), {}};
        bool apart = true;
        for (long long k = 0; k < n; ++k) {
            if (((first_index + k) % stride + stride) % stride != 0) continue;
            if (!fit.kept.empty()) {
                const std::size_t j = fit.kept.back();
                if (centers[k] - widths[k] / 2 - (centers[j] + widths[j] / 2) < gap) apart = false;
            }
            fit.kept.push_back(static_cast<std::size_t>(k));
        }
        // A stride of n or more keeps at most one label, which is always apart.
        if (apart || stride >= n) return fit;
    }
}

double symlog(double v, double linthresh, double base) {
    const double c = 1 / (1 - 1 / base);
    if (std::abs(v) <= linthresh) return v * c;
    return std::copysign(linthresh * (c + std::log(std::abs(v) / linthresh) / std::log(base)), v);
}

double symlog_inverse(double y, double linthresh, double base) {
    const double c = 1 / (1 - 1 / base);
    if (std::abs(y) <= linthresh * c) return y / c;
    return std::copysign(linthresh * std::pow(base, std::abs(y) / linthresh - c), y);
}

} // namespace glumpp::plot
