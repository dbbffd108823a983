#include <glumpp/array/Array.hpp>

#include "Kernels.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace glumpp {

namespace detail {

std::string shape_str(const std::vector<std::size_t>& shape) {
    std::string s = "(";
    for (std::size_t k = 0; k < shape.size(); ++k) s += (k ? ", " : "") + std::to_string(shape[k]);
    return s + (shape.size() == 1 ? ",)" : ")");
}

void throw_view_index(const char* caller, std::size_t ndim, std::size_t given, const std::string& index, std::size_t axis,
                      std::size_t extent) {
    if (given != ndim) {
        throw IndexError(std::string(caller) + ": a " + std::to_string(ndim) + "-d view takes " + std::to_string(ndim) +
                         (ndim == 1 ? " index" : " indices") + ", not " + std::to_string(given));
    }
    throw IndexError(std::string(caller) + ": index " + index + " is out of bounds for axis " + std::to_string(axis) +
                     " with size " + std::to_string(extent));
}

void throw_ragged(const std::string& row, std::size_t length, const std::string& first, std::size_t expected) {
    throw ShapeError("Array::from: ragged nested list: row " + row + " has " + std::to_string(length) +
                     " entries, row " + first + " has " + std::to_string(expected));
}

} // namespace detail

namespace {

using detail::ArithOp;
using detail::Grid;
using detail::Number;
using detail::shape_str;

std::string strides_str(const std::vector<std::ptrdiff_t>& strides) {
    std::string s = "(";
    for (std::size_t k = 0; k < strides.size(); ++k) s += (k ? ", " : "") + std::to_string(strides[k]);
    return s + (strides.size() == 1 ? ",)" : ")");
}

std::vector<std::ptrdiff_t> c_strides(const std::vector<std::size_t>& shape, std::size_t itemsize) {
    std::vector<std::ptrdiff_t> strides(shape.size());
    std::ptrdiff_t s = static_cast<std::ptrdiff_t>(itemsize);
    for (std::size_t k = shape.size(); k-- > 0;) {
        strides[k] = s;
        s *= static_cast<std::ptrdiff_t>(std::max<std::size_t>(shape[k], 1));
    }
    return strides;
}

// Leaves that tile the item completely can be handled as one block of itemsize bytes.
bool dense(const std::vector<Leaf>& ls, std::size_t itemsize) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (const auto& l : ls) spans.emplace_back(l.offset, l.offset + l.count * l.scalar.itemsize());
    std::sort(spans.begin(), spans.end());
    std::size_t at = 0;
    for (const auto& [a, b] : spans) {
        if (a != at) return false;
        at = b;
    }
    return at == itemsize;
}

// The grid of one leaf: the array's axes plus one axis over the leaf's scalars.
Grid leaf_grid(const std::vector<std::size_t>& shape, const std::vector<std::ptrdiff_t>& dst_strides,
               const std::vector<std::ptrdiff_t>& src_strides, std::size_t count, std::size_t dst_size,
               std::size_t src_size) {
    Grid g{shape, dst_strides, src_strides};
    g.shape.push_back(count);
    g.dst_strides.push_back(static_cast<std::ptrdiff_t>(dst_size));
    g.src_strides.push_back(static_cast<std::ptrdiff_t>(src_size));
    return g;
}

struct LeafPair {
    std::size_t dst_offset;
    DType dst;
    std::size_t src_offset;
    DType src;
    std::size_t count;
    bool src_broadcast; // one source scalar feeds all `count` destination scalars
};

