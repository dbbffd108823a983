#pragma once
// DTD internal entities (<!DOCTYPE svg [ <!ENTITY ns_svg "http://..."> ]>), which
// Illustrator writes for namespaces and style strings and which pugixml does not expand.

#include <string>
#include <string_view>
#include <vector>

namespace glumpp::svg::detail {

/// Limits against entity bombs ("billion laughs"): at most this many entities, nested
/// at most this deep, and at most this many bytes of text after expansion.
inline constexpr std::size_t max_entities = 1024;
inline constexpr int max_entity_depth = 8;
inline constexpr std::size_t max_expanded_size = std::size_t(64) << 20;

/// `xml` with every reference `&name;` to a general entity of its internal DTD subset
/// replaced by the entity's value (values may refer to earlier entities, expanded in
/// turn), after the DOCTYPE only; the DOCTYPE itself is kept, so that offsets before it do
/// not move. Parameter entities (%name;), external entities (SYSTEM, PUBLIC) and
/// references to unknown names are left as they are (pugixml then keeps them as text);
/// each problem is a message in `warnings`. Returns false, with `xml` to be used
/// unchanged, when there is no internal subset with an entity, or when a limit is
/// reached (with a message: nothing is expanded then).
bool expand_entities(std::string_view xml, std::string& out, std::vector<std::string>& warnings);

} // namespace glumpp::svg::detail
