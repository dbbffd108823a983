#pragma once
// glumpp::geometry, glumpy.geometry's meshes as arrays: cubes, planes, spheres, tubes,
// tori and parametric surfaces, with glumpy's vertex layout and values. No GL: it uses
// the array layer only (cmake/Layers.cmake), so a program may take these meshes to any
// renderer. With gloo: `program.bind(mesh.vertices)` and `IndexBuffer::over(mesh.indices)`.
#include <glumpp/geometry/Mesh.hpp>
#include <glumpp/geometry/Primitives.hpp>
#include <glumpp/geometry/Surface.hpp>
#include <glumpp/geometry/Refine.hpp>