void pair_leaves(const DType& d, std::size_t doff, const DType& s, std::size_t soff, const char* caller,
                 std::vector<LeafPair>& out) {
    auto refuse = [&](const std::string& why) {
        throw TypeError(std::string(caller) + ": cannot convert " + s.name() + " to " + d.name() + ": " + why);
    };
    if (s.is_scalar()) {
        for (const Leaf& l : leaves(d)) {
            const bool dv = l.scalar.scalar_kind() == ScalarKind::Void, sv = s.scalar_kind() == ScalarKind::Void;
            if (dv != sv || (dv && l.scalar.itemsize() != s.itemsize())) refuse("void bytes only go into void bytes of the same size");
            out.push_back({doff + l.offset, l.scalar, soff, s, l.count, true});
        }
        return;
    }
    if (d.is_scalar()) refuse("a structured value does not fit in a scalar");
    if (d.is_record() && s.is_record()) {
        if (d.fields().size() != s.fields().size()) {
            refuse("records with " + std::to_string(s.fields().size()) + " and " + std::to_string(d.fields().size()) +
                   " fields (fields are matched by position)");
        }
        for (std::size_t k = 0; k < d.fields().size(); ++k) {
            pair_leaves(d.fields()[k].dtype, doff + d.fields()[k].offset, s.fields()[k].dtype, soff + s.fields()[k].offset,
                        caller, out);
        }
        return;
    }
    if (d.is_subarray() && s.is_subarray() && d.subshape() == s.subshape()) {
        const std::size_t n = std::accumulate(d.subshape().begin(), d.subshape().end(), std::size_t(1), std::multiplies<>());
        if (d.base().is_scalar() && s.base().is_scalar()) {
            if ((d.base().scalar_kind() == ScalarKind::Void) != (s.base().scalar_kind() == ScalarKind::Void)) {
                refuse("void bytes only go into void bytes");
            }
            out.push_back({doff, d.base(), soff, s.base(), n, false});
            return;
        }
        for (std::size_t e = 0; e < n; ++e) {
            pair_leaves(d.base(), doff + e * d.base().itemsize(), s.base(), soff + e * s.base().itemsize(), caller, out);
        }
        return;
    }
    refuse("their layouts differ");
}

// Strides that make `src` read like an array of shape `shape` (NumPy broadcasting).
std::vector<std::ptrdiff_t> broadcast_strides(const Array& src, const std::vector<std::size_t>& shape, const char* caller) {
    const auto& ss = src.shape();
    std::vector<std::ptrdiff_t> out(shape.size(), 0);
    bool ok = true;
    for (std::size_t k = 0; k < ss.size(); ++k) {
        const std::size_t from_right = ss.size() - 1 - k;
        if (from_right >= shape.size()) {
            ok = ok && ss[k] == 1;
            continue;
        }
        const std::size_t axis = shape.size() - 1 - from_right;
        if (ss[k] == shape[axis]) {
            out[axis] = src.strides()[k];
        } else if (ss[k] != 1) {
            ok = false;
        }
    }
    if (!ok) {
        throw ShapeError(std::string(caller) + ": could not broadcast input array from shape " + shape_str(ss) +
                         " into shape " + shape_str(shape));
    }
    return out;
}

bool overlaps(const Array& a, const Array& b) {
    if (a.storage() != b.storage() || a.size() == 0 || b.size() == 0) return false;
    const ByteRange x = a.footprint().hull(), y = b.footprint().hull();
    return x.start < y.stop && y.start < x.stop;
}

const char* kind_name(ScalarKind k) {
    switch (k) {
    case ScalarKind::Bool: return "bool";
    case ScalarKind::Int: return "int";
    case ScalarKind::UInt: return "uint";
    case ScalarKind::Float: return "float";
    case ScalarKind::Void: return "void";
    }
    return "?";
}

// NumPy's same_kind rule for storing an arithmetic result into `dst`.
void check_arith(const DType& dst, bool float_operand, ArithOp op, const char* caller) {
    const ScalarKind k = dst.scalar_kind();
    if (k == ScalarKind::Bool || k == ScalarKind::Void) {
        throw TypeError(std::string(caller) + ": no arithmetic on " + kind_name(k) + " data (" + dst.name() + ")");
    }
    if (k != ScalarKind::Float && op == ArithOp::Div) {
        throw TypeError(std::string(caller) + ": true division of " + dst.name() +
                        " gives floats, which an integer array cannot hold (NumPy's same_kind rule)");
    }
    if (k != ScalarKind::Float && float_operand) {
        throw TypeError(std::string(caller) + ": cannot store a float result in " + dst.name() +
                        " (NumPy's same_kind rule); use an integer operand or a float array");
    }
}

} // namespace

// --- Index and Slice ----------------------------------------------------------------------

std::string Index::str() const {
    switch (kind_) {
    case Kind::Integer: return (negative_ ? "-" : "") + std::to_string(magnitude_);
    case Kind::Ellipsis: return "...";
    case Kind::Slice: {
        std::string s = (slice_.start ? std::to_string(*slice_.start) : "") + ":" +
                        (slice_.stop ? std::to_string(*slice_.stop) : "");
        if (slice_.step != 1) s += ":" + std::to_string(slice_.step);
        return s;
    }
    }
    return {};
}

