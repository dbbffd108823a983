#pragma once
// glumpp::svg, the library that needs no GL: SVG documents read into flattened, styled
// shapes, and the fill tessellator that triangulates them. Link glumpp::svg alone to
// triangulate SVG for a renderer of one's own:
//
//   auto doc = glumpp::svg::Document::load("tiger.svg");
//   for (const auto& shape : doc.shapes())
//       if (shape.fill) draw_triangles(glumpp::svg::tessellate(shape.subpaths, shape.fill->rule));
//
// It links pugixml and GLU's tessellator (libGLU, which loads GLVND's libOpenGL dispatch
// stub but no driver, display or context), and no glumpp GL layer: a layer of its own
// (include/glumpp/svg/, src/svg/, tests/svg/), below graphics. The renderer
// (glumpp::graphics, <glumpp/graphics.hpp>, which includes this header) takes Polyline
// and FillRule as they are, and names them in its own namespace too (PathCollection.hpp, PolygonCollection.hpp).
#include <glumpp/svg/Color.hpp>
#include <glumpp/svg/Document.hpp>
#include <glumpp/svg/Flatten.hpp>
#include <glumpp/svg/PathData.hpp>
#include <glumpp/svg/Polyline.hpp>
#include <glumpp/svg/Shape.hpp>
#include <glumpp/svg/Tessellator.hpp>
#include <glumpp/svg/Transform.hpp>
