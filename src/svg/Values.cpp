#include "Values.hpp"

#include "Scanner.hpp"

#include <glumpp/Error.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace glumpp::svg::detail {

double parse_number(std::string_view text) {
    const std::string_view t = trim(text);
    const auto scan = scan_number(t, 0);
    if (scan.status == NumberScan::Status::OutOfRange) throw BadValue{"number out of range " + quote(t)};
    if (scan.status != NumberScan::Status::Ok || scan.end != t.size()) throw BadValue{"expected a number, found " + quote(t)};
    return scan.value;
}

float parse_alpha(std::string_view text) {
    std::string_view t = trim(text);
    double scale = 1.0;
    if (!t.empty() && t.back() == '%') {
        t.remove_suffix(1);
        scale = 0.01;
    }
    const auto scan = scan_number(t, 0);
    if (scan.status != NumberScan::Status::Ok || scan.end != t.size())
        throw BadValue{"expected a number or a percentage, found " + quote(trim(text))};
    return static_cast<float>(std::clamp(scan.value * scale, 0.0, 1.0));
}

double parse_length(std::string_view text, Axis axis, const Viewport& viewport) {
    const std::string_view t = trim(text);
    const auto scan = scan_number(t, 0);
    if (scan.status == NumberScan::Status::OutOfRange) throw BadValue{"number out of range " + quote(t)};
    if (scan.status != NumberScan::Status::Ok) throw BadValue{"expected a length, found " + quote(t)};
    const std::string unit = lower(t.substr(scan.end));
    double factor = 0.0;
    // CSS absolute units at 96 pixels per inch, as SVG and browsers use.
    if (unit.empty() || unit == "px") {
        factor = 1.0;
    } else if (unit == "in") {
        factor = 96.0;
    } else if (unit == "cm") {
        factor = 96.0 / 2.54;
    } else if (unit == "mm") {
        factor = 96.0 / 25.4;
    } else if (unit == "pt") {
        factor = 96.0 / 72.0;
    } else if (unit == "pc") {
        factor = 16.0;
    } else if (unit == "%") {
        const double reference = axis == Axis::X   ? viewport.width
                                 : axis == Axis::Y ? viewport.height
                                                   : std::sqrt((viewport.width * viewport.width +
                                                                viewport.height * viewport.height) / 2.0);
        factor = reference / 100.0;
    } else if (unit == "em" || unit == "ex") {
        throw BadValue{"unit \"" + unit + "\" is not supported in " + quote(t)};
    } else {
        throw BadValue{"expected a length, found " + quote(t)};
    }
    const double value = scan.value * factor;
    if (!std::isfinite(value)) throw BadValue{"number out of range " + quote(t)};
    return value;
}

std::vector<double> parse_number_list(std::string_view text, std::string& error) {
    std::vector<double> out;
    error.clear();
    std::size_t pos = 0;
    skip_wsp(text, pos);
    while (pos < text.size()) {
        const auto scan = scan_number(text, pos);
        if (scan.status == NumberScan::Status::OutOfRange) {
            error = "number out of range " + where(text, pos);
            return out;
        }
        if (scan.status != NumberScan::Status::Ok) {
            error = "expected a number " + where(text, pos);
            return out;
        }
        out.push_back(scan.value);
        pos = scan.end;
        const bool comma = skip_comma_wsp(text, pos);
        if (comma && pos >= text.size()) {
            error = "expected a number " + where(text, pos);
            return out;
        }
    }
    return out;
}

