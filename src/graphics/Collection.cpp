#include <glumpp/graphics/Collection.hpp>
#include "Checks.hpp"
#include "Format.hpp"
#include "Scissor.hpp"

#include <glumpp/Error.hpp>
#include <glumpp/gloo/gl.hpp>

#include <glm/vec2.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

namespace glumpp::graphics {

using detail::number;
using detail::ScissorState;

namespace {

constexpr std::size_t texel_bytes = 16; // RGBA32F

// Declarations every collection's vertex shader starts with (after the #defines of
// source()). The depth keeps orders 1 / ORDER_SCALE = 2^-21 apart in NDC, 4 steps of a
// 24-bit depth buffer, and stays exact in float32 near 1.
const char* vertex_prologue = R"(
uniform sampler2D u_shared;
uniform vec4 u_view;       // pixel = world * u_view.xy + u_view.zw
uniform vec2 u_viewport;   // pixels
uniform float u_antialias; // pixels
uniform int u_transformed; // 1: world points go through the transform chain (set_transform(Call))
// Set by to_pixels where the chain puts a point outside clip space's depth (|z| > w), as
// GL would clip glumpy's gl_Position; to_clip then sends the vertex beyond the far plane.
float g_outside = 0.0;
vec4 shared_texel(uint item, int k) {
    int t = int(item) * SHARED_TEXELS + k;
    return texelFetch(u_shared, ivec2(t % SHARED_WIDTH, t / SHARED_WIDTH), 0);
}
vec2 to_pixels(vec3 world) {
    if (u_transformed == 0) return world.xy * u_view.xy + u_view.zw;
    vec4 clip = <transform(world)>;
    if (!(abs(clip.z) <= clip.w)) g_outside = 1.0;
    vec2 ndc = clip.xy / clip.w;
    return vec2((ndc.x + 1.0) * 0.5 * u_viewport.x, (1.0 - ndc.y) * 0.5 * u_viewport.y);
}
vec2 to_pixels(vec2 world) { return to_pixels(vec3(world, 0.0)); }
vec4 to_clip(vec2 pixel, float order) {
    return vec4(2.0 * pixel.x / u_viewport.x - 1.0, 1.0 - 2.0 * pixel.y / u_viewport.y,
                g_outside > 0.0 ? 2.0 : 1.0 - (order + 1.0) / ORDER_SCALE, 1.0);
}
)";

// Coverage of a pixel whose centre is `sd` pixels outside an edge (negative: inside),
// with a ramp u_antialias pixels wide.
const char* fragment_prologue = R"(
uniform float u_antialias;
float coverage(float sd) { return clamp(0.5 - sd / u_antialias, 0.0, 1.0); }
)";

// The constants C++ and GLSL share, from their one definition in Collection.hpp.
std::string source(const char* prologue, std::string_view body, std::size_t texels) {
    return "#version 330 core\n#define SHARED_TEXELS " + std::to_string(texels) +
           "\n#define SHARED_WIDTH " + std::to_string(Collection::shared_width) +
           "\n#define ORDER_SCALE " + std::to_string(static_cast<long>(Collection::order_scale)) + ".0\n" + prologue +
           std::string(body);
}

// What the transform hook holds until set_transform(Call): world points as clip
// coordinates, unused (u_transformed is 0: the u_view path).
const transforms::Snippet& identity_chain() {
    static const transforms::Snippet world("vec4 forward(vec3 P) { return vec4(P, 1.0); }\n", "world");
    return world;
}

