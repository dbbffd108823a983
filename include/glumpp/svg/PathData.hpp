#pragma once
// SVG path data (the `d` attribute), parsed into absolute commands.
//
// The whole SVG 1.1 grammar (section 8.3 and its BNF) is read:
//  - M L H V C S Q T A Z, upper case absolute, lower case relative to the current point;
//  - implicit repeats: more arguments after a command repeat it, and extra pairs after
//    a moveto are linetos (relative after 'm');
//  - compact numbers: "1.5.5" is 1.5 then .5, "-1-2" is -1 then -2, exponents "1e-3",
//    arc flags with no separator ("a1 1 0 00 1 1" is flags 0 and 0, then 1 1);
//  - separators are white space and at most one comma between arguments.
// What comes out is simpler than what goes in, so that consumers handle six kinds:
//  - H and V become LineTo; S becomes CubicTo and T QuadTo with the reflected control
//    point (or the current point when the previous command was not of the same family);
//  - every coordinate is absolute;
//  - after Z the current point is the sub-path's start (glumpy resets it to (0, 0)),
//    and a drawing command right after Z gets an explicit MoveTo to that start, which
//    is the new sub-path SVG specifies there;
//  - arcs keep their endpoint parameters (radii made non-negative); flattening converts
//    them (see Flatten.hpp).
//
// Errors: ParseError("PathData::parse: expected a number at character 11 of
// \"M 10 10 L x\""): what was expected, where (counted from 1, or "at the end"), and
// the text (a window around the position when it is long). Numbers beyond the range of
// a double, and relative coordinates whose sum overflows, are errors too, so every
// coordinate that comes out is finite.

#include <glm/vec2.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace glumpp::svg {

struct PathCommand {
    enum class Kind : std::uint8_t { MoveTo, LineTo, QuadTo, CubicTo, ArcTo, Close };
    Kind kind = Kind::MoveTo;
    /// The end point, for every kind. For Close: the sub-path's start, where the current
    /// point returns.
    glm::dvec2 to{0.0, 0.0};
    /// Control points: QuadTo uses c1, CubicTo c1 and c2.
    glm::dvec2 c1{0.0, 0.0}, c2{0.0, 0.0};
    /// ArcTo: the radii (>= 0, before the out-of-range correction), the x-axis rotation
    /// in degrees, and the two flags.
    glm::dvec2 radii{0.0, 0.0};
    double rotation = 0.0;
    bool large_arc = false, sweep = false;

    static PathCommand move_to(glm::dvec2 p) { return {Kind::MoveTo, p}; }
    static PathCommand line_to(glm::dvec2 p) { return {Kind::LineTo, p}; }
    static PathCommand quad_to(glm::dvec2 c, glm::dvec2 p) { return {Kind::QuadTo, p, c}; }
    static PathCommand cubic_to(glm::dvec2 c1, glm::dvec2 c2, glm::dvec2 p) { return {Kind::CubicTo, p, c1, c2}; }
    static PathCommand arc_to(glm::dvec2 radii, double rotation, bool large_arc, bool sweep, glm::dvec2 p) {
        return {Kind::ArcTo, p, {}, {}, radii, rotation, large_arc, sweep};
    }
    static PathCommand close(glm::dvec2 start) { return {Kind::Close, start}; }

    friend bool operator==(const PathCommand&, const PathCommand&) = default;
};

struct PathData {
    std::vector<PathCommand> commands;

    /// Throws ParseError at the first error (see the file comment). Empty or blank text
    /// is an empty path, which SVG allows (it draws nothing). More than `max_commands`
    /// commands (the implicit moveto after a 'z' counts) is an error too
    /// ("PathData::parse: more than 3 commands at character 9 of ..."): the bound on what
    /// one attribute may cost in memory (about 100 bytes a command).
    static PathData parse(std::string_view d, std::size_t max_commands = SIZE_MAX);

    /// The commands before the first error, as SVG 1.1 (appendix F.2) tells renderers
    /// to draw; `error` receives the message ParseError would carry, or is cleared.
    static PathData parse_prefix(std::string_view d, std::string& error, std::size_t max_commands = SIZE_MAX);

    /// Absolute commands (M L Q C A Z) with the shortest numbers that read back exactly:
    /// parse(to_string()) == *this.
    std::string to_string() const;

    friend bool operator==(const PathData&, const PathData&) = default;
};

} // namespace glumpp::svg
