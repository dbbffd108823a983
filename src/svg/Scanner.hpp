#pragma once
// The lexical pieces every SVG micro-syntax shares: path data, transform lists, point
// lists, viewBox, lengths, colors. Private to the svg layer.
//
// Numbers follow SVG 1.1's grammar, not strtod's: no "inf", "nan", hex or locale
// decimal comma; a sign, digits with an optional fraction, and an exponent only when
// digits follow the 'e' (so "1e" is the number 1 followed by the letter e). A number
// ends where the grammar stops accepting, which is what makes the compact forms work:
// "1.5.5" is 1.5 then .5, "-1-2" is -1 then -2.

#include <cstddef>
#include <string>
#include <string_view>

namespace glumpp::svg::detail {

/// SVG white space: space, tab, line feed, carriage return, form feed.
constexpr bool is_wsp(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
/// Whether a number may start at `c` (the grammar's first character of a number).
constexpr bool starts_number(char c) noexcept { return is_digit(c) || c == '.' || c == '+' || c == '-'; }

struct NumberScan {
    enum class Status { Ok, NotANumber, OutOfRange };
    Status status = Status::NotANumber;
    double value = 0.0;
    std::size_t end = 0; ///< one past the number's last character when Ok
};

/// Scans one number starting exactly at `pos` (no leading white space skipped).
/// Magnitudes below the smallest double read as a signed zero; above the largest
/// double the status is OutOfRange, so no infinity ever leaves the scanner.
NumberScan scan_number(std::string_view text, std::size_t pos) noexcept;

/// Moves `pos` past white space.
inline void skip_wsp(std::string_view text, std::size_t& pos) noexcept {
    while (pos < text.size() && is_wsp(text[pos])) ++pos;
}

/// Moves `pos` past SVG's comma-wsp (white space, at most one comma, white space) and
/// says whether a comma was among it.
inline bool skip_comma_wsp(std::string_view text, std::size_t& pos) noexcept {
    skip_wsp(text, pos);
    if (pos < text.size() && text[pos] == ',') {
        ++pos;
        skip_wsp(text, pos);
        return true;
    }
    return false;
}

/// `text` in double quotes for a message: control bytes, quotes and backslashes
/// escaped; text longer than `limit` shortened to a window around `pos` with "..." on
/// the cut sides, so a message about a 100 kB path still fits on a line.
std::string quote(std::string_view text, std::size_t pos = 0, std::size_t limit = 80);

/// "at character 11 of \"M 10 10 L x\"" or "at the end of \"M 10 10 L\"", for messages.
/// Characters are counted from 1, as editors do.
std::string where(std::string_view text, std::size_t pos);

/// The shortest text that reads back as `v` ("0.25", "-2", "1e+300", "nan"), for messages.
std::string number_text(double v);

/// ASCII lower-case copy: CSS keywords, color names and units are case-insensitive.
std::string lower(std::string_view text);

/// `text` without leading and trailing SVG white space.
std::string_view trim(std::string_view text) noexcept;

} // namespace glumpp::svg::detail