AspectRatio parse_aspect_ratio(std::string_view text) {
    std::istringstream words{std::string(text)};
    std::string word;
    AspectRatio out;
    if (!(words >> word)) throw BadValue{"expected an alignment, found " + quote(text)};
    if (word == "defer" && !(words >> word)) throw BadValue{"expected an alignment after defer"};
    if (word == "none") {
        out.x = out.y = AspectRatio::Align::None;
    } else {
        const auto align = [&](std::string_view part) {
            if (part == "Min") return AspectRatio::Align::Min;
            if (part == "Mid") return AspectRatio::Align::Mid;
            if (part == "Max") return AspectRatio::Align::Max;
            throw BadValue{"unknown alignment " + quote(word)};
        };
        if (word.size() != 8 || word[0] != 'x' || word[4] != 'Y') throw BadValue{"unknown alignment " + quote(word)};
        out.x = align(std::string_view(word).substr(1, 3));
        out.y = align(std::string_view(word).substr(5, 3));
    }
    if (words >> word) {
        if (word == "slice")
            out.slice = true;
        else if (word != "meet")
            throw BadValue{"expected meet or slice, found " + quote(word)};
    }
    if (words >> word) throw BadValue{"unexpected " + quote(word)};
    return out;
}

Transform viewbox_transform(const ViewBox& box, double x, double y, double width, double height, const AspectRatio& ar) {
    double sx = width / box.width, sy = height / box.height;
    if (ar.x != AspectRatio::Align::None) sx = sy = ar.slice ? std::max(sx, sy) : std::min(sx, sy);
    double tx = x - box.x * sx, ty = y - box.y * sy;
    const auto offset = [](AspectRatio::Align align, double room) {
        return align == AspectRatio::Align::Mid ? room / 2.0 : align == AspectRatio::Align::Max ? room : 0.0;
    };
    tx += offset(ar.x, width - box.width * sx);
    ty += offset(ar.y, height - box.height * sy);
    return Transform::translate(tx, ty) * Transform::scale(sx, sy);
}

double length_attribute(pugi::xml_node node, const char* attribute, Axis axis, const Viewport& viewport,
                        double fallback, bool allow_negative) {
    const pugi::xml_attribute a = node.attribute(attribute);
    if (!a) return fallback;
    double v = 0.0;
    try {
        v = parse_length(a.value(), axis, viewport);
    } catch (const BadValue& bad) {
        throw Skip{std::string("attribute ") + attribute + ": " + bad.message};
    }
    if (!allow_negative && v < 0.0)
        throw Skip{std::string("attribute ") + attribute + ": negative value " + quote(trim(a.value()))};
    return v;
}

std::optional<ViewBox> view_box_attribute(pugi::xml_node node) {
    const pugi::xml_attribute a = node.attribute("viewBox");
    if (!a) return std::nullopt;
    std::string error;
    const std::vector<double> v = parse_number_list(a.value(), error);
    if (!error.empty()) throw Skip{"attribute viewBox: " + error};
    if (v.size() != 4)
        throw Skip{"attribute viewBox: expected 4 numbers, found " + std::to_string(v.size()) + " in " + quote(a.value())};
    if (v[2] < 0.0 || v[3] < 0.0) throw Skip{"attribute viewBox: negative width or height in " + quote(a.value())};
    return ViewBox{v[0], v[1], v[2], v[3]};
}

AspectRatio aspect_ratio_attribute(pugi::xml_node node) {
    const pugi::xml_attribute a = node.attribute("preserveAspectRatio");
    if (!a) return {};
    try {
        return parse_aspect_ratio(a.value());
    } catch (const BadValue& bad) {
        throw Skip{"attribute preserveAspectRatio: " + bad.message};
    }
}

Transform transform_attribute(pugi::xml_node node) {
    const pugi::xml_attribute a = node.attribute("transform");
    if (!a) return {};
    try {
        return Transform::parse(a.value());
    } catch (const ParseError& e) {
        throw Skip{std::string("attribute transform: ") + e.what()};
    }
}

std::string_view local_name(pugi::xml_node node) {
    const std::string_view name = node.name();
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_attribute href_of(pugi::xml_node node) {
    if (const pugi::xml_attribute a = node.attribute("href")) return a;
    return node.attribute("xlink:href");
}

} // namespace glumpp::svg::detail
