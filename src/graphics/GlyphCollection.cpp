#include <glumpp/graphics/GlyphCollection.hpp>

#include "Scissor.hpp"

#include <glumpp/Error.hpp>
#include <glumpp/gloo/gl.hpp>
#include <glumpp/transforms/Transforms.hpp>

#include <glm/vec2.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <sstream>

namespace glumpp::graphics {

namespace {

constexpr std::size_t texel_bytes = 16;      // RGBA32F
constexpr std::size_t records_width = 1024;  // texels per row of the label texture
constexpr std::size_t cache_limit = 16384;
constexpr double field_size = 48;            // pixels per em of the distance fields (glumpy's)
// Exact dirty ranges kept per buffer and texture before merging (the default is 64): labels
// are edited anywhere, and 100 labels 100 apart merged into 64 ranges sent 3.2 MB for
// 86 KB written (bench_text). The cost: a write's bookkeeping is O(ranges) at worst.
constexpr std::size_t dirty_ranges = 4096;

// One glyph instance, as the vertex buffer holds it (the dtype below, byte for byte).
struct GlyphRecord {
    float quad[4];      // x0, y0 (bottom-left), x1, y1 (top-right): pixels from the anchor, y up
    float texcoord[4];  // the atlas texels of (x0, y0) and (x1, y1)
    std::uint32_t label;
};
static_assert(sizeof(GlyphRecord) == GlyphCollection::glyph_bytes);

const DType& glyph_dtype() {
    static const DType d = DType::parse("[('quad', '<f4', (4,)), ('texcoord', '<f4', (4,)), ('label', '<u4')]");
    return d;
}

// origin, world (0 Screen, 1 World) | color | cos, sin, world_scale, size
const DType& record_dtype() {
    static const DType d = DType::parse("[('origin', '<f4', (3,)), ('world', '<f4'), ('color', '<f4', (4,)), "
                                        "('rotation', '<f4', (2,)), ('world_scale', '<f4'), ('size', '<f4')]");
    return d;
}

const char* vertex_source = R"(#version 330 core
in vec4 a_quad;
in vec4 a_texcoord;
in uint a_label;
uniform sampler2D u_labels;
uniform sampler2D u_atlas;
uniform vec2 u_viewport;
uniform float u_coverage;
out vec2 v_texcoord;
out vec4 v_color;
out float v_scale;
vec4 label_texel(uint label, int k) {
    int t = int(label) * 3 + k;
    return texelFetch(u_labels, ivec2(t % 1024, t / 1024), 0);
}
void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    vec4 t0 = label_texel(a_label, 0);   // origin, placement
    vec4 t1 = label_texel(a_label, 1);   // color
    vec4 t2 = label_texel(a_label, 2);   // cos, sin, world_scale, size
    vec2 local = mix(a_quad.xy, a_quad.zw, corner);
    vec2 r = vec2(t2.x * local.x - t2.y * local.y, t2.y * local.x + t2.x * local.y);
    bool world = t0.w > 0.5;
    vec3 position = world ? t0.xyz + vec3(r * t2.z, 0.0) : t0.xyz;
    vec4 P = <transform(position)>;
    if (!world) {
        // Coverage glyphs upright: the anchor on a pixel corner, so that texels are pixels.
        if (u_coverage > 0.5 && t2.y == 0.0 && t2.x == 1.0) {
            vec2 pixel = floor((P.xy / P.w * 0.5 + 0.5) * u_viewport + 0.5);
            P.xy = (pixel / u_viewport * 2.0 - 1.0) * P.w;
        }
        P.xy += 2.0 * r / u_viewport * P.w;
    }
    gl_Position = P;
    v_texcoord = mix(a_texcoord.xy, a_texcoord.zw, corner) / vec2(textureSize(u_atlas, 0));
    v_color = t1;
    v_scale = t2.w * 4.0 / 3.0;  // glumpy's v_scale: 64 field pixels (at 48 px per em) on screen
}
)";

