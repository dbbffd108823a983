#include <glumpp/svg/Color.hpp>

#include "Scanner.hpp"

#include <glumpp/Error.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace glumpp::svg {

namespace {

struct NamedColor {
    std::string_view name;
    std::uint8_t r, g, b;
};

// SVG 1.1 section 4.4 ("Recognized color keyword names"), identical to CSS Color 3's
// extended keywords, plus CSS Color 4's rebeccapurple. Sorted for binary search.
constexpr std::array named_colors{
    NamedColor{"aliceblue", 240, 248, 255},
    NamedColor{"antiquewhite", 250, 235, 215},
    NamedColor{"aqua", 0, 255, 255},
    NamedColor{"aquamarine", 127, 255, 212},
    NamedColor{"azure", 240, 255, 255},
    NamedColor{"beige", 245, 245, 220},
    NamedColor{"bisque", 255, 228, 196},
    NamedColor{"black", 0, 0, 0},
    NamedColor{"blanchedalmond", 255, 235, 205},
    NamedColor{"blue", 0, 0, 255},
    NamedColor{"blueviolet", 138, 43, 226},
    NamedColor{"brown", 165, 42, 42},
    NamedColor{"burlywood", 222, 184, 135},
    NamedColor{"cadetblue", 95, 158, 160},
    NamedColor{"chartreuse", 127, 255, 0},
    NamedColor{"chocolate", 210, 105, 30},
    NamedColor{"coral", 255, 127, 80},
    NamedColor{"cornflowerblue", 100, 149, 237},
    NamedColor{"cornsilk", 255, 248, 220},
    NamedColor{"crimson", 220, 20, 60},
    NamedColor{"cyan", 0, 255, 255},
    NamedColor{"darkblue", 0, 0, 139},
    NamedColor{"darkcyan", 0, 139, 139},
    NamedColor{"darkgoldenrod", 184, 134, 11},
    NamedColor{"darkgray", 169, 169, 169},
    NamedColor{"darkgreen", 0, 100, 0},
    NamedColor{"darkgrey", 169, 169, 169},
    NamedColor{"darkkhaki", 189, 183, 107},
    NamedColor{"darkmagenta", 139, 0, 139},
    NamedColor{"darkolivegreen", 85, 107, 47},
    NamedColor{"darkorange", 255, 140, 0},
    NamedColor{"darkorchid", 153, 50, 204},
    NamedColor{"darkred", 139, 0, 0},
    NamedColor{"darksalmon", 233, 150, 122},
    NamedColor{"darkseagreen", 143, 188, 143},
    NamedColor{"darkslateblue", 72, 61, 139},
    NamedColor{"darkslategray", 47, 79, 79},
    NamedColor{"darkslategrey", 47, 79, 79},
    NamedColor{"darkturquoise", 0, 206, 209},
    NamedColor{"darkviolet", 148, 0, 211},
    NamedColor{"deeppink", 255, 20, 147},
    NamedColor{"deepskyblue", 0, 191, 255},
    NamedColor{"dimgray", 105, 105, 105},
    NamedColor{"dimgrey", 105, 105, 105},
    NamedColor{"dodgerblue", 30, 144, 255},
    NamedColor{"firebrick", 178, 34, 34},
    NamedColor{"floralwhite", 255, 250, 240},
    NamedColor{"forestgreen", 34, 139, 34},
    NamedColor{"fuchsia", 255, 0, 255},
    NamedColor{"gainsboro", 220, 220, 220},
    NamedColor{"ghostwhite", 248, 248, 255},
    NamedColor{"gold", 255, 215, 0},
    NamedColor{"goldenrod", 218, 165, 32},
    NamedColor{"gray", 128, 128, 128},
    NamedColor{"green", 0, 128, 0},
    NamedColor{"greenyellow", 173, 255, 47},
    NamedColor{"grey", 128, 128, 128},
    NamedColor{"honeydew", 240, 255, 240},
    NamedColor{"hotpink", 255, 105, 180},
    NamedColor{"indianred", 205, 92, 92},
    NamedColor{"indigo", 75, 0, 130},
    NamedColor{"ivory", 255, 255, 240},
    NamedColor{"khaki", 240, 230, 140},
    NamedColor{"lavender", 230, 230, 250},
    NamedColor{"lavenderblush", 255, 240, 245},
    NamedColor{"lawngreen", 124, 252, 0},
    NamedColor{"lemonchiffon", 255, 250, 205},
    NamedColor{"lightblue", 173, 216, 230},
    NamedColor{"lightcoral", 240, 128, 128},
    NamedColor{"lightcyan", 224, 255, 255},
    NamedColor{"lightgoldenrodyellow", 250, 250, 210},
    NamedColor{"lightgray", 211, 211, 211},
    NamedColor{"lightgreen", 144, 238, 144},
    NamedColor{"lightgrey", 211, 211, 211},
    NamedColor{"lightpink", 255, 182, 193},
    NamedColor{"lightsalmon", 255, 160, 122},
    NamedColor{"lightseagreen", 32, 178, 170},
    NamedColor{"lightskyblue", 135, 206, 250},
    NamedColor{"lightslategray", 119, 136, 153},
    NamedColor{"lightslategrey", 119, 136, 153},
    NamedColor{"lightsteelblue", 176, 196, 222},
    NamedColor{"lightyellow", 255, 255, 224},
    NamedColor{"lime", 0, 255, 0},
    NamedColor{"limegreen", 50, 205, 50},
    NamedColor{"linen", 250, 240, 230},
    NamedColor{"magenta", 255, 0, 255},
    NamedColor{"maroon", 128, 0, 0},
    NamedColor{"mediumaquamarine", 102, 205, 170},
    NamedColor{"mediumblue", 0, 0, 205},
    NamedColor{"mediumorchid", 186, 85, 211},
    NamedColor{"mediumpurple", 147, 112, 219},
    NamedColor{"mediumseagreen", 60, 179, 113},
    NamedColor{"mediumslateblue", 123, 104, 238},
    NamedColor{"mediumspringgreen", 0, 250, 154},
    NamedColor{"mediumturquoise", 72, 209, 204},
    NamedColor{"mediumvioletred", 199, 21, 133},
    NamedColor{"midnightblue", 25, 25, 112},
    NamedColor{"mintcream", 245, 255, 250},
    NamedColor{"mistyrose", 255, 228, 225},
    NamedColor{"moccasin", 255, 228, 181},
    NamedColor{"navajowhite", 255, 222, 173},
    NamedColor{"navy", 0, 0, 128},
    NamedColor{"oldlace", 253, 245, 230},
    NamedColor{"olive", 128, 128, 0},
    NamedColor{"olivedrab", 107, 142, 35},
    NamedColor{"orange", 255, 165, 0},
    NamedColor{"orangered", 255, 69, 0},
    NamedColor{"orchid", 218, 112, 214},
    NamedColor{"palegoldenrod", 238, 232, 170},
    NamedColor{"palegreen", 152, 251, 152},
    NamedColor{"paleturquoise", 175, 238, 238},
    NamedColor{"palevioletred", 219, 112, 147},
    NamedColor{"papayawhip", 255, 239, 213},
    NamedColor{"peachpuff", 255, 218, 185},
    NamedColor{"peru", 205, 133, 63},
    NamedColor{"pink", 255, 192, 203},
    NamedColor{"plum", 221, 160, 221},
    NamedColor{"powderblue", 176, 224, 230},
    NamedColor{"purple", 128, 0, 128},
    NamedColor{"rebeccapurple", 102, 51, 153},
    NamedColor{"red", 255, 0, 0},
    NamedColor{"rosybrown", 188, 143, 143},
    NamedColor{"royalblue", 65, 105, 225},
    NamedColor{"saddlebrown", 139, 69, 19},
    NamedColor{"salmon", 250, 128, 114},
    NamedColor{"sandybrown", 244, 164, 96},
    NamedColor{"seagreen", 46, 139, 87},
    NamedColor{"seashell", 255, 245, 238},
    NamedColor{"sienna", 160, 82, 45},
    NamedColor{"silver", 192, 192, 192},
    NamedColor{"skyblue", 135, 206, 235},
    NamedColor{"slateblue", 106, 90, 205},
    NamedColor{"slategray", 112, 128, 144},
    NamedColor{"slategrey", 112, 128, 144},
    NamedColor{"snow", 255, 250, 250},
    NamedColor{"springgreen", 0, 255, 127},
    NamedColor{"steelblue", 70, 130, 180},
    NamedColor{"tan", 210, 180, 140},
    NamedColor{"teal", 0, 128, 128},
    NamedColor{"thistle", 216, 191, 216},
    NamedColor{"tomato", 255, 99, 71},
    NamedColor{"turquoise", 64, 224, 208},
    NamedColor{"violet", 238, 130, 238},
    NamedColor{"wheat", 245, 222, 179},
    NamedColor{"white", 255, 255, 255},
    NamedColor{"whitesmoke", 245, 245, 245},
    NamedColor{"yellow", 255, 255, 0},
    NamedColor{"yellowgreen", 154, 205, 50},
};

constexpr auto make_names() {
    std::array<std::string_view, named_colors.size()> out{};
    for (std::size_t i = 0; i < named_colors.size(); ++i) out[i] = named_colors[i].name;
    return out;
}
constexpr auto color_names = make_names();
static_assert(std::is_sorted(color_names.begin(), color_names.end()), "binary search needs the table sorted");

[[noreturn]] void fail(const std::string& function, const std::string& why) {
    throw ParseError(function + ": " + why);
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

Color parse_hex(std::string_view text, std::string_view whole) {
    // text is what follows '#'.
    const std::size_t n = text.size();
    const bool ok_length = n == 3 || n == 4 || n == 6 || n == 8;
    const bool ok_digits = std::all_of(text.begin(), text.end(), [](char c) { return hex_value(c) >= 0; });
    if (!ok_length || !ok_digits)
        fail("Color::parse", "bad hex color " + detail::quote(whole) + " (expected #rgb, #rgba, #rrggbb or #rrggbbaa)");
    std::array<int, 4> c{0, 0, 0, 255};
    const bool short_form = n == 3 || n == 4;
    for (std::size_t i = 0; i < (short_form ? n : n / 2); ++i) {
        // #abc means #aabbcc: each digit repeated, i.e. times 17.
        c[i] = short_form ? hex_value(text[i]) * 17 : hex_value(text[2 * i]) * 16 + hex_value(text[2 * i + 1]);
    }
    return Color::rgb8(static_cast<std::uint8_t>(c[0]), static_cast<std::uint8_t>(c[1]), static_cast<std::uint8_t>(c[2]),
                       static_cast<std::uint8_t>(c[3]));
}

// rgb(...) / rgba(...): `pos` is just after the '('.
Color parse_rgb_function(std::string_view text, std::size_t pos, bool with_alpha) {
    std::array<float, 4> c{0, 0, 0, 1};
    const std::size_t count = with_alpha ? 4 : 3;
    for (std::size_t i = 0; i < count; ++i) {
        detail::skip_wsp(text, pos);
        if (i > 0) {
            if (pos >= text.size() || text[pos] != ',')
                fail("Color::parse", "expected ',' " + detail::where(text, pos));
            ++pos;
            detail::skip_wsp(text, pos);
        }
        const auto number = detail::scan_number(text, pos);
        if (number.status != detail::NumberScan::Status::Ok)
            fail("Color::parse", "expected a number " + detail::where(text, pos));
        pos = number.end;
        double v = number.value;
        if (pos < text.size() && text[pos] == '%') {
            ++pos;
            v /= 100.0;
        } else if (i < 3) {
            v /= 255.0;
        }
        c[i] = static_cast<float>(std::clamp(v, 0.0, 1.0));
    }
    detail::skip_wsp(text, pos);
    if (pos >= text.size() || text[pos] != ')')
        fail("Color::parse", "expected ')' " + detail::where(text, pos));
    ++pos;
    if (pos != text.size()) fail("Color::parse", "unexpected text after ')' " + detail::where(text, pos));
    return {c[0], c[1], c[2], c[3]};
}

} // namespace

std::optional<Color> Color::named(std::string_view name) {
    const std::string key = detail::lower(name);
    const auto it = std::lower_bound(named_colors.begin(), named_colors.end(), key,
                                     [](const NamedColor& entry, const std::string& k) { return entry.name < k; });
    if (it == named_colors.end() || it->name != key) return std::nullopt;
    return rgb8(it->r, it->g, it->b);
}

std::span<const std::string_view> Color::names() { return color_names; }

Color Color::parse(std::string_view text) {
    const std::string_view t = detail::trim(text);
    if (t.empty()) fail("Color::parse", "empty color");
    if (t[0] == '#') return parse_hex(t.substr(1), t);
    const std::string low = detail::lower(t);
    if (low.starts_with("rgba(")) return parse_rgb_function(t, 5, true);
    if (low.starts_with("rgb(")) return parse_rgb_function(t, 4, false);
    if (low == "transparent") return {0.0f, 0.0f, 0.0f, 0.0f};
    if (auto c = named(low)) return *c;
    if (low == "none" || low == "currentcolor" || low.starts_with("url("))
        fail("Color::parse", detail::quote(t) + " is a paint, not a color (Paint::parse reads it)");
    fail("Color::parse", "unknown color " + detail::quote(t));
}

Paint Paint::parse(std::string_view text) {
    const std::string_view t = detail::trim(text);
    const std::string low = detail::lower(t);
    if (low == "none") return none();
    if (low == "currentcolor") return {Kind::CurrentColor, {}, {}};
    if (low.starts_with("url(")) {
        const std::size_t close = t.find(')');
        if (close == std::string_view::npos) throw ParseError("Paint::parse: missing ')' in " + detail::quote(t));
        const std::string_view fallback = detail::trim(t.substr(close + 1));
        Paint out = parse(fallback.empty() ? std::string_view("none") : fallback);
        if (!out.url.empty()) throw ParseError("Paint::parse: two url() in " + detail::quote(t));
        out.url = std::string(detail::trim(t.substr(4, close - 4)));
        return out;
    }
    try {
        return solid(Color::parse(t));
    } catch (const ParseError& e) {
        // Re-badge the message: the caller asked Paint::parse.
        std::string message = e.what();
        message.replace(0, std::string_view("Color::parse").size(), "Paint::parse");
        throw ParseError(message);
    }
}

} // namespace glumpp::svg
