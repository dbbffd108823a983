#include "Scanner.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <system_error>

namespace glumpp::svg::detail {

NumberScan scan_number(std::string_view text, std::size_t pos) noexcept {
    NumberScan out;
    std::size_t i = pos;
    const std::size_t n = text.size();
    bool negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        ++i;
    }
    // The decimal exponent of the first non-zero mantissa digit, to tell an underflow
    // from an overflow when from_chars reports that the value is out of range.
    long long first_digit_exponent = 0;
    bool seen_nonzero = false;
    std::size_t integer_digits = 0;
    // The significant digits as an integer while there are at most 15 of them (below
    // 2^53, so exact), for the fast path at the end.
    std::uint64_t mantissa = 0;
    int significant = 0, fraction_digits = 0;
    const auto digit = [&](char c) {
        if (significant <= 15) mantissa = mantissa * 10 + static_cast<unsigned>(c - '0');
        if (seen_nonzero) ++significant;
    };
    const std::size_t integer_start = i;
    while (i < n && is_digit(text[i])) {
        if (!seen_nonzero && text[i] != '0') seen_nonzero = true;
        if (seen_nonzero) ++integer_digits;
        digit(text[i]);
        ++i;
    }
    const bool had_integer = i > integer_start;
    if (seen_nonzero) first_digit_exponent = static_cast<long long>(integer_digits) - 1;
    bool had_fraction = false;
    if (i < n && text[i] == '.' && i + 1 < n && is_digit(text[i + 1])) {
        ++i;
        long long place = -1;
        while (i < n && is_digit(text[i])) {
            if (!seen_nonzero && text[i] != '0') {
                seen_nonzero = true;
                first_digit_exponent = place;
            }
            digit(text[i]);
            ++fraction_digits;
            --place;
            ++i;
            had_fraction = true;
        }
    } else if (had_integer && i < n && text[i] == '.') {
        // "5." is a number in SVG 1.1's grammar (digit-sequence "." without fraction).
        ++i;
    }
    if (!had_integer && !had_fraction) return out; // NotANumber
    long long written_exponent = 0;
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        std::size_t j = i + 1;
        bool exponent_negative = false;
        if (j < n && (text[j] == '+' || text[j] == '-')) {
            exponent_negative = text[j] == '-';
            ++j;
        }
        if (j < n && is_digit(text[j])) {
            // Saturating: an exponent of a million already decides the range question.
            long long exponent = 0;
            while (j < n && is_digit(text[j])) {
                exponent = std::min<long long>(exponent * 10 + (text[j] - '0'), 1'000'000);
                ++j;
            }
            first_digit_exponent += exponent_negative ? -exponent : exponent;
            written_exponent = exponent_negative ? -exponent : exponent;
            i = j;
        }
    }
    // Clinger's fast path: a mantissa below 2^53 and a power of ten up to 1e22 are both
    // exact doubles, so one multiplication or division rounds correctly, to the double
    // from_chars returns (its cost was a quarter of parsing path data).
    if (significant <= 15) {
        static constexpr double powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
        const long long e = written_exponent - fraction_digits;
        if (e >= -22 && e <= 22) {
            const double m = static_cast<double>(mantissa);
            const double v = e < 0 ? m / powers[-e] : m * powers[e];
            out.status = NumberScan::Status::Ok;
            out.value = negative ? -v : v;
            out.end = i;
            return out;
        }
    }
    // from_chars rejects a leading '+', which the SVG grammar allows.
    std::size_t parse_from = pos;
    if (text[parse_from] == '+') ++parse_from;
    double value = 0.0;
    const auto result = std::from_chars(text.data() + parse_from, text.data() + i, value, std::chars_format::general);
    out.end = i;
    if (result.ec == std::errc::result_out_of_range) {
        if (!seen_nonzero || first_digit_exponent < 0) {
            out.status = NumberScan::Status::Ok;
            out.value = negative ? -0.0 : 0.0;
        } else {
            out.status = NumberScan::Status::OutOfRange;
        }
        return out;
    }
    if (result.ec != std::errc() || result.ptr != text.data() + i) {
        // Cannot happen for text the grammar above accepted; refuse rather than guess.
        out.status = NumberScan::Status::NotANumber;
        return out;
    }
    out.status = NumberScan::Status::Ok;
    out.value = value;
    return out;
}

namespace {

void append_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u == 0x7f) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02X", u);
            out += buffer;
        } else {
            out += c;
        }
    }
}

} // namespace

std::string quote(std::string_view text, std::size_t pos, std::size_t limit) {
    std::string out = "\"";
    if (text.size() <= limit) {
        append_escaped(out, text);
    } else {
        pos = std::min(pos, text.size());
        const std::size_t half = limit / 2;
        const std::size_t begin = pos > half ? pos - half : 0;
        const std::size_t end = std::min(text.size(), begin + limit);
        if (begin > 0) out += "...";
        append_escaped(out, text.substr(begin, end - begin));
        if (end < text.size()) out += "...";
    }
    out += '"';
    return out;
}

std::string where(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return "at the end of " + quote(text, pos);
    return "at character " + std::to_string(pos + 1) + " of " + quote(text, pos);
}

std::string number_text(double v) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, result.ptr);
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view trim(std::string_view text) noexcept {
    std::size_t b = 0, e = text.size();
    while (b < e && is_wsp(text[b])) ++b;
    while (e > b && is_wsp(text[e - 1])) --e;
    return text.substr(b, e - b);
}

} // namespace glumpp::svg::detail
