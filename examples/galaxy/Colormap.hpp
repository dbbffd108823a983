#pragma once
// Black-body colors, the galaxy's colormap: 256 RGB entries for 1000 K to 10,000 K.
//
// As John Walker's "specrend" (which glumpy uses): Planck's law gives the spectrum, the
// CIE 1931 colour-matching functions turn it into XYZ, the SMPTE primaries (white point
// C) into RGB; colours out of gamut are desaturated toward white, then scaled so that the
// largest component is 1. The colour-matching functions are the multi-lobe Gaussian fits
// of Wyman, Sloan and Shirley (JCGT 2013), sampled every 5 nm from 380 to 780 nm.

#include <glumpp/array.hpp>

/// (256, 3) float32.
glumpp::Array black_body_colormap(double coldest = 1000, double hottest = 10000, std::size_t entries = 256);
