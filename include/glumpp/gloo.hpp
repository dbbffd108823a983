#pragma once
// The gloo layer: OpenGL objects that are arrays and upload only what changed.
#include <glumpp/array.hpp>
#include <glumpp/gloo/Buffer.hpp>
#include <glumpp/gloo/gl.hpp>
#include <glumpp/gloo/Context.hpp>
#include <glumpp/gloo/FrameBuffer.hpp>
#include <glumpp/gloo/Program.hpp>
#include <glumpp/gloo/Texture.hpp>
#include <glumpp/gloo/UploadLog.hpp>
#include <glumpp/gloo/UploadPlan.hpp>
