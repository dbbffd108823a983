// Font: FreeType for faces, outlines and bitmaps; fontconfig for family names; HarfBuzz
// (through hb-ft, which reads the same FT_Face) for shaping.
#include <glumpp/text/Font.hpp>

#include <glumpp/Error.hpp>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include FT_BBOX_H
#include FT_ADVANCES_H
#include <hb-ft.h>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <unordered_map>

namespace glumpp::text {

struct Font::Face {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    hb_font_t* hb = nullptr;
    std::string path, family;
    std::set<char32_t> missing;
    // Each glyph's exact outline box in font units (FT_LOAD_NO_SCALE), loaded once: unhinted
    // outlines scale linearly, so a layout at any size needs no glyph loading.
    std::unordered_map<std::uint32_t, FT_BBox> boxes;
    double size = -1;      // the char size the face is set to now
    int load_flags = -1;   // the load flags hb-ft uses now
    ~Face() {
        if (hb) hb_font_destroy(hb);
        if (face) FT_Done_Face(face);
        if (library) FT_Done_FreeType(library);
    }
    // Sets the face's size (FT_Set_Char_Size in 26.6 at 72 dpi: pixels per em) and hb-ft's
    // load flags, telling HarfBuzz when either changed (hb_ft_font_changed).
    void set(double pixel_size, int flags) {
        if (pixel_size != size) {
            const FT_F26Dot6 s = static_cast<FT_F26Dot6>(std::lround(pixel_size * 64.0));
            FT_Set_Char_Size(face, s, s, 72, 72);
            size = pixel_size;
            hb_ft_font_changed(hb);
        }
        if (flags != load_flags) {
            hb_ft_font_set_load_flags(hb, flags);
            load_flags = flags;
        }
    }
};

namespace {

int load_flags_of(Hinting h) { return h == Hinting::Hinted ? FT_LOAD_DEFAULT : (FT_LOAD_NO_HINTING | FT_LOAD_NO_AUTOHINT); }

void check_size(double pixel_size, const char* caller) {
    if (!(pixel_size > 0 && pixel_size <= 4096)) {
        throw ValueError(std::string(caller) + ": pixel size " + std::to_string(pixel_size) + " is not in (0, 4096]");
    }
}

std::string hex(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

// Decodes UTF-8 strictly (no overlongs, no surrogates, nothing past U+10FFFF); ValueError
// naming the byte offset of the first bad sequence.
std::vector<char32_t> decode_utf8(std::string_view s, const char* caller) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        int n = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
        char32_t c = n == 1 ? b0 : n == 2 ? (b0 & 0x1F) : n == 3 ? (b0 & 0x0F) : (b0 & 0x07);
        bool ok = n != 0 && i + n <= s.size();
        for (int k = 1; ok && k < n; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            ok = (b & 0xC0) == 0x80;
            c = (c << 6) | (b & 0x3F);
        }
        static constexpr char32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
        ok = ok && c >= least[n] && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
        if (!ok) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "0x%02X", b0);
            throw ValueError(std::string(caller) + ": the text is not UTF-8: bad sequence at byte " + std::to_string(i) +
                             " (" + buf + ")");
        }
        out.push_back(c);
        i += static_cast<std::size_t>(n);
    }
    return out;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// fontconfig's best match for a name; IoError when its family is not the one asked for.
std::pair<std::string, int> find_family(const std::string& name) {
    static std::mutex mutex; // FcInit and the default configuration are process-wide
    std::lock_guard lock(mutex);
    if (!FcInit()) throw IoError("Font::open: fontconfig could not be initialised");
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(name.c_str()));
    if (!pattern) throw ValueError("Font::open: '" + name + "' is not a fontconfig pattern");
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    FcPatternDestroy(pattern);
    if (!match) throw IoError("Font::open: no font for the family '" + name + "' (fontconfig found no font at all)");
    FcChar8* file = nullptr;
    int index = 0;
    FcPatternGetInteger(match, FC_INDEX, 0, &index);
    const std::string asked = lower(name.substr(0, name.find(':')));
    static const std::set<std::string> generic{"sans-serif", "sans", "serif", "monospace", "mono",
                                               "system-ui", "cursive", "fantasy", "emoji"};
    bool same = generic.count(asked) > 0;
    std::string best;
    FcChar8* fam = nullptr;
    for (int k = 0; FcPatternGetString(match, FC_FAMILY, k, &fam) == FcResultMatch; ++k) {
        if (k == 0) best = reinterpret_cast<const char*>(fam);
        if (lower(reinterpret_cast<const char*>(fam)) == asked) same = true;
    }
    std::string path;
    if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) path = reinterpret_cast<const char*>(file);
    FcPatternDestroy(match);
    if (!same || path.empty()) {
        throw IoError("Font::open: no font for the family '" + name + "' (fontconfig's best match is '" + best + "')");
    }
    return {path, index};
}

