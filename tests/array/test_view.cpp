// View<T>: typed access with tracked writes.
#include <glumpp/array.hpp>

#include <glm/glm.hpp>
#include <gtest/gtest.h>

#include <thread>
#include <utility>

using glumpp::Array;
using glumpp::ByteRange;
using glumpp::DType;

namespace demo {
struct Particle {
    glm::vec2 position;
    float size;
    float pad;
};
GLUMPP_DTYPE(Particle, position, size, pad);
} // namespace demo

namespace {
std::vector<ByteRange> R(std::initializer_list<ByteRange> r) { return r; }
}

TEST(View, SequentialWritesReportOneStridedRun) {
    auto V = Array::zeros<demo::Particle>({100});
    V.clear_pending();
    auto pos = V["position"].as<glm::vec2>();
    ASSERT_EQ(pos.size(), 100u);
    for (std::size_t i = 10; i < 20; ++i) pos[i] = glm::vec2(float(i), 1.f);
    auto ranges = V.dirty_ranges(); // flushes the live view's run
    ASSERT_EQ(ranges.size(), 10u);
    EXPECT_EQ(ranges.front(), (ByteRange{160, 168}));
    EXPECT_EQ(V["position"].value<glm::vec2>({15}), glm::vec2(15.f, 1.f));
}

TEST(View, RandomWritesAndNegativeIndices) {
    auto a = Array::zeros<float>({50});
    a.clear_pending();
    {
        auto v = a.as<float>();
        v[3] = 1;
        v[-1] = 2;
        v[4] = 3; // extends nothing: jump after -1
        v[2] = 4; // extends the run [4,5) downwards? no: the run is [4,5); 2 is a jump
    }
    EXPECT_EQ(a.dirty_ranges(), R({{8, 20}, {196, 200}}));
    EXPECT_EQ(a.value<float>({-1}), 2.f);
}

TEST(View, ConstViewsReadWithoutMarking) {
    auto a = Array::zeros<float>({8});
    a.clear_pending();
    const Array& ca = a;
    auto r = ca.as<float>();
    float sum = 0;
    for (float x : r) sum += x;
    auto w = a.as<float>();
    sum += std::as_const(w)[3] + w.get(4);
    EXPECT_EQ(sum, 0.f);
    EXPECT_EQ(a.pending_data(), std::nullopt);
}

TEST(View, TwoDimensionalViewsAndIteration) {
    auto img = Array::zeros<std::uint8_t>({4, 6, 4});
    img.clear_pending();
    auto px = img.as<glm::u8vec4>(); // (4, 6) texels
    ASSERT_EQ(px.shape(), (std::vector<std::size_t>{4, 6}));
    px(1, 2) = glm::u8vec4(255);
    px(1, 3) = glm::u8vec4(255);
    EXPECT_EQ(img.dirty_ranges(), R({{32, 40}}));
    img.clear_pending();
    auto block = img.view({glumpp::slice(1, 3), glumpp::slice(2, 4)}).as<glm::u8vec4>();
    for (auto& p : block) p.r = 7; // iteration marks each element it visits: the whole block
    EXPECT_EQ(img.dirty_ranges(), R({{32, 40}, {56, 64}}));
    EXPECT_EQ(img.value<int>({2, 3, 0}), 7);
}

TEST(View, IteratorsMarkWhatTheyDereference) {
    auto a = Array::zeros<float>({10});
    a.clear_pending();
    auto v = a.as<float>();
    for (float& x : v) {
        if (&x == &v[3]) break; // v[3] itself is marked by operator[]
        x = 1.f;
    }
    EXPECT_EQ(a.dirty_ranges(), R({{0, 16}}));
    a.clear_pending();
    std::fill(v.begin() + 5, v.end(), 2.f);
    EXPECT_EQ(a.dirty_ranges(), R({{20, 40}}));
    a.clear_pending();
    for (std::size_t i = 0; i < 5; ++i) v[i] = float(5 - i);
    std::sort(v.begin(), v.end()); // random access: 5 4 3 2 1 2 2 2 2 2 -> 1 2 2 2 2 2 2 3 4 5
    EXPECT_EQ(v.get(0), 1.f);
    EXPECT_EQ(v.get(6), 2.f);
    EXPECT_EQ(v.get(9), 5.f);
    EXPECT_EQ(v.end() - v.begin(), 10);
    EXPECT_EQ(*(v.end() - 1), 5.f);
    EXPECT_EQ(a.dirty_ranges(), R({{0, 40}}));
    a.clear_pending();
    float sum = 0;
    for (auto it = std::as_const(v).begin(); it != std::as_const(v).end(); ++it) sum += *it;
    EXPECT_EQ(sum, 1.f + 2 * 6 + 3 + 4 + 5);
    EXPECT_EQ(a.pending_data(), std::nullopt); // const iterators mark nothing
}

