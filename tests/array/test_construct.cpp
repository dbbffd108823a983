// Nested brace lists, NumPy's constructors (linspace, arange, meshgrid, repeat, tile,
// concatenate, stack) against /usr/bin/python3's NumPy byte for byte, and their errors.
#include "../TestUtil.hpp"
#include "NumPy.hpp"

#include <glumpp/array.hpp>

#include <gtest/gtest.h>

#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using glumpp::Array;
using glumpp::DType;
using glumpp::test::message_of;
using glumpp::test::PythonRun;
using glumpp::test::run_python;
namespace fs = std::filesystem;

namespace {

fs::path scratch() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const fs::path dir =
        fs::path(GLUMPP_TEST_TMP) / "construct" / (std::string(info->test_suite_name()) + "." + info->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// "shape dtype hex-bytes": what the Python side prints for the same expression.
std::string show(const Array& a) {
    const Array c = a.copy();
    std::string hex;
    static const char digits[] = "0123456789abcdef";
    for (std::size_t k = 0; k < c.nbytes(); ++k) {
        const auto b = static_cast<unsigned>(c.data()[k]);
        hex += digits[b >> 4];
        hex += digits[b & 15];
    }
    return glumpp::detail::shape_str(c.shape()) + " " + c.dtype().descr() + " " + hex;
}

const char* const python_show = "import numpy as np, warnings\n"
                                "warnings.simplefilter('ignore')  # float32 overflow to inf is expected\n"
                                "def show(a):\n"
                                "    a = np.ascontiguousarray(a)\n"
                                "    print(str(a.shape), a.dtype.str, a.tobytes().hex())\n";

// Python's repr of a double: 17 significant digits read back exactly.
std::string py(double v) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    std::string s = buffer;
    if (s == "inf") return "np.inf";
    if (s == "-inf") return "-np.inf";
    return "float('" + s + "')";
}

// Runs every NumPy expression in one interpreter and compares its lines with ours.
void expect_numpy_equal(const std::vector<std::pair<std::string, std::string>>& cases) {
    std::string script = python_show, expected;
    for (const auto& [python, ours] : cases) {
        script += "show(" + python + ")\n";
        expected += ours + "\n";
    }
    const PythonRun run = run_python(scratch(), script, "");
    ASSERT_EQ(run.status, 0) << run.output;
    // Line by line, so that a failure names the expression.
    std::size_t at = 0;
    for (const auto& [python, ours] : cases) {
        const std::size_t end = run.output.find('\n', at);
        ASSERT_NE(end, std::string::npos) << "NumPy printed fewer lines than cases";
        EXPECT_EQ(run.output.substr(at, end - at), ours) << python;
        at = end + 1;
    }
}

} // namespace

// --- nested brace lists -----------------------------------------------------------------

TEST(ArrayFromNested, TwoAndThreeLevelsGiveTheShapeAsNumPy) {
    REQUIRE_NUMPY();
    expect_numpy_equal({
        {"np.array([[-1, -1], [-1, +1], [+1, -1], [+1, +1]], dtype=np.float32)",
         show(Array::from<float>({{-1, -1}, {-1, +1}, {+1, -1}, {+1, +1}}))},
        {"np.array([1, 2, 3], dtype=np.float32)", show(Array::from<float>({1, 2, 3}))},
        {"np.array([[1], [2], [3]], dtype=np.int32)", show(Array::from<int>({{1}, {2}, {3}}))},
        {"np.array([[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]], dtype=np.float64)",
         show(Array::from<double>({{{1, 2, 3}, {4, 5, 6}}, {{7, 8, 9}, {10, 11, 12}}}))},
        {"np.array([[[1]]], dtype=np.int16)", show(Array::from<std::int16_t>({{{1}}}))},
        {"np.array([[]], dtype=np.float32)", show(Array::from<float>({{}}))},
        {"np.array([[[]], [[]]], dtype=np.float32)", show(Array::from<float>({{{}}, {{}}}))},
        {"np.array([[True, False]])", show(Array::from<bool>({{true, false}}))},
        {"np.array([1, 2, 3, 4], dtype=np.float32).reshape(2, 2)", show(Array::from<float>({1, 2, 3, 4}, {2, 2}))},
    });
}

