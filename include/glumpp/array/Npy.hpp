#pragma once
// .npy files, NumPy's format, versions 1.0, 2.0 and 3.0.
//
// Reading accepts what NumPy writes: any of the three versions, C or Fortran order,
// scalar and structured dtypes (padding fields, nested records, sub-arrays), big- and
// little-endian data. A malformed file (bad magic, an unknown version, a header that is
// not a Python literal dict, a header or shape that lies about the size, absurd shapes)
// is a ParseError naming the file and the problem; nothing is half-read.
//
// Writing picks the lowest version that fits, as NumPy does: 1.0; 2.0 when the header
// exceeds 65535 bytes; 3.0 when a field name is not Latin-1. Views that are neither C-
// nor Fortran-contiguous are written in C order.

#include <glumpp/array/Array.hpp>

#include <cstddef>
#include <filesystem>
#include <span>
#include <vector>

namespace glumpp {

/// What a .npy header says.
struct NpyHeader {
    int major = 1, minor = 0;
    DType dtype;
    std::vector<std::size_t> shape;
    bool fortran_order = false;
    std::size_t data_offset = 0; ///< bytes from the start of the file
    std::size_t data_size = 0;   ///< bytes of array data that must follow
};

void save_npy(const Array& a, const std::filesystem::path& path);
/// The file's array in a new storage (entirely dirty).
Array load_npy(const std::filesystem::path& path);
/// The file's array mapped into memory instead of read (NumPy's mmap_mode).
Array map_npy(const std::filesystem::path& path, Storage::MapMode mode = Storage::MapMode::ReadOnly);
/// Reads the file into an existing array of the same shape (dtype converted), tracked
/// like any other write. ShapeError if the shapes differ.
void load_npy_into(Array& destination, const std::filesystem::path& path);

/// In-memory forms (used by the file functions, and by the fuzzers).
std::vector<std::byte> to_npy_bytes(const Array& a);
Array from_npy_bytes(std::span<const std::byte> bytes);
/// Parses the header at the start of `bytes`; `source` names the data in messages.
NpyHeader parse_npy_header(std::span<const std::byte> bytes, const std::string& source = "<memory>");

} // namespace glumpp
