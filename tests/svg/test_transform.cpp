// Transforms: constructors, composition order, the transform-list grammar, exact errors.
#include <glumpp/Error.hpp>
#include <glumpp/svg/Transform.hpp>

#include "../TestUtil.hpp"

#include <gtest/gtest.h>

#include <cmath>

using glumpp::ParseError;
using glumpp::svg::Transform;
using glumpp::test::message_of;

namespace {

void expect_near(const Transform& actual, const Transform& expected, double eps = 1e-12) {
    EXPECT_NEAR(actual.a, expected.a, eps);
    EXPECT_NEAR(actual.b, expected.b, eps);
    EXPECT_NEAR(actual.c, expected.c, eps);
    EXPECT_NEAR(actual.d, expected.d, eps);
    EXPECT_NEAR(actual.e, expected.e, eps);
    EXPECT_NEAR(actual.f, expected.f, eps);
}

} // namespace

TEST(Transform, RotationTurnsClockwiseOnScreenAndQuarterTurnsAreExact) {
    // y points down: +x rotated by 90 degrees is +y.
    EXPECT_EQ(Transform::rotate(90).apply({1, 0}), glm::dvec2(0, 1));
    EXPECT_EQ(Transform::rotate(-90), Transform::rotate(270));
    EXPECT_EQ(Transform::rotate(180).apply({2, 3}), glm::dvec2(-2, -3));
    const glm::dvec2 p = Transform::rotate(45).apply({1, 0});
    EXPECT_NEAR(p.x, std::sqrt(0.5), 1e-15);
    EXPECT_NEAR(p.y, std::sqrt(0.5), 1e-15);
    // About a centre: the centre stays put.
    EXPECT_EQ(Transform::rotate(90, 10, 20).apply({10, 20}), glm::dvec2(10, 20));
    EXPECT_EQ(Transform::rotate(90, 10, 20).apply({11, 20}), glm::dvec2(10, 21));
}

TEST(Transform, CompositionAppliesTheRightOperandFirst) {
    const Transform t = Transform::translate(10, 0) * Transform::scale(2);
    EXPECT_EQ(t.apply({1, 1}), glm::dvec2(12, 2)); // scaled, then translated
    const Transform u = Transform::scale(2) * Transform::translate(10, 0);
    EXPECT_EQ(u.apply({1, 1}), glm::dvec2(22, 2));
    const auto inv = t.inverse();
    ASSERT_TRUE(inv);
    expect_near(*inv * t, Transform::identity());
    EXPECT_FALSE(Transform::scale(0, 1).inverse());
}

TEST(Transform, Scales) {
    EXPECT_DOUBLE_EQ(Transform::scale(3, 2).max_scale(), 3.0);
    EXPECT_DOUBLE_EQ(Transform::scale(3, 2).mean_scale(), std::sqrt(6.0));
    EXPECT_NEAR((Transform::rotate(30) * Transform::scale(-4, 1)).max_scale(), 4.0, 1e-12);
    // A shear stretches more than its determinant (1) says.
    EXPECT_NEAR(Transform::skew_x(45).max_scale(), (1 + std::sqrt(5.0)) / 2, 1e-12);
    EXPECT_DOUBLE_EQ(Transform::skew_x(45).mean_scale(), 1.0);
}

TEST(Transform, ParsesEveryFormAndComposesLeftToRight) {
    EXPECT_EQ(Transform::parse(""), Transform::identity());
    EXPECT_EQ(Transform::parse("  "), Transform::identity());
    EXPECT_EQ(Transform::parse("matrix(1 2 3 4 5 6)"), Transform::matrix(1, 2, 3, 4, 5, 6));
    EXPECT_EQ(Transform::parse("matrix(1,2,3,4,5,6)"), Transform::matrix(1, 2, 3, 4, 5, 6));
    EXPECT_EQ(Transform::parse("matrix(1-2-3-4.5.5,6)"), Transform::matrix(1, -2, -3, -4.5, .5, 6));
    EXPECT_EQ(Transform::parse("translate(5)"), Transform::translate(5, 0));
    EXPECT_EQ(Transform::parse("translate( 5 , -7 )"), Transform::translate(5, -7));
    EXPECT_EQ(Transform::parse("scale(2)"), Transform::scale(2, 2));
    EXPECT_EQ(Transform::parse("scale(2 3)"), Transform::scale(2, 3));
    EXPECT_EQ(Transform::parse("rotate(90)"), Transform::rotate(90));
    EXPECT_EQ(Transform::parse("rotate(90 10 20)"), Transform::rotate(90, 10, 20));
    EXPECT_EQ(Transform::parse("skewX(30)"), Transform::skew_x(30));
    EXPECT_EQ(Transform::parse("skewY(30)"), Transform::skew_y(30));
    EXPECT_EQ(Transform::parse("translate(10,0) scale(2)"), Transform::translate(10, 0) * Transform::scale(2));
    EXPECT_EQ(Transform::parse("translate(10,0),scale(2)"), Transform::translate(10, 0) * Transform::scale(2));
    EXPECT_EQ(Transform::parse("translate(10,0) , , scale(2)"), Transform::translate(10, 0) * Transform::scale(2));
    EXPECT_EQ(Transform::parse("translate(10,0)scale(2)"), Transform::translate(10, 0) * Transform::scale(2));
    EXPECT_EQ(Transform::parse("\ttranslate (1e1) \n"), Transform::translate(10, 0));
    // The tiger's.
    EXPECT_EQ(Transform::parse("matrix(1.999613,0,0,1.8843551,373.60204,291.89877)"),
              Transform::matrix(1.999613, 0, 0, 1.8843551, 373.60204, 291.89877));
}

TEST(Transform, ExactErrors) {
    const auto error = [](const char* text) { return message_of<ParseError>([&] { Transform::parse(text); }); };
    EXPECT_EQ(error("rotat(45)"), "Transform::parse: unknown transform \"rotat\" at character 1 of \"rotat(45)\"");
    EXPECT_EQ(error("rotate 45"), "Transform::parse: expected '(' after rotate at character 8 of \"rotate 45\"");
    EXPECT_EQ(error("rotate(45, 1)"), "Transform::parse: rotate takes 1 or 3 numbers, found 2 at character 13 of \"rotate(45, 1)\"");
    EXPECT_EQ(error("matrix(1 2 3)"), "Transform::parse: matrix takes 6 numbers, found 3 at character 13 of \"matrix(1 2 3)\"");
    EXPECT_EQ(error("scale()"), "Transform::parse: scale takes 1 or 2 numbers, found 0 at character 7 of \"scale()\"");
    EXPECT_EQ(error("scale(1 2 3)"), "Transform::parse: scale takes at most 2 numbers at character 11 of \"scale(1 2 3)\"");
    EXPECT_EQ(error("skewX(x)"), "Transform::parse: expected a number or ')' at character 7 of \"skewX(x)\"");
    EXPECT_EQ(error("translate(1,)"), "Transform::parse: expected a number at character 13 of \"translate(1,)\"");
    EXPECT_EQ(error("translate(1"), "Transform::parse: expected ')' at the end of \"translate(1\"");
    EXPECT_EQ(error("scale(2),"), "Transform::parse: expected a transform after ',' at the end of \"scale(2),\"");
    EXPECT_EQ(error("scale(1e999)"), "Transform::parse: number out of range at character 7 of \"scale(1e999)\"");
    EXPECT_EQ(error("(1)"), "Transform::parse: expected a transform name (matrix, translate, scale, rotate, skewX, skewY) "
                            "at character 1 of \"(1)\"");
}