TEST(ArrayFromNested, RaggedListsNameTheRowAndTheLengths) {
    EXPECT_EQ(message_of<glumpp::ShapeError>([] { Array::from<float>({{1, 2}, {3, 4}, {5}}); }),
              "Array::from: ragged nested list: row 2 has 1 entries, row 0 has 2");
    EXPECT_EQ(message_of<glumpp::ShapeError>([] { Array::from<float>({{{1, 2}}, {{3, 4}, {5, 6}}}); }),
              "Array::from: ragged nested list: row 1 has 2 entries, row 0 has 1");
    EXPECT_EQ(message_of<glumpp::ShapeError>([] { Array::from<float>({{{1, 2}, {3, 4}}, {{5, 6}, {7}}}); }),
              "Array::from: ragged nested list: row (1, 1) has 1 entries, row (0, 0) has 2");
    EXPECT_EQ(message_of<glumpp::ShapeError>([] { Array::from<float>({{}, {1}}); }),
              "Array::from: ragged nested list: row 1 has 1 entries, row 0 has 0");
}

// --- linspace and arange ------------------------------------------------------------------

TEST(Linspace, EqualsNumPyBitForBitOverRandomArguments) {
    REQUIRE_NUMPY();
    std::mt19937_64 rng(20261201);
    std::uniform_real_distribution<double> value(-1000, 1000), unit(0, 1);
    std::uniform_int_distribution<int> count(0, 70), pick(0, 9);
    std::vector<std::pair<std::string, std::string>> cases;
    const std::vector<std::pair<DType, std::string>> dtypes = {
        {DType::of<double>(), "np.float64"}, {DType::of<float>(), "np.float32"}, {DType::of<std::int32_t>(), "np.int32"}};
    for (int c = 0; c < 300; ++c) {
        const auto& [dtype, name] = dtypes[static_cast<std::size_t>(c) % dtypes.size()];
        double start = value(rng), stop = value(rng);
        // Edges among the random ones. Not huge values into int32: NumPy's out-of-range
        // float-to-int cast is undefined (x86 gives INT_MIN), ours saturates.
        int edge = pick(rng);
        if (edge == 3 && dtype == DType::of<std::int32_t>()) edge = 9;
        switch (edge) {
        case 0: stop = start; break;                               // step 0
        case 1: start = 0, stop = 5e-324; break;                   // step underflows to 0
        case 2: start = unit(rng) * 1e-300, stop = -start; break;  // tiny
        case 3: start = 1e300, stop = -1e300; break;               // huge
        default: break;
        }
        const int num = count(rng);
        const bool endpoint = unit(rng) < 0.7;
        cases.push_back({"np.linspace(" + py(start) + ", " + py(stop) + ", " + std::to_string(num) + ", endpoint=" +
                             (endpoint ? "True" : "False") + ", dtype=" + name + ")",
                         show(glumpp::linspace(start, stop, num, endpoint, dtype))});
    }
    cases.push_back({"np.linspace(0, 1)", show(glumpp::linspace(0, 1))});
    cases.push_back({"np.linspace(2, 3, 1)", show(glumpp::linspace(2, 3, 1))});
    cases.push_back({"np.linspace(2, 3, 0)", show(glumpp::linspace(2, 3, 0))});
    expect_numpy_equal(cases);
}

