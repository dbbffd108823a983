# Renders a demo offscreen and compares its last frame with an image computed by an
# independent oracle (a Python script that knows the picture's mathematics, no GL).
# -DDEMO=demo -DNAME=name -DCOMPARE=compare_images -DPYTHON=python3 -DORACLE=script.py
# -DOUT=dir -DWIDTH=w -DHEIGHT=h -DARGS="--frames;2" and, optionally, "-DORACLE_ARGS=..."
# (what the oracle needs to know beyond the size: frames, time step).
file(MAKE_DIRECTORY "${OUT}")
set(actual "${OUT}/${NAME}.png")
set(expected "${OUT}/${NAME}-oracle.png")
file(REMOVE "${actual}" "${expected}")
execute_process(COMMAND "${DEMO}" --backend offscreen --quiet --size ${WIDTH}x${HEIGHT} --screenshot "${actual}" ${ARGS}
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "${NAME} failed (${rc})")
endif()
execute_process(COMMAND "${PYTHON}" "${ORACLE}" ${WIDTH} ${HEIGHT} "${expected}" ${ORACLE_ARGS} RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "the oracle ${ORACLE} failed (${rc})")
endif()
execute_process(COMMAND "${COMPARE}" "${actual}" "${expected}" "${OUT}/${NAME}-oracle-diff.png" RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "${NAME}: the image differs from the oracle's ${expected} (see ${OUT}/${NAME}-oracle-diff.png)")
endif()
