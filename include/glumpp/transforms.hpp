#pragma once
// glumpp's transforms layer: shader composition (hooks, snippets) and glumpy's transforms
// with CPU twins. Uses array and gloo.

#include <glumpp/transforms/Program.hpp>
#include <glumpp/transforms/Snippet.hpp>
#include <glumpp/transforms/Transforms.hpp>