// glumpy's sdf-glyph.frag (contour over fwidth, supersampled below a v_scale of 30), and its
// agg-glyph.frag reduced to grayscale coverage.
const char* fragment_source = R"(#version 330 core
uniform sampler2D u_atlas;
uniform float u_coverage;
in vec2 v_texcoord;
in vec4 v_color;
in float v_scale;
out vec4 frag_color;
float contour(float d, float w) { return smoothstep(0.5 - w, 0.5 + w, d); }
float sample_at(vec2 uv, float w) { return contour(texture(u_atlas, uv).r, w); }
void main() {
    float alpha;
    if (u_coverage > 0.5) {
        alpha = texture(u_atlas, v_texcoord).r;
    } else {
        float dist = texture(u_atlas, v_texcoord).r;
        float width = fwidth(dist);
        alpha = contour(dist, width);
        if (v_scale < 30.0) {
            float dscale = 0.5 * 0.7071067811865476;
            vec2 duv = dscale * (dFdx(v_texcoord) + dFdy(v_texcoord));
            vec4 box = vec4(v_texcoord - duv, v_texcoord + duv);
            float asum = sample_at(box.xy, width) + sample_at(box.zw, width) + sample_at(box.xw, width) +
                         sample_at(box.zy, width);
            alpha = (alpha + 0.5 * asum) / 3.0;
        }
    }
    frag_color = vec4(v_color.rgb, alpha * v_color.a);
}
)";

std::string number(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

void check_finite(const char* caller, const char* what, std::initializer_list<double> values) {
    for (const double v : values) {
        if (!std::isfinite(v)) {
            std::string list;
            for (const double w : values) list += (list.empty() ? "" : ", ") + number(w);
            throw ValueError(std::string(caller) + ": " + what + " (" + list + ") is not finite");
        }
    }
}

void check_label(const LabelStyle& l, const char* caller) {
    if (!(l.size > 0 && l.size <= 4096)) {
        throw ValueError(std::string(caller) + ": size " + number(l.size) + " is not in (0, 4096]");
    }
    check_finite(caller, "origin", {l.origin.x, l.origin.y, l.origin.z});
    check_finite(caller, "color", {l.color.r, l.color.g, l.color.b, l.color.a});
    check_finite(caller, "rotation", {l.rotation});
    if (!(std::isfinite(l.world_scale) && l.world_scale > 0)) {
        throw ValueError(std::string(caller) + ": world_scale " + number(l.world_scale) + " is not positive and finite");
    }
    if (!(std::isfinite(l.line_spacing) && l.line_spacing > 0)) {
        throw ValueError(std::string(caller) + ": line_spacing " + number(l.line_spacing) + " is not positive and finite");
    }
}

std::size_t slot_for(std::size_t glyphs) {
    const std::size_t r = GlyphCollection::slot_rounding;
    return std::max(r, (glyphs + r - 1) / r * r);
}

Slice span(std::size_t first, std::size_t last) {
    return slice(static_cast<std::ptrdiff_t>(first), static_cast<std::ptrdiff_t>(last));
}

Array records_over(const gloo::Texture2D& texture) {
    const DType& d = record_dtype();
    const std::size_t capacity = texture.base_nbytes() / d.itemsize();
    return Array::over(texture.storage(), texture.tracker_ptr(), d, {capacity}, {static_cast<std::ptrdiff_t>(d.itemsize())}, 0);
}

// Saves and restores the blending draw() sets.
class BlendState {
public:
    BlendState() {
        blend_ = glIsEnabled(GL_BLEND);
        glGetIntegerv(GL_BLEND_SRC_RGB, &src_rgb_);
        glGetIntegerv(GL_BLEND_DST_RGB, &dst_rgb_);
        glGetIntegerv(GL_BLEND_SRC_ALPHA, &src_alpha_);
        glGetIntegerv(GL_BLEND_DST_ALPHA, &dst_alpha_);
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    }
    ~BlendState() {
        if (!blend_) glDisable(GL_BLEND);
        glBlendFuncSeparate(static_cast<GLenum>(src_rgb_), static_cast<GLenum>(dst_rgb_), static_cast<GLenum>(src_alpha_),
                            static_cast<GLenum>(dst_alpha_));
    }
    BlendState(const BlendState&) = delete;
    BlendState& operator=(const BlendState&) = delete;

private:
    GLboolean blend_ = GL_FALSE;
    GLint src_rgb_ = GL_ONE, dst_rgb_ = GL_ZERO, src_alpha_ = GL_ONE, dst_alpha_ = GL_ZERO;
};

} // namespace