TEST(Arange, EqualsNumPyBitForBitOverRandomArguments) {
    REQUIRE_NUMPY();
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> value(-100, 100), unit(0, 1);
    std::uniform_int_distribution<std::int64_t> ivalue(-1000, 1000), istep(1, 50);
    std::vector<std::pair<std::string, std::string>> cases;
    for (int c = 0; c < 300; ++c) {
        // Floating: steps from 0.01 to 10 either way (at most 20,000 values).
        const double start = value(rng), stop = value(rng);
        const double step = (unit(rng) < 0.5 ? -1 : 1) * std::pow(10.0, -2 + 3 * unit(rng));
        const std::string args = py(start) + ", " + py(stop) + ", " + py(step);
        cases.push_back({"np.arange(" + args + ")", show(glumpp::arange(start, stop, step))});
        cases.push_back({"np.arange(" + args + ", dtype=np.float32)",
                         show(glumpp::arange(start, stop, step, DType::of<float>()))});
        // Integers: int64, exact.
        const std::int64_t a = ivalue(rng), b = ivalue(rng), s = (unit(rng) < 0.5 ? -1 : 1) * istep(rng);
        cases.push_back({"np.arange(" + std::to_string(a) + ", " + std::to_string(b) + ", " + std::to_string(s) + ")",
                         show(glumpp::arange(a, b, s))});
    }
    cases.push_back({"np.arange(10)", show(glumpp::arange(10))});
    cases.push_back({"np.arange(2.5)", show(glumpp::arange(2.5))});
    cases.push_back({"np.arange(1, 4)", show(glumpp::arange(1, 4))});
    cases.push_back({"np.arange(0, 1, 0.1)", show(glumpp::arange(0, 1, 0.1))});
    cases.push_back({"np.arange(0.5, 5, 1, dtype=np.int64)", show(glumpp::arange(0.5, 5, 1, DType::of<std::int64_t>()))});
    cases.push_back({"np.arange(-3, 9, 2, dtype=np.int32)", show(glumpp::arange(-3, 9, 2, DType::of<std::int32_t>()))});
    cases.push_back({"np.arange(5, 1)", show(glumpp::arange(5, 1))});
    cases.push_back({"np.arange(0, 1e7, 1e7 / 3, dtype=np.float32)",
                     show(glumpp::arange(0, 1e7, 1e7 / 3, DType::of<float>()))});
    expect_numpy_equal(cases);
}

TEST(Construct, LinspaceAndArangeBadArgumentsAreTypedErrors) {
    EXPECT_EQ(message_of<glumpp::ValueError>([] { glumpp::linspace(0, 1, -1); }),
              "linspace: num must be non-negative, got -1");
    EXPECT_EQ(message_of<glumpp::TypeError>([] { glumpp::linspace(0, 1, 5, true, DType::parse("[('x', '<f4')]")); }),
              "linspace: dtype must be a number type, got [('x', '<f4')]");
    EXPECT_EQ(message_of<glumpp::ValueError>([] { glumpp::arange(0, 10, 0); }), "arange: step must not be zero");
    EXPECT_EQ(message_of<glumpp::ValueError>([] { glumpp::arange(0.0, 1.0, 0.0); }), "arange: step must not be zero");
    EXPECT_EQ(message_of<glumpp::ValueError>([] { glumpp::arange(0.0, INFINITY, 1.0); }),
              "arange: start, stop and step must be finite, got 0, inf, 1");
    EXPECT_EQ(message_of<glumpp::TypeError>([] { glumpp::arange(0, 4, 1, DType::parse("u1")); }),
              "arange: dtype must be float32, float64, int32 or int64 (native order), got uint8");
    EXPECT_EQ(message_of<glumpp::ValueError>([] { glumpp::arange(0.0, 1e300, 1e-300); }),
              "arange: inf values exceed the maximum size");
    EXPECT_EQ(message_of<glumpp::ValueError>([] { glumpp::arange(3e9, 3e9 + 5, 1, DType::of<std::int32_t>()); }),
              "arange: 3000000000 does not fit in int32");
}

// --- meshgrid, repeat, tile, concatenate, stack --------------------------------------------

namespace {
// np.arange(n).reshape(shape) as int64 (or converted to float32) on both sides.
Array ramp(std::vector<std::size_t> shape, bool f32 = false) {
    std::size_t n = 1;
    for (auto s : shape) n *= s;
    Array a = glumpp::arange(static_cast<std::int64_t>(n)).reshape(shape);
    if (!f32) return a;
    Array f = Array::zeros(shape, DType::of<float>());
    f.assign(a);
    return f;
}
std::string np_ramp(const std::vector<std::size_t>& shape, bool f32 = false) {
    std::size_t n = 1;
    std::string s = "(";
    for (auto e : shape) n *= e, s += std::to_string(e) + ",";
    return "np.arange(" + std::to_string(n) + ")" + (f32 ? ".astype(np.float32)" : "") + ".reshape(" + s + "))";
}
std::vector<std::size_t> random_shape(std::mt19937_64& rng, std::size_t min_ndim = 1) {
    std::uniform_int_distribution<std::size_t> nd(min_ndim, 3), extent(0, 4);
    std::vector<std::size_t> shape(nd(rng));
    for (auto& e : shape) e = extent(rng);
    return shape;
}
} // namespace

