cmake_minimum_required(VERSION 3.25)
# Fails when PROGRAM (a program linked with glumpp_svg alone) loads a GL library or holds
# code of a glumpp GL layer. Arguments: -DPROGRAM=
# NEEDED entries: what the dynamic loader will load. libGLU.so.1 must be among them (the
# tessellator), which shows that the list was read at all; what libGLU itself needs
# (GLVND's libOpenGL.so.0 dispatch stub, no driver) is its business, see
# src/svg/CMakeLists.txt.
execute_process(COMMAND readelf --dynamic "${PROGRAM}" OUTPUT_VARIABLE dynamic RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "readelf --dynamic ${PROGRAM} failed (${rc})")
endif()
string(REGEX MATCHALL "Shared library: \\[[^]]+\\]" needed "${dynamic}")
string(REGEX REPLACE "Shared library: \\[([^]]+)\\]" "\\1" needed "${needed}")
message(STATUS "NEEDED: ${needed}")
if(NOT "libGLU.so.1" IN_LIST needed)
  message(FATAL_ERROR "${PROGRAM} does not need libGLU.so.1: the NEEDED list was not read right (${needed})")
endif()
foreach(library IN LISTS needed)
  if(library MATCHES "^lib(EGL|GL|GLX|OpenGL|epoxy|glfw)[.]")
    message(FATAL_ERROR "${PROGRAM} needs ${library}: the SVG library must not link a GL layer")
  endif()
endforeach()
# Static libraries leave no NEEDED entry of their own: look for their code instead.
execute_process(COMMAND nm --defined-only --demangle "${PROGRAM}" OUTPUT_VARIABLE symbols RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "nm ${PROGRAM} failed (${rc})")
endif()
if(NOT symbols MATCHES "glumpp::svg::Document::parse")
  message(FATAL_ERROR "${PROGRAM} holds no svg::Document::parse: the symbol table was not read right")
endif()
string(REGEX MATCH "glumpp::(gloo|app|graphics)::[A-Za-z_:]+" gl_symbol "${symbols}")
if(gl_symbol)
  message(FATAL_ERROR "${PROGRAM} holds ${gl_symbol}: the SVG library must not link a GL layer")
endif()
