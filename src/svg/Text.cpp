// <text>, <tspan> and the text properties (SVG 1.1 chapter 10): what the reader keeps of
// them for a renderer to lay out (Shape.hpp: svg::Text). No font is opened here.
#include "Text.hpp"

#include "Scanner.hpp"
#include "TextStyle.hpp"

#include <glumpp/svg/Document.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace glumpp::svg::detail {

namespace {

constexpr std::string_view text_properties[] = {
    "font-family", "font-size", "font-weight", "font-style", "text-anchor", "font", "text-decoration",
    "writing-mode", "letter-spacing", "word-spacing", "font-variant", "baseline-shift", "dominant-baseline",
    "alignment-baseline", "direction", "unicode-bidi", "font-stretch", "font-size-adjust", "kerning",
    "glyph-orientation-vertical", "glyph-orientation-horizontal", "text-rendering"};

/// font-family: a comma-separated list of quoted strings or identifier sequences.
std::vector<std::string> parse_families(std::string_view value) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i <= value.size()) {
        std::size_t end = i;
        std::string name;
        skip_wsp(value, i);
        if (i < value.size() && (value[i] == '"' || value[i] == '\'')) {
            const char q = value[i];
            const std::size_t close = value.find(q, i + 1);
            if (close == std::string_view::npos) throw BadValue{"unterminated string in " + quote(value)};
            name = std::string(value.substr(i + 1, close - i - 1));
            end = close + 1;
            skip_wsp(value, end);
            if (end < value.size() && value[end] != ',') throw BadValue{"expected a comma after a string in " + quote(value)};
        } else {
            end = value.find(',', i);
            if (end == std::string_view::npos) end = value.size();
            // Identifiers separated by white space are one name with single spaces.
            const std::string_view raw = trim(value.substr(i, end - i));
            for (std::size_t k = 0; k < raw.size(); ++k) {
                if (is_wsp(raw[k])) {
                    if (!name.empty() && name.back() != ' ') name += ' ';
                } else {
                    name += raw[k];
                }
            }
        }
        if (name.empty()) throw BadValue{"empty family name in " + quote(value)};
        out.push_back(std::move(name));
        if (end >= value.size()) break;
        i = end + 1;
    }
    return out;
}

double parse_font_size(std::string_view value, double parent) {
    static constexpr std::pair<std::string_view, int> keywords[] = {
        {"xx-small", -3}, {"x-small", -2}, {"small", -1}, {"medium", 0}, {"large", 1}, {"x-large", 2}, {"xx-large", 3}};
    const std::string low = lower(value);
    for (const auto& [k, step] : keywords)
        if (low == k) return 16.0 * std::pow(1.2, step); // CSS: medium 16 px, steps of 1.2
    if (low == "larger") return parent * 1.2;
    if (low == "smaller") return parent / 1.2;
    double size = 0.0;
    const auto relative = [&](std::string_view suffix, double unit) {
        if (!low.ends_with(suffix)) return false;
        size = parse_number(std::string_view(low).substr(0, low.size() - suffix.size())) * unit;
        return true;
    };
    if (!relative("em", parent) && !relative("ex", parent / 2.0) && !relative("%", parent / 100.0))
        size = parse_length(value, Axis::Other, {});
    if (!(size >= 0.0) || !std::isfinite(size)) throw BadValue{"expected a non-negative size, found " + quote(value)};
    return size;
}

int parse_font_weight(std::string_view value, int parent) {
    if (value == "normal") return 400;
    if (value == "bold") return 700;
    if (value == "bolder") return parent < 400 ? 400 : parent < 600 ? 700 : 900;  // CSS 2.1 15.6
    if (value == "lighter") return parent < 600 ? 100 : parent < 800 ? 400 : 700;
    if (value.empty() || !is_digit(value[0]))
        throw BadValue{"expected normal, bold, bolder, lighter or 1 to 1000, found " + quote(value)};
    const double w = parse_number(value);
    if (w < 1.0 || w > 1000.0) throw BadValue{"expected normal, bold, bolder, lighter or 1 to 1000, found " + quote(value)};
    return static_cast<int>(std::lround(w));
}

