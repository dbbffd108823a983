#pragma once
// <image>: its placement and its picture, decoded (Image.cpp). Private to the SVG reader;
// Shape.hpp's Image is what comes out, Document.hpp says what is supported.

#include "Values.hpp"

#include <glumpp/svg/Shape.hpp>

#include <pugixml.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace glumpp::svg::detail {

/// The shape of `node` (an <image>) under `ctm` in `viewport` with `alpha` (opacity)
/// multiplied in: its picture decoded from href / xlink:href (a base64 data: URI of a PNG
/// or JPEG, or a file below `base`), its rectangle as the one closed sub-path.
/// `pixels_used` counts the document's decoded pixels so far (max_total_image_pixels).
/// Nothing, with a message in `problems`, for an image that cannot be drawn (no href,
/// corrupt data, a limit, a file outside `base`); Skip for a bad geometry attribute.
std::optional<Shape> image_shape(pugi::xml_node node, const Transform& ctm, const Viewport& viewport, float alpha,
                                 const std::optional<std::filesystem::path>& base, std::size_t& pixels_used,
                                 std::vector<std::string>& problems);

/// RFC 4648 base64 (ASCII whitespace ignored, padding optional) into `out`; false at the
/// first other byte or a length no encoding has. At most max_image_bytes decoded.
bool decode_base64(std::string_view text, std::vector<unsigned char>& out);

} // namespace glumpp::svg::detail
