#pragma once
// The plot layer: colormaps (CPU and GLSL), tick locators and formatters, streaming
// series; with the layers it uses (graphics, transforms, text, gloo, array).
#include <glumpp/graphics.hpp>
#include <glumpp/plot/AxesFrame.hpp>
#include <glumpp/plot/Colormap.hpp>
#include <glumpp/plot/StreamSeries.hpp>
#include <glumpp/plot/Ticks.hpp>
#include <glumpp/plot/Figure.hpp> // figure: glumpy matplotlib Figure/Axes (uses app)
