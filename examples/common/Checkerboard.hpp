#pragma once
// glumpy's data.checkerboard(grid_num=8, grid_size=32), the texture of texture-cube and
// snippet-cubes (glumpy's data.get("checkerboard") is checkerboard() or (8, 16)).
#include <glumpp/gloo.hpp>

#include <cstdint>

namespace glumpp::examples {

/// A (grid_num * grid_size)^2 board of grid_size-texel squares, 0 at the top-left one and
/// 255 at its neighbours: 255 * ((row / grid_size + col / grid_size) % 2), one channel
/// (shape (side, side, 1): GL_R8, as glumpy's 2-D uint8 array). Writes the texture's
/// array only: its texels are uploaded at its first draw.
inline gloo::Texture2D checkerboard(std::size_t grid_num = 8, std::size_t grid_size = 32) {
    const std::size_t side = grid_num * grid_size;
    auto board = gloo::Texture2D::zeros<std::uint8_t>({side, side, 1});
    auto texel = board.as<std::uint8_t>();
    for (std::size_t y = 0; y < side; ++y) {
        for (std::size_t x = 0; x < side; ++x) texel(y, x, 0) = ((y / grid_size + x / grid_size) % 2) ? 255 : 0;
    }
    return board;
}

} // namespace glumpp::examples
