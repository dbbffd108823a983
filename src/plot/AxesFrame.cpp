#include <glumpp/plot/AxesFrame.hpp>

#include <glumpp/Error.hpp>
#include <glumpp/plot/Ticks.hpp>
#include <glumpp/text/GlyphAtlas.hpp>

#include <epoxy/gl.h>
#include <glm/glm.hpp>

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <cstring>

namespace glumpp::plot {

namespace {

const char* vertex_source = R"(#version 330 core
in vec2 a_data;    // data coordinates relative to the view the vertices were built for
in vec2 a_mask;    // 1: that component comes from a_data, 0: from a_frac
in vec2 a_frac;    // fraction of the rect
in vec2 a_offset;  // whole pixels from the anchor
in vec2 a_uv;      // atlas texel (x right, y down); x < 0: a solid quad
uniform vec4 u_rect;    // x, y, width, height in window pixels, y up
uniform vec4 u_map;     // pixel x = a_data.x * u_map.x + u_map.y, y likewise with zw
uniform vec2 u_window;  // viewport size
uniform vec2 u_atlas;   // atlas size in texels
out vec2 v_uv;
void main() {
    vec2 data = vec2(a_data.x * u_map.x + u_map.y, a_data.y * u_map.z + u_map.w);
    vec2 anchor = u_rect.xy + mix(a_frac * u_rect.zw, data, a_mask);
    vec2 p = floor(anchor + 0.5) + a_offset;   // whole pixels: crisp lines and glyphs
    v_uv = a_uv.x < 0.0 ? vec2(-1.0) : a_uv / u_atlas;
    gl_Position = vec4(2.0 * p / u_window - 1.0, 0.0, 1.0);
}
)";

const char* fragment_source = R"(#version 330 core
uniform sampler2D u_glyphs;
uniform vec4 u_color;
in vec2 v_uv;
out vec4 frag_color;
void main() {
    float coverage = v_uv.x < 0.0 ? 1.0 : texture(u_glyphs, v_uv).r;
    frag_color = vec4(u_color.rgb, u_color.a * coverage);
}
)";

std::string num(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%g", v);
    return b;
}

struct Vertex {
    float data[2], mask[2], frac[2], offset[2], uv[2];
};

} // namespace

struct AxesFrame::State {
    Spec spec;
    text::GlyphAtlas atlas;
    gloo::Program program;
    double rect[4] = {0, 0, 1, 1};
    double view[4] = {0, 1, 0, 1};
    double anchor[2] = {0, 0}; ///< the view's x0, y0 when the vertices were built
    std::vector<double> xt, yt;
    std::vector<std::string> xl, yl, xl_drawn, yl_drawn;
    std::vector<double> xt_drawn, yt_drawn;
    bool dirty = true;
    std::size_t count = 0, bytes = 0, rebuilds = 0;
    State(Spec s, text::GlyphAtlas a, gloo::Program p) : spec(std::move(s)), atlas(std::move(a)), program(std::move(p)) {}

    // One axis's ticks (inside the view) and the labels that fit.
    void locate(Scale scale, double v0, double v1, double length, Axis axis, std::vector<double>& ticks,
                std::vector<std::string>& labels) {
        std::vector<double> all;
        std::vector<std::string> texts;
        if (scale == Scale::Time) {
            DateLocator locator;
            all = locator.tick_values(v0, v1);
            texts = DateFormatter().format_ticks(all, locator.unit());
        } else if (scale == Scale::Log) {
            // The view is in decades: locate over the data, place at the ticks' log10.
            all = LogLocator(tick_space(length, spec.font_px, axis)).tick_values(std::pow(10.0, v0), std::pow(10.0, v1));
            texts = LogFormatter().format_ticks(all);
            for (double& t : all) t = std::log10(t);
        } else if (scale == Scale::SymLog) {
            const double lt = spec.linthresh;
            all = SymmetricalLogLocator(lt).tick_values(symlog_inverse(v0, lt), symlog_inverse(v1, lt));
            texts = LogFormatter().format_ticks(all);
            for (double& t : all) t = symlog(t, lt);
        } else {
            all = AutoLocator(tick_space(length, spec.font_px, axis)).tick_values(v0, v1);
            texts = ScalarFormatter().format_ticks(all);
        }
        ticks.clear();
        labels.clear();
        const double lo = std::min(v0, v1), hi = std::max(v0, v1);
        std::vector<double> centers, widths;
        for (std::size_t k = 0; k < all.size(); ++k) {
            if (all[k] < lo || all[k] > hi) continue;
            ticks.push_back(all[k]);
            labels.push_back(texts[k]);
            centers.push_back((all[k] - v0) / (v1 - v0) * length);
            widths.push_back(axis == Axis::X ? spec.font.layout(texts[k], spec.font_px).advance
                                             : spec.font.metrics(spec.font_px).line_height);
        }
        // The tick's own number along the axis, so that the kept labels stay put while
        // the view scrolls.
        const double step = all.size() > 1 ? all[1] - all[0] : 1;
        const long long first = ticks.empty() ? 0 : std::llround(ticks[0] / step);
        const auto fit = fit_labels(centers, widths, spec.font_px / 2, first);
        std::vector<std::string> kept(labels.size());
        for (std::size_t k : fit.kept) kept[k] = labels[k];
        labels = std::move(kept); // "" for a tick whose label does not fit
    }

