// Buffers on real GL: lazy uploads, exact calls, and the GPU's copy always equal to the CPU's.
#include "GLTest.hpp"

#include <glm/glm.hpp>

#include <cstring>
#include <random>

using namespace glumpp;
using glumpp::test::GLTest;
using Kind = gloo::UploadCall::Kind;

namespace {

const char* seed_dtype = "[('position', '<f4', (2,)), ('color', '<f4', (3,))]";

std::vector<std::byte> cpu_bytes(const Array& a) { return {a.base_data(), a.base_data() + a.base_nbytes()}; }

std::vector<std::pair<std::size_t, std::size_t>> calls_of(const gloo::Context& ctx, Kind kind) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (const auto& c : ctx.upload_log().calls()) {
        if (c.kind == kind) out.emplace_back(c.offset, c.size);
    }
    return out;
}

} // namespace

class Buffer : public GLTest {};

TEST_F(Buffer, NothingTouchesTheGpuUntilNeeded) {
    auto V = gloo::VertexBuffer::zeros({1000}, DType::parse(seed_dtype));
    for (int k = 0; k < 100; ++k) V["color"].view({k}).fill(k);
    EXPECT_EQ(V.handle(), 0u);
    EXPECT_TRUE(ctx.upload_log().calls().empty());
    EXPECT_TRUE(V.read_back().empty());
    V.sync();
    ASSERT_EQ(ctx.upload_log().calls().size(), 1u);
    EXPECT_EQ(ctx.upload_log().calls()[0].kind, Kind::BufferData);
    EXPECT_EQ(ctx.upload_log().calls()[0].size, 20000u);
    EXPECT_NE(V.handle(), 0u);
    EXPECT_EQ(V.read_back(), cpu_bytes(V));
    EXPECT_EQ(V.pending_data(), std::nullopt);
    ctx.upload_log().clear();
    V.sync(); // nothing written: nothing sent
    EXPECT_TRUE(ctx.upload_log().calls().empty());
}

TEST_F(Buffer, TheSeedExample) {
    auto V = gloo::VertexBuffer::zeros({3, 3}, DType::parse(seed_dtype));
    V.sync();
    ctx.upload_log().clear();
    V["position"].view({0, 0}).assign({1.0, 2.0});
    V["position"].view({1, 1}).assign({3.0, 4.0});
    EXPECT_EQ(V.pending_data(), (ByteRange{0, 88}));
    EXPECT_EQ(V.dirty_ranges(), (std::vector<ByteRange>{{0, 8}, {80, 88}}));
    V.sync(); // llvmpipe costs: 72 gap bytes are cheaper than a call, so one call of 88 bytes
    EXPECT_EQ(calls_of(ctx, Kind::BufferSubData), (std::vector<std::pair<std::size_t, std::size_t>>{{0, 88}}));
    EXPECT_EQ(V.read_back(), cpu_bytes(V));

    ctx.set_upload_costs(gloo::UploadCosts{0.5, 0.03, 1.0}); // a call costs less than 72 bytes
    ctx.upload_log().clear();
    V["position"].view({0, 0}).assign({5.0, 6.0});
    V["position"].view({1, 1}).assign({7.0, 8.0});
    V.sync();
    EXPECT_EQ(calls_of(ctx, Kind::BufferSubData), (std::vector<std::pair<std::size_t, std::size_t>>{{0, 8}, {80, 8}}));
    EXPECT_EQ(V.read_back(), cpu_bytes(V));
    const auto& stats = V.upload_stats();
    EXPECT_EQ(stats.calls, 1u + 1u + 2u);
    EXPECT_EQ(stats.bytes_sent, 180u + 88u + 16u);
    EXPECT_EQ(stats.gap_bytes, 72u + 0u + 0u);
}

