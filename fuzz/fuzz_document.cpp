// fuzz_document: SVG documents (glumpp::svg::Document) on arbitrary bytes: the
// tree walk, style properties, lengths and the basic shapes, on top of the path parser
// that fuzz_path covers.
//
// Document::parse must either return or throw ParseError (malformed XML, a root that is
// not svg); nothing else, and no crash (another exception escaping is a crash). What it returns must keep Document.hpp's
// promises: coordinates within max_coordinate, sub-paths of two points or more, at most
// max_points points in all, colors in [0, 1], stroke widths in [0, max_coordinate],
// miter limits in [1, max_miter_limit], a finite box around the shapes, and warnings
// that each name their element. Parsing the same text twice must give the same document (reads of
// uninitialised memory show up here even where the sanitizers do not look).
#include <glumpp/Error.hpp>
#include <glumpp/svg/Document.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

using glumpp::svg::Color;
using glumpp::svg::Document;
using glumpp::svg::Shape;
using glumpp::svg::Transform;

[[noreturn]] void fail(const char* what, std::string_view text) {
    std::fprintf(stderr, "fuzz_document: %s for input \"%.*s\"\n", what, static_cast<int>(text.size()), text.data());
    std::abort();
}

bool unit(float v) { return v >= 0.0f && v <= 1.0f; }
bool valid(const Color& c) { return unit(c.r) && unit(c.g) && unit(c.b) && unit(c.a); }

/// Shape.hpp's promises about a gradient: 2 stops or more, offsets in [0, 1] never
/// decreasing, valid colors, finite numbers, a linear gradient of some length, a radius > 0.
bool valid(const glumpp::svg::Gradient& g) {
    using K = glumpp::svg::Gradient::Kind;
    if (g.stops.size() < 2) return false;
    float previous = 0.0f;
    for (const auto& s : g.stops) {
        if (!(s.offset >= previous && s.offset <= 1.0f) || !valid(s.color)) return false;
        previous = s.offset;
    }
    const Transform& m = g.to_gradient;
    for (const double v : {m.a, m.b, m.c, m.d, m.e, m.f, g.start.x, g.start.y, g.end.x, g.end.y, g.center.x, g.center.y,
                           g.focal.x, g.focal.y, g.radius})
        if (!std::isfinite(v)) return false;
    if (g.kind == K::Linear && g.start == g.end) return false;
    return g.kind != K::Radial || g.radius > 0.0;
}

/// Bit for bit, so that NaN equals NaN: this compares two parses, not two values.
bool same(const Transform& x, const Transform& y) {
    const double a[] = {x.a, x.b, x.c, x.d, x.e, x.f}, b[] = {y.a, y.b, y.c, y.d, y.e, y.f};
    return std::memcmp(a, b, sizeof a) == 0;
}

bool same(const Shape& x, const Shape& y) {
    if (x.element != y.element || x.id != y.id || x.line != y.line || x.subpaths != y.subpaths || !same(x.transform, y.transform))
        return false;
    if (x.fill.has_value() != y.fill.has_value() || x.stroke.has_value() != y.stroke.has_value() ||
        x.image.has_value() != y.image.has_value())
        return false;
    if (x.image && (x.image->width != y.image->width || x.image->height != y.image->height ||
                    *x.image->pixels != *y.image->pixels || !same(x.image->to_final, y.image->to_final) ||
                    x.image->alpha != y.image->alpha || x.image->smooth != y.image->smooth))
        return false;
    if (x.fill && (!(x.fill->color == y.fill->color) || x.fill->rule != y.fill->rule || x.fill->gradient != y.fill->gradient))
        return false;
    if (x.stroke) {
        const auto &s = *x.stroke, &t = *y.stroke;
        if (!(s.color == t.color) || s.gradient != t.gradient || s.width != t.width || s.user_width != t.user_width || s.join != t.join ||
            s.cap != t.cap || s.miter_limit != t.miter_limit)
            return false;
    }
    return true;
}

