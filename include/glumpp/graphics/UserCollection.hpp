#pragma once
// UserCollection: a collection whose vertex dtype, per-item fields and shaders you write
// (glumpy's Collection with user_dtype, and its raw point, path, segment and triangle
// collections).
//
//   graphics::UserCollection lines({
//       .mode = graphics::UserCollection::Mode::LineStrips,
//       .vertex = DType::parse("[('position', '<f4', (3,))]"),
//       .shared = {{"color", {0, 0, 0, 1}}, {"amplitude", {1}}},
//       .vertex_shader = R"(
//           uniform float rows;
//           out vec4 v_color;
//           void main() {
//               fetch_uniforms();                        // the item's shared fields
//               v_color = color;
//               float row = floor(float(collection_index) / 20.0);
//               gl_Position = vec4(position.x, amplitude * position.y / rows + row / rows, 0, 1);
//           })",
//       .fragment_shader = R"(
//           in vec4 v_color;
//           out vec4 frag_color;
//           void main() { frag_color = v_color; })"});
//   lines.append(xyz, 1000);                  // (n * 1000, 3) floats: n items of 1000 vertices
//   lines.uniform("rows") = 16.0f;            // glumpy's lines["rows"] = 16
//   lines["amplitude"].view({3}).fill(0.5f);  // item 3's texel, 16 bytes at the next draw
//   lines["position"];                        // every vertex's position, shape (count, 3)
//   lines.draw();                             // one glMultiDrawArrays: a strip per item
//
// Data comes in glumpy's three scopes, as for every collection (Collection.hpp):
//  - local: the fields of `vertex` (a record dtype), one record per vertex, stored end to
//    end in one vertex buffer. A field of float32, int32 or uint32 with 1 to 4 components
//    becomes the vertex shader input of the same name (float/vec2..4, int/ivec, uint/uvec).
//  - shared: `shared` lists float32 fields of 1 to 4 components with their defaults. Each
//    item has one record of them, packed in that order with no padding between fields
//    (a vec4 may straddle two texels) and padded to whole texels, in the collection's
//    RGBA32F texture. fetch_uniforms() reads them at the item's number into globals of
//    the same names (float, vec2..4). Writing one item's field uploads only its texels.
//  - global: uniforms you declare in your GLSL, set with uniform(name) and uploaded at
//    the next draw when they changed.
//
// What your vertex shader gets before its first line (do not write #version):
//    #version 330 core
//    #define SHARED_TEXELS n, SHARED_WIDTH 1024, ORDER_SCALE 2097152.0
//    uniform sampler2D u_shared;   uniform vec4 u_view;   uniform vec2 u_viewport;
//    uniform float u_antialias;   uniform int u_transformed;
//    vec4 shared_texel(uint item, int k);   // texel k of an item's shared record
//    vec2 to_pixels(vec2 world);            // the transform (set_transform), y down
//    vec2 to_pixels(vec3 world);            // the same for 3-D points (a chain reads z)
//    (the prologue holds the hook <transform(world)>, filled by set_transform(Call);
//    a GLSL `a < b > c` in your code would read as a hook: Program.hpp)
//    vec4 to_clip(vec2 pixel, float order); // window pixels to clip space, depth by order
//    in uint collection_index;              // the vertex's item number (glumpy's name)
//    in <type> <field>;                     // each local field
//    <type> <field>;                        // each shared field, filled by:
//    void fetch_uniforms();                 // glumpy's name: call it first in main()
// Your fragment shader gets #version 330 core, u_antialias and
// `float coverage(float sd)` (the antialiasing ramp of the built-in collections). Write
// your own `out vec4` color. Varyings are yours to declare on both sides (glumpy does not
// forward shared fields to the fragment shader either).
//
// Modes, and the one GL draw call draw() makes for all items:
//    Points       glDrawArrays(GL_POINTS), with GL_PROGRAM_POINT_SIZE on for the call
//                 so that gl_PointSize counts
//    LineStrips   glMultiDrawArrays(GL_LINE_STRIP): each item its own strip. glumpy drew
//                 one strip through every item and hid the joins with two transparent
//                 duplicate vertices per item (which needed blending); here nothing joins
//                 items and no vertex is added.
//    LineLoops    glMultiDrawArrays(GL_LINE_LOOP): each item a closed strip (glumpy's
//                 raw paths with closed=True, without the repeated first vertex)
//    Lines        glDrawArrays(GL_LINES): two vertices per segment
//    Triangles    glDrawArrays(GL_TRIANGLES): three vertices per triangle (unrolled, see
//                 TriangleCollection.hpp for why no index buffer)
// Before it, draw() sets u_view, u_viewport (from GL_VIEWPORT) and u_antialias, uploads
// what changed, and binds the attributes again after a structural change. It sets no
// blending, depth or culling state: like glumpy's collections, a UserCollection draws
// with the state it finds, because its shaders decide what their colors and depths mean.
//
// Raw collections: leave `vertex_shader` (and `fragment_shader`) empty for glumpy's raw
// shaders: they need a local float32 `position` of 2 or 3 components (world units, x and
// y used, mapped like every collection: pixels by default, y down) and a `color` of 4
// (local or shared), and for Points a `size` in pixels (local, shared, or else a uniform
// `size` of 3, glumpy's default). The default fragment shader writes the vertex shader's
// `out vec4 v_color`, so a vertex shader of yours may use it too.
//
// Errors are typed and name the function and the values: a dtype that is not a record or
// has a field without a GLSL type, a field named collection_index or named twice, shared
// defaults of 0 or more than 4 values (ValueError, TypeError); unknown field or uniform
// names (KeyError); vertices that do not have the vertex dtype's fields or shapes
// (KeyError, ShapeError), or whose count does not split into the mode's items
// (ValueError). A throwing call changes nothing.

