#pragma once
// glumpp::svg, the library that needs no GL: SVG documents read into flattened, styled
// shapes, and the fill tessellator that triangulates them. Link glumpp::svg alone to
// triangulate SVG for a renderer of one's own:
//
//   auto doc = glumpp::graphics::svg::Document::load("tiger.svg");
//   for (const auto& shape : doc.shapes())
//       if (shape.fill) draw_triangles(glumpp::graphics::tessellate(shape.subpaths, shape.fill->rule));
//
// It links pugixml and GLU's tessellator (libGLU, which loads GLVND's libOpenGL dispatch
// stub but no driver, display or context), and no glumpp GL layer. The headers live
// under graphics/ and the names in glumpp::graphics, as the renderer that uses them
// (glumpp::graphics, <glumpp/graphics.hpp>, which includes this header) shares them:
// Polyline and FillRule are the vocabulary of both.
#include <glumpp/graphics/Polyline.hpp>
#include <glumpp/graphics/Tessellator.hpp>
#include <glumpp/graphics/svg/Color.hpp>
#include <glumpp/graphics/svg/Document.hpp>
#include <glumpp/graphics/svg/Flatten.hpp>
#include <glumpp/graphics/svg/PathData.hpp>
#include <glumpp/graphics/svg/Shape.hpp>
#include <glumpp/graphics/svg/Transform.hpp>
