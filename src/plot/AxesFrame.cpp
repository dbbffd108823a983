#include <glumpp/plot/AxesFrame.hpp>

#include <glumpp/Error.hpp>
#include <glumpp/plot/Ticks.hpp>
#include <glumpp/graphics/GlyphCollection.hpp>

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
uniform vec4 u_rect;    // x, y, width, height in window pixels, y up
uniform vec4 u_map;     // pixel x = a_data.x * u_map.x + u_map.y, y likewise with zw
uniform vec2 u_window;  // viewport size
void main() {
    vec2 data = vec2(a_data.x * u_map.x + u_map.y, a_data.y * u_map.z + u_map.w);
    vec2 anchor = u_rect.xy + mix(a_frac * u_rect.zw, data, a_mask);
    vec2 p = floor(anchor + 0.5) + a_offset;   // whole pixels: crisp lines
    gl_Position = vec4(2.0 * p / u_window - 1.0, 0.0, 1.0);
}
)";

const char* fragment_source = R"(#version 330 core
uniform vec4 u_color;
out vec4 frag_color;
void main() { frag_color = u_color; }
)";

std::string num(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%g", v);
    return b;
}

struct Vertex {
    float data[2], mask[2], frac[2], offset[2];
};

// The same tick located again (the locators' multiples of a step may differ in the last
// bits from one view to the next): within a billionth of the view's span.
bool same_tick(double a, double b, double span) { return std::abs(a - b) <= 1e-9 * std::abs(span); }

// A label on screen: its axis, tick and text (what it is) and its window pixel.
struct Shown {
    bool x_axis = true;
    double tick = 0;
    std::string text;
    glm::vec3 origin{0, 0, 0};
};

} // namespace

struct AxesFrame::State {
    Spec spec;
    gloo::Program program;
    graphics::GlyphCollection labels{graphics::GlyphCollection::Mode::Coverage};
    std::vector<Shown> shown; ///< label i of `labels`; "" for a free one
    double rect[4] = {0, 0, 1, 1};
    double view[4] = {0, 1, 0, 1};
    double anchor[2] = {0, 0}; ///< the view's x0, y0 when the vertices were built
    std::vector<double> xt, yt;
    std::vector<std::string> xl, yl;
    std::vector<double> xt_drawn, yt_drawn;
    bool dirty = true;
    std::size_t count = 0, bytes = 0, rebuilds = 0;
    State(Spec s, gloo::Program p) : spec(std::move(s)), program(std::move(p)) {}

    // One axis's ticks (inside the view) and the labels that fit.
    void locate(Scale scale, double v0, double v1, double length, Axis axis, std::vector<double>& ticks,
                std::vector<std::string>& tick_labels) {
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
        tick_labels.clear();
        const double lo = std::min(v0, v1), hi = std::max(v0, v1);
        std::vector<double> centers, widths;
        for (std::size_t k = 0; k < all.size(); ++k) {
            if (all[k] < lo || all[k] > hi) continue;
            ticks.push_back(all[k]);
            tick_labels.push_back(texts[k]);
            centers.push_back((all[k] - v0) / (v1 - v0) * length);
            widths.push_back(axis == Axis::X ? spec.font.layout(texts[k], spec.font_px).advance
                                             : spec.font.metrics(spec.font_px).line_height);
        }
        // The tick's own number along the axis, so that the kept labels stay put while
        // the view scrolls.
        const double step = all.size() > 1 ? all[1] - all[0] : 1;
        const long long first = ticks.empty() ? 0 : std::llround(ticks[0] / step);
        // An inverted axis (v1 < v0) puts the ascending ticks at descending pixels: fit
        // their mirror image, the same distances in increasing order.
        if (v1 < v0)
            for (double& c : centers) c = length - c;
        const auto fit = fit_labels(centers, widths, spec.font_px / 2, first);
        std::vector<std::string> kept(tick_labels.size());
        for (std::size_t k : fit.kept) kept[k] = tick_labels[k];
        tick_labels = std::move(kept); // "" for a tick whose label does not fit
    }

    // Ticks and labels for a view at the current rect; nothing changes if a locator throws.
    void relocate(double x0, double x1, double y0, double y1) {
        std::vector<double> xt2, yt2;
        std::vector<std::string> xl2, yl2;
        if (spec.x_ticks) locate(spec.x_scale, x0, x1, rect[2], Axis::X, xt2, xl2);
        locate(spec.y_scale, y0, y1, rect[3], Axis::Y, yt2, yl2);
        xt = std::move(xt2);
        yt = std::move(yt2);
        xl = std::move(xl2);
        yl = std::move(yl2);
        view[0] = x0, view[1] = x1, view[2] = y0, view[3] = y1;
        if (xt != xt_drawn || yt != yt_drawn) dirty = true;
    }

