// Path data: every command absolute and relative, implicit repeats, compact numbers,
// arc flags, Z then a drawing command, S/T reflections, round trips and exact errors.
#include <glumpp/Error.hpp>
#include <glumpp/svg/PathData.hpp>

#include "../TestUtil.hpp"

#include <gtest/gtest.h>

#include <string>

using glumpp::ParseError;
using glumpp::svg::PathCommand;
using glumpp::svg::PathData;
using glumpp::test::message_of;
using C = PathCommand;
using V = glm::dvec2;

namespace {

std::vector<PathCommand> parse(const char* d) { return PathData::parse(d).commands; }
std::string error(const std::string& d) { return message_of<ParseError>([&] { PathData::parse(d); }); }

} // namespace

TEST(PathData, EmptyIsAnEmptyPath) {
    EXPECT_TRUE(parse("").empty());
    EXPECT_TRUE(parse(" \t\r\n").empty());
}

TEST(PathData, MoveAndLineAbsoluteAndRelative) {
    EXPECT_EQ(parse("M 10 20 L 30 40"), (std::vector{C::move_to({10, 20}), C::line_to({30, 40})}));
    EXPECT_EQ(parse("M 10 20 l 30 40"), (std::vector{C::move_to({10, 20}), C::line_to({40, 60})}));
    // A leading relative moveto is relative to (0, 0).
    EXPECT_EQ(parse("m 10 20 m 1 1"), (std::vector{C::move_to({10, 20}), C::move_to({11, 21})}));
}

TEST(PathData, ImplicitRepeatsAfterMovetoAreLinetos) {
    EXPECT_EQ(parse("M 0 0 10 10 20 0"), (std::vector{C::move_to({0, 0}), C::line_to({10, 10}), C::line_to({20, 0})}));
    EXPECT_EQ(parse("m 1 1 2 2 3 3"), (std::vector{C::move_to({1, 1}), C::line_to({3, 3}), C::line_to({6, 6})}));
    EXPECT_EQ(parse("M0 0 L 1 1, 2 2 3 3"),
              (std::vector{C::move_to({0, 0}), C::line_to({1, 1}), C::line_to({2, 2}), C::line_to({3, 3})}));
    EXPECT_EQ(parse("M0 0 h 5 5 v 1 2"),
              (std::vector{C::move_to({0, 0}), C::line_to({5, 0}), C::line_to({10, 0}), C::line_to({10, 1}),
                           C::line_to({10, 3})}));
}

TEST(PathData, HorizontalAndVertical) {
    EXPECT_EQ(parse("M 1 2 H 5 V 7"), (std::vector{C::move_to({1, 2}), C::line_to({5, 2}), C::line_to({5, 7})}));
    EXPECT_EQ(parse("M 1 2 h 5 v 7"), (std::vector{C::move_to({1, 2}), C::line_to({6, 2}), C::line_to({6, 9})}));
}

TEST(PathData, Cubics) {
    EXPECT_EQ(parse("M 0 0 C 1 2 3 4 5 6"), (std::vector{C::move_to({0, 0}), C::cubic_to({1, 2}, {3, 4}, {5, 6})}));
    EXPECT_EQ(parse("M 10 10 c 1 2 3 4 5 6"), (std::vector{C::move_to({10, 10}), C::cubic_to({11, 12}, {13, 14}, {15, 16})}));
    // Relative repeats are relative to the end of the previous repetition.
    EXPECT_EQ(parse("M 0 0 c 1 0 1 0 2 0 1 0 1 0 2 0"),
              (std::vector{C::move_to({0, 0}), C::cubic_to({1, 0}, {1, 0}, {2, 0}), C::cubic_to({3, 0}, {3, 0}, {4, 0})}));
}

TEST(PathData, SmoothCubicReflectsThePreviousSecondControlPoint) {
    EXPECT_EQ(parse("M0 0 C 1 1 2 1 3 0 S 5 -1 6 0"),
              (std::vector{C::move_to({0, 0}), C::cubic_to({1, 1}, {2, 1}, {3, 0}), C::cubic_to({4, -1}, {5, -1}, {6, 0})}));
    EXPECT_EQ(parse("M0 0 C 1 1 2 1 3 0 s 2 -1 3 0"),
              (std::vector{C::move_to({0, 0}), C::cubic_to({1, 1}, {2, 1}, {3, 0}), C::cubic_to({4, -1}, {5, -1}, {6, 0})}));
    // S after S reflects S's control point.
    EXPECT_EQ(parse("M0 0 S 1 1 2 0 S 3 1 4 0")[2], C::cubic_to({3, -1}, {3, 1}, {4, 0}));
    // Without a previous C or S, the first control point is the current point.
    EXPECT_EQ(parse("M0 0 L 1 0 S 2 1 3 0")[2], C::cubic_to({1, 0}, {2, 1}, {3, 0}));
    EXPECT_EQ(parse("M0 0 Q 1 1 2 0 S 3 1 4 0")[2], C::cubic_to({2, 0}, {3, 1}, {4, 0}));
}