struct GlyphCollection::Run {
    std::string key;          // the cache key: font, size, spacing, anchors, then the text
    std::size_t text_offset;  // where the text starts in the key
    std::vector<GlyphRecord> glyphs;
    std::string_view text() const { return std::string_view(key).substr(text_offset); }
};

GlyphCollection::GlyphCollection(Mode mode)
    : mode_(mode),
      glyphs_(glyph_dtype()),
      texture_(gloo::Texture2D::zeros({1, records_width, 4}, DType::of<float>())),
      program_(std::make_unique<transforms::Program>(vertex_source, fragment_source)) {
    records_ = records_over(texture_);
    texture_.tracker().set_cap(dirty_ranges);
    reset_transform();
    (*program_)["u_labels"] = texture_;
    (*program_)["u_coverage"] = mode_ == Mode::Coverage ? 1.0f : 0.0f;
}

GlyphCollection::~GlyphCollection() = default;
GlyphCollection::GlyphCollection(GlyphCollection&&) noexcept = default;
GlyphCollection& GlyphCollection::operator=(GlyphCollection&&) noexcept = default;

void GlyphCollection::check(std::size_t i, const char* caller) const {
    if (i >= size()) {
        throw IndexError(std::string(caller) + ": label " + std::to_string(i) + " is out of range for a collection of " +
                         std::to_string(size()) + " label" + (size() == 1 ? "" : "s"));
    }
}

std::shared_ptr<const GlyphCollection::Run> GlyphCollection::shaped(std::string_view utf8, const text::Font& font,
                                                                    const Label& label, const char* caller) {
    // The key in a reused buffer: a cache hit allocates nothing.
    std::string& key = key_;
    key.clear();
    const void* id = font.id();
    key.append(reinterpret_cast<const char*>(&id), sizeof id);
    key.append(reinterpret_cast<const char*>(&label.size), sizeof label.size);
    key.append(reinterpret_cast<const char*>(&label.line_spacing), sizeof label.line_spacing);
    key += static_cast<char>(label.anchor_x);
    key += static_cast<char>(label.anchor_y);
    const std::size_t text_offset = key.size();
    key.append(utf8);
    if (const auto it = cache_.find(key); it != cache_.end()) return it->second;

    if (!atlas_) {
        atlas_ = std::make_unique<text::GlyphAtlas>(
            font, mode_ == Mode::Coverage ? text::AtlasKind::Coverage : text::AtlasKind::DistanceField,
            mode_ == Mode::Coverage ? label.size : field_size, 512, 512);
    }
    const bool coverage = mode_ == Mode::Coverage;
    const text::FontMetrics m = font.metrics(label.size);
    const double line_height = m.line_height * label.line_spacing;
    // The lines, each shaped alone (HarfBuzz shapes no line break).
    std::vector<text::Layout> lines;
    std::size_t start = 0;
    try {
        while (true) {
            const std::size_t end = utf8.find('\n', start);
            lines.push_back(font.layout(utf8.substr(start, end == std::string_view::npos ? end : end - start), label.size));
            if (end == std::string_view::npos) break;
            start = end + 1;
        }
    } catch (const ValueError& e) {
        throw ValueError(std::string(caller) + ": " + e.what());
    }
    const double text_height = static_cast<double>(lines.size() - 1) * line_height;
    double dy = 0;
    switch (label.anchor_y) {
    case AnchorY::Top: dy = -m.ascender; break;
    case AnchorY::Baseline: dy = 0; break;
    case AnchorY::Middle: dy = (text_height - m.ascender - m.descender) / 2; break;
    case AnchorY::Bottom: dy = text_height - m.descender; break;
    }
    if (coverage) dy = std::round(dy);
    auto run = std::make_shared<Run>();
    run->key = key;
    run->text_offset = text_offset;
    const double scale = coverage ? 1.0 : label.size / field_size;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const text::Layout& line = lines[k];
        double dx = 0;
        if (label.anchor_x == AnchorX::Center) dx = -line.advance / 2;
        if (label.anchor_x == AnchorX::Right) dx = -line.advance;
        double baseline = dy - static_cast<double>(k) * line_height;
        if (coverage) {
            dx = std::round(dx);
            baseline = std::round(baseline);
        }
        for (const text::PositionedGlyph& g : line.glyphs) {
            const text::AtlasGlyph& a = atlas_->glyph(font, g.glyph, label.size);
            if (a.rect.width == 0 || a.rect.height == 0) continue;
            double x0 = 0, top = 0;
            if (coverage) { // as Font::rasterize and FreeType's own placement: whole pixels
                x0 = dx + std::round(g.x) + a.left;
                top = baseline - std::round(g.y) + a.top;
            } else {
                x0 = dx + g.x + a.left * scale;
                top = baseline - g.y + a.top * scale;
            }
            const double x1 = x0 + static_cast<double>(a.rect.width) * scale;
            const double bottom = top - static_cast<double>(a.rect.height) * scale;
            GlyphRecord r{};
            r.quad[0] = static_cast<float>(x0);
            r.quad[1] = static_cast<float>(bottom);
            r.quad[2] = static_cast<float>(x1);
            r.quad[3] = static_cast<float>(top);
            r.texcoord[0] = static_cast<float>(a.rect.x);
            r.texcoord[1] = static_cast<float>(a.rect.y + a.rect.height);
            r.texcoord[2] = static_cast<float>(a.rect.x + a.rect.width);
            r.texcoord[3] = static_cast<float>(a.rect.y);
            run->glyphs.push_back(r);
        }
    }
    if (cache_.size() >= cache_limit) cache_.clear();
    return cache_.emplace(key, std::move(run)).first->second;
}

