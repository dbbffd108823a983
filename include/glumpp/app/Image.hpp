#pragma once
// PNG files to and from arrays (Debian's stb).

#include <glumpp/array/Array.hpp>

#include <filesystem>

namespace glumpp::app {

/// (height, width, channels) uint8, row 0 at the top. IoError/ParseError naming the file.
Array load_png(const std::filesystem::path& path);
/// `image`: (height, width[, channels 1-4]) uint8, row 0 at the top. ShapeError/TypeError
/// for other arrays, IoError when the file cannot be written.
void save_png(const Array& image, const std::filesystem::path& path);

} // namespace glumpp::app
