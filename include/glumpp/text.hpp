#pragma once
// glumpp's text layer: fonts, shaping and CPU layout (Font.hpp), the exact distance
// transform and glyph distance fields (DistanceField.hpp), the rectangle packer
// (SkylinePacker.hpp) and the glyph atlas, a memory-aware texture (GlyphAtlas.hpp).
#include <glumpp/text/DistanceField.hpp>
#include <glumpp/text/Font.hpp>
#include <glumpp/text/GlyphAtlas.hpp>
#include <glumpp/text/SkylinePacker.hpp>
