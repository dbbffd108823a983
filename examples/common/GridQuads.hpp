#pragma once
// What glumpy's gloo-regular-grids.py and gloo-irregular-grids.py share: a rows x cols array
// of quads, four vertices each with its (row, col) and texcoord in [-0.5, 0.5]^2, drawn in
// one indexed draw, and the scripts' vertex shader, which lays the quads out over the
// viewport with a 4-pixel gap and stretches texcoord to keep each grid's aspect.
//
// Its GLSL follows glumpy's scripts (BSD licence, N. Rougier).
#include <glumpp/gloo.hpp>

#include <cstdint>
#include <vector>

namespace glumpp::examples {

inline constexpr const char* grid_quads_vertex = R"(#version 330 core
const float gap = 4.0;

uniform mat4 projection;
uniform vec4 viewport;
uniform float rows, cols;

in float row, col;
in vec2 texcoord;

out vec2 v_texcoord;
out vec2 v_size;

void main (void)
{
    v_size = viewport.zw / vec2(cols, rows);

    if (v_size.x > v_size.y)
        v_texcoord = texcoord * vec2(v_size.x/v_size.y,1.0);
    else
        v_texcoord = texcoord * vec2(1.0, v_size.y/v_size.x);

    vec2 position = vec2(gap)/2.0
                  + vec2(col,row)*v_size
                  + (texcoord + 0.5) * (v_size - vec2(gap));
    gl_Position = projection * vec4(position, 0.0, 1.0);
})";

struct GridQuads {
    gloo::VertexBuffer vertices;  ///< (rows, cols, 4) of row, col, texcoord (float32)
    gloo::IndexBuffer triangles;  ///< two a quad
};

/// The scripts' quads, in C order of (row, col). Writes arrays only: uploaded at the first draw.
inline GridQuads grid_quads(std::size_t rows, std::size_t cols) {
    auto vertices = gloo::VertexBuffer::zeros({rows, cols, 4}, DType::parse("[('row', '<f4'), ('col', '<f4'), ('texcoord', '<f4', (2,))]"));
    std::vector<std::uint32_t> indices;
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c) {
            vertices["row"].view({r, c}).fill(double(r));
            vertices["col"].view({r, c}).fill(double(c));
            vertices["texcoord"].view({r, c}).assign(Array::from<double>({{-0.5, -0.5}, {-0.5, +0.5}, {+0.5, +0.5}, {+0.5, -0.5}}));
            const auto base = std::uint32_t(4 * (r * cols + c));
            indices.insert(indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
        }
    return {std::move(vertices), gloo::IndexBuffer::from(indices)};
}

} // namespace glumpp::examples
