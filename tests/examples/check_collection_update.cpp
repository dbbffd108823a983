// check_collection_update SHOT.png: what must hold in any frame of glumpy's
// collection-update, whatever its random data (the same checks pass on glumpy's own
// screenshot): a plot in each of the 16 x 20 grid cells, every lit pixel inside its cell's
// plot box, each plot as wide as its box, and every color channel of a plot in
// [0.5, 1] (glumpy's uniform(0.5, 1.0) colors, or white when selected).
#include <glumpp/app/Image.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace glumpp;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: check_collection_update SHOT.png\n");
        return 2;
    }
    const Array image = app::load_png(argv[1]);
    const auto px = image.to_vector<int>();
    const int h = int(image.shape()[0]), w = int(image.shape()[1]), channels = int(image.shape()[2]);
    const int rows = 16, cols = 20;
    // The plot box in pixels: x +- 0.95 * 0.95 / cols, y +- 0.95 / rows * amplitude (at most
    // 0.75) in NDC around the cell's centre; one pixel of slack for rasterization.
    const double half_w = 0.95 * 0.95 / cols * w / 2, half_h = 0.95 / rows * 0.75 * h / 2;
    std::vector<int> lo_x(rows * cols, w), hi_x(rows * cols, -1), lit(rows * cols, 0);
    long outside = 0, dark = 0, total = 0;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const int* p = &px[(std::size_t(y) * w + x) * channels];
            const int brightest = std::max({p[0], p[1], p[2]});
            if (brightest == 0) continue;
            ++total;
            const int col = x * cols / w, row = (h - 1 - y) * rows / h, cell = row * cols + col;
            const double cx = (col + 0.5) * w / cols, cy = h - (row + 0.5) * h / rows;
            if (std::abs(x + 0.5 - cx) > half_w + 1 || std::abs(y + 0.5 - cy) > half_h + 1) ++outside;
            if (std::min({p[0], p[1], p[2]}) < 127) ++dark;
            lo_x[cell] = std::min(lo_x[cell], x);
            hi_x[cell] = std::max(hi_x[cell], x);
            ++lit[cell];
        }
    }
    int empty = 0, narrow = 0;
    for (int c = 0; c < rows * cols; ++c) {
        if (!lit[c]) ++empty;
        else if (hi_x[c] - lo_x[c] + 1 < 2 * half_w - 2) ++narrow;
    }
    std::printf("%s: %dx%d, %.2f%% lit; %d empty cells, %d narrower than their box (%.1f px), %ld lit pixels outside "
                "the boxes, %ld with a channel under 127\n",
                argv[1], w, h, 100.0 * double(total) / (double(w) * h), empty, narrow, 2 * half_w, outside, dark);
    return empty || narrow || outside || dark ? 1 : 0;
}
