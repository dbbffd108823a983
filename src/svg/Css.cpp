#include "Css.hpp"

#include "Scanner.hpp"
#include "Values.hpp"

#include <algorithm>

namespace glumpp::svg::detail {

namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

/// "a: b; c: d !important" into normal and important declarations (names lower case).
void parse_block(std::string_view block, std::vector<std::pair<std::string, std::string>>& normal,
                 std::vector<std::pair<std::string, std::string>>& important) {
    std::size_t start = 0;
    while (start < block.size()) {
        std::size_t end = block.find(';', start);
        if (end == std::string_view::npos) end = block.size();
        const std::string_view d = trim(block.substr(start, end - start));
        start = end + 1;
        const std::size_t colon = d.find(':');
        if (colon == std::string_view::npos) continue;
        std::string name = lower(trim(d.substr(0, colon)));
        std::string_view value = trim(d.substr(colon + 1));
        bool is_important = false;
        const std::size_t bang = value.rfind('!');
        if (bang != std::string_view::npos && lower(trim(value.substr(bang + 1))) == "important") {
            is_important = true;
            value = trim(value.substr(0, bang));
        }
        (is_important ? important : normal).emplace_back(std::move(name), std::string(value));
    }
}

} // namespace

void StyleSheet::add(std::string_view input, std::vector<std::string>& warnings) {
    // Comments first; CDATA markers and HTML comment delimiters are white space here.
    std::string text(input);
    for (std::size_t open; (open = text.find("/*")) != std::string::npos;) {
        const std::size_t close = text.find("*/", open + 2);
        text.erase(open, close == std::string::npos ? std::string::npos : close + 2 - open);
    }
    for (const char* marker : {"<!--", "-->"})
        for (std::size_t at; (at = text.find(marker)) != std::string::npos;) text.replace(at, std::string_view(marker).size(), " ");
    std::vector<std::string> unsupported;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && space(text[i])) ++i;
        if (i >= text.size()) break;
        if (text[i] == '@') {
            // An at-rule: to its ';' or through its (possibly nested) block.
            std::size_t j = i + 1;
            while (j < text.size() && name_char(text[j])) ++j;
            const std::string name = text.substr(i, j - i);
            std::size_t k = i;
            while (k < text.size() && text[k] != ';' && text[k] != '{') ++k;
            if (k < text.size() && text[k] == '{') {
                int depth = 0;
                for (; k < text.size(); ++k) {
                    if (text[k] == '{') ++depth;
                    if (text[k] == '}' && --depth == 0) break;
                }
            }
            warnings.push_back("CSS at-rule " + quote(trim(std::string_view(name))) + " is not supported; ignored");
            i = k + 1;
            continue;
        }
        const std::size_t open = text.find('{', i);
        if (open == std::string::npos) {
            warnings.push_back("CSS: a selector without a block, " + quote(trim(std::string_view(text).substr(i))) + "; ignored");
            break;
        }
        std::size_t close = text.find('}', open + 1);
        if (close == std::string::npos) close = text.size();
        const std::string_view selectors = std::string_view(text).substr(i, open - i);
        const std::string_view block = std::string_view(text).substr(open + 1, close - open - 1);
        i = close + 1;
        std::vector<std::pair<std::string, std::string>> normal, important;
        parse_block(block, normal, important);
        std::size_t from = 0;
        while (from <= selectors.size()) {
            std::size_t comma = selectors.find(',', from);
            if (comma == std::string_view::npos) comma = selectors.size();
            const std::string_view selector = trim(selectors.substr(from, comma - from));
            from = comma + 1;
            if (selector.empty()) continue;
            if (rules_.size() >= max_rules) {
                if (!rules_warned_) warnings.push_back("CSS: more than " + std::to_string(max_rules) + " rules; the rest are ignored");
                rules_warned_ = true;
                return;
            }
            // compound (combinator compound)*
            Rule rule;
            bool ok = true;
            std::size_t p = 0;
            char pending = 0; // the combinator before the next compound
            int ids = 0, classes = 0, types = 0;
            while (ok && p < selector.size()) {
                if (space(selector[p]) || selector[p] == '>') {
                    while (p < selector.size() && (space(selector[p]) || selector[p] == '>')) {
                        if (selector[p] == '>') pending = '>';
                        else if (!pending) pending = ' ';
                        ++p;
                    }
                    continue;
                }
                Compound c;
                const std::size_t start = p;
                if (selector[p] == '*') ++p;
                else
                    while (p < selector.size() && name_char(selector[p])) ++p;
                if (p > start && selector[start] != '*') {
                    c.type = std::string(selector.substr(start, p - start));
                    ++types;
                }
                while (p < selector.size() && (selector[p] == '#' || selector[p] == '.')) {
                    const char kind = selector[p++];
                    const std::size_t s = p;
                    while (p < selector.size() && name_char(selector[p])) ++p;
                    if (p == s) {
                        ok = false;
                        break;
                    }
                    if (kind == '#') {
                        c.id = std::string(selector.substr(s, p - s));
                        ++ids;
                    } else {
                        c.classes.emplace_back(selector.substr(s, p - s));
                        ++classes;
                    }
                }
                if (p == start || (p < selector.size() && !space(selector[p]) && selector[p] != '>')) ok = false;
                if (!ok) break;
                if (rule.compounds.empty() && pending == '>') {
                    ok = false; // "> rect": a combinator with nothing before it
                    break;
                }
                if (!rule.compounds.empty()) rule.combinators.push_back(pending ? pending : ' ');
                pending = 0;
                rule.compounds.push_back(std::move(c));
                if (rule.compounds.size() > 32) ok = false;
            }
            if (!ok || rule.compounds.empty() || pending) {
                unsupported.emplace_back(selector);
                continue;
            }
            rule.specificity = ids * 10000 + classes * 100 + types;
            rule.order = rules_.size();
            rule.normal = normal;
            rule.important = important;
            const Compound& last = rule.compounds.back();
            const std::size_t index = rules_.size();
            if (!last.id.empty()) by_id_[last.id].push_back(index);
            else if (!last.classes.empty()) by_class_[last.classes[0]].push_back(index);
            else if (!last.type.empty()) by_type_[last.type].push_back(index);
            else universal_.push_back(index);
            rules_.push_back(std::move(rule));
        }
    }
    if (!unsupported.empty())
        warnings.push_back("CSS: " + std::to_string(unsupported.size()) + " selector" + (unsupported.size() == 1 ? "" : "s") +
                           " not supported (attribute selectors, pseudo-classes, + and ~), e.g. " + quote(unsupported[0]) +
                           "; ignored");
}

