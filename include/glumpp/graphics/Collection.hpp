#pragma once
// Collection: many items of one kind drawn by one draw call, each item still addressable.
//
//   graphics::PathCollection paths;
//   const std::size_t k = paths.append(polyline, {.color = {1, 0, 0, 1}, .width = 4});
//   paths.set_color(k, {0, 0, 1, 1});   // one texel (16 bytes) uploaded at the next draw
//   paths.erase(0);                     // the items after it move down: only they are re-sent
//   paths.draw();                       // one glDrawArraysInstanced for every path
//
// The concrete collections (PointCollection, MarkerCollection, PathCollection,
// SegmentCollection, TriangleCollection, PolygonCollection, and UserCollection for
// collections whose dtype and shaders the user writes) share this base. Data comes
// in glumpy's three scopes:
//  - local: per vertex (triangles) or per instance (points, markers, path segments),
//    in one ItemList (VertexList) whose elements carry an `item` field (a
//    UserCollection's is `collection_index`), the index of the item they belong to;
//  - shared: one record of float32 fields per item (color, width, order...), stored in
//    an RGBA32F texture shared_width (1024) texels wide that the vertex shader reads
//    with texelFetch at `item`. A record takes ceil(size / 16) texels and items follow each other with no
//    padding to a row, so any record size packs densely. glumpy put these in a texture
//    too (a per-vertex copy would multiply every color edit by the item's vertex count);
//    a texture rather than a buffer texture keeps to what gloo already uploads in place;
//  - global: uniforms of the collection's program: u_view (the transform, see PanZoom),
//    u_viewport (taken from the GL viewport at each draw) and u_antialias (pixels); or,
//    after set_transform(Call), any transforms chain in the vertex prologue's
//    `<transform(world)>` hook (the collection's program is a transforms::Program).
//
// What reaches the GPU is what changed. Editing an item's shared data (set_color,
// `shared(i)["width"].fill(2)`) dirties only its texels; editing its local data
// (`local(i)`, set_* of geometry with the same element count) only its elements.
// Structural changes go through ItemList: append sends the new elements and the new
// record, erase re-sends the elements and records that moved (the moved elements'
// `item` fields are renumbered in the same span), and capacity grows geometrically.
// glumpy deleted and re-created every buffer and the texture on any structural change.
//
// Painter's order. Inside one draw, GL blends primitives in the order they are stored, so
// later items cover earlier ones. Across collections (the tiger draws all fills, then all
// strokes) that is not enough: each item has an `order`, written as its depth, and the
// draw tests depth with GL_LEQUAL, so an item covers those of lower order whatever
// collection drew them (glumpy's z per path). Orders are integers in [0, 2^22 - 2]
// (4 steps of a 24-bit depth buffer apart); equal orders fall back to draw order. Order 0
// is the default: without orders (or without a depth buffer) draw order alone decides.
//
// GL state: the built-in collections' draw() turns on blending (straight alpha:
// SRC_ALPHA, ONE_MINUS_SRC_ALPHA) and the depth test (GL_LEQUAL; depth writes off for
// strokes, whose antialiased fringes would otherwise hide the next segment's body), and
// restores what it changed before returning. A UserCollection leaves the state as it
// finds it (see UserCollection.hpp).
//
// Coordinates are world units mapped to window pixels by the transform (y down, origin
// at the top left); without one, world units are pixels. Under a transform chain
// (set_transform(Call)) they are what the chain reads, and its clip coordinates have y
// up, as in glumpy.
//
// A collection compiles its shaders when it is made, so a GL context must be current
// then (and at every draw); it belongs to that context, like its buffers.
//
// style(i) and set_style(i, s) of the built-in collections: StyledCollection.hpp.
//
// Every accessor taking an item number throws IndexError naming it and the size. Views
// (`local(i)`, `shared(i)`) are views of the current storage: take them again after a
// structural change.

#include <glumpp/array/Array.hpp>
#include <glumpp/gloo/Program.hpp>
#include <glumpp/gloo/Texture.hpp>
#include <glumpp/graphics/ItemList.hpp>
#include <glumpp/graphics/PanZoom.hpp>
#include <glumpp/transforms/Program.hpp>
#include <glumpp/transforms/Viewport.hpp>

#include <glm/vec4.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace glumpp::graphics {

