// graph: glumpy's examples/graph.py, ported: a balanced tree (depth 4, branching 3: 121
// nodes, 120 edges) laid out by glumpy's force model at every 1/60 s tick (centring,
// attraction along edges, repulsion between all nodes), drawn as pink discs (15 px, a
// 2-px white edge) over grey 1-px segments, in window pixels with y up
// (OrthographicProjection(Position()) and a Viewport). An 800x800 white window; press a
// node and drag it (it stays where it is put while held).
//
// glumpy's initial positions are NumPy's unseeded uniform(0, 800); ours are
// RandomGenerator(1)'s (seeded, so the pictures repeat). glumpy's repulsion uses scipy's
// cdist(XY, XY, 'sqeuclidean'): computed here in the same loop. The model is glumpy's
// NumPy code line for line, in double as NumPy computes. `graph dump PREFIX` writes the
// initial positions and the positions after the last tick (PREFIX-initial.npy,
// PREFIX-final.npy, PREFIX-ticks.npy: how many ticks ran) for the test's NumPy oracle.
//
// What is sent per tick: every node's position, in the markers' and the segments' vertex
// records (7,692 B in 2 calls), as glumpy's `markers["position"] = N` and
// `segments["P0"] = ...` re-send them.
#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>
#include <glumpp/transforms.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