    void rebuild() {
        std::vector<Vertex> v;
        auto quad = [&v](Vertex a, float w, float h) {
            // a: the bottom-left corner; w, h in pixels.
            const float dx[] = {0, w, w, 0, w, 0}, dy[] = {0, 0, h, 0, h, h};
            for (int i = 0; i < 6; ++i) {
                Vertex c = a;
                c.offset[0] += dx[i];
                c.offset[1] += dy[i];
                v.push_back(c);
            }
        };
        const Vertex solid{{0, 0}, {0, 0}, {0, 0}, {0, 0}};
        // The frame: four 1-pixel sides, on the rect's edges.
        for (int side = 0; side < 4; ++side) {
            Vertex a = solid;
            const bool vertical = side >= 2;
            a.frac[0] = side == 3 ? 1.0f : 0.0f;
            a.frac[1] = side == 1 ? 1.0f : 0.0f;
            const float len_x = static_cast<float>(std::round(rect[2])), len_y = static_cast<float>(std::round(rect[3]));
            if (side == 1) a.offset[1] = -1;
            if (side == 3) a.offset[0] = -1;
            quad(a, vertical ? 1 : len_x, vertical ? len_y : 1);
        }
        const float tick = static_cast<float>(spec.tick_px);
        for (std::size_t k = 0; k < xt.size(); ++k) {
            Vertex a = solid;
            a.data[0] = static_cast<float>(xt[k] - anchor[0]);
            a.mask[0] = 1;
            a.offset[1] = -tick;
            quad(a, 1, tick);
        }
        for (std::size_t k = 0; k < yt.size(); ++k) {
            Vertex a = solid;
            a.data[1] = static_cast<float>(yt[k] - anchor[1]);
            a.mask[1] = 1;
            a.offset[0] = -tick;
            quad(a, tick, 1);
        }
        std::vector<float> flat(v.size() * 8);
        std::memcpy(flat.data(), v.data(), flat.size() * sizeof(float));
        const Array array = Array::from(flat, {v.size(), 8});
        auto buffer = gloo::VertexBuffer::over(array);
        program["a_data"] = buffer.view({all, slice(0, 2)});
        program["a_mask"] = buffer.view({all, slice(2, 4)});
        program["a_frac"] = buffer.view({all, slice(4, 6)});
        program["a_offset"] = buffer.view({all, slice(6, 8)});
        count = v.size();
        bytes = flat.size() * sizeof(float);
        ++rebuilds;
        xt_drawn = xt;
        yt_drawn = yt;
        dirty = false;
    }

    // The labels of the ticks now, in window pixels (whole ones: coverage glyphs land texel
    // for pixel). A label already showing the same tick and text keeps its slot (only its
    // origin, one 16-byte texel, when its pixel changed); a new one takes a free slot of
    // its axis (set_text: that slot's glyph records) or is appended; a slot no longer
    // needed is emptied (set_text ""), kept for the next label of its axis.
    void place_labels() {
        const float tick = static_cast<float>(spec.tick_px), pad = 3;
        std::vector<Shown> want;
        auto add = [&](bool x_axis, const std::vector<double>& ticks, const std::vector<std::string>& texts) {
            const double v0 = x_axis ? view[0] : view[2], v1 = x_axis ? view[1] : view[3];
            const double length = x_axis ? rect[2] : rect[3];
            for (std::size_t k = 0; k < ticks.size(); ++k) {
                if (texts[k].empty()) continue;
                const double along = std::floor((x_axis ? rect[0] : rect[1]) + (ticks[k] - v0) / (v1 - v0) * length + 0.5);
                // x labels: centred under the tick's pixel column, their ascender a pad
                // below the tick; y labels: right-aligned left of the tick, centred on it.
                const glm::vec3 origin = x_axis ? glm::vec3(along, std::floor(rect[1] + 0.5) - tick - pad, 0)
                                                : glm::vec3(std::floor(rect[0] + 0.5) - tick - pad, along, 0);
                want.push_back({x_axis, ticks[k], texts[k], origin});
            }
        };
        add(true, xt, xl);
        add(false, yt, yl);
        std::vector<bool> placed(want.size(), false), kept(shown.size(), false);
        for (std::size_t i = 0; i < shown.size(); ++i) {
            if (shown[i].text.empty()) continue;
            for (std::size_t k = 0; k < want.size(); ++k)
                if (!placed[k] && want[k].x_axis == shown[i].x_axis && same_tick(want[k].tick, shown[i].tick, shown[i].x_axis ? view[1] - view[0] : view[3] - view[2]) &&
                    want[k].text == shown[i].text) {
                    placed[k] = kept[i] = true;
                    if (want[k].origin != shown[i].origin) labels.set_origin(i, shown[i].origin = want[k].origin);
                    break;
                }
        }
        for (std::size_t i = 0; i < shown.size(); ++i)
            if (!kept[i] && !shown[i].text.empty()) {
                labels.set_text(i, "");
                shown[i].text.clear();
            }
        for (std::size_t k = 0; k < want.size(); ++k) {
            if (placed[k]) continue;
            std::size_t i = 0;
            while (i < shown.size() && !(shown[i].text.empty() && !kept[i] && shown[i].x_axis == want[k].x_axis)) ++i;
            if (i < shown.size()) {
                labels.set_text(i, want[k].text);
                if (want[k].origin != shown[i].origin) labels.set_origin(i, want[k].origin);
            } else {
                const auto& c = spec.color;
                labels.append(want[k].text, spec.font,
                              {.size = spec.font_px,
                               .origin = want[k].origin,
                               .color = {static_cast<float>(c.r), static_cast<float>(c.g), static_cast<float>(c.b),
                                         static_cast<float>(c.a)},
                               .anchor_x = want[k].x_axis ? graphics::AnchorX::Center : graphics::AnchorX::Right,
                               .anchor_y = want[k].x_axis ? graphics::AnchorY::Top : graphics::AnchorY::Middle});
                shown.emplace_back();
                kept.push_back(true);
            }
            shown[i] = want[k];
            kept[i] = true;
        }
    }
};

