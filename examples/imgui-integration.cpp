// imgui-integration: glumpy's examples/imgui-integration.py, ported. A colour cube seen
// through glumpy's TrackballPan (drag to rotate, shift-drag to pan, scroll to zoom) under a
// Dear ImGui main menu bar (File > Quit) and a "Cube" window whose slider sets the zoom.
//
// Same data (glumpy's colorcube: 24 vertices, 36 filled and 48 outline indices), the same
// trackball (theta = phi = 0, zoom 50, distance 5, znear 3, zfar 10), the same GL state and
// draws (filled with polygon offset and no blending, then the outline with blending and no
// depth writes), the same window (1024x1024, clear colour 0.30, 0.30, 0.35). Mouse and
// keys go to ImGui first: the trackball only sees what ImGui does not want (glumpy's
// glfw_imgui backend does the same). The widgets are ImGui 1.86's (glumpy used pyimgui);
// the scene is compared with glumpy's own image in tests/golden.
#include <glumpp/app.hpp>
#include <glumpp/imgui.hpp>

#include <glm/glm.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/type_ptr.hpp>

#include <array>
#include <cmath>

using namespace glumpp;

namespace {

const char* vertex = R"(#version 330 core
uniform vec4 u_color;
uniform mat4 trackball_view;
uniform mat4 trackball_model;
uniform mat4 trackball_projection;
uniform vec2 trackball_pan;
in vec3 position;
in vec4 color;
out vec4 v_color;
void main() {
    v_color = u_color * color;
    vec4 p = trackball_projection * trackball_view * trackball_model * vec4(position, 1.0);
    p.xy = trackball_pan * p.w + p.xy;   // glumpy's transforms/trackball-pan.glsl
    gl_Position = p;
})";

const char* fragment = R"(#version 330 core
in vec4 v_color;
out vec4 frag_color;
void main() { frag_color = v_color; })";

// glumpy's geometry/colorcube.py (size 2).
struct Vertex {
    glm::vec3 position;
    glm::vec2 texcoord;
    glm::vec3 normal;
    glm::vec4 color;
};
GLUMPP_DTYPE(Vertex, position, texcoord, normal, color);

// glumpy's transforms/_trackball.py: a quaternion, driven by drags on a deformed sphere.
using Quat = std::array<double, 4>; // x, y, z, w
Quat q_add(const Quat& a, const Quat& b) {
    const glm::dvec3 va(a[0], a[1], a[2]), vb(b[0], b[1], b[2]);
    const glm::dvec3 t = va * b[3] + vb * a[3] + glm::cross(vb, va);
    return {t.x, t.y, t.z, a[3] * b[3] - glm::dot(va, vb)};
}
glm::mat4 q_rotmatrix(const Quat& q) {
    // glumpy fills a row-major numpy array that GL reads column by column: the same 16
    // floats, read column-major here.
    float m[16] = {};
    m[0] = float(1 - 2 * (q[1] * q[1] + q[2] * q[2]));
    m[1] = float(2 * (q[0] * q[1] - q[2] * q[3]));
    m[2] = float(2 * (q[2] * q[0] + q[1] * q[3]));
    m[4] = float(2 * (q[0] * q[1] + q[2] * q[3]));
    m[5] = float(1 - 2 * (q[2] * q[2] + q[0] * q[0]));
    m[6] = float(2 * (q[1] * q[2] - q[0] * q[3]));
    m[8] = float(2 * (q[2] * q[0] - q[1] * q[3]));
    m[9] = float(2 * (q[1] * q[2] + q[0] * q[3]));
    m[10] = float(1 - 2 * (q[1] * q[1] + q[0] * q[0]));
    m[15] = 1;
    return glm::make_mat4(m);
}

