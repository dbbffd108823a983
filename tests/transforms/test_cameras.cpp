// The 3-D cameras and projections: glumpy's own numbers for scripted event sequences
// (tests/golden/glumpy-cameras.csv, made by tests/tools/glumpy_cameras.py from glumpy's
// Trackball, TrackballPan and Arcball), hand-computed matrices, bad input, and the GPU
// against each CPU twin on random points.
#include "../gloo/GLTest.hpp"
#include "../TestUtil.hpp"
#include "Readback.hpp"

#include <glumpp/transforms.hpp>

#include <glm/gtc/matrix_transform.hpp>

#include <cmath>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>

using namespace glumpp;
using namespace glumpp::transforms;
using glumpp::test::gpu_forward;
using glumpp::test::message_of;

namespace {

// |got - want| <= tol * max(1, |want|), element by element.
void expect_matrix(const glm::mat4& got, const glm::dmat4& want, double tol, const std::string& what) {
    for (int c = 0; c < 4; ++c)
        for (int r = 0; r < 4; ++r)
            ASSERT_LE(std::abs(got[c][r] - want[c][r]), tol * std::max(1.0, std::abs(want[c][r])))
                << what << " [" << c << "][" << r << "]: " << got[c][r] << " vs " << want[c][r];
}

glm::dmat4 matrix(const std::vector<double>& v, std::size_t first) {
    glm::dmat4 m;
    for (int c = 0; c < 4; ++c)
        for (int r = 0; r < 4; ++r) m[c][r] = v.at(first + 4 * c + r); // numpy row-major = GL column-major
    return m;
}

// A window as far as attach() needs it: the handlers, and a way to fire them.
struct FakeWindow {
    enum class Key { A = 65, LeftShift = 340, RightShift = 344 };
    int w = 300, h = 200;
    int width() const { return w; }
    int height() const { return h; }
    std::vector<std::function<void(int, int)>> resize;
    std::vector<std::function<void(double, double, double, double, unsigned)>> drag;
    std::vector<std::function<void(double, double, double, double)>> scroll;
    std::vector<std::function<void(Key, unsigned)>> press, release;
    void on_resize(std::function<void(int, int)> f) { resize.push_back(std::move(f)); }
    void on_mouse_drag(std::function<void(double, double, double, double, unsigned)> f) { drag.push_back(std::move(f)); }
    void on_mouse_scroll(std::function<void(double, double, double, double)> f) { scroll.push_back(std::move(f)); }
    void on_key_press(std::function<void(Key, unsigned)> f) { press.push_back(std::move(f)); }
    void on_key_release(std::function<void(Key, unsigned)> f) { release.push_back(std::move(f)); }
};

class CameraTest : public test::GLTest {};

} // namespace