SliceRange resolve_slice(const Slice& s, std::size_t extent, const char* caller) {
    if (s.step == 0) throw ValueError(std::string(caller) + ": slice step cannot be zero");
    const auto n = static_cast<std::ptrdiff_t>(extent);
    const std::ptrdiff_t lower = s.step > 0 ? 0 : -1;
    const std::ptrdiff_t upper = s.step > 0 ? n : n - 1;
    auto clip = [&](std::optional<std::ptrdiff_t> v, std::ptrdiff_t fallback) {
        if (!v) return fallback;
        std::ptrdiff_t x = *v;
        if (x < 0) x = x < -n ? lower : x + n; // x + n may still be below lower: clipped next
        return std::clamp(x, lower, upper);
    };
    const std::ptrdiff_t start = clip(s.start, s.step > 0 ? lower : upper);
    const std::ptrdiff_t stop = clip(s.stop, s.step > 0 ? upper : lower);
    SliceRange r;
    r.first = start;
    r.step = s.step;
    if (s.step > 0) {
        r.count = stop > start ? static_cast<std::size_t>((stop - start - 1) / s.step + 1) : 0;
    } else {
        r.count = start > stop ? static_cast<std::size_t>((start - stop - 1) / (-s.step) + 1) : 0;
    }
    return r;
}

// --- construction ---------------------------------------------------------------------------

Array Array::zeros(std::vector<std::size_t> shape, const DType& dtype) {
    if (shape.size() + dtype.subshape().size() > max_ndim) {
        throw ShapeError("Array::zeros: more than " + std::to_string(max_ndim) + " dimensions");
    }
    DType element = dtype;
    if (dtype.is_subarray()) {
        shape.insert(shape.end(), dtype.subshape().begin(), dtype.subshape().end());
        element = dtype.base();
    }
    // The product of the non-zero axes must fit too: strides are computed from it even when
    // a zero axis leaves the array empty (NumPy checks the same way).
    constexpr std::size_t limit = std::size_t(1) << 62;
    std::size_t extent = element.itemsize();
    bool empty = false;
    for (auto s : shape) {
        empty = empty || s == 0;
        if (s != 0 && extent > limit / s) {
            throw ShapeError("Array::zeros: shape " + shape_str(shape) + " of " + element.name() + " needs more than 2^62 bytes");
        }
        if (s != 0) extent *= s;
    }
    const std::size_t nbytes = empty ? 0 : extent;
    Array a;
    a.storage_ = Storage::allocate(nbytes);
    a.tracker_ = std::make_shared<Tracker>(a.storage_);
    a.dtype_ = element;
    a.strides_ = c_strides(shape, element.itemsize());
    a.shape_ = std::move(shape);
    return a;
}

Array Array::over(std::shared_ptr<Storage> storage, std::shared_ptr<Tracker> tracker, const DType& dtype,
                  std::vector<std::size_t> shape, std::vector<std::ptrdiff_t> strides, std::size_t offset) {
    if (!storage) throw ValueError("Array::over: no storage");
    if (shape.size() != strides.size()) {
        throw ShapeError("Array::over: shape " + shape_str(shape) + " and strides " + strides_str(strides) + " differ in length");
    }
    if (shape.size() > max_ndim) throw ShapeError("Array::over: more than " + std::to_string(max_ndim) + " dimensions");
    if (tracker && tracker->storage() != storage) throw ValueError("Array::over: the tracker watches another storage");
    if (dtype.is_subarray()) throw TypeError("Array::over: a sub-array dtype must be given as trailing axes");
    Array a;
    a.storage_ = std::move(storage);
    a.tracker_ = std::move(tracker);
    a.dtype_ = dtype;
    a.shape_ = std::move(shape);
    a.strides_ = std::move(strides);
    a.offset_ = offset;
    if (a.size() > 0) {
        // Every element must lie inside the storage; any overflow on the way is out too.
        std::ptrdiff_t low = 0, high = 0;
        bool overflow = offset > std::size_t(PTRDIFF_MAX) || dtype.itemsize() > std::size_t(PTRDIFF_MAX) - offset;
        for (std::size_t k = 0; k < a.shape_.size() && !overflow; ++k) {
            std::ptrdiff_t span = 0;
            overflow = __builtin_mul_overflow(static_cast<std::ptrdiff_t>(a.shape_[k] - 1), a.strides_[k], &span) ||
                       __builtin_add_overflow(span < 0 ? low : high, span, span < 0 ? &low : &high);
        }
        const auto first = static_cast<std::ptrdiff_t>(offset);
        const auto end = static_cast<std::ptrdiff_t>(offset + dtype.itemsize());
        if (overflow || first + low < 0 || high > static_cast<std::ptrdiff_t>(a.storage_->size()) - end) {
            throw IndexError("Array::over: shape " + shape_str(a.shape_) + ", strides " + strides_str(a.strides_) +
                             " and offset " + std::to_string(offset) + " reach outside the " +
                             std::to_string(a.storage_->size()) + "-byte storage");
        }
    }
    return a;
}

