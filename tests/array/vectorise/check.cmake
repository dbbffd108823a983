# Compiles probe.cpp with the project's compiler and release flags plus
# -fopt-info-vec-optimized, and fails unless GCC reports "loop vectorized" on every line
# of the probe marked `// vectorised`.
#   cmake -DCXX=g++ "-DFLAGS=-O3;-DNDEBUG" -DINCLUDE=<include dir> -DPROBE=probe.cpp -P check.cmake
cmake_policy(SET CMP0007 NEW) # keep empty lines: list indices are line numbers - 1
file(READ ${PROBE} text)
string(REPLACE ";" "," text "${text}")
string(REPLACE "\n" ";" lines "${text}")
set(expected)
set(number 0)
foreach(line IN LISTS lines)
  math(EXPR number "${number} + 1")
  if(line MATCHES "// vectorised$")
    list(APPEND expected ${number})
  endif()
endforeach()
if(NOT expected)
  message(FATAL_ERROR "vectorise: no line of ${PROBE} is marked '// vectorised'")
endif()

execute_process(
  COMMAND ${CXX} ${FLAGS} -std=c++20 -I${INCLUDE} -fopt-info-vec-optimized -c ${PROBE} -o /dev/null
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "vectorise: the probe does not compile:\n${err}")
endif()

get_filename_component(name ${PROBE} NAME)
set(missing)
foreach(n IN LISTS expected)
  if(NOT "${out}${err}" MATCHES "${name}:${n}:[0-9]+: optimized: loop vectorized")
    math(EXPR index "${n} - 1")
    list(GET lines ${index} text)
    string(STRIP "${text}" text)
    list(APPEND missing "  line ${n}: ${text}")
  endif()
endforeach()
if(missing)
  list(JOIN missing "\n" missing)
  message(FATAL_ERROR "vectorise: GCC no longer vectorises these tracked-write loops:\n${missing}\n"
                      "its notes for the probe:\n${err}")
endif()
list(LENGTH expected count)
message(STATUS "vectorise: all ${count} marked loops vectorised")
