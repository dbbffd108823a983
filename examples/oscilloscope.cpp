// oscilloscope: glumpy's examples/oscilloscope.py, ported line by line. A trace of 150
// samples fades: every frame all intensities drop by 1/150 (one compound write through
// the program, `oscilloscope["intensity"] -= ...`) and one new sample is written at full
// intensity, walking backwards through the ring. --stats shows what that costs: the
// intensity block (600 B) and one y (4 B), no other byte.
//
// The samples are random (glumpy: np.random.uniform), so a screenshot matches glumpy's
// statistically (a green trace of the same amplitude and fading), not pixel for pixel.
#include <glumpp/app.hpp>

#include <random>

using namespace glumpp;

const char* vertex = R"(#version 330 core
in float x;
in float y;
in float intensity;
out float v_intensity;
void main() {
    v_intensity = intensity;
    gl_Position = vec4(x, y, 0.0, 1.0);
})";

const char* fragment = R"(#version 330 core
in float v_intensity;
out vec4 frag_color;
void main() { frag_color = vec4(0.0, v_intensity, 0.0, 1.0); })";

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "oscilloscope: a fading trace, one compound write per frame");
    app::Window window(options, 1024, 512, "oscilloscope");
    const std::size_t n = 150;
    gloo::Program oscilloscope(vertex, fragment, n); // y and intensity start at 0, as glumpy's
    std::vector<float> x(n);
    for (std::size_t i = 0; i < n; ++i) x[i] = -1.0f + 2.0f * static_cast<float>(i) / static_cast<float>(n - 1); // np.linspace(-1, 1, n)
    oscilloscope["x"] = Array::from(x);

    std::mt19937 rng(2);
    std::uniform_real_distribution<float> uniform(-0.25f, 0.25f);
    std::size_t index = 0;
    window.on_draw([&](double) {
        window.clear();
        oscilloscope.draw(gloo::Primitive::LineStrip);
        index = (index + n - 1) % n; // Python's (index - 1) % n
        oscilloscope["intensity"] -= 1.0 / static_cast<double>(n);
        oscilloscope.attribute("y").view({index}).fill(uniform(rng));
        oscilloscope.attribute("intensity").view({index}).fill(1.0f);
    });
    return app::run(window, options);
}
