#pragma once
// <pattern>: the href chain and the tile's geometry for one shape (Pattern.cpp). The
// content itself is read by DocumentBuilder (Document.cpp), as a mask's is, under
// `content_transform`. Private to the SVG reader.

#include "Values.hpp"

#include <glumpp/svg/Document.hpp>
#include <glumpp/svg/Transform.hpp>

#include <pugixml.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace glumpp::svg::detail {

struct PatternTile {
    /// The pattern of the chain whose element children are the content (a null node:
    /// the tile is empty, and the fill paints nothing).
    pugi::xml_node content;
    double width = 0.0, height = 0.0; ///< the tile; 0 on either: the fill paints nothing
    Transform to_final;               ///< pattern space (tile origin at 0, 0) to final units
    Transform content_transform;      ///< the content's user units to pattern space
    Viewport content_viewport;        ///< what percentages in the content refer to
};

/// The tile of the pattern `server` for a shape whose transform is `ctm` and whose
/// user-space box is `user_box`, in `viewport`. Nothing where it cannot be used (a bad
/// attribute, objectBoundingBox on a box of zero width or height, a transform that is
/// not invertible): the reason goes to `why`. Problems that do not stop it (a loop in
/// href, an ignored attribute) go to `warnings`.
std::optional<PatternTile> pattern_tile(pugi::xml_node server, const std::function<pugi::xml_node(std::string_view)>& find_id,
                                        const Transform& ctm, const std::optional<Bounds>& user_box, const Viewport& viewport,
                                        std::string& why, std::vector<std::string>& warnings);

} // namespace glumpp::svg::detail
