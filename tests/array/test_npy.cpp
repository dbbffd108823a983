// .npy files: round trips, version selection, memory maps, loads into tracked arrays,
// the exact messages for malformed files, and interoperability with the real NumPy
// (Debian's python3-numpy, run as /usr/bin/python3).
#include "../TestUtil.hpp"
#include "NumPy.hpp"

#include <glumpp/array.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/wait.h>
#include <vector>

using glumpp::Array;
using glumpp::ByteRange;
using glumpp::DType;
using glumpp::slice;
namespace fs = std::filesystem;

using glumpp::test::message_of;
using glumpp::test::PythonRun;
using glumpp::test::run_python;

namespace {

const char* const utf8_e_acute = "\xC3\xA9";                    // é: in Latin-1
const char* const utf8_weizhi = "\xE4\xBD\x8D\xE7\xBD\xAE";     // 位置: not in Latin-1

// A scratch directory per test, so that ctest may run tests in parallel.
fs::path scratch() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const fs::path dir = fs::path(GLUMPP_TEST_TMP) / "npy" / (std::string(info->test_suite_name()) + "." + info->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::vector<std::byte> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<char> chars((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::byte> out(chars.size());
    if (!chars.empty()) std::memcpy(out.data(), chars.data(), chars.size());
    return out;
}

void write_file(const fs::path& path, std::span<const std::byte> bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

std::span<const std::byte> as_bytes(const std::string& s) { return std::as_bytes(std::span(s.data(), s.size())); }

// A .npy file written by hand: magic, version, header length (2 bytes for 1.x, 4 for
// later versions), the header text as given, then the data.
std::string npy_file(int major, const std::string& header, const std::string& data = "", int minor = 0) {
    std::string out = "\x93NUMPY";
    out += static_cast<char>(major);
    out += static_cast<char>(minor);
    const std::size_t n = major == 1 ? 2 : 4;
    for (std::size_t k = 0; k < n; ++k) out += static_cast<char>((header.size() >> (8 * k)) & 0xFF);
    return out + header + data;
}

std::string header_text_of(const std::vector<std::byte>& file) {
    const auto* p = reinterpret_cast<const unsigned char*>(file.data());
    const bool v1 = p[6] == 1;
    std::size_t len = std::size_t(p[8]) | std::size_t(p[9]) << 8;
    if (!v1) len |= std::size_t(p[10]) << 16 | std::size_t(p[11]) << 24;
    const std::size_t start = v1 ? 10 : 12;
    return std::string(reinterpret_cast<const char*>(p + start), len);
}

std::vector<double> ramp(std::size_t n, double step = 1, double first = 0) {
    std::vector<double> v(n);
    for (std::size_t k = 0; k < n; ++k) v[k] = first + step * static_cast<double>(k);
    return v;
}

Array filled(std::vector<std::size_t> shape, const DType& dtype, const std::vector<double>& values) {
    Array a = Array::zeros(std::move(shape), dtype);
    a.assign(Array::from(values, a.shape()));
    return a;
}

std::vector<std::ptrdiff_t> fortran_strides(const std::vector<std::size_t>& shape, std::size_t itemsize) {
    std::vector<std::ptrdiff_t> st;
    auto s = static_cast<std::ptrdiff_t>(itemsize);
    for (auto n : shape) {
        st.push_back(s);
        s *= static_cast<std::ptrdiff_t>(n);
    }
    return st;
}

} // namespace

// --- round trips ----------------------------------------------------------------------------

TEST(Npy, ScalarDtypesRoundTrip) {
    const fs::path dir = scratch();
    for (const char* text : {"<f4", "<f8", "<f2", "<i2", ">i4", "|u1", "|i1", "<u8", ">f8", "|b1"}) {
        SCOPED_TRACE(text);
        const DType dt = DType::parse(text);
        const std::vector<double> values = dt.scalar_kind() == glumpp::ScalarKind::Bool
                                               ? std::vector<double>{1, 0, 1, 1, 0, 0}
                                               : std::vector<double>{0, 1, 2, 3.5, 100, 64};
        std::vector<double> expected = values;
        if (dt.scalar_kind() == glumpp::ScalarKind::Int || dt.scalar_kind() == glumpp::ScalarKind::UInt) {
            expected[3] = 3; // truncated toward zero
        }
        const Array a = filled({2, 3}, dt, values);
        const fs::path file = dir / "a.npy";
        glumpp::save_npy(a, file);
        const Array b = glumpp::load_npy(file);
        EXPECT_EQ(b.dtype(), dt);
        EXPECT_EQ(b.dtype().descr(), text);
        EXPECT_EQ(b.shape(), (std::vector<std::size_t>{2, 3}));
        EXPECT_EQ(b.to_vector<double>(), expected);
        // The data in the file are the array's bytes, in the dtype's own byte order.
        const auto bytes = read_file(file);
        ASSERT_EQ(bytes.size() % 64, a.nbytes() % 64);
        EXPECT_EQ(std::memcmp(bytes.data() + (bytes.size() - a.nbytes()), a.data(), a.nbytes()), 0);
    }
}

TEST(Npy, BigEndianDataIsStoredBigEndian) {
    const std::vector<std::byte> bytes = glumpp::to_npy_bytes(filled({2}, DType::parse(">i4"), {1, -2}));
    const std::string header = header_text_of(bytes);
    EXPECT_EQ(header.substr(0, header.find(',')), "{'descr': '>i4'");
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data()) + bytes.size() - 8;
    EXPECT_EQ(std::vector<unsigned>(data, data + 8), (std::vector<unsigned>{0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFE}));
}

TEST(Npy, HeaderIsNumpysDictPaddedTo64Bytes) {
    const std::vector<std::byte> bytes = glumpp::to_npy_bytes(Array::zeros({3, 4}, DType::parse("<f4")));
    const std::string header = header_text_of(bytes);
    EXPECT_EQ(header.substr(0, header.find('}') + 1), "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }");
    EXPECT_EQ(header.back(), '\n');
    EXPECT_EQ((10 + header.size()) % 64, 0u);
    EXPECT_EQ(bytes.size(), 10 + header.size() + 48);
}

TEST(Npy, AlignedRecordKeepsItsPaddingAsVoidFields) {
    const DType u1 = DType::parse("u1"), f8 = DType::parse("<f8"), i2 = DType::parse("<i2");
    const DType aligned = DType::record({{"a", u1}, {"b", f8}, {"c", i2}}, glumpp::RecordLayout::Aligned);
    ASSERT_EQ(aligned.itemsize(), 24u);
    Array a = Array::zeros({3}, aligned);
    a["a"].assign(Array::from(ramp(3, 1, 1)));
    a["b"].assign(Array::from(ramp(3, 0.25)));
    a["c"].assign(Array::from(ramp(3, -1)));
    const auto bytes = glumpp::to_npy_bytes(a);
    EXPECT_NE(header_text_of(bytes).find("'descr': [('a', '|u1'), ('', '|V7'), ('b', '<f8'), ('c', '<i2'), ('', '|V6')]"),
              std::string::npos);
    const Array b = glumpp::from_npy_bytes(bytes);
    EXPECT_EQ(b.dtype(), aligned);
    EXPECT_EQ(b.dtype().itemsize(), 24u);
    EXPECT_EQ(b.dtype().field("b").offset, 8u);
    EXPECT_EQ(b.dtype().field("c").offset, 16u);
    EXPECT_EQ(b["a"].to_vector<double>(), ramp(3, 1, 1));
    EXPECT_EQ(b["b"].to_vector<double>(), ramp(3, 0.25));
    EXPECT_EQ(b["c"].to_vector<double>(), ramp(3, -1));
}

TEST(Npy, NestedRecordsAndSubArrayFieldsRoundTrip) {
    const DType dt = DType::parse("[('v', [('x', '<f4'), ('y', '>i2', (2, 2))]), ('w', '?'), ('m', '<f8', (3,))]");
    Array a = Array::zeros({2, 2}, dt);
    a["v"]["x"].assign(Array::from(ramp(4, 0.5), {2, 2}));
    a["v"]["y"].assign(Array::from(ramp(16, -3), {2, 2, 2, 2}));
    a["w"].assign(Array::from(std::vector<double>{1, 0, 0, 1}, {2, 2}));
    a["m"].assign(Array::from(ramp(12, 1.5), {2, 2, 3}));
    const Array b = glumpp::from_npy_bytes(glumpp::to_npy_bytes(a));
    EXPECT_EQ(b.dtype(), dt);
    EXPECT_EQ(b.shape(), (std::vector<std::size_t>{2, 2}));
    EXPECT_EQ(b["v"]["y"].shape(), (std::vector<std::size_t>{2, 2, 2, 2}));
    EXPECT_EQ(b["v"]["x"].to_vector<double>(), ramp(4, 0.5));
    EXPECT_EQ(b["v"]["y"].to_vector<double>(), ramp(16, -3));
    EXPECT_EQ(b["w"].to_vector<double>(), (std::vector<double>{1, 0, 0, 1}));
    EXPECT_EQ(b["m"].to_vector<double>(), ramp(12, 1.5));
}

TEST(Npy, ZeroDimensionalEmptyAndManyDimensionalShapes) {
    const DType f4 = DType::parse("<f4");
    const Array scalar = glumpp::from_npy_bytes(glumpp::to_npy_bytes(filled({}, f4, {2.5})));
    EXPECT_TRUE(scalar.shape().empty());
    EXPECT_EQ(scalar.value<double>(), 2.5);

    for (const std::vector<std::size_t>& shape : {std::vector<std::size_t>{0}, {0, 3}, {3, 0}, {2, 0, 5}}) {
        const auto bytes = glumpp::to_npy_bytes(Array::zeros(shape, f4));
        const Array e = glumpp::from_npy_bytes(bytes);
        EXPECT_EQ(e.shape(), shape);
        EXPECT_EQ(e.size(), 0u);
        EXPECT_EQ(bytes.size() % 64, 0u); // header only
    }

    const Array cube = filled({2, 3, 4, 1, 2}, f4, ramp(48));
    const Array back = glumpp::from_npy_bytes(glumpp::to_npy_bytes(cube));
    EXPECT_EQ(back.shape(), cube.shape());
    EXPECT_EQ(back.to_vector<double>(), ramp(48));
}

TEST(Npy, FortranOrderViewsAreWrittenAsFortranAndReadBack) {
    const fs::path dir = scratch();
    const Array c = filled({3, 4}, DType::parse("<f8"), ramp(12));
    const Array f = c.transpose(); // shape (4, 3), Fortran-contiguous
    glumpp::save_npy(f, dir / "f.npy");
    const auto bytes = read_file(dir / "f.npy");
    EXPECT_NE(header_text_of(bytes).find("'fortran_order': True, 'shape': (4, 3)"), std::string::npos);
    // Fortran order of f is C order of c: the data are c's bytes, copied as they are.
    EXPECT_EQ(std::memcmp(bytes.data() + bytes.size() - c.nbytes(), c.data(), c.nbytes()), 0);

    const Array g = glumpp::load_npy(dir / "f.npy");
    EXPECT_EQ(g.shape(), (std::vector<std::size_t>{4, 3}));
    EXPECT_EQ(g.strides(), fortran_strides({4, 3}, 8));
    EXPECT_EQ(g.to_vector<double>(), f.to_vector<double>());

    const Array f3 = filled({2, 3, 4}, DType::parse("<i2"), ramp(24)).transpose();
    const Array g3 = glumpp::from_npy_bytes(glumpp::to_npy_bytes(f3));
    EXPECT_EQ(g3.strides(), fortran_strides({4, 3, 2}, 2));
    EXPECT_EQ(g3.to_vector<double>(), f3.to_vector<double>());
}

TEST(Npy, NonContiguousViewsAreWrittenInCOrder) {
    const Array a = filled({4, 6}, DType::parse("<i4"), ramp(24));
    for (const Array& v : {a.view({slice({}, {}, 2), slice(1, 5)}), a.view({slice({}, {}, -1)}), a.view({glumpp::all, 2}),
                           a.transpose().view({slice(1, 3)})}) {
        const auto bytes = glumpp::to_npy_bytes(v);
        EXPECT_NE(header_text_of(bytes).find("'fortran_order': False"), std::string::npos);
        const Array b = glumpp::from_npy_bytes(bytes);
        EXPECT_EQ(b.shape(), v.shape());
        EXPECT_TRUE(b.is_contiguous());
        EXPECT_EQ(b.to_vector<double>(), v.to_vector<double>());
    }
}

// --- versions ---------------------------------------------------------------------------------

TEST(Npy, Version1UnlessTheHeaderIsTooLongOrNotLatin1) {
    const auto plain = glumpp::to_npy_bytes(Array::zeros({2}, DType::parse("<f4")));
    EXPECT_EQ(static_cast<int>(plain[6]), 1);

    // 3000 fields make a header over 65535 bytes: version 2.0, with a 4-byte length.
    std::vector<std::pair<std::string, DType>> many;
    for (int k = 0; k < 3000; ++k) many.emplace_back("field_" + std::to_string(10000 + k), DType::parse("u1"));
    Array wide = Array::zeros({2}, DType::record(many));
    wide["field_12999"].fill(7);
    const auto v2 = glumpp::to_npy_bytes(wide);
    EXPECT_EQ(static_cast<int>(v2[6]), 2);
    const std::string v2_header = header_text_of(v2);
    EXPECT_GT(v2_header.size(), 65535u);
    EXPECT_EQ((12 + v2_header.size()) % 64, 0u);
    const Array wide_back = glumpp::from_npy_bytes(v2);
    EXPECT_EQ(wide_back.dtype(), wide.dtype());
    EXPECT_EQ(wide_back["field_12999"].to_vector<int>(), (std::vector<int>{7, 7}));
    EXPECT_EQ(glumpp::parse_npy_header(v2).major, 2);

    // 'é' is Latin-1: still version 1.0, with the name stored as the single byte 0xE9.
    const std::string e_acute = utf8_e_acute;
    const auto latin = glumpp::to_npy_bytes(Array::zeros({1}, DType::record({{e_acute, DType::parse("<f4")}})));
    EXPECT_EQ(static_cast<int>(latin[6]), 1);
    EXPECT_NE(header_text_of(latin).find("[('\xE9', '<f4')]"), std::string::npos);
    EXPECT_EQ(glumpp::from_npy_bytes(latin).dtype().fields().at(0).name, e_acute);

    // '位置' is not: version 3.0, whose header is UTF-8.
    const std::string weizhi = utf8_weizhi;
    const auto utf8 = glumpp::to_npy_bytes(Array::zeros({1}, DType::record({{weizhi, DType::parse("<f4")}})));
    EXPECT_EQ(static_cast<int>(utf8[6]), 3);
    EXPECT_NE(header_text_of(utf8).find("[('" + weizhi + "', '<f4')]"), std::string::npos);
    EXPECT_EQ((12 + header_text_of(utf8).size()) % 64, 0u);
    EXPECT_EQ(glumpp::from_npy_bytes(utf8).dtype().fields().at(0).name, weizhi);
}

TEST(Npy, NamesThatAreNotValidUtf8SurviveARoundTrip) {
    // "\xC3(" looks like the start of a Latin-1 character in UTF-8 but is not one: writing
    // it as Latin-1 would turn it into a different name.
    const std::string odd = "\xC3(";
    const std::string header = "{'descr': [('" + odd + "', '<f4')], 'fortran_order': False, 'shape': (1,), }\n";
    const Array a = glumpp::from_npy_bytes(as_bytes(npy_file(3, header, std::string(4, '\0'))));
    ASSERT_EQ(a.dtype().fields().at(0).name, odd);
    const auto again = glumpp::to_npy_bytes(a);
    EXPECT_EQ(static_cast<int>(again[6]), 3);
    EXPECT_EQ(glumpp::from_npy_bytes(again).dtype(), a.dtype());
}

TEST(Npy, ReadsVersion2And3WithShortHeaders) {
    const std::string header = "{'descr': '<u2', 'fortran_order': False, 'shape': (2,), }\n";
    const std::string data("\x01\x00\x02\x01", 4);
    for (int major : {2, 3}) {
        const Array a = glumpp::from_npy_bytes(as_bytes(npy_file(major, header, data)));
        EXPECT_EQ(a.to_vector<int>(), (std::vector<int>{1, 258})) << "version " << major;
    }
}

// --- memory maps and loads into arrays --------------------------------------------------------

TEST(Npy, MapReadOnlyRefusesWrites) {
    const fs::path dir = scratch();
    glumpp::save_npy(filled({2, 3}, DType::parse("<f4"), ramp(6)), dir / "a.npy");
    Array m = glumpp::map_npy(dir / "a.npy");
    EXPECT_EQ(m.to_vector<double>(), ramp(6));
    EXPECT_EQ(m.base_nbytes(), 24u);
    EXPECT_EQ(m.pending_data(), (ByteRange{0, 24})); // nothing uploaded yet: all dirty
    EXPECT_EQ(message_of<glumpp::ReadOnlyError>([&] { m.fill(1); }),
              "Array::fill: the array is read-only (a read-only memory map)");
    EXPECT_EQ(message_of<glumpp::ReadOnlyError>([&] { m.view({1}).assign(Array::from(ramp(3))); }),
              "Array::assign: the array is read-only (a read-only memory map)");
    EXPECT_THROW(m += 1, glumpp::ReadOnlyError);
    EXPECT_EQ(m.to_vector<double>(), ramp(6));
}

TEST(Npy, MapCopyOnWriteLeavesTheFileAlone) {
    const fs::path dir = scratch();
    glumpp::save_npy(filled({4}, DType::parse(">i4"), ramp(4)), dir / "a.npy");
    const auto before = read_file(dir / "a.npy");
    {
        Array m = glumpp::map_npy(dir / "a.npy", glumpp::Storage::MapMode::CopyOnWrite);
        m.clear_pending();
        m.view({2}).fill(99);
        EXPECT_EQ(m.to_vector<double>(), (std::vector<double>{0, 1, 99, 3}));
        EXPECT_EQ(m.dirty_ranges(), (std::vector<ByteRange>{{8, 12}}));
    }
    EXPECT_EQ(read_file(dir / "a.npy"), before);
}

TEST(Npy, MapReadWriteChangesTheFile) {
    const fs::path dir = scratch();
    glumpp::save_npy(filled({3, 2}, DType::parse("<f8"), ramp(6)).transpose(), dir / "a.npy");
    {
        Array m = glumpp::map_npy(dir / "a.npy", glumpp::Storage::MapMode::ReadWrite);
        EXPECT_EQ(m.strides(), fortran_strides({2, 3}, 8));
        m.view({1, 2}).fill(-5);
    }
    const Array back = glumpp::load_npy(dir / "a.npy");
    EXPECT_EQ(back.to_vector<double>(), (std::vector<double>{0, 2, 4, 1, 3, -5}));
}

TEST(Npy, LoadIntoMarksTheDestinationDirtyAndConverts) {
    const fs::path dir = scratch();
    glumpp::save_npy(filled({2, 3}, DType::parse("<f8"), ramp(6, 0.5)), dir / "a.npy");
    Array big = Array::zeros({4, 3}, DType::parse("<f4"));
    big.clear_pending();
    Array rows = big.view({slice(1, 3)});
    glumpp::load_npy_into(rows, dir / "a.npy");
    EXPECT_EQ(big.view({1}).to_vector<double>(), (std::vector<double>{0, 0.5, 1}));
    EXPECT_EQ(big.dirty_ranges(), (std::vector<ByteRange>{{12, 36}}));
    EXPECT_EQ(big.pending_data(), (ByteRange{12, 36}));
}

TEST(Npy, LoadIntoRejectsAnotherShapeAndChangesNothing) {
    const fs::path dir = scratch();
    const fs::path file = dir / "a.npy";
    glumpp::save_npy(filled({2, 3}, DType::parse("<f8"), ramp(6, 1, 1)), file);
    Array dest = Array::zeros({3, 2}, DType::parse("<f8"));
    dest.clear_pending();
    EXPECT_EQ(message_of<glumpp::ShapeError>([&] { glumpp::load_npy_into(dest, file); }),
              "load_npy_into: '" + file.string() + "' holds shape (2, 3) but the array has shape (3, 2)");
    EXPECT_EQ(dest.pending_data(), std::nullopt);
    EXPECT_EQ(dest.to_vector<double>(), std::vector<double>(6, 0.0));

    // A truncated file is refused before anything is written, too.
    auto bytes = read_file(file);
    bytes.resize(bytes.size() - 8);
    write_file(file, bytes);
    Array same = Array::zeros({2, 3}, DType::parse("<f8"));
    same.clear_pending();
    EXPECT_THROW(glumpp::load_npy_into(same, file), glumpp::ParseError);
    EXPECT_EQ(same.pending_data(), std::nullopt);
}

// --- malformed files ---------------------------------------------------------------------------

namespace {

std::string load_error(const std::string& file) {
    return message_of<glumpp::ParseError>([&] { glumpp::from_npy_bytes(as_bytes(file)); });
}

std::string header_with(const std::string& descr, const std::string& shape, const std::string& order = "False") {
    return "{'descr': " + descr + ", 'fortran_order': " + order + ", 'shape': " + shape + ", }";
}

} // namespace

TEST(NpyErrors, BadMagicAndVersion) {
    const std::string good = header_with("'<f4'", "(1,)");
    EXPECT_EQ(load_error("PK\x03\x04 this is a zip file"), "load_npy: <memory>: not a .npy file (bad magic)");
    EXPECT_EQ(load_error(""), "load_npy: <memory>: not a .npy file (bad magic)");
    EXPECT_EQ(load_error("\x93NUMPY\x01"), "load_npy: <memory>: not a .npy file (bad magic)");
    EXPECT_EQ(load_error(npy_file(4, good, "abcd")), "load_npy: <memory>: unsupported format version 4.0");
    EXPECT_EQ(load_error(npy_file(1, good, "abcd", 1)), "load_npy: <memory>: unsupported format version 1.1");
    EXPECT_EQ(load_error(npy_file(0, good, "abcd")), "load_npy: <memory>: unsupported format version 0.0");
}

TEST(NpyErrors, TruncatedOrLyingHeaderLength) {
    EXPECT_EQ(load_error(std::string("\x93NUMPY\x02\x00\x10\x00", 10)), "load_npy: <memory>: truncated header");
    std::string lying = npy_file(1, header_with("'<f4'", "(1,)"), "abcd");
    lying[8] = '\xE8';
    lying[9] = '\x03'; // 1000
    EXPECT_EQ(load_error(lying), "load_npy: <memory>: the header claims 1000 bytes but only " +
                                     std::to_string(lying.size() - 10) + " follow");
    std::string huge = npy_file(2, header_with("'<f4'", "(1,)"), "abcd");
    huge[8] = huge[9] = huge[10] = huge[11] = '\xFF';
    EXPECT_EQ(load_error(huge), "load_npy: <memory>: the header claims 4294967295 bytes but only " +
                                    std::to_string(huge.size() - 12) + " follow");
}

TEST(NpyErrors, DataShorterThanTheHeaderPromises) {
    const std::string file = npy_file(1, header_with("'<f8'", "(3,)"), std::string(8, '\0'));
    EXPECT_EQ(load_error(file), "load_npy: <memory>: the header promises 24 bytes of data but 8 follow");

    const fs::path path = scratch() / "short.npy";
    write_file(path, as_bytes(file));
    const std::string expected = "load_npy: '" + path.string() + "': the header promises 24 bytes of data but the file has 8";
    EXPECT_EQ(message_of<glumpp::ParseError>([&] { glumpp::load_npy(path); }), expected);
    EXPECT_EQ(message_of<glumpp::ParseError>([&] { glumpp::map_npy(path); }), expected);
}

TEST(NpyErrors, AbsurdAndNegativeShapes) {
    EXPECT_EQ(load_error(npy_file(1, header_with("'<f4'", "(4611686018427387904, 4)"))),
              "load_npy: <memory>: absurd shape (4611686018427387904, 4) (more than 2^62 bytes)");
    EXPECT_EQ(load_error(npy_file(1, header_with("'<f8'", "(4294967296, 4294967296)"))),
              "load_npy: <memory>: absurd shape (4294967296, 4294967296) (more than 2^62 bytes)");
    // An empty array still has strides that multiply the other axes: they must fit too.
    EXPECT_EQ(load_error(npy_file(1, header_with("'<f4'", "(0, 4611686018427387904, 4611686018427387904)"))),
              "load_npy: <memory>: absurd shape (0, 4611686018427387904, 4611686018427387904) (more than 2^62 bytes)");
    EXPECT_EQ(load_error(npy_file(1, header_with("'<f4'", "(2, -1)"))),
              "load_npy: <memory>: 'shape' must hold non-negative integers");
    EXPECT_EQ(load_error(npy_file(1, header_with("'<f4'", "(2, 'x')"))),
              "load_npy: <memory>: 'shape' must hold non-negative integers");
    EXPECT_EQ(load_error(npy_file(1, header_with("'<f4'", "(99999999999999999999,)"))).substr(0, 53),
              "load_npy: <memory>: header: integer too large at char");
    std::string many = "(";
    for (int k = 0; k < 33; ++k) many += "1, ";
    EXPECT_EQ(load_error(npy_file(1, header_with("'<f4'", many + ")"), "abcd")),
              "load_npy: <memory>: more than 32 dimensions");
}

TEST(NpyErrors, MissingExtraAndMistypedKeys) {
    const std::string keys = "load_npy: <memory>: the header must have exactly the keys 'descr', 'fortran_order' and 'shape'";
    EXPECT_EQ(load_error(npy_file(1, "{'descr': '<f4', 'shape': (1,), }")), keys);
    EXPECT_EQ(load_error(npy_file(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (), 'extra': 1}")), keys);
    EXPECT_EQ(load_error(npy_file(1, "{}")), keys);
    EXPECT_EQ(load_error(npy_file(1, "[('descr', '<f4')]")), "load_npy: <memory>: the header is not a dict");
    EXPECT_EQ(load_error(npy_file(1, header_with("'<f4'", "(1,)", "1"))),
              "load_npy: <memory>: 'fortran_order' must be True or False");
    EXPECT_EQ(load_error(npy_file(1, header_with("'<f4'", "[1]"))), "load_npy: <memory>: 'shape' must be a tuple");
    EXPECT_EQ(load_error(npy_file(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), ")),
              "load_npy: <memory>: header: a value is missing at character 56 of "
              "\"{'descr': '<f4', 'fortran_order': False, 'shape': (1,), \"");
    EXPECT_EQ(load_error(npy_file(1, "{'descr': __import__('os')}")),
              "load_npy: <memory>: header: unexpected character '_' at character 10 of \"{'descr': __import__('os')}\"");
}

TEST(NpyErrors, UnknownAndUnsupportedTypestrs) {
    const std::string unknown = header_with("'<x9'", "(1,)");
    EXPECT_EQ(load_error(npy_file(1, unknown, "abcd")),
              "load_npy: <memory>: bad 'descr': DType::parse: unknown type '<x9' in \"" + unknown + "\"");
    const std::string unicode = header_with("'<U5'", "(1,)");
    EXPECT_EQ(load_error(npy_file(1, unicode, std::string(20, 'a'))),
              "load_npy: <memory>: bad 'descr': DType::parse: unsupported type '<U5' (glumpp has bool, int, uint, float "
              "and void scalars) in \"" + unicode + "\"");
    const std::string odd_size = header_with("[('x', '<f3')]", "(1,)");
    EXPECT_EQ(load_error(npy_file(1, odd_size, "abc")),
              "load_npy: <memory>: bad 'descr': DType::parse: unsupported size in type '<f3' in \"" + odd_size + "\"");
    const std::string object = header_with("'|O'", "(1,)");
    EXPECT_EQ(load_error(npy_file(1, object, "abcdefgh")),
              "load_npy: <memory>: bad 'descr': DType::parse: unsupported type '|O' (glumpp has bool, int, uint, float "
              "and void scalars) in \"" + object + "\"");
}

TEST(NpyErrors, FileErrorsNameThePath) {
    const fs::path dir = scratch();
    const fs::path missing = dir / "missing.npy";
    EXPECT_EQ(message_of<glumpp::IoError>([&] { glumpp::load_npy(missing); }),
              "load_npy: cannot open '" + missing.string() + "': No such file or directory");
    const fs::path text = dir / "text.npy";
    write_file(text, as_bytes("hello, world"));
    EXPECT_EQ(message_of<glumpp::ParseError>([&] { glumpp::load_npy(text); }),
              "load_npy: '" + text.string() + "': not a .npy file (bad magic)");
    // A lying header length must be reported, not believed (no 4 GiB allocation).
    std::string lying = npy_file(2, header_with("'<f4'", "(1,)"), "abcd");
    lying[8] = lying[9] = lying[10] = lying[11] = '\xFF';
    write_file(dir / "lying.npy", as_bytes(lying));
    EXPECT_EQ(message_of<glumpp::ParseError>([&] { glumpp::load_npy(dir / "lying.npy"); }),
              "load_npy: '" + (dir / "lying.npy").string() + "': the header claims 4294967295 bytes but only " +
                  std::to_string(lying.size() - 12) + " follow");
    EXPECT_EQ(message_of<glumpp::IoError>([&] { glumpp::save_npy(Array::zeros({1}, DType()), dir / "no" / "x.npy"); }),
              "save_npy: cannot create '" + (dir / "no" / "x.npy").string() + "': No such file or directory");
    EXPECT_EQ(message_of<glumpp::ValueError>([&] { glumpp::save_npy(Array(), dir / "x.npy"); }),
              "save_npy: the array is a null handle (default-constructed)");
}

// Sizes a header may declare: NumPy keeps an itemsize in a C int, and so does glumpp, so
// that every padding gap a record can have is a '|V<n>' that parses back.
TEST(NpyErrors, DtypesLargerThanNumpysItemsizeLimit) {
    const auto parse_error = [](const std::string& text) {
        return message_of<glumpp::ParseError>([&] { DType::parse(text); });
    };
    const std::string huge_itemsize = "{'names': ['x'], 'formats': ['<f4'], 'itemsize': 109951162777606}";
    EXPECT_EQ(parse_error(huge_itemsize), "DType::parse: DType::record_at: itemsize 109951162777606 is not between 1 and "
                                          "NumPy's limit of 2147483647 in \"" + huge_itemsize + "\"");
    const std::string big_block = "('<f8', (268435456,))";
    EXPECT_EQ(parse_error(big_block), "DType::parse: DType::subarray: shape (268435456,) of float64 is more than NumPy's "
                                      "limit of 2147483647 bytes per item in \"" + big_block + "\"");
    // A block of blocks whose size would wrap around 2^64.
    EXPECT_THROW(DType::parse("[('a', [('b', 'V1', (1099511627776,))], (1099511627776,))]"), glumpp::ParseError);
    EXPECT_THROW(DType::parse("|V2147483648"), glumpp::ParseError);
    EXPECT_EQ(DType::parse("('<f8', (268435455,))").itemsize(), 2147483640u);
    const DType gap = DType::parse("{'names': ['x'], 'formats': ['<f4'], 'itemsize': 2147483647}");
    EXPECT_EQ(DType::parse(gap.descr()), gap);
    EXPECT_EQ(load_error(npy_file(1, header_with("'|V2147483648'", "(0,)"))),
              "load_npy: <memory>: bad 'descr': DType::parse: unsupported size in type '|V2147483648' in \"" +
                  header_with("'|V2147483648'", "(0,)") + "\"");
}

// --- NumPy interop ------------------------------------------------------------------------------

TEST(NpyNumpy, NumpyWritesWeRead) {
    REQUIRE_NUMPY();
    const fs::path dir = scratch();
    const PythonRun run = run_python(dir, R"PY(
import os, sys
import numpy as np
d = sys.argv[1]
def save(name, a):
    np.save(os.path.join(d, name), a)
save('f4.npy', np.arange(6, dtype='<f4').reshape(2, 3) * 1.5)
save('f2.npy', np.array([0.5, -2, 65504], dtype='<f2'))
save('i4be.npy', np.array([1, -2, 70000], dtype='>i4'))
save('bool.npy', np.array([True, False, True]))
save('u8_0d.npy', np.array(7, dtype='<u8'))
save('empty.npy', np.zeros((0, 3), dtype='<i2'))
save('fortran.npy', np.asfortranarray(np.arange(12, dtype='<f8').reshape(3, 4)))
aligned = np.zeros(3, dtype=np.dtype([('a', 'u1'), ('b', '<f8'), ('c', '<i2')], align=True))
aligned['a'] = [1, 2, 3]; aligned['b'] = [0, 0.25, 0.5]; aligned['c'] = [0, -1, -2]
save('aligned.npy', aligned)
nested = np.zeros(2, dtype=[('v', [('x', '<f4'), ('y', '>i2', (2, 2))]), ('w', '?')])
nested['v']['x'] = [1.5, 2.5]; nested['v']['y'] = np.arange(8).reshape(2, 2, 2); nested['w'] = [True, False]
save('nested.npy', nested)
offsets = np.zeros(2, dtype={'names': ['x', 'y'], 'formats': ['<f4', 'u1'], 'offsets': [0, 8], 'itemsize': 12})
offsets['x'] = [1.25, -1]; offsets['y'] = [9, 8]
save('offsets.npy', offsets)
with open(os.path.join(d, 'v2.npy'), 'wb') as f:
    np.lib.format.write_array(f, np.arange(4, dtype='<u2'), version=(2, 0))
with open(os.path.join(d, 'v3.npy'), 'wb') as f:
    np.lib.format.write_array(f, np.array([([1, 2],)], dtype=[('\u4f4d\u7f6e', '<f4', (2,))]), version=(3, 0))
print('written')
)PY",
                                     dir.string());
    ASSERT_EQ(run.status, 0) << run.output;

    const auto load = [&](const char* name) { return glumpp::load_npy(dir / name); };
    const Array f4 = load("f4.npy");
    EXPECT_EQ(f4.dtype().descr(), "<f4");
    EXPECT_EQ(f4.shape(), (std::vector<std::size_t>{2, 3}));
    EXPECT_EQ(f4.to_vector<double>(), ramp(6, 1.5));
    EXPECT_EQ(load("f2.npy").dtype().descr(), "<f2");
    EXPECT_EQ(load("f2.npy").to_vector<double>(), (std::vector<double>{0.5, -2, 65504}));
    EXPECT_EQ(load("i4be.npy").dtype().descr(), ">i4");
    EXPECT_EQ(load("i4be.npy").to_vector<double>(), (std::vector<double>{1, -2, 70000}));
    EXPECT_EQ(load("bool.npy").dtype().descr(), "|b1");
    EXPECT_EQ(load("bool.npy").to_vector<double>(), (std::vector<double>{1, 0, 1}));
    const Array zero_d = load("u8_0d.npy");
    EXPECT_TRUE(zero_d.shape().empty());
    EXPECT_EQ(zero_d.value<std::uint64_t>(), 7u);
    EXPECT_EQ(load("empty.npy").shape(), (std::vector<std::size_t>{0, 3}));
    EXPECT_EQ(load("empty.npy").dtype().descr(), "<i2");

    const Array fortran = load("fortran.npy");
    EXPECT_EQ(fortran.strides(), fortran_strides({3, 4}, 8));
    EXPECT_EQ(fortran.to_vector<double>(), ramp(12));
    EXPECT_EQ(glumpp::map_npy(dir / "fortran.npy").to_vector<double>(), ramp(12));

    const Array aligned = load("aligned.npy");
    EXPECT_EQ(aligned.dtype().descr(), "[('a', '|u1'), ('', '|V7'), ('b', '<f8'), ('c', '<i2'), ('', '|V6')]");
    EXPECT_EQ(aligned.dtype(), DType::record({{"a", DType::parse("u1")}, {"b", DType::parse("<f8")}, {"c", DType::parse("<i2")}},
                                             glumpp::RecordLayout::Aligned));
    EXPECT_EQ(aligned["a"].to_vector<double>(), (std::vector<double>{1, 2, 3}));
    EXPECT_EQ(aligned["b"].to_vector<double>(), (std::vector<double>{0, 0.25, 0.5}));
    EXPECT_EQ(aligned["c"].to_vector<double>(), (std::vector<double>{0, -1, -2}));

    const Array nested = load("nested.npy");
    EXPECT_EQ(nested.dtype(), DType::parse("[('v', [('x', '<f4'), ('y', '>i2', (2, 2))]), ('w', '?')]"));
    EXPECT_EQ(nested["v"]["x"].to_vector<double>(), (std::vector<double>{1.5, 2.5}));
    EXPECT_EQ(nested["v"]["y"].to_vector<double>(), ramp(8));
    EXPECT_EQ(nested["w"].to_vector<double>(), (std::vector<double>{1, 0}));

    const Array offsets = load("offsets.npy");
    EXPECT_EQ(offsets.dtype().itemsize(), 12u);
    EXPECT_EQ(offsets.dtype().descr(), "[('x', '<f4'), ('', '|V4'), ('y', '|u1'), ('', '|V3')]");
    EXPECT_EQ(offsets.dtype().field("y").offset, 8u);
    EXPECT_EQ(offsets["x"].to_vector<double>(), (std::vector<double>{1.25, -1}));
    EXPECT_EQ(offsets["y"].to_vector<double>(), (std::vector<double>{9, 8}));

    const auto v2 = read_file(dir / "v2.npy");
    EXPECT_EQ(glumpp::parse_npy_header(v2).major, 2);
    EXPECT_EQ(load("v2.npy").to_vector<double>(), ramp(4));
    const auto v3 = read_file(dir / "v3.npy");
    EXPECT_EQ(glumpp::parse_npy_header(v3).major, 3);
    const Array weizhi = load("v3.npy");
    EXPECT_EQ(weizhi.dtype().fields().at(0).name, utf8_weizhi);
    EXPECT_EQ(weizhi[utf8_weizhi].to_vector<double>(), (std::vector<double>{1, 2}));
}

TEST(NpyNumpy, WeWriteNumpyReads) {
    REQUIRE_NUMPY();
    const fs::path dir = scratch();
    const auto save = [&](const Array& a, const char* name) { glumpp::save_npy(a, dir / name); };
    save(filled({2, 3}, DType::parse("<f4"), ramp(6, 1.5)), "f4.npy");
    save(filled({3}, DType::parse("<f2"), {0.5, -2, 65504}), "f2.npy");
    save(filled({3}, DType::parse(">i4"), {1, -2, 70000}), "i4be.npy");
    save(filled({3}, DType::parse("?"), {1, 0, 1}), "bool.npy");
    save(filled({}, DType::parse("<u8"), {7}), "u8_0d.npy");
    save(Array::zeros({0, 3}, DType::parse("<i2")), "empty.npy");
    save(filled({3, 4}, DType::parse("<f8"), ramp(12)).transpose(), "fortran.npy");
    save(filled({4, 6}, DType::parse("<i4"), ramp(24)).view({slice({}, {}, -2), slice(1, 5)}), "strided.npy");

    Array aligned = Array::zeros(
        {3}, DType::record({{"a", DType::parse("u1")}, {"b", DType::parse("<f8")}, {"c", DType::parse("<i2")}},
                           glumpp::RecordLayout::Aligned));
    aligned["a"].assign(Array::from(std::vector<double>{1, 2, 3}));
    aligned["b"].assign(Array::from(std::vector<double>{0, 0.25, 0.5}));
    aligned["c"].assign(Array::from(std::vector<double>{0, -1, -2}));
    save(aligned, "aligned.npy");

    Array nested = Array::zeros({2}, DType::parse("[('v', [('x', '<f4'), ('y', '>i2', (2, 2))]), ('w', '?')]"));
    nested["v"]["x"].assign(Array::from(std::vector<double>{1.5, 2.5}));
    nested["v"]["y"].assign(Array::from(ramp(8), {2, 2, 2}));
    nested["w"].assign(Array::from(std::vector<double>{1, 0}));
    save(nested, "nested.npy");

    std::vector<std::pair<std::string, DType>> many;
    for (int k = 0; k < 3000; ++k) many.emplace_back("field_" + std::to_string(10000 + k), DType::parse("u1"));
    Array wide = Array::zeros({2}, DType::record(many));
    wide["field_12999"].fill(7);
    save(wide, "v2.npy");
    Array weizhi = Array::zeros({1}, DType::record({{utf8_weizhi, DType::parse("<f4")}}));
    weizhi.fill(2.5);
    save(weizhi, "v3.npy");
    Array latin = Array::zeros({1}, DType::record({{utf8_e_acute, DType::parse("<f4")}}));
    latin.fill(-1);
    save(latin, "latin1.npy");

    const PythonRun run = run_python(dir, R"PY(
import os, sys
import numpy as np
d = sys.argv[1]
def load(name, dtype, shape):
    path = os.path.join(d, name)
    a = np.load(path)
    assert a.dtype == np.dtype(dtype), (name, a.dtype, dtype)
    assert a.shape == shape, (name, a.shape, shape)
    return a
def version(name):
    with open(os.path.join(d, name), 'rb') as f:
        return np.lib.format.read_magic(f)
def same(name, a, b):
    assert np.array_equal(a, b), (name, a, b)
same('f4', load('f4.npy', '<f4', (2, 3)), np.arange(6).reshape(2, 3) * 1.5)
same('f2', load('f2.npy', '<f2', (3,)), [0.5, -2, 65504])
same('i4be', load('i4be.npy', '>i4', (3,)), [1, -2, 70000])
same('bool', load('bool.npy', '?', (3,)), [True, False, True])
same('u8_0d', load('u8_0d.npy', '<u8', ()), 7)
load('empty.npy', '<i2', (0, 3))
fortran = load('fortran.npy', '<f8', (4, 3))
assert fortran.flags.f_contiguous and not fortran.flags.c_contiguous
same('fortran', fortran, np.arange(12.0).reshape(3, 4).T)
same('strided', load('strided.npy', '<i4', (2, 4)), np.arange(24).reshape(4, 6)[::-2, 1:5])
aligned = load('aligned.npy', np.dtype([('a', 'u1'), ('b', '<f8'), ('c', '<i2')], align=True), (3,))
assert aligned.dtype.itemsize == 24 and aligned.dtype.fields['c'][1] == 16, aligned.dtype
same('aligned.a', aligned['a'], [1, 2, 3]); same('aligned.b', aligned['b'], [0, 0.25, 0.5]); same('aligned.c', aligned['c'], [0, -1, -2])
nested = load('nested.npy', [('v', [('x', '<f4'), ('y', '>i2', (2, 2))]), ('w', '?')], (2,))
same('nested.x', nested['v']['x'], [1.5, 2.5]); same('nested.y', nested['v']['y'], np.arange(8).reshape(2, 2, 2)); same('nested.w', nested['w'], [True, False])
assert version('v2.npy') == (2, 0), version('v2.npy')
wide = np.load(os.path.join(d, 'v2.npy'), max_header_size=1 << 20)  # NumPy refuses headers over 10000 bytes by default
assert len(wide.dtype.names) == 3000 and wide.dtype.names[0] == 'field_10000', wide.dtype.names[:3]
same('wide', wide['field_12999'], [7, 7]); same('wide0', wide['field_10000'], [0, 0])
assert version('v3.npy') == (3, 0), version('v3.npy')
same('v3', load('v3.npy', [('\u4f4d\u7f6e', '<f4')], (1,))['\u4f4d\u7f6e'], [2.5])
assert version('latin1.npy') == (1, 0), version('latin1.npy')
same('latin1', load('latin1.npy', [('\u00e9', '<f4')], (1,))['\u00e9'], [-1])
print('ok')
)PY",
                                     dir.string());
    EXPECT_EQ(run.status, 0) << run.output;
    EXPECT_EQ(run.output, "ok\n");
}

TEST(NpyNumpy, DescrMatchesNumpy) {
    REQUIRE_NUMPY();
    const DType u1 = DType::parse("u1"), f8 = DType::parse("<f8"), i2 = DType::parse("<i2");
    // Each dtype with the Python expression that builds the same dtype in NumPy.
    const std::vector<std::pair<DType, std::string>> cases = {
        {DType::parse("<f4"), "np.dtype('<f4')"},
        {DType::parse(">i4"), "np.dtype('>i4')"},
        {DType::parse("u1"), "np.dtype('u1')"},
        {DType::parse("?"), "np.dtype('?')"},
        {DType::parse("float16"), "np.dtype('float16')"},
        {DType::parse("uint64"), "np.dtype('uint64')"},
        {DType::parse("V8"), "np.dtype('V8')"},
        {DType::parse("[('position', '<f4', (2,)), ('color', '<f4', (3,))]"),
         "np.dtype([('position', '<f4', (2,)), ('color', '<f4', (3,))])"},
        {DType::record({{"a", u1}, {"b", f8}, {"c", i2}}, glumpp::RecordLayout::Aligned),
         "np.dtype([('a', 'u1'), ('b', '<f8'), ('c', '<i2')], align=True)"},
        {DType::parse("[('v', [('x', '<f4'), ('y', '>i2', (2, 2))]), ('w', '?')]"),
         "np.dtype([('v', [('x', '<f4'), ('y', '>i2', (2, 2))]), ('w', '?')])"},
        {DType::parse("{'names': ['x', 'y'], 'formats': ['<f4', 'u1'], 'offsets': [0, 8], 'itemsize': 12}"),
         "np.dtype({'names': ['x', 'y'], 'formats': ['<f4', 'u1'], 'offsets': [0, 8], 'itemsize': 12})"},
        {DType::parse("[(\"it's\", '<f4')]"), "np.dtype([(\"it's\", '<f4')])"},
    };
    std::string script = "import numpy as np\n"
                         "def show(d):\n"
                         "    print(d.str if d.names is None else str(d.descr))\n";
    std::string expected;
    for (const auto& [dtype, python] : cases) {
        script += "show(" + python + ")\n";
        expected += dtype.descr() + "\n";
    }
    const PythonRun run = run_python(scratch(), script, "");
    ASSERT_EQ(run.status, 0) << run.output;
    EXPECT_EQ(run.output, expected);
}
