// Collections on real GL (Mesa llvmpipe through EGL):
//   tiger/load              parse + flatten the tiger (svg::Document::load)
//   tiger/load_triangulate  ... + tessellate every fill (the CPU work before any GL)
//   tiger/scene             ... + build the two collections (SvgScene: buffers, shaders)
//   tiger/frame/1000        one frame at 1000x1000 offscreen: clear, 2 draws, glFinish
//   edit_color/{ours,all}   one item's color in a 10,000-item polygon collection: its one
//                           texel, or (baseline) the whole shared texture re-sent
//   edit_geometry/{ours,all} one item's vertices (same count): its bytes, or the whole
//                           vertex buffer re-sent
//   erase/{ours,recreate}/k erase item k of 10,000 (first, middle, last): ItemList moves
//                           the tail and re-sends the moved span; glumpy's way copies the
//                           remaining elements into a new array and uploads a new buffer
//                           whole, wherever the item was
// Counters: bytes uploaded per iteration (`bytes`), draw calls per frame (`draw_calls`).
// Every iteration ends with glFinish, so times include the GPU's (llvmpipe's) work.

#include <glumpp/graphics.hpp>

#include <benchmark/benchmark.h>

#include <filesystem>

using namespace glumpp;
using namespace glumpp::graphics;

