#include <glumpp/graphics/UserCollection.hpp>

#include <glumpp/Error.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <numeric>
#include <set>
#include <string>

namespace glumpp::graphics {

namespace {

constexpr const char* index_field = "collection_index";

// glumpy's raw shaders, on this project's coordinates (world units mapped by the
// transform to pixels, y down; see UserCollection.hpp).
const char* const raw_vertex_shader = R"(
out vec4 v_color;
void main() {
    fetch_uniforms();
    v_color = color;
    gl_Position = to_clip(to_pixels(position.xy), 0.0);
#ifdef RAW_POINTS
    gl_PointSize = size;
#endif
}
)";

const char* const raw_fragment_shader = R"(
in vec4 v_color;
out vec4 frag_color;
void main() { frag_color = v_color; }
)";

std::string shape_text(const std::vector<std::size_t>& shape) {
    std::string out = "(";
    for (std::size_t k = 0; k < shape.size(); ++k) out += (k ? ", " : "") + std::to_string(shape[k]);
    return out + (shape.size() == 1 ? ",)" : ")");
}

/// Components of a float32/int32/uint32 field of 1 to 4 of them, and its GLSL type; 0 and
/// "" when it has none.
std::pair<std::size_t, std::string> glsl_type(const DType& d) {
    const DType& scalar = d.is_subarray() ? d.base() : d;
    if (!scalar.is_scalar() || scalar.itemsize() != 4 || !scalar.is_native()) return {0, ""};
    std::size_t n = 1;
    if (d.is_subarray()) {
        if (d.subshape().size() != 1) return {0, ""};
        n = d.subshape()[0];
    }
    if (n < 1 || n > 4) return {0, ""};
    std::string one, vec;
    switch (scalar.scalar_kind()) {
    case ScalarKind::Float: one = "float", vec = "vec"; break;
    case ScalarKind::Int: one = "int", vec = "ivec"; break;
    case ScalarKind::UInt: one = "uint", vec = "uvec"; break;
    default: return {0, ""};
    }
    return {n, n == 1 ? one : vec + std::to_string(n)};
}

/// True when `name` appears in `text` as a whole identifier.
bool mentions(const std::string& text, std::string_view name) {
    auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
        const bool before = at > 0 && ident(text[at - 1]);
        const bool after = at + name.size() < text.size() && ident(text[at + name.size()]);
        if (!before && !after) return true;
    }
    return false;
}

std::string names_of(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? "none" : out;
}

} // namespace

struct UserCollection::Built {
    DType local, shared;
    std::string vertex, fragment;
    Geometry geometry;
    bool size_uniform = false; ///< raw points without a size field: `uniform float size`

    Layout layout() const {
        return {.local = local,
                .shared = shared,
                .vertex = vertex,
                .fragment = fragment,
                .geometry = geometry,
                .state = State::AsFound,
                .index_field = index_field,
                .attribute_prefix = ""};
    }
};

