// glumpp::geometry against glumpy.geometry itself: every case calls the glumpp function
// with the parameters tests/tools/glumpy_geometry.py gave glumpy's, and compares dtype,
// shape and every byte with what glumpy returned (tests/golden/geometry/CASE.*.npy), and
// a fixed batch of 300 random calls with glumpy's answers as CRC-32s (random-batch.txt).
#include <glumpp/array/Npy.hpp>
#include <glumpp/geometry.hpp>

#include "../TestUtil.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <numbers>
#include <sstream>
#include <tuple>

using namespace glumpp;
using glumpp::test::message_of;

namespace {

std::vector<Array> arrays(const geometry::Mesh& m) { return {m.vertices, m.indices}; }
std::vector<Array> arrays(const geometry::ColorCube& c) { return {c.vertices, c.filled, c.outline}; }

glm::dvec3 torus_surface(double u, double v) {
    return {(1 + 0.4 * std::cos(v)) * std::cos(u), (1 + 0.4 * std::cos(v)) * std::sin(u), 0.4 * std::sin(v)};
}
glm::dvec3 sphere_surface(double u, double v) { return {std::sin(v) * std::cos(u), std::sin(v) * std::sin(u), std::cos(v)}; }

struct Case {
    const char* name;
    std::function<std::vector<Array>()> make;
};

// The same calls as CASES in tests/tools/glumpy_geometry.py, in glumpp's spelling.
const Case cases[] = {
    {"colorcube-2", [] { return arrays(geometry::colorcube()); }},
    {"colorcube-0.7", [] { return arrays(geometry::colorcube(0.7)); }},
    {"plane-1-2", [] { return arrays(geometry::plane()); }},
    {"plane-2-5", [] { return arrays(geometry::plane(2.0, 5)); }},
    {"plane-1.5-1", [] { return arrays(geometry::plane(1.5, 1)); }},
    {"cube-1-2", [] { return arrays(geometry::cube()); }},
    {"cube-1.5-3", [] { return arrays(geometry::cube(1.5, 3)); }},
    {"cube-0.7-6", [] { return arrays(geometry::cube(0.7, 6)); }},
    {"tube-1-0.5-2-5", [] { return arrays(geometry::tube(1.0, 0.5, 2.0, 5)); }},
    {"cylinder-default", [] { return arrays(geometry::cylinder()); }},
    {"cylinder-0.3-1.2-7-top", [] { return arrays(geometry::cylinder(0.3, 1.2, 7, true, false)); }},
    {"cylinder-0.3-1.2-7-base", [] { return arrays(geometry::cylinder(0.3, 1.2, 7, false, true)); }},
    {"cone-default", [] { return arrays(geometry::cone()); }},
    {"cone-0.8-1.5-6-nocap", [] { return arrays(geometry::cone(0.8, 1.5, 6, false)); }},
    {"pyramid-default", [] { return arrays(geometry::pyramid()); }},
    {"pyramid-2-3", [] { return arrays(geometry::pyramid(2.0, 3.0)); }},
    {"torus-default", [] { return arrays(geometry::torus()); }},
    {"torus-0.3-1.2-5-7", [] { return arrays(geometry::torus(0.3, 1.2, 5, 7)); }},
    {"sphere-default", [] { return arrays(geometry::sphere()); }},
    {"sphere-2-7-5", [] { return arrays(geometry::sphere(2.0, 7, 5)); }},
    {"cubesphere-1-8", [] { return arrays(geometry::cubesphere(1.0, 8)); }},
    {"cubesphere-2.5-5", [] { return arrays(geometry::cubesphere(2.5, 5)); }},
    {"surface-torus-12-8-3",
     [] {
         geometry::SurfaceGrid g;
         g.ucount = 12, g.vcount = 8, g.urepeat = 3;
         return arrays(geometry::surface(torus_surface, g));
     }},
    {"surface-sphere-16-12",
     [] {
         const geometry::SurfaceGrid g{0, 2 * std::numbers::pi, 16, 1.0, 0, std::numbers::pi, 12, 2.0};
         return arrays(geometry::surface(sphere_surface, g));
     }},
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class GlumpyGeometry : public ::testing::TestWithParam<Case> {};

/// Compares ours with glumpy's DIR/NAME.{vertices,indices,outline}.npy.
void expect_glumpy_bytes(const std::vector<Array>& ours, const std::string& dir, const std::string& name) {
    const char* parts[] = {"vertices", "indices", "outline"};
    for (std::size_t k = 0; k < ours.size(); ++k) {
        SCOPED_TRACE(name + "." + parts[k]);
        const Array theirs = load_npy(dir + "/" + name + "." + parts[k] + ".npy");
        ASSERT_EQ(ours[k].dtype().descr(), theirs.dtype().descr());
        ASSERT_EQ(ours[k].shape(), theirs.shape());
        const Array a = ours[k].copy(), b = theirs.copy();
        ASSERT_EQ(a.nbytes(), b.nbytes());
        if (std::memcmp(a.data(), b.data(), a.nbytes()) != 0) {
            // Say where: the first differing float32 (all fields are 4-byte scalars).
            std::size_t first = 0;
            while (std::memcmp(a.data() + first, b.data() + first, 4) == 0) first += 4;
            float x, y;
            std::memcpy(&x, a.data() + first, 4);
            std::memcpy(&y, b.data() + first, 4);
            ADD_FAILURE() << "first difference at byte " << first << " (item " << first / a.itemsize() << "): glumpp "
                          << x << ", glumpy " << y;
        }
    }
}

TEST_P(GlumpyGeometry, SameBytesAsGlumpy) { expect_glumpy_bytes(GetParam().make(), GLUMPP_GOLDEN_GEOMETRY, GetParam().name); }

// CRC-32 (the IEEE polynomial, reflected, as zlib's crc32, which the batch files hold).
std::uint32_t crc32(const std::byte* data, std::size_t size) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= static_cast<std::uint32_t>(data[i]);
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

TEST(GlumpyBatch, Crc32IsZlibs) {
    const char check[] = "123456789"; // the standard check value of CRC-32
    EXPECT_EQ(crc32(reinterpret_cast<const std::byte*>(check), 9), 0xCBF43926u);
}

std::vector<Array> call(const std::string& function, const std::vector<double>& a) {
    auto i = [&](std::size_t k) { return static_cast<int>(a.at(k)); };
    if (function == "colorcube") return arrays(geometry::colorcube(a.at(0)));
    if (function == "plane") return arrays(geometry::plane(a.at(0), i(1)));
    if (function == "cube") return arrays(geometry::cube(a.at(0), i(1)));
    if (function == "tube") return arrays(geometry::tube(a.at(0), a.at(1), a.at(2), i(3), i(4) != 0, i(5) != 0));
    if (function == "cone") return arrays(geometry::cone(a.at(0), a.at(1), i(2), i(3) != 0));
    if (function == "pyramid") return arrays(geometry::pyramid(a.at(0), a.at(1), i(2) != 0));
    if (function == "torus") return arrays(geometry::torus(a.at(0), a.at(1), i(2), i(3)));
    if (function == "sphere") return arrays(geometry::sphere(a.at(0), i(1), i(2)));
    if (function == "cubesphere") return arrays(geometry::cubesphere(a.at(0), i(1)));
    if (function == "surface-torus") {
        const geometry::SurfaceGrid g{a.at(0), a.at(1), i(2), a.at(3), a.at(4), a.at(5), i(6), a.at(7)};
        return arrays(geometry::surface(torus_surface, g));
    }
    return {};
}

/// Makes every call of a batch file (tests/tools/glumpy_geometry.py --random: glumpy's
/// own answers as dtype, shape, size and CRC-32 of the bytes) with glumpp and compares.
/// Returns the number of calls compared.
int expect_batch(const std::string& path) {
    std::ifstream listing(path);
    EXPECT_TRUE(listing) << path;
    std::string line, name;
    std::vector<Array> ours;
    std::size_t part = 0;
    int compared = 0;
    while (std::getline(listing, line)) {
        std::istringstream in(line);
        std::string kind;
        in >> kind;
        if (kind == "case") {
            std::string function;
            in >> name >> function;
            std::vector<double> a;
            for (std::string word; in >> word;) a.push_back(std::strtod(word.c_str(), nullptr)); // repr: exact
            ours = call(function, a);
            part = 0;
            if (ours.empty()) ADD_FAILURE() << path << ": unknown function: " << line;
            else ++compared;
            continue;
        }
        if (kind != "array") {
            ADD_FAILURE() << path << ": not a case or an array line: " << line;
            continue;
        }
        std::string which, crc_hex, shape;
        std::size_t nbytes = 0;
        in >> which >> nbytes >> crc_hex >> shape;
        std::string descr;
        std::getline(in >> std::ws, descr);
        SCOPED_TRACE(name + "." + which);
        if (part >= ours.size()) {
            ADD_FAILURE() << "glumpy returned more arrays than glumpp (" << ours.size() << ")";
            continue;
        }
        const Array a = ours[part++].copy();
        std::string our_shape;
        for (std::size_t d : a.shape()) our_shape += (our_shape.empty() ? "" : ",") + std::to_string(d);
        EXPECT_EQ(a.dtype().descr(), descr);
        EXPECT_EQ(our_shape, shape);
        EXPECT_EQ(a.nbytes(), nbytes);
        char ours_hex[9];
        std::snprintf(ours_hex, sizeof ours_hex, "%08x", crc32(a.data(), a.nbytes()));
        EXPECT_EQ(ours_hex, crc_hex) << "the bytes differ from glumpy's";
    }
    return compared;
}

// A fixed batch of random calls, made once with glumpy (seed 20261202, 30 per function:
// tests/golden/geometry/random-batch.txt, 300 calls): every run checks them.
TEST(GlumpyBatch, SameBytesAsGlumpy) {
    const int compared = expect_batch(std::string(GLUMPP_GOLDEN_GEOMETRY) + "/random-batch.txt");
    EXPECT_EQ(compared, 300);
}

// Another batch made now by glumpy (ctest's geometry_random_vs_glumpy, where glumpy is
// importable), named by GLUMPP_GEOMETRY_CASES.
TEST(GlumpyRandom, SameBytesAsGlumpy) {
    const char* path = std::getenv("GLUMPP_GEOMETRY_CASES");
    if (!path) GTEST_SKIP() << "GLUMPP_GEOMETRY_CASES is not set (ctest's geometry_random_vs_glumpy sets it)";
    const int compared = expect_batch(path);
    EXPECT_GT(compared, 0);
    std::printf("%d random cases compared with glumpy's\n", compared);
}

INSTANTIATE_TEST_SUITE_P(Cases, GlumpyGeometry, ::testing::ValuesIn(cases), [](const auto& param_info) {
    std::string name = param_info.param.name;
    for (char& ch : name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    }
    return name;
});

// A cube's vertices read as the C++ struct, and its dtype is glumpy's, so a program's
// bind() finds glumpy's attribute names.
TEST(Geometry, VerticesReadAsStructs) {
    const auto m = geometry::cube(2.0);
    EXPECT_EQ(m.vertices.dtype().descr(), "[('position', '<f4', (3,)), ('texcoord', '<f4', (2,)), ('normal', '<f4', (3,))]");
    const auto v = m.vertices.as<const geometry::Vertex>();
    for (std::size_t i = 0; i < v.size(); ++i) {
        // Each vertex lies on the face its normal names: position . normal == size / 2.
        EXPECT_FLOAT_EQ(glm::dot(v[i].position, v[i].normal), 1.0f);
    }
    EXPECT_EQ(m.indices.dtype(), DType::of<std::uint32_t>());
}

// Hand-computed: normals() of one right triangle in the XY plane is +Z at every corner,
// and of a flat quad split in two (shared corners named twice in one column) still +Z.
TEST(Geometry, NormalsOfFlatTriangles) {
    const Array P = Array::from<float>({{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}});
    const Array T = Array::from<std::uint32_t>({{0, 1, 2}, {1, 3, 2}});
    const auto n = geometry::normals(P, T).to_vector<float>();
    ASSERT_EQ(n.size(), 12u);
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(n[3 * i], 0.0f);
        EXPECT_EQ(n[3 * i + 1], 0.0f);
        EXPECT_EQ(n[3 * i + 2], 1.0f);
    }
}

TEST(Geometry, BadInputIsRefusedByName) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(message_of<ValueError>([&] { geometry::cube(nan); }), "geometry::cube: size must be finite, not nan");
    EXPECT_EQ(message_of<ValueError>([&] { geometry::sphere(1.0, 0); }), "geometry::sphere: slices must be at least 1, not 0");
    EXPECT_EQ(message_of<ValueError>([&] { geometry::tube(1, 1, 2, -3); }), "geometry::tube: slices must be at least 1, not -3");
    EXPECT_EQ(message_of<ValueError>([&] { geometry::torus(0.25, 1.0, 32, 0); }), "geometry::torus: rings must be at least 1, not 0");
    EXPECT_EQ(message_of<ValueError>([&] { geometry::cube(1.0, 5000); }),
              "geometry::cube: 1.5e+08 vertices is more than the 16777216 a mesh may have");
    EXPECT_EQ(message_of<ValueError>([&] { geometry::sphere(1.0, 1 << 30, 1 << 30); }),
              "geometry::sphere: 1.15292e+18 vertices is more than the 16777216 a mesh may have");
    EXPECT_EQ(message_of<ValueError>([&] { geometry::surface({}); }), "geometry::surface: func is empty");
    geometry::SurfaceGrid g;
    g.vmax = std::numeric_limits<double>::infinity();
    EXPECT_EQ(message_of<ValueError>([&] { geometry::surface(torus_surface, g); }), "geometry::surface: vmax must be finite, not inf");
    EXPECT_EQ(message_of<ValueError>([] {
                  geometry::surface([](double u, double v) { return glm::dvec3(u, v, u > 3 ? std::log(-1.0) : 0.0); });
              }),
              "geometry::surface: func(3.04342, 0) is (3.04342, 0, nan), not finite"); // u = 2 pi 31/64, the first u > 3
    // Finite in double, inf in float32: surface() names func(u, v), not normals() an inf.
    EXPECT_EQ(message_of<ValueError>([] {
                  geometry::surface([](double u, double v) { return glm::dvec3(u, v > 3 ? -1e39 : v, 0.0); });
              }),
              "geometry::surface: func(0, 3.04342) is (0, -1e+39, 0), beyond float32's range"); // v's first > 3
    // The largest double that rounds to a finite float32 (FLT_MAX + half an ulp, less one
    // double ulp) is stored; one that rounds to inf is refused.
    const double largest = std::nextafter(double(std::numeric_limits<float>::max()) + std::ldexp(1.0, 103), 0.0);
    EXPECT_NO_THROW(geometry::surface([=](double u, double v) { return glm::dvec3(u, v, u == 0 && v == 0 ? largest : 0.0); },
                                      geometry::SurfaceGrid{.ucount = 1, .vcount = 1}));
    EXPECT_THROW(geometry::surface([=](double u, double v) { return glm::dvec3(u, v, u == 0 && v == 0 ? std::nextafter(largest, 1e300) : 0.0); },
                                   geometry::SurfaceGrid{.ucount = 1, .vcount = 1}),
                 ValueError);
    EXPECT_EQ(message_of<ValueError>([] {
                  geometry::normals(Array::from<float>({{0, 0, 0}, {1, 0, 0}, {0, INFINITY, 0}}), Array::from<std::uint32_t>({{0, 1, 2}}));
              }),
              "geometry::normals: vertex 2 is not finite (inf)");
    EXPECT_EQ(message_of<TypeError>([] { geometry::normals(Array::zeros<double>({3, 3}), Array::zeros<std::uint32_t>({1, 3})); }),
              "geometry::normals: positions must be (n, 3) float32, not (3, 3) float64");
    EXPECT_EQ(message_of<IndexError>([] {
                  geometry::normals(Array::zeros<float>({3, 3}), Array::from<std::uint32_t>({{0, 1, 3}}));
              }),
              "geometry::normals: triangle 0 uses vertex 3 of 3");
}

