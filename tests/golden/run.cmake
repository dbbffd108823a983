# Renders a demo offscreen and compares its last frame with the reference image.
# -DDEMO=path/to/demo -DNAME=name -DCOMPARE=path/to/compare_images -DREFERENCE=golden.png
# -DOUT=dir -DARGS="--frames;3;..."
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
execute_process(COMMAND "${COMPARE}" "${actual}" "${REFERENCE}" "${OUT}/${NAME}-diff.png" RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "${NAME}: the image differs from ${REFERENCE} (see ${OUT}/${NAME}-diff.png)")
endif()
