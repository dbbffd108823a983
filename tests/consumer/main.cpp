// Built against an installed glumpp by tests/consumer/run.cmake.
#include <glumpp/array.hpp>

#include <cstdio>

int main() {
    auto V = glumpp::Array::zeros({3, 3}, glumpp::DType::parse("[('position', '<f4', (2,)), ('color', '<f4', (3,))]"));
    V.clear_pending();
    V["position"].view({0, 0}).assign({0.0, 0.0});
    V["position"].view({1, 1}).assign({0.0, 0.0});
    const auto r = V.dirty_ranges();
    const bool ok = r.size() == 2 && r[0] == glumpp::ByteRange{0, 8} && r[1] == glumpp::ByteRange{80, 88};
    std::printf("consumer: %s\n", ok ? "dirty ranges as expected" : "WRONG dirty ranges");
    return ok ? 0 : 1;
}