// refine_square: what Triangle's `qa0.01` promises, checked on the result (no oracle makes
// the same mesh: Triangle is not here, and the mesh depends on the insertion order).
void expect_quality_mesh(const geometry::Triangulation& m, double h, double max_area, double min_angle) {
    const auto xy = m.vertices.to_vector<double>();
    const auto t = m.triangles.to_vector<std::uint32_t>();
    ASSERT_EQ(m.vertices.dtype(), DType::of<double>());
    ASSERT_EQ(m.triangles.dtype(), DType::of<std::uint32_t>());
    const std::size_t n = xy.size() / 2, p = t.size() / 3;
    auto P = [&](std::uint32_t i) { return glm::dvec2(xy[2 * i], xy[2 * i + 1]); };
    for (std::size_t i = 0; i < n; ++i) {
        ASSERT_LE(std::abs(P(i).x), h) << i;
        ASSERT_LE(std::abs(P(i).y), h) << i;
    }
    double total = 0, smallest = 180;
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
    for (std::size_t k = 0; k < p; ++k) {
        const glm::dvec2 a = P(t[3 * k]), b = P(t[3 * k + 1]), c = P(t[3 * k + 2]);
        const double area = 0.5 * ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
        EXPECT_GT(area, 0) << "triangle " << k << " is not counter-clockwise";
        EXPECT_LE(area, max_area) << "triangle " << k;
        total += area;
        const glm::dvec2 q[3] = {a / h, b / h, c / h}; // angles and circles on [-1, 1]^2: no square underflows
        for (int j = 0; j < 3; ++j) {
            const glm::dvec2 u = q[(j + 1) % 3] - q[j], w = q[(j + 2) % 3] - q[j];
            smallest = std::min(smallest, std::acos(glm::dot(u, w) / std::sqrt(glm::dot(u, u) * glm::dot(w, w))) * 180 / std::numbers::pi);
            const auto e = std::minmax(t[3 * k + j], t[3 * k + (j + 1) % 3]);
            edges[{e.first, e.second}]++;
        }
        // Delaunay: no vertex strictly inside the circumcircle (relative tolerance 1e-9).
        const glm::dvec2 ab = q[1] - q[0], ac = q[2] - q[0];
        const double d = 2 * (ab.x * ac.y - ab.y * ac.x);
        const glm::dvec2 o = q[0] + glm::dvec2(ac.y * glm::dot(ab, ab) - ab.y * glm::dot(ac, ac), ab.x * glm::dot(ac, ac) - ac.x * glm::dot(ab, ab)) / d;
        const double r2 = glm::dot(q[0] - o, q[0] - o);
        for (std::uint32_t i = 0; i < n; ++i) {
            const double d2 = glm::dot(P(i) / h - o, P(i) / h - o);
            EXPECT_GE(d2, r2 * (1 - 1e-9)) << "vertex " << i << " is inside triangle " << k << "'s circumcircle";
        }
    }
    EXPECT_GE(smallest, min_angle);
    EXPECT_NEAR(total, 4 * h * h, 1e-9 * h * h); // the square, covered once
    // Conforming: an edge is shared by two triangles, or lies on a side of the square.
    for (const auto& [e, count] : edges) {
        const glm::dvec2 a = P(e.first), b = P(e.second);
        const bool side = (a.x == b.x && std::abs(a.x) == h) || (a.y == b.y && std::abs(a.y) == h);
        EXPECT_EQ(count, side ? 1 : 2) << "edge " << e.first << "-" << e.second;
    }
}

