# A golden-image test (as tests/golden/run.cmake) with a bound on the mean difference too:
# for demos whose picture changes little from one frame to the next (a cube turning half a
# degree), so that compare_images' general tolerance would let a frame off by one pass.
# -DDEMO=path -DNAME=name -DCOMPARE=path/to/compare_images -DREFERENCE=golden.png -DOUT=dir
# -DMAX_MEAN=0.2 -DARGS="--frames;80"
file(MAKE_DIRECTORY "${OUT}")
set(actual "${OUT}/${NAME}.png")
file(REMOVE "${actual}")
execute_process(COMMAND "${DEMO}" --backend offscreen --quiet --screenshot "${actual}" ${ARGS} RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "${NAME} failed (${rc})")
endif()
execute_process(COMMAND "${COMPARE}" "${actual}" "${REFERENCE}" "${OUT}/${NAME}-diff.png" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "${out}")
if(rc)
  message(FATAL_ERROR "${NAME}: the image differs from ${REFERENCE} (see ${OUT}/${NAME}-diff.png)")
endif()
if(NOT out MATCHES "mean absolute difference ([0-9.]+)")
  message(FATAL_ERROR "${NAME}: no mean difference in compare_images' output:\n${out}")
endif()
if(CMAKE_MATCH_1 GREATER MAX_MEAN)
  message(FATAL_ERROR "${NAME}: mean absolute difference ${CMAKE_MATCH_1} is above ${MAX_MEAN}")
endif()
