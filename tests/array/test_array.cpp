// Array: views, writes, conversions and the errors bad input gets.
#include <glumpp/array.hpp>

#include <gtest/gtest.h>

#include "../TestUtil.hpp"

#include <cmath>

using glumpp::Array;
using glumpp::ByteRange;
using glumpp::DType;
using glumpp::slice;
using glumpp::test::message_of;

namespace {

std::vector<ByteRange> R(std::initializer_list<ByteRange> r) { return r; }

} // namespace

TEST(Array, TheSeedExample) {
    auto V = Array::zeros({3, 3}, DType::parse("[('position', '<f4', (2,)), ('color', '<f4', (3,))]"));
    EXPECT_EQ(V.pending_data(), (ByteRange{0, 180})); // a new array is entirely dirty
    V.clear_pending();
    EXPECT_EQ(V.pending_data(), std::nullopt);
    V["position"].view({0, 0}).assign({0.0, 0.0});
    EXPECT_EQ(V.pending_data(), (ByteRange{0, 8}));
    V["position"].view({1, 1}).assign({0.0, 0.0});
    EXPECT_EQ(V.pending_data(), (ByteRange{0, 88}));
    EXPECT_EQ(V.dirty_ranges(), R({{0, 8}, {80, 88}}));
}

TEST(Array, GlumpysTableOfPendingRanges) {
    auto V = Array::zeros<float>({10});
    auto check = [&](auto write, std::optional<ByteRange> expected) {
        V.clear_pending();
        write();
        EXPECT_EQ(V.pending_data(), expected);
    };
    check([&] { V.view({slice(2, 5)}).fill(1); }, ByteRange{8, 20});
    check([&] { V.view({3}).fill(1); }, ByteRange{12, 16});
    check([&] { V.view({-1}).fill(1); }, ByteRange{36, 40});
    check([&] { V.view({slice({}, {}, 3)}).fill(1); }, ByteRange{0, 40});
    check([&] { V += 1; }, ByteRange{0, 40});
    check([&] { V /= 2; }, ByteRange{0, 40}); // untracked in glumpy
    check([&] { V.fill(3); }, ByteRange{0, 40}); // untracked in glumpy
    check([&] { V.view({slice({}, {}, -1)}).fill(1); }, ByteRange{0, 40}); // (36, 4) in glumpy
    check([&] { V.view({slice(2, 4)}) += 1; }, ByteRange{8, 16});
    auto W = V.view({slice(2, 8)});
    check([&] { W.view({slice(1, 3)}).fill(1); }, ByteRange{12, 20});
    check([&] { W.view({-1}).fill(1); }, ByteRange{28, 32});
    V.clear_pending();
    V.view({slice({}, {}, 3)}).fill(1);
    EXPECT_EQ(V.dirty_ranges(), R({{0, 4}, {12, 16}, {24, 28}, {36, 40}}));
}

TEST(Array, TwoDimensionalViewsAndTranspose) {
    auto M = Array::zeros<float>({4, 5});
    auto at = [&](std::initializer_list<glumpp::Index> idx) {
        M.clear_pending();
        M.view(idx).fill(7);
        return M.dirty_ranges();
    };
    EXPECT_EQ(at({1, 2}), R({{28, 32}}));
    EXPECT_EQ(at({1}), R({{20, 40}}));
    EXPECT_EQ(at({glumpp::all, 2}), R({{8, 12}, {28, 32}, {48, 52}, {68, 72}}));
    EXPECT_EQ(at({slice(1, 3), slice(1, 3)}), R({{24, 32}, {44, 52}}));
    EXPECT_EQ(at({-1, -1}), R({{76, 80}}));
    M.clear_pending();
    M.transpose().view({0, 1}).fill(2);
    EXPECT_EQ(M.dirty_ranges(), R({{20, 24}}));
    EXPECT_EQ(M.value<float>({1, 0}), 2.0f);
    M.clear_pending();
    M.reshape({20}).view({7}).fill(3);
    EXPECT_EQ(M.dirty_ranges(), R({{28, 32}}));
    EXPECT_EQ(M.value<int>({1, 2}), 3);
}

