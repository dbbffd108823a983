#include "Colormap.hpp"

#include <glumpp/Error.hpp>

#include <glm/glm.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace {

// CIE 1931 2-degree standard observer: (x-bar, y-bar, z-bar) at 380, 385, ..., 780 nm.
constexpr std::array<glm::dvec3, 81> cie_1931 = {{
    {0.0014, 0.0000, 0.0065}, {0.0022, 0.0001, 0.0105}, {0.0042, 0.0001, 0.0201}, {0.0076, 0.0002, 0.0362}, // 380 nm
    {0.0143, 0.0004, 0.0679}, {0.0232, 0.0006, 0.1102}, {0.0435, 0.0012, 0.2074}, {0.0776, 0.0022, 0.3713}, // 400 nm
    {0.1344, 0.0040, 0.6456}, {0.2148, 0.0073, 1.0391}, {0.2839, 0.0116, 1.3856}, {0.3285, 0.0168, 1.6230}, // 420 nm
    {0.3483, 0.0230, 1.7471}, {0.3481, 0.0298, 1.7826}, {0.3362, 0.0380, 1.7721}, {0.3187, 0.0480, 1.7441}, // 440 nm
    {0.2908, 0.0600, 1.6692}, {0.2511, 0.0739, 1.5281}, {0.1954, 0.0910, 1.2876}, {0.1421, 0.1126, 1.0419}, // 460 nm
    {0.0956, 0.1390, 0.8130}, {0.0580, 0.1693, 0.6162}, {0.0320, 0.2080, 0.4652}, {0.0147, 0.2586, 0.3533}, // 480 nm
    {0.0049, 0.3230, 0.2720}, {0.0024, 0.4073, 0.2123}, {0.0093, 0.5030, 0.1582}, {0.0291, 0.6082, 0.1117}, // 500 nm
    {0.0633, 0.7100, 0.0782}, {0.1096, 0.7932, 0.0573}, {0.1655, 0.8620, 0.0422}, {0.2257, 0.9149, 0.0298}, // 520 nm
    {0.2904, 0.9540, 0.0203}, {0.3597, 0.9803, 0.0134}, {0.4334, 0.9950, 0.0087}, {0.5121, 1.0000, 0.0057}, // 540 nm
    {0.5945, 0.9950, 0.0039}, {0.6784, 0.9786, 0.0027}, {0.7621, 0.9520, 0.0021}, {0.8425, 0.9154, 0.0018}, // 560 nm
    {0.9163, 0.8700, 0.0017}, {0.9786, 0.8163, 0.0014}, {1.0263, 0.7570, 0.0011}, {1.0567, 0.6949, 0.0010}, // 580 nm
    {1.0622, 0.6310, 0.0008}, {1.0456, 0.5668, 0.0006}, {1.0026, 0.5030, 0.0003}, {0.9384, 0.4412, 0.0002}, // 600 nm
    {0.8544, 0.3810, 0.0002}, {0.7514, 0.3210, 0.0001}, {0.6424, 0.2650, 0.0000}, {0.5419, 0.2170, 0.0000}, // 620 nm
    {0.4479, 0.1750, 0.0000}, {0.3608, 0.1382, 0.0000}, {0.2835, 0.1070, 0.0000}, {0.2187, 0.0816, 0.0000}, // 640 nm
    {0.1649, 0.0610, 0.0000}, {0.1212, 0.0446, 0.0000}, {0.0874, 0.0320, 0.0000}, {0.0636, 0.0232, 0.0000}, // 660 nm
    {0.0468, 0.0170, 0.0000}, {0.0329, 0.0119, 0.0000}, {0.0227, 0.0082, 0.0000}, {0.0158, 0.0057, 0.0000}, // 680 nm
    {0.0114, 0.0041, 0.0000}, {0.0081, 0.0029, 0.0000}, {0.0058, 0.0021, 0.0000}, {0.0041, 0.0015, 0.0000}, // 700 nm
    {0.0029, 0.0010, 0.0000}, {0.0020, 0.0007, 0.0000}, {0.0014, 0.0005, 0.0000}, {0.0010, 0.0004, 0.0000}, // 720 nm
    {0.0007, 0.0002, 0.0000}, {0.0005, 0.0002, 0.0000}, {0.0003, 0.0001, 0.0000}, {0.0002, 0.0001, 0.0000}, // 740 nm
    {0.0002, 0.0001, 0.0000}, {0.0001, 0.0000, 0.0000}, {0.0001, 0.0000, 0.0000}, {0.0001, 0.0000, 0.0000}, // 760 nm
    {0.0000, 0.0000, 0.0000}, // 780 nm
}};

// Spectral radiant exitance (W m^-3) at `nm` nanometres: Planck's law with c1 = 2 pi h c^2
// and c2 = h c / k as specrend writes them (the scale does not matter: only ratios do).
double planck(double nm, double kelvin) {
    const double m = nm * 1e-9;
    return 3.74183e-16 * std::pow(m, -5.0) / (std::exp(1.4388e-2 / (m * kelvin)) - 1.0);
}

// XYZ -> RGB for primaries and white point given as chromaticities: the columns of
// rgb_to_xyz are the primaries, each scaled so that R = G = B = 1 makes the white.
glm::dmat3 xyz_to_rgb() {
    auto xyz = [](double x, double y) { return glm::dvec3(x, y, 1 - x - y); };
    const glm::dmat3 primaries(xyz(0.630, 0.340), xyz(0.310, 0.595), xyz(0.155, 0.070)); // SMPTE, columns
    const glm::dvec3 white = xyz(0.3127, 0.3291) / 0.3291;                              // D65, Y = 1
    const glm::dvec3 scale = glm::inverse(primaries) * white;
    const glm::dmat3 rgb_to_xyz(primaries[0] * scale.x, primaries[1] * scale.y, primaries[2] * scale.z);
    return glm::inverse(rgb_to_xyz);
}

glm::vec3 black_body_with(const glm::dmat3& to_rgb, double kelvin) {
    glm::dvec3 xyz(0);
    for (std::size_t i = 0; i < cie_1931.size(); ++i) xyz += planck(380.0 + 5.0 * double(i), kelvin) * cie_1931[i];
    glm::dvec3 c = glm::clamp(to_rgb * (xyz / (xyz.x + xyz.y + xyz.z)), 0.0, 1.0);
    const double largest = std::max({c.r, c.g, c.b});
    if (largest > 0) c /= largest;
    return glm::vec3(c);
}

} // namespace

glm::vec3 black_body(double kelvin) {
    if (!std::isfinite(kelvin) || kelvin <= 0) {
        throw glumpp::ValueError("black_body: the temperature must be finite and > 0 K, not " + std::to_string(kelvin));
    }
    return black_body_with(xyz_to_rgb(), kelvin);
}

glumpp::Array black_body_colormap(double coldest, double hottest, std::size_t entries) {
    if (!std::isfinite(coldest) || !std::isfinite(hottest) || coldest <= 0 || hottest <= coldest || entries == 0) {
        throw glumpp::ValueError("black_body_colormap: needs 0 < coldest < hottest and entries >= 1, not coldest " +
                                 std::to_string(coldest) + ", hottest " + std::to_string(hottest) + ", entries " +
                                 std::to_string(entries));
    }
    const glm::dmat3 to_rgb = xyz_to_rgb();
    auto map = glumpp::Array::zeros<float>({entries, 3});
    auto rgb = map.as<glm::vec3>();
    const double step = (hottest - coldest) / double(entries);
    for (std::size_t k = 0; k < entries; ++k) rgb[k] = black_body_with(to_rgb, coldest + step * double(k));
    return map;
}