Array Array::borrow(void* data, const DType& dtype, std::vector<std::size_t> shape) {
    DType element = dtype;
    if (dtype.is_subarray()) {
        shape.insert(shape.end(), dtype.subshape().begin(), dtype.subshape().end());
        element = dtype.base();
    }
    std::size_t n = element.itemsize();
    for (auto s : shape) n *= s;
    Array a;
    a.storage_ = Storage::borrow(static_cast<std::byte*>(data), n);
    a.dtype_ = element;
    a.strides_ = c_strides(shape, element.itemsize());
    a.shape_ = std::move(shape);
    return a;
}

// --- description ----------------------------------------------------------------------------

void Array::require(const char* caller) const {
    if (!storage_) throw ValueError(std::string(caller) + ": the array is a null handle (default-constructed)");
}

std::size_t Array::size() const noexcept {
    std::size_t n = 1;
    for (auto s : shape_) n *= s;
    return n;
}

bool Array::is_contiguous() const noexcept { return size() <= 1 || strides_ == c_strides(shape_, itemsize()); }

Footprint Array::footprint() const noexcept { return Footprint::of_view(offset_, itemsize(), shape_, strides_); }

// --- views ----------------------------------------------------------------------------------

Array Array::view(std::initializer_list<Index> index) const { return view(std::span<const Index>(index.begin(), index.size())); }

Array Array::view(std::span<const Index> index) const {
    require("Array::view");
    const auto ellipses = static_cast<std::size_t>(
        std::count_if(index.begin(), index.end(), [](const Index& i) { return i.kind() == Index::Kind::Ellipsis; }));
    if (ellipses > 1) throw IndexError("Array::view: an index can only have a single ellipsis ('...')");
    const std::size_t used = index.size() - ellipses;
    if (used > ndim()) {
        throw IndexError("Array::view: too many indices for array: array is " + std::to_string(ndim()) +
                         "-dimensional, but " + std::to_string(used) + " were indexed");
    }
    Array out = *this;
    out.shape_.clear();
    out.strides_.clear();
    std::size_t axis = 0;
    auto keep = [&](std::size_t k) {
        out.shape_.push_back(shape_[k]);
        out.strides_.push_back(strides_[k]);
    };
    for (const Index& i : index) {
        switch (i.kind()) {
        case Index::Kind::Ellipsis:
            for (std::size_t f = 0; f < ndim() - used; ++f) keep(axis++);
            break;
        case Index::Kind::Integer: {
            const auto k = i.resolve(shape_[axis]);
            if (!k) {
                throw IndexError("Array::view: index " + i.str() + " is out of bounds for axis " + std::to_string(axis) +
                                 " with size " + std::to_string(shape_[axis]));
            }
            out.offset_ = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(out.offset_) +
                                                   static_cast<std::ptrdiff_t>(*k) * strides_[axis]);
            ++axis;
            break;
        }
        case Index::Kind::Slice: {
            const SliceRange r = resolve_slice(i.as_slice(), shape_[axis], "Array::view");
            if (r.count > 0) {
                out.offset_ = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(out.offset_) + r.first * strides_[axis]);
            }
            out.shape_.push_back(r.count);
            out.strides_.push_back(r.step * strides_[axis]);
            ++axis;
            break;
        }
        }
    }
    while (axis < ndim()) keep(axis++);
    return out;
}

