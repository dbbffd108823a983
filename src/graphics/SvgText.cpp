// SVG text to outline shapes (SvgText.hpp): layout by HarfBuzz, glyphs by FreeType,
// flattening by the svg layer.
#include <glumpp/graphics/SvgText.hpp>

#include <glumpp/Error.hpp>
#include <glumpp/svg/Document.hpp>
#include <glumpp/svg/Flatten.hpp>
#include <glumpp/svg/PathData.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

namespace glumpp::graphics {

namespace {

/// Shapes are laid out at this many pixels per em and scaled to the font size: unhinted
/// layouts scale linearly, and HarfBuzz's 1/64-pixel positions are then 1/65536 em.
constexpr double layout_size = 1024.0;

/// A glyph placed in the text's user units.
struct Placed {
    std::uint32_t glyph;
    double x, y;
    std::size_t chunk; ///< the text chunk it belongs to (anchored together)
};

} // namespace

text::Font TextOutliner::font(const svg::TextFont& f) {
    auto key = std::make_tuple(f.families, f.weight, f.italic);
    auto it = fonts_.find(key);
    if (it == fonts_.end()) it = fonts_.emplace(std::move(key), text::Font::match(f.families, f.weight, f.italic)).first;
    return it->second;
}

const std::vector<text::OutlineCommand>& TextOutliner::glyph(const text::Font& font, std::uint32_t g) {
    const auto key = std::make_pair(font.id(), g);
    auto it = glyphs_.find(key);
    if (it == glyphs_.end()) it = glyphs_.emplace(key, font.outline(g)).first;
    return it->second;
}

std::vector<svg::Shape> TextOutliner::outline(const svg::Shape& shape, std::vector<std::string>& warnings) {
    std::vector<svg::Shape> out;
    if (!shape.text) return out;
    const svg::Text& text = *shape.text;
    const auto warn = [&](const std::string& message) { warnings.push_back(shape.name() + ": " + message); };

    // Layout: every span's glyphs at their pen positions, chunk by chunk.
    std::vector<std::vector<Placed>> placed(text.spans.size());
    std::vector<bool> usable(text.spans.size(), false);
    std::vector<std::optional<text::Font>> fonts(text.spans.size());
    struct Chunk {
        svg::TextAnchor anchor; ///< its first character's
        double start, end;      ///< its pen's x where it starts and where it ends
    };
    std::vector<Chunk> chunks;
    double pen_x = 0.0, pen_y = 0.0;
    for (std::size_t s = 0; s < text.spans.size(); ++s) {
        const svg::TextSpan& span = text.spans[s];
        if (!(span.font.size > 0.0)) continue;
        if (!(span.font.size <= svg::max_coordinate)) {
            warn("font-size " + std::to_string(span.font.size) + " is beyond " + std::to_string(svg::max_coordinate) +
                 "; span skipped");
            continue;
        }
        std::optional<text::Font> f;
        try {
            f = font(span.font);
        } catch (const Error& e) {
            warn(std::string(e.what()) + "; span skipped");
            continue;
        }
        const double k = span.font.size / layout_size;
        // Pieces: from each character with a position (x, y, dx, dy) to the next.
        const std::string& chars = span.characters;
        std::vector<std::size_t> offsets; // byte offset of each code point
        for (std::size_t i = 0; i < chars.size(); ++i)
            if ((static_cast<unsigned char>(chars[i]) & 0xC0) != 0x80) offsets.push_back(i);
        offsets.push_back(chars.size());
        const std::size_t n = offsets.size() - 1;
        const auto positioned = [&](std::size_t c) {
            return (c < span.x.size() && span.x[c]) || (c < span.y.size() && span.y[c]) ||
                   (c < span.dx.size() && span.dx[c] != 0.0) || (c < span.dy.size() && span.dy[c] != 0.0);
        };
        bool ok = true;
        for (std::size_t c = 0; c < n && ok;) {
            std::size_t stop = c + 1;
            while (stop < n && !positioned(stop)) ++stop;
            const bool new_x = c < span.x.size() && span.x[c].has_value();
            const bool new_y = c < span.y.size() && span.y[c].has_value();
            if (new_x) pen_x = *span.x[c];
            if (new_y) pen_y = *span.y[c];
            if (new_x || new_y || chunks.empty()) chunks.push_back({span.anchor, pen_x, pen_x});
            if (c < span.dx.size()) pen_x += span.dx[c];
            if (c < span.dy.size()) pen_y += span.dy[c];
            text::Layout line;
            try {
                line = f->layout(std::string_view(chars).substr(offsets[c], offsets[stop] - offsets[c]), layout_size);
            } catch (const Error& e) {
                warn(std::string(e.what()) + "; span skipped");
                ok = false;
                break;
            }
            for (const text::PositionedGlyph& g : line.glyphs)
                placed[s].push_back({g.glyph, pen_x + g.x * k, pen_y + g.y * k, chunks.size() - 1});
            pen_x += line.advance * k;
            chunks.back().end = pen_x;
            c = stop;
        }
        if (!ok) {
            placed[s].clear();
            continue;
        }
        usable[s] = true;
        fonts[s] = f;
    }
    // text-anchor: each chunk moved by its advance.
    for (auto& glyphs : placed)
        for (Placed& p : glyphs) {
            const Chunk& chunk = chunks[p.chunk];
            const double width = chunk.end - chunk.start;
            if (chunk.anchor == svg::TextAnchor::End) p.x -= width;
            if (chunk.anchor == svg::TextAnchor::Middle) p.x -= 0.5 * width;
        }
    // Outlines: one shape per painted span.
    for (std::size_t s = 0; s < text.spans.size(); ++s) {
        const svg::TextSpan& span = text.spans[s];
        if (!usable[s] || !span.visible || (!span.fill && !span.stroke) || placed[s].empty()) continue;
        if (points_full_) break;
        svg::PathData path;
        const double size = span.font.size;
        for (const Placed& p : placed[s]) {
            const auto at = [&](double x, double y) { return glm::dvec2(p.x + x * size, p.y + y * size); };
            for (const text::OutlineCommand& c : glyph(*fonts[s], p.glyph)) {
                using K = text::OutlineCommand::Kind;
                switch (c.kind) {
                case K::MoveTo: path.commands.push_back(svg::PathCommand::move_to(at(c.x, c.y))); break;
                case K::LineTo: path.commands.push_back(svg::PathCommand::line_to(at(c.x, c.y))); break;
                case K::QuadTo: path.commands.push_back(svg::PathCommand::quad_to(at(c.c1x, c.c1y), at(c.x, c.y))); break;
                case K::CubicTo:
                    path.commands.push_back(svg::PathCommand::cubic_to(at(c.c1x, c.c1y), at(c.c2x, c.c2y), at(c.x, c.y)));
                    break;
                case K::Close: path.commands.push_back(svg::PathCommand::close(at(c.x, c.y))); break;
                }
            }
        }
        svg::Shape o;
        try {
            o.subpaths = svg::flatten(path, shape.transform, text.tolerance, max_points_ - points_);
        } catch (const ValueError&) {
            points_full_ = true;
            warn("the text's outlines would hold more than " + std::to_string(max_points_) +
                 " points; this span and every later one are not drawn");
            break;
        }
        bool in_range = true;
        std::size_t count = 0;
        for (const svg::Polyline& pl : o.subpaths) {
            count += pl.points.size();
            for (const glm::dvec2 q : pl.points)
                if (!(std::abs(q.x) <= svg::max_coordinate && std::abs(q.y) <= svg::max_coordinate)) in_range = false;
        }
        if (!in_range) {
            warn("a glyph is beyond " + std::to_string(svg::max_coordinate) + " once transformed; span skipped");
            continue;
        }
        if (o.subpaths.empty()) continue;
        points_ += count;
        o.element = shape.element;
        o.id = shape.id;
        o.line = span.line ? span.line : shape.line;
        o.fill = span.fill;
        o.stroke = span.stroke;
        o.transform = shape.transform;
        o.group = shape.group;
        out.push_back(std::move(o));
    }
    return out;
}

bool outline_texts(std::span<const svg::Shape> shapes, std::vector<svg::Shape>& out, std::vector<std::string>& warnings) {
    if (std::none_of(shapes.begin(), shapes.end(), [](const svg::Shape& s) { return s.text.has_value(); })) return false;
    TextOutliner outliner;
    out.clear();
    out.reserve(shapes.size());
    for (const svg::Shape& s : shapes) {
        if (!s.text) {
            out.push_back(s);
            continue;
        }
        for (svg::Shape& o : outliner.outline(s, warnings)) out.push_back(std::move(o));
    }
    return true;
}

} // namespace glumpp::graphics