    void rebuild() {
        std::vector<Vertex> v;
        auto quad = [&v](Vertex a, float w, float h, float u0, float v0) {
            // a: the bottom-left corner; w, h in pixels; (u0, v0) the top-left texel, or -1.
            const float dx[] = {0, w, w, 0, w, 0}, dy[] = {0, 0, h, 0, h, h};
            for (int i = 0; i < 6; ++i) {
                Vertex c = a;
                c.offset[0] += dx[i];
                c.offset[1] += dy[i];
                if (u0 >= 0) {
                    c.uv[0] = u0 + dx[i];
                    c.uv[1] = v0 + (h - dy[i]); // atlas rows go down
                }
                v.push_back(c);
            }
        };
        const Vertex solid{{0, 0}, {0, 0}, {0, 0}, {0, 0}, {-1, -1}};
        // The frame: four 1-pixel sides, on the rect's edges.
        for (int side = 0; side < 4; ++side) {
            Vertex a = solid;
            const bool vertical = side >= 2;
            a.frac[0] = side == 3 ? 1.0f : 0.0f;
            a.frac[1] = side == 1 ? 1.0f : 0.0f;
            const float len_x = static_cast<float>(std::round(rect[2])), len_y = static_cast<float>(std::round(rect[3]));
            if (side == 1) a.offset[1] = -1;
            if (side == 3) a.offset[0] = -1;
            quad(a, vertical ? 1 : len_x, vertical ? len_y : 1, -1, 0);
        }
        const auto metrics = spec.font.metrics(spec.font_px);
        const float tick = static_cast<float>(spec.tick_px), pad = 3;
        auto label = [&](Vertex at, const std::string& textv, bool x_axis) {
            const auto layout = spec.font.layout(textv, spec.font_px);
            // x labels: centred under the tick, their ascender a pad below it; y labels:
            // right-aligned left of the tick, centred on it.
            const double x0 = x_axis ? -layout.advance / 2 : -tick - pad - layout.advance;
            const double baseline = x_axis ? -tick - pad - metrics.ascender : -(metrics.ascender + metrics.descender) / 2;
            for (const auto& g : layout.glyphs) {
                const auto& ag = atlas.glyph(g.glyph);
                if (ag.rect.width == 0 || ag.rect.height == 0) continue;
                Vertex a = at;
                a.offset[0] = static_cast<float>(std::round(x0 + g.x + ag.left));
                a.offset[1] = static_cast<float>(std::round(baseline - g.y + ag.top - static_cast<double>(ag.rect.height)));
                quad(a, static_cast<float>(ag.rect.width), static_cast<float>(ag.rect.height),
                     static_cast<float>(ag.rect.x), static_cast<float>(ag.rect.y));
            }
        };
        for (std::size_t k = 0; k < xt.size(); ++k) {
            Vertex a = solid;
            a.data[0] = static_cast<float>(xt[k] - anchor[0]);
            a.mask[0] = 1;
            a.offset[1] = -tick;
            quad(a, 1, tick, -1, 0);
            if (!xl[k].empty()) label(a, xl[k], true);
        }
        for (std::size_t k = 0; k < yt.size(); ++k) {
            Vertex a = solid;
            a.data[1] = static_cast<float>(yt[k] - anchor[1]);
            a.mask[1] = 1;
            a.offset[0] = -tick;
            quad(a, tick, 1, -1, 0);
            if (!yl[k].empty()) label(a, yl[k], false);
        }
        std::vector<float> flat(v.size() * 10);
        std::memcpy(flat.data(), v.data(), flat.size() * sizeof(float));
        const Array array = Array::from(flat, {v.size(), 10});
        auto buffer = gloo::VertexBuffer::over(array);
        program["a_data"] = buffer.view({all, slice(0, 2)});
        program["a_mask"] = buffer.view({all, slice(2, 4)});
        program["a_frac"] = buffer.view({all, slice(4, 6)});
        program["a_offset"] = buffer.view({all, slice(6, 8)});
        program["a_uv"] = buffer.view({all, slice(8, 10)});
        count = v.size();
        bytes = flat.size() * sizeof(float);
        ++rebuilds;
        xt_drawn = xt;
        yt_drawn = yt;
        xl_drawn = xl;
        yl_drawn = yl;
        dirty = false;
    }
};