TEST(PathData, Quadratics) {
    EXPECT_EQ(parse("M0 0 Q 1 1 2 0"), (std::vector{C::move_to({0, 0}), C::quad_to({1, 1}, {2, 0})}));
    EXPECT_EQ(parse("M1 1 q 1 1 2 0"), (std::vector{C::move_to({1, 1}), C::quad_to({2, 2}, {3, 1})}));
}

TEST(PathData, SmoothQuadraticReflectsAndChains) {
    // glumpy reads T with the wrong arguments; here T takes one point.
    EXPECT_EQ(parse("M0 0 Q 1 1 2 0 T 4 0 T 6 0"),
              (std::vector{C::move_to({0, 0}), C::quad_to({1, 1}, {2, 0}), C::quad_to({3, -1}, {4, 0}),
                           C::quad_to({5, 1}, {6, 0})}));
    EXPECT_EQ(parse("M0 0 Q 1 1 2 0 t 2 0")[2], C::quad_to({3, -1}, {4, 0}));
    // Without a previous Q or T, the control point is the current point.
    EXPECT_EQ(parse("M0 0 T 2 0")[1], C::quad_to({0, 0}, {2, 0}));
    EXPECT_EQ(parse("M0 0 C 1 1 2 1 3 0 T 5 0")[2], C::quad_to({3, 0}, {5, 0}));
}

TEST(PathData, ArcsKeepTheirParametersWithRadiiMadePositive) {
    EXPECT_EQ(parse("M0 0 A 5 6 30 1 0 10 0")[1], C::arc_to({5, 6}, 30, true, false, {10, 0}));
    EXPECT_EQ(parse("M1 1 a -5 6 30 0 1 10 0")[1], C::arc_to({5, 6}, 30, false, true, {11, 1}));
}

TEST(PathData, ArcFlagsNeedNoSeparators) {
    EXPECT_EQ(parse("M0 0 a1 1 0 00 1 1")[1], C::arc_to({1, 1}, 0, false, false, {1, 1}));
    EXPECT_EQ(parse("M0 0 a1 1 0 1110 10")[1], C::arc_to({1, 1}, 0, true, true, {10, 10}));
    EXPECT_EQ(parse("M0 0 A1,1,0,0,1,5,5")[1], C::arc_to({1, 1}, 0, false, true, {5, 5}));
    EXPECT_EQ(parse("M0 0 A1 1 0 1 0 5 5 1 1 0 0 1 6 6").size(), 3u);
}

TEST(PathData, CompactNumbers) {
    EXPECT_EQ(parse("M1.5.5L-1-2")[0], C::move_to({1.5, 0.5}));
    EXPECT_EQ(parse("M1.5.5L-1-2")[1], C::line_to({-1, -2}));
    EXPECT_EQ(parse("M.5-.5")[0], C::move_to({0.5, -0.5}));
    EXPECT_EQ(parse("M+1+2")[0], C::move_to({1, 2}));
    EXPECT_EQ(parse("M1e1-1E-1")[0], C::move_to({10, -0.1}));
    EXPECT_EQ(parse("M1e+1,5.")[0], C::move_to({10, 5}));
    EXPECT_EQ(parse("M5.e1 0")[0], C::move_to({50, 0}));
    EXPECT_EQ(parse("M0.0.0.0.5")[0], C::move_to({0, 0}));
    EXPECT_EQ(parse("M0.0.0.0.5")[1], C::line_to({0, 0.5}));
    // Too small for a double: zero, not an error.
    EXPECT_EQ(parse("M1e-400 0")[0], C::move_to({0, 0}));
}

TEST(PathData, ZReturnsToTheSubpathStartAndAFollowingCommandStartsThere) {
    // glumpy resets the current point to (0, 0) after Z.
    EXPECT_EQ(parse("M 10 10 L 20 10 Z l 5 5"),
              (std::vector{C::move_to({10, 10}), C::line_to({20, 10}), C::close({10, 10}), C::move_to({10, 10}),
                           C::line_to({15, 15})}));
    EXPECT_EQ(parse("M 10 10 L 20 10 z m 1 1"),
              (std::vector{C::move_to({10, 10}), C::line_to({20, 10}), C::close({10, 10}), C::move_to({11, 11})}));
    EXPECT_EQ(parse("M 1 1 Z Z"), (std::vector{C::move_to({1, 1}), C::close({1, 1}), C::close({1, 1})}));
    EXPECT_EQ(parse("M 1 1 L 2 2 M 5 5 L 6 6 Z h 1")[5], C::move_to({5, 5}));
}

