# Runs a demo offscreen with --stats and checks every frame after the first:
#   at most MAX_BYTES bytes uploaded, exactly DRAWS draw calls.
# -DDEMO=path -DMAX_BYTES=n -DDRAWS=n -DARGS="--frames;5;..."
execute_process(COMMAND "${DEMO}" --backend offscreen --quiet --stats ${ARGS}
                OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "${DEMO} failed (${rc}):\n${out}")
endif()
string(REPLACE ";" "," out "${out}") # a CMake list would split the lines at their semicolon
string(REGEX MATCHALL "frame [0-9]+: uploads: [0-9]+ calls, [0-9]+ B sent[^\n]*, [0-9]+ draw calls?" lines "${out}")
list(LENGTH lines count)
if(count LESS 2)
  message(FATAL_ERROR "no per-frame statistics in the output:\n${out}")
endif()
foreach(line IN LISTS lines)
  string(REGEX MATCH "frame ([0-9]+): uploads: ([0-9]+) calls, ([0-9]+) B sent.*, ([0-9]+) draw" _ "${line}")
  set(frame ${CMAKE_MATCH_1})
  set(bytes ${CMAKE_MATCH_3})
  set(draws ${CMAKE_MATCH_4})
  if(NOT draws EQUAL DRAWS)
    message(FATAL_ERROR "${line}\n  expected ${DRAWS} draw calls")
  endif()
  if(frame GREATER 0 AND bytes GREATER MAX_BYTES)
    message(FATAL_ERROR "${line}\n  more than ${MAX_BYTES} bytes uploaded")
  endif()
  message(STATUS "${line}")
endforeach()
