// collection-glyph: glumpy's examples/collection-glyph.py, ported: Lewis Carroll's
// Jabberwocky as one label of a distance-field GlyphCollection under a Trackball
// (glumpy's defaults: theta 45, phi 45, zoom 35, distance 8), black Roboto on a white
// 700x700 window. Drag rotates, scroll zooms.
//
// glumpy's SDF collection places glyphs at origin + scale * offset, the offsets in the
// font's 48-px-per-em units and scale 0.005 (its default), in the world's x-y plane
// (direction (1, 0, 0), y up): here Placement::World with size 48 and world_scale 0.005,
// anchored at the text's centre both ways (glumpy's defaults, our Center and Middle).
// Moving the camera changes the trackball's uniforms only: no glyph or label record is
// sent again (`collection-glyph drag` scripts a left-button drag, for --stats).
#include "common/ScriptedDrag.hpp"

#include <glumpp/app.hpp>
#include <glumpp/graphics.hpp>
#include <glumpp/transforms.hpp>


using namespace glumpp;

namespace {
const char* jabberwocky =
    "`Twas brillig, and the slithy toves\n"
    "  Did gyre and gimble in the wabe:\n"
    "All mimsy were the borogoves,\n"
    "  And the mome raths outgrabe.\n"
    "\n"
    "\"Beware the Jabberwock, my son!\n"
    "  The jaws that bite, the claws that catch!\n"
    "Beware the Jubjub bird, and shun\n"
    "  The frumious Bandersnatch!\"\n"
    "He took his vorpal sword in hand:\n"
    "  Long time the manxome foe he sought --\n"
    "So rested he by the Tumtum tree,\n"
    "  And stood awhile in thought.\n"
    "And, as in uffish thought he stood,\n"
    "  The Jabberwock, with eyes of flame,\n"
    "Came whiffling through the tulgey wood,\n"
    "  And burbled as it came!\n"
    "One, two! One, two! And through and through\n"
    "  The vorpal blade went snicker-snack!\n"
    "He left it dead, and with its head\n"
    "  He went galumphing back.\n"
    "\"And, has thou slain the Jabberwock?\n"
    "  Come to my arms, my beamish boy!\n"
    "O frabjous day! Callooh! Callay!'\n"
    "  He chortled in his joy.\n"
    "\n"
    "`Twas brillig, and the slithy toves\n"
    "  Did gyre and gimble in the wabe;\n"
    "All mimsy were the borogoves,\n"
    "  And the mome raths outgrabe.\n";
} // namespace

int main(int argc, char** argv) {
    auto options = app::Options::parse(argc, argv, "collection-glyph: a poem as one label under a trackball");
    app::Window window(options, 700, 700, "collection-glyph");
    window.set_clear_color({1, 1, 1, 1});

    transforms::Trackball trackball;
    graphics::GlyphCollection glyphs(graphics::GlyphCollection::Mode::DistanceField);
    glyphs.set_transform(trackball(transforms::Position()("position")));
    glyphs.append(jabberwocky, text::Font::open("Roboto"),
                  {.size = 48, .placement = graphics::Placement::World, .world_scale = 0.005});
    trackball.attach(window);

    if (int rc = glumpp::examples::script_drag(window, options, glumpp::app::MouseButton::Left, "collection-glyph")) return rc;
    window.on_draw([&](double) {
        window.clear();
        glyphs.draw();
    });
    return app::run(window, options);
}