TEST(PathData, ToStringRoundTrips) {
    const char* paths[] = {
        "M 10 20 l 30 40 h 5 v -5 Z l 1 1",
        "M0 0 C 1 1 2 1 3 0 S 5 -1 6 0 Q 7 7 8 8 T 9 9 A 5 6 30 1 0 10 0 z",
        "M0.1 0.2 L 1e-300 1e300 L -0 0.30000000000000004",
    };
    for (const char* d : paths) {
        const PathData p = PathData::parse(d);
        EXPECT_EQ(PathData::parse(p.to_string()), p) << d << " -> " << p.to_string();
    }
    EXPECT_EQ(PathData::parse("m 1 2 l 3 4 z").to_string(), "M 1 2 L 4 6 Z");
}

TEST(PathData, ExactErrors) {
    EXPECT_EQ(error("M 10 10 L x"), "PathData::parse: expected a number at character 11 of \"M 10 10 L x\"");
    EXPECT_EQ(error("M 10 10 L"), "PathData::parse: expected a number at the end of \"M 10 10 L\"");
    EXPECT_EQ(error("M 10 10 L 5"), "PathData::parse: expected a number at the end of \"M 10 10 L 5\"");
    EXPECT_EQ(error("M 1 2,"), "PathData::parse: expected a number at the end of \"M 1 2,\"");
    EXPECT_EQ(error("M,1 2"), "PathData::parse: expected a number at character 2 of \"M,1 2\"");
    EXPECT_EQ(error("L 1 2"), "PathData::parse: path data must begin with a moveto ('M' or 'm') at character 1 of \"L 1 2\"");
    EXPECT_EQ(error("  5"), "PathData::parse: path data must begin with a moveto ('M' or 'm') at character 3 of \"  5\"");
    EXPECT_EQ(error("M 1 2 X 3"), "PathData::parse: unknown command 'X' at character 7 of \"M 1 2 X 3\"");
    EXPECT_EQ(error("M 1 2 Z 3"), "PathData::parse: expected a command at character 9 of \"M 1 2 Z 3\"");
    EXPECT_EQ(error("M 1 2 # 3"), "PathData::parse: expected a command at character 7 of \"M 1 2 # 3\"");
    EXPECT_EQ(error("M0C1,2,3,4,5,6"), "PathData::parse: expected a number at character 3 of \"M0C1,2,3,4,5,6\"");
    // "1e" is the number 1 followed by the letter e: no exponent without digits.
    EXPECT_EQ(error("M1e 2"), "PathData::parse: expected a number at character 3 of \"M1e 2\"");
    EXPECT_EQ(error("M1 1e"), "PathData::parse: unknown command 'e' at character 5 of \"M1 1e\"");
    EXPECT_EQ(error("M 0 0 A 1 1 0 2 0 5 5"),
              "PathData::parse: expected an arc flag (0 or 1) at character 15 of \"M 0 0 A 1 1 0 2 0 5 5\"");
    EXPECT_EQ(error("M 1e999 0"), "PathData::parse: number out of range at character 3 of \"M 1e999 0\"");
    EXPECT_EQ(error("M 1e308 0 l 1e308 0"), "PathData::parse: relative coordinate overflows at character 13 of \"M 1e308 0 l 1e308 0\"");
    EXPECT_EQ(error(std::string("M 0 0\x01")), "PathData::parse: expected a command at character 6 of \"M 0 0\\x01\"");
    // A long path is quoted by a window around the error.
    std::string d = "M 0 0";
    for (int i = 0; i < 30; ++i) d += " L 1 1";
    d += " L x 1";
    for (int i = 0; i < 30; ++i) d += " L 2 2";
    EXPECT_EQ(error(d), "PathData::parse: expected a number at character 189 of \"...1 L 1 1 L 1 1 L 1 1 L 1 1 L 1 1 L 1 1 "
                        "L x 1 L 2 2 L 2 2 L 2 2 L 2 2 L 2 2 L 2 2 ...\"");
}

TEST(PathData, PrefixBeforeTheFirstErrorIsKept) {
    std::string message;
    const PathData p = PathData::parse_prefix("M 0 0 L 10 0 L 10 10 L x 5", message);
    EXPECT_EQ(p.commands, (std::vector{C::move_to({0, 0}), C::line_to({10, 0}), C::line_to({10, 10})}));
    EXPECT_EQ(message, "PathData::parse: expected a number at character 24 of \"M 0 0 L 10 0 L 10 10 L x 5\"");
    const PathData ok = PathData::parse_prefix("M 0 0 L 1 1", message);
    EXPECT_EQ(ok.commands.size(), 2u);
    EXPECT_TRUE(message.empty());
}