bool parse_font_style(std::string_view value) {
    if (value == "normal") return false;
    if (value == "italic" || value == "oblique") return true;
    throw BadValue{"expected normal, italic or oblique, found " + quote(value)};
}

/// The `font` shorthand: [style || variant || weight] size[/line-height] family-list.
TextFont parse_font_shorthand(std::string_view value, const TextFont& parent) {
    TextFont out; // the shorthand resets what it does not say
    std::size_t i = 0;
    while (true) {
        skip_wsp(value, i);
        if (i >= value.size()) throw BadValue{"expected a font size and family in " + quote(value)};
        std::size_t end = i;
        while (end < value.size() && !is_wsp(value[end])) ++end;
        const std::string token = lower(value.substr(i, end - i));
        if (token == "normal" || token == "small-caps") {
        } else if (token == "italic" || token == "oblique") {
            out.italic = true;
        } else if (token == "bold" || token == "bolder" || token == "lighter" ||
                   (token.size() == 3 && is_digit(token[0]) && token.substr(1) == "00")) {
            out.weight = parse_font_weight(token, parent.weight);
        } else {
            const std::size_t slash = token.find('/');
            out.size = parse_font_size(token.substr(0, slash), parent.size);
            out.families = parse_families(value.substr(end));
            return out;
        }
        i = end;
    }
}

} // namespace

bool is_text_property(std::string_view name) {
    return std::find(std::begin(text_properties), std::end(text_properties), name) != std::end(text_properties);
}

bool apply_text_property(std::string_view name, std::string_view value, TextStyle& style, const TextStyle& parent,
                         std::vector<std::string>& warnings) {
    if (!is_text_property(name)) return false;
    const bool inherit = value == "inherit";
    const std::string low = lower(value);
    if (name == "font-family") {
        style.font.families = inherit ? parent.font.families : parse_families(value);
    } else if (name == "font-size") {
        style.font.size = inherit ? parent.font.size : parse_font_size(value, parent.font.size);
    } else if (name == "font-weight") {
        style.font.weight = inherit ? parent.font.weight : parse_font_weight(low, parent.font.weight);
    } else if (name == "font-style") {
        style.font.italic = inherit ? parent.font.italic : parse_font_style(low);
    } else if (name == "font") {
        style.font = inherit ? parent.font : parse_font_shorthand(value, parent.font);
    } else if (name == "text-anchor") {
        if (inherit)
            style.anchor = parent.anchor;
        else if (low == "start")
            style.anchor = TextAnchor::Start;
        else if (low == "middle")
            style.anchor = TextAnchor::Middle;
        else if (low == "end")
            style.anchor = TextAnchor::End;
        else
            throw BadValue{"expected start, middle or end, found " + quote(value)};
    } else if (inherit) {
    } else if (name == "text-decoration" || name == "font-variant") {
        if (low != "none" && low != "normal") warnings.push_back(std::string(name) + " is not supported; ignored");
    } else if (name == "writing-mode") {
        if (low != "lr-tb" && low != "lr" && low != "horizontal-tb" && low != "rl-tb" && low != "rl")
            warnings.push_back("writing-mode " + quote(value) + " (vertical text) is not supported; laid out horizontally");
    } else if (name == "letter-spacing" || name == "word-spacing") {
        if (low != "normal" && low != "0") warnings.push_back(std::string(name) + " is not supported; ignored");
    } else if (name == "baseline-shift") {
        if (low != "baseline" && low != "0") warnings.push_back("baseline-shift is not supported; ignored");
    } else if (name == "dominant-baseline" || name == "alignment-baseline") {
        if (low != "auto" && low != "baseline" && low != "alphabetic")
            warnings.push_back(std::string(name) + " is not supported; ignored");
    }
    // direction, unicode-bidi: the renderer's shaping finds each run's direction itself;
    // font-stretch, font-size-adjust, kerning, glyph orientations, text-rendering: hints.
    return true;
}

