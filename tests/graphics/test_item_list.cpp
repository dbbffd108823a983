// ItemList on real GL: structural changes upload exactly the bytes that moved or are new,
// and the GPU's copy always equals the CPU's.
#include "../gloo/GLTest.hpp"

#include <glumpp/graphics/ItemList.hpp>

#include <cstring>
#include <random>

using namespace glumpp;
using glumpp::graphics::IndexList;
using glumpp::graphics::ItemBounds;
using glumpp::graphics::VertexList;
using glumpp::test::GLTest;
using Kind = gloo::UploadCall::Kind;

namespace {

struct Rec {
    float x, y;
    std::uint32_t tag;
};
GLUMPP_DTYPE(Rec, x, y, tag);
constexpr std::size_t rec_size = sizeof(Rec); // 12

/// `n` records whose tags are first, first + 1...
Array records(std::size_t n, std::uint32_t first) {
    std::vector<Rec> v(n);
    for (std::size_t k = 0; k < n; ++k) v[k] = {float(first + k), -float(first + k), std::uint32_t(first + k)};
    return Array::from(v);
}

std::vector<std::pair<std::size_t, std::size_t>> sub_data_calls(const gloo::Context& ctx) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (const auto& c : ctx.upload_log().calls()) {
        EXPECT_EQ(c.kind, Kind::BufferSubData);
        out.emplace_back(c.offset, c.size);
    }
    return out;
}

using Calls = std::vector<std::pair<std::size_t, std::size_t>>;

} // namespace

class ItemList : public GLTest {};

TEST_F(ItemList, AppendUploadsOnlyTheNewTail) {
    VertexList list(DType::of<Rec>());
    list.append(records(3, 0));
    list.append(records(2, 3)); // past the capacity: the storage doubles to 6 elements
    EXPECT_EQ(list.capacity(), 6u);
    list.buffer().sync();
    ctx.upload_log().clear();

    list.append(records(1, 5)); // within the capacity
    list.buffer().sync();
    EXPECT_EQ(sub_data_calls(ctx), (Calls{{5 * rec_size, rec_size}}));
    EXPECT_EQ(list.size(), 3u);
    EXPECT_EQ(list.count(), 6u);
    EXPECT_EQ(list.bounds(2), (ItemBounds{5, 6}));
    EXPECT_EQ(list.buffer().read_back(), std::vector<std::byte>(list.buffer().base_data(), list.buffer().base_data() + 6 * rec_size));
}

TEST_F(ItemList, AppendsSeveralItemsAtOnce) {
    VertexList list(DType::of<Rec>());
    const std::size_t sizes[] = {2, 0, 3};
    list.append(records(5, 0), sizes);
    EXPECT_EQ(list.size(), 3u);
    EXPECT_EQ(list.bounds(0), (ItemBounds{0, 2}));
    EXPECT_EQ(list.bounds(1), (ItemBounds{2, 2}));
    EXPECT_EQ(list.bounds(2), (ItemBounds{2, 5}));
    EXPECT_EQ(list[2]["tag"].to_vector<std::uint32_t>(), (std::vector<std::uint32_t>{2, 3, 4}));
}

TEST_F(ItemList, GrowthIsGeometric) {
    VertexList list(DType::of<Rec>());
    std::size_t reallocations = 0, capacity = list.capacity();
    for (std::uint32_t k = 0; k < 1000; ++k) {
        list.append(records(1, k));
        if (list.capacity() != capacity) ++reallocations;
        capacity = list.capacity();
    }
    EXPECT_LE(reallocations, 11u); // 1, 2, 4, ... 1024
    EXPECT_GE(list.capacity(), 1000u);
}

