#pragma once
// DType: NumPy's data type, with NumPy's semantics.
//
// Three kinds:
//  - Scalar: bool, int8-64, uint8-64, float16/32/64, and opaque void bytes ('V').
//    Multi-byte scalars carry a byte order; `>i4` is a real dtype whose values are stored
//    big-endian and converted on every read and write, as in NumPy.
//  - Record: named fields at byte offsets inside an item of `itemsize` bytes. Packed
//    (NumPy's default, fields back to back), aligned (C struct rules, NumPy's align=True),
//    or explicit offsets with gaps. Fields may be records or sub-arrays themselves.
//  - SubArray: a fixed-shape block of a base dtype, e.g. the `(2,)` of
//    `('position', '<f4', (2,))`. Viewing such a field adds trailing axes to the array.
//
// A DType is an immutable value: copies share one node, comparisons compare layouts.
// An itemsize must fit in a C int (at most 2,147,483,647 bytes), NumPy's own limit.
//
// Text forms, as NumPy writes them: `DType::parse` takes typestrs ("<f4", "u1", "?",
// "float32"...) and the list form of `str(dtype.descr)`:
//     [('position', '<f4', (2,)), ('color', '<f4', (3,))]
// `descr()` writes that form back, with ('', '|V<n>') entries for gaps exactly like
// NumPy, so `parse(descr()) == *this` and NumPy reads what we write.
//
// C++ types map to dtypes with `DType::of<T>()`: arithmetic types, glm vectors and
// matrices, std::array, and structs described in one line with GLUMPP_DTYPE. That mapping
// lives in DTypeOf.hpp, which sits above this header (it includes it): Array.hpp and
// <glumpp/array.hpp> include it, and with DType.hpp alone `DType::of<T>()` does not
// compile (an incomplete detail::DTypeOf<T>), rather than failing at link time.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace glumpp {

class DType;
namespace detail {
template <class T>
struct DTypeOf; // defined in DTypeOf.hpp
} // namespace detail

enum class ScalarKind : std::uint8_t { Bool, Int, UInt, Float, Void };

/// `NotApplicable` for 1-byte scalars, void bytes, records and sub-arrays.
enum class ByteOrder : std::uint8_t { Little, Big, NotApplicable };

/// The byte order of this machine.
ByteOrder native_byte_order() noexcept;

enum class RecordLayout : std::uint8_t {
    Packed,  ///< fields back to back (NumPy default)
    Aligned, ///< each field at a multiple of its alignment, itemsize padded (align=True)
};

class DType {
public:
    enum class Kind : std::uint8_t { Scalar, Record, SubArray };
    struct Field;

    /// float64, NumPy's default dtype.
    DType();

    /// Parses a typestr, a NumPy type name, or the list form of a record (see above).
    /// Throws ParseError naming the text and what is wrong with it.
    static DType parse(std::string_view text);

    /// A scalar dtype. `size` must be valid for the kind (Bool: 1; Int/UInt: 1, 2, 4, 8;
    /// Float: 2, 4, 8; Void: >= 1); the order is ignored for 1-byte scalars.
    static DType scalar(ScalarKind kind, std::size_t size, ByteOrder order = native_byte_order());

    /// A record whose offsets come from the layout rule.
    static DType record(const std::vector<std::pair<std::string, DType>>& fields,
                        RecordLayout layout = RecordLayout::Packed);
    /// A record with explicit offsets and itemsize (gaps allowed; fields must fit).
    /// `alignment` is what the record reports when nested in an aligned record.
    static DType record_at(std::vector<Field> fields, std::size_t itemsize, std::size_t alignment = 1);
    /// A fixed-shape block of `base`; a sub-array of a sub-array is flattened into one.
    static DType subarray(const DType& base, std::vector<std::size_t> shape);

    /// The dtype of a C++ type, computed once per type (the mapping: DTypeOf.hpp).
    template <class T>
    static DType of() {
        static const DType cached = detail::DTypeOf<T>::make();
        return cached;
    }

    Kind kind() const noexcept;
    bool is_scalar() const noexcept { return kind() == Kind::Scalar; }
    bool is_record() const noexcept { return kind() == Kind::Record; }
    bool is_subarray() const noexcept { return kind() == Kind::SubArray; }

    /// Scalar kind; for a sub-array the kind of its base; Void for records.
    ScalarKind scalar_kind() const noexcept;
    ByteOrder byte_order() const noexcept;
    /// True when every scalar inside is stored in this machine's byte order.
    bool is_native() const noexcept;
    std::size_t itemsize() const noexcept;
    std::size_t alignment() const noexcept;

    const std::vector<Field>& fields() const noexcept; ///< empty unless a record
    /// The named field; KeyError listing the existing names when there is none.
    const Field& field(std::string_view name) const;
    const Field* find_field(std::string_view name) const noexcept;

    /// Sub-array: the element dtype and the block's shape. Others: *this and {}.
    const DType& base() const noexcept;
    const std::vector<std::size_t>& subshape() const noexcept;

    /// The same layout with every multi-byte scalar in `order`.
    DType with_byte_order(ByteOrder order) const;

    /// NumPy's text: `dtype.str` for scalars ("<f4", "|u1"), `str(dtype.descr)` for
    /// records, "('<f4', (2,))" for a sub-array. Throws ValueError for records NumPy's
    /// list form cannot express (fields out of offset order or overlapping).
    std::string descr() const;
    /// A short name for messages: "float32", ">i4", or descr() for records.
    std::string name() const;

    friend bool operator==(const DType& a, const DType& b) noexcept;

    struct Node;

private:
    explicit DType(std::shared_ptr<const Node> node) : node_(std::move(node)) {}
    std::shared_ptr<const Node> node_;
};

/// One field of a record: its name, dtype and byte offset inside the item.
struct DType::Field {
    std::string name;
    DType dtype;
    std::size_t offset = 0;
    friend bool operator==(const Field&, const Field&) = default;
};

/// A contiguous run of scalars inside an item: where it starts, its scalar dtype, and how
/// many scalars follow one another (the product of an enclosing sub-array shape).
/// Every dtype flattens into such leaves; the array kernels work leaf by leaf so that
/// gaps between fields are never touched.
struct Leaf {
    std::size_t offset = 0;
    DType scalar;
    std::size_t count = 1;
};

/// The leaves of `dtype` in field order.
std::vector<Leaf> leaves(const DType& dtype);

} // namespace glumpp