class Collection {
public:
    /// Texels per row of the shared texture (RGBA32F, 16 bytes a texel). The GLSL
    /// prologue gets it as SHARED_WIDTH: this is the one place it is written.
    static constexpr std::size_t shared_width = 1024;
    /// The highest order (2^22 - 2); orders are 1 / order_scale apart in NDC depth
    /// (2^-21: 4 steps of a 24-bit depth buffer), ORDER_SCALE in the GLSL prologue.
    static constexpr float max_order = 4194302.0f;
    static constexpr float order_scale = 2097152.0f;

    virtual ~Collection();
    Collection(Collection&&) noexcept;
    Collection& operator=(Collection&&) noexcept;

    /// Number of items.
    std::size_t size() const noexcept { return local_.size(); }
    bool empty() const noexcept { return size() == 0; }

    /// Removes item `i`, or items [first, last): later items move down by as many.
    void erase(std::size_t i);
    void erase(std::size_t first, std::size_t last);
    /// Removes every item (nothing is uploaded; the capacity stays).
    void clear();

    /// Item `i`'s local elements (a tracked view of the vertex buffer).
    Array local(std::size_t i) const;
    /// Item `i`'s shared record: fields "color" (4 floats), "order", and the collection's
    /// own (a tracked view of the texture's array: writes upload only these texels).
    Array shared(std::size_t i) const;
    /// Field `name` of every item's shared record, shape (size(), ...).
    Array shared(std::string_view name) const;

    /// Every built-in collection has a color and an order per item (RGBA, straight
    /// alpha); a UserCollection has them when its shared fields say so (KeyError naming
    /// the function otherwise).
    glm::vec4 color(std::size_t i) const;
    void set_color(std::size_t i, const glm::vec4& rgba);
    float order(std::size_t i) const;
    /// ValueError unless 0 <= order <= max_order (see above).
    void set_order(std::size_t i, float order);

    /// The transform mapping world units to window pixels; copies of a PanZoom share one
    /// state, so the collection follows every later pan and zoom. Without one (or after
    /// reset_transform), world units are pixels. No relink: u_view is a uniform.
    void set_transform(const PanZoom& view);
    /// Any transform chain instead (glumpy's `PointCollection(transform=...)`): the chain
    /// takes the world point as a vec3 (2-D items read z = 0) and gives clip coordinates
    /// (a vec4, as glumpy's `<transform(position)>`), e.g.
    /// `points.set_transform(transforms::Position()(transforms::LogScale()))`.
    /// The collection's shaders then work in window pixels from there, so sizes, widths
    /// and antialiasing stay in pixels (a stroke's width is pixels, not world units, under
    /// a chain); a point the chain puts beyond clip depth (|z| > w) is not drawn (GL clips
    /// glumpy's). Depth is still the item's order. Snippet uniforms set later reach the
    /// collection at its next draw; setting a chain relinks the program at the next draw,
    /// and uniforms set through kept_uniform (UserCollection::uniform) are set again after
    /// it (kept by transforms::Program, the last value of each).
    void set_transform(const transforms::Call& chain);
    void reset_transform();
    /// A Viewport after the chain (glumpy's `<viewport.transform>` of collections): the
    /// chain's clip square is drawn into the viewport's rectangle, and with its clipping on
    /// nothing outside it is drawn (the scissor box, set and restored by draw()). Its window
    /// is taken from GL_VIEWPORT at each draw (Viewport::resize). Only with a chain; relinks.
    void set_viewport(const transforms::Viewport& viewport);
    void reset_viewport();
    /// Width of the antialiased edge, in pixels (1 by default); ValueError unless
    /// positive and finite.
    void set_antialias(double pixels);

    /// One draw call for every item (none when there is nothing to draw).
    void draw();

