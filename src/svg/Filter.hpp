#pragma once
// filter elements read into svg::Filter (Group.hpp): feGaussianBlur, feOffset, feMerge,
// feFlood, feComposite, feColorMatrix and feBlend (normal), the filter region, their in / in2 / result names resolved to indices, their numbers in final
// units. Private to the SVG reader.

#include "Values.hpp"

#include <glumpp/svg/Document.hpp>
#include <glumpp/svg/Group.hpp>

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <vector>

namespace glumpp::svg::detail {

/// The filter `filter` applied to content whose user space is `ctm` and whose user-space
/// box is `box` (nothing: no content); `viewport` resolves userSpaceOnUse region percentages. Nothing when the filter cannot be drawn as
/// supported primitives (another primitive, more than max_filter_primitives, an input
/// other than SourceGraphic, SourceAlpha or an earlier result): the caller draws the
/// element unfiltered. Each problem goes to `warnings`, without the element's name.
std::optional<Filter> read_filter(pugi::xml_node filter, const Transform& ctm, const std::optional<Bounds>& box,
                                  const Viewport& viewport, std::vector<std::string>& warnings);

} // namespace glumpp::svg::detail
