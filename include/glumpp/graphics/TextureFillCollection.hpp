#pragma once
// TextureFillCollection: filled polygons painted by one texture, sampled through a
// per-item transform; one draw call for all (SvgScene's <image>s and pattern fills, the
// latter with Repeat wrapping: texture().set_wrapping(gloo::Wrapping::Repeat)).
//
//   auto rgba = gloo::Texture2D::zeros<std::uint8_t>({height, width, 4});   // premultiplied
//   ... write the pixels into rgba ...
//   rgba.set_interpolation(gloo::Interpolation::Linear);
//   graphics::TextureFillCollection images(rgba);
//   images.append(rectangle, svg::FillRule::NonZero, to_texture, /*alpha*/ 1.0f, /*order*/ 0);
//   images.draw();
//
// An item is what a PolygonCollection item is (contours triangulated together by GLU
// under a fill rule, three vertices per triangle; PolygonCollection.hpp) plus the affine
// map from its world units to the texture's coordinates (s, t in [0, 1] across the
// texture; t = 0 is the array's first row) and an alpha multiplied into every texel. The
// record: texel 0 color (white times alpha: Collection::color), texel 1 (order, alpha),
// texels 2-3 the map (a, b, c, d), (e, f). The vertex shader maps each corner (affine, so
// interpolating the coordinates is exact); the fragment shader samples the texture
// (GL's filtering and wrapping as the texture is set) and divides by alpha: the texture
// holds premultiplied RGBA, so that linear filtering does not darken the edges of
// transparent regions, and the output is the straight alpha the collections blend.
//
// One texture a collection: SvgScene makes one collection per image (documents hold few
// images, and a texture atlas would have to cut them apart again for linear filtering),
// so each image is one draw call. Panning or zooming uploads nothing (u_view); the
// texture is sent once, at the first draw.
//
// Draw state: as TriangleCollection (blending, depth test GL_LEQUAL with depth writes;
// Collection.hpp). Edges are not antialiased here; a multisampled framebuffer smooths them.
//
// Errors: ValueError("TextureFillCollection::append: ...") for a map or alpha that is not
// finite, an alpha outside [0, 1], or an order out of range; nothing is appended then.

#include <glumpp/gloo/Texture.hpp>
#include <glumpp/graphics/Collection.hpp>
#include <glumpp/svg/Polyline.hpp>
#include <glumpp/svg/Tessellator.hpp>
#include <glumpp/svg/Transform.hpp>

#include <span>

namespace glumpp::graphics {

class TextureFillCollection : public Collection {
public:
    /// `texture`: premultiplied RGBA (any format a sampler2D reads), its interpolation
    /// and wrapping as the caller sets them (texture() may change them later).
    explicit TextureFillCollection(gloo::Texture2D texture);

    /// Appends one item: the area inside `contours` under `rule`, painted by the texture
    /// at `to_texture` (world units to texture coordinates), times `alpha`, at `order`.
    /// Returns the item's number.
    std::size_t append(std::span<const svg::Polyline> contours, svg::FillRule rule, const svg::Transform& to_texture,
                       float alpha = 1.0f, float order = 0.0f);

    gloo::Texture2D& texture() noexcept { return texture_; }

    /// Binds the texture, then Collection::draw(): one glDrawArrays(GL_TRIANGLES).
    void draw();

private:
    svg::Tessellator tessellator_;
    gloo::Texture2D texture_;
};

} // namespace glumpp::graphics