// A new array of `slot` glyph records: the run's, numbered `index`, then empty quads.
Array GlyphCollection::slot_of(const Run& run, std::size_t slot, std::size_t index) const {
    Array out = Array::zeros({slot}, glyph_dtype());
    WriteScope w(out);
    auto* p = w.data_as<GlyphRecord>();
    if (!run.glyphs.empty()) std::memcpy(p, run.glyphs.data(), run.glyphs.size() * sizeof(GlyphRecord)); // an empty text has no data()
    for (std::size_t k = 0; k < run.glyphs.size(); ++k) p[k].label = static_cast<std::uint32_t>(index);
    return out;
}

void GlyphCollection::grow_records(std::size_t labels) {
    if (labels <= records_.shape()[0]) return;
    const std::size_t row_bytes = records_width * texel_bytes;
    const std::size_t rows = std::max((labels * label_bytes + row_bytes - 1) / row_bytes, 2 * texture_.height());
    auto bigger = gloo::Texture2D::zeros({rows, records_width, 4}, DType::of<float>());
    Array records = records_over(bigger);
    if (const auto n = size()) records.view({span(0, n)}).assign(records_.view({span(0, n)}));
    texture_ = std::move(bigger);
    texture_.tracker().set_cap(dirty_ranges);
    records_ = std::move(records);
    (*program_)["u_labels"] = texture_;
}

void GlyphCollection::write_record(std::size_t i) {
    const Label& l = labels_[i].label;
    const float values[12] = {l.origin.x, l.origin.y, l.origin.z, l.placement == Placement::World ? 1.0f : 0.0f,
                              l.color.r,  l.color.g,  l.color.b,  l.color.a,
                              static_cast<float>(std::cos(l.rotation)), static_cast<float>(std::sin(l.rotation)),
                              static_cast<float>(l.world_scale), static_cast<float>(l.size)};
    Array record = records_.view({i});
    WriteScope w(record);
    std::memcpy(w.data(), values, sizeof values);
}

