// fuzz_values: the attribute grammars the document reader hands whole attribute values
// to, on arbitrary bytes: transform lists (Transform::parse), colors (Color::parse) and
// paints (Paint::parse). fuzz_document reaches them too, but only through XML that
// survives pugixml; here every byte string is a value.
//
// Each must return or throw ParseError whose message starts with its own name; nothing
// else, and no crash. What returns must keep the headers' promises: a color's components
// in [0, 1], a paint's kind one of the three, and parsing the same text twice gives the
// same value bit for bit (a transform may hold infinities: "scale(1e308) scale(10)" is
// valid grammar whose product overflows, which the document reader checks per shape).
#include <glumpp/Error.hpp>
#include <glumpp/svg/Color.hpp>
#include <glumpp/svg/Transform.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace {

[[noreturn]] void fail(const char* what, std::string_view text) {
    std::fprintf(stderr, "fuzz_values: %s for input \"%.*s\"\n", what, static_cast<int>(text.size()), text.data());
    std::abort();
}

bool unit(float v) { return v >= 0.0f && v <= 1.0f; }
bool valid(const glumpp::svg::Color& c) { return unit(c.r) && unit(c.g) && unit(c.b) && unit(c.a); }

template <class F>
void expect_parse_error(F&& f, std::string_view prefix, std::string_view text) {
    try {
        f();
    } catch (const glumpp::ParseError& e) {
        if (!std::string_view(e.what()).starts_with(prefix)) fail("a ParseError from the wrong function", text);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    using glumpp::svg::Color;
    using glumpp::svg::Paint;
    using glumpp::svg::Transform;
    expect_parse_error(
        [&] {
            const Transform t = Transform::parse(text), u = Transform::parse(text);
            const double x[] = {t.a, t.b, t.c, t.d, t.e, t.f}, y[] = {u.a, u.b, u.c, u.d, u.e, u.f};
            if (std::memcmp(x, y, sizeof x) != 0) fail("two parses of one transform that differ", text);
        },
        "Transform::parse: ", text);
    expect_parse_error(
        [&] {
            const Color c = Color::parse(text);
            if (!valid(c)) fail("a color outside [0, 1]", text);
            if (!(Color::parse(text) == c)) fail("two parses of one color that differ", text);
        },
        "Color::parse: ", text);
    expect_parse_error(
        [&] {
            const Paint p = Paint::parse(text);
            if (p.kind != Paint::Kind::None && p.kind != Paint::Kind::Color && p.kind != Paint::Kind::CurrentColor)
                fail("a paint of no kind", text);
            if (!valid(p.color)) fail("a paint color outside [0, 1]", text);
        },
        "Paint::parse: ", text);
    return 0;
}
