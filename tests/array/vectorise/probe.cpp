// The in-order typed-view loops that must stay vectorised (see View.hpp and Storage.hpp on
// what makes them so). check.cmake compiles this file with the project's compiler and
// release flags plus -fopt-info-vec-optimized, and requires GCC's "loop vectorized" note
// on every line marked `// vectorised`. Only compiled, never run or linked.
// (A loop copying glm vectors from a plain array into a view is not vectorised by GCC 12
// today, so it is not guarded here.)

#include <glumpp/array/Array.hpp>

#include <glm/glm.hpp>

#include <cstddef>
#include <cstdint>

namespace probe {
struct Star { // the galaxy's 24-byte record, as in bench/bench_array.cpp
    glm::vec2 position;
    float size;
    float type;
    float temperature;
    float brightness;
};
GLUMPP_DTYPE(Star, position, size, type, temperature, brightness);

inline glm::vec2 value_at(std::size_t k, float t) {
    const float x = static_cast<float>(static_cast<std::int32_t>(k));
    return {x + t, x * 0.5f - t};
}

// Indexed, over a view held in a local.
void indexed(glumpp::Array& A, float t) {
    auto pos = A["position"].as<glm::vec2>();
    for (std::size_t i = 0; i < pos.size(); ++i) pos[i] = value_at(i, t); // vectorised
}

// Range-for over the view's iterators.
void range_for(glumpp::Array& A, float t) {
    auto pos = A["position"].as<glm::vec2>();
    std::size_t i = 0;
    for (glm::vec2& p : pos) p = value_at(i++, t); // vectorised
}

// Indexed, over a view taken by reference (its members live in memory).
void by_reference(glumpp::View<glm::vec2>& pos, float t) {
    for (std::size_t i = 0; i < pos.size(); ++i) pos[i] = value_at(i, t); // vectorised
}

} // namespace probe