UserCollection::Built UserCollection::build(const Spec& spec) {
    const char* caller = "UserCollection";
    const std::string c = caller;
    if (!spec.vertex.is_record() || spec.vertex.fields().empty()) {
        throw TypeError(c + ": vertex dtype " + spec.vertex.name() +
                        " is not a record of named fields (e.g. [('position', '<f4', (3,))])");
    }
    Built b;
    std::string declarations = "in uint collection_index;\n";
    std::set<std::string> names;
    auto check_name = [&](const std::string& name, const char* what) {
        if (name == index_field) {
            throw ValueError(c + ": " + what + " 'collection_index' is reserved (the item number the collection writes)");
        }
        if (name.empty()) throw ValueError(c + ": a " + what + " has an empty name");
        if (!names.insert(name).second) throw ValueError(c + ": field '" + name + "' is named twice");
    };

    // Local: the user's fields where they are, then the item number (4-byte aligned).
    std::vector<DType::Field> local = spec.vertex.fields();
    for (const auto& f : local) {
        check_name(f.name, "vertex field");
        const auto [n, type] = glsl_type(f.dtype);
        if (!n) {
            throw TypeError(c + ": vertex field '" + f.name + "' of dtype " + f.dtype.name() +
                            " has no GLSL input type (float32, int32 or uint32, 1 to 4 components)");
        }
        declarations += "in " + type + " " + f.name + ";\n";
    }
    const std::size_t index_at = (spec.vertex.itemsize() + 3) / 4 * 4;
    local.push_back({index_field, DType::of<std::uint32_t>(), index_at});
    b.local = DType::record_at(local, index_at + 4, 4);

    // Shared: float32 fields packed in order, padded to whole texels.
    std::vector<DType::Field> shared;
    std::string fetch = "void fetch_uniforms() {\n"
                        "    float f[4 * SHARED_TEXELS];\n"
                        "    for (int k = 0; k < SHARED_TEXELS; ++k) {\n"
                        "        vec4 t = shared_texel(collection_index, k);\n"
                        "        f[4 * k] = t.x; f[4 * k + 1] = t.y; f[4 * k + 2] = t.z; f[4 * k + 3] = t.w;\n"
                        "    }\n";
    std::size_t floats = 0;
    for (const auto& f : spec.shared) {
        check_name(f.name, "shared field");
        const std::size_t n = f.defaults.size();
        if (n < 1 || n > 4) {
            throw ValueError(c + ": shared field '" + f.name + "' has " + std::to_string(n) +
                             " default values (1 to 4 float32 components)");
        }
        const DType d = n == 1 ? DType::of<float>() : DType::subarray(DType::of<float>(), {n});
        shared.push_back({f.name, d, floats * 4});
        const std::string type = n == 1 ? "float" : "vec" + std::to_string(n);
        declarations += type + " " + f.name + ";\n";
        fetch += "    " + f.name + " = " + type + "(";
        for (std::size_t k = 0; k < n; ++k) fetch += (k ? ", f[" : "f[") + std::to_string(floats + k) + "]";
        fetch += ");\n";
        floats += n;
    }
    fetch += "}\n";
    b.shared = DType::record_at(shared, std::max<std::size_t>(1, (floats + 3) / 4) * 16, 4);

    switch (spec.mode) {
    case Mode::Points: b.geometry = Geometry::Points; break;
    case Mode::LineStrips: b.geometry = Geometry::LineStrips; break;
    case Mode::LineLoops: b.geometry = Geometry::LineLoops; break;
    case Mode::Lines: b.geometry = Geometry::Lines; break;
    case Mode::Triangles: b.geometry = Geometry::Triangles; break;
    }

    // The raw shaders' fields.
    std::string vertex_body = spec.vertex_shader;
    if (vertex_body.empty()) {
        auto float_field = [&](const char* name) -> std::size_t {
            for (const auto& f : spec.vertex.fields()) {
                if (f.name == name && (f.dtype.is_subarray() ? f.dtype.base() : f.dtype) == DType::of<float>()) {
                    return glsl_type(f.dtype).first;
                }
            }
            for (const auto& f : spec.shared) {
                if (f.name == name) return f.defaults.size();
            }
            return 0;
        };
        const std::size_t position = spec.vertex.find_field("position") ? float_field("position") : 0;
        if (position != 2 && position != 3) {
            throw KeyError(c + ": the raw shaders need a vertex field 'position' of 2 or 3 float32; the vertex dtype is " +
                           spec.vertex.descr());
        }
        if (float_field("color") != 4) {
            throw KeyError(c + ": the raw shaders need a vertex or shared field 'color' of 4 float32");
        }
        if (spec.mode == Mode::Points) {
            const std::size_t size = float_field("size");
            if (size > 1) throw KeyError(c + ": the raw points' field 'size' has " + std::to_string(size) + " components, not 1");
            b.size_uniform = size == 0;
            if (b.size_uniform) declarations += "uniform float size;\n";
            vertex_body = std::string("#define RAW_POINTS\n") + raw_vertex_shader;
        } else {
            vertex_body = raw_vertex_shader;
        }
    }
    b.vertex = declarations + fetch + vertex_body;
    b.fragment = spec.fragment_shader.empty() ? raw_fragment_shader : spec.fragment_shader;
    return b;
}

UserCollection::UserCollection(Spec spec) : UserCollection(std::move(spec), build(spec)) {}

UserCollection::UserCollection(Spec&& spec, Built&& built)
    : Collection(built.layout()),
      mode_(spec.mode),
      vertex_(spec.vertex),
      shared_fields_(std::move(spec.shared)),
      sources_(spec.vertex_shader + "\n" + spec.fragment_shader) {
    if (built.size_uniform) kept_uniform("size") = 3.0f; // glumpy's raw points: size 3
}

