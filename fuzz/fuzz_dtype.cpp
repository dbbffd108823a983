// fuzz_dtype: glumpp::DType::parse on arbitrary text.
//
// A text that does not describe a dtype must be a glumpp::Error. A text that does must give
// a dtype whose layout is self-consistent (every field inside its record, sizes without
// overflow) and whose descr() reads back as the same dtype, which is what lets NumPy and
// glumpp exchange dtypes through .npy headers.
#include <glumpp/array.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

[[noreturn]] void fail(const char* what, std::string_view text) {
    std::fprintf(stderr, "fuzz_dtype: %s for input \"%.*s\"\n", what, static_cast<int>(text.size()), text.data());
    std::abort();
}

// The invariants every DType must keep, checked without trusting its own arithmetic.
void check_layout(const glumpp::DType& d, std::string_view text, int depth = 0) {
    if (depth > 64) fail("dtype nested deeper than the parser allows", text);
    switch (d.kind()) {
    case glumpp::DType::Kind::Scalar:
        if (d.itemsize() == 0) fail("a scalar of 0 bytes", text);
        break;
    case glumpp::DType::Kind::SubArray: {
        std::size_t n = d.base().itemsize();
        for (const auto s : d.subshape()) {
            if (__builtin_mul_overflow(n, s, &n)) fail("a sub-array whose size overflows", text);
        }
        if (n != d.itemsize()) fail("a sub-array whose itemsize is not shape x base itemsize", text);
        if (d.base().is_subarray()) fail("a sub-array of a sub-array was not flattened", text);
        check_layout(d.base(), text, depth + 1);
        break;
    }
    case glumpp::DType::Kind::Record:
        if (d.itemsize() == 0) fail("a record of 0 bytes", text);
        for (const auto& f : d.fields()) {
            std::size_t end = 0;
            if (__builtin_add_overflow(f.offset, f.dtype.itemsize(), &end) || end > d.itemsize()) {
                fail("a field that does not fit in its record", text);
            }
            check_layout(f.dtype, text, depth + 1);
        }
        break;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    glumpp::DType d;
    try {
        d = glumpp::DType::parse(text);
    } catch (const glumpp::Error&) {
        return 0;
    }
    check_layout(d, text);
    std::string descr;
    try {
        descr = d.descr();
    } catch (const glumpp::ValueError&) {
        return 0; // overlapping or unordered fields: NumPy's list form cannot express them
    }
    glumpp::DType again;
    try {
        again = glumpp::DType::parse(descr);
    } catch (const glumpp::Error& e) {
        std::fprintf(stderr, "fuzz_dtype: descr() \"%s\" does not parse: %s\n", descr.c_str(), e.what());
        fail("descr() is not parseable", text);
    }
    if (!(again == d)) {
        std::fprintf(stderr, "fuzz_dtype: descr() \"%s\" parses to \"%s\"\n", descr.c_str(), again.descr().c_str());
        fail("parse(descr()) != dtype", text);
    }
    return 0;
}