TEST_F(ItemList, EraseResendsOnlyTheMovedSpan) {
    VertexList list(DType::of<Rec>());
    list.append(records(2, 0));
    list.append(records(3, 2));
    list.append(records(4, 5));
    list.buffer().sync();
    ctx.upload_log().clear();

    list.erase(1); // item 2's four elements move from [5, 9) to [2, 6)
    list.buffer().sync();
    EXPECT_EQ(sub_data_calls(ctx), (Calls{{2 * rec_size, 4 * rec_size}}));
    EXPECT_EQ(list.size(), 2u);
    EXPECT_EQ(list.bounds(1), (ItemBounds{2, 6}));
    EXPECT_EQ(list[1]["tag"].to_vector<std::uint32_t>(), (std::vector<std::uint32_t>{5, 6, 7, 8}));
    EXPECT_EQ(list.capacity(), 10u) << "erasing never shrinks the storage";

    ctx.upload_log().clear();
    list.erase(1); // the last item: nothing moves, nothing is sent
    list.buffer().sync();
    EXPECT_TRUE(ctx.upload_log().calls().empty());
    EXPECT_EQ(list.count(), 2u);
}

TEST_F(ItemList, InsertAndResizingSetMoveTheTailOnce) {
    VertexList list(DType::of<Rec>());
    list.append(records(2, 0));
    list.append(records(2, 2));
    list.append(records(2, 4));
    list.erase(2); // leaves room: capacity 8, count 4
    list.buffer().sync();
    ctx.upload_log().clear();

    list.insert(1, records(1, 100)); // [0 1] [100] [2 3]
    list.buffer().sync();
    EXPECT_EQ(sub_data_calls(ctx), (Calls{{2 * rec_size, 3 * rec_size}}));
    EXPECT_EQ(list["tag"].to_vector<std::uint32_t>(), (std::vector<std::uint32_t>{0, 1, 100, 2, 3}));

    ctx.upload_log().clear();
    list.set(1, records(1, 200)); // same size: in place
    list.buffer().sync();
    EXPECT_EQ(sub_data_calls(ctx), (Calls{{2 * rec_size, rec_size}}));

    ctx.upload_log().clear();
    list.set(0, records(1, 300)); // shorter: the rest moves down by one
    list.buffer().sync();
    EXPECT_EQ(sub_data_calls(ctx), (Calls{{0, 4 * rec_size}}));
    EXPECT_EQ(list["tag"].to_vector<std::uint32_t>(), (std::vector<std::uint32_t>{300, 200, 2, 3}));
    EXPECT_EQ(list.bounds(2), (ItemBounds{2, 4}));
}

TEST_F(ItemList, EditingOneItemThroughItsViewSendsItsBytes) {
    VertexList list(DType::of<Rec>());
    for (std::uint32_t k = 0; k < 100; ++k) list.append(records(4, 4 * k));
    list.buffer().sync();
    ctx.upload_log().clear();
    list[37]["x"].fill(1.5);
    list.buffer().sync();
    // The x fields of elements 148..151: from the first x to the last one's end.
    EXPECT_EQ(sub_data_calls(ctx), (Calls{{148 * rec_size, 3 * rec_size + 4}}));
}

TEST_F(ItemList, BadArgumentsNameTheFunctionAndChangeNothing) {
    VertexList list(DType::of<Rec>());
    list.append(records(2, 0));
    const auto expect_message = [](auto&& f, const std::string& text) {
        try {
            f();
            ADD_FAILURE() << "no exception, expected: " << text;
        } catch (const Error& e) {
            EXPECT_EQ(std::string(e.what()), text);
        }
    };
    EXPECT_THROW(list.erase(1), IndexError);
    expect_message([&] { list.erase(1); }, "ItemList::erase: item 1 is out of range for a list of 1 item");
    expect_message([&] { list.erase(0, 2); }, "ItemList::erase: items [0, 2) are not a range of a list of 1 item");
    expect_message([&] { list.insert(2, records(1, 0)); }, "ItemList::insert: item 2 is out of range for a list of 1 item");
    expect_message([&] { (void)list[5]; }, "ItemList::operator[]: item 5 is out of range for a list of 1 item");
    expect_message([&] { (void)list.bounds(1); }, "ItemList::bounds: item 1 is out of range for a list of 1 item");
    const std::size_t sizes[] = {1, 2};
    expect_message([&] { list.append(records(2, 0), sizes); },
                   "ItemList::append: the item sizes add up to 3 elements but 2 were given");
    EXPECT_THROW(list.append(Array::zeros<float>({2, 5})), ShapeError);
    EXPECT_THROW(list.set(0, Array::zeros<float>({2, 5})), ShapeError);
    EXPECT_THROW(list["nope"], KeyError);
    EXPECT_THROW(IndexList(DType::of<float>()), TypeError);
    EXPECT_EQ(list.size(), 1u);
    EXPECT_EQ(list["tag"].to_vector<std::uint32_t>(), (std::vector<std::uint32_t>{0, 1}));
}