TEST(Array, StructuredFieldsAndRecords) {
    auto S = Array::zeros({10}, DType::parse("[('position', '<f4', (3,)), ('color', '<f4', (4,))]"));
    S.clear_pending();
    S["color"].fill(1);
    EXPECT_EQ(S.pending_data(), (ByteRange{12, 280}));
    EXPECT_EQ(S.dirty_ranges().size(), 10u); // exact: 16 bytes per record
    S.clear_pending();
    S["color"].view({2}).fill(5);
    EXPECT_EQ(S.dirty_ranges(), R({{68, 84}}));
    S.clear_pending();
    S["color"].view({2, 1}).fill(5);
    EXPECT_EQ(S.dirty_ranges(), R({{72, 76}}));
    S.clear_pending();
    S.view({3})["color"].fill(5); // untracked in glumpy (NumPy void scalar)
    EXPECT_EQ(S.dirty_ranges(), R({{96, 112}}));
    EXPECT_EQ(S.view({slice(5)})["color"].offset(), 152u);
    EXPECT_EQ(S["color"].shape(), (std::vector<std::size_t>{10, 4}));
    EXPECT_EQ(S["color"].strides(), (std::vector<std::ptrdiff_t>{28, 4}));
}

TEST(Array, FillAndAssignConvertLikeNumPy) {
    auto a = Array::zeros<std::int16_t>({4});
    a.assign(Array::from<double>({1.9, -1.9, 1e9, std::nan("")}));
    EXPECT_EQ(a.to_vector<int>(), (std::vector<int>{1, -1, 32767, 0})); // truncate, saturate, NaN -> 0
    auto u = Array::zeros<std::uint8_t>({3});
    u.assign(Array::from<int>({300, -1, 7})); // integers wrap, as NumPy's unsafe cast
    EXPECT_EQ(u.to_vector<int>(), (std::vector<int>{44, 255, 7}));
    auto h = Array::zeros({3}, DType::parse("<f2"));
    h.assign(Array::from<float>({1.5f, 65504.f, 1e-8f}));
    EXPECT_EQ(h.to_vector<float>(), (std::vector<float>{1.5f, 65504.f, 0.f}));
    auto big = Array::zeros({2}, DType::parse(">i4"));
    big.assign(Array::from<int>({1, 258}));
    EXPECT_EQ(big.to_vector<int>(), (std::vector<int>{1, 258}));
    const auto* bytes = reinterpret_cast<const unsigned char*>(big.base_data());
    EXPECT_EQ(bytes[3], 1); // big-endian in memory
    EXPECT_EQ(bytes[6], 1);
    EXPECT_EQ(bytes[7], 2);
    auto b = Array::zeros<bool>({3});
    b.assign(Array::from<float>({0.f, 2.f, -0.5f}));
    EXPECT_EQ(b.to_vector<int>(), (std::vector<int>{0, 1, 1}));
}

TEST(Array, BroadcastingAssign) {
    auto a = Array::zeros<float>({3, 4});
    a.assign(Array::from<float>({1, 2, 3, 4}));
    EXPECT_EQ(a.view({2}).to_vector<float>(), (std::vector<float>{1, 2, 3, 4}));
    a.assign(Array::from<float>({10, 20, 30}, {3, 1}));
    EXPECT_EQ(a.view({glumpp::all, 3}).to_vector<float>(), (std::vector<float>{10, 20, 30}));
    EXPECT_EQ(message_of<glumpp::ShapeError>([&] { a.assign(Array::from<float>({1, 2, 3})); }),
              "Array::assign: could not broadcast input array from shape (3,) into shape (3, 4)");
    EXPECT_EQ(a.view({0}).to_vector<float>(), (std::vector<float>{10, 10, 10, 10})); // unchanged by the refusal
}

TEST(Array, RecordAssignMatchesFieldsByPosition) {
    auto a = Array::zeros({2}, DType::parse("[('x', '<f4'), ('y', '<i4')]"));
    auto b = Array::zeros({2}, DType::parse("[('u', '<f8'), ('v', '>i2')]"));
    b["u"].fill(2.5);
    b["v"].fill(-3);
    a.assign(b);
    EXPECT_EQ(a["x"].to_vector<float>(), (std::vector<float>{2.5f, 2.5f}));
    EXPECT_EQ(a["y"].to_vector<int>(), (std::vector<int>{-3, -3}));
    auto c = Array::zeros({2}, DType::parse("[('x', '<f4')]"));
    EXPECT_THROW(a.assign(c), glumpp::TypeError);
    auto s = Array::zeros<float>({2});
    EXPECT_EQ(message_of<glumpp::TypeError>([&] { s.assign(a); }),
              "Array::assign: cannot convert [('x', '<f4'), ('y', '<i4')] to float32: a structured value does not fit in a scalar");
    a.fill(1); // a scalar goes into every field
    EXPECT_EQ(a["y"].to_vector<int>(), (std::vector<int>{1, 1}));
}

