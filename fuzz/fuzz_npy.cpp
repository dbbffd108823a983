// fuzz_npy: glumpp::from_npy_bytes on arbitrary bytes.
//
// The contract under test: a malformed .npy is a glumpp::Error, never a crash, a hang, a
// huge allocation, another exception type or a sanitizer report. Inputs that do load are
// written back and read again: the second reading must succeed and give the same dtype,
// shape and bytes, which catches a reader and a writer that disagree about the format.
#include <glumpp/array.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

[[noreturn]] void fail(const char* what, const glumpp::Array& a) {
    std::fprintf(stderr, "fuzz_npy: %s (dtype %s, shape %s)\n", what, a.dtype().name().c_str(),
                 glumpp::detail::shape_str(a.shape()).c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto bytes = std::as_bytes(std::span(data, size));
    glumpp::Array a;
    try {
        a = glumpp::from_npy_bytes(bytes);
    } catch (const glumpp::Error&) {
        return 0; // refusing bad input is the expected outcome
    }
    std::vector<std::byte> again;
    try {
        again = glumpp::to_npy_bytes(a);
    } catch (const glumpp::ValueError&) {
        return 0; // records whose fields overlap load, but NumPy's list form cannot write them
    }
    const glumpp::Array b = glumpp::from_npy_bytes(again); // must not throw: we wrote it
    if (b.dtype() != a.dtype()) fail("the dtype changed in a write/read round trip", a);
    if (b.shape() != a.shape()) fail("the shape changed in a write/read round trip", a);
    if (b.nbytes() != a.nbytes()) fail("the size changed in a write/read round trip", a);
    // Both are contiguous (in C or Fortran order, the same order): compare memory as is.
    if (a.nbytes() && std::memcmp(a.data(), b.data(), a.nbytes()) != 0) fail("the bytes changed in a round trip", a);
    return 0;
}
