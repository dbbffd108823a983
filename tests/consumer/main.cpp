// Built against an installed glumpp by tests/consumer/run.cmake: the array layer, and a
// buffer uploaded in a headless context (so that the package's GL dependencies resolve).
#include <glumpp/app.hpp>

#include <cstdio>

int main() {
    auto ctx = glumpp::gloo::Context::headless();
    auto V = glumpp::gloo::VertexBuffer::zeros({3, 3}, glumpp::DType::parse("[('position', '<f4', (2,)), ('color', '<f4', (3,))]"));
    V.sync();
    V["position"].view({0, 0}).assign({1.0, 2.0});
    V["position"].view({1, 1}).assign({3.0, 4.0});
    const auto r = V.dirty_ranges();
    const bool ranges_ok = r.size() == 2 && r[0] == glumpp::ByteRange{0, 8} && r[1] == glumpp::ByteRange{80, 88};
    V.sync();
    const auto gpu = V.read_back();
    const bool gpu_ok = gpu.size() == V.base_nbytes() && std::equal(gpu.begin(), gpu.end(), V.base_data());
    std::printf("consumer: dirty ranges %s, GPU copy %s\n", ranges_ok ? "as expected" : "WRONG", gpu_ok ? "equal" : "DIFFERENT");
    return ranges_ok && gpu_ok ? 0 : 1;
}
