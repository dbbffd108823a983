#pragma once
// What the collection tests share (test_collections.cpp, test_collection_transforms.cpp):
// a 64x64 colour + depth framebuffer on the shared EGL context (GLTest), cleared to black,
// and its pixels read back as an RGBA8 image with row 0 on top.
#include "../gloo/GLTest.hpp"

#include <glumpp/gloo/FrameBuffer.hpp>

#include <glm/vec3.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace glumpp::test {

constexpr int collection_size = 64;

/// An RGBA8 image, row 0 at the top (the collections' pixel y grows downwards too).
struct CollectionImage {
    std::vector<std::uint8_t> rgba;
    std::array<int, 4> at(int x, int y) const {
        const std::size_t k = (std::size_t(y) * collection_size + std::size_t(x)) * 4;
        return {rgba[k], rgba[k + 1], rgba[k + 2], rgba[k + 3]};
    }
    int red(int x, int y) const { return at(x, y)[0]; }
    /// The centroid of red in [x0, x1) x [y0, y1), and its total.
    glm::dvec3 centroid(int x0, int y0, int x1, int y1) const {
        glm::dvec3 c(0);
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) c += glm::dvec3(x + 0.5, y + 0.5, 1.0) * (red(x, y) / 255.0);
        return {c.x / c.z, c.y / c.z, c.z};
    }
};

class CollectionTest : public GLTest {
protected:
    /// Clears to black, runs `draw` into the 64x64 colour + depth framebuffer, reads it back.
    CollectionImage render(const std::function<void()>& draw) {
        auto on = target.activated();
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        draw();
        return {target.read_pixels().to_vector<std::uint8_t>()};
    }
    gloo::FrameBuffer target{{gloo::RenderBuffer::color(collection_size, collection_size)},
                             gloo::RenderBuffer::depth(collection_size, collection_size)};
};

} // namespace glumpp::test