/// Saves the state draw() changes and puts it back when the draw is done (or throws).
class DrawState {
public:
    DrawState(bool painter, bool writes_depth, bool point_size) : painter_(painter), point_size_(point_size) {
        if (point_size_) {
            program_point_size_ = glIsEnabled(GL_PROGRAM_POINT_SIZE);
            glEnable(GL_PROGRAM_POINT_SIZE);
        }
        if (!painter_) return;
        blend_ = glIsEnabled(GL_BLEND);
        depth_test_ = glIsEnabled(GL_DEPTH_TEST);
        glGetBooleanv(GL_DEPTH_WRITEMASK, &depth_mask_);
        glGetIntegerv(GL_DEPTH_FUNC, &depth_func_);
        glGetIntegerv(GL_BLEND_SRC_RGB, &src_rgb_);
        glGetIntegerv(GL_BLEND_DST_RGB, &dst_rgb_);
        glGetIntegerv(GL_BLEND_SRC_ALPHA, &src_alpha_);
        glGetIntegerv(GL_BLEND_DST_ALPHA, &dst_alpha_);
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LEQUAL);
        glDepthMask(writes_depth ? GL_TRUE : GL_FALSE);
    }
    ~DrawState() {
        if (point_size_ && !program_point_size_) glDisable(GL_PROGRAM_POINT_SIZE);
        if (!painter_) return;
        if (!blend_) glDisable(GL_BLEND);
        if (!depth_test_) glDisable(GL_DEPTH_TEST);
        glDepthMask(depth_mask_);
        glDepthFunc(static_cast<GLenum>(depth_func_));
        glBlendFuncSeparate(static_cast<GLenum>(src_rgb_), static_cast<GLenum>(dst_rgb_), static_cast<GLenum>(src_alpha_),
                            static_cast<GLenum>(dst_alpha_));
    }
    DrawState(const DrawState&) = delete;
    DrawState& operator=(const DrawState&) = delete;

private:
    bool painter_, point_size_;
    GLboolean program_point_size_ = GL_FALSE;
    GLboolean blend_ = GL_FALSE, depth_test_ = GL_FALSE, depth_mask_ = GL_TRUE;
    GLint depth_func_ = GL_LESS, src_rgb_ = GL_ONE, dst_rgb_ = GL_ZERO, src_alpha_ = GL_ONE, dst_alpha_ = GL_ZERO;
};

Array shared_records(const gloo::Texture2D& texture, const DType& dtype) {
    const std::size_t capacity = texture.base_nbytes() / dtype.itemsize();
    return Array::over(texture.storage(), texture.tracker_ptr(), dtype, {capacity},
                       {static_cast<std::ptrdiff_t>(dtype.itemsize())}, 0);
}

} // namespace

Collection::Collection(const Layout& layout)
    : local_(layout.local),
      shared_dtype_(layout.shared),
      texture_(gloo::Texture2D::zeros({1, shared_width, 4}, DType::of<float>())),
      program_(source(vertex_prologue, layout.vertex, layout.shared.itemsize() / texel_bytes),
               source(fragment_prologue, layout.fragment, layout.shared.itemsize() / texel_bytes)),
      chain_(identity_chain()),
      geometry_(layout.geometry),
      state_(layout.state),
      index_field_(layout.index_field),
      attribute_prefix_(layout.attribute_prefix) {
    shared_ = shared_records(texture_, shared_dtype_);
    program_["transform"] = *chain_;
    linked();
}

gloo::Program& Collection::linked() {
    gloo::Program& gl = program_.gl(); // links here after a change of chain (and compiles at construction)
    if (program_.generations() != generation_) {
        generation_ = program_.generations();
        gl["u_shared"] = texture_;
        gl["u_transformed"] = transformed_ ? 1 : 0;
        attributes_stale_ = true; // a new GL program: its attributes are bound anew
    }
    return gl;
}

void Collection::set_transform(const transforms::Call& chain) {
    chain_ = chain;
    transformed_ = true;
    view_.reset();
    rehook();
}

void Collection::set_transform(const PanZoom& view) {
    view_ = view;
    if (transformed_) {
        transformed_ = false;
        chain_ = transforms::Call(identity_chain());
        rehook();
    }
}

void Collection::reset_transform() {
    view_.reset();
    if (transformed_) {
        transformed_ = false;
        chain_ = transforms::Call(identity_chain());
        rehook();
    }
}

void Collection::set_viewport(const transforms::Viewport& viewport) {
    viewport_ = viewport;
    rehook();
}

void Collection::reset_viewport() {
    viewport_.reset();
    rehook();
}

void Collection::rehook() {
    program_["transform"] = viewport_ && transformed_ ? (*viewport_)(*chain_) : *chain_;
    generation_ = 0; // linked() re-applies what the collection set on the GL program
}

