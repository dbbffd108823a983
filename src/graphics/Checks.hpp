#pragma once
// The checks every collection's style makes, with the messages the tests quote.
#include "Format.hpp"

#include <glumpp/Error.hpp>
#include <glumpp/graphics/Collection.hpp>

#include <string>

namespace glumpp::graphics::detail {

/// ValueError naming `caller` unless 0 <= order <= Collection::max_order.
inline void check_order(float order, const char* caller) {
    if (!(order >= 0.0f && order <= Collection::max_order)) {
        throw ValueError(std::string(caller) + ": order " + number(order) + " is outside [0, " +
                         std::to_string(static_cast<long>(Collection::max_order)) + "]");
    }
}

} // namespace glumpp::graphics::detail