// A run of the text shaped in one direction: bytes [start, stop), its embedding level
// (odd: right to left).
struct DirectionRun {
    std::size_t start, stop;
    int level;
};

// The runs of `utf8` in visual order, by a reduced Unicode bidi algorithm (UAX #9 without
// explicit embeddings or isolates, which text labels do not carry): each code point is
// strong L or R (R: a right-to-left script, by HarfBuzz's script of it), a European number
// (decimal digits), a mark (Inherited script: takes its base's type) or neutral (the rest
// of the Common script: spaces, punctuation, symbols). The paragraph takes the first strong
// type's direction (P2-P3); numbers after L become L (W7); neutrals between two strong
// types of one direction take it, numbers counting as R, else the paragraph's (N1-N2);
// levels as I1-I2 (numbers in right-to-left text are a left-to-right run inside it); runs
// are reordered by L2 (reverse every sequence at each level from the highest down to the
// lowest odd one).
std::vector<DirectionRun> direction_runs(std::string_view utf8, const std::vector<char32_t>& code_points) {
    // Text with no code point of a right-to-left block is one left-to-right run (the common
    // case, and the fast one: no script lookups).
    const auto rtl_block = [](char32_t c) {
        return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
               (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
    };
    if (std::none_of(code_points.begin(), code_points.end(), rtl_block)) {
        if (utf8.empty()) return {};
        return {{0, utf8.size(), 0}};
    }
    enum Type { L, R, EN, N };
    hb_unicode_funcs_t* ufuncs = hb_unicode_funcs_get_default();
    const std::size_t n = code_points.size();
    std::vector<std::size_t> offset(n + 1, utf8.size());
    for (std::size_t i = 0, k = 0; i < utf8.size(); ++i) {
        if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) offset[k++] = i;
    }
    std::vector<Type> type(n, N);
    int paragraph = -1;
    for (std::size_t i = 0; i < n; ++i) {
        const char32_t c = code_points[i];
        const hb_script_t script = hb_unicode_script(ufuncs, c);
        if (script == HB_SCRIPT_INHERITED) {
            type[i] = i ? type[i - 1] : N;
        } else if (hb_unicode_general_category(ufuncs, c) == HB_UNICODE_GENERAL_CATEGORY_DECIMAL_NUMBER) {
            type[i] = EN;
        } else if (script == HB_SCRIPT_COMMON || script == HB_SCRIPT_UNKNOWN) {
            type[i] = N;
        } else {
            type[i] = hb_script_get_horizontal_direction(script) == HB_DIRECTION_RTL ? R : L;
        }
        if (paragraph < 0 && (type[i] == L || type[i] == R)) paragraph = type[i] == R ? 1 : 0;
    }
    if (paragraph < 0) paragraph = 0;
    const Type embedding = paragraph ? R : L;
    Type last_strong = embedding; // W7
    for (std::size_t i = 0; i < n; ++i) {
        if (type[i] == L || type[i] == R) last_strong = type[i];
        if (type[i] == EN && last_strong == L) type[i] = L;
    }
    for (std::size_t i = 0; i < n;) { // N1-N2
        if (type[i] != N) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < n && type[j] == N) ++j;
        auto as_strong = [](Type t) { return t == EN ? R : t; };
        const Type before = i ? as_strong(type[i - 1]) : embedding;
        const Type after = j < n ? as_strong(type[j]) : embedding;
        const Type resolved = before == after ? before : embedding;
        for (std::size_t k = i; k < j; ++k) type[k] = resolved;
        i = j;
    }
    std::vector<DirectionRun> runs;
    for (std::size_t i = 0; i < n; ++i) {
        const int level = paragraph == 0 ? (type[i] == L ? 0 : type[i] == R ? 1 : 2) : (type[i] == R ? 1 : 2);
        if (!runs.empty() && runs.back().level == level) {
            runs.back().stop = offset[i + 1];
        } else {
            runs.push_back({offset[i], offset[i + 1], level});
        }
    }
    int highest = 0, lowest_odd = 99;
    for (const auto& r : runs) {
        highest = std::max(highest, r.level);
        if (r.level % 2) lowest_odd = std::min(lowest_odd, r.level);
    }
    for (int level = highest; level >= lowest_odd; --level) { // L2
        for (std::size_t i = 0; i < runs.size();) {
            if (runs[i].level < level) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < runs.size() && runs[j].level >= level) ++j;
            std::reverse(runs.begin() + static_cast<std::ptrdiff_t>(i), runs.begin() + static_cast<std::ptrdiff_t>(j));
            i = j;
        }
    }
    return runs;
}

} // namespace

