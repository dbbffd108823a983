#include <glumpp/array/Npy.hpp>

#include "PyLiteral.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace glumpp {

namespace {

using detail::PyValue;

constexpr char magic[] = "\x93NUMPY";
constexpr std::size_t magic_size = 6;

[[noreturn]] void bad(const std::string& source, const std::string& why) {
    throw ParseError("load_npy: " + source + ": " + why);
}

// Latin-1 bytes -> UTF-8 (headers of versions 1 and 2 are Latin-1).
std::string latin1_to_utf8(std::string_view s) {
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80) {
            out += c;
        } else {
            out += static_cast<char>(0xC0 | (u >> 6));
            out += static_cast<char>(0x80 | (u & 0x3F));
        }
    }
    return out;
}

// UTF-8 -> Latin-1, or nothing if some character is beyond U+00FF.
std::optional<std::string> utf8_to_latin1(std::string_view s) {
    std::string out;
    for (std::size_t k = 0; k < s.size(); ++k) {
        const auto u = static_cast<unsigned char>(s[k]);
        if (u < 0x80) {
            out += s[k];
        } else if ((u == 0xC2 || u == 0xC3) && k + 1 < s.size() && (static_cast<unsigned char>(s[k + 1]) & 0xC0) == 0x80) {
            out += static_cast<char>(((u & 0x03) << 6) | (static_cast<unsigned char>(s[++k]) & 0x3F));
        } else {
            return std::nullopt;
        }
    }
    return out;
}

std::vector<std::ptrdiff_t> strides_for(const std::vector<std::size_t>& shape, std::size_t itemsize, bool fortran) {
    std::vector<std::ptrdiff_t> st(shape.size());
    auto s = static_cast<std::ptrdiff_t>(itemsize);
    if (fortran) {
        for (std::size_t k = 0; k < shape.size(); ++k) {
            st[k] = s;
            s *= static_cast<std::ptrdiff_t>(std::max<std::size_t>(shape[k], 1));
        }
    } else {
        for (std::size_t k = shape.size(); k-- > 0;) {
            st[k] = s;
            s *= static_cast<std::ptrdiff_t>(std::max<std::size_t>(shape[k], 1));
        }
    }
    return st;
}

bool is_fortran_contiguous(const Array& a) {
    return a.strides() == strides_for(a.shape(), a.itemsize(), true);
}

// The array a file's header describes, viewing `storage` from `offset`.
Array view_of(const NpyHeader& h, std::shared_ptr<Storage> storage, std::size_t offset) {
    auto tracker = std::make_shared<Tracker>(storage);
    return Array::over(std::move(storage), std::move(tracker), h.dtype, h.shape,
                       strides_for(h.shape, h.dtype.itemsize(), h.fortran_order), offset);
}

std::string read_prefix(const std::filesystem::path& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("load_npy: cannot open '" + path.string() + "': " + std::strerror(errno));
    std::string buf(max_bytes, '\0');
    in.read(buf.data(), static_cast<std::streamsize>(max_bytes));
    buf.resize(static_cast<std::size_t>(in.gcount()));
    return buf;
}

// Reads just enough of the file to parse its header.
NpyHeader header_of_file(const std::filesystem::path& path) {
    std::string prefix = read_prefix(path, 12);
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw IoError("load_npy: cannot stat '" + path.string() + "': " + ec.message());
    std::size_t need = 12;
    if (prefix.size() >= 10 && prefix[6] == '\x01') {
        need = 10 + (std::size_t(static_cast<unsigned char>(prefix[8])) | std::size_t(static_cast<unsigned char>(prefix[9])) << 8);
    } else if (prefix.size() >= 12) {
        std::uint32_t len = 0;
        for (int k = 3; k >= 0; --k) len = len << 8 | static_cast<unsigned char>(prefix[8 + static_cast<std::size_t>(k)]);
        need = 12 + std::size_t(len);
    }
    // A header length that lies must not make us allocate what it claims.
    prefix = read_prefix(path, std::min<std::size_t>(need, size));
    NpyHeader h = parse_npy_header(std::as_bytes(std::span(prefix.data(), prefix.size())), "'" + path.string() + "'");
    if (size < h.data_offset || size - h.data_offset < h.data_size) {
        bad("'" + path.string() + "'", "the header promises " + std::to_string(h.data_size) + " bytes of data but the file has " +
                                           std::to_string(size > h.data_offset ? size - h.data_offset : 0));
    }
    return h;
}

} // namespace