using namespace glumpp;

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "graph: a force-directed tree; drag its nodes");
    std::string dump;
    if (options.args.size() == 2 && options.args[0] == "dump") dump = options.args[1];
    else if (!options.args.empty()) {
        std::fprintf(stderr, "graph: unknown arguments (dump PREFIX, or nothing)\n");
        return 2;
    }
    app::Window window(options, 800, 800, "graph");
    window.set_clear_color({1, 1, 1, 1});

    // Balanced graph: node k's children are the next `branch` numbers, breadth first.
    const int depth = 4, branch = 3;
    const int n = (1 - int(std::pow(branch, depth + 1))) / (1 - branch);
    std::vector<int> src, tgt; // np.nonzero(A): sorted by source, then target
    for (int source = 0, next = 1; source < n && next < n; ++source)
        for (int i = 0; i < branch && next < n; ++i) src.push_back(source), tgt.push_back(next++);
    const std::size_t edges = src.size();

    RandomGenerator random(1);
    const auto initial = random.uniform(0, 800, {std::size_t(n), 3}).to_vector<double>();
    std::vector<double> X(n), Y(n); // N * (1, 1, 0): z is 0
    for (int i = 0; i < n; ++i) X[i] = initial[3 * i], Y[i] = initial[3 * i + 1];
    int selected = -1, ticks = 0;

    transforms::OrthographicProjection projection;
    projection.attach(window);
    const transforms::Call transform = projection(transforms::Position());
    transforms::Viewport viewport;
    graphics::MarkerCollection markers;
    graphics::SegmentCollection segments;
    markers.set_transform(transform);
    markers.set_viewport(viewport);
    segments.set_transform(transform);
    segments.set_viewport(viewport);

    std::vector<glm::vec2> points(n), ends(2 * edges);
    auto positions = [&] {
        for (int i = 0; i < n; ++i) points[i] = {float(X[i]), float(Y[i])};
        for (std::size_t e = 0; e < edges; ++e) ends[2 * e] = points[src[e]], ends[2 * e + 1] = points[tgt[e]];
    };
    positions();
    markers.append(points, {.shape = graphics::Marker::Disc, .size = 15, .color = {1, 0.5f, 0.5f, 1},
                            .edge_color = {1, 1, 1, 1}, .edge_width = 2});
    segments.append(ends, {.color = {0.75f, 0.75f, 0.75f, 1}, .width = 1, .edge = graphics::StrokeEdge::Agg});

    // glumpy's on_timer, line for line.
    std::vector<double> dx(edges), dy(edges), rx(n), ry(n);
    auto tick = [&](double) {
        const double keep_x = selected > -1 ? X[selected] : 0, keep_y = selected > -1 ? Y[selected] : 0;
        const double attraction = 0.4, repulsion = 25, length = 30;
        const double cx = window.width() / 2.0, cy = window.height() / 2.0;
        for (int i = 0; i < n; ++i) X[i] += 0.01 * (cx - X[i]), Y[i] += 0.01 * (cy - Y[i]);
        for (std::size_t e = 0; e < edges; ++e) {
            dx[e] = X[src[e]] - X[tgt[e]];
            dy[e] = Y[src[e]] - Y[tgt[e]];
            double L = std::max(std::sqrt(dx[e] * dx[e] + dy[e] * dy[e]), 1.0);
            L = (L - length) / L;
            dx[e] *= attraction * L;
            dy[e] *= attraction * L;
        }
        // X -= .5 bincount(src, D), then X += .5 bincount(tgt, D): sums first, as NumPy.
        std::vector<double> sx(n, 0.0), sy(n, 0.0), tx(n, 0.0), ty(n, 0.0);
        for (std::size_t e = 0; e < edges; ++e) sx[src[e]] += dx[e], sy[src[e]] += dy[e], tx[tgt[e]] += dx[e], ty[tgt[e]] += dy[e];
        for (int i = 0; i < n; ++i) X[i] -= 0.5 * sx[i];
        for (int i = 0; i < n; ++i) Y[i] -= 0.5 * sy[i];
        for (int i = 0; i < n; ++i) X[i] += 0.5 * tx[i];
        for (int i = 0; i < n; ++i) Y[i] += 0.5 * ty[i];
        // R = sum over j of (X_i - X_j) / max(|XY_i - XY_j|^2, 1), each axis normalized.
        double nx = 0, ny = 0;
        for (int i = 0; i < n; ++i) {
            double ax = 0, ay = 0;
            for (int j = 0; j < n; ++j) {
                const double ex = X[i] - X[j], ey = Y[i] - Y[j];
                const double dist = std::max(ex * ex + ey * ey, 1.0);
                ax += ex / dist;
                ay += ey / dist;
            }
            rx[i] = ax, ry[i] = ay;
            nx += ax * ax, ny += ay * ay;
        }
        nx = std::sqrt(nx), ny = std::sqrt(ny);
        for (int i = 0; i < n; ++i) X[i] += repulsion * rx[i] / nx, Y[i] += repulsion * ry[i] / ny;
        if (selected > -1) X[selected] = keep_x, Y[selected] = keep_y;
        positions();
        markers.set(0, points);
        segments.set(0, ends);
        ++ticks;
    };
    app::clock().schedule_interval(tick, 1.0 / 60.0);

    window.on_mouse_press([&](double x, double y, app::MouseButton) {
        double best = 0;
        selected = -1;
        for (int i = 0; i < n; ++i) {
            const double d = std::hypot(X[i] - x, Y[i] - (window.height() - y));
            if (selected < 0 || d < best) best = d, selected = i;
        }
        if (best > 10) selected = -1;
    });
    window.on_mouse_release([&](double, double, app::MouseButton) { selected = -1; });
    window.on_mouse_drag([&](double x, double y, double, double, unsigned) {
        if (selected > -1) X[selected] = x, Y[selected] = window.height() - y;
    });
    window.on_draw([&](double) {
        window.clear();
        segments.draw();
        markers.draw();
    });
    const int rc = app::run(window, options);
    if (!dump.empty()) {
        std::vector<double> final(3 * n, 0.0);
        for (int i = 0; i < n; ++i) final[3 * i] = X[i], final[3 * i + 1] = Y[i];
        save_npy(Array::from(initial, {std::size_t(n), 3}), dump + "-initial.npy");
        save_npy(Array::from(final, {std::size_t(n), 3}), dump + "-final.npy");
        save_npy(Array::from(std::vector<std::int64_t>{ticks}), dump + "-ticks.npy");
    }
    return rc;
}