TEST_F(Buffer, FieldOfAllRecordsWithEachStrategy) {
    for (auto strategy : {gloo::UploadStrategy::SubData, gloo::UploadStrategy::MapRange, gloo::UploadStrategy::Persistent}) {
        SCOPED_TRACE(gloo::to_string(strategy));
        ctx.set_upload_strategy(strategy);
        auto V = gloo::VertexBuffer::zeros({5000}, DType::parse(seed_dtype));
        V.sync();
        for (int frame = 0; frame < 3; ++frame) {
            auto pos = V["position"].as<glm::vec2>();
            for (std::size_t i = 0; i < pos.size(); ++i) pos[i] = glm::vec2(float(i + frame), float(frame));
            pos.flush();
            V.sync();
            ASSERT_EQ(V.read_back(), cpu_bytes(V));
        }
    }
}

TEST_F(Buffer, MappingServesSeveralRangesAndOneRangeIsASubData) {
    ctx.set_upload_strategy(gloo::UploadStrategy::MapRange);
    ctx.set_upload_costs(gloo::UploadCosts{0.5, 0.03, 1.0}); // gaps of 72 bytes stay open
    auto V = gloo::VertexBuffer::zeros({3, 3}, DType::parse(seed_dtype));
    V.sync();
    ctx.upload_log().clear();
    V["position"].view({0, 0}).assign({1.0, 2.0});
    V.sync();
    EXPECT_EQ(calls_of(ctx, Kind::BufferSubData), (std::vector<std::pair<std::size_t, std::size_t>>{{0, 8}}));
    EXPECT_TRUE(calls_of(ctx, Kind::MapRange).empty());
    ctx.upload_log().clear();
    V["position"].view({0, 0}).assign({3.0, 4.0});
    V["position"].view({1, 1}).assign({5.0, 6.0});
    V.sync();
    EXPECT_EQ(calls_of(ctx, Kind::MapRange), (std::vector<std::pair<std::size_t, std::size_t>>{{0, 8}, {80, 8}}));
    EXPECT_TRUE(calls_of(ctx, Kind::BufferSubData).empty());
    EXPECT_EQ(V.read_back(), cpu_bytes(V));
}

TEST_F(Buffer, AppendUploadsOnlyTheTailUntilTheCapacityGrows) {
    auto V = gloo::VertexBuffer::zeros<float>({4});
    V.sync();
    V.resize(2); // shrink: capacity stays 4
    EXPECT_EQ(V.capacity(), 4u);
    V.sync();
    ctx.upload_log().clear();
    V.append(Array::from<float>({7, 8}));
    EXPECT_EQ(V.shape(), (std::vector<std::size_t>{4}));
    V.sync();
    EXPECT_EQ(calls_of(ctx, Kind::BufferSubData), (std::vector<std::pair<std::size_t, std::size_t>>{{8, 8}}));
    EXPECT_EQ(V.to_vector<float>(), (std::vector<float>{0, 0, 7, 8}));
    ctx.upload_log().clear();
    V.append(Array::from<float>({9})); // past the capacity: new memory, everything again
    EXPECT_EQ(V.capacity(), 8u);
    V.sync();
    EXPECT_EQ(calls_of(ctx, Kind::BufferData), (std::vector<std::pair<std::size_t, std::size_t>>{{0, 32}}));
    auto back = V.read_back();
    ASSERT_EQ(back.size(), 32u);
    float first5[5];
    std::memcpy(first5, back.data(), sizeof first5);
    EXPECT_EQ(std::vector<float>(first5, first5 + 5), (std::vector<float>{0, 0, 7, 8, 9}));
    EXPECT_THROW(V.append(Array::from<float>({1, 2}, {1, 2})), ShapeError);
    EXPECT_EQ(V.shape(), (std::vector<std::size_t>{5})); // the refusal changed nothing
}