NpyHeader parse_npy_header(std::span<const std::byte> bytes, const std::string& source) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    if (bytes.size() < 10 || std::memcmp(p, magic, magic_size) != 0) bad(source, "not a .npy file (bad magic)");
    NpyHeader h;
    h.major = p[6];
    h.minor = p[7];
    if (h.major < 1 || h.major > 3 || h.minor != 0) {
        bad(source, "unsupported format version " + std::to_string(h.major) + "." + std::to_string(h.minor));
    }
    std::size_t len = 0, start = 10;
    if (h.major == 1) {
        len = std::size_t(p[8]) | std::size_t(p[9]) << 8;
    } else {
        if (bytes.size() < 12) bad(source, "truncated header");
        len = std::size_t(p[8]) | std::size_t(p[9]) << 8 | std::size_t(p[10]) << 16 | std::size_t(p[11]) << 24;
        start = 12;
    }
    if (len > bytes.size() - start) {
        bad(source, "the header claims " + std::to_string(len) + " bytes but only " + std::to_string(bytes.size() - start) +
                        " follow");
    }
    std::string_view raw(reinterpret_cast<const char*>(p + start), len);
    const std::string text = h.major == 3 ? std::string(raw) : latin1_to_utf8(raw);
    const PyValue dict = detail::parse_py_literal(text, ("load_npy: " + source + ": header").c_str());
    if (!dict.is(PyValue::Kind::Dict)) bad(source, "the header is not a dict");
    const PyValue* descr = dict.find("descr");
    const PyValue* order = dict.find("fortran_order");
    const PyValue* shape = dict.find("shape");
    if (!descr || !order || !shape || dict.entries.size() != 3) {
        bad(source, "the header must have exactly the keys 'descr', 'fortran_order' and 'shape'");
    }
    if (!order->is(PyValue::Kind::Bool)) bad(source, "'fortran_order' must be True or False");
    if (!shape->is(PyValue::Kind::Tuple)) bad(source, "'shape' must be a tuple");
    h.fortran_order = order->boolean;
    try {
        h.dtype = detail::dtype_from_literal(*descr, text);
    } catch (const Error& e) {
        bad(source, std::string("bad 'descr': ") + e.what());
    }
    if (h.dtype.is_subarray()) {
        // A sub-array dtype at the top level becomes trailing axes, as NumPy does.
        for (const auto& d : shape->items) {
            if (!d.is(PyValue::Kind::Int) || d.integer < 0) bad(source, "'shape' must hold non-negative integers");
            h.shape.push_back(static_cast<std::size_t>(d.integer));
        }
        h.shape.insert(h.shape.end(), h.dtype.subshape().begin(), h.dtype.subshape().end());
        h.dtype = h.dtype.base();
    } else {
        for (const auto& d : shape->items) {
            if (!d.is(PyValue::Kind::Int) || d.integer < 0) bad(source, "'shape' must hold non-negative integers");
            h.shape.push_back(static_cast<std::size_t>(d.integer));
        }
    }
    if (h.shape.size() > max_ndim) bad(source, "more than " + std::to_string(max_ndim) + " dimensions");
    // Zero-length axes are left out of the product, as NumPy does: an empty array still has
    // strides that multiply all the other axes, and those must not overflow either.
    constexpr std::size_t limit = std::size_t(1) << 62;
    std::size_t n = h.dtype.itemsize();
    bool empty = false;
    for (auto s : h.shape) {
        if (s == 0) {
            empty = true;
            continue;
        }
        if (n > limit / s) bad(source, "absurd shape " + detail::shape_str(h.shape) + " (more than 2^62 bytes)");
        n *= s;
    }
    h.data_offset = start + len;
    h.data_size = empty ? 0 : n;
    return h;
}

