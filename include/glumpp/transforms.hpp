#pragma once
// glumpp's transforms layer: shader composition (hooks, snippets) and glumpy's transforms
// with CPU twins. Uses array and gloo.

#include <glumpp/transforms/Program.hpp>
#include <glumpp/transforms/Snippet.hpp>
#include <glumpp/transforms/Transforms.hpp>
// 3-D cameras and projections (cams)
#include <glumpp/transforms/Cameras.hpp>
#include <glumpp/transforms/Projections.hpp>
// scales: scales, selectors, projections, viewport
#include <glumpp/transforms/Geo.hpp>
#include <glumpp/transforms/Polar.hpp>
#include <glumpp/transforms/Scales.hpp>
#include <glumpp/transforms/Viewport.hpp>
