#pragma once
// SvgScene's pattern fills (SvgScene.hpp, "Patterns"): one svg::Pattern's tile rendered
// once into a texture that TextureFillCollection repeats. Private to the graphics layer.

#include <glumpp/gloo/FrameBuffer.hpp>
#include <glumpp/gloo/Texture.hpp>
#include <glumpp/svg/Shape.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace glumpp::graphics {
class SvgScene;
}

namespace glumpp::graphics::detail {

/// The largest side of a tile's texture, in texels; a scene makes at most
/// max_pattern_tiles of them (64 x 1024 x 1024 x 4 bytes: 256 MB at worst).
inline constexpr int max_pattern_side = 1024;
inline constexpr std::size_t max_pattern_tiles = 64;
/// Texels per device pixel along each axis (within max_pattern_side): the tile is drawn
/// single-sampled, and sampling 2 x 2 texels per pixel through linear filtering smooths
/// its edges as the window's multisampling smooths the document's.
inline constexpr double pattern_supersampling = 2.0;

class PatternTile {
public:
    /// The tile's content as a scene of its own (no GL yet); its texture of the size that
    /// `pixels_per_unit` (device pixels per final unit) asks, not allocated yet.
    PatternTile(std::shared_ptr<const svg::Pattern> pattern, double pixels_per_unit);
    ~PatternTile();

    /// Premultiplied RGBA8, linear filtering, Repeat wrapping: one tile across [0, 1]^2.
    const gloo::Texture2D& texture() const noexcept { return texture_; }
    /// Final units to the texture's coordinates (t = 0: the texture's first row, which
    /// GL draws at the bottom: the tile's y = height).
    svg::Transform to_texture() const;
    /// The content scene's warnings.
    const std::vector<std::string>& warnings() const;

    /// At the first call: resizes the texture for `pixels_per_unit` (FrameBuffer::resize),
    /// then draws the content into it (the framebuffer bound, glClear, the content's draw
    /// calls, the scissor test disabled meanwhile; all restored). Later calls do nothing.
    void render(double pixels_per_unit);

private:
    std::pair<std::size_t, std::size_t> size(double pixels_per_unit) const;
    std::shared_ptr<const svg::Pattern> pattern_;
    std::unique_ptr<SvgScene> scene_;
    gloo::Texture2D texture_;
    gloo::FrameBuffer fb_;
    bool rendered_ = false;
};

} // namespace glumpp::graphics::detail
