#pragma once
// glumpp's transforms layer: shader composition (hooks, snippets) and glumpy's transforms
// with CPU twins. Uses array and gloo.

#include <glumpp/transforms/Program.hpp>
#include <glumpp/transforms/Snippet.hpp>
#include <glumpp/transforms/Transforms.hpp>
// 3-D cameras and projections (cams)
#include <glumpp/transforms/Cameras.hpp>
#include <glumpp/transforms/Projections.hpp>
