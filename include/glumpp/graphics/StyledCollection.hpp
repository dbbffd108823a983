#pragma once
// StyledCollection<Style>: a built-in collection whose items each have one style struct
// (PointStyle, MarkerStyle, StrokeStyle, FillStyle), stored as the item's shared record.
//
//   paths.set_style(k, {.color = {0, 0, 1, 1}, .width = 2});   // item k's texels, uploaded at the next draw
//   const StrokeStyle s = paths.style(k);                       // read back from the record
//
// What style() and set_style() do is the same for every collection, so it is written once
// here; each collection's header says what its Style holds and which values its append
// (and so set_style) refuses. Errors name the concrete collection: "PathCollection::style:
// item 3 is out of range for a collection of 2 items", "PointCollection::set_style: size -2
// is not positive and finite". A refused style changes nothing.

#include <glumpp/graphics/Collection.hpp>

#include <cstddef>
#include <string>

namespace glumpp::graphics {

template <class Style>
class StyledCollection : public Collection {
public:
    /// Item `i`'s style, read back from its shared record (no GL call).
    Style style(std::size_t i) const;
    /// Writes item `i`'s whole shared record: only its texels are uploaded at the next draw.
    void set_style(std::size_t i, const Style& style);

protected:
    /// `name` is the concrete collection's, for messages ("PathCollection").
    StyledCollection(const Layout& layout, const char* name) : Collection(layout), name_(name) {}
    /// "<name>::<member>", the caller named in messages.
    std::string qualified(const char* member) const { return std::string(name_) + "::" + member; }

private:
    const char* name_;
};

} // namespace glumpp::graphics
