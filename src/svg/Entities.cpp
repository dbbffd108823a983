#include "Entities.hpp"

#include <unordered_map>

namespace glumpp::svg::detail {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}

class Expander {
public:
    Expander(const std::unordered_map<std::string, std::string>& entities, std::vector<std::string>& warnings)
        : entities_(entities), warnings_(warnings) {}

    /// Appends `text` to `out` with its references expanded; false once a limit stops it.
    bool expand(std::string_view text, std::string& out, int depth) {
        for (std::size_t i = 0; i < text.size();) {
            const std::size_t amp = text.find('&', i);
            const std::size_t until = amp == std::string_view::npos ? text.size() : amp;
            if (!append(out, text.substr(i, until - i))) return false;
            if (amp == std::string_view::npos) break;
            std::size_t end = amp + 1;
            while (end < text.size() && is_name_char(text[end])) ++end;
            const std::string name(text.substr(amp + 1, end - amp - 1));
            const auto it = end < text.size() && text[end] == ';' && !name.empty() ? entities_.find(name) : entities_.end();
            if (it == entities_.end()) { // a character reference, a predefined entity, or unknown: pugixml's
                if (!append(out, "&")) return false;
                i = amp + 1;
                continue;
            }
            if (depth >= max_entity_depth) {
                warn("entity &" + name + "; nested more than " + std::to_string(max_entity_depth) + " deep; no entity is expanded");
                return false;
            }
            if (!expand(it->second, out, depth + 1)) return false;
            i = end + 1;
        }
        return true;
    }

private:
    bool append(std::string& out, std::string_view s) {
        if (out.size() + s.size() > max_expanded_size) {
            warn("entities expand to more than " + std::to_string(max_expanded_size) + " bytes; no entity is expanded");
            return false;
        }
        out.append(s);
        return true;
    }
    void warn(const std::string& message) {
        if (!warned_) warnings_.push_back(message);
        warned_ = true;
    }

    const std::unordered_map<std::string, std::string>& entities_;
    std::vector<std::string>& warnings_;
    bool warned_ = false;
};

} // namespace

bool expand_entities(std::string_view xml, std::string& out, std::vector<std::string>& warnings) {
    const std::size_t doctype = xml.find("<!DOCTYPE");
    if (doctype == std::string_view::npos) return false;
    // Only a DOCTYPE before the first element counts.
    const std::size_t first_element = [&] {
        for (std::size_t p = xml.find('<'); p != std::string_view::npos; p = xml.find('<', p + 1))
            if (p + 1 < xml.size() && xml[p + 1] != '?' && xml[p + 1] != '!') return p;
        return std::string_view::npos;
    }();
    if (first_element != std::string_view::npos && first_element < doctype) return false;
    const std::size_t open = xml.find_first_of("[>", doctype);
    if (open == std::string_view::npos || xml[open] != '[') return false;
    const std::size_t close = xml.find("]", open);
    if (close == std::string_view::npos) return false;
    const std::string_view subset = xml.substr(open + 1, close - open - 1);
    std::unordered_map<std::string, std::string> entities;
    bool too_many = false;
    for (std::size_t p = subset.find("<!ENTITY"); p != std::string_view::npos; p = subset.find("<!ENTITY", p + 1)) {
        std::size_t i = p + 8;
        while (i < subset.size() && is_space(subset[i])) ++i;
        if (i < subset.size() && subset[i] == '%') continue; // a parameter entity: not for the document
        const std::size_t name_start = i;
        while (i < subset.size() && is_name_char(subset[i])) ++i;
        const std::string name(subset.substr(name_start, i - name_start));
        while (i < subset.size() && is_space(subset[i])) ++i;
        if (name.empty() || i >= subset.size()) continue;
        const char quote = subset[i];
        if (quote != '"' && quote != '\'') {
            warnings.push_back("external entity &" + name + "; is not read; its references stay as they are");
            continue;
        }
        const std::size_t value_end = subset.find(quote, i + 1);
        if (value_end == std::string_view::npos) break;
        if (entities.size() >= max_entities) {
            too_many = true;
            break;
        }
        // The first declaration of a name wins (XML 1.0, 4.2).
        entities.emplace(name, std::string(subset.substr(i + 1, value_end - i - 1)));
        p = value_end;
    }
    if (too_many)
        warnings.push_back("more than " + std::to_string(max_entities) + " entities; the rest are not expanded");
    if (entities.empty()) return false;
    const std::size_t after = xml.find('>', close);
    const std::size_t body = after == std::string_view::npos ? xml.size() : after + 1;
    out.assign(xml.substr(0, body));
    Expander expander(entities, warnings);
    if (!expander.expand(xml.substr(body), out, 0)) {
        // Stopped at a limit: the document is read as it is, its references as text.
        out.clear();
        return false;
    }
    return true;
}

} // namespace glumpp::svg::detail
