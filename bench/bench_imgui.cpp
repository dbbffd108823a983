// What glumpp adds to a host that already renders: a Dear ImGui frame alone (0), with a
// glumpp scene of 1e6 vertices that do not change (1), and with the same scene drawn by
// hand in raw GL (2: its own program, VAO and buffer; the floor for any library). Between 1
// and 2 lies glumpp's own cost: no upload after the first frame, no state query.
// Counters: bytes uploaded and draw calls in the last frame (glumpp's statistics), and the
// time of the draw call's submission (llvmpipe shades vertices in the calling thread, so
// this is mostly llvmpipe's; the frame time, ended by glFinish, includes rasterization).
#include <glumpp/app.hpp>
#include <glumpp/imgui.hpp>

#include <benchmark/benchmark.h>

#include <chrono>
#include <random>

using namespace glumpp;

namespace {

const char* vs = R"(#version 330 core
in vec2 a_position;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); gl_PointSize = 1.0; })";
const char* fs = R"(#version 330 core
out vec4 f;
void main() { f = vec4(1.0, 0.5, 0.0, 1.0); })";

constexpr std::size_t vertices = 1'000'000;

struct Host {
    app::Window window{[] {
        app::WindowConfig c;
        c.width = 512;
        c.height = 512;
        c.backend = app::Backend::Offscreen;
        c.title = "bench_imgui";
        return c;
    }()};
    imgui::Gui gui{window};
    gloo::Program scene{vs, fs, vertices};
    float value = 0.5f;
    GLuint raw_program = 0, raw_vao = 0, raw_buffer = 0;
    Host() {
        std::mt19937 rng(1);
        std::uniform_real_distribution<float> u(-1, 1);
        std::vector<float> xy(2 * vertices);
        for (float& v : xy) v = u(rng);
        scene["a_position"] = Array::from<float>(xy, {vertices, 2});
        // The same scene in raw GL, as a host would write it.
        window.activate();
        auto shader = [](GLenum type, const char* source) {
            GLuint s = glCreateShader(type);
            glShaderSource(s, 1, &source, nullptr);
            glCompileShader(s);
            return s;
        };
        raw_program = glCreateProgram();
        glAttachShader(raw_program, shader(GL_VERTEX_SHADER, vs));
        glAttachShader(raw_program, shader(GL_FRAGMENT_SHADER, fs));
        glBindAttribLocation(raw_program, 0, "a_position");
        glLinkProgram(raw_program);
        glGenVertexArrays(1, &raw_vao);
        glGenBuffers(1, &raw_buffer);
        glBindVertexArray(raw_vao);
        glBindBuffer(GL_ARRAY_BUFFER, raw_buffer);
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(xy.size() * sizeof(float)), xy.data(), GL_STATIC_DRAW);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
        glEnableVertexAttribArray(0);
        glBindVertexArray(0);
    }
    // One host frame: ImGui widgets, optionally glumpp's scene under them.
    double frame(int scene_kind) {
        window.activate();
        window.context().reset_frame_stats();
        gui.new_frame();
        ImGui::Begin("bench");
        ImGui::SliderFloat("value", &value, 0, 1);
        ImGui::Text("%zu vertices", vertices);
        ImGui::End();
        window.clear();
        double submit = 0;
        const auto t0 = std::chrono::steady_clock::now();
        if (scene_kind == 1) scene.draw(gloo::Primitive::Points);
        if (scene_kind == 2) {
            glUseProgram(raw_program);
            glBindVertexArray(raw_vao);
            glDrawArrays(GL_POINTS, 0, GLsizei(vertices));
        }
        if (scene_kind != 0) submit = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        gui.render();
        glFinish();
        return submit;
    }
};

Host& host() {
    static Host h;
    return h;
}

void BM_ImGuiFrame(benchmark::State& state) {
    const int kind = int(state.range(0));
    Host& h = host();
    h.frame(kind); // the first frame uploads the vertices
    double submit = 0;
    for (auto _ : state) submit += h.frame(kind);
    const auto& stats = h.window.context().frame_stats();
    state.counters["upload_B"] = double(stats.uploads.bytes_sent);
    state.counters["draw_calls"] = double(stats.draw_calls);
    state.counters["draw_submit_us"] = 1e6 * submit / double(state.iterations());
    state.SetLabel(kind == 0 ? "ImGui alone" : kind == 1 ? "ImGui + glumpp scene (1e6 vertices, unchanged)" : "ImGui + the same scene in raw GL");
}
BENCHMARK(BM_ImGuiFrame)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->MinTime(1.0);

} // namespace

BENCHMARK_MAIN();