struct Trackball {
    Quat rotation{0, 0, 0, 1};
    int count = 0;
    static constexpr double size = 0.8;
    void set_orientation(double theta, double phi) {
        const double a = theta * M_PI / 180, b = phi * M_PI / 180;
        rotation = q_add({std::sin(a / 2), 0, 0, std::cos(a / 2)}, {0, 0, std::sin(b / 2), std::cos(b / 2)});
    }
    static double project(double x, double y) {
        const double d = std::sqrt(x * x + y * y);
        if (d < size * 0.70710678118654752440) return std::sqrt(size * size - d * d);
        const double t = size / 1.41421356237309504880;
        return t * t / d;
    }
    void drag_to(double x, double y, double dx, double dy) {
        Quat q{0, 0, 0, 1};
        if (dx != 0 || dy != 0) {
            const glm::dvec3 last(x, y, project(x, y)), next(x + dx, y + dy, project(x + dx, y + dy));
            const glm::dvec3 axis = glm::cross(next, last);
            const double t = std::clamp(glm::length(last - next) / (2 * size), -1.0, 1.0);
            const double phi = 2 * std::asin(t);
            const double len = glm::length(axis);
            const glm::dvec3 v = len > 0 ? axis / len * std::sin(phi / 2) : axis * std::sin(phi / 2);
            q = {v.x, v.y, v.z, std::cos(phi / 2)};
        }
        rotation = q_add(q, rotation);
        if (++count > 97) { // glumpy's _RENORMCOUNT
            const double n = std::sqrt(rotation[0] * rotation[0] + rotation[1] * rotation[1] + rotation[2] * rotation[2] + rotation[3] * rotation[3]);
            for (double& c : rotation) c /= n;
            count = 0;
        }
    }
    glm::mat4 model() const { return q_rotmatrix(rotation); }
};

} // namespace

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "imgui-integration: a colour cube under Dear ImGui widgets");
    app::Window window(options, 1024, 1024, "imgui-integration");
    window.set_clear_color({0.30f, 0.30f, 0.35f, 1.00f});

    // Build cube data
    const int p[8][3] = {{1, 1, 1}, {-1, 1, 1}, {-1, -1, 1}, {1, -1, 1}, {1, -1, -1}, {1, 1, -1}, {-1, 1, -1}, {-1, -1, -1}};
    const int n[6][3] = {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}, {-1, 0, 1}, {0, -1, 0}, {0, 0, -1}}; // glumpy's, (-1, 0, 1) included
    const int c[8][4] = {{0, 1, 1, 1}, {0, 0, 1, 1}, {0, 0, 0, 1}, {0, 1, 0, 1}, {1, 1, 0, 1}, {1, 1, 1, 1}, {1, 0, 1, 1}, {1, 0, 0, 1}};
    const int t[4][2] = {{0, 0}, {0, 1}, {1, 1}, {1, 0}};
    const int faces[24] = {0, 1, 2, 3, 0, 3, 4, 5, 0, 5, 6, 1, 1, 6, 7, 2, 7, 4, 3, 2, 4, 7, 6, 5};
    const int faces_t[24] = {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 3, 2, 1, 0, 0, 1, 2, 3, 0, 1, 2, 3};
    auto vertices = gloo::VertexBuffer::zeros<Vertex>({24});
    auto v = vertices.as<Vertex>();
    for (int k = 0; k < 24; ++k) {
        const int* pk = p[faces[k]];
        const int* ck = c[faces[k]];
        const int* nk = n[k / 4];
        v[k] = {{pk[0], pk[1], pk[2]}, {t[faces_t[k]][0], t[faces_t[k]][1]}, {nk[0], nk[1], nk[2]}, {ck[0], ck[1], ck[2], ck[3]}};
    }
    std::vector<std::uint32_t> filled, outline;
    for (std::uint32_t f = 0; f < 6; ++f) {
        for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) filled.push_back(4 * f + i);
        for (std::uint32_t i : {0u, 1u, 1u, 2u, 2u, 3u, 3u, 0u}) outline.push_back(4 * f + i);
    }
    auto faces_buffer = gloo::IndexBuffer::from(filled);
    auto outline_buffer = gloo::IndexBuffer::from(outline);

    gloo::Program cube(vertex, fragment);
    cube["position"] = vertices["position"];
    cube["color"] = vertices["color"];

    // TrackballPan(Position("position"), znear=3, zfar=10, distance=5); aspect 1, phi 0,
    // theta 0, zoom 50.
    Trackball trackball;
    trackball.set_orientation(45, 45); // glumpy's initial Trackball(45, 45) ...
    trackball.set_orientation(45, 0);  // ... then phi = 0 ...
    trackball.set_orientation(0, 0);   // ... then theta = 0
    const float znear = 3, zfar = 10, aspect = 1;
    float zoom = 50, width = float(window.width()), height = float(window.height());
    glm::vec2 pan(0, 0);
    bool shift = false;
    auto update_projection = [&] {
        cube["trackball_projection"] = glm::perspective(glm::radians(zoom), width / height * aspect, znear, zfar);
    };
    cube["trackball_view"] = glm::translate(glm::mat4(1.0f), glm::vec3(0, 0, -5));
    cube["trackball_model"] = trackball.model();
    cube["trackball_pan"] = pan;
    update_projection();

    imgui::Gui gui(window);

    window.on_draw([&](double) {
        // GUI
        gui.new_frame();
        if (ImGui::BeginMainMenuBar()) {
            if (ImGui::BeginMenu("File", true)) {
                if (ImGui::MenuItem("Quit", "ESC", false, true)) window.close();
                ImGui::EndMenu();
            }
            ImGui::EndMainMenuBar();
        }
        ImGui::Begin("Cube");
        float z = zoom;
        if (ImGui::SliderFloat("zoom", &z, 15, 90)) {
            zoom = std::clamp(z, 1.0f, 179.0f);
            update_projection();
        }
        ImGui::End();
        ImGui::EndFrame();

        window.clear();

        // Filled cube
        glDisable(GL_BLEND);
        glEnable(GL_DEPTH_TEST);
        glEnable(GL_POLYGON_OFFSET_FILL);
        cube["u_color"] = glm::vec4(1, 1, 1, 1);
        cube.draw(gloo::Primitive::Triangles, faces_buffer);

        // Outlined cube
        glDisable(GL_POLYGON_OFFSET_FILL);
        glEnable(GL_BLEND);
        glDepthMask(GL_FALSE);
        cube["u_color"] = glm::vec4(0, 0, 0, 1);
        cube.draw(gloo::Primitive::Lines, outline_buffer);
        glDepthMask(GL_TRUE);

        gui.render(); // glumpy's backend draws ImGui's frame after on_draw
    });

    // window.attach(cube['transform']): the trackball's own handlers.
    window.on_resize([&](int w, int h) {
        width = float(w);
        height = float(h);
        update_projection();
    });
    window.on_mouse_drag([&](double x, double y, double dx, double dy, unsigned) {
        if (shift) {
            pan += glm::vec2(float(2 * dx / width), float(-2 * dy / height));
            cube["trackball_pan"] = pan;
        } else {
            trackball.drag_to((x * 2.0 - width) / width, (height - y * 2.0) / height, 2.0 * dx / width, -(2.0 * dy) / height);
            cube["trackball_model"] = trackball.model();
        }
    });
    window.on_mouse_scroll([&](double, double, double, double dy) {
        zoom = std::clamp(float(zoom * (1 - dy / 100)), 1.0f, 179.0f);
        update_projection();
    });
    window.on_key_press([&](app::Key k, unsigned) { shift = shift || k == app::Key::LeftShift || k == app::Key::RightShift; });
    window.on_key_release([&](app::Key, unsigned) { shift = false; });

    // OpenGL
    glEnable(GL_DEPTH_TEST);
    glPolygonOffset(1, 1);
    glEnable(GL_LINE_SMOOTH);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);

    return app::run(window, options);
}
