#include "Colormap.hpp"

#include <glm/glm.hpp>

#include <algorithm>
#include <cmath>

namespace {

// One lobe of the fit: a Gaussian with different widths left and right of its centre.
double lobe(double nm, double centre, double left, double right) {
    const double t = (nm - centre) / (nm < centre ? left : right);
    return std::exp(-0.5 * t * t);
}

glm::dvec3 matching(double nm) {
    return {1.056 * lobe(nm, 599.8, 37.9, 31.0) + 0.362 * lobe(nm, 442.0, 16.0, 26.7) - 0.065 * lobe(nm, 501.1, 20.4, 26.2),
            0.821 * lobe(nm, 568.8, 46.9, 40.5) + 0.286 * lobe(nm, 530.9, 16.3, 31.1),
            1.217 * lobe(nm, 437.0, 11.8, 36.0) + 0.681 * lobe(nm, 459.0, 26.0, 13.8)};
}

double planck(double nm, double kelvin) {
    const double m = nm * 1e-9;
    return 3.74183e-16 * std::pow(m, -5.0) / (std::exp(1.4388e-2 / (m * kelvin)) - 1.0);
}

// XYZ -> RGB for primaries and white point given as chromaticities.
glm::dmat3 xyz_to_rgb() {
    auto xyz = [](double x, double y) { return glm::dvec3(x, y, 1 - x - y); };
    const glm::dmat3 primaries(xyz(0.630, 0.340), xyz(0.310, 0.595), xyz(0.155, 0.070)); // SMPTE, columns
    const glm::dvec3 white = xyz(0.3101, 0.3162) / 0.3162;                              // illuminant C, Y = 1
    const glm::dvec3 scale = glm::inverse(primaries) * white;
    const glm::dmat3 rgb_to_xyz(primaries[0] * scale.x, primaries[1] * scale.y, primaries[2] * scale.z);
    return glm::inverse(rgb_to_xyz);
}

} // namespace

glumpp::Array black_body_colormap(double coldest, double hottest, std::size_t entries) {
    const glm::dmat3 to_rgb = xyz_to_rgb();
    auto map = glumpp::Array::zeros<float>({entries, 3});
    auto rgb = map.as<glm::vec3>();
    for (std::size_t k = 0; k < entries; ++k) {
        const double kelvin = coldest + (hottest - coldest) * double(k) / double(entries - 1);
        glm::dvec3 xyz(0);
        for (double nm = 380; nm <= 780; nm += 5) xyz += planck(nm, kelvin) * matching(nm);
        glm::dvec3 c = to_rgb * (xyz / (xyz.x + xyz.y + xyz.z));
        const double w = std::min({0.0, c.r, c.g, c.b});
        c -= w; // out of gamut: add white until no component is negative
        c /= std::max({c.r, c.g, c.b});
        rgb[k] = glm::vec3(c);
    }
    return map;
}