TEST(View, FillMarksTheWholeView) {
    auto V = Array::zeros<demo::Particle>({6});
    V.clear_pending();
    auto size = V["size"].view({glumpp::slice(1, 6, 2)}).as<float>(); // records 1, 3, 5
    size.fill(4.f);
    EXPECT_EQ(V.dirty_ranges(), R({{24, 28}, {56, 60}, {88, 92}}));
    EXPECT_EQ(V["size"].value<float>({3}), 4.f);
    EXPECT_EQ(V["size"].value<float>({2}), 0.f);
}

TEST(View, ChecksTypeShapeAlignmentAndBounds) {
    auto a = Array::zeros<float>({4, 3});
    EXPECT_THROW(a.as<double>(), glumpp::TypeError);
    EXPECT_THROW(a.as<glm::vec2>(), glumpp::ShapeError);
    EXPECT_NO_THROW(a.as<glm::vec3>());
    EXPECT_THROW(a.transpose().as<glm::vec4>(), glumpp::ShapeError);
    auto packed = Array::zeros({4}, DType::parse("[('flag', '|u1'), ('x', '<f4')]"));
    try {
        packed["x"].as<float>();
        ADD_FAILURE() << "misaligned typed view accepted";
    } catch (const glumpp::TypeError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "Array::as: elements at offset 1 with strides (5,) are not aligned to 4 bytes; use an aligned record "
                  "layout (RecordLayout::Aligned) or Array::value/assign");
    }
    auto v = a.as<glm::vec3>();
    try {
        v[4] = glm::vec3(0);
        ADD_FAILURE();
    } catch (const glumpp::IndexError& e) {
        EXPECT_STREQ(e.what(), "View::operator[]: index 4 is out of bounds for axis 0 with size 4");
    }
    auto m = Array::zeros<float>({2, 2}).as<float>();
    try {
        m(0) = 1;
        ADD_FAILURE();
    } catch (const glumpp::IndexError& e) {
        EXPECT_STREQ(e.what(), "View::operator(): a 2-d view takes 2 indices, not 1");
    }
    EXPECT_THROW(m[0], glumpp::IndexError);
    EXPECT_THROW(m(2, 0), glumpp::IndexError);
}

TEST(View, CopiesAndMovesKeepTheirRuns) {
    auto a = Array::zeros<int>({10});
    a.clear_pending();
    auto v = a.as<int>();
    v[1] = 1;
    auto moved = std::move(v);
    moved[2] = 2;
    auto copied = moved;
    copied[7] = 3;
    EXPECT_EQ(a.dirty_ranges(), R({{4, 12}, {28, 32}}));
}

TEST(View, ThreadsWritingDisjointHalves) {
    auto a = Array::zeros<float>({1 << 16});
    a.clear_pending();
    auto work = [&](std::size_t lo, std::size_t hi) {
        auto v = a.as<float>();
        for (std::size_t i = lo; i < hi; ++i) v[i] = float(i);
    };
    std::thread t1(work, 0, 1000), t2(work, 40000, 41000);
    t1.join();
    t2.join();
    EXPECT_EQ(a.dirty_ranges(), R({{0, 4000}, {160000, 164000}}));
}

// A view's flags go back to the storage when it dies and serve the next view: whatever
// the sizes and orders, the next view starts with nothing noted.
TEST(View, ReusedFlagsStartClean) {
    auto a = Array::zeros<float>({64});
    a.clear_pending();
    {
        auto all = a.as<float>();
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = 1; // every flag set, then reported
    }
    EXPECT_EQ(a.dirty_ranges(), R({{0, 256}}));
    a.clear_pending();
    {
        auto odd = a.view({glumpp::slice(1, 64, 2)}).as<float>(); // 32 elements: the 64 flags serve
        odd[3] = 2;
        EXPECT_EQ(a.dirty_ranges(), R({{28, 32}}));
        EXPECT_EQ(a.dirty_ranges(), R({{28, 32}})); // an idle view reports nothing new
        a.clear_pending();
        odd[-1] = 3;
    }
    EXPECT_EQ(a.dirty_ranges(), R({{252, 256}}));
    a.clear_pending();
    {
        auto reversed = a.view({glumpp::slice({}, {}, -1)}).as<float>();
        reversed[0] = 4; // the last element, through a negative stride
        reversed[63] = 5;
    }
    EXPECT_EQ(a.dirty_ranges(), R({{0, 4}, {252, 256}}));
    EXPECT_EQ(a.value<float>({0}), 5.f);
    EXPECT_EQ(a.value<float>({63}), 4.f);
}