#include <glumpp/graphics/Collection.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace glumpp::graphics {

class UserCollection : public Collection {
public:
    enum class Mode { Points, LineStrips, LineLoops, Lines, Triangles };

    /// A per-item float32 field and its default value (1 to 4 numbers).
    struct SharedField {
        std::string name;
        std::vector<float> defaults;
    };

    struct Spec {
        Mode mode = Mode::LineStrips;
        DType vertex;                     ///< a record dtype: the local fields
        std::vector<SharedField> shared;  ///< the per-item fields, in texture order
        std::string vertex_shader;        ///< GLSL body (see above); empty: the raw shader
        std::string fragment_shader;      ///< GLSL body; empty: the raw shader
    };

    /// Compiles the shaders (a GL context must be current): ShaderError quoting the lines
    /// of the full source (prologue included) that fail.
    explicit UserCollection(Spec spec);

    /// Values for some shared fields of the items an append adds (the others take their
    /// defaults): {{"color", {1, 0, 0, 1}}, {"amplitude", {0.5}}}.
    using SharedValues = std::vector<std::pair<std::string, std::vector<float>>>;

    /// Appends vertices.shape()[0] / itemsize items of `itemsize` vertices each (0: one
    /// item of all of them). `vertices` is a record array with the vertex dtype's fields
    /// (converted field by field, as NumPy's astype), or a plain array for the first field
    /// alone, shape (n, components...) (the other fields are then 0). Returns the first
    /// new item's number. Uploads, at the next draw: the new vertices and records only
    /// (everything once when the storage grows).
    std::size_t append(const Array& vertices, std::size_t itemsize = 0, const SharedValues& shared = {});
    /// Items of different sizes: sizes[k] vertices for the k-th new item.
    std::size_t append(const Array& vertices, std::span<const std::size_t> sizes, const SharedValues& shared = {});
    /// Replaces item `i`'s vertices (in place when the count is the same), keeping its
    /// shared record.
    void set(std::size_t i, const Array& vertices);

    /// Field `name` over everything: a local field over every vertex, shape (count, ...)
    /// (glumpy's lines["position"]), or a shared field over every item, shape (size(), ...)
    /// (lines["amplitude"]). Tracked views of the current storage: writes upload only the
    /// bytes or texels they touch; take them again after a structural change.
    Array operator[](std::string_view name) const;
    /// A uniform of your shaders, to assign: `lines.uniform("rows") = 16.0f`. KeyError for
    /// a name your sources do not contain (a name the compiler dropped is accepted and
    /// ignored, as gloo::Program does). The value is kept and assigned again after a relink
    /// (set_transform(Call), set_viewport: Collection::kept_uniform).
    transforms::Program::Variable uniform(std::string_view name);

    Mode mode() const noexcept { return mode_; }
    /// The vertex dtype as given (without collection_index).
    const DType& vertex_dtype() const noexcept { return vertex_; }

private:
    struct Built; ///< the checked spec as the base's Layout, with the generated sources
    static Built build(const Spec& spec);
    UserCollection(Spec&& spec, Built&& built);
    /// `vertices` as local records (collection_index 0), checked against the mode's
    /// vertex counts per item; nothing changes when it throws.
    Array converted(const Array& vertices, std::span<const std::size_t> sizes, const char* caller) const;

    Mode mode_;
    DType vertex_;
    std::vector<SharedField> shared_fields_;
    std::string sources_; ///< the user's GLSL, to tell a dropped uniform from a typo
};

} // namespace glumpp::graphics