std::size_t GlyphCollection::append(std::string_view utf8, const text::Font& font, const Label& label) {
    check_label(label, "GlyphCollection::append");
    const auto run = shaped(utf8, font, label, "GlyphCollection::append");
    const std::size_t i = size();
    grow_records(i + 1);
    glyphs_.append(slot_of(*run, slot_for(run->glyphs.size()), i));
    if (glyphs_.buffer().tracker().cap() != dirty_ranges) glyphs_.buffer().tracker().set_cap(dirty_ranges);
    labels_.push_back({run, font, label});
    write_record(i);
    attributes_stale_ = true;
    return i;
}

void GlyphCollection::set_text(std::size_t i, std::string_view utf8) {
    check(i, "GlyphCollection::set_text");
    Entry& e = labels_[i];
    const auto run = shaped(utf8, e.font, e.label, "GlyphCollection::set_text");
    // The text it has (the same cached run): nothing to write or send. (After the cache was
    // emptied the same text is a new run and is written once more.)
    if (run == e.run) return;
    const std::size_t slot = glyphs_.bounds(i).size();
    if (run->glyphs.size() <= slot) {
        // In place: the slot's bytes only (its unused records emptied), written straight
        // into the buffer's storage and marked as one byte range (a view's footprint would
        // be one piece per field and record: 20 times the bookkeeping).
        gloo::VertexBuffer& buffer = glyphs_.buffer();
        Storage& storage = *buffer.storage();
        const std::size_t start = buffer.offset() + glyphs_.bounds(i).start * sizeof(GlyphRecord);
        auto* p = reinterpret_cast<GlyphRecord*>(storage.data() + start);
        if (!run->glyphs.empty()) std::memcpy(static_cast<void*>(p), run->glyphs.data(), run->glyphs.size() * sizeof(GlyphRecord));
        std::memset(static_cast<void*>(p + run->glyphs.size()), 0, (slot - run->glyphs.size()) * sizeof(GlyphRecord));
        for (std::size_t k = 0; k < slot; ++k) p[k].label = static_cast<std::uint32_t>(i);
        storage.mark(ByteRange{start, start + slot * sizeof(GlyphRecord)});
    } else {
        glyphs_.set(i, slot_of(*run, slot_for(run->glyphs.size()), i));
        attributes_stale_ = true;
    }
    e.run = run;
}

void GlyphCollection::set_color(std::size_t i, const glm::vec4& rgba) {
    check(i, "GlyphCollection::set_color");
    check_finite("GlyphCollection::set_color", "color", {rgba.r, rgba.g, rgba.b, rgba.a});
    labels_[i].label.color = rgba;
    Array field = records_.view({i})["color"];
    WriteScope w(field);
    std::memcpy(w.data(), &rgba, sizeof rgba);
}

void GlyphCollection::set_origin(std::size_t i, const glm::vec3& origin) {
    check(i, "GlyphCollection::set_origin");
    check_finite("GlyphCollection::set_origin", "origin", {origin.x, origin.y, origin.z});
    labels_[i].label.origin = origin;
    Array field = records_.view({i})["origin"];
    WriteScope w(field);
    std::memcpy(w.data(), &origin, sizeof origin);
}

void GlyphCollection::set_rotation(std::size_t i, double radians) {
    check(i, "GlyphCollection::set_rotation");
    check_finite("GlyphCollection::set_rotation", "rotation", {radians});
    labels_[i].label.rotation = radians;
    const float cs[2] = {static_cast<float>(std::cos(radians)), static_cast<float>(std::sin(radians))};
    Array field = records_.view({i})["rotation"];
    WriteScope w(field);
    std::memcpy(w.data(), cs, sizeof cs);
}

std::string_view GlyphCollection::text(std::size_t i) const {
    check(i, "GlyphCollection::text");
    return labels_[i].run->text();
}

const GlyphCollection::Label& GlyphCollection::label(std::size_t i) const {
    check(i, "GlyphCollection::label");
    return labels_[i].label;
}