Array from_npy_bytes(std::span<const std::byte> bytes) {
    const NpyHeader h = parse_npy_header(bytes);
    if (bytes.size() - h.data_offset < h.data_size) {
        bad("<memory>", "the header promises " + std::to_string(h.data_size) + " bytes of data but " +
                            std::to_string(bytes.size() - h.data_offset) + " follow");
    }
    auto storage = Storage::allocate(h.data_size);
    if (h.data_size) std::memcpy(storage->data(), bytes.data() + h.data_offset, h.data_size);
    return view_of(h, std::move(storage), 0);
}

Array load_npy(const std::filesystem::path& path) {
    const NpyHeader h = header_of_file(path);
    auto storage = Storage::allocate(h.data_size);
    std::ifstream in(path, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(h.data_offset));
    in.read(reinterpret_cast<char*>(storage->data()), static_cast<std::streamsize>(h.data_size));
    if (static_cast<std::size_t>(in.gcount()) != h.data_size) {
        throw IoError("load_npy: '" + path.string() + "': read " + std::to_string(in.gcount()) + " of " +
                      std::to_string(h.data_size) + " bytes");
    }
    return view_of(h, std::move(storage), 0);
}

Array map_npy(const std::filesystem::path& path, Storage::MapMode mode) {
    const NpyHeader h = header_of_file(path);
    return view_of(h, Storage::map_file(path, h.data_offset, h.data_size, mode), 0);
}

void load_npy_into(Array& destination, const std::filesystem::path& path) {
    const Array loaded = load_npy(path);
    if (loaded.shape() != destination.shape()) {
        throw ShapeError("load_npy_into: '" + path.string() + "' holds shape " + detail::shape_str(loaded.shape()) +
                         " but the array has shape " + detail::shape_str(destination.shape()));
    }
    destination.assign(loaded);
}

std::vector<std::byte> to_npy_bytes(const Array& a_in) {
    if (!a_in) throw ValueError("save_npy: the array is a null handle (default-constructed)");
    const bool fortran = !a_in.is_contiguous() && a_in.ndim() > 1 && is_fortran_contiguous(a_in);
    const Array a = a_in.is_contiguous() || fortran ? a_in : a_in.copy();
    const std::string descr = a.dtype().is_record() ? a.dtype().descr() : detail::py_repr(a.dtype().descr());
    std::string dict = "{'descr': " + descr + ", 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " +
                       detail::shape_str(a.shape()) + ", }";
    int major = 1;
    std::string encoded = dict;
    if (auto latin1 = utf8_to_latin1(dict)) {
        encoded = *latin1;
    } else {
        major = 3;
    }
    std::size_t prefix = major == 1 ? 10 : 12;
    auto padded = [&](std::size_t pre) {
        std::string h = encoded;
        const std::size_t total = pre + h.size() + 1;
        h.append((64 - total % 64) % 64, ' ');
        return h + '\n';
    };
    std::string header = padded(prefix);
    if (major == 1 && header.size() > 65535) {
        major = 2;
        prefix = 12;
        header = padded(prefix);
    }
    std::vector<std::byte> out(prefix + header.size() + a.nbytes());
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    std::memcpy(p, magic, magic_size);
    p[6] = static_cast<unsigned char>(major);
    p[7] = 0;
    const std::size_t len = header.size();
    for (std::size_t k = 0; k < prefix - 8; ++k) p[8 + k] = static_cast<unsigned char>(len >> (8 * k));
    std::memcpy(p + prefix, header.data(), header.size());
    if (a.nbytes()) {
        const std::byte* first = a.data();
        if (fortran || a.is_contiguous()) {
            // Contiguous either way: the bytes from the lowest element on, in memory order.
            std::memcpy(p + prefix + header.size(), first, a.nbytes());
        }
    }
    return out;
}

void save_npy(const Array& a, const std::filesystem::path& path) {
    const std::vector<std::byte> bytes = to_npy_bytes(a);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw IoError("save_npy: cannot create '" + path.string() + "': " + std::strerror(errno));
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw IoError("save_npy: cannot write '" + path.string() + "': " + std::strerror(errno));
}

} // namespace glumpp