TEST(Cameras, ReplayGlumpysEventSequences) {
    std::ifstream in(GLUMPP_GLUMPY_CAMERAS);
    ASSERT_TRUE(in) << GLUMPP_GLUMPY_CAMERAS;
    std::string line;
    std::getline(in, line); // header
    std::optional<Trackball> trackball;
    std::optional<TrackballPan> pan;
    std::optional<Arcball> arcball;
    std::string current;
    int rows = 0;
    double worst_angle = 0;
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::string camera, event, cell;
        std::getline(ss, camera, ',');
        std::getline(ss, event, ',');
        std::vector<double> v;
        while (std::getline(ss, cell, ',')) v.push_back(std::stod(cell));
        ASSERT_EQ(v.size(), 5u + 5u + 48u) << line;
        if (camera != current) {
            current = camera;
            trackball.reset(), pan.reset(), arcball.reset();
            if (camera == "Trackball") trackball.emplace();
            else if (camera == "TrackballPan") pan.emplace();
            else arcball.emplace();
        }
        Camera& cam = trackball ? static_cast<Camera&>(*trackball) : pan ? static_cast<Camera&>(*pan) : *arcball;
        const double a = v[0], b = v[1], c = v[2], d = v[3];
        if (event == "resize") cam.resize(int(a), int(b));
        else if (event == "drag") {
            if (trackball) trackball->drag(a, b, c, d, unsigned(v[4]));
            if (pan) pan->drag(a, b, c, d, unsigned(v[4]));
            if (arcball) arcball->drag(a, b, c, d, unsigned(v[4]));
        } else if (event == "scroll") cam.scroll(a);
        else if (event == "zoom") cam.set_zoom(float(a));
        else if (event == "theta" || event == "phi") {
            if (trackball) event == "theta" ? trackball->set_theta(float(a)) : trackball->set_phi(float(a));
            if (pan) event == "theta" ? pan->set_theta(float(a)) : pan->set_phi(float(a));
            if (arcball) event == "theta" ? arcball->set_theta(float(a)) : arcball->set_phi(float(a));
        } else if (event == "shift") pan->set_shift(a != 0);
        else FAIL() << "unknown event " << event;
        // Read theta first, then phi, as the oracle did (glumpy's getters cache).
        const double theta = trackball ? trackball->theta() : pan ? pan->theta() : arcball->theta();
        const double phi = trackball ? trackball->phi() : pan ? pan->phi() : arcball->phi();
        const std::string what = camera + " row " + std::to_string(rows) + " (" + event + ")";
        // Angles: float32 results of double maths (glumpy keeps Python floats).
        ASSERT_NEAR(theta, v[5], 1e-4) << what;
        ASSERT_NEAR(phi, v[6], 1e-4) << what;
        worst_angle = std::max({worst_angle, std::abs(theta - v[5]), std::abs(phi - v[6])});
        ASSERT_NEAR(cam.zoom(), v[7], 1e-5 * v[7]) << what; // float32 vs glumpy's float
        if (pan) {
            ASSERT_NEAR(pan->pan().x, v[8], 1e-5) << what;
            ASSERT_NEAR(pan->pan().y, v[9], 1e-5) << what;
        }
        expect_matrix(cam.view(), matrix(v, 10), 1e-6, what + " view");
        expect_matrix(cam.model(), matrix(v, 26), 1e-5, what + " model");
        expect_matrix(cam.projection(), matrix(v, 42), 1e-5, what + " projection");
        ++rows;
    }
    EXPECT_GE(rows, 300);
    std::printf("%d rows of glumpy's camera states matched; worst angle difference %.3g degrees\n", rows, worst_angle);
}