TEST(Meshgrid, EqualsNumPyInBothIndexings) {
    REQUIRE_NUMPY();
    std::vector<std::pair<std::string, std::string>> cases;
    for (std::size_t nx : {0, 1, 4}) {
        for (std::size_t ny : {1, 3}) {
            const Array x = glumpp::linspace(-1, 1, static_cast<long long>(nx));
            const Array y = ramp({ny}, true);
            const std::string npx = "np.linspace(-1, 1, " + std::to_string(nx) + ")", npy = np_ramp({ny}, true);
            for (const char* indexing : {"xy", "ij"}) {
                const auto [X, Y] = glumpp::meshgrid(x, y, indexing);
                const std::string call = "np.meshgrid(" + npx + ", " + npy + ", indexing='" + indexing + "')";
                cases.push_back({call + "[0]", show(X)});
                cases.push_back({call + "[1]", show(Y)});
            }
        }
    }
    // 2-d inputs are flattened first.
    const auto [X, Y] = glumpp::meshgrid(ramp({2, 3}), ramp({2}));
    cases.push_back({"np.meshgrid(" + np_ramp({2, 3}) + ", " + np_ramp({2}) + ")[0]", show(X)});
    cases.push_back({"np.meshgrid(" + np_ramp({2, 3}) + ", " + np_ramp({2}) + ")[1]", show(Y)});
    expect_numpy_equal(cases);
    EXPECT_EQ(message_of<glumpp::ValueError>([&] { glumpp::meshgrid(X, Y, "yx"); }),
              "meshgrid: indexing must be 'xy' or 'ij', got 'yx'");
}

TEST(RepeatTile, EqualNumPyOverRandomShapes) {
    REQUIRE_NUMPY();
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<long long> times(0, 3);
    std::vector<std::pair<std::string, std::string>> cases;
    for (int c = 0; c < 60; ++c) {
        const auto shape = random_shape(rng);
        const bool f32 = c % 2 == 0;
        const Array a = ramp(shape, f32);
        const std::string npa = np_ramp(shape, f32);
        const long long r = times(rng);
        cases.push_back({"np.repeat(" + npa + ", " + std::to_string(r) + ")", show(glumpp::repeat(a, r))});
        const long long axis = std::uniform_int_distribution<long long>(-static_cast<long long>(shape.size()),
                                                                        static_cast<long long>(shape.size()) - 1)(rng);
        cases.push_back({"np.repeat(" + npa + ", " + std::to_string(r) + ", axis=" + std::to_string(axis) + ")",
                         show(glumpp::repeat(a, r, axis))});
        std::vector<long long> reps(std::uniform_int_distribution<std::size_t>(0, 4)(rng));
        std::string np_reps = "(";
        for (auto& e : reps) e = times(rng), np_reps += std::to_string(e) + ",";
        cases.push_back({"np.tile(" + npa + ", " + np_reps + "))", show(glumpp::tile(a, reps))});
    }
    // A 0-d array, and a record dtype (bytes copied whole).
    const Array scalar = glumpp::arange(5, 6).reshape({});
    cases.push_back({"np.repeat(np.array(5), 3)", show(glumpp::repeat(scalar, 3))});
    cases.push_back({"np.tile(np.array(5), (2, 2))", show(glumpp::tile(scalar, {2, 2}))});
    cases.push_back({"np.tile(np.array(5), 3)", show(glumpp::tile(scalar, 3))});
    expect_numpy_equal(cases);
}

