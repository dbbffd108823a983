#pragma once
// 2-D affine transforms with SVG's conventions, and the `transform` attribute's grammar.
//
// A Transform is SVG's matrix(a b c d e f):
//     x' = a x + c y + e
//     y' = b x + d y + f
// in user units with y pointing down, so a positive rotation turns clockwise on screen.
// `A * B` applies B first (a point goes through B, then A), which is how a list
// "A B" composes and how a parent's transform composes with its child's:
// child_to_final = parent_to_final * child_transform.

#include <glm/mat3x3.hpp>
#include <glm/vec2.hpp>

#include <cmath>
#include <optional>
#include <string_view>

namespace glumpp::svg {

struct Transform {
    double a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0;

    static Transform identity() { return {}; }
    static Transform matrix(double a, double b, double c, double d, double e, double f) { return {a, b, c, d, e, f}; }
    static Transform translate(double tx, double ty = 0.0) { return {1.0, 0.0, 0.0, 1.0, tx, ty}; }
    static Transform scale(double sx, double sy) { return {sx, 0.0, 0.0, sy, 0.0, 0.0}; }
    static Transform scale(double s) { return scale(s, s); }
    /// Clockwise on screen for a positive angle; multiples of 90 degrees are exact.
    static Transform rotate(double degrees);
    /// rotate(a, cx, cy) = translate(cx, cy) rotate(a) translate(-cx, -cy).
    static Transform rotate(double degrees, double cx, double cy) {
        return translate(cx, cy) * rotate(degrees) * translate(-cx, -cy);
    }
    static Transform skew_x(double degrees) { return {1.0, 0.0, std::tan(radians(degrees)), 1.0, 0.0, 0.0}; }
    static Transform skew_y(double degrees) { return {1.0, std::tan(radians(degrees)), 0.0, 1.0, 0.0, 0.0}; }

    /// The `transform` attribute: a list of matrix(6), translate(1-2), scale(1-2),
    /// rotate(1 or 3), skewX(1), skewY(1), separated by white space and/or commas,
    /// composed left to right (the rightmost applies first). Empty text is the identity.
    /// Throws ParseError("Transform::parse: ... at character N of \"...\"").
    static Transform parse(std::string_view text);

    /// `rhs` first, then `*this`.
    Transform operator*(const Transform& rhs) const {
        return {a * rhs.a + c * rhs.b,     b * rhs.a + d * rhs.b,     a * rhs.c + c * rhs.d,
                b * rhs.c + d * rhs.d,     a * rhs.e + c * rhs.f + e, b * rhs.e + d * rhs.f + f};
    }
    Transform& operator*=(const Transform& rhs) { return *this = *this * rhs; }

    glm::dvec2 apply(glm::dvec2 p) const { return {a * p.x + c * p.y + e, b * p.x + d * p.y + f}; }
    glm::dvec2 operator()(glm::dvec2 p) const { return apply(p); }
    /// The linear part only: for directions and extents, which translations do not move.
    glm::dvec2 apply_vector(glm::dvec2 v) const { return {a * v.x + c * v.y, b * v.x + d * v.y}; }

    double determinant() const { return a * d - b * c; }
    /// How much the transform stretches a length at most: the largest singular value of
    /// the linear part. Curve flattening sizes its steps with it.
    double max_scale() const;
    /// sqrt(|det|): the scale of a uniform transform with the same area change. Stroke
    /// widths use it, since one width cannot follow a non-uniform scale exactly.
    double mean_scale() const { return std::sqrt(std::abs(determinant())); }

    /// Nothing when the transform is singular (or not finite).
    std::optional<Transform> inverse() const;

    /// As a GLM (column-major) 3x3 matrix acting on (x, y, 1).
    glm::dmat3 to_mat3() const { return glm::dmat3(a, b, 0.0, c, d, 0.0, e, f, 1.0); }

    friend bool operator==(const Transform&, const Transform&) = default;

private:
    static double radians(double degrees) { return degrees * (3.14159265358979323846 / 180.0); }
};

} // namespace glumpp::svg
