# Cold-build time (CI starts from an empty ccache on 2 cores). Nothing here changes what
# is compiled, tested or linked; only how often the same headers are parsed.
#
# Shared precompiled headers: the libraries' sources all parse the same standard headers,
# and a directory's executables (tests, demos, benchmarks) all
# parse the same few hundred thousand lines (GoogleTest, the glumpp umbrella headers and
# the standard library beneath them) before their own code. One small host per
# kind (an object library of one empty program) compiles them once (GCC .gch) and every executable of the directory reuses it
# (REUSE_FROM), including those added to the directory later: the list is read from the
# directory after it is processed. The libraries get the standard headers only (and
# glumpp/Error.hpp, which every layer may use), not another layer's. A header compiled alone stays compiled alone:
# tests/headers_alone gets no precompiled header.
#
# GCC uses a .gch only when it was built with the same code-generation flags (-fPIE and
# the like) and falls back, slower but correct, to parsing the header otherwise; CMake
# adds -Winvalid-pch, so such a fallback shows as a warning in the build log. Targets
# whose flags differ by design are left alone: those built with Qt (which adds -fPIC).
#
# ccache caches both the .gch and its users when its sloppiness includes pch_defines and
# time_macros (set below through the launcher, for this build only).
# GCC only: it falls back to the header where a .gch does not fit, where Clang stops
# (the libFuzzer stage is Clang's).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  option(GLUMPP_PCH "Share precompiled headers among libraries, tests, demos and benchmarks" ON)
else()
  option(GLUMPP_PCH "Share precompiled headers among libraries, tests, demos and benchmarks" OFF)
endif()

if(GLUMPP_PCH AND GLUMPP_CCACHE AND CMAKE_CXX_COMPILER_LAUNCHER STREQUAL GLUMPP_CCACHE)
  # (ccache 4.7, Debian 12's, takes no settings on its command line: the environment.)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CMAKE_COMMAND} -E env CCACHE_SLOPPINESS=pch_defines,time_macros ${GLUMPP_CCACHE})
endif()

# glumpp_share_pch(HOST <name> DIRECTORIES <dirs...> LINK <libs...> HEADERS <headers...>
#                  [REQUIRE <prefix>] [LIBRARIES])
# Makes the object library <name> with <libs>' usage requirements and precompiles
# <headers> for it; then every executable (with LIBRARIES: every library) of <dirs> (their
# BUILDSYSTEM_TARGETS, so call this after add_subdirectory) reuses that header, but for
# those that link Qt or set compile options of their own (-ffp-contract=off, say), and,
# with REQUIRE, those that link no library whose name starts with <prefix> (GTest::: the
# tests' header is built with GoogleTest's -DGTEST_HAS_PTHREAD=1, which GCC wants alike
# in its users).
# Executables built RelWithDebInfo get -g1 (line tables: backtraces and the sanitizers'
# reports keep file and line; no variables or types), which cuts their compile time by a
# sixth; the libraries keep full -g. The Debug (sanitized) build is left as it is.
function(glumpp_share_pch)
  cmake_parse_arguments(PARSE_ARGV 0 p "LIBRARIES" "HOST;REQUIRE" "DIRECTORIES;LINK;HEADERS")
  if(p_LIBRARIES)
    set(wanted "^(STATIC|SHARED|OBJECT)_LIBRARY$")
    set(debug_info)
  else()
    set(wanted "^EXECUTABLE$")
    set(debug_info $<$<CONFIG:RelWithDebInfo>:-g1>)
  endif()
  if(GLUMPP_PCH AND NOT TARGET ${p_HOST})
    # Compiled and never linked, so that the header is ready before the libraries are.
    add_library(${p_HOST} OBJECT ${PROJECT_SOURCE_DIR}/cmake/pch_host.cpp)
    if(NOT p_LIBRARIES) # compiled as the executables are: -fPIE, not a library's -fPIC
      set_target_properties(${p_HOST} PROPERTIES POSITION_INDEPENDENT_CODE OFF)
      target_compile_options(${p_HOST} PRIVATE ${CMAKE_CXX_COMPILE_OPTIONS_PIE} ${debug_info})
    endif()
    target_link_libraries(${p_HOST} PRIVATE ${p_LINK} glumpp_warnings)
    target_precompile_headers(${p_HOST} PRIVATE ${p_HEADERS})
  endif()
  foreach(dir IN LISTS p_DIRECTORIES)
    get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
    foreach(target IN LISTS targets)
      get_target_property(type ${target} TYPE)
      if(NOT type MATCHES "${wanted}" OR target STREQUAL p_HOST)
        continue()
      endif()
      get_target_property(libraries ${target} LINK_LIBRARIES)
      get_target_property(options ${target} COMPILE_OPTIONS)
      target_compile_options(${target} PRIVATE ${debug_info})
      set(required TRUE)
      if(p_REQUIRE)
        string(FIND ";${libraries}" ";${p_REQUIRE}" found)
        if(found LESS 0)
          set(required FALSE)
        endif()
      endif()
      if(GLUMPP_PCH AND required AND NOT options AND NOT target MATCHES "qt"
         AND NOT libraries MATCHES "(^|;)(glumpp_qt|glumpp::qt|Qt[0-9])")
        target_precompile_headers(${target} REUSE_FROM ${p_HOST})
      endif()
    endforeach()
  endforeach()
endfunction()