TEST(ConcatenateStack, EqualNumPyOverRandomShapes) {
    REQUIRE_NUMPY();
    std::mt19937_64 rng(11);
    std::vector<std::pair<std::string, std::string>> cases;
    for (int c = 0; c < 60; ++c) {
        auto shape = random_shape(rng);
        const auto nd = static_cast<long long>(shape.size());
        const long long axis = std::uniform_int_distribution<long long>(-nd, nd - 1)(rng);
        const std::size_t ax = static_cast<std::size_t>(axis < 0 ? axis + nd : axis);
        const std::size_t count = std::uniform_int_distribution<std::size_t>(1, 3)(rng);
        std::vector<Array> parts, same;
        std::string np_parts = "[", np_same = "[";
        for (std::size_t k = 0; k < count; ++k) {
            auto s = shape;
            s[ax] = std::uniform_int_distribution<std::size_t>(0, 3)(rng);
            parts.push_back(ramp(s, c % 2 == 0));
            np_parts += np_ramp(s, c % 2 == 0) + ", ";
            same.push_back(ramp(shape, c % 2 == 0));
            np_same += np_ramp(shape, c % 2 == 0) + ", ";
        }
        const std::string a = std::to_string(axis);
        cases.push_back({"np.concatenate(" + np_parts + "], axis=" + a + ")", show(glumpp::concatenate(parts, axis))});
        const long long saxis = std::uniform_int_distribution<long long>(-nd - 1, nd)(rng);
        cases.push_back({"np.stack(" + np_same + "], axis=" + std::to_string(saxis) + ")",
                         show(glumpp::stack(same, saxis))});
    }
    // Views in, not only contiguous arrays: a transposed one and a field.
    const Array t = ramp({3, 2}).transpose();
    cases.push_back({"np.concatenate([" + np_ramp({3, 2}) + ".T, " + np_ramp({2, 2}) + "], axis=1)",
                     show(glumpp::concatenate({t, ramp({2, 2})}, 1))});
    cases.push_back({"np.stack([" + np_ramp({3, 2}) + ".T, " + np_ramp({3, 2}) + ".T], axis=-1)",
                     show(glumpp::stack({t, t}, -1))});
    expect_numpy_equal(cases);
}

TEST(Construct, BadArgumentsNameTheFunctionAndTheValues) {
    const Array a = ramp({2, 2}), b = ramp({2, 3}), c = ramp({2}), f = ramp({2, 2}, true);
    EXPECT_EQ(message_of<glumpp::ValueError>([] { glumpp::concatenate({}); }),
              "concatenate: need at least one array to concatenate");
    EXPECT_EQ(message_of<glumpp::ShapeError>([&] { glumpp::concatenate({a, b}, 0); }),
              "concatenate: all the input array dimensions except for the concatenation axis must match exactly, but "
              "along dimension 1, the array at index 0 has shape (2, 2) and the array at index 1 has shape (2, 3)");
    EXPECT_EQ(message_of<glumpp::ShapeError>([&] { glumpp::concatenate({a, c}); }),
              "concatenate: all the input arrays must have the same number of dimensions, but the array at index 0 "
              "has shape (2, 2) and the array at index 1 has shape (2,)");
    EXPECT_EQ(message_of<glumpp::TypeError>([&] { glumpp::concatenate({a, f}); }),
              "concatenate: the array at index 1 has dtype float32, the array at index 0 int64 (no dtype promotion)");
    EXPECT_EQ(message_of<glumpp::IndexError>([&] { glumpp::concatenate({a, a}, 2); }),
              "concatenate: axis 2 is out of bounds for array of dimension 2");
    EXPECT_EQ(message_of<glumpp::ValueError>([] { glumpp::concatenate({Array::zeros<float>({})}); }),
              "concatenate: zero-dimensional arrays cannot be concatenated");
    EXPECT_EQ(message_of<glumpp::ShapeError>([&] { glumpp::stack({a, b}); }),
              "stack: all input arrays must have the same shape, but the array at index 0 has shape (2, 2) and the "
              "array at index 1 has shape (2, 3)");
    EXPECT_EQ(message_of<glumpp::IndexError>([&] { glumpp::stack({a, a}, -4); }),
              "stack: axis -4 is out of bounds for array of dimension 3");
    EXPECT_EQ(message_of<glumpp::ValueError>([&] { glumpp::repeat(a, -1); }),
              "repeat: repeats must be non-negative, got -1");
    EXPECT_EQ(message_of<glumpp::IndexError>([&] { glumpp::repeat(a, 2, -3); }),
              "repeat: axis -3 is out of bounds for array of dimension 2");
    EXPECT_EQ(message_of<glumpp::ValueError>([&] { glumpp::tile(a, {2, -1}); }),
              "tile: reps must be non-negative, got (2, -1)");
}
