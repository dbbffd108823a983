#include <glumpp/svg/Transform.hpp>

#include "Scanner.hpp"

#include <glumpp/Error.hpp>

#include <array>
#include <string>

namespace glumpp::svg {

Transform Transform::rotate(double degrees) {
    // Exact quarter turns keep axis-aligned geometry axis-aligned (cos 90 deg is 6e-17
    // in doubles), which makes rotated rectangles compare equal in tests and avoids
    // slivers in tessellation.
    const double turns = std::fmod(degrees, 360.0);
    const double q = turns < 0 ? turns + 360.0 : turns;
    double cs = 0.0, sn = 0.0;
    if (q == 0.0) {
        cs = 1.0;
    } else if (q == 90.0) {
        sn = 1.0;
    } else if (q == 180.0) {
        cs = -1.0;
    } else if (q == 270.0) {
        sn = -1.0;
    } else {
        cs = std::cos(radians(degrees));
        sn = std::sin(radians(degrees));
    }
    return {cs, sn, -sn, cs, 0.0, 0.0};
}

double Transform::max_scale() const {
    // Singular values of [[a c] [b d]]: s^2 = (S +- sqrt(S^2 - 4 det^2)) / 2 with
    // S = a^2 + b^2 + c^2 + d^2 (the squared Frobenius norm).
    const double s = a * a + b * b + c * c + d * d;
    const double det = determinant();
    const double disc = std::max(0.0, s * s - 4.0 * det * det);
    return std::sqrt((s + std::sqrt(disc)) / 2.0);
}

std::optional<Transform> Transform::inverse() const {
    const double det = determinant();
    if (det == 0.0 || !std::isfinite(det)) return std::nullopt;
    const double ia = d / det, ib = -b / det, ic = -c / det, id = a / det;
    return Transform{ia, ib, ic, id, -(ia * e + ic * f), -(ib * e + id * f)};
}

namespace {

[[noreturn]] void fail(const std::string& why, std::string_view text, std::size_t pos) {
    throw ParseError("Transform::parse: " + why + " " + detail::where(text, pos));
}

bool is_alpha(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }

} // namespace

Transform Transform::parse(std::string_view text) {
    Transform out;
    std::size_t pos = 0;
    bool first = true;
    while (true) {
        detail::skip_wsp(text, pos);
        if (!first) {
            // Browsers accept transforms written back to back, so the separator (white
            // space and/or commas) is optional; a trailing comma is not.
            bool comma = false;
            while (pos < text.size() && text[pos] == ',') {
                ++pos;
                detail::skip_wsp(text, pos);
                comma = true;
            }
            if (pos >= text.size() && comma) fail("expected a transform after ','", text, pos);
        }
        if (pos >= text.size()) break;
        first = false;
        const std::size_t name_start = pos;
        while (pos < text.size() && is_alpha(text[pos])) ++pos;
        const std::string_view name = text.substr(name_start, pos - name_start);
        std::size_t min_args = 0, max_args = 0;
        bool three_or_one = false;
        if (name == "matrix") {
            min_args = max_args = 6;
        } else if (name == "translate" || name == "scale") {
            min_args = 1;
            max_args = 2;
        } else if (name == "rotate") {
            min_args = 1;
            max_args = 3;
            three_or_one = true;
        } else if (name == "skewX" || name == "skewY") {
            min_args = max_args = 1;
        } else if (name.empty()) {
            fail("expected a transform name (matrix, translate, scale, rotate, skewX, skewY)", text, name_start);
        } else {
            fail("unknown transform \"" + std::string(name) + "\"", text, name_start);
        }
        detail::skip_wsp(text, pos);
        if (pos >= text.size() || text[pos] != '(') fail("expected '(' after " + std::string(name), text, pos);
        ++pos;
        detail::skip_wsp(text, pos);
        std::array<double, 6> args{};
        std::size_t count = 0;
        while (pos < text.size() && text[pos] != ')') {
            const auto number = detail::scan_number(text, pos);
            if (number.status == detail::NumberScan::Status::OutOfRange) fail("number out of range", text, pos);
            if (number.status != detail::NumberScan::Status::Ok)
                fail(count == 0 ? "expected a number or ')'" : "expected a number", text, pos);
            if (count == max_args)
                fail(std::string(name) + " takes at most " + std::to_string(max_args) + " numbers", text, pos);
            args[count++] = number.value;
            pos = number.end;
            detail::skip_wsp(text, pos);
            if (pos < text.size() && text[pos] == ',') {
                ++pos;
                detail::skip_wsp(text, pos); // a number must follow: the loop checks
                if (pos < text.size() && text[pos] == ')') fail("expected a number", text, pos);
            }
        }
        if (pos >= text.size()) fail("expected ')'", text, pos);
        if (count < min_args || (three_or_one && count == 2)) {
            const std::string expected = three_or_one ? "1 or 3"
                                         : min_args == max_args
                                             ? std::to_string(min_args)
                                             : std::to_string(min_args) + " or " + std::to_string(max_args);
            fail(std::string(name) + " takes " + expected + " numbers, found " + std::to_string(count), text, pos);
        }
        ++pos; // ')'
        Transform t;
        if (name == "matrix") {
            t = matrix(args[0], args[1], args[2], args[3], args[4], args[5]);
        } else if (name == "translate") {
            t = translate(args[0], count == 2 ? args[1] : 0.0);
        } else if (name == "scale") {
            t = scale(args[0], count == 2 ? args[1] : args[0]);
        } else if (name == "rotate") {
            t = count == 3 ? rotate(args[0], args[1], args[2]) : rotate(args[0]);
        } else if (name == "skewX") {
            t = skew_x(args[0]);
        } else {
            t = skew_y(args[0]);
        }
        out = out * t;
    }
    return out;
}

} // namespace glumpp::svg