TEST(Cameras, HandComputedMatrices) {
    // glumpy's perspective(40, 1, 2, 100): f = 1 / tan(20 deg), depth terms -(f+n)/(f-n), -2fn/(f-n).
    PVMProjection pvm;
    EXPECT_EQ(pvm.projection(), glm::mat4(1.0f)); // no projection before a size (glumpy's)
    pvm.resize(1024, 1024);
    const double f = 1.0 / std::tan(20.0 * M_PI / 180.0);
    glm::dmat4 want(0.0);
    want[0][0] = f, want[1][1] = f, want[2][2] = -102.0 / 98.0, want[3][2] = -400.0 / 98.0, want[2][3] = -1;
    expect_matrix(pvm.projection(), want, 1e-7, "pvm projection");
    expect_matrix(pvm.view(), glm::translate(glm::dmat4(1.0), {0, 0, -5}), 0, "pvm view");
    pvm.resize(2048, 1024); // aspect 2: x shrinks by 2
    EXPECT_NEAR(pvm.projection()[0][0], f / 2, 1e-6);
    // The point (1, 1, 1) seen at distance 5: z_eye = -4, clip w = 4.
    pvm.resize(1024, 1024);
    const glm::dvec4 clip = pvm(Position()).forward({1, 1, 1, 1});
    EXPECT_NEAR(clip.w, 4.0, 1e-6);
    EXPECT_NEAR(clip.x, f, 1e-6);

    // Orthographic: window pixels (y up) to [-1, 1].
    OrthographicProjection ortho;
    ortho.resize(800, 400);
    glm::dvec4 p = ortho(Position()).forward({700, 300, 0, 1});
    EXPECT_NEAR(p.x, 0.75, 1e-6);
    EXPECT_NEAR(p.y, 0.5, 1e-6);
    ortho.set_options({.aspect = {}, .xinvert = true, .yinvert = false, .znear = -1000, .zfar = 1000, .normalize = true});
    p = ortho(Position()).forward({0.5, 0.25, 0, 1});
    EXPECT_NEAR(p.x, -0.5, 1e-6); // x inverted over [-1, 1]
    EXPECT_NEAR(p.y, 0.25, 1e-6);
    // glumpy's aspect rule: aspect 2 > 1 scales x's bounds by 2 * 800 / 400 = 4.
    ortho.set_options({.aspect = 2.0f});
    p = ortho(Position()).forward({3200, 400, 0, 1});
    EXPECT_NEAR(p.x, 1.0, 1e-6);
    EXPECT_NEAR(p.y, 1.0, 1e-6);
    // aspect 0.5 <= 1 divides y's bounds by 0.5 * 800 / 400 = 1: unchanged.
    ortho.set_options({.aspect = 0.5f});
    EXPECT_NEAR(ortho(Position()).forward({800, 400, 0, 1}).y, 1.0, 1e-6);

    // Arcball: model = Rx(phi) Rz(theta). theta 90 takes x to y; then phi 90 takes y to z.
    Arcball arc({.theta = 90.0f, .phi = 90.0f});
    const glm::dvec4 m = glm::dmat4(arc.model()) * glm::dvec4(1, 0, 0, 1);
    EXPECT_NEAR(m.x, 0, 1e-6);
    EXPECT_NEAR(m.y, 0, 1e-6);
    EXPECT_NEAR(m.z, 1, 1e-6);

    // The virtual trackball at (0, 0) is the identity; theta 90 about x takes y to z.
    VirtualTrackball vt(90, 0);
    const glm::dvec4 q = glm::dmat4(vt.model()) * glm::dvec4(0, 1, 0, 1);
    EXPECT_NEAR(std::abs(q.z), 1, 1e-6);
    EXPECT_NEAR(vt.rotation().w, std::cos(M_PI / 4), 1e-12);
}

TEST(Cameras, DefaultsAndSharedState) {
    Trackball t;
    EXPECT_FLOAT_EQ(t.theta(), 45);
    EXPECT_FLOAT_EQ(t.phi(), 45);
    EXPECT_EQ(t.zoom(), 35);
    EXPECT_EQ(t.distance(), 8);
    EXPECT_EQ(t.aspect(), 1);
    EXPECT_EQ(t.znear(), 2);
    EXPECT_EQ(t.zfar(), 1000);
    Arcball a;
    EXPECT_EQ(a.theta(), 0);
    EXPECT_EQ(a.phi(), 0);
    EXPECT_EQ(a.model(), glm::mat4(1.0f));
    Trackball copy = t; // copies are one camera
    copy.set_zoom(1000);
    EXPECT_EQ(t.zoom(), 179); // glumpy's clamp
    copy.set_zoom(0.1f);
    EXPECT_EQ(t.zoom(), 1);
    copy.set_theta(10);
    EXPECT_FLOAT_EQ(t.theta(), 10);
    EXPECT_EQ(t.model(), copy.model());
    copy.set_distance(-3);
    EXPECT_EQ(t.distance(), 3); // |distance|, as glumpy
    TrackballPan p({.znear = 3, .zfar = 10, .distance = 5});
    TrackballPan p2 = p;
    p2.set_pan({0.25f, -0.5f});
    EXPECT_EQ(p.pan(), glm::vec2(0.25f, -0.5f));
    const std::uint64_t v = p.version();
    p.set_theta(0);
    EXPECT_GT(p.version(), v); // a uniform changed: programs upload it at their next draw
}

