# Renders a demo offscreen and hands its last frame to an oracle that checks it itself (a
# Python script that computes what must be seen, without GL, and compares: cells, masks,
# colours, profiles). The oracle prints its figures; a non-zero exit fails the test.
# -DDEMO=demo -DNAME=name -DPYTHON=python3 -DORACLE=script.py -DOUT=dir
# "-DARGS=--frames;2;..." (the demo's) "-DORACLE_ARGS=..." (after the screenshot's path)
# -DREQUIRE=file (optional): a data file the run needs; without it the test says
# "skipped: FILE is absent" (its SKIP_REGULAR_EXPRESSION).
if(DEFINED REQUIRE AND NOT EXISTS "${REQUIRE}")
  message("${NAME}: skipped: ${REQUIRE} is absent")
  return()
endif()
file(MAKE_DIRECTORY "${OUT}")
set(actual "${OUT}/${NAME}.png")
file(REMOVE "${actual}")
execute_process(COMMAND "${DEMO}" --backend offscreen --quiet --screenshot "${actual}" ${ARGS} RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "${NAME} failed (${rc})")
endif()
execute_process(COMMAND "${PYTHON}" "${ORACLE}" "${actual}" ${ORACLE_ARGS} RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "${NAME}: ${actual} does not show what ${ORACLE} computes")
endif()