TEST(RefineSquare, MeetsTrianglesQualityConstraints) {
    const auto m = geometry::refine_square(1.0, 0.01, 20.0); // glumpy's 'qa0.01' of [-1, 1]^2
    expect_quality_mesh(m, 1.0, 0.01, 20.0);
    std::printf("refine_square(1, 0.01, 20): %zu vertices, %zu triangles\n", m.vertices.shape()[0], m.triangles.shape()[0]);
    // At least 4 / 0.01 triangles are needed to cover the square under the area bound.
    EXPECT_GE(m.triangles.shape()[0], 400u);
    for (auto [h, area, angle] : {std::tuple{0.5, 0.003, 20.7}, std::tuple{3.0, 0.5, 15.0}, std::tuple{1.0, 4.0, 0.0}, std::tuple{1.0, 0.05, 20.0},
                                   std::tuple{1e-150, 1e-301, 20.0}, std::tuple{1e150, 1e299, 20.0}}) { // no square overflows
        SCOPED_TRACE(testing::Message() << h << " " << area << " " << angle);
        expect_quality_mesh(geometry::refine_square(h, area, angle), h, area, angle);
    }
    // The same arguments, the same mesh.
    const auto again = geometry::refine_square(1.0, 0.01, 20.0);
    EXPECT_EQ(again.vertices.to_vector<double>(), m.vertices.to_vector<double>());
    EXPECT_EQ(again.triangles.to_vector<std::uint32_t>(), m.triangles.to_vector<std::uint32_t>());
}

TEST(RefineSquare, BadArgumentsSayWhich) {
    EXPECT_EQ(message_of<ValueError>([] { geometry::refine_square(0.0); }), "geometry::refine_square: half_side must be positive, not 0");
    EXPECT_EQ(message_of<ValueError>([] { geometry::refine_square(1.0, -1.0); }), "geometry::refine_square: max_area must be positive, not -1");
    EXPECT_EQ(message_of<ValueError>([] { geometry::refine_square(1.0, NAN); }), "geometry::refine_square: max_area must be finite, not nan");
    EXPECT_EQ(message_of<ValueError>([] { geometry::refine_square(1.0, 0.01, 30.0); }),
              "geometry::refine_square: min_angle must be in [0, 20.7] degrees, not 30");
    EXPECT_EQ(message_of<ValueError>([] { geometry::refine_square(1.0, 1e-7); }),
              "geometry::refine_square: half_side 1 and max_area 1e-07 need more than 1048576 vertices");
}

} // namespace

