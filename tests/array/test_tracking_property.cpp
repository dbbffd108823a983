// Property test of dirty tracking against an independent model.
//
// Random dtypes, random views (integers, slices with any step, fields, sub-array fields,
// transposes, views of views) and random writes (fill, assign, compound ops, typed views,
// raw write scopes). The model keeps, for every view, the byte offset of each element,
// computed with its own brute-force Python slicing, never with glumpp's strides. After
// every write:
//  - every byte that changed lies in bytes the model says the view owns (no stray write);
//  - after a fill with a small integer, every scalar of the view decodes to it (the view
//    addresses the right bytes);
//  - dirty_ranges() covers every written byte, is exact while the exact set never
//    exceeded the cap since the last clear, and pending_data() is the hull of the
//    written bytes (glumpy's single range);
//  - a second tracker, cleared at other moments, sees every write since its own clear.
#include <glumpp/array.hpp>

#include <gtest/gtest.h>

#include "../TestUtil.hpp"

#include <cmath>
#include <cstring>
#include <random>

using glumpp::Array;
using glumpp::ByteRange;
using glumpp::DType;
using glumpp::ScalarKind;
using glumpp::test::runs_of;

namespace {

using Rng = std::mt19937_64;

std::size_t pick(Rng& rng, std::size_t n) { return static_cast<std::size_t>(rng() % n); }

DType random_scalar(Rng& rng) {
    static const char* pool[] = {"<f4", "<f8", "<i2", ">i4", "|u1", "|b1", "<f2", "<u8", ">f8", "|i1"};
    return DType::parse(pool[pick(rng, std::size(pool))]);
}

DType random_dtype(Rng& rng, int depth = 0) {
    const std::size_t kind = pick(rng, depth ? 3 : 4);
    if (kind == 0) return random_scalar(rng);
    std::vector<std::pair<std::string, DType>> fields;
    const std::size_t n = 1 + pick(rng, 3);
    for (std::size_t k = 0; k < n; ++k) {
        DType f = depth < 1 && pick(rng, 4) == 0 ? random_dtype(rng, depth + 1) : random_scalar(rng);
        if (pick(rng, 3) == 0) f = DType::subarray(f, {1 + pick(rng, 3)});
        fields.emplace_back("f" + std::to_string(k), f);
    }
    if (kind == 1) return DType::record(fields);
    if (kind == 2) return DType::record(fields, glumpp::RecordLayout::Aligned);
    std::vector<DType::Field> placed; // explicit offsets with gaps
    std::size_t at = pick(rng, 3);
    for (auto& [name, d] : fields) {
        placed.push_back({name, d, at});
        at += d.itemsize() + pick(rng, 4);
    }
    return DType::record_at(placed, at + pick(rng, 3));
}

// The model of a view: shape and the storage offset of every element, row-major.
struct Model {
    DType dtype;
    std::vector<std::size_t> shape;
    std::vector<std::size_t> offsets;
};

// Python's slice semantics, by brute force over the indices of an axis.
std::vector<std::size_t> python_slice(std::size_t n, std::optional<long> start, std::optional<long> stop, long step) {
    const long len = static_cast<long>(n);
    auto norm = [&](std::optional<long> v, long dflt, bool is_start) {
        if (!v) return dflt;
        long x = *v < 0 ? *v + len : *v;
        if (step > 0) return std::clamp(x, 0L, len);
        (void)is_start;
        return std::clamp(x, -1L, len - 1);
    };
    const long b = norm(start, step > 0 ? 0 : len - 1, true);
    const long e = norm(stop, step > 0 ? len : -1, false);
    std::vector<std::size_t> out;
    for (long i = b; step > 0 ? i < e : i > e; i += step) out.push_back(static_cast<std::size_t>(i));
    return out;
}

// Applies a per-axis selection: `keep[axis]` lists the chosen indices, `drop` removes the axis.
Model select(const Model& m, std::size_t axis, const std::vector<std::size_t>& chosen, bool drop) {
    Model out{m.dtype, {}, {}};
    std::size_t inner = 1, outer = 1;
    for (std::size_t k = axis + 1; k < m.shape.size(); ++k) inner *= m.shape[k];
    for (std::size_t k = 0; k < axis; ++k) outer *= m.shape[k];
    for (std::size_t k = 0; k < m.shape.size(); ++k) {
        if (k != axis) {
            out.shape.push_back(m.shape[k]);
        } else if (!drop) {
            out.shape.push_back(chosen.size());
        }
    }
    for (std::size_t o = 0; o < outer; ++o) {
        for (std::size_t c : chosen) {
            for (std::size_t i = 0; i < inner; ++i) out.offsets.push_back(m.offsets[(o * m.shape[axis] + c) * inner + i]);
        }
    }
    return out;
}

Model field_model(const Model& m, const DType::Field& f) {
    Model out{f.dtype.base(), m.shape, {}};
    std::size_t sub = 1;
    for (auto s : f.dtype.subshape()) {
        out.shape.push_back(s);
        sub *= s;
    }
    for (std::size_t off : m.offsets) {
        for (std::size_t e = 0; e < sub; ++e) out.offsets.push_back(off + f.offset + e * f.dtype.base().itemsize());
    }
    return out;
}

Model transpose_model(const Model& m) {
    Model out{m.dtype, std::vector<std::size_t>(m.shape.rbegin(), m.shape.rend()), {}};
    const std::size_t n = m.offsets.size();
    out.offsets.resize(n);
    for (std::size_t flat = 0; flat < n; ++flat) {
        // flat index in the transposed view -> index tuple -> flat index in the original
        std::vector<std::size_t> idx(out.shape.size());
        std::size_t r = flat;
        for (std::size_t k = out.shape.size(); k-- > 0;) {
            idx[k] = r % out.shape[k];
            r /= out.shape[k];
        }
        std::size_t src = 0;
        for (std::size_t k = 0; k < m.shape.size(); ++k) src = src * m.shape[k] + idx[m.shape.size() - 1 - k];
        out.offsets[flat] = m.offsets[src];
    }
    return out;
}

// Leaf scalars (offset in item, scalar dtype) computed by walking the dtype here.
void scalars_of(const DType& d, std::size_t at, std::vector<std::pair<std::size_t, DType>>& out) {
    if (d.is_scalar()) {
        out.emplace_back(at, d);
    } else if (d.is_subarray()) {
        std::size_t n = 1;
        for (auto s : d.subshape()) n *= s;
        for (std::size_t e = 0; e < n; ++e) scalars_of(d.base(), at + e * d.base().itemsize(), out);
    } else {
        for (const auto& f : d.fields()) scalars_of(f.dtype, at + f.offset, out);
    }
}

// Independent decoding of one scalar.
double decode(const std::byte* p, const DType& d) {
    unsigned char b[8];
    const std::size_t n = d.itemsize();
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t from = d.byte_order() == glumpp::ByteOrder::Big ? n - 1 - k : k;
        b[k] = static_cast<unsigned char>(p[from]);
    }
    std::uint64_t u = 0;
    for (std::size_t k = n; k-- > 0;) u = u << 8 | b[k];
    switch (d.scalar_kind()) {
    case ScalarKind::Bool: return u ? 1 : 0;
    case ScalarKind::UInt: return static_cast<double>(u);
    case ScalarKind::Int: {
        const std::uint64_t sign = std::uint64_t(1) << (8 * n - 1);
        const std::int64_t v = (u & sign) ? static_cast<std::int64_t>(u | ~((sign << 1) - 1)) : static_cast<std::int64_t>(u);
        return static_cast<double>(n == 8 ? static_cast<std::int64_t>(u) : v);
    }
    case ScalarKind::Float:
        if (n == 4) {
            float f;
            std::memcpy(&f, &u, 4);
            return f;
        }
        if (n == 8) {
            double f;
            std::memcpy(&f, &u, 8);
            return f;
        }
        { // half: sign, 5-bit exponent, 10-bit mantissa; small integers are normal numbers
            const int e = static_cast<int>((u >> 10) & 31);
            const double m = 1.0 + static_cast<double>(u & 1023) / 1024.0;
            const double v = e == 0 ? 0.0 : std::ldexp(m, e - 15);
            return (u & 0x8000) ? -v : v;
        }
    case ScalarKind::Void: break;
    }
    return std::nan("");
}

