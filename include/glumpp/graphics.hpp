#pragma once
// The graphics layer: collections (many items, one draw call each), their pan-zoom
// transform, item lists and SvgScene; with the layers it uses, gloo and svg (SVG
// documents and fill tessellation, glumpp::svg), so that this one header gives everything.
#include <glumpp/gloo.hpp>
#include <glumpp/graphics/Collection.hpp>
#include <glumpp/graphics/ItemList.hpp>
#include <glumpp/graphics/MarkerCollection.hpp>
#include <glumpp/graphics/PanZoom.hpp>
#include <glumpp/graphics/PathCollection.hpp>
#include <glumpp/graphics/PointCollection.hpp>
#include <glumpp/graphics/PolygonCollection.hpp>
#include <glumpp/graphics/SegmentCollection.hpp>
#include <glumpp/graphics/SvgScene.hpp>
#include <glumpp/graphics/TriangleCollection.hpp>
#include <glumpp/graphics/UserCollection.hpp>
#include <glumpp/svg.hpp>
// grids: glumpy's GLSL library pieces (colormaps, grids, antialiasing, markers).
#include <glumpp/graphics/Glsl.hpp>
// labels: glyph collections
#include <glumpp/graphics/GlyphCollection.hpp>
// svg2: gradient fills of SVG documents
#include <glumpp/graphics/GradientCollection.hpp>