TEST(Array, OverlappingAssignReadsTheOldValues) {
    auto a = Array::from<int>({1, 2, 3, 4, 5});
    a.view({slice(1)}).assign(a.view({slice({}, -1)}));
    EXPECT_EQ(a.to_vector<int>(), (std::vector<int>{1, 1, 2, 3, 4}));
    a.view({slice(1)}) += a.view({slice({}, -1)});
    EXPECT_EQ(a.to_vector<int>(), (std::vector<int>{1, 2, 3, 5, 7}));
    a += a.view({slice({}, {}, -1)});
    EXPECT_EQ(a.to_vector<int>(), (std::vector<int>{8, 7, 6, 7, 8}));
}

TEST(Array, CompoundOperatorsFollowSameKind) {
    auto f = Array::from<float>({1, 2, 3});
    f += 1;
    f *= 2.5;
    f -= Array::from<double>({1, 1, 1});
    f /= 2;
    EXPECT_EQ(f.to_vector<float>(), (std::vector<float>{2, 3.25f, 4.5f}));
    auto i = Array::from<int>({1, 2, 3});
    i *= 3;
    i -= Array::from<std::uint8_t>({1, 1, 1});
    EXPECT_EQ(i.to_vector<int>(), (std::vector<int>{2, 5, 8}));
    EXPECT_EQ(message_of<glumpp::TypeError>([&] { i += 0.5; }),
              "Array::operator+=: cannot store a float result in int32 (NumPy's same_kind rule); use an integer operand or a float array");
    EXPECT_EQ(message_of<glumpp::TypeError>([&] { i /= 2; }),
              "Array::operator/=: true division of int32 gives floats, which an integer array cannot hold (NumPy's same_kind rule)");
    EXPECT_THROW(i += f, glumpp::TypeError);
    auto b = Array::zeros<bool>({2});
    EXPECT_THROW(b += 1, glumpp::TypeError);
    EXPECT_EQ(i.to_vector<int>(), (std::vector<int>{2, 5, 8})); // refusals wrote nothing
}

TEST(Array, IndexErrorsNameTheFunctionAndValues) {
    auto a = Array::zeros<float>({3, 4});
    EXPECT_EQ(message_of<glumpp::IndexError>([&] { a.view({3}); }),
              "Array::view: index 3 is out of bounds for axis 0 with size 3");
    EXPECT_EQ(message_of<glumpp::IndexError>([&] { a.view({0, -5}); }),
              "Array::view: index -5 is out of bounds for axis 1 with size 4");
    EXPECT_EQ(message_of<glumpp::IndexError>([&] { a.view({0, 0, 0}); }),
              "Array::view: too many indices for array: array is 2-dimensional, but 3 were indexed");
    EXPECT_EQ(message_of<glumpp::ValueError>([&] { a.view({slice(0, 2, 0)}); }), "Array::view: slice step cannot be zero");
    EXPECT_EQ(message_of<glumpp::KeyError>([&] { a["x"]; }), "Array::operator[]: no field 'x': float32 has no fields");
    EXPECT_EQ(message_of<glumpp::ShapeError>([&] { a.reshape({5}); }),
              "Array::reshape: cannot reshape array of size 12 into shape (5,)");
    EXPECT_THROW(a.transpose().reshape({12}), glumpp::ShapeError);
    std::size_t big = std::size_t(-1);
    EXPECT_EQ(message_of<glumpp::IndexError>([&] { a.view({big}); }),
              "Array::view: index 18446744073709551615 is out of bounds for axis 0 with size 3");
    EXPECT_EQ(message_of<glumpp::ValueError>([&] { Array().fill(1); }),
              "Array::fill: the array is a null handle (default-constructed)");
}