TEST(Cameras, BadInputIsRefusedAndChangesNothing) {
    Trackball t;
    t.resize(640, 480);
    const glm::mat4 before = t.projection();
    EXPECT_EQ(message_of<ValueError>([&] { t.resize(0, 480); }), "Trackball::resize: the size 0x480 is empty");
    EXPECT_EQ(message_of<ValueError>([&] { t.set_depth_range(5, 2); }), "Trackball::set_depth_range: znear 5, zfar 2 (needs 0 < znear < zfar)");
    EXPECT_EQ(message_of<ValueError>([&] { t.set_aspect(-1); }), "Trackball::set_aspect: aspect -1 (needs a positive aspect)");
    EXPECT_EQ(message_of<ValueError>([&] { t.set_zoom(NAN); }), "Trackball::set_zoom: zoom nan");
    EXPECT_EQ(t.projection(), before);
    EXPECT_EQ(t.width(), 640);
    EXPECT_EQ(message_of<ValueError>([] { Arcball({.znear = 0}); }), "Arcball: znear 0, zfar 1000 (needs 0 < znear < zfar)");
    PVMProjection pvm;
    EXPECT_EQ(message_of<ValueError>([&] { pvm.set_distance(0.5f); }), "PVMProjection::set_distance: distance 0.5 (needs distance > 1)");
    EXPECT_EQ(pvm.distance(), 5);
    EXPECT_EQ(message_of<ValueError>([&] { pvm.set_fovy(180); }), "PVMProjection::set_fovy: fovy 180 (needs 0 < fovy < 180)");
    EXPECT_EQ(message_of<ValueError>([&] { pvm.resize(10, -1); }), "PVMProjection::resize: the size 10x-1 is empty");
    OrthographicProjection ortho;
    EXPECT_EQ(message_of<ValueError>([&] { ortho.set_options({.znear = 1, .zfar = 1}); }),
              "OrthographicProjection::set_options: znear 1, zfar 1 (needs two different finite values)");
    EXPECT_EQ(ortho.options().znear, -1000);
    EXPECT_EQ(message_of<ValueError>([] { PerspectiveProjection({.fovy = 0}); }),
              "PerspectiveProjection: perspective: fovy 0, aspect 1, znear 2, zfar 1000 (needs 0 < fovy < 180, aspect > 0, 0 < znear < zfar)");
    VirtualTrackball vt;
    EXPECT_EQ(message_of<ValueError>([&] { vt.set_rotation({0, 0, 0, 0}); }), "VirtualTrackball::set_rotation: the quaternion (0, 0, 0, 0) is no rotation");
    EXPECT_EQ(vt.rotation(), glm::dvec4(0, 0, 0, 1));
}

// Messages print the number given, in the shortest text that reads back (not to_string's
// six fixed decimals, which printed 1e-7 as "0").
TEST(Cameras, MessagesPrintSmallNumbers) {
    Trackball t;
    EXPECT_EQ(message_of<ValueError>([&] { t.set_aspect(-1e-7); }), "Trackball::set_aspect: aspect -1e-07 (needs a positive aspect)");
    EXPECT_EQ(message_of<ValueError>([&] { t.set_depth_range(1e-7, 1e-8); }),
              "Trackball::set_depth_range: znear 1e-07, zfar 1e-08 (needs 0 < znear < zfar)");
    PVMProjection pvm;
    EXPECT_EQ(message_of<ValueError>([&] { pvm.set_distance(1e-7f); }), "PVMProjection::set_distance: distance 1e-07 (needs distance > 1)");
    EXPECT_EQ(message_of<ValueError>([&] { pvm.set_fovy(180.25f); }), "PVMProjection::set_fovy: fovy 180.25 (needs 0 < fovy < 180)");
}