void GlyphCollection::erase(std::size_t i) {
    check(i, "GlyphCollection::erase");
    erase(i, i + 1);
}

void GlyphCollection::erase(std::size_t first, std::size_t last) {
    const std::size_t n = size();
    if (first > last || last > n) {
        throw IndexError("GlyphCollection::erase: labels [" + std::to_string(first) + ", " + std::to_string(last) +
                         ") are not a range of a collection of " + std::to_string(n) + " label" + (n == 1 ? "" : "s"));
    }
    if (first == last) return;
    const std::size_t removed = last - first;
    const std::size_t start = glyphs_.bounds(first).start;
    glyphs_.erase(first, last);
    if (start < glyphs_.count()) {
        Array moved = glyphs_.buffer().view({slice(static_cast<std::ptrdiff_t>(start))})["label"];
        moved -= static_cast<std::uint32_t>(removed);
    }
    if (last < n) records_.view({span(first, n - removed)}).assign(records_.view({span(last, n)}));
    labels_.erase(labels_.begin() + static_cast<std::ptrdiff_t>(first), labels_.begin() + static_cast<std::ptrdiff_t>(last));
    attributes_stale_ = true;
}

void GlyphCollection::clear() {
    glyphs_.clear();
    labels_.clear();
    attributes_stale_ = true;
}

void GlyphCollection::set_transform(const transforms::Call& call) {
    chain_ = call;
    rehook();
}

void GlyphCollection::reset_transform() {
    chain_.reset();
    rehook();
}

void GlyphCollection::set_viewport(const transforms::Viewport& viewport) {
    viewport_ = viewport;
    rehook();
}

void GlyphCollection::reset_viewport() {
    viewport_.reset();
    rehook();
}

void GlyphCollection::rehook() {
    const transforms::Call chain = chain_ ? *chain_ : pixels_(transforms::Position()("position"));
    (*program_)["transform"] = viewport_ ? (*viewport_)(chain) : chain;
}

void GlyphCollection::sync() {
    glyphs_.buffer().sync();
    texture_.sync();
    if (atlas_) atlas_->texture().sync();
}

void GlyphCollection::draw() {
    if (glyphs_.count() == 0 || !atlas_) return;
    transforms::Program& p = *program_;
    if (atlas_->generation() != atlas_generation_) {
        gloo::Texture2D atlas = atlas_->texture();
        atlas.set_interpolation(gloo::Interpolation::Linear);
        p["u_atlas"] = atlas;
        atlas_generation_ = atlas_->generation();
    }
    if (attributes_stale_) {
        const Array& all = glyphs_.buffer();
        p["a_quad"] = gloo::per_instance(all["quad"]);
        p["a_texcoord"] = gloo::per_instance(all["texcoord"]);
        p["a_label"] = gloo::per_instance(all["label"]);
        attributes_stale_ = false;
    }
    GLint viewport[4] = {0, 0, 0, 0};
    glGetIntegerv(GL_VIEWPORT, viewport);
    const glm::vec2 size(static_cast<float>(viewport[2]), static_cast<float>(viewport[3]));
    if (viewport[2] > 0 && viewport[3] > 0 && (viewport[2] != pixels_size_[0] || viewport[3] != pixels_size_[1])) {
        pixels_.resize(viewport[2], viewport[3]); // a new projection matrix: one uniform
        pixels_size_[0] = viewport[2];
        pixels_size_[1] = viewport[3];
    }
    p["u_viewport"] = size;
    // A Viewport's window is the GL viewport (as Collection's); its clipping is the scissor box.
    std::optional<detail::ScissorState> scissor;
    if (viewport_) {
        if (viewport[2] > 0 && viewport[3] > 0) viewport_->resize(viewport[2], viewport[3]);
        if (viewport_->clipping()) scissor.emplace(viewport_->local());
    }
    BlendState blend;
    p.gl().draw_instanced(gloo::Primitive::TriangleStrip, glyphs_.count(), 0, 4);
}

} // namespace glumpp::graphics