namespace {

class TextReader {
public:
    TextReader(const Viewport& viewport, const TextHooks& hooks, std::size_t& left, bool& reached)
        : viewport_(viewport), hooks_(hooks), left_(left), reached_(reached) {}

    Text read(pugi::xml_node text, const Style& style) {
        element(text, style, false, 0);
        finish();
        return std::move(out_);
    }

private:
    struct SpanState {
        std::size_t start = 0;  ///< the global index of its first code point
        bool preserve = false;  ///< xml:space="preserve" for its characters
    };

    void element(pugi::xml_node node, const Style& style, bool preserve, int depth) {
        const std::string_view space = node.attribute("xml:space").value();
        if (space == "preserve") preserve = true;
        if (space == "default") preserve = false;
        for (const char* a : {"rotate", "textLength", "lengthAdjust"})
            if (node.attribute(a)) hooks_.warn(node, std::string("attribute ") + a + " is not supported; ignored");
        const std::size_t start = count_;
        bool span_open = false;
        for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                if (!span_open) {
                    open_span(node, style, preserve);
                    span_open = true;
                }
                append(node, child.value(), preserve);
                continue;
            }
            if (child.type() != pugi::node_element) continue;
            const auto name = hooks_.name(child);
            if (!name) continue; // another vocabulary: ignored, as SVG says
            if (*name == "tspan" || *name == "a") {
                span_open = false;
                if (depth + 1 >= max_depth) {
                    hooks_.warn(child, "nested more than " + std::to_string(max_depth) + " levels deep inside <text>; skipped");
                    continue;
                }
                if (const auto st = hooks_.style(child, style)) element(child, *st, preserve, depth + 1);
            } else if (*name == "title" || *name == "desc" || *name == "metadata") {
            } else {
                // textPath, tref, altGlyph...: their characters are left out.
                hooks_.warn(child, "element <" + std::string(*name) + "> is not supported inside <text>; skipped");
            }
        }
        apply_lists(node, start);
    }

    void open_span(pugi::xml_node node, const Style& style, bool preserve) {
        TextSpan span;
        span.font = style.text.font;
        span.anchor = style.text.anchor;
        span.visible = style.visible;
        span.line = hooks_.line(node);
        hooks_.paint(node, style, span);
        out_.spans.push_back(std::move(span));
        states_.push_back({count_, preserve});
    }

    void append(pugi::xml_node node, std::string_view text, bool preserve) {
        std::string& chars = out_.spans.back().characters;
        for (std::size_t i = 0; i < text.size(); ++i) {
            char c = text[i];
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue; // one newline
            if (c == '\n' || c == '\r') {
                if (!preserve) continue; // default: newlines are removed
                c = ' ';
            }
            if (c == '\t') c = ' ';
            if (c == ' ' && !preserve && last_space_) continue; // collapsed, or leading
            const bool lead = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
            if (lead) {
                if (left_ == 0) {
                    if (!full_ && !reached_)
                        hooks_.warn(node, "the document's text holds more than " + std::to_string(max_text_characters) +
                                              " characters; the rest is skipped");
                    full_ = reached_ = true;
                    return;
                }
                --left_;
                ++count_;
            } else if (full_) {
                continue;
            }
            chars += c;
            last_space_ = c == ' ';
        }
    }

    /// x, y, dx, dy of `node` over its characters [start, count_): each entry for one
    /// character, where no descendant has given that character one.
    void apply_lists(pugi::xml_node node, std::size_t start) {
        const std::size_t n = count_ - start;
        x_.resize(count_);
        y_.resize(count_);
        dx_.resize(count_);
        dy_.resize(count_);
        const auto apply = [&](const char* attribute, Axis axis, std::vector<std::optional<double>>& into) {
            const pugi::xml_attribute a = node.attribute(attribute);
            if (!a) return;
            std::vector<double> values;
            const std::string_view text = a.value();
            std::size_t i = 0;
            try {
                while (values.size() < std::max<std::size_t>(n, 1)) {
                    skip_comma_wsp(text, i);
                    if (i >= text.size()) break;
                    std::size_t end = i;
                    while (end < text.size() && !is_wsp(text[end]) && text[end] != ',') ++end;
                    const double v = parse_length(text.substr(i, end - i), axis, viewport_);
                    if (!std::isfinite(v) || std::abs(v) > max_coordinate)
                        throw BadValue{"length " + quote(text.substr(i, end - i)) + " is beyond " + number_text(max_coordinate)};
                    values.push_back(v);
                    i = end;
                }
            } catch (const BadValue& bad) {
                hooks_.warn(node, std::string("attribute ") + attribute + ": " + bad.message + "; ignored");
                return;
            }
            for (std::size_t k = 0; k < std::min(n, values.size()); ++k)
                if (!into[start + k]) into[start + k] = values[k];
        };
        apply("x", Axis::X, x_);
        apply("y", Axis::Y, y_);
        apply("dx", Axis::X, dx_);
        apply("dy", Axis::Y, dy_);
    }

    void finish() {
        // Default white space handling strips the element's trailing space.
        if (!out_.spans.empty() && last_space_ && !states_.empty()) {
            for (std::size_t s = out_.spans.size(); s-- > 0;) {
                std::string& chars = out_.spans[s].characters;
                if (chars.empty()) continue;
                if (chars.back() == ' ' && !states_[s].preserve) {
                    chars.pop_back();
                    --count_;
                }
                break;
            }
        }
        x_.resize(count_);
        y_.resize(count_);
        dx_.resize(count_);
        dy_.resize(count_);
        Text out;
        for (std::size_t s = 0; s < out_.spans.size(); ++s) {
            TextSpan& span = out_.spans[s];
            if (span.characters.empty()) continue;
            const std::size_t begin = states_[s].start;
            const std::size_t end = begin + static_cast<std::size_t>(std::count_if(span.characters.begin(), span.characters.end(), [](char c) {
                                        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                                    }));
            const auto slice = [&](const std::vector<std::optional<double>>& from, auto& into, auto keep) {
                std::size_t last = begin;
                for (std::size_t k = begin; k < end; ++k)
                    if (keep(from[k])) last = k + 1;
                for (std::size_t k = begin; k < last; ++k) {
                    if constexpr (std::is_same_v<std::decay_t<decltype(into)>, std::vector<double>>)
                        into.push_back(from[k].value_or(0.0));
                    else
                        into.push_back(from[k]);
                }
            };
            const auto given = [](const std::optional<double>& v) { return v.has_value(); };
            const auto nonzero = [](const std::optional<double>& v) { return v.value_or(0.0) != 0.0; };
            slice(x_, span.x, given);
            slice(y_, span.y, given);
            slice(dx_, span.dx, nonzero);
            slice(dy_, span.dy, nonzero);
            out.spans.push_back(std::move(span));
        }
        out_ = std::move(out);
    }

    const Viewport& viewport_;
    const TextHooks& hooks_;
    std::size_t& left_;
    bool& reached_; ///< the document's limit was reached (and warned about) before
    Text out_;
    std::vector<SpanState> states_; ///< one per span of out_ (before finish)
    std::vector<std::optional<double>> x_, y_, dx_, dy_; ///< per code point of the whole element
    std::size_t count_ = 0;  ///< code points kept so far
    bool last_space_ = true; ///< the last kept character is a space (or none is kept yet)
    bool full_ = false;
};

} // namespace

Text read_text(pugi::xml_node text, const Style& style, const Viewport& viewport, const TextHooks& hooks,
               std::size_t& characters_left, bool& limit_reached) {
    return TextReader(viewport, hooks, characters_left, limit_reached).read(text, style);
}

} // namespace glumpp::svg::detail