bool StyleSheet::matches(const Compound& c, pugi::xml_node node) const {
    ++steps_;
    if (!c.type.empty() && local_name(node) != c.type) return false;
    if (!c.id.empty() && c.id != node.attribute("id").value()) return false;
    if (c.classes.empty()) return true;
    const std::string_view list = node.attribute("class").value();
    for (const std::string& wanted : c.classes) {
        bool found = false;
        std::size_t p = 0;
        while (p < list.size() && !found) {
            while (p < list.size() && space(list[p])) ++p;
            std::size_t e = p;
            while (e < list.size() && !space(list[e])) ++e;
            found = list.substr(p, e - p) == wanted;
            p = e;
        }
        if (!found) return false;
    }
    return true;
}

bool StyleSheet::matches(const Rule& rule, pugi::xml_node node) const {
    std::size_t k = rule.compounds.size() - 1;
    if (!matches(rule.compounds[k], node)) return false;
    pugi::xml_node at = node;
    while (k > 0) {
        const char combinator = rule.combinators[k - 1];
        --k;
        if (combinator == '>') {
            at = at.parent();
            if (!at || at.type() != pugi::node_element || !matches(rule.compounds[k], at)) return false;
        } else {
            do at = at.parent();
            while (at && at.type() == pugi::node_element && !matches(rule.compounds[k], at));
            if (!at || at.type() != pugi::node_element) return false;
        }
        if (steps_ > max_match_steps) return false;
    }
    return true;
}

void StyleSheet::match(pugi::xml_node node, std::vector<std::pair<std::string, std::string>>& normal,
                       std::vector<std::pair<std::string, std::string>>& important, std::vector<std::string>& warnings) const {
    if (rules_.empty()) return;
    if (steps_ > max_match_steps) {
        if (!budget_warned_)
            warnings.push_back("CSS: matching the style sheets took more than " + std::to_string(max_match_steps) +
                               " steps; this element and later ones get no style sheet declarations");
        budget_warned_ = true;
        return;
    }
    std::vector<std::size_t> candidates = universal_;
    const auto add = [&](const std::unordered_map<std::string, std::vector<std::size_t>>& map, std::string_view key) {
        const auto it = map.find(std::string(key));
        if (it != map.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    };
    if (const char* id = node.attribute("id").value(); *id) add(by_id_, id);
    add(by_type_, local_name(node));
    const std::string_view list = node.attribute("class").value();
    std::vector<std::string_view> seen;
    for (std::size_t p = 0; p < list.size();) {
        while (p < list.size() && space(list[p])) ++p;
        std::size_t e = p;
        while (e < list.size() && !space(list[e])) ++e;
        const std::string_view c = list.substr(p, e - p);
        if (!c.empty() && std::find(seen.begin(), seen.end(), c) == seen.end()) {
            seen.push_back(c);
            add(by_class_, c);
        }
        p = e;
    }
    std::vector<const Rule*> matched;
    for (const std::size_t r : candidates)
        if (matches(rules_[r], node)) matched.push_back(&rules_[r]);
    std::sort(matched.begin(), matched.end(), [](const Rule* a, const Rule* b) {
        return a->specificity != b->specificity ? a->specificity < b->specificity : a->order < b->order;
    });
    for (const Rule* r : matched) {
        normal.insert(normal.end(), r->normal.begin(), r->normal.end());
        important.insert(important.end(), r->important.begin(), r->important.end());
    }
}

} // namespace glumpp::svg::detail