AxesFrame::AxesFrame(Spec spec) {
    if (!(spec.font_px > 0 && spec.font_px <= 512))
        throw ValueError("AxesFrame: a font size of " + num(spec.font_px) + " px (0 to 512)");
    gloo::Program program(vertex_source, fragment_source);
    s_ = std::make_unique<State>(std::move(spec), std::move(program));
}

AxesFrame::AxesFrame(AxesFrame&&) noexcept = default;
AxesFrame& AxesFrame::operator=(AxesFrame&&) noexcept = default;
AxesFrame::~AxesFrame() = default;

void AxesFrame::set_rect(double x, double y, double width, double height) {
    if (!(width >= 1) || !(height >= 1) || !std::isfinite(x) || !std::isfinite(y) || !std::isfinite(width) ||
        !std::isfinite(height))
        throw ValueError("AxesFrame::set_rect: a rect of " + num(width) + " x " + num(height) + " at (" + num(x) + ", " +
                         num(y) + ") (at least 1 x 1, finite)");
    auto& s = *s_;
    const double r[4] = {x, y, width, height};
    if (std::equal(r, r + 4, s.rect)) return;
    // The rect's size sets how many ticks fit (tick_space) and where labels collide:
    // locate again for the view shown (valid: set_view accepted it, or the default).
    const double old[4] = {s.rect[0], s.rect[1], s.rect[2], s.rect[3]};
    std::copy(r, r + 4, s.rect);
    try {
        s.relocate(s.view[0], s.view[1], s.view[2], s.view[3]);
    } catch (...) {
        std::copy(old, old + 4, s.rect);
        throw;
    }
    s.dirty = true;
}

void AxesFrame::set_view(double x0, double x1, double y0, double y1) {
    try {
        s_->relocate(x0, x1, y0, y1);
    } catch (const ValueError& e) {
        throw ValueError("AxesFrame::set_view: the view x [" + num(x0) + ", " + num(x1) + "], y [" + num(y0) + ", " +
                         num(y1) + "]: " + e.what());
    }
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
    const auto& c = s.spec.color;
    p["u_color"] = glm::vec4(static_cast<float>(c.r), static_cast<float>(c.g), static_cast<float>(c.b), static_cast<float>(c.a));
    // Straight alpha for a translucent spec.color; the caller's blend enable and function
    // (all four factors) are put back after.
    const GLboolean blend = glIsEnabled(GL_BLEND);
    GLint factors[4];
    glGetIntegerv(GL_BLEND_SRC_RGB, &factors[0]);
    glGetIntegerv(GL_BLEND_DST_RGB, &factors[1]);
    glGetIntegerv(GL_BLEND_SRC_ALPHA, &factors[2]);
    glGetIntegerv(GL_BLEND_DST_ALPHA, &factors[3]);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    p.draw(gloo::Primitive::Triangles, 0, s.count);
    glBlendFuncSeparate(static_cast<GLenum>(factors[0]), static_cast<GLenum>(factors[1]), static_cast<GLenum>(factors[2]),
                        static_cast<GLenum>(factors[3]));
    if (!blend) glDisable(GL_BLEND);
    s.place_labels();
    s.labels.draw();
}

const std::vector<std::string>& AxesFrame::x_labels() const { return s_->xl; }
const std::vector<std::string>& AxesFrame::y_labels() const { return s_->yl; }
const std::vector<double>& AxesFrame::x_ticks() const { return s_->xt; }
const std::vector<double>& AxesFrame::y_ticks() const { return s_->yt; }
std::size_t AxesFrame::vertex_bytes() const { return s_->bytes; }
std::size_t AxesFrame::rebuilds() const { return s_->rebuilds; }

} // namespace glumpp::plot