Array Array::operator[](std::string_view name) const {
    require("Array::operator[]");
    if (!dtype_.is_record()) {
        throw KeyError("Array::operator[]: no field '" + std::string(name) + "': " + dtype_.name() + " has no fields");
    }
    const DType::Field* f = dtype_.find_field(name);
    if (!f) {
        std::string known;
        for (const auto& x : dtype_.fields()) known += (known.empty() ? "" : ", ") + x.name;
        throw KeyError("Array::operator[]: no field '" + std::string(name) + "'; the fields are " + known);
    }
    Array out = *this;
    out.offset_ += f->offset;
    out.dtype_ = f->dtype.base();
    if (f->dtype.is_subarray()) {
        if (ndim() + f->dtype.subshape().size() > max_ndim) {
            throw ShapeError("Array::operator[]: more than " + std::to_string(max_ndim) + " dimensions");
        }
        const auto inner = c_strides(f->dtype.subshape(), f->dtype.base().itemsize());
        out.shape_.insert(out.shape_.end(), f->dtype.subshape().begin(), f->dtype.subshape().end());
        out.strides_.insert(out.strides_.end(), inner.begin(), inner.end());
    }
    return out;
}

Array Array::fields(const std::vector<std::string>& names) const {
    require("Array::fields");
    std::vector<DType::Field> picked;
    for (const auto& n : names) {
        if (!dtype_.is_record()) throw KeyError("Array::fields: no field '" + n + "': " + dtype_.name() + " has no fields");
        picked.push_back(dtype_.field(n));
    }
    Array out = *this;
    out.dtype_ = DType::record_at(std::move(picked), dtype_.itemsize(), dtype_.alignment());
    return out;
}

Array Array::reshape(std::vector<std::size_t> shape) const {
    require("Array::reshape");
    const std::size_t n = std::accumulate(shape.begin(), shape.end(), std::size_t(1), std::multiplies<>());
    if (n != size()) {
        throw ShapeError("Array::reshape: cannot reshape array of size " + std::to_string(size()) + " into shape " +
                         shape_str(shape));
    }
    if (shape.size() > max_ndim) throw ShapeError("Array::reshape: more than " + std::to_string(max_ndim) + " dimensions");
    Array out = *this;
    out.shape_ = shape;
    if (n == 0) {
        out.strides_ = c_strides(shape, itemsize());
        return out;
    }
    // Group old and new axes into runs of equal size; each old run must be one stride
    // sequence (C order) to be re-cut without copying.
    std::vector<std::size_t> od;
    std::vector<std::ptrdiff_t> os;
    for (std::size_t k = 0; k < ndim(); ++k) {
        if (shape_[k] != 1) {
            od.push_back(shape_[k]);
            os.push_back(strides_[k]);
        }
    }
    std::vector<std::ptrdiff_t> ns(shape.size(), static_cast<std::ptrdiff_t>(itemsize()));
    std::size_t oi = 0, oj = 1, ni = 0, nj = 1;
    while (ni < shape.size() && oi < od.size()) {
        std::size_t np = shape[ni], op = od[oi];
        while (np != op) {
            if (np < op) {
                np *= shape[nj++];
            } else {
                op *= od[oj++];
            }
        }
        for (std::size_t ok = oi; ok + 1 < oj; ++ok) {
            if (os[ok] != static_cast<std::ptrdiff_t>(od[ok + 1]) * os[ok + 1]) {
                throw ShapeError("Array::reshape: shape " + shape_str(shape_) + " with strides " + strides_str(strides_) +
                                 " cannot become " + shape_str(shape) + " without a copy (use copy().reshape(...))");
            }
        }
        ns[nj - 1] = os[oj - 1];
        for (std::size_t nk = nj - 1; nk > ni; --nk) ns[nk - 1] = ns[nk] * static_cast<std::ptrdiff_t>(shape[nk]);
        ni = nj++;
        oi = oj++;
    }
    const std::ptrdiff_t last = ni >= 1 ? ns[ni - 1] : static_cast<std::ptrdiff_t>(itemsize());
    for (std::size_t nk = ni; nk < shape.size(); ++nk) ns[nk] = last;
    out.strides_ = std::move(ns);
    return out;
}

Array Array::transpose() const {
    std::vector<std::size_t> axes(ndim());
    std::iota(axes.rbegin(), axes.rend(), std::size_t(0));
    return transpose(axes);
}

Array Array::transpose(const std::vector<std::size_t>& axes) const {
    require("Array::transpose");
    std::vector<bool> seen(ndim(), false);
    bool ok = axes.size() == ndim();
    for (auto a : axes) {
        ok = ok && a < ndim() && !seen[a];
        if (a < ndim()) seen[a] = true;
    }
    if (!ok) {
        throw ValueError("Array::transpose: axes " + shape_str(axes) + " are not a permutation of " + std::to_string(ndim()) +
                         " axes");
    }
    Array out = *this;
    for (std::size_t k = 0; k < axes.size(); ++k) {
        out.shape_[k] = shape_[axes[k]];
        out.strides_[k] = strides_[axes[k]];
    }
    return out;
}

