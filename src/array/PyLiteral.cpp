#include "PyLiteral.hpp"

#include <glumpp/Error.hpp>

#include <cctype>
#include <limits>

namespace glumpp::detail {

namespace {

constexpr int max_depth = 64;

class Parser {
public:
    Parser(std::string_view text, const char* caller) : s_(text), caller_(caller) {}

    PyValue parse_all() {
        PyValue v = value(0);
        skip_space();
        if (pos_ != s_.size()) fail("unexpected text after the value");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        std::string shown(s_.substr(0, 120));
        throw ParseError(std::string(caller_) + ": " + what + " at character " + std::to_string(pos_) + " of \"" +
                         shown + (s_.size() > 120 ? "...\"" : "\""));
    }

    void skip_space() {
        while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }

    bool eat(char c) {
        skip_space();
        if (pos_ < s_.size() && s_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }

    bool word(std::string_view w) {
        if (s_.substr(pos_, w.size()) != w) return false;
        const std::size_t end = pos_ + w.size();
        if (end < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[end])) || s_[end] == '_')) return false;
        pos_ = end;
        return true;
    }

    PyValue value(int depth) {
        if (depth > max_depth) fail("nesting deeper than " + std::to_string(max_depth));
        skip_space();
        if (pos_ >= s_.size()) fail("a value is missing");
        const char c = s_[pos_];
        PyValue v;
        if (c == '(' || c == '[') {
            const char close = c == '(' ? ')' : ']';
            ++pos_;
            v.kind = c == '(' ? PyValue::Kind::Tuple : PyValue::Kind::List;
            bool comma = false;
            while (!eat(close)) {
                if (!v.items.empty() && !comma) fail(std::string("expected ',' or '") + close + "'");
                v.items.push_back(value(depth + 1));
                comma = eat(',');
            }
            // (x) is just x in Python; only (x,) is a tuple.
            if (v.kind == PyValue::Kind::Tuple && v.items.size() == 1 && !comma) return std::move(v.items[0]);
            return v;
        }
        if (c == '{') {
            ++pos_;
            v.kind = PyValue::Kind::Dict;
            bool comma = false;
            while (!eat('}')) {
                if (!v.entries.empty() && !comma) fail("expected ',' or '}'");
                PyValue key = value(depth + 1);
                if (!eat(':')) fail("expected ':' in a dict");
                v.entries.emplace_back(std::move(key), value(depth + 1));
                comma = eat(',');
            }
            return v;
        }
        if (c == '\'' || c == '"' || ((c == 'u' || c == 'U') && pos_ + 1 < s_.size() &&
                                      (s_[pos_ + 1] == '\'' || s_[pos_ + 1] == '"'))) {
            if (c == 'u' || c == 'U') ++pos_;
            v.kind = PyValue::Kind::Str;
            v.text = string();
            return v;
        }
        if (word("None")) return v;
        if (word("True") || word("False")) {
            v.kind = PyValue::Kind::Bool;
            v.boolean = s_[pos_ - 4] == 'T';
            return v;
        }
        if (c == '-' || c == '+' || std::isdigit(static_cast<unsigned char>(c))) return integer();
        fail(std::string("unexpected character '") + c + "'");
    }

    PyValue integer() {
        PyValue v;
        v.kind = PyValue::Kind::Int;
        bool negative = false;
        if (s_[pos_] == '-' || s_[pos_] == '+') negative = s_[pos_++] == '-';
        skip_space();
        if (pos_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[pos_]))) fail("expected digits");
        if (s_[pos_] == '0' && pos_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_ + 1]))) {
            fail("leading zeros in an integer"); // Python refuses 0012 too
        }
        std::uint64_t magnitude = 0;
        while (pos_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_')) {
            if (s_[pos_] != '_') {
                const unsigned d = static_cast<unsigned>(s_[pos_] - '0');
                if (magnitude > (std::numeric_limits<std::uint64_t>::max() - d) / 10) fail("integer too large");
                magnitude = magnitude * 10 + d;
            }
            ++pos_;
        }
        if (pos_ < s_.size() && (s_[pos_] == 'L' || s_[pos_] == 'l')) ++pos_; // Python 2 long suffix
        const std::uint64_t limit = std::uint64_t(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
        if (magnitude > limit) fail("integer too large");
        v.integer = negative ? static_cast<std::int64_t>(std::uint64_t(0) - magnitude) : static_cast<std::int64_t>(magnitude);
        return v;
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    static void append_utf8(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    std::string string() {
        const char quote = s_[pos_++];
        std::string out;
        for (;;) {
            if (pos_ >= s_.size()) fail("unterminated string");
            const char c = s_[pos_++];
            if (c == quote) return out;
            if (c == '\n') fail("newline inside a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= s_.size()) fail("unterminated string");
            const char e = s_[pos_++];
            switch (e) {
            case '\\': out += '\\'; break;
            case '\'': out += '\''; break;
            case '"': out += '"'; break;
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case '0': out += '\0'; break;
            case 'x':
            case 'u':
            case 'U': {
                const int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                std::uint32_t cp = 0;
                for (int k = 0; k < digits; ++k) {
                    const int h = pos_ < s_.size() ? hex(s_[pos_]) : -1;
                    if (h < 0) fail("bad escape in a string");
                    cp = cp * 16 + static_cast<std::uint32_t>(h);
                    ++pos_;
                }
                if (cp > 0x10FFFF) fail("bad escape in a string");
                append_utf8(out, cp);
                break;
            }
            default: fail(std::string("unknown escape '\\") + e + "'");
            }
        }
    }

    std::string_view s_;
    const char* caller_;
    std::size_t pos_ = 0;
};

} // namespace

const PyValue* PyValue::find(std::string_view key) const {
    for (const auto& [k, v] : entries) {
        if (k.kind == Kind::Str && k.text == key) return &v;
    }
    return nullptr;
}

PyValue parse_py_literal(std::string_view text, const char* caller) { return Parser(text, caller).parse_all(); }

std::string py_repr(std::string_view s) {
    const bool has_single = s.find('\'') != std::string_view::npos;
    const bool has_double = s.find('"') != std::string_view::npos;
    const char quote = has_single && !has_double ? '"' : '\'';
    std::string out(1, quote);
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\\' || c == quote) {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (u < 0x20 || u == 0x7F) {
            static const char digits[] = "0123456789abcdef";
            out += "\\x";
            out += digits[u >> 4];
            out += digits[u & 15];
        } else {
            out += c; // printable ASCII and UTF-8 bytes, as Python 3's repr keeps them
        }
    }
    out += quote;
    return out;
}

} // namespace glumpp::detail