TEST(Array, PythonSlices) {
    auto a = Array::from<int>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    auto v = [&](glumpp::Slice s) { return a.view({s}).to_vector<int>(); };
    EXPECT_EQ(v(slice({}, {}, -1)), (std::vector<int>{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}));
    EXPECT_EQ(v(slice(-3)), (std::vector<int>{7, 8, 9}));
    EXPECT_EQ(v(slice(8, 2, -3)), (std::vector<int>{8, 5}));
    EXPECT_EQ(v(slice(-100, 100, 4)), (std::vector<int>{0, 4, 8}));
    EXPECT_EQ(v(slice(5, 2)), (std::vector<int>{}));
    EXPECT_EQ(v(slice({}, -11, -1)), (std::vector<int>{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}));
    EXPECT_EQ(a.view({slice(2, 8)}).view({slice({}, {}, -2)}).to_vector<int>(), (std::vector<int>{7, 5, 3}));
    auto m = Array::zeros<int>({2, 3, 4});
    EXPECT_EQ(m.view({glumpp::ellipsis, 1}).shape(), (std::vector<std::size_t>{2, 3}));
    EXPECT_EQ(m.view({1, glumpp::ellipsis}).shape(), (std::vector<std::size_t>{3, 4}));
}

TEST(Array, ReshapeWithoutCopyWhereNumPyCan) {
    auto a = Array::zeros<float>({6, 4});
    EXPECT_EQ(a.reshape({2, 3, 4}).strides(), (std::vector<std::ptrdiff_t>{48, 16, 4}));
    auto cols = a.view({glumpp::all, slice(0, 2)}); // (6, 2) strides (16, 4)
    EXPECT_EQ(cols.reshape({3, 2, 2}).strides(), (std::vector<std::ptrdiff_t>{32, 16, 4}));
    EXPECT_THROW(cols.reshape({12}), glumpp::ShapeError);
    EXPECT_EQ(a.reshape({24, 1}).strides()[0], 4);
}

TEST(Array, WriteScopeMarksItsFootprint) {
    auto a = Array::zeros<float>({8});
    a.clear_pending();
    {
        auto w = a.view({slice(2, 4)}).write();
        w.data_as<float>()[0] = 5;
    }
    EXPECT_EQ(a.dirty_ranges(), R({{8, 16}}));
    EXPECT_EQ(a.value<float>({2}), 5.f);
}

TEST(Array, SeveralTrackersEachSeeEveryWriteSinceTheirOwnClear) {
    auto a = Array::zeros<float>({16});
    auto gpu1 = std::make_shared<glumpp::Tracker>(a.storage());
    auto gpu2 = std::make_shared<glumpp::Tracker>(a.storage());
    gpu1->clear();
    a.view({1}).fill(1);
    gpu2->clear();
    a.view({5}).fill(1);
    EXPECT_EQ(gpu1->take(), R({{4, 8}, {20, 24}}));
    EXPECT_EQ(gpu2->take(), R({{20, 24}}));
    EXPECT_EQ(gpu1->pending_data(), std::nullopt);
    EXPECT_EQ(a.pending_data(), (ByteRange{0, 64})); // the array's own tracker was never cleared
}

TEST(Array, CopyAndValue) {
    auto a = Array::from<float>({1, 2, 3, 4, 5, 6}, {2, 3});
    auto c = a.transpose().copy();
    EXPECT_TRUE(c.is_contiguous());
    EXPECT_EQ(c.to_vector<float>(), (std::vector<float>{1, 4, 2, 5, 3, 6}));
    EXPECT_EQ(c.pending_data(), (ByteRange{0, 24}));
    EXPECT_EQ(a.value<double>({1, 2}), 6.0);
    EXPECT_THROW(a.value<float>({1}), glumpp::ShapeError);
}

TEST(Array, HugeAxesBesideAZeroAxisAreStillChecked) {
    // Empty, but the strides would overflow: refused like NumPy refuses it.
    EXPECT_THROW(Array::zeros<float>({0, std::size_t(1) << 62, std::size_t(1) << 62}), glumpp::ShapeError);
    EXPECT_EQ(Array::zeros<float>({0, 1000, 1000}).size(), 0u);
}
