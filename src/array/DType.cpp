#include <glumpp/array/DType.hpp>
#include <glumpp/array/DTypeOf.hpp> // detail::struct_dtype

#include <glumpp/Error.hpp>

#include "PyLiteral.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <numeric>

namespace glumpp {

struct DType::Node {
    Kind kind = Kind::Scalar;
    ScalarKind scalar = ScalarKind::Float;
    ByteOrder order = ByteOrder::NotApplicable;
    std::size_t itemsize = 0;
    std::size_t alignment = 1;
    std::vector<Field> fields;                  // Record
    std::vector<DType> base;                    // SubArray: exactly one element
    std::vector<std::size_t> shape;             // SubArray
};

ByteOrder native_byte_order() noexcept {
    return std::endian::native == std::endian::little ? ByteOrder::Little : ByteOrder::Big;
}

namespace {

using detail::PyValue;

// NumPy keeps an itemsize in a C int ("dtype size in bytes must fit into a C int"). Every
// dtype is held to it, so NumPy can read whatever glumpp writes, a padding gap of any
// record is a '|V<n>' that parses back, and offset + size sums cannot overflow.
constexpr std::size_t max_itemsize = 2147483647;

std::string join_shape(const std::vector<std::size_t>& shape) {
    std::string s = "(";
    for (std::size_t k = 0; k < shape.size(); ++k) {
        if (k) s += ", ";
        s += std::to_string(shape[k]);
    }
    if (shape.size() == 1) s += ",";
    return s + ")";
}

const char* kind_letter(ScalarKind k) {
    switch (k) {
    case ScalarKind::Bool: return "b";
    case ScalarKind::Int: return "i";
    case ScalarKind::UInt: return "u";
    case ScalarKind::Float: return "f";
    case ScalarKind::Void: return "V";
    }
    return "?";
}

bool valid_scalar_size(ScalarKind kind, std::size_t size) {
    switch (kind) {
    case ScalarKind::Bool: return size == 1;
    case ScalarKind::Int:
    case ScalarKind::UInt: return size == 1 || size == 2 || size == 4 || size == 8;
    case ScalarKind::Float: return size == 2 || size == 4 || size == 8;
    case ScalarKind::Void: return size >= 1;
    }
    return false;
}

struct Named {
    std::string_view name;
    ScalarKind kind;
    std::size_t size;
};

// NumPy's type names and one-letter codes (Linux x86-64 sizes).
constexpr Named named_types[] = {
    {"bool", ScalarKind::Bool, 1},     {"bool_", ScalarKind::Bool, 1},    {"?", ScalarKind::Bool, 1},
    {"int8", ScalarKind::Int, 1},      {"byte", ScalarKind::Int, 1},      {"b", ScalarKind::Int, 1},
    {"int16", ScalarKind::Int, 2},     {"short", ScalarKind::Int, 2},     {"h", ScalarKind::Int, 2},
    {"int32", ScalarKind::Int, 4},     {"intc", ScalarKind::Int, 4},      {"i", ScalarKind::Int, 4},
    {"int64", ScalarKind::Int, 8},     {"int_", ScalarKind::Int, 8},      {"long", ScalarKind::Int, 8},
    {"longlong", ScalarKind::Int, 8},  {"intp", ScalarKind::Int, 8},      {"l", ScalarKind::Int, 8},
    {"q", ScalarKind::Int, 8},         {"p", ScalarKind::Int, 8},         {"uint8", ScalarKind::UInt, 1},
    {"ubyte", ScalarKind::UInt, 1},    {"B", ScalarKind::UInt, 1},        {"uint16", ScalarKind::UInt, 2},
    {"ushort", ScalarKind::UInt, 2},   {"H", ScalarKind::UInt, 2},        {"uint32", ScalarKind::UInt, 4},
    {"uintc", ScalarKind::UInt, 4},    {"I", ScalarKind::UInt, 4},        {"uint64", ScalarKind::UInt, 8},
    {"uint", ScalarKind::UInt, 8},     {"ulonglong", ScalarKind::UInt, 8}, {"uintp", ScalarKind::UInt, 8},
    {"L", ScalarKind::UInt, 8},        {"Q", ScalarKind::UInt, 8},        {"P", ScalarKind::UInt, 8},
    {"float16", ScalarKind::Float, 2}, {"half", ScalarKind::Float, 2},    {"e", ScalarKind::Float, 2},
    {"float32", ScalarKind::Float, 4}, {"single", ScalarKind::Float, 4},  {"f", ScalarKind::Float, 4},
    {"float64", ScalarKind::Float, 8}, {"double", ScalarKind::Float, 8},  {"float", ScalarKind::Float, 8},
    {"float_", ScalarKind::Float, 8},  {"d", ScalarKind::Float, 8},
};

[[noreturn]] void parse_fail(std::string_view text, const std::string& why) {
    throw ParseError("DType::parse: " + why + " in \"" + std::string(text.substr(0, 200)) + "\"");
}

DType parse_typestr(std::string_view s, std::string_view whole) {
    const std::string_view original = s;
    ByteOrder order = native_byte_order();
    if (!s.empty() && (s[0] == '<' || s[0] == '>' || s[0] == '=' || s[0] == '|')) {
        order = s[0] == '<' ? ByteOrder::Little : s[0] == '>' ? ByteOrder::Big : native_byte_order();
        s.remove_prefix(1);
    }
    if (s.empty()) parse_fail(whole, "empty type string");
    for (const auto& n : named_types) {
        if (n.name == s) return DType::scalar(n.kind, n.size, order);
    }
    const char letter = s[0];
    const std::string_view digits = s.substr(1);
    std::size_t size = 0;
    const bool has_size = !digits.empty() &&
                          std::from_chars(digits.data(), digits.data() + digits.size(), size).ptr ==
                              digits.data() + digits.size();
    ScalarKind kind;
    switch (letter) {
    case 'b': kind = ScalarKind::Bool; break;
    case 'i': kind = ScalarKind::Int; break;
    case 'u': kind = ScalarKind::UInt; break;
    case 'f': kind = ScalarKind::Float; break;
    case 'V': kind = ScalarKind::Void; break;
    case 'c': case 'S': case 'U': case 'a': case 'M': case 'm': case 'O': case 'g': case 'G': case 'F': case 'D':
        parse_fail(whole, "unsupported type '" + std::string(original) +
                              "' (glumpp has bool, int, uint, float and void scalars)");
    default: parse_fail(whole, "unknown type '" + std::string(original) + "'");
    }
    if (!has_size || !valid_scalar_size(kind, size) || size > max_itemsize) {
        parse_fail(whole, "unsupported size in type '" + std::string(original) + "'");
    }
    return DType::scalar(kind, size, order);
}

std::vector<std::size_t> parse_shape(const PyValue& v, std::string_view whole) {
    std::vector<std::size_t> shape;
    auto dim = [&](const PyValue& d) {
        if (!d.is(PyValue::Kind::Int) || d.integer < 0 || d.integer > (std::int64_t(1) << 40)) {
            parse_fail(whole, "a sub-array shape must hold non-negative integers");
        }
        shape.push_back(static_cast<std::size_t>(d.integer));
    };
    if (v.is(PyValue::Kind::Int)) {
        dim(v);
    } else if (v.is_sequence()) {
        for (const auto& d : v.items) dim(d);
    } else {
        parse_fail(whole, "a sub-array shape must be an integer or a tuple");
    }
    return shape;
}

DType from_value(const PyValue& v, std::string_view whole, int depth);

DType from_list(const PyValue& list, std::string_view whole, int depth) {
    std::vector<DType::Field> fields;
    std::size_t offset = 0;
    for (const auto& entry : list.items) {
        if (!entry.is(PyValue::Kind::Tuple) || entry.items.size() < 2 || entry.items.size() > 3) {
            parse_fail(whole, "each field must be a tuple (name, type[, shape])");
        }
        const PyValue& name = entry.items[0];
        if (name.is(PyValue::Kind::Tuple)) parse_fail(whole, "field titles ((title, name) pairs) are not supported");
        if (!name.is(PyValue::Kind::Str)) parse_fail(whole, "a field name must be a string");
        DType dt = from_value(entry.items[1], whole, depth + 1);
        if (entry.items.size() == 3) {
            auto shape = parse_shape(entry.items[2], whole);
            if (!shape.empty()) dt = DType::subarray(dt, shape);
        }
        // Nameless void fields are padding, as in numpy.lib.format.descr_to_dtype.
        const bool padding = name.text.empty() && dt.is_scalar() && dt.scalar_kind() == ScalarKind::Void;
        if (!padding) {
            std::string field_name = name.text.empty() ? "f" + std::to_string(fields.size()) : name.text;
            for (const auto& f : fields) {
                if (f.name == field_name) parse_fail(whole, "field name '" + field_name + "' appears twice");
            }
            fields.push_back({std::move(field_name), dt, offset});
        }
        offset += dt.itemsize();
    }
    if (offset == 0) parse_fail(whole, "a record must have at least one byte");
    return DType::record_at(std::move(fields), offset);
}

DType from_dict(const PyValue& dict, std::string_view whole, int depth) {
    const PyValue* names = dict.find("names");
    const PyValue* formats = dict.find("formats");
    if (!names || !formats || !names->is_sequence() || !formats->is_sequence() ||
        names->items.size() != formats->items.size()) {
        parse_fail(whole, "a dict dtype needs 'names' and 'formats' of the same length");
    }
    const PyValue* offsets = dict.find("offsets");
    const PyValue* itemsize = dict.find("itemsize");
    std::vector<std::pair<std::string, DType>> packed;
    std::vector<DType::Field> fields;
    for (std::size_t k = 0; k < names->items.size(); ++k) {
        if (!names->items[k].is(PyValue::Kind::Str)) parse_fail(whole, "a field name must be a string");
        packed.emplace_back(names->items[k].text, from_value(formats->items[k], whole, depth + 1));
    }
    if (!offsets) {
        DType r = DType::record(packed);
        if (!itemsize) return r;
        for (const auto& f : r.fields()) fields.push_back(f);
    } else {
        if (!offsets->is_sequence() || offsets->items.size() != packed.size()) {
            parse_fail(whole, "'offsets' must have one entry per name");
        }
        for (std::size_t k = 0; k < packed.size(); ++k) {
            const PyValue& o = offsets->items[k];
            if (!o.is(PyValue::Kind::Int) || o.integer < 0) parse_fail(whole, "offsets must be non-negative integers");
            fields.push_back({packed[k].first, packed[k].second, static_cast<std::size_t>(o.integer)});
        }
    }
    std::size_t size = 0;
    for (const auto& f : fields) size = std::max(size, f.offset + f.dtype.itemsize());
    if (itemsize) {
        if (!itemsize->is(PyValue::Kind::Int) || itemsize->integer < 0) parse_fail(whole, "bad itemsize");
        size = static_cast<std::size_t>(itemsize->integer);
    }
    return DType::record_at(std::move(fields), size);
}

DType from_value(const PyValue& v, std::string_view whole, int depth) {
    if (depth > 32) parse_fail(whole, "records nested too deeply");
    switch (v.kind) {
    case PyValue::Kind::Str: return parse_typestr(v.text, whole);
    case PyValue::Kind::List: return from_list(v, whole, depth);
    case PyValue::Kind::Dict: return from_dict(v, whole, depth);
    case PyValue::Kind::Tuple:
        if (v.items.size() == 2) return DType::subarray(from_value(v.items[0], whole, depth + 1), parse_shape(v.items[1], whole));
        parse_fail(whole, "a tuple dtype must be (base, shape)");
    default: parse_fail(whole, "expected a type string, a list of fields or a (base, shape) tuple");
    }
}

std::shared_ptr<DType::Node> record_node(std::vector<DType::Field> fields, std::size_t itemsize, std::size_t alignment) {
    auto n = std::make_shared<DType::Node>();
    n->kind = DType::Kind::Record;
    n->scalar = ScalarKind::Void;
    n->itemsize = itemsize;
    n->alignment = alignment;
    n->fields = std::move(fields);
    return n;
}

void check_fields(const std::vector<DType::Field>& fields, std::size_t itemsize, const char* caller) {
    for (std::size_t k = 0; k < fields.size(); ++k) {
        const auto& f = fields[k];
        if (f.name.empty()) throw ValueError(std::string(caller) + ": field " + std::to_string(k) + " has no name");
        for (std::size_t j = 0; j < k; ++j) {
            if (fields[j].name == f.name) throw ValueError(std::string(caller) + ": field name '" + f.name + "' appears twice");
        }
        if (f.dtype.itemsize() > itemsize || f.offset > itemsize - f.dtype.itemsize()) {
            throw ValueError(std::string(caller) + ": field '" + f.name + "' (offset " + std::to_string(f.offset) + ", " +
                             std::to_string(f.dtype.itemsize()) + " bytes) does not fit in itemsize " +
                             std::to_string(itemsize));
        }
    }
}

std::string descr_of(const DType& d, bool quote_scalars);

// One entry of the list form for a field: ('name', spec) or ('name', spec, shape).
std::string field_entry(const std::string& name, const DType& d) {
    std::string s = "(" + detail::py_repr(name) + ", ";
    if (d.is_subarray()) return s + descr_of(d.base(), true) + ", " + join_shape(d.subshape()) + ")";
    return s + descr_of(d, true) + ")";
}

std::string descr_of(const DType& d, bool quote_scalars) {
    switch (d.kind()) {
    case DType::Kind::Scalar: {
        const ByteOrder o = d.byte_order();
        std::string s = (o == ByteOrder::Little ? "<" : o == ByteOrder::Big ? ">" : "|");
        s += kind_letter(d.scalar_kind());
        s += std::to_string(d.itemsize());
        return quote_scalars ? "'" + s + "'" : s;
    }
    case DType::Kind::SubArray: return "(" + descr_of(d.base(), true) + ", " + join_shape(d.subshape()) + ")";
    case DType::Kind::Record: {
        std::string s = "[";
        std::size_t at = 0;
        bool first = true;
        auto entry = [&](const std::string& e) {
            if (!first) s += ", ";
            first = false;
            s += e;
        };
        for (const auto& f : d.fields()) {
            if (f.offset < at) {
                throw ValueError("DType::descr: field '" + f.name +
                                 "' overlaps or precedes the field before it; NumPy's list form cannot express it");
            }
            if (f.offset > at) entry("('', '|V" + std::to_string(f.offset - at) + "')");
            entry(field_entry(f.name, f.dtype));
            at = f.offset + f.dtype.itemsize();
        }
        if (d.itemsize() > at) entry("('', '|V" + std::to_string(d.itemsize() - at) + "')");
        return s + "]";
    }
    }
    return {};
}

void collect_leaves(const DType& d, std::size_t offset, std::vector<Leaf>& out) {
    auto push = [&out](Leaf leaf) {
        if (!out.empty()) {
            Leaf& prev = out.back();
            if (prev.scalar == leaf.scalar && prev.offset + prev.count * prev.scalar.itemsize() == leaf.offset) {
                prev.count += leaf.count;
                return;
            }
        }
        out.push_back(std::move(leaf));
    };
    switch (d.kind()) {
    case DType::Kind::Scalar: push({offset, d, 1}); break;
    case DType::Kind::SubArray: {
        const std::size_t n = std::accumulate(d.subshape().begin(), d.subshape().end(), std::size_t(1), std::multiplies<>());
        if (d.base().is_scalar()) {
            if (n) push({offset, d.base(), n});
        } else {
            for (std::size_t e = 0; e < n; ++e) collect_leaves(d.base(), offset + e * d.base().itemsize(), out);
        }
        break;
    }
    case DType::Kind::Record:
        for (const auto& f : d.fields()) collect_leaves(f.dtype, offset + f.offset, out);
        break;
    }
}

const std::shared_ptr<const DType::Node>& default_node() {
    static const std::shared_ptr<const DType::Node> node = [] {
        auto n = std::make_shared<DType::Node>();
        n->kind = DType::Kind::Scalar;
        n->scalar = ScalarKind::Float;
        n->order = native_byte_order();
        n->itemsize = 8;
        n->alignment = 8;
        return n;
    }();
    return node;
}

} // namespace

DType::DType() : node_(default_node()) {}

DType DType::parse(std::string_view text) {
    std::size_t b = 0, e = text.size();
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    const std::string_view t = text.substr(b, e - b);
    if (t.empty()) parse_fail(text, "empty text");
    const char c = t.front();
    if (c == '[' || c == '(' || c == '{' || c == '\'' || c == '"') {
        const PyValue literal = detail::parse_py_literal(t, "DType::parse");
        try {
            return from_value(literal, text, 0);
        } catch (const ValueError& refused) {
            // A layout the constructors refuse (a field outside the itemsize, too big) is
            // still bad text to the caller of parse, who was promised a ParseError.
            parse_fail(text, refused.what());
        }
    }
    return parse_typestr(t, text);
}

DType DType::scalar(ScalarKind kind, std::size_t size, ByteOrder order) {
    if (!valid_scalar_size(kind, size) || size > max_itemsize) {
        throw ValueError(std::string("DType::scalar: no ") + kind_letter(kind) + " scalar of " + std::to_string(size) + " bytes");
    }
    auto n = std::make_shared<Node>();
    n->kind = Kind::Scalar;
    n->scalar = kind;
    n->itemsize = size;
    n->order = (size == 1 || kind == ScalarKind::Void) ? ByteOrder::NotApplicable
               : order == ByteOrder::NotApplicable ? native_byte_order()
                                                   : order;
    n->alignment = kind == ScalarKind::Void ? 1 : size;
    return DType(std::move(n));
}

DType DType::record(const std::vector<std::pair<std::string, DType>>& fields, RecordLayout layout) {
    if (fields.empty()) throw ValueError("DType::record: a record needs at least one field");
    std::vector<Field> placed;
    std::size_t offset = 0, alignment = 1;
    for (const auto& [name, dtype] : fields) {
        if (layout == RecordLayout::Aligned) {
            const std::size_t a = dtype.alignment();
            offset = (offset + a - 1) / a * a;
            alignment = std::max(alignment, a);
        }
        placed.push_back({name, dtype, offset});
        offset += dtype.itemsize();
    }
    if (layout == RecordLayout::Aligned) offset = (offset + alignment - 1) / alignment * alignment;
    if (offset > max_itemsize) {
        throw ValueError("DType::record: " + std::to_string(offset) + " bytes per record, more than NumPy's limit of " +
                         std::to_string(max_itemsize));
    }
    check_fields(placed, offset, "DType::record");
    return DType(record_node(std::move(placed), offset, layout == RecordLayout::Aligned ? alignment : 1));
}

DType DType::record_at(std::vector<Field> fields, std::size_t itemsize, std::size_t alignment) {
    if (itemsize == 0 || itemsize > max_itemsize) {
        throw ValueError("DType::record_at: itemsize " + std::to_string(itemsize) + " is not between 1 and NumPy's limit of " +
                         std::to_string(max_itemsize));
    }
    if (alignment == 0 || (alignment & (alignment - 1)) != 0) {
        throw ValueError("DType::record_at: alignment " + std::to_string(alignment) + " is not a power of two");
    }
    check_fields(fields, itemsize, "DType::record_at");
    return DType(record_node(std::move(fields), itemsize, alignment));
}

DType DType::subarray(const DType& base, std::vector<std::size_t> shape) {
    if (shape.empty()) return base;
    if (base.is_subarray()) {
        // NumPy flattens (('<f4', (2,)), (3,)) into ('<f4', (3, 2)).
        shape.insert(shape.end(), base.subshape().begin(), base.subshape().end());
        return subarray(base.base(), std::move(shape));
    }
    // Every base has at least one byte: scalars and records are never empty.
    const std::size_t most = max_itemsize / base.itemsize();
    std::size_t n = 1;
    for (const auto s : shape) {
        if (s != 0 && n > most / s) {
            throw ValueError("DType::subarray: shape " + join_shape(shape) + " of " + base.name() +
                             " is more than NumPy's limit of " + std::to_string(max_itemsize) + " bytes per item");
        }
        n *= s;
    }
    auto node = std::make_shared<Node>();
    node->kind = Kind::SubArray;
    node->scalar = base.scalar_kind();
    node->itemsize = n * base.itemsize();
    node->alignment = base.alignment();
    node->base.push_back(base);
    node->shape = std::move(shape);
    return DType(std::move(node));
}

DType::Kind DType::kind() const noexcept { return node_->kind; }
ScalarKind DType::scalar_kind() const noexcept { return node_->scalar; }
std::size_t DType::itemsize() const noexcept { return node_->itemsize; }
std::size_t DType::alignment() const noexcept { return node_->alignment; }
const std::vector<DType::Field>& DType::fields() const noexcept { return node_->fields; }
const std::vector<std::size_t>& DType::subshape() const noexcept { return node_->shape; }
const DType& DType::base() const noexcept { return is_subarray() ? node_->base.front() : *this; }

ByteOrder DType::byte_order() const noexcept { return is_scalar() ? node_->order : ByteOrder::NotApplicable; }

bool DType::is_native() const noexcept {
    switch (kind()) {
    case Kind::Scalar: return node_->order == ByteOrder::NotApplicable || node_->order == native_byte_order();
    case Kind::SubArray: return base().is_native();
    case Kind::Record:
        return std::all_of(fields().begin(), fields().end(), [](const Field& f) { return f.dtype.is_native(); });
    }
    return true;
}

const DType::Field* DType::find_field(std::string_view name) const noexcept {
    for (const auto& f : node_->fields) {
        if (f.name == name) return &f;
    }
    return nullptr;
}

const DType::Field& DType::field(std::string_view name) const {
    if (const Field* f = find_field(name)) return *f;
    if (!is_record()) throw KeyError("DType::field: no field '" + std::string(name) + "' in " + this->name() + " (not a record)");
    std::string known;
    for (const auto& f : fields()) known += (known.empty() ? "" : ", ") + f.name;
    throw KeyError("DType::field: no field '" + std::string(name) + "'; the fields are " + known);
}

DType DType::with_byte_order(ByteOrder order) const {
    switch (kind()) {
    case Kind::Scalar: return scalar(scalar_kind(), itemsize(), order);
    case Kind::SubArray: return subarray(base().with_byte_order(order), subshape());
    case Kind::Record: {
        std::vector<Field> f = fields();
        for (auto& x : f) x.dtype = x.dtype.with_byte_order(order);
        return DType(record_node(std::move(f), itemsize(), alignment()));
    }
    }
    return *this;
}

std::string DType::descr() const { return descr_of(*this, false); }

std::string DType::name() const {
    if (is_scalar() && is_native() && scalar_kind() != ScalarKind::Void) {
        switch (scalar_kind()) {
        case ScalarKind::Bool: return "bool";
        case ScalarKind::Int: return "int" + std::to_string(8 * itemsize());
        case ScalarKind::UInt: return "uint" + std::to_string(8 * itemsize());
        case ScalarKind::Float: return "float" + std::to_string(8 * itemsize());
        case ScalarKind::Void: break;
        }
    }
    try {
        return descr();
    } catch (const ValueError&) {
        return "record of " + std::to_string(fields().size()) + " fields, " + std::to_string(itemsize()) + " bytes";
    }
}

bool operator==(const DType& a, const DType& b) noexcept {
    if (a.node_ == b.node_) return true;
    if (a.kind() != b.kind() || a.itemsize() != b.itemsize()) return false;
    switch (a.kind()) {
    case DType::Kind::Scalar: return a.scalar_kind() == b.scalar_kind() && a.byte_order() == b.byte_order();
    case DType::Kind::SubArray: return a.subshape() == b.subshape() && a.base() == b.base();
    case DType::Kind::Record: return a.fields() == b.fields();
    }
    return false;
}

std::vector<Leaf> leaves(const DType& dtype) {
    std::vector<Leaf> out;
    collect_leaves(dtype, 0, out);
    return out;
}

namespace detail {

DType dtype_from_literal(const PyValue& value, std::string_view text) { return from_value(value, text, 0); }

DType struct_dtype(std::size_t itemsize, std::vector<DType::Field> fields) {
    std::size_t alignment = 1;
    for (const auto& f : fields) alignment = std::max(alignment, f.dtype.alignment());
    return DType::record_at(std::move(fields), itemsize, alignment);
}

} // namespace detail

} // namespace glumpp