Font Font::match(const std::vector<std::string>& families, int weight, bool italic) {
    std::string path;
    int index = 0;
    {
        static std::mutex mutex; // as find_family's
        std::lock_guard lock(mutex);
        if (!FcInit()) throw IoError("Font::match: fontconfig could not be initialised");
        FcPattern* pattern = FcPatternCreate();
        for (const std::string& f : families)
            FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(f.c_str()));
        FcPatternAddInteger(pattern, FC_WEIGHT, FcWeightFromOpenType(std::clamp(weight, 1, 1000)));
        FcPatternAddInteger(pattern, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
        FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
        FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
        FcDefaultSubstitute(pattern);
        FcResult result = FcResultNoMatch;
        FcPattern* found = FcFontMatch(nullptr, pattern, &result);
        FcPatternDestroy(pattern);
        if (!found) throw IoError("Font::match: fontconfig found no font at all");
        FcChar8* file = nullptr;
        if (FcPatternGetString(found, FC_FILE, 0, &file) == FcResultMatch) path = reinterpret_cast<const char*>(file);
        FcPatternGetInteger(found, FC_INDEX, 0, &index);
        FcPatternDestroy(found);
    }
    if (path.empty()) throw IoError("Font::match: fontconfig's match names no file");
    return open_face(path, index);
}

std::vector<OutlineCommand> Font::outline(std::uint32_t glyph) const {
    if (glyph >= static_cast<std::uint32_t>(face_->face->num_glyphs)) {
        throw IndexError("Font::outline: glyph " + std::to_string(glyph) + " is not in " + face_->family + " (" +
                         std::to_string(face_->face->num_glyphs) + " glyphs)");
    }
    std::vector<OutlineCommand> out;
    if (FT_Load_Glyph(face_->face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_BITMAP | FT_LOAD_NO_HINTING)) return out;
    // The face's size is unchanged by FT_LOAD_NO_SCALE, but hb-ft caches nothing of the
    // slot, so loading here does not disturb shaping.
    const FT_GlyphSlot slot = face_->face->glyph;
    if (slot->format != FT_GLYPH_FORMAT_OUTLINE) return out;
    struct Sink {
        std::vector<OutlineCommand>* out;
        double scale;
        double sx = 0, sy = 0; // the contour's start
        bool open = false;
        double x(const FT_Vector* v) const { return v->x * scale; }
        double y(const FT_Vector* v) const { return -v->y * scale; }
        void close() {
            if (open) out->push_back({OutlineCommand::Kind::Close, sx, sy});
            open = false;
        }
    } sink{&out, 1.0 / face_->face->units_per_EM};
    FT_Outline_Funcs funcs{};
    funcs.move_to = [](const FT_Vector* to, void* user) {
        auto* s = static_cast<Sink*>(user);
        s->close();
        s->sx = s->x(to);
        s->sy = s->y(to);
        s->open = true;
        s->out->push_back({OutlineCommand::Kind::MoveTo, s->sx, s->sy});
        return 0;
    };
    funcs.line_to = [](const FT_Vector* to, void* user) {
        auto* s = static_cast<Sink*>(user);
        s->out->push_back({OutlineCommand::Kind::LineTo, s->x(to), s->y(to)});
        return 0;
    };
    funcs.conic_to = [](const FT_Vector* c, const FT_Vector* to, void* user) {
        auto* s = static_cast<Sink*>(user);
        s->out->push_back({OutlineCommand::Kind::QuadTo, s->x(to), s->y(to), s->x(c), s->y(c)});
        return 0;
    };
    funcs.cubic_to = [](const FT_Vector* c1, const FT_Vector* c2, const FT_Vector* to, void* user) {
        auto* s = static_cast<Sink*>(user);
        s->out->push_back({OutlineCommand::Kind::CubicTo, s->x(to), s->y(to), s->x(c1), s->y(c1), s->x(c2), s->y(c2)});
        return 0;
    };
    if (FT_Outline_Decompose(&slot->outline, &funcs, &sink)) return {};
    sink.close();
    return out;
}

