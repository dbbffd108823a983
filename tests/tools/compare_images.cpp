// compare_images ACTUAL.png EXPECTED.png DIFF.png
// Golden-image comparison for the demos. llvmpipe is bit-exact from run to run, but LLVM
// may generate slightly different code on another CPU, so a small tolerance is allowed:
// at most 0.5% of pixels may differ by more than 8/255 in a channel, and the mean absolute
// difference must stay under 1/255. On failure a diff image (differences amplified, in
// red over a dimmed copy of the expected image) is written and the figures are printed.
// An RGB reference (glumpy's screenshots read GL_RGB) is compared with the colour of an
// RGBA image; its alpha is not compared (a window on screen shows no alpha).
#include <glumpp/app/Image.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace glumpp;

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: compare_images ACTUAL.png EXPECTED.png DIFF.png\n");
        return 2;
    }
    try {
        const Array actual = app::load_png(argv[1]);
        const Array expected = app::load_png(argv[2]);
        auto same_pixels = [](const std::vector<std::size_t>& a, const std::vector<std::size_t>& e) {
            return a.size() == 3 && e.size() == 3 && a[0] == e[0] && a[1] == e[1] && a[2] == 4 && e[2] == 3;
        };
        if (actual.shape() != expected.shape() && !same_pixels(actual.shape(), expected.shape())) {
            std::fprintf(stderr, "compare_images: %s is %s but %s is %s\n", argv[1], glumpp::detail::shape_str(actual.shape()).c_str(),
                         argv[2], glumpp::detail::shape_str(expected.shape()).c_str());
            return 1;
        }
        const std::size_t channels = expected.shape()[2];
        // The first `channels` of each pixel of the actual image.
        const auto a = actual.view({all, all, slice(0, static_cast<std::ptrdiff_t>(channels))}).copy().to_vector<int>();
        const auto e = expected.to_vector<int>();
        const std::size_t pixels = a.size() / channels;
        std::size_t differing = 0;
        double total = 0;
        Array diff = Array::zeros<std::uint8_t>({actual.shape()[0], actual.shape()[1], 3});
        auto d = diff.write();
        for (std::size_t p = 0; p < pixels; ++p) {
            int worst = 0;
            for (std::size_t c = 0; c < channels; ++c) {
                const int delta = std::abs(a[p * channels + c] - e[p * channels + c]);
                worst = std::max(worst, delta);
                total += delta;
            }
            differing += worst > 8;
            const int dim = e[p * channels] / 4;
            d.data()[p * 3 + 0] = static_cast<std::byte>(std::min(255, dim + worst * 16));
            d.data()[p * 3 + 1] = static_cast<std::byte>(dim);
            d.data()[p * 3 + 2] = static_cast<std::byte>(dim);
        }
        const double mean = total / static_cast<double>(a.size());
        const double fraction = static_cast<double>(differing) / static_cast<double>(pixels);
        std::printf("compare_images: %zu of %zu pixels differ (%.3f%%), mean absolute difference %.4f\n", differing, pixels,
                    100.0 * fraction, mean);
        if (fraction > 0.005 || mean > 1.0) {
            app::save_png(diff, argv[3]);
            std::printf("compare_images: FAILED; differences drawn in %s\n", argv[3]);
            return 1;
        }
        return 0;
    } catch (const std::exception& ex) {
        std::fprintf(stderr, "compare_images: %s\n", ex.what());
        return 1;
    }
}
