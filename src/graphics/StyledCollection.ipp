#pragma once
// The definitions of StyledCollection<Style>, included by the .cpp that instantiates it
// for a Style after specializing StyleCodec<Style> (how that style is packed into, checked
// for, and read from the shared record).
#include <glumpp/graphics/StyledCollection.hpp>

namespace glumpp::graphics::detail {

/// Specialized per style: `static Array record(const Style&, const char* caller)` (checks
/// it, ValueError naming `caller`; a record of shape ()) and `static Style read(const
/// Array& record)`.
template <class Style>
struct StyleCodec;

} // namespace glumpp::graphics::detail

namespace glumpp::graphics {

template <class Style>
Style StyledCollection<Style>::style(std::size_t i) const {
    check_item(i, qualified("style").c_str());
    return detail::StyleCodec<Style>::read(shared(i));
}

template <class Style>
void StyledCollection<Style>::set_style(std::size_t i, const Style& style) {
    const std::string caller = qualified("set_style");
    check_item(i, caller.c_str());
    shared(i).assign(detail::StyleCodec<Style>::record(style, caller.c_str()));
}

} // namespace glumpp::graphics
