#pragma once
// CSS style sheets (<style> elements) as the SVG reader uses them: rules whose selectors
// are matched against the document's elements, their declarations applied between the
// presentation attributes and the style attribute (Style.cpp). Private to the reader;
// Document.hpp says what is supported.
//
// Bounded: at most max_rules rules (the rest ignored with a warning), selectors of at most
// 32 compounds, and at most max_match_steps compound tests for the whole document (a
// warning when reached; later elements then get no sheet declarations). Matching is
// right to left, each descendant combinator taking the nearest ancestor that matches
// (linear in the depth; for chains mixing > and spaces this can miss a match a
// backtracking matcher would find, a limit accepted to keep matching linear).

#include <pugixml.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace glumpp::svg::detail {

class StyleSheet {
public:
    static constexpr std::size_t max_rules = 10'000;
    static constexpr std::size_t max_match_steps = 50'000'000;

    /// Adds the rules of one <style> element's text; problems go to `warnings` (without
    /// the element's name).
    void add(std::string_view text, std::vector<std::string>& warnings);
    bool empty() const noexcept { return rules_.empty(); }

    /// The declarations of the rules matching `node`, in cascade order (normal ones by
    /// specificity then source order, then the !important ones likewise): `important`
    /// receives the latter, `normal` the former. A warning goes to `warnings` once, where
    /// the match budget runs out.
    void match(pugi::xml_node node, std::vector<std::pair<std::string, std::string>>& normal,
               std::vector<std::pair<std::string, std::string>>& important, std::vector<std::string>& warnings) const;

private:
    struct Compound {
        std::string type;                 ///< empty: any (or *)
        std::string id;                   ///< empty: any
        std::vector<std::string> classes; ///< all required
    };
    struct Rule {
        std::vector<Compound> compounds;  ///< left to right
        std::vector<char> combinators;    ///< between compounds: ' ' (descendant) or '>' (child)
        int specificity = 0;              ///< ids * 10000 + classes * 100 + types
        std::size_t order = 0;
        std::vector<std::pair<std::string, std::string>> normal, important;
    };
    bool matches(const Rule& rule, pugi::xml_node node) const;
    bool matches(const Compound& c, pugi::xml_node node) const;

    std::vector<Rule> rules_;
    // Rules by what their last compound requires, so that an element is tested only
    // against rules that could match it.
    std::unordered_map<std::string, std::vector<std::size_t>> by_id_, by_class_, by_type_;
    std::vector<std::size_t> universal_;
    mutable std::size_t steps_ = 0;
    mutable bool budget_warned_ = false;
    bool rules_warned_ = false;
};

} // namespace glumpp::svg::detail