TEST_F(Buffer, TwoConsumersOfOneStorageInTwoContexts) {
    auto first = ctx;
    auto data = Array::zeros<float>({256});
    auto A = gloo::VertexBuffer::over(data);
    A.sync();
    gloo::ContextOptions options;
    options.costs = glumpp::test::fixed_costs();
    auto second = gloo::Context::headless(options);
    auto B = gloo::VertexBuffer::over(data);
    B.sync();
    std::mt19937 rng(7);
    for (int step = 0; step < 200; ++step) {
        data.view({static_cast<long>(rng() % 256)}).fill(static_cast<float>(step));
        if (rng() % 3 == 0) {
            first.make_current();
            A.sync();
            ASSERT_EQ(A.read_back(), cpu_bytes(data)) << "step " << step;
        }
        if (rng() % 4 == 0) {
            second.make_current();
            B.sync();
            ASSERT_EQ(B.read_back(), cpu_bytes(data)) << "step " << step;
        }
    }
    first.make_current();
}

TEST_F(Buffer, IndexBufferTypes) {
    auto I = gloo::IndexBuffer::from(std::vector<std::uint16_t>{0, 1, 2});
    EXPECT_EQ(I.gl_type(), 0x1403u); // GL_UNSIGNED_SHORT
    try {
        gloo::IndexBuffer::over(Array::from<int>({0, 1}));
        ADD_FAILURE();
    } catch (const TypeError& e) {
        EXPECT_STREQ(e.what(), "IndexBuffer::over: indices must be native uint8, uint16 or uint32, not int32");
    }
}

// The differential property test: random writes through random views, random sync
// points, random cost models and strategies; the GPU copy must equal the CPU bytes.
TEST_F(Buffer, GpuCopyEqualsCpuBytesAfterEverySync) {
    std::mt19937_64 rng(99);
    const char* dtypes[] = {"<f4", "|u1", "<i2", seed_dtype, "[('a', '|u1'), ('b', '<f8'), ('c', '<i2', (3,))]",
                            "[('x', '<f4'), ('', '|V3'), ('y', '>i4')]"};
    const gloo::UploadStrategy strategies[] = {gloo::UploadStrategy::SubData, gloo::UploadStrategy::MapRange,
                                               gloo::UploadStrategy::Persistent};
    std::size_t syncs = 0, mismatches = 0;
    for (int round = 0; round < 200; ++round) {
        ctx.set_upload_strategy(strategies[rng() % 3]);
        ctx.set_upload_costs(gloo::UploadCosts{static_cast<double>(rng() % 200) + 0.1, 0.01 + 0.1 * double(rng() % 10), 1.0});
        const DType dtype = DType::parse(dtypes[rng() % std::size(dtypes)]);
        std::vector<std::size_t> shape{1 + rng() % 300};
        if (rng() % 2) shape.push_back(1 + rng() % 5);
        auto V = gloo::VertexBuffer::zeros(shape, dtype);
        V.tracker().set_cap(1 + rng() % 64);
        for (int step = 0; step < 60; ++step) {
            Array view = V;
            if (view.dtype().is_record() && rng() % 2) {
                const auto& f = view.dtype().fields()[rng() % view.dtype().fields().size()];
                if (f.dtype.scalar_kind() != ScalarKind::Void) view = view[f.name];
            }
            const std::size_t n = view.shape()[0];
            const long a = static_cast<long>(rng() % (n + 1)), b = static_cast<long>(rng() % (n + 1));
            const long step_size = static_cast<long>(1 + rng() % 4) * (rng() % 2 ? 1 : -1);
            view = view.view({slice(std::min(a, b), std::max(a, b), step_size)});
            const int value = static_cast<int>(rng() % 100);
            switch (rng() % 3) {
            case 0: view.fill(value); break;
            case 1: {
                Array src = Array::zeros(view.shape(), view.dtype());
                src.fill(value);
                view.assign(src);
                break;
            }
            default:
                if (view.dtype().is_scalar() && view.dtype().scalar_kind() != ScalarKind::Bool) {
                    view += 1;
                } else {
                    view.fill(value);
                }
            }
            if (rng() % 4 == 0) {
                V.sync();
                ++syncs;
                mismatches += V.read_back() != cpu_bytes(V);
            }
        }
        V.sync();
        ++syncs;
        mismatches += V.read_back() != cpu_bytes(V);
    }
    EXPECT_EQ(mismatches, 0u);
    EXPECT_GT(syncs, 3000u); // 12,000 random writes
}