Array Array::copy() const {
    require("Array::copy");
    Array out = zeros(shape_, dtype_);
    out.assign(*this);
    out.tracker_->mark_all();
    return out;
}

Array Array::with_tracker(std::shared_ptr<Tracker> tracker) const {
    require("Array::with_tracker");
    if (tracker && tracker->storage() != storage_) throw ValueError("Array::with_tracker: the tracker watches another storage");
    Array out = *this;
    out.tracker_ = std::move(tracker);
    return out;
}

// --- writes ---------------------------------------------------------------------------------

std::byte* Array::mutable_data(const char* caller) {
    require(caller);
    storage_->require_writable(caller);
    return storage_->data() + offset_;
}

void Array::mark_written() const {
    if (size() == 0) return;
    const auto ls = leaves(dtype_);
    if (dense(ls, itemsize())) {
        storage_->mark(footprint());
        return;
    }
    std::vector<Footprint> parts;
    for (const Leaf& l : ls) parts.push_back(Footprint::of_view(offset_ + l.offset, l.count * l.scalar.itemsize(), shape_, strides_));
    storage_->mark(parts);
}

void Array::fill_number(const Number& value) {
    std::byte* data = mutable_data("Array::fill");
    const auto ls = leaves(dtype_);
    for (const Leaf& l : ls) {
        if (l.scalar.scalar_kind() == ScalarKind::Void) {
            throw TypeError("Array::fill: " + dtype_.name() + " holds void bytes, which take no number");
        }
    }
    if (size() == 0) return;
    if (dense(ls, itemsize())) {
        std::vector<std::byte> item(itemsize());
        for (const Leaf& l : ls) {
            for (std::size_t c = 0; c < l.count; ++c) {
                detail::store_number(item.data() + l.offset + c * l.scalar.itemsize(), l.scalar, value);
            }
        }
        detail::fill_pattern(data, Grid{shape_, strides_, {}}, item.data(), item.size());
    } else {
        for (const Leaf& l : ls) {
            detail::fill_grid(data + l.offset, leaf_grid(shape_, strides_, strides_, l.count, l.scalar.itemsize(), 0),
                              l.scalar, value);
        }
    }
    mark_written();
}

void Array::assign(const Array& source_in) {
    std::byte* data = mutable_data("Array::assign");
    source_in.require("Array::assign");
    std::vector<LeafPair> pairs;
    pair_leaves(dtype_, 0, source_in.dtype_, 0, "Array::assign", pairs);
    broadcast_strides(source_in, shape_, "Array::assign"); // shape check before any copy
    if (size() == 0) return;
    // Overlapping source and destination (a[1:] = a[:-1]): read from a snapshot, as NumPy does.
    const Array source = overlaps(*this, source_in) ? source_in.copy() : source_in;
    const auto src_strides = broadcast_strides(source, shape_, "Array::assign");
    const std::byte* src = source.storage_->data() + source.offset_;
    for (const LeafPair& p : pairs) {
        detail::convert_grid(data + p.dst_offset, p.dst, src + p.src_offset, p.src,
                             leaf_grid(shape_, strides_, src_strides, p.count, p.dst.itemsize(),
                                       p.src_broadcast ? 0 : p.src.itemsize()));
    }
    mark_written();
}

void Array::assign(std::initializer_list<double> values) {
    require("Array::assign");
    std::vector<double> copy(values);
    assign(borrow(copy.data(), DType::of<double>(), {copy.size()}));
}

Array& Array::arith(ArithOp op, const Number& value, const char* caller) {
    std::byte* data = mutable_data(caller);
    const auto ls = leaves(dtype_);
    for (const Leaf& l : ls) check_arith(l.scalar, value.kind == Number::Kind::Float, op, caller);
    if (size() == 0) return *this;
    for (const Leaf& l : ls) {
        detail::arith_scalar_grid(data + l.offset, l.scalar, leaf_grid(shape_, strides_, strides_, l.count, l.scalar.itemsize(), 0),
                                  op, value);
    }
    mark_written();
    return *this;
}