// A NaN or infinite angle would make every later model matrix NaN (drags add to it).
TEST(Cameras, NonFiniteAnglesAreRefusedAndChangeNothing) {
    VirtualTrackball vt(30, 40);
    const glm::dvec4 q = vt.rotation();
    EXPECT_EQ(message_of<ValueError>([&] { vt.set_theta(NAN); }), "VirtualTrackball::set_theta: theta nan (needs a finite angle in degrees)");
    EXPECT_EQ(message_of<ValueError>([&] { vt.set_phi(INFINITY); }), "VirtualTrackball::set_phi: phi inf (needs a finite angle in degrees)");
    EXPECT_EQ(message_of<ValueError>([&] { vt.set_orientation(10, -INFINITY); }),
              "VirtualTrackball::set_orientation: phi -inf (needs a finite angle in degrees)");
    EXPECT_EQ(vt.rotation(), q);
    EXPECT_EQ(message_of<ValueError>([] { VirtualTrackball(NAN, 0); }), "VirtualTrackball::set_orientation: theta nan (needs a finite angle in degrees)");

    Trackball t;
    const glm::mat4 model = t.model();
    EXPECT_EQ(message_of<ValueError>([&] { t.set_theta(NAN); }), "Trackball::set_theta: theta nan (needs a finite angle in degrees)");
    EXPECT_EQ(message_of<ValueError>([&] { t.set_phi(-INFINITY); }), "Trackball::set_phi: phi -inf (needs a finite angle in degrees)");
    EXPECT_EQ(t.model(), model);

    Arcball a;
    a.set_theta(20);
    const glm::mat4 amodel = a.model();
    EXPECT_EQ(message_of<ValueError>([&] { a.set_theta(INFINITY); }), "Arcball::set_theta: theta inf (needs a finite angle in degrees)");
    EXPECT_EQ(message_of<ValueError>([&] { a.set_phi(NAN); }), "Arcball::set_phi: phi nan (needs a finite angle in degrees)");
    EXPECT_EQ(a.theta(), 20);
    EXPECT_EQ(a.model(), amodel);
}

TEST(Cameras, AttachFollowsTheWindow) {
    FakeWindow w;
    TrackballPan cam;
    cam.attach(w);
    EXPECT_EQ(cam.width(), 300);
    EXPECT_NEAR(cam.projection()[0][0] * 1.5, cam.projection()[1][1], 1e-6); // the window's aspect 3:2
    for (auto& f : w.resize) f(200, 400);
    EXPECT_EQ(cam.height(), 400);
    const glm::mat4 model = cam.model();
    for (auto& f : w.drag) f(100, 100, 10, 0, 1); // left button: rotates
    EXPECT_NE(cam.model(), model);
    EXPECT_EQ(cam.pan(), glm::vec2(0, 0));
    for (auto& f : w.drag) f(100, 100, 20, 40, 2); // right button: pans by (2 dx / w, -2 dy / h)
    EXPECT_NEAR(cam.pan().x, 0.2, 1e-6);
    EXPECT_NEAR(cam.pan().y, -0.2, 1e-6);
    for (auto& f : w.press) f(FakeWindow::Key::LeftShift, 0);
    EXPECT_TRUE(cam.shift());
    const glm::mat4 m2 = cam.model();
    for (auto& f : w.drag) f(100, 100, 20, 0, 1); // Shift + left: pans
    EXPECT_EQ(cam.model(), m2);
    EXPECT_NEAR(cam.pan().x, 0.4, 1e-6);
    for (auto& f : w.release) f(FakeWindow::Key::A, 0); // glumpy: any release clears Shift
    EXPECT_FALSE(cam.shift());
    for (auto& f : w.scroll) f(0, 0, 0, 10);
    EXPECT_NEAR(cam.zoom(), 35 * 0.9, 1e-5);
    PVMProjection pvm;
    pvm.attach(w);
    EXPECT_NEAR(pvm.projection()[1][1] / pvm.projection()[0][0], 1.5, 1e-6);
}