Collection::~Collection() = default;
Collection::Collection(Collection&&) noexcept = default;
Collection& Collection::operator=(Collection&&) noexcept = default;

std::size_t Collection::shared_capacity() const noexcept { return shared_.shape()[0]; }

void Collection::check_item(std::size_t i, const char* caller) const {
    if (i >= size()) {
        throw IndexError(std::string(caller) + ": item " + std::to_string(i) + " is out of range for a collection of " +
                         std::to_string(size()) + " item" + (size() == 1 ? "" : "s"));
    }
}

void Collection::grow_shared(std::size_t items) {
    if (items <= shared_capacity()) return;
    // Geometric growth, as for the vertices: a new texture (everything is sent once at the
    // next draw), the records copied over.
    const std::size_t row_bytes = shared_width * texel_bytes;
    const std::size_t rows = std::max((items * shared_dtype_.itemsize() + row_bytes - 1) / row_bytes, 2 * texture_.height());
    auto bigger = gloo::Texture2D::zeros({rows, shared_width, 4}, DType::of<float>());
    Array records = shared_records(bigger, shared_dtype_);
    const auto n = static_cast<std::ptrdiff_t>(size());
    if (n) records.view({slice(0, n)}).assign(shared_.view({slice(0, n)}));
    texture_ = std::move(bigger);
    shared_ = std::move(records);
    linked()["u_shared"] = texture_;
}

std::size_t Collection::push(const Array& elements, const Array& record) {
    const std::size_t sizes[] = {elements.shape()[0]};
    return push(elements, sizes, record.reshape({1}));
}

std::size_t Collection::push(const Array& elements, std::span<const std::size_t> sizes, const Array& records) {
    const std::size_t first = size(), n = sizes.size();
    grow_shared(first + n);
    Array numbered = elements;
    auto index = numbered[index_field_].as<std::uint32_t>();
    std::size_t e = 0;
    for (std::size_t k = 0; k < n; ++k) {
        for (std::size_t j = 0; j < sizes[k]; ++j) index[e++] = static_cast<std::uint32_t>(first + k);
    }
    local_.append(numbered, sizes);
    if (n) {
        shared_.view({slice(static_cast<std::ptrdiff_t>(first), static_cast<std::ptrdiff_t>(first + n))}).assign(records);
    }
    attributes_stale_ = true;
    return first;
}

void Collection::replace(std::size_t i, const Array& elements) {
    Array numbered = elements;
    numbered[index_field_].fill(static_cast<std::uint32_t>(i));
    const bool same_size = local_.bounds(i).size() == numbered.shape()[0];
    local_.set(i, numbered);
    if (!same_size) attributes_stale_ = true;
}

void Collection::erase(std::size_t i) {
    check_item(i, "Collection::erase");
    erase(i, i + 1);
}

void Collection::erase(std::size_t first, std::size_t last) {
    const std::size_t n = size();
    if (first > last || last > n) {
        throw IndexError("Collection::erase: items [" + std::to_string(first) + ", " + std::to_string(last) +
                         ") are not a range of a collection of " + std::to_string(n) + " item" + (n == 1 ? "" : "s"));
    }
    if (first == last) return;
    const std::size_t removed = last - first;
    const std::size_t start = local_.bounds(first).start;
    local_.erase(first, last);
    // The moved elements belong to items `removed` lower: renumber them (the same bytes
    // the move dirtied already).
    if (start < local_.count()) {
        Array moved = local_.buffer().view({slice(static_cast<std::ptrdiff_t>(start))})[index_field_];
        moved -= static_cast<std::uint32_t>(removed);
    }
    if (last < n) {
        shared_.view({slice(static_cast<std::ptrdiff_t>(first), static_cast<std::ptrdiff_t>(n - removed))})
            .assign(shared_.view({slice(static_cast<std::ptrdiff_t>(last), static_cast<std::ptrdiff_t>(n))}));
    }
    attributes_stale_ = true;
}

void Collection::clear() {
    local_.clear();
    attributes_stale_ = true;
}

Array Collection::local(std::size_t i) const {
    check_item(i, "Collection::local");
    return local_[i];
}

Array Collection::shared(std::size_t i) const {
    check_item(i, "Collection::shared");
    return shared_.view({i});
}