namespace {

const std::filesystem::path tiger_path = std::filesystem::path(GLUMPP_DATA_DIR) / "tiger.svg";

gloo::Context& context() {
    static gloo::Context ctx = gloo::Context::headless();
    ctx.make_current();
    return ctx;
}

bool have_tiger(benchmark::State& state) {
    if (std::filesystem::exists(tiger_path)) return true;
    state.SkipWithError(("no tiger at " + tiger_path.string()).c_str());
    return false;
}

void tiger_load(benchmark::State& state) {
    if (!have_tiger(state)) return;
    for (auto _ : state) benchmark::DoNotOptimize(svg::Document::load(tiger_path));
}
BENCHMARK(tiger_load)->Name("tiger/load")->Unit(benchmark::kMillisecond);

void tiger_load_triangulate(benchmark::State& state) {
    if (!have_tiger(state)) return;
    svg::Tessellator tess;
    std::size_t triangles = 0;
    for (auto _ : state) {
        const auto doc = svg::Document::load(tiger_path);
        triangles = 0;
        for (const auto& shape : doc.shapes()) {
            if (shape.fill) triangles += tess.fill(shape.subpaths, shape.fill->rule).triangle_count();
        }
    }
    state.counters["triangles"] = double(triangles);
}
BENCHMARK(tiger_load_triangulate)->Name("tiger/load_triangulate")->Unit(benchmark::kMillisecond);

void tiger_scene(benchmark::State& state) {
    if (!have_tiger(state)) return;
    context();
    for (auto _ : state) {
        SvgScene scene(svg::Document::load(tiger_path));
        benchmark::DoNotOptimize(scene.fills().size());
    }
}
BENCHMARK(tiger_scene)->Name("tiger/scene")->Unit(benchmark::kMillisecond);

void tiger_frame(benchmark::State& state) {
    if (!have_tiger(state)) return;
    const auto side = std::size_t(state.range(0));
    gloo::Context& ctx = context();
    gloo::FrameBuffer target({gloo::RenderBuffer::color(side, side)}, gloo::RenderBuffer::depth(side, side));
    auto on = target.activated();
    SvgScene scene(svg::Document::load(tiger_path, {.scale = double(side) / 1000.0}));
    PanZoom view({0, 0, 1000, 1000});
    view.resize(int(side), int(side));
    scene.set_transform(view);
    auto frame = [&] {
        glClearColor(1, 1, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        scene.draw();
        glFinish();
    };
    frame(); // the first frame uploads everything
    ctx.reset_frame_stats();
    for (auto _ : state) frame();
    const auto& stats = ctx.frame_stats();
    state.counters["draw_calls"] = benchmark::Counter(double(stats.draw_calls), benchmark::Counter::kAvgIterations);
    state.counters["bytes"] = benchmark::Counter(double(stats.uploads.bytes_sent), benchmark::Counter::kAvgIterations);
    state.counters["fill_vertices"] = double(scene.fills().vertices().count());
    state.counters["stroke_segments"] = double(scene.strokes().vertices().count());
}
BENCHMARK(tiger_frame)->Name("tiger/frame")->Arg(1000)->Unit(benchmark::kMillisecond);

/// 10,000 small triangles, one item each, synced.
PolygonCollection ten_thousand() {
    PolygonCollection polygons;
    for (int k = 0; k < 10000; ++k) {
        const double x = k % 100, y = k / 100;
        polygons.append(Polyline{{{x, y}, {x + 0.5, y}, {x, y + 0.5}}, true});
    }
    return polygons;
}

template <class Buffer>
std::size_t sent(const Buffer& b) {
    return b.upload_stats().bytes_sent;
}

void edit_color(benchmark::State& state, bool resend_all) {
    context();
    PolygonCollection polygons = ten_thousand();
    gloo::Texture2D texture = polygons.shared_texture(); // the same GPU texture (a handle)
    texture.sync();
    const std::size_t before = sent(texture);
    std::size_t k = 0;
    for (auto _ : state) {
        k = (k + 7919) % 10000;
        polygons.set_color(k, {float(k % 2), 0.5f, 0.25f, 1.0f});
        if (resend_all) texture.write(); // marks every texel, as re-creating it would send
        texture.sync();
        glFinish();
    }
    state.counters["bytes"] = benchmark::Counter(double(sent(texture) - before), benchmark::Counter::kAvgIterations);
}
BENCHMARK_CAPTURE(edit_color, ours, false)->Name("edit_color/ours");
BENCHMARK_CAPTURE(edit_color, all, true)->Name("edit_color/all");

void edit_geometry(benchmark::State& state, bool resend_all) {
    context();
    PolygonCollection polygons = ten_thousand();
    gloo::VertexBuffer vertices = polygons.vertices().buffer(); // the same GPU buffer
    vertices.sync();
    const std::size_t before = sent(vertices);
    std::size_t k = 0;
    for (auto _ : state) {
        k = (k + 7919) % 10000;
        const double x = double(k % 100) + 0.1, y = double(k / 100);
        polygons.set(k, std::vector<Polyline>{{{{x, y}, {x + 0.5, y}, {x, y + 0.5}}, true}});
        if (resend_all) vertices.write();
        vertices.sync();
        glFinish();
    }
    state.counters["bytes"] = benchmark::Counter(double(sent(vertices) - before), benchmark::Counter::kAvgIterations);
}
BENCHMARK_CAPTURE(edit_geometry, ours, false)->Name("edit_geometry/ours");
BENCHMARK_CAPTURE(edit_geometry, all, true)->Name("edit_geometry/all");

struct Vertex {
    glm::vec2 position;
    std::uint32_t item;
};
GLUMPP_DTYPE(Vertex, position, item);

Array triangle_item(std::uint32_t k) {
    const std::vector<Vertex> v = {{{0, 0}, k}, {{1, 0}, k}, {{0, 1}, k}};
    return Array::from(v);
}

void erase_ours(benchmark::State& state) {
    context();
    const auto at = std::size_t(state.range(0));
    VertexList list(DType::of<Vertex>());
    for (std::uint32_t k = 0; k < 10000; ++k) list.append(triangle_item(k));
    list.buffer().sync();
    const Array item = list[at].copy();
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::size_t before = sent(list.buffer());
        list.erase(at);
        list.buffer().sync();
        glFinish();
        bytes += sent(list.buffer()) - before;
        state.PauseTiming(); // put it back for the next iteration
        list.insert(at, item);
        list.buffer().sync();
        glFinish();
        state.ResumeTiming();
    }
    state.counters["bytes"] = benchmark::Counter(double(bytes), benchmark::Counter::kAvgIterations);
}
BENCHMARK(erase_ours)->Name("erase/ours")->Arg(0)->Arg(5000)->Arg(9999);

// glumpy's ArrayList delete + collection update: the remaining elements copied into a new
// array, and a new GPU buffer made from it (everything sent).
void erase_recreate(benchmark::State& state) {
    context();
    VertexList list(DType::of<Vertex>());
    for (std::uint32_t k = 0; k < 10000; ++k) list.append(triangle_item(k));
    const Array all = list.buffer().view({slice(0, std::ptrdiff_t(list.count()))});
    const auto at = std::size_t(state.range(0));
    const auto start = std::ptrdiff_t(list.bounds(at).start), stop = std::ptrdiff_t(list.bounds(at).stop);
    const auto n = std::ptrdiff_t(list.count());
    std::size_t bytes = 0;
    for (auto _ : state) {
        Array rest = Array::zeros({std::size_t(n - (stop - start))}, DType::of<Vertex>());
        rest.view({slice(0, start)}).assign(all.view({slice(0, start)}));
        rest.view({slice(start)}).assign(all.view({slice(stop, n)}));
        auto buffer = gloo::VertexBuffer::over(rest);
        buffer.sync();
        glFinish();
        bytes += sent(buffer);
    }
    state.counters["bytes"] = benchmark::Counter(double(bytes), benchmark::Counter::kAvgIterations);
}
BENCHMARK(erase_recreate)->Name("erase/recreate")->Arg(0)->Arg(5000)->Arg(9999);

} // namespace

BENCHMARK_MAIN();