Array UserCollection::converted(const Array& vertices, std::span<const std::size_t> sizes, const char* caller) const {
    const std::string c = caller;
    const std::size_t total = std::accumulate(sizes.begin(), sizes.end(), std::size_t{0});
    if (vertices.ndim() == 0) throw ShapeError(c + ": vertices of shape () are not a sequence of vertices");
    if (vertices.shape()[0] != total) {
        throw ValueError(c + ": the item sizes add up to " + std::to_string(total) + " vertices but there are " +
                         std::to_string(vertices.shape()[0]));
    }
    const std::size_t per = mode_ == Mode::Lines ? 2 : mode_ == Mode::Triangles ? 3 : 1;
    for (std::size_t k = 0; k < sizes.size(); ++k) {
        if (sizes[k] % per) {
            throw ValueError(c + ": an item of " + std::to_string(sizes[k]) + " vertices is not whole " +
                             (per == 2 ? "segments (2 vertices each)" : "triangles (3 vertices each)"));
        }
    }
    Array out = Array::zeros({total}, Collection::vertices().dtype());
    auto fit = [&](const Array& from, const std::string& field, const char* what) {
        Array to = out[field];
        if (from.shape() != to.shape()) {
            throw ShapeError(c + ": " + what + " '" + field + "' has shape " + shape_text(from.shape()) + " where " +
                             shape_text(to.shape()) + " is needed");
        }
        to.assign(from);
    };
    if (vertices.dtype().is_record()) {
        if (vertices.ndim() != 1) throw ShapeError(c + ": records of shape " + shape_text(vertices.shape()) + " are not one-dimensional");
        for (const auto& f : vertices.dtype().fields()) {
            if (!vertex_.find_field(f.name)) {
                throw KeyError(c + ": the vertices' field '" + f.name + "' is not in the vertex dtype " + vertex_.descr());
            }
        }
        for (const auto& f : vertex_.fields()) {
            if (!vertices.dtype().find_field(f.name)) {
                throw KeyError(c + ": the vertices have no field '" + f.name + "' (the vertex dtype is " + vertex_.descr() + ")");
            }
        }
        for (const auto& f : vertex_.fields()) fit(vertices[f.name], f.name, "the vertices' field");
    } else {
        fit(vertices, vertex_.fields().front().name, "plain vertices for the first field");
    }
    return out;
}

std::size_t UserCollection::append(const Array& vertices, std::size_t itemsize, const SharedValues& shared) {
    const std::size_t n = vertices.ndim() ? vertices.shape()[0] : 0;
    if (itemsize == 0) {
        const std::size_t one[] = {n};
        return append(vertices, one, shared);
    }
    if (n % itemsize) {
        throw ValueError("UserCollection::append: " + std::to_string(n) + " vertices do not split into items of " +
                         std::to_string(itemsize));
    }
    const std::vector<std::size_t> sizes(n / itemsize, itemsize);
    return append(vertices, sizes, shared);
}

std::size_t UserCollection::append(const Array& vertices, std::span<const std::size_t> sizes, const SharedValues& shared) {
    const char* caller = "UserCollection::append";
    const Array elements = converted(vertices, sizes, caller);
    Array records = Array::zeros({sizes.size()}, shared_dtype());
    for (const auto& f : shared_fields_) records[f.name].assign(Array::from(f.defaults));
    for (const auto& [name, values] : shared) {
        const auto f = std::find_if(shared_fields_.begin(), shared_fields_.end(), [&](const SharedField& s) { return s.name == name; });
        if (f == shared_fields_.end()) {
            std::vector<std::string> known;
            for (const auto& s : shared_fields_) known.push_back(s.name);
            throw KeyError(std::string(caller) + ": no shared field '" + name + "' (shared fields: " + names_of(known) + ")");
        }
        if (values.size() != f->defaults.size()) {
            throw ValueError(std::string(caller) + ": shared field '" + name + "' takes " + std::to_string(f->defaults.size()) +
                             " values, not " + std::to_string(values.size()));
        }
        records[name].assign(Array::from(values));
    }
    return push(elements, sizes, records);
}

void UserCollection::set(std::size_t i, const Array& vertices) {
    check_item(i, "UserCollection::set");
    const std::size_t one[] = {vertices.ndim() ? vertices.shape()[0] : 0};
    replace(i, converted(vertices, one, "UserCollection::set"));
}

Array UserCollection::operator[](std::string_view name) const {
    if (vertex_.find_field(name)) return vertices()[name];
    for (const auto& f : shared_fields_) {
        if (f.name == name) return shared(name);
    }
    std::vector<std::string> local, shared;
    for (const auto& f : vertex_.fields()) local.push_back(f.name);
    for (const auto& f : shared_fields_) shared.push_back(f.name);
    throw KeyError("UserCollection::operator[]: no field '" + std::string(name) + "' (vertex fields: " + names_of(local) +
                   "; shared fields: " + names_of(shared) + ")");
}

transforms::Program::Variable UserCollection::uniform(std::string_view name) {
    for (const auto& u : program().uniforms()) {
        if (u.name == name) return kept_uniform(name);
    }
    if (mentions(sources_, name)) return kept_uniform(name);
    std::vector<std::string> known;
    for (const auto& u : program().uniforms()) {
        if (!u.name.starts_with("u_")) known.push_back(u.name);
    }
    throw KeyError("UserCollection::uniform: no uniform '" + std::string(name) + "' in the shaders (their uniforms: " +
                   names_of(known) + ")");
}

} // namespace glumpp::graphics