Font Font::open(const std::string& family_or_path) {
    if (family_or_path.empty()) throw ValueError("Font::open: the family name or path is empty");
    std::string path = family_or_path;
    int index = 0;
    const bool is_path = family_or_path.find('/') != std::string::npos || std::filesystem::exists(family_or_path);
    if (!is_path) std::tie(path, index) = find_family(family_or_path);
    if (is_path && !std::filesystem::is_regular_file(path)) throw IoError("Font::open: cannot read '" + path + "'");
    return open_face(path, index);
}

Font Font::open_face(const std::string& path, int index) {
    auto f = std::make_shared<Face>();
    if (FT_Init_FreeType(&f->library)) throw Error("Font::open: FreeType could not be initialised");
    if (const FT_Error e = FT_New_Face(f->library, path.c_str(), index, &f->face)) {
        throw ParseError("Font::open: '" + path + "' is not a font (FreeType error " + std::to_string(e) + ")");
    }
    if (!FT_IS_SCALABLE(f->face)) throw ParseError("Font::open: '" + path + "' is a bitmap font; glumpp needs outlines");
    f->path = path;
    f->family = f->face->family_name ? f->face->family_name : "";
    f->hb = hb_ft_font_create_referenced(f->face);
    f->set(16, load_flags_of(Hinting::Unhinted));
    return Font(std::move(f));
}

const std::string& Font::path() const { return face_->path; }
const std::string& Font::family() const { return face_->family; }

FontMetrics Font::metrics(double pixel_size) const {
    check_size(pixel_size, "Font::metrics");
    face_->set(pixel_size, face_->load_flags);
    const FT_Face f = face_->face;
    // The design values scaled exactly (FT_Size_Metrics rounds them when hinting).
    const double scale = pixel_size / f->units_per_EM;
    return {pixel_size, f->ascender * scale, f->descender * scale, f->height * scale};
}

std::uint32_t Font::glyph_index(char32_t c) const { return FT_Get_Char_Index(face_->face, c); }

std::set<char32_t> Font::missing() const { return face_->missing; }

Layout Font::layout(std::string_view utf8, double pixel_size) const {
    return layout_with(utf8, pixel_size, "Font::layout");
}

Layout Font::layout_with(std::string_view utf8, double pixel_size, const char* caller) const {
    check_size(pixel_size, caller);
    const std::vector<char32_t> code_points = decode_utf8(utf8, caller);
    for (const char32_t c : code_points) {
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF) continue;
        if (FT_Get_Char_Index(face_->face, c) == 0 && face_->missing.insert(c).second) {
            std::cerr << caller << ": " << face_->family << " has no glyph for " << hex(c) << "; drawing .notdef\n";
        }
    }
    face_->set(pixel_size, load_flags_of(Hinting::Unhinted));
    Layout out;
    out.glyphs.reserve(code_points.size());
    double px = 0, py = 0;
    hb_buffer_t* buffer = hb_buffer_create();
    // Each direction run shaped alone (its direction set, script and language guessed),
    // with the whole text as context, the runs placed in visual order.
    for (const DirectionRun& run : direction_runs(utf8, code_points)) {
        hb_buffer_clear_contents(buffer);
        hb_buffer_add_utf8(buffer, utf8.data(), static_cast<int>(utf8.size()), static_cast<unsigned>(run.start),
                           static_cast<int>(run.stop - run.start));
        hb_buffer_set_direction(buffer, run.level % 2 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
        hb_buffer_guess_segment_properties(buffer);
        hb_shape(face_->hb, buffer, nullptr, 0);
        unsigned n = 0;
        const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &n);
        const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &n);
        for (unsigned i = 0; i < n; ++i) {
            PositionedGlyph g;
            g.glyph = info[i].codepoint;
            g.cluster = info[i].cluster;
            g.x = px + pos[i].x_offset / 64.0;
            g.y = py - pos[i].y_offset / 64.0;
            g.x_advance = pos[i].x_advance / 64.0;
            g.y_advance = -pos[i].y_advance / 64.0;
            px += g.x_advance;
            py += g.y_advance;
            out.glyphs.push_back(g);
        }
    }
    hb_buffer_destroy(buffer);
    out.advance = px;
    // The ink: each outline's exact bounding box (FT_Outline_Get_BBox), scaled, at its position.
    const double scale = pixel_size / face_->face->units_per_EM;
    for (const PositionedGlyph& g : out.glyphs) {
        auto it = face_->boxes.find(g.glyph);
        if (it == face_->boxes.end()) {
            FT_BBox b{0, 0, 0, 0};
            if (!FT_Load_Glyph(face_->face, g.glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_BITMAP) &&
                face_->face->glyph->format == FT_GLYPH_FORMAT_OUTLINE && face_->face->glyph->outline.n_points > 0) {
                FT_Outline_Get_BBox(&face_->face->glyph->outline, &b);
            }
            it = face_->boxes.emplace(g.glyph, b).first;
        }
        const FT_BBox& b = it->second;
        const Box box{g.x + b.xMin * scale, g.y - b.yMax * scale, g.x + b.xMax * scale, g.y - b.yMin * scale};
        if (box.empty()) continue;
        if (out.ink.empty()) {
            out.ink = box;
        } else {
            out.ink = {std::min(out.ink.x0, box.x0), std::min(out.ink.y0, box.y0), std::max(out.ink.x1, box.x1),
                       std::max(out.ink.y1, box.y1)};
        }
    }
    return out;
}

