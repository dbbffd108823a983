#pragma once
// The array layer: NumPy-style memory-aware arrays, with no GL anywhere.
#include <glumpp/Error.hpp>
#include <glumpp/array/Array.hpp>
#include <glumpp/array/ByteRange.hpp>
#include <glumpp/array/Construct.hpp>
#include <glumpp/array/DType.hpp>
#include <glumpp/array/DTypeOf.hpp>
#include <glumpp/array/DirtySet.hpp>
#include <glumpp/array/Footprint.hpp>
#include <glumpp/array/Index.hpp>
#include <glumpp/array/Npy.hpp>
#include <glumpp/array/RandomGenerator.hpp>
#include <glumpp/array/Storage.hpp>
#include <glumpp/array/View.hpp>