    /// The storage, for tests and benchmarks: local elements and shared records.
    const VertexList& vertices() const noexcept { return local_; }
    const gloo::Texture2D& shared_texture() const noexcept { return texture_; }
    /// The dtype of one item's shared record (whole texels).
    const DType& shared_dtype() const noexcept { return shared_dtype_; }
    /// Items the shared texture holds before it has to grow.
    std::size_t shared_capacity() const noexcept;

protected:
    /// How the local elements are drawn: the one draw call draw() makes.
    enum class Geometry {
        Triangles,  ///< three vertices per triangle: glDrawArrays(GL_TRIANGLES)
        Quads,      ///< one element per instance, a 4-vertex strip each: glDrawArraysInstanced
        Points,     ///< one vertex per point: glDrawArrays(GL_POINTS), GL_PROGRAM_POINT_SIZE on
        Lines,      ///< two vertices per segment: glDrawArrays(GL_LINES)
        LineStrips, ///< one strip per item: glMultiDrawArrays(GL_LINE_STRIP) over the items' runs
        LineLoops,  ///< one closed strip per item: glMultiDrawArrays(GL_LINE_LOOP)
    };
    /// The GL state draw() sets around its call (and restores after it).
    enum class State {
        Fill,    ///< painter's order: blending, depth test GL_LEQUAL, depth writes
        Stroke,  ///< the same without depth writes
        AsFound, ///< none: the shaders' author decides (UserCollection, as glumpy's)
    };
    /// What a concrete collection is made of.
    struct Layout {
        /// Record dtype of the local elements; it holds a uint32 field `index_field`.
        DType local;
        /// Record dtype of float32 fields (scalars or sub-arrays); its itemsize is a
        /// multiple of 16 (whole texels).
        DType shared;
        /// GLSL bodies without #version: the base prepends the common declarations
        /// (the prologues in Collection.cpp, which UserCollection.hpp documents).
        std::string_view vertex, fragment;
        Geometry geometry = Geometry::Triangles;
        State state = State::Fill;
        /// The local field holding each element's item number (set and renumbered here).
        std::string_view index_field = "item";
        /// Local field `f` feeds the vertex shader's attribute `attribute_prefix + f`.
        std::string_view attribute_prefix = "a_";
    };
    explicit Collection(const Layout& layout);

    /// Appends an item made of `elements` (local records; their index field is set here)
    /// and `record` (one shared record, shape ()). Returns the item's number.
    std::size_t push(const Array& elements, const Array& record);
    /// Appends sizes.size() items at once: `elements` holds them end to end, sizes[k]
    /// of them for item k, and `records` their shared records, shape (sizes.size(),).
    /// One append of the elements (ItemList), one write of the records. Returns the
    /// first new item's number.
    std::size_t push(const Array& elements, std::span<const std::size_t> sizes, const Array& records);
    /// Replaces item `i`'s elements (their index field is set here).
    void replace(std::size_t i, const Array& elements);
    /// The IndexError for item `i`, naming `caller`.
    void check_item(std::size_t i, const char* caller) const;
    /// The collection's GL program, to read (linked first if the chain changed). Values
    /// assigned on it directly are lost at the next relink: assign through kept_uniform.
    gloo::Program& program() { return linked(); }
    /// A uniform of the collection's own shaders, through transforms::Program: assigned to
    /// the GL program now if it is linked (gloo's errors thrown now), and kept and assigned
    /// again after every relink (set_transform(Call), reset_transform, set_viewport), so a
    /// change of chain does not silently drop it.
    transforms::Program::Variable kept_uniform(std::string_view name) { return program_[name]; }

private:
    gloo::Program& linked();
    void rehook();
    void grow_shared(std::size_t items);
    void bind_attributes();
    /// Field `name` of item i's shared record; KeyError naming `caller` when the record
    /// has no such field.
    Array shared_field(std::size_t i, const char* name, const char* caller) const;

    VertexList local_;
    DType shared_dtype_;
    Array shared_;             ///< (capacity,) records over the texture's storage
    gloo::Texture2D texture_;  ///< (rows, shared_width, 4) float32
    transforms::Program program_; ///< the sources with the `<transform(world)>` hook (vertex prologue)
    std::optional<transforms::Call> chain_;
    std::optional<transforms::Viewport> viewport_;
    bool transformed_ = false;
    std::size_t generation_ = 0; ///< program_.generations() when u_shared etc. were last set
    Geometry geometry_;
    State state_;
    std::string index_field_;
    std::string attribute_prefix_;
    bool attributes_stale_ = true;
    std::vector<int> firsts_, counts_; ///< LineStrips, LineLoops: every item's run, rebuilt with the attributes
    std::optional<PanZoom> view_;
    double antialias_ = 1.0;
};

} // namespace glumpp::graphics
