#pragma once
// A parser for the Python literals NumPy writes: the `str(dtype.descr)` list form and the
// dict of a `.npy` header. Supports None, True/False, integers, strings ('...', "...",
// with the usual escapes), tuples, lists and dicts; nothing that could run code.
// Nesting is bounded so that hostile input cannot exhaust the stack.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace glumpp {
class DType;
}

namespace glumpp::detail {

struct PyValue {
    enum class Kind { None, Bool, Int, Str, Tuple, List, Dict };
    // Declared so that PyValue is not an aggregate: with clang and libstdc++, checking how
    // an aggregate holding pair<PyValue, PyValue> is initialised instantiates that pair
    // while PyValue is still incomplete, and the build fails.
    PyValue() = default;
    Kind kind = Kind::None;
    bool boolean = false;
    std::int64_t integer = 0;
    std::string text;
    std::vector<PyValue> items;                       // Tuple, List
    std::vector<std::pair<PyValue, PyValue>> entries; // Dict

    bool is(Kind k) const { return kind == k; }
    bool is_sequence() const { return kind == Kind::Tuple || kind == Kind::List; }
    /// The value of a dict entry whose key is the string `key`, or nullptr.
    const PyValue* find(std::string_view key) const;
};

/// Parses one literal filling all of `text` (surrounding white space allowed).
/// Throws ParseError starting with `caller` and the position of the problem.
PyValue parse_py_literal(std::string_view text, const char* caller);

/// The dtype a parsed literal describes (a typestr, the list form, a (base, shape) tuple
/// or a dict); `text` is quoted in messages. Defined with DType.
DType dtype_from_literal(const PyValue& value, std::string_view text);

/// The Python repr of a string ('...' unless it contains ' and no ").
std::string py_repr(std::string_view s);

} // namespace glumpp::detail