Array Collection::shared(std::string_view name) const {
    return shared_.view({slice(0, static_cast<std::ptrdiff_t>(size()))})[name];
}

Array Collection::shared_field(std::size_t i, const char* name, const char* caller) const {
    check_item(i, caller);
    if (!shared_dtype_.find_field(name)) {
        throw KeyError(std::string(caller) + ": this collection has no shared field '" + name + "'");
    }
    return shared_.view({i})[name];
}

glm::vec4 Collection::color(std::size_t i) const {
    return shared_field(i, "color", "Collection::color").value<glm::vec4>();
}

void Collection::set_color(std::size_t i, const glm::vec4& rgba) {
    shared_field(i, "color", "Collection::set_color").assign({rgba.r, rgba.g, rgba.b, rgba.a});
}

float Collection::order(std::size_t i) const { return shared_field(i, "order", "Collection::order").value<float>(); }

void Collection::set_order(std::size_t i, float order) {
    Array field = shared_field(i, "order", "Collection::set_order");
    detail::check_order(order, "Collection::set_order");
    field.fill(order);
}

void Collection::set_antialias(double pixels) {
    if (!(pixels > 0.0 && std::isfinite(pixels))) {
        throw ValueError("Collection::set_antialias: " + number(pixels) + " pixels is not positive and finite");
    }
    antialias_ = pixels;
}

void Collection::bind_attributes() {
    gloo::Program& program = linked();
    const Array& all = local_.buffer();
    for (const auto& field : local_.dtype().fields()) {
        Array column = all[field.name];
        if (geometry_ == Geometry::Quads) {
            program[attribute_prefix_ + field.name] = gloo::per_instance(column);
        } else {
            program[attribute_prefix_ + field.name] = column;
        }
    }
    if (geometry_ == Geometry::LineStrips || geometry_ == Geometry::LineLoops) {
        firsts_.resize(size());
        counts_.resize(size());
        for (std::size_t i = 0; i < size(); ++i) {
            const ItemBounds b = local_.bounds(i);
            firsts_[i] = static_cast<int>(b.start);
            counts_[i] = static_cast<int>(b.size());
        }
    }
    attributes_stale_ = false;
}

void Collection::draw() {
    if (local_.count() == 0) return;
    gloo::Program& program = linked();
    if (attributes_stale_) bind_attributes();
    program["u_view"] = view_ ? view_->view() : glm::vec4(1.0f, 1.0f, 0.0f, 0.0f);
    GLint viewport[4] = {0, 0, 0, 0};
    glGetIntegerv(GL_VIEWPORT, viewport);
    program["u_viewport"] = glm::vec2(static_cast<float>(viewport[2]), static_cast<float>(viewport[3]));
    program["u_antialias"] = static_cast<float>(antialias_);
    // A Viewport's window is the GL viewport; its clipping is the scissor box (the pixels
    // whose centres lie inside its rectangle, what glumpy's clipping() keeps).
    std::optional<ScissorState> scissor;
    if (viewport_ && transformed_) {
        if (viewport[2] > 0 && viewport[3] > 0) viewport_->resize(viewport[2], viewport[3]);
        program_.gl(); // hands the viewport's new uniforms over
        if (viewport_->clipping()) scissor.emplace(viewport_->local());
    }
    DrawState state(state_ != State::AsFound, state_ == State::Fill, geometry_ == Geometry::Points);
    switch (geometry_) {
    case Geometry::Quads: program.draw_instanced(gloo::Primitive::TriangleStrip, local_.count(), 0, 4); break;
    case Geometry::Triangles: program.draw(gloo::Primitive::Triangles, 0, local_.count()); break;
    case Geometry::Points: program.draw(gloo::Primitive::Points, 0, local_.count()); break;
    case Geometry::Lines: program.draw(gloo::Primitive::Lines, 0, local_.count()); break;
    case Geometry::LineStrips: program.multi_draw(gloo::Primitive::LineStrip, firsts_, counts_); break;
    case Geometry::LineLoops: program.multi_draw(gloo::Primitive::LineLoop, firsts_, counts_); break;
    }
}

} // namespace glumpp::graphics