Array& Array::arith(ArithOp op, const Array& other_in, const char* caller) {
    std::byte* data = mutable_data(caller);
    other_in.require(caller);
    std::vector<LeafPair> pairs;
    pair_leaves(dtype_, 0, other_in.dtype_, 0, caller, pairs);
    for (const LeafPair& p : pairs) check_arith(p.dst, p.src.scalar_kind() == ScalarKind::Float, op, caller);
    broadcast_strides(other_in, shape_, caller);
    if (size() == 0) return *this;
    // a += a reads each element before writing it: no snapshot needed. Any other overlap
    // (a[1:] += a[:-1], a += a[::-1]) must read the values from before the operation.
    const bool same_elements = other_in.offset_ == offset_ && other_in.shape_ == shape_ && other_in.strides_ == strides_;
    const Array other = overlaps(*this, other_in) && !same_elements ? other_in.copy() : other_in;
    const auto src_strides = broadcast_strides(other, shape_, caller);
    const std::byte* src = other.storage_->data() + other.offset_;
    for (const LeafPair& p : pairs) {
        detail::arith_grid(data + p.dst_offset, p.dst, src + p.src_offset, p.src,
                           leaf_grid(shape_, strides_, src_strides, p.count, p.dst.itemsize(),
                                     p.src_broadcast ? 0 : p.src.itemsize()),
                           op);
    }
    mark_written();
    return *this;
}

std::size_t Array::typed_axes(const DType& cxx, std::size_t alignment, bool writing, const char* caller) const {
    require(caller);
    if (writing) storage_->require_writable(caller);
    const DType& element = cxx.base();
    const std::vector<std::size_t>& inner = cxx.subshape();
    if (!(dtype_ == element)) {
        throw TypeError(std::string(caller) + ": the array holds " + dtype_.name() + " but the C++ type is " + cxx.name());
    }
    if (inner.size() > ndim() || !std::equal(inner.begin(), inner.end(), shape_.end() - static_cast<std::ptrdiff_t>(inner.size()))) {
        throw ShapeError(std::string(caller) + ": the C++ type covers trailing axes " + shape_str(inner) +
                         " but the array has shape " + shape_str(shape_));
    }
    const std::size_t outer = ndim() - inner.size();
    const auto want = c_strides(inner, element.itemsize());
    for (std::size_t k = 0; k < inner.size(); ++k) {
        if (inner[k] > 1 && strides_[outer + k] != want[k]) {
            throw ShapeError(std::string(caller) + ": the trailing axes (strides " + strides_str(strides_) +
                             ") are not one contiguous " + cxx.name() + " block");
        }
    }
    const auto address = reinterpret_cast<std::uintptr_t>(storage_->data() + offset_);
    bool aligned = address % alignment == 0;
    for (std::size_t k = 0; k < outer; ++k) { // the stride of a length-1 axis is never used
        aligned = aligned && (shape_[k] <= 1 || strides_[k] % static_cast<std::ptrdiff_t>(alignment) == 0);
    }
    aligned = aligned || size() == 0; // an empty view is never dereferenced
    if (!aligned) {
        throw TypeError(std::string(caller) + ": elements at offset " + std::to_string(offset_) + " with strides " +
                        strides_str(strides_) + " are not aligned to " + std::to_string(alignment) +
                        " bytes; use an aligned record layout (RecordLayout::Aligned) or Array::value/assign");
    }
    return outer;
}

WriteScope Array::write() { return WriteScope(*this); }

WriteScope::WriteScope(Array& array) : array_(array), data_(array_.mutable_data("Array::write")) { array_.mark_written(); }

WriteScope::~WriteScope() { array_.mark_written(); }

// --- reads and tracking ---------------------------------------------------------------------

const std::byte* Array::data() const {
    require("Array::data");
    return storage_->data() + offset_;
}

const std::byte* Array::base_data() const {
    require("Array::base_data");
    return storage_->data();
}

std::size_t Array::base_nbytes() const {
    require("Array::base_nbytes");
    return storage_->size();
}

Tracker& Array::tracker() const {
    require("Array::tracker");
    if (!tracker_) throw ValueError("Array::tracker: this view reports to no tracker");
    return *tracker_;
}

std::optional<ByteRange> Array::pending_data() const { return tracker().pending_data(); }

std::vector<ByteRange> Array::dirty_ranges() const { return tracker().dirty_ranges(); }

void Array::clear_pending() { tracker().clear(); }

} // namespace glumpp
