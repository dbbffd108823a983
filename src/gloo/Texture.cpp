#include "TextureObject.hpp"

#include <algorithm>

namespace glumpp::gloo {

namespace detail {

namespace {

GLenum gl_filter(Interpolation i) { return i == Interpolation::Linear ? GL_LINEAR : GL_NEAREST; }

GLenum gl_wrap(Wrapping w) {
    switch (w) {
    case Wrapping::ClampToEdge: return GL_CLAMP_TO_EDGE;
    case Wrapping::ClampToBorder: return GL_CLAMP_TO_BORDER;
    case Wrapping::Repeat: return GL_REPEAT;
    case Wrapping::MirroredRepeat: return GL_MIRRORED_REPEAT;
    }
    return GL_CLAMP_TO_EDGE;
}

GLenum gl_compare(DepthCompare c) {
    switch (c) {
    case DepthCompare::Less: return GL_LESS;
    case DepthCompare::LessEqual: return GL_LEQUAL;
    case DepthCompare::Greater: return GL_GREATER;
    case DepthCompare::GreaterEqual: return GL_GEQUAL;
    case DepthCompare::Equal: return GL_EQUAL;
    case DepthCompare::NotEqual: return GL_NOTEQUAL;
    case DepthCompare::Always: return GL_ALWAYS;
    case DepthCompare::Never: return GL_NEVER;
    case DepthCompare::Off: break;
    }
    return GL_LEQUAL;
}

std::string extent_str(const TexelGrid& g) {
    std::string s = std::to_string(g.width);
    if (g.target != GL_TEXTURE_1D) s += "x" + std::to_string(g.height);
    if (g.target == GL_TEXTURE_3D) s += "x" + std::to_string(g.depth);
    return s;
}

} // namespace

TextureObject::TextureObject(std::shared_ptr<Storage> storage, TexelGrid grid, TexelFormat format)
    : GpuObject(std::move(storage)), grid_(grid), format_(std::move(format)), sync_caller_(std::string(grid_.kind) + "::sync") {}

SampledKind TextureObject::sampled_kind() const {
    return format_.depth && compare_ != DepthCompare::Off ? SampledKind::Depth : format_.sampled;
}

void TextureObject::require_own_context(const char* caller) const {
    if (name_ && (current_state() != owner_ || !name_.owner())) {
        throw ContextError(std::string(caller) + ": this " + grid_.kind +
                           " belongs to another GL context; make one texture per context over the same array (gloo::" +
                           grid_.kind + "::over(array)) to use it there");
    }
}

std::size_t TextureObject::clip(std::span<const ByteRange> dirty) {
    // Only this texture's bytes count, relative to texel 0: the storage may hold more (a
    // texture over a slab of a bigger array). A GPU-only texture has none: its placeholder
    // storage is never written (its tracker only holds the range every new tracker starts
    // with).
    std::size_t n = 0;
    local_.clear();
    if (grid_.gpu_only) return 0;
    const std::size_t lo = grid_.offset, hi = lo + grid_.nbytes();
    for (const ByteRange& r : dirty) {
        const std::size_t a = std::max(r.start, lo), b = std::min(r.stop, hi);
        if (a < b) {
            local_.push_back({a - lo, b - lo});
            n += b - a;
        }
    }
    return n;
}

void TextureObject::create(ContextState& ctx, std::span<const ByteRange> dirty, UploadStats& done, const char* caller) {
    done.bytes_dirty = clip(dirty);
    allocate(ctx, caller);
    if (grid_.gpu_only) return; // nothing sent
    done.calls = grid_.faces;
    done.bytes_sent = grid_.nbytes();
    done.gap_bytes = done.bytes_sent - done.bytes_dirty;
    done.whole_sends = 1;
}

void TextureObject::update(ContextState& ctx, std::span<const ByteRange> dirty, UploadStats& done, const char*) {
    done.bytes_dirty = clip(dirty);
    if (!parameters_changed_ && local_.empty()) return;
    glBindTexture(grid_.target, name_.get());
    if (parameters_changed_) apply_parameters();
    if (local_.empty()) return;
    // Boxes read their rows in place from the CPU array: the GL steps W texels from one row
    // to the next (and H rows between slices), starting at the box's first texel; the
    // pointer offset plays GL_UNPACK_SKIP_*'s part.
    glPixelStorei(GL_UNPACK_ROW_LENGTH, static_cast<GLint>(grid_.width));
    if (grid_.target == GL_TEXTURE_3D) glPixelStorei(GL_UNPACK_IMAGE_HEIGHT, static_cast<GLint>(grid_.height));
    const std::byte* base = storage()->data() + grid_.offset;
    std::size_t whole_faces = 0;
    for (std::size_t f = 0; f < grid_.faces; ++f) {
        std::span<const ByteRange> ranges = local_;
        if (grid_.faces > 1) { // a call never spans faces: plan each on its own
            const std::size_t flo = f * grid_.face_bytes(), fhi = flo + grid_.face_bytes();
            face_.clear();
            for (const ByteRange& r : local_) {
                const std::size_t a = std::max(r.start, flo), b = std::min(r.stop, fhi);
                if (a < b) face_.push_back({a - flo, b - flo});
            }
            ranges = face_;
        }
        if (ranges.empty()) continue;
        plan_texture_upload(ranges, grid_.width, grid_.height, grid_.depth, grid_.texel_size, ctx.costs, plan_);
        const GLenum target = grid_.faces > 1 ? GLenum(GL_TEXTURE_CUBE_MAP_POSITIVE_X + f) : grid_.target;
        upload(ctx, target, base + f * grid_.face_bytes(), plan_);
        done.calls += plan_.boxes.size();
        done.bytes_sent += plan_.sent_bytes;
        whole_faces += plan_.whole ? 1 : 0;
    }
    done.gap_bytes = done.bytes_sent - done.bytes_dirty;
    done.whole_sends = whole_faces == grid_.faces ? 1 : 0;
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    if (grid_.target == GL_TEXTURE_3D) glPixelStorei(GL_UNPACK_IMAGE_HEIGHT, 0);
    // No glGetError: it costs as much as a small upload, every frame (as buffers).
}

void TextureObject::allocate(ContextState& ctx, const char* caller) {
    const GLenum limit_name = grid_.target == GL_TEXTURE_3D         ? GL_MAX_3D_TEXTURE_SIZE
                              : grid_.target == GL_TEXTURE_CUBE_MAP ? GL_MAX_CUBE_MAP_TEXTURE_SIZE
                                                                    : GL_MAX_TEXTURE_SIZE;
    GLint limit = 0;
    glGetIntegerv(limit_name, &limit);
    if (std::max({grid_.width, grid_.height, grid_.depth}) > static_cast<std::size_t>(limit)) {
        throw ValueError(std::string(caller) + ": a " + extent_str(grid_) + " " + grid_.kind + " is larger than " +
                         (limit_name == GL_MAX_3D_TEXTURE_SIZE         ? "GL_MAX_3D_TEXTURE_SIZE"
                          : limit_name == GL_MAX_CUBE_MAP_TEXTURE_SIZE ? "GL_MAX_CUBE_MAP_TEXTURE_SIZE"
                                                                       : "GL_MAX_TEXTURE_SIZE") +
                         " (" + std::to_string(limit) + ") of " + ctx.renderer);
    }
    GLuint n = 0;
    glGenTextures(1, &n);
    GLName name(GLName::Kind::Texture, n, ctx); // deletes the texture if anything below throws
    glBindTexture(grid_.target, n);
    glTexParameteri(grid_.target, GL_TEXTURE_MAX_LEVEL, 0); // level 0 only: complete without mipmaps
    apply_parameters();
    // GPU-only: a null pointer allocates the texels and sends none (GL leaves them undefined).
    const std::byte* data = grid_.gpu_only ? nullptr : storage()->data() + grid_.offset;
    const auto w = static_cast<GLsizei>(grid_.width), h = static_cast<GLsizei>(grid_.height),
               d = static_cast<GLsizei>(grid_.depth);
    const auto internal = static_cast<GLint>(format_.internal);
    switch (grid_.target) {
    case GL_TEXTURE_1D: glTexImage1D(GL_TEXTURE_1D, 0, internal, w, 0, format_.format, format_.type, data); break;
    case GL_TEXTURE_2D: glTexImage2D(GL_TEXTURE_2D, 0, internal, w, h, 0, format_.format, format_.type, data); break;
    case GL_TEXTURE_3D: glTexImage3D(GL_TEXTURE_3D, 0, internal, w, h, d, 0, format_.format, format_.type, data); break;
    default:
        for (std::size_t f = 0; f < 6; ++f) {
            glTexImage2D(GLenum(GL_TEXTURE_CUBE_MAP_POSITIVE_X + f), 0, internal, w, h, 0, format_.format, format_.type,
                         data + f * grid_.face_bytes());
        }
    }
    check_gl(caller);
    name_ = std::move(name);
    owner_ = &ctx;
    if (ctx.log.enabled()) {
        for (std::size_t f = 0; f < grid_.faces; ++f) {
            const GLenum target = grid_.faces > 1 ? GLenum(GL_TEXTURE_CUBE_MAP_POSITIVE_X + f) : grid_.target;
            ctx.log.record({UploadCall::Kind::TexImage, target, n, 0, data ? grid_.face_bytes() : 0, 0, 0, 0,
                            grid_.width, grid_.height, grid_.depth});
        }
    }
}

void TextureObject::apply_parameters() {
    const GLenum t = grid_.target;
    glTexParameteri(t, GL_TEXTURE_MIN_FILTER, static_cast<GLint>(gl_filter(min_)));
    glTexParameteri(t, GL_TEXTURE_MAG_FILTER, static_cast<GLint>(gl_filter(mag_)));
    // Every target takes all three (those it lacks are ignored).
    glTexParameteri(t, GL_TEXTURE_WRAP_S, static_cast<GLint>(gl_wrap(wrap_[0])));
    glTexParameteri(t, GL_TEXTURE_WRAP_T, static_cast<GLint>(gl_wrap(wrap_[1])));
    glTexParameteri(t, GL_TEXTURE_WRAP_R, static_cast<GLint>(gl_wrap(wrap_[2])));
    if (format_.depth) {
        glTexParameteri(t, GL_TEXTURE_COMPARE_MODE, compare_ == DepthCompare::Off ? GL_NONE : GL_COMPARE_REF_TO_TEXTURE);
        if (compare_ != DepthCompare::Off) glTexParameteri(t, GL_TEXTURE_COMPARE_FUNC, static_cast<GLint>(gl_compare(compare_)));
    }
    parameters_changed_ = false;
}

void TextureObject::upload(ContextState& ctx, GLenum target, const std::byte* base, const TexturePlan& plan) {
    const std::size_t W = grid_.width, H = grid_.height, T = grid_.texel_size;
    for (const TexelBox& b : plan.boxes) {
        const std::byte* p = base + ((b.z * H + b.y) * W + b.x) * T;
        const auto x = static_cast<GLint>(b.x), y = static_cast<GLint>(b.y), z = static_cast<GLint>(b.z);
        const auto w = static_cast<GLsizei>(b.width), h = static_cast<GLsizei>(b.height), d = static_cast<GLsizei>(b.depth);
        switch (grid_.target) {
        case GL_TEXTURE_1D: glTexSubImage1D(target, 0, x, w, format_.format, format_.type, p); break;
        case GL_TEXTURE_3D: glTexSubImage3D(target, 0, x, y, z, w, h, d, format_.format, format_.type, p); break;
        default: glTexSubImage2D(target, 0, x, y, w, h, format_.format, format_.type, p); break;
        }
    }
    if (ctx.log.enabled()) {
        for (const TexelBox& b : plan.boxes) {
            ctx.log.record({UploadCall::Kind::TexSubImage, target, name_.get(), 0, b.width * b.height * b.depth * T, b.x,
                            b.y, b.z, b.width, b.height, b.depth});
        }
    }
}

std::vector<std::size_t> TexelGrid::shape() const {
    switch (target) {
    case GL_TEXTURE_1D: return {width, channels};
    case GL_TEXTURE_3D: return {depth, height, width, channels};
    case GL_TEXTURE_CUBE_MAP: return {6, height, width, channels};
    default: return {height, width, channels};
    }
}

Array TextureObject::read_back(const char* caller) const {
    if (!name_) return {};
    require_current(caller);
    require_own_context(caller);
    Array out = Array::zeros(grid_.shape(), format_.dtype);
    {
        WriteScope scope(out);
        glBindTexture(grid_.target, name_.get());
        for (std::size_t f = 0; f < grid_.faces; ++f) {
            const GLenum target = grid_.faces > 1 ? GLenum(GL_TEXTURE_CUBE_MAP_POSITIVE_X + f) : grid_.target;
            glGetTexImage(target, 0, format_.format, format_.type, scope.data() + f * grid_.face_bytes());
        }
    }
    check_gl(caller);
    return out;
}

void TextureObject::resize(std::size_t width, std::size_t height, const char* caller) {
    if (name_) { // else allocated at the new size on first use
        ContextState& ctx = require_current(caller);
        glBindTexture(grid_.target, name_.get());
        glTexImage2D(grid_.target, 0, static_cast<GLint>(format_.internal), static_cast<GLsizei>(width),
                     static_cast<GLsizei>(height), 0, format_.format, format_.type, nullptr);
        check_gl(caller); // before the size changes: a failed resize keeps the old one
        ctx.log.record({UploadCall::Kind::TexImage, grid_.target, name_.get(), 0, 0, 0, 0, 0, width, height, 1});
    }
    grid_.width = width;
    grid_.height = height;
}

void TextureObject::bind_to_unit(unsigned unit, const char* caller) {
    require_current(caller); // before the first GL call
    // The unit first: sync binds the texture on the active unit, which must not be another
    // sampler's.
    glActiveTexture(GL_TEXTURE0 + unit);
    sync(caller);
    glBindTexture(grid_.target, name_.get());
}

void TextureObject::set_interpolation(Interpolation min, Interpolation mag) {
    const bool integer = format_.sampled == SampledKind::Int || format_.sampled == SampledKind::UInt;
    if (integer && (min == Interpolation::Linear || mag == Interpolation::Linear)) {
        throw ValueError(std::string(grid_.kind) + "::set_interpolation: " + format_.name +
                         " is an integer format and cannot be filtered linearly (GL would sample zeros); use "
                         "Interpolation::Nearest");
    }
    if (min == min_ && mag == mag_) return;
    min_ = min;
    mag_ = mag;
    parameters_changed_ = true;
}

void TextureObject::set_wrapping(Wrapping s, Wrapping t, Wrapping r) {
    if (s == wrap_[0] && t == wrap_[1] && r == wrap_[2]) return;
    wrap_[0] = s;
    wrap_[1] = t;
    wrap_[2] = r;
    parameters_changed_ = true;
}

void TextureObject::set_compare(DepthCompare compare) {
    if (compare == compare_) return;
    compare_ = compare;
    parameters_changed_ = true;
}

TextureBinding* texture_binding_of(const Array& view) noexcept { return TextureObject::of(view); }

} // namespace detail

namespace {

using glumpp::detail::shape_str;

enum class Dim { One, Two, Three, Cube, Depth };

struct DimInfo {
    const char* kind;
    GLenum target;
    std::size_t axes; // without the channel axis
    const char* expected;
};

const DimInfo& info(Dim d) {
    static const DimInfo table[] = {
        {"Texture1D", GL_TEXTURE_1D, 1, "(w) or (w, c)"},
        {"Texture2D", GL_TEXTURE_2D, 2, "(h, w) or (h, w, c)"},
        {"Texture3D", GL_TEXTURE_3D, 3, "(d, h, w) or (d, h, w, c)"},
        {"TextureCube", GL_TEXTURE_CUBE_MAP, 3, "(6, s, s) or (6, s, s, c)"},
        {"DepthTexture", GL_TEXTURE_2D, 2, "(h, w) or (h, w, 1)"},
    };
    return table[static_cast<int>(d)];
}

// One row per dtype: its pixel type, and its internal formats by channel count when sampled
// as floats (normalized integers, or floats) and as integers. 0: no such format.
struct FormatRow {
    ScalarKind kind;
    std::size_t size;
    GLenum type;
    GLenum as_float[4];
    const char* float_suffix;
    GLenum as_integer[4];
    const char* integer_suffix;
};

constexpr FormatRow format_rows[] = {
    {ScalarKind::UInt, 1, GL_UNSIGNED_BYTE, {GL_R8, GL_RG8, GL_RGB8, GL_RGBA8}, "8",
     {GL_R8UI, GL_RG8UI, GL_RGB8UI, GL_RGBA8UI}, "8UI"},
    {ScalarKind::Int, 1, GL_BYTE, {GL_R8_SNORM, GL_RG8_SNORM, GL_RGB8_SNORM, GL_RGBA8_SNORM}, "8_SNORM",
     {GL_R8I, GL_RG8I, GL_RGB8I, GL_RGBA8I}, "8I"},
    {ScalarKind::UInt, 2, GL_UNSIGNED_SHORT, {GL_R16, GL_RG16, GL_RGB16, GL_RGBA16}, "16",
     {GL_R16UI, GL_RG16UI, GL_RGB16UI, GL_RGBA16UI}, "16UI"},
    {ScalarKind::Int, 2, GL_SHORT, {GL_R16_SNORM, GL_RG16_SNORM, GL_RGB16_SNORM, GL_RGBA16_SNORM}, "16_SNORM",
     {GL_R16I, GL_RG16I, GL_RGB16I, GL_RGBA16I}, "16I"},
    {ScalarKind::UInt, 4, GL_UNSIGNED_INT, {0, 0, 0, 0}, nullptr, {GL_R32UI, GL_RG32UI, GL_RGB32UI, GL_RGBA32UI}, "32UI"},
    {ScalarKind::Int, 4, GL_INT, {0, 0, 0, 0}, nullptr, {GL_R32I, GL_RG32I, GL_RGB32I, GL_RGBA32I}, "32I"},
    {ScalarKind::Float, 2, GL_HALF_FLOAT, {GL_R16F, GL_RG16F, GL_RGB16F, GL_RGBA16F}, "16F", {0, 0, 0, 0}, nullptr},
    {ScalarKind::Float, 4, GL_FLOAT, {GL_R32F, GL_RG32F, GL_RGB32F, GL_RGBA32F}, "32F", {0, 0, 0, 0}, nullptr},
};

const char* const channel_names[] = {"R", "RG", "RGB", "RGBA"};

detail::TexelFormat color_format(const DType& d, std::size_t channels, TextureFormat mode, const std::string& caller) {
    const FormatRow* row = nullptr;
    if (d.is_scalar() && d.is_native()) {
        for (const FormatRow& r : format_rows) {
            if (r.kind == d.scalar_kind() && r.size == d.itemsize()) row = &r;
        }
    }
    if (!row) {
        throw TypeError(caller + ": " + d.name() +
                        " has no texture format; textures take native uint8, int8, uint16, int16, uint32, int32, "
                        "float16 or float32");
    }
    bool integer = row->as_float[0] == 0; // Auto
    if (mode == TextureFormat::Normalized && integer) {
        throw TypeError(caller + ": " + d.name() +
                        " cannot be sampled normalized (GL has no 32-bit normalized format); use TextureFormat::Integer");
    }
    if (mode == TextureFormat::Integer) {
        if (row->kind == ScalarKind::Float) {
            throw TypeError(caller + ": " + d.name() +
                            " cannot be sampled as integers; TextureFormat::Integer needs an integer dtype");
        }
        integer = true;
    }
    static const GLenum float_formats[] = {GL_RED, GL_RG, GL_RGB, GL_RGBA};
    static const GLenum integer_formats[] = {GL_RED_INTEGER, GL_RG_INTEGER, GL_RGB_INTEGER, GL_RGBA_INTEGER};
    detail::TexelFormat f;
    const std::size_t c = channels - 1;
    f.internal = integer ? row->as_integer[c] : row->as_float[c];
    f.format = integer ? integer_formats[c] : float_formats[c];
    f.type = row->type;
    f.sampled = !integer ? detail::SampledKind::Float
                : row->kind == ScalarKind::Int ? detail::SampledKind::Int
                                               : detail::SampledKind::UInt;
    f.name = std::string("GL_") + channel_names[c] + (integer ? row->integer_suffix : row->float_suffix);
    f.dtype = d;
    return f;
}

detail::TexelFormat depth_format(const DType& d, const std::string& caller) {
    detail::TexelFormat f;
    const bool native = d.is_scalar() && d.is_native();
    if (native && d.scalar_kind() == ScalarKind::Float && d.itemsize() == 4) {
        f = {GL_DEPTH_COMPONENT32F, GL_DEPTH_COMPONENT, GL_FLOAT, detail::SampledKind::Float, true, "GL_DEPTH_COMPONENT32F"};
    } else if (native && d.scalar_kind() == ScalarKind::UInt && d.itemsize() == 2) {
        f = {GL_DEPTH_COMPONENT16, GL_DEPTH_COMPONENT, GL_UNSIGNED_SHORT, detail::SampledKind::Float, true,
             "GL_DEPTH_COMPONENT16"};
    } else if (native && d.scalar_kind() == ScalarKind::UInt && d.itemsize() == 4) {
        f = {GL_DEPTH_COMPONENT24, GL_DEPTH_COMPONENT, GL_UNSIGNED_INT, detail::SampledKind::Float, true,
             "GL_DEPTH_COMPONENT24"};
    } else {
        throw TypeError(caller + ": " + d.name() + " has no depth format; depth textures take float32, uint16 or uint32");
    }
    f.dtype = d;
    return f;
}

struct Spec {
    std::vector<std::size_t> shape; // with the channel axis
    detail::TexelGrid grid;
    detail::TexelFormat format;
};

// Checks a shape and dtype before anything is allocated or shared.
Spec spec(std::vector<std::size_t> shape, const DType& dtype, Dim dim, TextureFormat mode, const std::string& caller) {
    const DimInfo& in = info(dim);
    if (shape.size() != in.axes && shape.size() != in.axes + 1) {
        throw ShapeError(caller + ": shape " + shape_str(shape) + " has " + std::to_string(shape.size()) +
                         (shape.size() == 1 ? " axis" : " axes") + "; a " + in.kind + " takes " + in.expected);
    }
    if (std::find(shape.begin(), shape.end(), std::size_t(0)) != shape.end()) {
        throw ShapeError(caller + ": shape " + shape_str(shape) + " has an empty axis");
    }
    if (shape.size() == in.axes) shape.push_back(1); // glumpy's rule: one channel
    const std::size_t channels = shape.back();
    if (channels > 4) {
        throw ShapeError(caller + ": shape " + shape_str(shape) + " has " + std::to_string(channels) +
                         " channels in its last axis; textures take 1 to 4");
    }
    if (dim == Dim::Depth && channels != 1) {
        throw ShapeError(caller + ": shape " + shape_str(shape) + " has " + std::to_string(channels) +
                         " channels; a depth texture has 1");
    }
    if (dim == Dim::Cube && shape[0] != 6) {
        throw ShapeError(caller + ": shape " + shape_str(shape) + " has " + std::to_string(shape[0]) +
                         " faces; a TextureCube takes " + in.expected);
    }
    if (dim == Dim::Cube && shape[1] != shape[2]) {
        throw ShapeError(caller + ": cube faces must be square; shape " + shape_str(shape) + " has " +
                         std::to_string(shape[2]) + "x" + std::to_string(shape[1]) + " faces");
    }
    Spec s;
    s.format = dim == Dim::Depth ? depth_format(dtype, caller) : color_format(dtype, channels, mode, caller);
    detail::TexelGrid& g = s.grid;
    g.kind = in.kind;
    g.target = in.target;
    g.channels = channels;
    g.texel_size = channels * dtype.itemsize();
    switch (dim) {
    case Dim::One: g.width = shape[0]; break;
    case Dim::Two:
    case Dim::Depth:
        g.height = shape[0];
        g.width = shape[1];
        break;
    case Dim::Three:
        g.depth = shape[0];
        g.height = shape[1];
        g.width = shape[2];
        break;
    case Dim::Cube:
        g.faces = 6;
        g.height = shape[1];
        g.width = shape[2];
        break;
    }
    s.shape = std::move(shape);
    return s;
}

Array on_gpu(const Array& array, Dim dim, TextureFormat mode) {
    const std::string caller = std::string(info(dim).kind) + "::over";
    if (!array) throw ValueError(caller + ": the array is a null handle");
    if (const detail::TextureObject* o = detail::TextureObject::of(array); o && o->grid().gpu_only) {
        throw TypeError(caller + ": the array is a GPU-only " + o->grid().kind +
                        ", which has no CPU texels to share; copy its GPU texels with read_back() first");
    }
    Spec s = spec(array.shape(), array.dtype(), dim, mode, caller);
    if (!array.is_contiguous()) {
        throw ShapeError(caller + ": the array (shape " + shape_str(array.shape()) +
                         ") is not C-contiguous; a texture reads its rows in place: pass array.copy()");
    }
    s.grid.offset = array.offset();
    Array shaped = array.ndim() == s.shape.size() ? array : array.reshape(s.shape); // a view
    return shaped.with_tracker(std::make_shared<detail::TextureObject>(array.storage(), s.grid, std::move(s.format)));
}

// What a write into a GPU-only texture's placeholder says (ReadOnlyError).
constexpr const char* gpu_only_why =
    "a GPU-only texture has no CPU texels: draw into it through a FrameBuffer, or make it with zeros() to write it "
    "from the CPU";

// A GPU-only texture: its TextureObject, behind a read-only placeholder of the texture's
// shape and dtype whose every element is the one zero element of its storage (strides 0).
Array gpu_only_for(std::vector<std::size_t> shape, const DType& dtype, Dim dim, TextureFormat mode) {
    Spec s = spec(std::move(shape), dtype, dim, mode, std::string(info(dim).kind) + "::gpu_only");
    s.grid.gpu_only = true;
    auto storage = Storage::read_only_zeros(dtype.itemsize(), gpu_only_why);
    const Array placeholder =
        Array::over(storage, nullptr, dtype, s.shape, std::vector<std::ptrdiff_t>(s.shape.size(), 0), 0);
    return placeholder.with_tracker(std::make_shared<detail::TextureObject>(storage, s.grid, std::move(s.format)));
}

// A plain zero array of the texture's shape, checked before it is allocated.
Array zeros_for(std::vector<std::size_t> shape, const DType& dtype, Dim dim, TextureFormat mode) {
    const Spec s = spec(std::move(shape), dtype, dim, mode, std::string(info(dim).kind) + "::zeros");
    return Array::zeros(s.shape, dtype);
}

} // namespace

detail::TextureObject* Texture::object_of(const Array& view) noexcept { return detail::TextureObject::of(view); }

detail::TextureObject& Texture::object() const {
    auto* o = object_of(*this);
    if (!o) throw ValueError("Texture: the texture is a null handle (default-constructed)");
    return *o;
}

void Texture::sync() { object().sync(); }
bool Texture::is_gpu_only() const { return object().grid().gpu_only; }

Array Texture::read_back() const {
    const detail::TextureObject& o = object();
    return o.read_back((std::string(o.grid().kind) + "::read_back").c_str());
}

unsigned Texture::handle() const { return object().name(); }
const UploadStats& Texture::upload_stats() const { return object().stats(); }
unsigned Texture::gl_target() const { return object().grid().target; }
unsigned Texture::internal_format() const { return object().format().internal; }
std::size_t Texture::width() const { return object().grid().width; }
std::size_t Texture::height() const { return object().grid().height; }
std::size_t Texture::depth() const { return object().grid().depth; }
std::size_t Texture::channels() const { return object().grid().channels; }

void Texture::set_interpolation(Interpolation both) { object().set_interpolation(both, both); }
void Texture::set_interpolation(Interpolation min, Interpolation mag) { object().set_interpolation(min, mag); }
Interpolation Texture::min_interpolation() const { return object().min_interpolation(); }
Interpolation Texture::mag_interpolation() const { return object().mag_interpolation(); }
void Texture::set_wrapping(Wrapping all) { object().set_wrapping(all, all, all); }
void Texture::set_wrapping(Wrapping s, Wrapping t, Wrapping r) { object().set_wrapping(s, t, r); }
Wrapping Texture::wrapping_s() const { return object().wrapping(0); }
Wrapping Texture::wrapping_t() const { return object().wrapping(1); }
Wrapping Texture::wrapping_r() const { return object().wrapping(2); }

Texture1D::Texture1D(const Array& array, TextureFormat format) : Texture(on_gpu(array, Dim::One, format)) {}
Texture1D Texture1D::zeros(std::vector<std::size_t> shape, const DType& dtype, TextureFormat format) {
    return Texture1D(zeros_for(std::move(shape), dtype, Dim::One, format), format);
}

Texture2D::Texture2D(const Array& array, TextureFormat format) : Texture(on_gpu(array, Dim::Two, format)) {}
Texture2D Texture2D::zeros(std::vector<std::size_t> shape, const DType& dtype, TextureFormat format) {
    return Texture2D(zeros_for(std::move(shape), dtype, Dim::Two, format), format);
}

Texture2D Texture2D::gpu_only(std::vector<std::size_t> shape, const DType& dtype, TextureFormat format) {
    return Texture2D(OnGpu{}, gpu_only_for(std::move(shape), dtype, Dim::Two, format));
}

Texture3D::Texture3D(const Array& array, TextureFormat format) : Texture(on_gpu(array, Dim::Three, format)) {}
Texture3D Texture3D::zeros(std::vector<std::size_t> shape, const DType& dtype, TextureFormat format) {
    return Texture3D(zeros_for(std::move(shape), dtype, Dim::Three, format), format);
}

TextureCube::TextureCube(const Array& array, TextureFormat format) : Texture(on_gpu(array, Dim::Cube, format)) {}
TextureCube TextureCube::zeros(std::vector<std::size_t> shape, const DType& dtype, TextureFormat format) {
    return TextureCube(zeros_for(std::move(shape), dtype, Dim::Cube, format), format);
}

DepthTexture::DepthTexture(const Array& array) : Texture(on_gpu(array, Dim::Depth, TextureFormat::Auto)) {}
DepthTexture DepthTexture::zeros(std::vector<std::size_t> shape, const DType& dtype) {
    return DepthTexture(zeros_for(std::move(shape), dtype, Dim::Depth, TextureFormat::Auto));
}
DepthTexture DepthTexture::gpu_only(std::vector<std::size_t> shape, const DType& dtype) {
    return DepthTexture(OnGpu{}, gpu_only_for(std::move(shape), dtype, Dim::Depth, TextureFormat::Auto));
}
void DepthTexture::set_compare(DepthCompare compare) { object().set_compare(compare); }
DepthCompare DepthTexture::compare() const { return object().compare(); }

} // namespace glumpp::gloo
