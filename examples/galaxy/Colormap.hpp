#pragma once
// Black-body colours, the galaxy's colormap, computed as glumpy's galaxy computes them
// (its examples/galaxy.py, with John Walker's "specrend" method):
//
//  1. Planck's law gives the spectrum at every 5 nm from 380 to 780 nm;
//  2. the CIE 1931 2-degree colour-matching functions, tabulated every 5 nm to 4 decimals,
//     turn it into the chromaticity (x, y, z), x + y + z = 1;
//  3. the SMPTE primaries with the D65 white point (x 0.3127, y 0.3291: specrend's
//     "SMPTEsystem", not illuminant C) turn that into RGB, each primary weighted so that
//     the white point maps to equal R, G and B;
//  4. each component is clipped to [0, 1] (glumpy clips; it does not desaturate toward
//     white), then the colour is scaled so that its largest component is 1.
//
// tests/golden/glumpy-black-body.csv holds glumpy's own values at 21 entries (made by
// tests/tools/glumpy_black_body.py with glumpy's code); test_galaxy_colormap compares.

#include <glumpp/array.hpp>

#include <glm/vec3.hpp>

/// The colour of a black body at `kelvin` (steps 1-4 above), largest component 1.
/// Throws glumpp::ValueError ("black_body: ...") unless kelvin is finite and > 0.
glm::vec3 black_body(double kelvin);

/// (entries, 3) float32: entry k is black_body(coldest + k * (hottest - coldest) / entries),
/// glumpy's table, whose last entry is one step short of `hottest`. Sampled with Nearest
/// filtering (glumpy's default for a texture) at u = (T - coldest) / (hottest - coldest),
/// a temperature T gets the entry of the step it lies in: floor(u * entries).
/// Throws glumpp::ValueError ("black_body_colormap: ...") unless 0 < coldest < hottest
/// (both finite) and entries >= 1; nothing is computed then.
glumpp::Array black_body_colormap(double coldest = 1000, double hottest = 10000, std::size_t entries = 256);
