# The five hostile files of issue 15, through the tiger demo: each once ended the process
# (`terminate called after throwing glumpp::ValueError`). Each must now draw its good
# rectangle (the demo exits 0 with a screenshot) and warn about the bad shape by name.
# -DDEMO=path/to/tiger -DOUT=dir
file(MAKE_DIRECTORY "${OUT}")
set(head "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">")
set(good "<rect width=\"10\" height=\"10\"/></svg>")
set(names radius miter width size nan)
set(radius "${head}<circle id=\"big\" cx=\"50\" cy=\"50\" r=\"1e200\" fill=\"red\"/>${good}")
set(miter "${head}<path id=\"spike\" d=\"M0 0 L50 50 L 0 50\" stroke=\"red\" stroke-miterlimit=\"1e308\" fill=\"none\"/>${good}")
set(width "${head}<path id=\"wide\" d=\"M0 0 L50 50\" stroke=\"red\" stroke-width=\"1e39\"/>${good}")
set(size "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9e307\" height=\"100\"><rect id=\"far\" x=\"1e300\" width=\"10\" height=\"10\"/>${good}")
set(nan "${head}<path id=\"nan\" d=\"M0 0 L NaN 50 L inf 3 z\"/><polygon id=\"huge\" points=\"0,0 1e308,1e308 -1e308,1e308\"/>${good}")
# What each must say on stderr (the miter limit is clamped, not skipped: no warning).
set(radius_says "circle#big \\(line 1\\): point .* is beyond 1e\\+09 once transformed; skipped")
set(miter_says "")
set(width_says "path#wide \\(line 1\\): stroke width 1e\\+39 is beyond 1e\\+09 once transformed; skipped")
set(size_says "rect#far \\(line 1\\): point .* is beyond 1e\\+09 once transformed; skipped")
set(nan_says "polygon#huge \\(line 1\\): point .* is beyond 1e\\+09 once transformed; skipped")
foreach(name IN LISTS names)
  set(file "${OUT}/hostile-${name}.svg")
  set(shot "${OUT}/hostile-${name}.png")
  file(WRITE "${file}" "${${name}}")
  file(REMOVE "${shot}")
  execute_process(COMMAND "${DEMO}" "${file}" --backend offscreen --frames 1 --size 64x64 --screenshot "${shot}"
                  RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET TIMEOUT 60)
  if(NOT rc EQUAL 0 OR NOT EXISTS "${shot}")
    message(FATAL_ERROR "hostile-${name}.svg: the demo failed (${rc}):\n${err}")
  endif()
  if(NOT "${${name}_says}" STREQUAL "" AND NOT err MATCHES "${${name}_says}")
    message(FATAL_ERROR "hostile-${name}.svg: no warning matching '${${name}_says}' in:\n${err}")
  endif()
  message(STATUS "hostile-${name}.svg: drawn; ${err}")
endforeach()
