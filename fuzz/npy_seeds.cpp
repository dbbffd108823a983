// Writes the seed corpus of fuzz_npy: one small valid .npy per feature of the format
// (scalar kinds, byte orders, 0-d/empty/N-d shapes, Fortran order, records with padding,
// nested records and sub-arrays, versions 2.0 and 3.0), so that the fuzzer starts from
// headers that parse and spends its time on the ways they can go wrong.
#include <glumpp/array.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using glumpp::Array;
using glumpp::DType;

namespace {

void write_bytes(const std::filesystem::path& dir, const std::string& name, const std::vector<std::byte>& bytes) {
    std::ofstream out(dir / (name + ".npy"), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw glumpp::IoError("fuzz_npy_seeds: cannot write " + (dir / name).string());
}

void write(const std::filesystem::path& dir, const std::string& name, const Array& a) {
    write_bytes(dir, name, glumpp::to_npy_bytes(a));
}

// The same file as version 2.0 (4-byte header length). The writer only picks 2.0 for
// headers over 64 KiB, which would make every fuzz input that large and slow.
std::vector<std::byte> as_version2(std::vector<std::byte> v1) {
    v1[6] = std::byte{2};
    v1.insert(v1.begin() + 10, {std::byte{0}, std::byte{0}});
    return v1;
}

Array ramp(std::vector<std::size_t> shape, const char* dtype) {
    Array a = Array::zeros(std::move(shape), DType::parse(dtype));
    std::vector<double> values(a.size());
    for (std::size_t k = 0; k < values.size(); ++k) values[k] = static_cast<double>(k % 100);
    a.assign(Array::from(values, a.shape()));
    return a;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_npy_seeds DIRECTORY\n");
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    try {
        write(dir, "f4_vector", ramp({5}, "<f4"));
        write(dir, "f2_matrix", ramp({2, 3}, "<f2"));
        write(dir, "i4_big_endian", ramp({4}, ">i4"));
        write(dir, "bool", ramp({3}, "?"));
        write(dir, "u1_0d", ramp({}, "u1"));
        write(dir, "i8_empty", ramp({0, 3}, "<i8"));
        write(dir, "f8_fortran", ramp({3, 2}, "<f8").transpose());
        const DType vertex = DType::parse("[('position', '<f4', (2,)), ('color', '<f4', (3,))]");
        write(dir, "record_subarrays", Array::zeros({3}, vertex));
        const DType padded = DType::parse("[('a', 'u1'), ('', '|V3'), ('b', '<i4'), ('', '|V8')]");
        write(dir, "record_padding", Array::zeros({2}, padded));
        const DType nested = DType::parse("[('v', [('x', '<f4'), ('y', '>i2', (2, 2))]), ('w', '?')]");
        write(dir, "record_nested", Array::zeros({2, 1}, nested));
        write(dir, "version3", Array::zeros({1}, DType::parse("[('\\u4f4d\\u7f6e', '<f4')]")));
        write_bytes(dir, "version2", as_version2(glumpp::to_npy_bytes(ramp({2, 2}, "<u2"))));
    } catch (const glumpp::Error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