AxesFrame::AxesFrame(Spec spec) {
    if (!(spec.font_px > 0 && spec.font_px <= 512))
        throw ValueError("AxesFrame: a font size of " + num(spec.font_px) + " px (0 to 512)");
    text::GlyphAtlas atlas(spec.font, text::AtlasKind::Coverage, spec.font_px);
    for (char32_t c : std::u32string(U"0123456789.-:\u2212 "))
        if (const auto g = spec.font.glyph_index(c)) atlas.glyph(g);
    gloo::Program program(vertex_source, fragment_source);
    s_ = std::make_unique<State>(std::move(spec), std::move(atlas), std::move(program));
}

AxesFrame::AxesFrame(AxesFrame&&) noexcept = default;
AxesFrame& AxesFrame::operator=(AxesFrame&&) noexcept = default;
AxesFrame::~AxesFrame() = default;

void AxesFrame::set_rect(double x, double y, double width, double height) {
    if (!(width >= 1) || !(height >= 1) || !std::isfinite(x) || !std::isfinite(y) || !std::isfinite(width) ||
        !std::isfinite(height))
        throw ValueError("AxesFrame::set_rect: a rect of " + num(width) + " x " + num(height) + " at (" + num(x) + ", " +
                         num(y) + ") (at least 1 x 1, finite)");
    const double r[4] = {x, y, width, height};
    if (!std::equal(r, r + 4, s_->rect)) s_->dirty = true;
    std::copy(r, r + 4, s_->rect);
}

void AxesFrame::set_view(double x0, double x1, double y0, double y1) {
    auto& s = *s_;
    std::vector<double> xt, yt;
    std::vector<std::string> xl, yl;
    if (s.spec.x_ticks) s.locate(s.spec.x_scale, x0, x1, s.rect[2], Axis::X, xt, xl);
    s.locate(s.spec.y_scale, y0, y1, s.rect[3], Axis::Y, yt, yl);
    s.xt = std::move(xt);
    s.yt = std::move(yt);
    s.xl = std::move(xl);
    s.yl = std::move(yl);
    s.view[0] = x0, s.view[1] = x1, s.view[2] = y0, s.view[3] = y1;
    if (s.xt != s.xt_drawn || s.yt != s.yt_drawn || s.xl != s.xl_drawn || s.yl != s.yl_drawn) s.dirty = true;
}

void AxesFrame::draw() {
    auto& s = *s_;
    if (s.dirty) {
        s.anchor[0] = s.view[0];
        s.anchor[1] = s.view[2];
        s.rebuild();
    }
    GLint viewport[4];
    glGetIntegerv(GL_VIEWPORT, viewport);
    const double sx = s.rect[2] / (s.view[1] - s.view[0]), sy = s.rect[3] / (s.view[3] - s.view[2]);
    auto& p = s.program;
    p["u_rect"] = glm::vec4(static_cast<float>(s.rect[0]), static_cast<float>(s.rect[1]), static_cast<float>(s.rect[2]),
                            static_cast<float>(s.rect[3]));
    p["u_map"] = glm::vec4(static_cast<float>(sx), static_cast<float>((s.anchor[0] - s.view[0]) * sx), static_cast<float>(sy),
                           static_cast<float>((s.anchor[1] - s.view[2]) * sy));
    p["u_window"] = glm::vec2(static_cast<float>(viewport[2]), static_cast<float>(viewport[3]));
    p["u_atlas"] = glm::vec2(static_cast<float>(s.atlas.width()), static_cast<float>(s.atlas.height()));
    p["u_glyphs"] = s.atlas.texture();
    const auto& c = s.spec.color;
    p["u_color"] = glm::vec4(static_cast<float>(c.r), static_cast<float>(c.g), static_cast<float>(c.b), static_cast<float>(c.a));
    const GLboolean blend = glIsEnabled(GL_BLEND);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    p.draw(gloo::Primitive::Triangles, 0, s.count);
    if (!blend) glDisable(GL_BLEND);
}

const std::vector<std::string>& AxesFrame::x_labels() const { return s_->xl; }
const std::vector<std::string>& AxesFrame::y_labels() const { return s_->yl; }
const std::vector<double>& AxesFrame::x_ticks() const { return s_->xt; }
const std::vector<double>& AxesFrame::y_ticks() const { return s_->yt; }
std::size_t AxesFrame::vertex_bytes() const { return s_->bytes; }
std::size_t AxesFrame::rebuilds() const { return s_->rebuilds; }

} // namespace glumpp::plot