TEST_F(CameraTest, GpuMatchesEveryCpuTwin) {
    std::mt19937 rng(2027);
    std::uniform_real_distribution<float> u(-1, 1), angle(-180, 180), pixel(0, 500);
    std::vector<glm::vec3> points(257);
    for (auto& q : points) q = {u(rng), u(rng), u(rng)};
    double worst = 0;
    auto check = [&](const Call& chain, const std::string& what) {
        const auto gpu = gpu_forward(chain, points);
        for (std::size_t k = 0; k < points.size(); ++k) {
            const glm::dvec4 p{glm::dvec3(points[k]), 1.0};
            const glm::dvec4 cpu = chain.forward(p);
            const double err = glm::length(glm::dvec4(gpu[k]) - cpu) / std::max(1.0, glm::length(cpu));
            worst = std::max(worst, err);
            ASSERT_LE(err, 1e-5) << what << ", point " << k;
            const glm::dvec4 back = chain.inverse(cpu);
            ASSERT_LE(glm::length(back - p), 1e-5) << what << " inverse, point " << k;
        }
    };
    for (int trial = 0; trial < 6; ++trial) {
        Trackball t({.theta = angle(rng), .phi = angle(rng), .distance = 3 + 5 * std::abs(u(rng)), .zoom = 20 + 40 * std::abs(u(rng))});
        t.resize(640, 480);
        t.drag(pixel(rng), pixel(rng), 30 * u(rng), 30 * u(rng));
        check(t(Position()), "trackball");
        TrackballPan tp;
        tp.resize(300, 500);
        tp.drag(pixel(rng), pixel(rng), 30 * u(rng), 30 * u(rng));
        tp.drag(0, 0, 30 * u(rng), 30 * u(rng), 2);
        check(tp(Position()), "trackball-pan");
        Arcball a({.theta = angle(rng), .phi = angle(rng)});
        a.resize(500, 500);
        check(a(Translate({u(rng), u(rng), u(rng)})(Position())), "arcball(translate)");
        PVMProjection pvm;
        pvm.resize(1024, 768);
        pvm.set_model(glm::rotate(glm::mat4(1.0f), glm::radians(angle(rng)), glm::vec3(u(rng), u(rng), 1)));
        check(pvm(Position()), "pvm");
        OrthographicProjection ortho({.normalize = trial % 2 == 0});
        ortho.resize(800, 600);
        check(ortho(Scale({400, 300, 1})(Position())), "ortho(scale)");
        PerspectiveProjection persp;
        persp.resize(640, 480);
        check(persp(Translate({0, 0, -5})(Position())), "perspective(translate)");
    }
    RecordProperty("worst_relative_error", std::to_string(worst));
    std::printf("worst relative error GPU vs CPU twin, cameras and projections: %.3g\n", worst);
}

TEST_F(CameraTest, MovingTheCameraOnlyChangesUniforms) {
    // A camera that moves is uniforms only: no GLSL generated, no relink, no vertex bytes.
    Trackball t;
    t.resize(64, 64);
    Program p("#version 330\nin vec3 a_position;\nvoid main() { gl_Position = <transform>; }\n",
              "#version 330\nout vec4 c;\nvoid main() { c = vec4(1.0); }\n", 100);
    p["transform"] = t(Position()("a_position"));
    auto color = gloo::Texture2D::gpu_only({64, 64, 4}, DType::of<std::uint8_t>());
    gloo::FrameBuffer fb({color});
    auto on = fb.activated();
    p.draw(gloo::Primitive::Points);
    ASSERT_EQ(p.generations(), 1u);
    ctx.reset_frame_stats();
    for (int k = 0; k < 10; ++k) {
        t.drag(10 + k, 20, 3, 4);
        t.scroll(1);
        p.draw(gloo::Primitive::Points);
    }
    EXPECT_EQ(p.generations(), 1u);
    EXPECT_EQ(ctx.frame_stats().uploads.bytes_sent, 0u);
    EXPECT_GT(ctx.frame_stats().uniform_calls, 0u);
}