TEST_F(ItemList, IndexListsHoldIndices) {
    IndexList list(DType::of<std::uint16_t>());
    list.append(Array::from<std::uint16_t>({0, 1, 2}));
    list.append(Array::from<std::uint16_t>({2, 1, 3}));
    list.erase(0);
    list.buffer().sync();
    EXPECT_EQ(list.buffer().gl_type(), 0x1403u); // GL_UNSIGNED_SHORT
    const auto gpu = list.buffer().read_back();
    std::uint16_t first3[3];
    std::memcpy(first3, gpu.data(), sizeof first3);
    EXPECT_EQ(std::vector<std::uint16_t>(first3, first3 + 3), (std::vector<std::uint16_t>{2, 1, 3}));
}

// Random appends, inserts, erases and sets against a plain vector of items; syncs at random
// points. The GPU's copy of the live elements must always equal the model's bytes.
TEST_F(ItemList, MatchesAModelUnderRandomOperations) {
    std::mt19937 rng(5);
    VertexList list(DType::of<Rec>());
    std::vector<std::vector<Rec>> model;
    std::uint32_t next = 0;
    auto make = [&](std::size_t n) {
        std::vector<Rec> v(n);
        for (auto& r : v) r = {float(next), 0.5f * float(next), next}, ++next;
        return v;
    };
    for (int step = 0; step < 400; ++step) {
        const int op = int(rng() % 10);
        const std::size_t n = rng() % 6; // empty items too
        if (op < 4 || model.empty()) {
            auto v = make(n);
            list.append(Array::from(v, {n}));
            model.push_back(v);
        } else if (op < 6) {
            const std::size_t i = rng() % (model.size() + 1);
            auto v = make(n);
            list.insert(i, Array::from(v, {n}));
            model.insert(model.begin() + std::ptrdiff_t(i), v);
        } else if (op < 8) {
            const std::size_t i = rng() % model.size(), j = i + rng() % std::min<std::size_t>(3, model.size() - i + 1);
            list.erase(i, j);
            model.erase(model.begin() + std::ptrdiff_t(i), model.begin() + std::ptrdiff_t(j));
        } else {
            const std::size_t i = rng() % model.size();
            auto v = make(n);
            list.set(i, Array::from(v, {n}));
            model[i] = v;
        }
        if (rng() % 3 == 0 || step == 399) {
            list.buffer().sync();
            std::vector<Rec> flat;
            for (const auto& item : model) flat.insert(flat.end(), item.begin(), item.end());
            ASSERT_EQ(list.count(), flat.size());
            ASSERT_EQ(list.size(), model.size());
            const auto gpu = list.buffer().read_back();
            ASSERT_GE(gpu.size(), flat.size() * rec_size);
            if (!flat.empty()) {
                ASSERT_EQ(std::memcmp(gpu.data(), flat.data(), flat.size() * rec_size), 0) << "at step " << step;
            }
            std::size_t start = 0;
            for (std::size_t i = 0; i < model.size(); ++i) {
                ASSERT_EQ(list.bounds(i), (ItemBounds{start, start + model[i].size()}));
                start += model[i].size();
            }
        }
    }
}