double Font::glyph_advance(std::uint32_t glyph, double pixel_size) const {
    check_size(pixel_size, "Font::glyph_advance");
    face_->set(pixel_size, face_->load_flags);
    FT_Fixed advance = 0;
    FT_Get_Advance(face_->face, glyph, FT_LOAD_NO_HINTING, &advance);
    return advance / 65536.0;
}

GlyphBitmap Font::render(std::uint32_t glyph, double pixel_size, Hinting hinting) const {
    check_size(pixel_size, "Font::render");
    if (glyph >= static_cast<std::uint32_t>(face_->face->num_glyphs)) {
        throw IndexError("Font::render: glyph " + std::to_string(glyph) + " is not in " + face_->family + " (" +
                         std::to_string(face_->face->num_glyphs) + " glyphs)");
    }
    face_->set(pixel_size, face_->load_flags);
    GlyphBitmap out;
    if (FT_Load_Glyph(face_->face, glyph, load_flags_of(hinting) | FT_LOAD_NO_BITMAP | FT_LOAD_RENDER)) return out;
    const FT_GlyphSlot slot = face_->face->glyph;
    const FT_Bitmap& bm = slot->bitmap;
    out.width = static_cast<int>(bm.width);
    out.height = static_cast<int>(bm.rows);
    out.left = slot->bitmap_left;
    out.top = slot->bitmap_top;
    out.pixels.resize(static_cast<std::size_t>(out.width) * out.height);
    for (int r = 0; r < out.height; ++r) {
        const unsigned char* row = bm.buffer + static_cast<std::ptrdiff_t>(r) * bm.pitch;
        std::copy(row, row + out.width, out.pixels.begin() + static_cast<std::ptrdiff_t>(r) * out.width);
    }
    return out;
}

Coverage Font::rasterize(std::string_view utf8, double pixel_size, int width, int height, int x, int y,
                         Hinting hinting) const {
    if (width <= 0 || height <= 0 || width > 16384 || height > 16384) {
        throw ValueError("Font::rasterize: image size " + std::to_string(width) + "x" + std::to_string(height) +
                         " is not in 1..16384");
    }
    const Layout line = layout_with(utf8, pixel_size, "Font::rasterize");
    Coverage out{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height, 0)};
    for (const PositionedGlyph& g : line.glyphs) {
        const GlyphBitmap bm = render(g.glyph, pixel_size, hinting);
        const int ox = x + static_cast<int>(std::lround(g.x)) + bm.left;
        const int oy = y + static_cast<int>(std::lround(g.y)) - bm.top;
        for (int r = 0; r < bm.height; ++r) {
            const int yy = oy + r;
            if (yy < 0 || yy >= height) continue;
            for (int c = 0; c < bm.width; ++c) {
                const int xx = ox + c;
                if (xx < 0 || xx >= width) continue;
                std::uint8_t& p = out.pixels[static_cast<std::size_t>(yy) * width + xx];
                p = static_cast<std::uint8_t>(std::min(255, p + bm.pixels[static_cast<std::size_t>(r) * bm.width + c]));
            }
        }
    }
    return out;
}

} // namespace glumpp::text