TEST(Cameras, PanZoomReplaysGlumpysMouse) {
    // glumpy's PanZoom(aspect=1) under drags, scrolls about the pointer, resizes and resets
    // (tests/golden/glumpy-panzoom.csv, by tests/tools/glumpy_cameras.py).
    std::ifstream in(GLUMPP_GLUMPY_PANZOOM);
    ASSERT_TRUE(in) << GLUMPP_GLUMPY_PANZOOM;
    std::string line;
    std::getline(in, line);
    PanZoom pz({.aspect = 1.0f});
    int rows = 0;
    double worst = 0;
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::string event, cell;
        std::getline(ss, event, ',');
        std::vector<double> v;
        while (std::getline(ss, cell, ',')) v.push_back(std::stod(cell));
        ASSERT_EQ(v.size(), 10u) << line;
        if (event == "resize") pz.resize(int(v[0]), int(v[1]));
        else if (event == "drag") pz.drag(v[0], v[1]);
        else if (event == "scroll") pz.scroll(v[0], v[1], v[2]);
        else if (event == "reset") pz.reset();
        else FAIL() << "unknown event " << event;
        const std::string what = "row " + std::to_string(rows) + " (" + event + ")";
        // float32 state against glumpy's doubles, over up to 200 accumulated events.
        auto near = [&](double got, double want, const char* name) {
            const double err = std::abs(got - want) / std::max(1.0, std::abs(want));
            worst = std::max(worst, err);
            EXPECT_LE(err, 1e-5) << what << " " << name << ": " << got << " vs " << want;
        };
        near(pz.zoom(), v[3], "zoom");
        near(pz.pan().x, v[4], "pan x");
        near(pz.pan().y, v[5], "pan y");
        near(pz.scale().x, v[6], "scale x");
        near(pz.scale().y, v[7], "scale y");
        ++rows;
    }
    EXPECT_GE(rows, 200);
    std::printf("%d rows of glumpy's PanZoom states matched; worst relative difference %.3g\n", rows, worst);
}

TEST(Cameras, BatchTwinsGiveThePerPointNumbers) {
    // forward_all / inverse_all (batch twins, uniforms read once) against forward / inverse
    // point by point: the same doubles, exactly.
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> u(-1, 1);
    std::vector<glm::dvec4> points(100);
    for (auto& p : points) p = {u(rng), u(rng), u(rng), 1};
    Trackball t;
    t.resize(300, 200);
    t.drag(10, 20, 5, 7);
    TrackballPan tp;
    tp.set_pan({0.25f, -0.125f});
    Arcball a({.theta = 30.0f, .phi = -20.0f});
    PVMProjection pvm;
    pvm.resize(640, 480);
    OrthographicProjection ortho;
    ortho.resize(640, 480);
    PerspectiveProjection persp;
    persp.resize(640, 480);
    PanZoom pz({.aspect = 1.0f, .pan = {0.1f, 0.2f}, .zoom = 2});
    pz.resize(400, 300);
    Rotate r({1, 2, 3}, 40, {0.5f, 0, 0});
    const std::vector<std::pair<std::string, Call>> chains = {
        {"trackball", t(Position())},
        {"trackball-pan(rotate)", tp(r(Position()))},
        {"arcball(scale)", a(Scale({2, 3, 4})(Position()))},
        {"pvm(translate)", pvm(Translate({0.5f, 0, -1})(Position()))},
        {"ortho", ortho(Position())},
        {"perspective(translate)", persp(Translate({0, 0, -4})(Position()))},
        {"panzoom(rotate(scale))", pz(r(Scale({1, -2, 1})(Position())))},
        {"rotate.inverse", r.call("inverse", {Arg(Position()())})},
    };
    for (const auto& [what, chain] : chains) {
        std::vector<glm::dvec4> fwd = points, inv = points;
        chain.forward_all(fwd);
        chain.inverse_all(inv);
        for (std::size_t k = 0; k < points.size(); ++k) {
            ASSERT_EQ(fwd[k], chain.forward(points[k])) << what << ", point " << k;
            ASSERT_EQ(inv[k], chain.inverse(points[k])) << what << " inverse, point " << k;
        }
    }
    // A snippet without a CPU twin: refused before any point changes.
    Snippet plain("vec4 f(vec4 p) { return p; }", "plain");
    std::vector<glm::dvec4> ps = points;
    EXPECT_EQ(message_of<ValueError>([&] { plain(Translate({1, 0, 0})(Position())).forward_all(ps); }),
              "Call::forward_all: snippet 'plain' has no CPU twin for 'f'");
    EXPECT_EQ(message_of<ValueError>([&] { Translate({1, 0, 0})(plain(Position())).inverse_all(ps); }),
              "Call::inverse_all: snippet 'plain' has no CPU inverse for 'f'");
    EXPECT_EQ(ps, points);
}
