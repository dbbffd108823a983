// lorenz: glumpy's examples/lorenz.py, ported: the Lorenz attractor (50,000 Euler steps,
// normalized to [-1, 1] and centred) as one blue path, in a frame with a grid, major and
// minor ticks and tick labels, under a Trackball reset to theta 0, phi 0, zoom 16.5 (space
// resets it again). A 1000x800 white window; drag rotates, scroll zooms: the camera's
// uniforms only, no vertex or label record is sent again (`lorenz drag` scripts a drag).
//
// glumpy's pieces and ours: PathCollection("agg+") is graphics::PathCollection (width 1
// pixel under a transform chain, miter joins, butt caps: glumpy's defaults);
// SegmentCollection("agg") is graphics::SegmentCollection, both with glumpy's agg edge
// (StrokeEdge::Agg); the labels are a distance-field
// GlyphCollection placed in the world (glumpy's SDF glyphs: 48-px units times `scale`,
// here world_scale) in Open Sans, regular and bold (Debian's fonts-open-sans; glumpy's
// OpenSans-Bold.ttf is downloaded at run time). glumpy's anchor_y "top" puts the baseline
// ascender + descender below the origin, not the ascender (GlyphCollection.hpp): those
// labels are anchored at their top with the origin raised by the descender's depth, which
// is glumpy's placement.
#include "common/Linspace.hpp"
#include "common/ScriptedDrag.hpp"

#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>
#include <glumpp/transforms.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace glumpp;

