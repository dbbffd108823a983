#pragma once
// matplotlib's perceptual colormaps as tables (ColormapData.cpp, generated; its header
// names the source and the licences): 256 RGB entries each, 16-bit fixed point.
#include <cstdint>

namespace glumpp::plot::detail {
extern const std::uint16_t viridis_data[256 * 3];
extern const std::uint16_t magma_data[256 * 3];
extern const std::uint16_t inferno_data[256 * 3];
extern const std::uint16_t plasma_data[256 * 3];
extern const std::uint16_t cividis_data[256 * 3];
extern const std::uint16_t turbo_data[256 * 3];
} // namespace glumpp::plot::detail
