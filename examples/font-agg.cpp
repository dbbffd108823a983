// font-agg: glumpy's examples/font-agg.py, ported: font-sdf's ladder ("The quick brown fox
// jumps over the lazy dog" in Open Sans at 6, 8, ..., 52 px) drawn from coverage glyphs
// (glumpy's 'agg' fonts): each size rendered by FreeType, hinted, at exactly that size,
// and drawn texel for pixel. All sizes share one atlas and one draw call.
//
// As glumpy's: a 1200x800 white window, black labels anchored left and at their middle,
// x = 2, each y = the previous one - 1.1 * size from the top (y up). glumpy's agg mode
// filters LCD sub-pixels (coloured fringes); ours is grayscale coverage, what PIL draws.
#include "common/FontLadder.hpp"

int main(int argc, char** argv) {
    return glumpp::examples::font_ladder(argc, argv, "font-agg", "font-agg: a coverage text ladder, 6 to 52 px", glumpp::graphics::GlyphCollection::Mode::Coverage);
}
