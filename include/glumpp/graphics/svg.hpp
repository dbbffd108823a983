#pragma once
// SVG for the graphics layer: documents read into flattened, styled shapes (CPU only).
#include <glumpp/graphics/Polyline.hpp>
#include <glumpp/graphics/svg/Color.hpp>
#include <glumpp/graphics/svg/Document.hpp>
#include <glumpp/graphics/svg/Flatten.hpp>
#include <glumpp/graphics/svg/PathData.hpp>
#include <glumpp/graphics/svg/Shape.hpp>
#include <glumpp/graphics/svg/Transform.hpp>