namespace {

using examples::linspace;

// glumpy's lorenz(n): Euler steps of dt = 100 / n from (0, 1, 1.05), in double as NumPy.
std::vector<glm::vec3> lorenz(int n = 50000) {
    std::vector<glm::dvec3> P(n + 1);
    P[0] = {0.0, 1.0, 1.05};
    const double dt = 100.0 / n, s = 10, r = 28, b = 2.667;
    for (int i = 0; i < n; ++i) {
        const glm::dvec3 p = P[i];
        P[i + 1] = p + glm::dvec3(dt * (s * (p.y - p.x)), dt * (r * p.x - p.y - p.x * p.z), dt * (p.x * p.y - b * p.z));
    }
    double vmin = P[0].x, vmax = P[0].x;
    for (const auto& p : P)
        for (int k = 0; k < 3; ++k) vmin = std::min(vmin, p[k]), vmax = std::max(vmax, p[k]);
    for (auto& p : P) p = 2.0 * (p - vmin) / (vmax - vmin) - 1.0;
    for (int k = 0; k < 3; ++k) {
        double lo = P[0][k], hi = P[0][k];
        for (const auto& p : P) lo = std::min(lo, p[k]), hi = std::max(hi, p[k]);
        for (auto& p : P) p[k] -= (hi + lo) / 2.0;
    }
    return std::vector<glm::vec3>(P.begin(), P.end());
}

} // namespace

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "lorenz: the Lorenz attractor in a labelled frame, under a trackball");
    app::Window window(options, 1000, 800, "lorenz");
    window.set_clear_color({1, 1, 1, 1});

    transforms::Trackball transform;
    auto reset = [&] {
        transform.set_theta(0);
        transform.set_phi(0);
        transform.set_zoom(16.5f);
    };
    const transforms::Call chain = transform(transforms::Position());
    transforms::Viewport viewport;
    graphics::GlyphCollection labels(graphics::GlyphCollection::Mode::DistanceField);
    labels.set_transform(transform(transforms::Position()("position")));
    labels.set_viewport(viewport); // glumpy: GlyphCollection(..., viewport=viewport), as the paths
    graphics::PathCollection paths;
    graphics::SegmentCollection ticks;
    for (graphics::Collection* c : {static_cast<graphics::Collection*>(&paths), static_cast<graphics::Collection*>(&ticks)}) {
        c->set_transform(chain);
        c->set_viewport(viewport);
    }

    const float xmin = -1, xmax = 1, ymin = -1, ymax = 1; // exact in float32 and double
    const float z = 0;
    const text::Font regular = text::Font::open("Open Sans");
    const text::Font bold = text::Font::open("Open Sans:bold");
    const double scale = 0.001, em = 48; // glumpy's SDF units: 48 per em
    const double descent = -regular.metrics(em).descender * scale; // glumpy's "top" (see above)
    const auto ys = linspace(xmin, xmax, 11);
    for (int i = 0; i < 11; ++i) {
        char text[16];
        std::snprintf(text, sizeof text, "%.2f", i / 10.0);
        const float y = static_cast<float>(ys[i]);
        labels.append(text, regular, {.size = em, .origin = {1.05f, y, z}, .anchor_x = graphics::AnchorX::Left,
                                      .anchor_y = graphics::AnchorY::Middle, .placement = graphics::Placement::World,
                                      .world_scale = scale});
        labels.append(text, regular, {.size = em, .origin = {y, float(-1.05 + descent), z}, .anchor_x = graphics::AnchorX::Center,
                                      .anchor_y = graphics::AnchorY::Top, .placement = graphics::Placement::World,
                                      .world_scale = scale});
    }
    labels.append("Lorenz strange attractor", bold,
                  {.size = em, .origin = {0, 1.1f, z}, .anchor_x = graphics::AnchorX::Center, .anchor_y = graphics::AnchorY::Middle,
                   .placement = graphics::Placement::World, .world_scale = 2 * scale});

    // The frame, grids, major and minor ticks: glumpy's P0 -> P1 arrays, one item each.
    auto segments = [&](const std::vector<glm::vec3>& p0, const std::vector<glm::vec3>& p1, float width, glm::vec4 color = {0, 0, 0, 1}) {
        std::vector<glm::vec3> ends;
        for (std::size_t k = 0; k < p0.size(); ++k) ends.push_back(p0[k]), ends.push_back(p1[k]);
        ticks.append(ends, {.color = color, .width = width, .edge = graphics::StrokeEdge::Agg});
    };
    segments({{xmin, ymin, z}, {xmin, ymax, z}, {xmax, ymax, z}, {xmax, ymin, z}},
             {{xmin, ymax, z}, {xmax, ymax, z}, {xmax, ymin, z}, {xmin, ymin, z}}, 2);
    // (n - 2) lines at the inner values of linspace(min, max, n), from a to b across.
    auto across = [&](int n, bool vertical, double a0, double a1, float width, glm::vec4 color = {0, 0, 0, 1}) {
        const auto v = linspace(vertical ? xmin : ymin, vertical ? xmax : ymax, n);
        std::vector<glm::vec3> p0, p1;
        for (int k = 1; k < n - 1; ++k) {
            const float t = float(v[k]);
            p0.push_back(vertical ? glm::vec3(t, float(a0), z) : glm::vec3(float(a0), t, z));
            p1.push_back(vertical ? glm::vec3(t, float(a1), z) : glm::vec3(float(a1), t, z));
        }
        segments(p0, p1, width, color);
    };
    across(11, true, ymin, ymax, 1, {0, 0, 0, 0.25f}); // grid
    across(11, false, xmin, xmax, 1, {0, 0, 0, 0.25f});
    across(11, true, ymin - 0.015, ymin + 0.025 * (ymax - ymin), 1.5f); // majors
    across(11, true, ymax + 0.015, ymax - 0.025 * (ymax - ymin), 1.5f);
    across(11, false, xmin - 0.015, xmin + 0.025 * (xmax - xmin), 1.5f);
    across(11, false, xmax + 0.015, xmax - 0.025 * (xmax - xmin), 1.5f);
    across(111, true, ymin, ymin + 0.0125 * (ymax - ymin), 1); // minors
    across(111, true, ymax, ymax - 0.0125 * (ymax - ymin), 1);
    across(111, false, xmin, xmin + 0.0125 * (xmax - xmin), 1);
    across(111, false, xmax, xmax - 0.0125 * (xmax - xmin), 1);

    paths.append(lorenz(), false, {.color = {0, 0, 1, 1}, .width = 1, .edge = graphics::StrokeEdge::Agg});
    reset();
    transform.attach(window);

    if (int rc = glumpp::examples::script_drag(window, options, glumpp::app::MouseButton::Left, "lorenz")) return rc;
    window.on_key_press([&](app::Key key, unsigned) {
        if (key == app::Key::Space) reset();
    });
    window.on_draw([&](double) {
        window.clear();
        ticks.draw();
        labels.draw();
        paths.draw();
    });
    return app::run(window, options);
}
