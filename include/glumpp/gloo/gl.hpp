#pragma once
// Raw OpenGL, through libepoxy: for state glumpp does not wrap (blending, depth test,
// point sizes...). `glEnable(GL_BLEND)` in a demo is plain GL, as in glumpy.
#include <epoxy/gl.h>