void check(const Document& d, std::string_view text) {
    if (!(d.width() >= 0.0) || !std::isfinite(d.width()) || !(d.height() >= 0.0) || !std::isfinite(d.height()))
        fail("a size that is negative or not finite", text);
    for (const Shape& s : d.shapes()) {
        if (s.line < 1) fail("a shape without a line", text);
        if (s.text) {
            // A <text>: no sub-paths until a renderer outlines it; its spans carry the paint.
            if (!s.subpaths.empty() || s.image) fail("a text shape with sub-paths or an image", text);
            if (s.text->spans.empty()) fail("a text shape without spans", text);
            for (const auto& span : s.text->spans) {
                if (span.characters.empty()) fail("an empty text span", text);
                if (!(span.font.size > 0.0) || !std::isfinite(span.font.size)) fail("a font size not positive and finite", text);
                for (const double v : span.dx)
                    if (!std::isfinite(v)) fail("a dx that is not finite", text);
                for (const double v : span.dy)
                    if (!std::isfinite(v)) fail("a dy that is not finite", text);
            }
            continue;
        }
        if (s.subpaths.empty()) fail("a shape without sub-paths", text);
        if (!s.fill && !s.stroke && !s.image) fail("a shape neither filled, stroked nor an image", text);
        if (s.image) {
            const auto& im = *s.image;
            if ((s.fill || s.stroke) || im.width < 1 || im.height < 1 || !im.pixels ||
                im.pixels->size() != 4 * std::size_t(im.width) * std::size_t(im.height) ||
                std::size_t(im.width) * std::size_t(im.height) > glumpp::svg::max_image_pixels || !(im.alpha >= 0.0f && im.alpha <= 1.0f))
                fail("an image that breaks Shape.hpp's promises", text);
        }
        for (const auto& p : s.subpaths) {
            if (p.points.size() < 2) fail("a sub-path of fewer than two points", text);
            for (const auto& q : p.points)
                if (!(std::abs(q.x) <= glumpp::svg::max_coordinate) || !(std::abs(q.y) <= glumpp::svg::max_coordinate))
                    fail("a point that is not finite or beyond max_coordinate", text);
        }
        if (s.fill && !valid(s.fill->color)) fail("a fill color outside [0, 1]", text);
        if (s.fill && s.fill->gradient && !valid(*s.fill->gradient)) fail("a fill gradient that breaks Shape.hpp's promises", text);
        if (s.stroke && s.stroke->gradient && !valid(*s.stroke->gradient)) fail("a stroke gradient that breaks Shape.hpp's promises", text);
        if (s.stroke) {
            if (!valid(s.stroke->color)) fail("a stroke color outside [0, 1]", text);
            if (!(s.stroke->width >= 0.0) || !(s.stroke->width <= glumpp::svg::max_coordinate)) fail("a bad stroke width", text);
            if (!(s.stroke->miter_limit >= 1.0) || !(s.stroke->miter_limit <= glumpp::svg::max_miter_limit))
                fail("a miter limit outside [1, max_miter_limit]", text);
        }
    }
    if (const auto b = d.bounds())
        if (!std::isfinite(b->min.x) || !std::isfinite(b->min.y) || !std::isfinite(b->max.x) || !std::isfinite(b->max.y))
            fail("bounds that are not finite", text);
    std::size_t points = 0;
    for (const Shape& s : d.shapes())
        for (const auto& p : s.subpaths) points += p.points.size();
    if (points > glumpp::svg::max_points) fail("more than max_points points", text);
    for (const std::string& w : d.warnings())
        if (w.empty() || w.find(": ") == std::string::npos) fail("a warning that names no element", text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const Document first = Document::parse(text);
        check(first, text);
        const Document second = Document::parse(text);
        if (first.width() != second.width() || first.height() != second.height() ||
            first.view_box() != second.view_box() || !same(first.viewport_transform(), second.viewport_transform()) ||
            first.warnings() != second.warnings() || first.shapes().size() != second.shapes().size())
            fail("two parses of the same text that differ", text);
        for (std::size_t i = 0; i < first.shapes().size(); ++i)
            if (!same(first.shapes()[i], second.shapes()[i])) fail("two parses of the same text that differ", text);
    } catch (const glumpp::ParseError& e) {
        // Malformed XML or a root that is not svg: the one failure Document::parse has.
        const std::string_view message = e.what();
        if (!message.starts_with("Document::parse: malformed XML") && !message.starts_with("Document::parse: the root element"))
            fail("a ParseError that is not about the XML or the root", text);
    }
    return 0;
}