struct Watch {
    std::vector<bool> written;
    bool over_cap = false;
};

void check_tracker(const std::vector<ByteRange>& ranges, std::optional<ByteRange> pending, Watch& w, std::size_t cap,
                   const std::string& what) {
    const auto exact = runs_of(w.written);
    w.over_cap = w.over_cap || exact.size() > cap;
    std::vector<bool> covered(w.written.size(), false);
    for (const auto& r : ranges) {
        for (std::size_t b = r.start; b < r.stop; ++b) covered[b] = true;
    }
    for (std::size_t b = 0; b < w.written.size(); ++b) {
        ASSERT_TRUE(!w.written[b] || covered[b]) << what << ": written byte " << b << " is not in the dirty ranges";
    }
    if (!w.over_cap) {
        ASSERT_EQ(ranges, exact) << what << ": ranges must be exact under the cap";
    }
    ASSERT_LE(ranges.size(), cap) << what;
    if (exact.empty()) {
        ASSERT_EQ(pending, std::nullopt) << what;
    } else {
        ASSERT_EQ(pending, (ByteRange{exact.front().start, exact.back().stop})) << what << ": pending_data is the hull";
    }
}

} // namespace

TEST(TrackingProperty, RandomViewsAndWritesAgainstAModel) {
    Rng rng(20261124);
    std::size_t checks = 0;
    for (int round = 0; round < 3000; ++round) {
        const DType dtype = random_dtype(rng);
        std::vector<std::size_t> shape(1 + pick(rng, 3));
        for (auto& s : shape) s = 1 + pick(rng, 6);
        Array base = Array::zeros(shape, dtype);
        const std::size_t cap = 1 + pick(rng, 40);
        base.tracker().set_cap(cap);
        base.clear_pending();
        auto second = std::make_shared<glumpp::Tracker>(base.storage(), 1 + pick(rng, 40));
        second->clear();

        Model root{base.dtype(), base.shape(), {}};
        {
            std::size_t n = base.size();
            for (std::size_t k = 0; k < n; ++k) root.offsets.push_back(k * base.itemsize());
        }
        Watch mine{std::vector<bool>(base.base_nbytes(), false)}, theirs = mine;

        for (int op = 0; op < 25; ++op) {
            // A random view of the base, built alongside its model.
            Array v = base;
            Model m = root;
            const std::size_t steps = pick(rng, 5);
            for (std::size_t s = 0; s < steps; ++s) {
                const std::size_t what = pick(rng, 4);
                if (what == 0 && !m.shape.empty()) {
                    const std::size_t axis = pick(rng, m.shape.size());
                    if (m.shape[axis] == 0) continue;
                    const long i = static_cast<long>(pick(rng, m.shape[axis])) - (pick(rng, 2) ? static_cast<long>(m.shape[axis]) : 0);
                    std::vector<glumpp::Index> idx(axis, glumpp::all);
                    idx.push_back(i);
                    v = v.view(std::span<const glumpp::Index>(idx));
                    m = select(m, axis, {static_cast<std::size_t>(i < 0 ? i + static_cast<long>(m.shape[axis]) : i)}, true);
                } else if (what == 1 && !m.shape.empty()) {
                    const std::size_t axis = pick(rng, m.shape.size());
                    auto bound = [&]() -> std::optional<long> {
                        if (pick(rng, 3) == 0) return std::nullopt;
                        return static_cast<long>(pick(rng, 2 * m.shape[axis] + 3)) - static_cast<long>(m.shape[axis]) - 1;
                    };
                    const auto a = bound(), b = bound();
                    long step = 1 + static_cast<long>(pick(rng, 3));
                    if (pick(rng, 2)) step = -step;
                    std::vector<glumpp::Index> idx(axis, glumpp::all);
                    idx.push_back(glumpp::slice(a, b, step));
                    v = v.view(std::span<const glumpp::Index>(idx));
                    m = select(m, axis, python_slice(m.shape[axis], a, b, step), false);
                } else if (what == 2 && m.dtype.is_record()) {
                    const auto& f = m.dtype.fields()[pick(rng, m.dtype.fields().size())];
                    v = v[f.name];
                    m = field_model(m, f);
                } else if (what == 3 && m.shape.size() >= 2) {
                    v = v.transpose();
                    m = transpose_model(m);
                }
            }
            ASSERT_EQ(v.shape(), m.shape);
            ASSERT_EQ(v.dtype(), m.dtype);

            std::vector<std::pair<std::size_t, DType>> scalars;
            scalars_of(m.dtype, 0, scalars);
            std::vector<bool> owned(mine.written.size(), false);
            for (std::size_t off : m.offsets) {
                for (const auto& [at, d] : scalars) {
                    for (std::size_t b = 0; b < d.itemsize(); ++b) owned[off + at + b] = true;
                }
            }

            const std::vector<std::byte> before(base.base_data(), base.base_data() + base.base_nbytes());
            const bool numeric = m.dtype.is_scalar() && m.dtype.scalar_kind() != ScalarKind::Bool;
            const std::size_t kind = pick(rng, 5);
            const int k = 1 + static_cast<int>(pick(rng, 100));
            std::vector<bool> wrote = owned; // what the model says this operation writes
            const bool typed = m.dtype == DType::of<float>() &&
                               std::all_of(m.offsets.begin(), m.offsets.end(), [](std::size_t o) { return o % 4 == 0; });
            if (kind == 0 || (kind == 2 && !numeric) || (kind == 3 && !typed)) {
                v.fill(k);
            } else if (kind == 1) {
                Array src = Array::zeros(m.shape, m.dtype);
                src.fill(static_cast<int>(pick(rng, 100)));
                v.assign(src);
            } else if (kind == 2) {
                v += k;
            } else if (kind == 3) {
                if (!m.offsets.empty()) {
                    ASSERT_EQ(v.offset(), m.offsets.front());
                }
                auto t = v.as<float>();
                if (t.ndim() == 1 && !t.empty() && pick(rng, 2)) {
                    // Exactly the elements written are dirty.
                    wrote.assign(wrote.size(), false);
                    for (std::size_t w = 1 + pick(rng, 6); w-- > 0;) {
                        const std::size_t i = pick(rng, t.size());
                        if (pick(rng, 2)) {
                            t[i] = static_cast<float>(k);
                        } else {
                            t[-static_cast<long>(t.size() - i)] = static_cast<float>(k);
                        }
                        for (std::size_t b = 0; b < 4; ++b) wrote[m.offsets[i] + b] = true;
                    }
                } else if (t.ndim() == 0) {
                    t() = static_cast<float>(k);
                } else {
                    // An iterator marks what it dereferences: every other element, row-major.
                    wrote.assign(wrote.size(), false);
                    std::size_t e = 0;
                    for (auto it = t.begin(); it != t.end(); ++it, ++e) {
                        if (e % 2) continue;
                        *it = static_cast<float>(k);
                        for (std::size_t b = 0; b < 4; ++b) wrote[m.offsets[e] + b] = true;
                    }
                }
            } else {
                auto scope = v.write(); // marks the whole view
                if (!m.offsets.empty() && !scalars.empty()) {
                    std::memset(scope.data() - m.offsets[0] + m.offsets.back() + scalars.back().first, k, 1);
                }
            }

            const std::byte* now = base.base_data();
            for (std::size_t b = 0; b < before.size(); ++b) {
                ASSERT_TRUE(before[b] == now[b] || wrote[b])
                    << "byte " << b << " changed outside what was written, " << m.dtype.descr();
            }
            if (kind == 0 || (kind == 2 && !numeric) || (kind == 3 && !typed)) { // fill: every scalar of the view now decodes to k
                for (std::size_t off : m.offsets) {
                    for (const auto& [at, d] : scalars) {
                        ASSERT_EQ(decode(now + off + at, d), d.scalar_kind() == ScalarKind::Bool ? 1.0 : double(k))
                            << "scalar at byte " << off + at << " of " << d.descr();
                    }
                }
            }
            for (std::size_t b = 0; b < wrote.size(); ++b) {
                if (wrote[b]) mine.written[b] = theirs.written[b] = true;
            }
            check_tracker(base.dirty_ranges(), base.pending_data(), mine, cap, "array tracker");
            check_tracker(second->dirty_ranges(), second->pending_data(), theirs, second->cap(), "second tracker");
            if (HasFatalFailure()) return;
            ++checks;

            if (pick(rng, 5) == 0) {
                base.clear_pending();
                mine = Watch{std::vector<bool>(mine.written.size(), false)};
            }
            if (pick(rng, 7) == 0) {
                second->clear();
                theirs = Watch{std::vector<bool>(theirs.written.size(), false)};
            }
        }
    }
    EXPECT_GT(checks, 50000u);
}
