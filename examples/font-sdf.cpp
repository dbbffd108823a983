// font-sdf: glumpy's examples/font-sdf.py, ported: "The quick brown fox jumps over the lazy
// dog" in Open Sans at 6, 8, ..., 52 pixels per em, one label per size, all drawn from one
// distance-field atlas (fields at 48 px, scaled by the shader) in one draw call.
//
// As glumpy's: a 1200x800 white window, labels anchored left (and, by default, at their
// middle) at x = 2, each y = the previous one - 1.1 * size, starting from the top (y up,
// glumpy's OrthographicProjection(Position()): the collection's default transform).
// Labels are black, glumpy's default color.
#include "common/FontLadder.hpp"

int main(int argc, char** argv) {
    return glumpp::examples::font_ladder(argc, argv, "font-sdf", "font-sdf: a distance-field text ladder, 6 to 52 px", glumpp::graphics::GlyphCollection::Mode::DistanceField);
}
