# Renders a demo offscreen and compares its last frame with the reference image.
# -DDEMO=path/to/demo -DNAME=name -DCOMPARE=path/to/compare_images -DREFERENCE=golden.png
# -DOUT=dir -DARGS="--frames;3;..." [-DMAX_MEAN=0.2]
# MAX_MEAN (optional) also bounds compare_images' mean absolute difference (in 1/255), for
# demos whose picture changes little from one frame to the next (a cube turning half a
# degree), so that compare_images' general tolerance would let a frame off by one pass.
file(MAKE_DIRECTORY "${OUT}")
set(actual "${OUT}/${NAME}.png")
file(REMOVE "${actual}")
execute_process(COMMAND "${DEMO}" --backend offscreen --quiet --screenshot "${actual}" ${ARGS} RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "${NAME} failed (${rc})")
endif()
if(NOT EXISTS "${REFERENCE}")
  message(FATAL_ERROR "no reference image ${REFERENCE}; if ${actual} looks right, copy it there")
endif()
execute_process(COMMAND "${COMPARE}" "${actual}" "${REFERENCE}" "${OUT}/${NAME}-diff.png" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "${out}")
if(rc)
  message(FATAL_ERROR "${NAME}: the image differs from ${REFERENCE} (see ${OUT}/${NAME}-diff.png)")
endif()
if(DEFINED MAX_MEAN)
  if(NOT out MATCHES "mean absolute difference ([0-9.]+)")
    message(FATAL_ERROR "${NAME}: no mean difference in compare_images' output:\n${out}")
  endif()
  if(CMAKE_MATCH_1 GREATER MAX_MEAN)
    message(FATAL_ERROR "${NAME}: mean absolute difference ${CMAKE_MATCH_1} is above ${MAX_MEAN}")
  endif()
endif()
