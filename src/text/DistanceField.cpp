// Felzenszwalb-Huttenlocher's exact distance transform and glumpy's SDF pipeline.
#include <glumpp/text/DistanceField.hpp>

#include <glumpp/Error.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace glumpp::text {

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// The 1-D transform of f (n samples, stride apart in `data`), in place: d(p) = min_q (p -
// q)^2 + f(q), by the lower envelope of the parabolas rooted at the finite samples.
// v: the envelope's parabola roots; z: the boundaries between them (z[k] to z[k + 1]
// belongs to v[k]). Scratch vectors are the caller's, reused across lines.
void transform_1d(double* data, std::size_t n, std::size_t stride, std::vector<double>& f, std::vector<int>& v,
                  std::vector<double>& z) {
    f.resize(n);
    v.resize(n);
    z.resize(n + 1);
    for (std::size_t i = 0; i < n; ++i) f[i] = data[i * stride];
    int k = -1;
    for (int q = 0; q < static_cast<int>(n); ++q) {
        if (f[q] == inf) continue; // no parabola: it never lies on the envelope
        double s = -inf;
        while (k >= 0) {
            const int r = v[k];
            // where the parabolas rooted at r and q intersect
            s = ((f[q] + double(q) * q) - (f[r] + double(r) * r)) / (2.0 * (q - r));
            if (s > z[k]) break;
            --k;
        }
        ++k;
        v[k] = q;
        z[k] = k == 0 ? -inf : s;
        z[k + 1] = inf;
    }
    if (k < 0) return; // no finite sample: all stay infinite
    int j = 0;
    for (int p = 0; p < static_cast<int>(n); ++p) {
        while (z[j + 1] < p) ++j;
        const double d = double(p - v[j]);
        data[p * stride] = d * d + f[v[j]];
    }
}

void check_image(std::size_t size, int width, int height, const char* caller) {
    if (width < 0 || height < 0 || size != static_cast<std::size_t>(width) * static_cast<std::size_t>(height)) {
        throw ValueError(std::string(caller) + ": " + std::to_string(size) + " pixels given for a " +
                         std::to_string(width) + "x" + std::to_string(height) + " image");
    }
}

} // namespace

Field squared_distance(const std::vector<std::uint8_t>& feature, int width, int height) {
    check_image(feature.size(), width, height, "squared_distance");
    Field out{width, height, std::vector<double>(feature.size())};
    for (std::size_t i = 0; i < feature.size(); ++i) out.values[i] = feature[i] ? 0.0 : inf;
    std::vector<double> f, z;
    std::vector<int> v;
    const auto w = static_cast<std::size_t>(width), h = static_cast<std::size_t>(height);
    for (std::size_t x = 0; x < w; ++x) transform_1d(out.values.data() + x, h, w, f, v, z);
    for (std::size_t y = 0; y < h; ++y) transform_1d(out.values.data() + y * w, w, 1, f, v, z);
    return out;
}

Field signed_distance(const std::vector<std::uint8_t>& inside, int width, int height) {
    check_image(inside.size(), width, height, "signed_distance");
    std::vector<std::uint8_t> outside(inside.size());
    for (std::size_t i = 0; i < inside.size(); ++i) outside[i] = inside[i] ? 0 : 1;
    const Field to_inside = squared_distance(inside, width, height);
    const Field to_outside = squared_distance(outside, width, height);
    Field out{width, height, std::vector<double>(inside.size())};
    for (std::size_t i = 0; i < inside.size(); ++i) {
        out.values[i] = inside[i] ? -(std::sqrt(to_outside.values[i]) - 0.5) : std::sqrt(to_inside.values[i]) - 0.5;
    }
    return out;
}

GlyphField glyph_distance_field(const Font& font, std::uint32_t glyph, double size, double hires, double padding) {
    if (!(size > 0 && size <= 4096) || !(hires >= size && hires <= 4096) || !(padding >= 0 && padding <= 1)) {
        throw ValueError("glyph_distance_field: size " + std::to_string(size) + ", hires " + std::to_string(hires) +
                         " and padding " + std::to_string(padding) +
                         " must satisfy 0 < size <= hires <= 4096 and 0 <= padding <= 1");
    }
    const GlyphBitmap big = font.render(glyph, hires, Hinting::Unhinted);
    const double ratio = size / hires;
    GlyphField out;
    out.advance = font.glyph_advance(glyph, size);
    if (big.width == 0 || big.height == 0) return out;
    // Pad as glumpy does: int((1 + 2 p) w) wide, the glyph at int(p w).
    const int W = static_cast<int>((1 + 2 * padding) * big.width), H = static_cast<int>((1 + 2 * padding) * big.height);
    const int ox = static_cast<int>(padding * big.width), oy = static_cast<int>(padding * big.height);
    std::vector<std::uint8_t> inside(static_cast<std::size_t>(W) * H, 0);
    for (int r = 0; r < big.height; ++r) {
        for (int c = 0; c < big.width; ++c) {
            inside[static_cast<std::size_t>(r + oy) * W + c + ox] = big.pixels[static_cast<std::size_t>(r) * big.width + c] >= 128;
        }
    }
    Field d = signed_distance(inside, W, H);
    // glumpy's compute_sdf: vmin = the deepest inside value, vmax = -vmin, clamp, and map
    // [vmin, vmax] to [0, 1] (0 inside); SDFFont then takes 1 - zoom(...).
    double vmin = 0;
    for (const double v : d.values) vmin = std::min(vmin, v);
    if (vmin == -inf || vmin == 0) vmin = -1; // all inside (no outside pixel) or nothing inside
    const double vmax = -vmin;
    for (double& v : d.values) v = (std::clamp(v, vmin, vmax) - vmin) / (vmax - vmin);
    // glumpy's zoom(): round(ratio n) samples at linspace(0, n, m, endpoint=False), bilinear,
    // indices clamped to the image.
    const int w = static_cast<int>(std::lround(ratio * W)), h = static_cast<int>(std::lround(ratio * H));
    out.field = {w, h, std::vector<double>(static_cast<std::size_t>(w) * h)};
    for (int j = 0; j < h; ++j) {
        const double y = double(j) * H / h;
        const int y0 = static_cast<int>(std::floor(y)), y1 = y0 + 1;
        const int cy0 = std::clamp(y0, 0, H - 1), cy1 = std::clamp(y1, 0, H - 1);
        for (int i = 0; i < w; ++i) {
            const double x = double(i) * W / w;
            const int x0 = static_cast<int>(std::floor(x)), x1 = x0 + 1;
            const int cx0 = std::clamp(x0, 0, W - 1), cx1 = std::clamp(x1, 0, W - 1);
            // glumpy weights with the unclamped x0/x1, y0/y1
            const double v = (x1 - x) * (y1 - y) * d.at(cx0, cy0) + (x1 - x) * (y - y0) * d.at(cx0, cy1) +
                             (x - x0) * (y1 - y) * d.at(cx1, cy0) + (x - x0) * (y - y0) * d.at(cx1, cy1);
            out.field.values[static_cast<std::size_t>(j) * w + i] = 1.0 - v;
        }
    }
    out.left = (big.left - padding * big.width) * ratio;
    out.top = (big.top + padding * big.height) * ratio;
    return out;
}

} // namespace glumpp::text
