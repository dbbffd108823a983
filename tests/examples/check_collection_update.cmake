# Renders collection-update offscreen and checks what must hold whatever its random data
# (check_collection_update.cpp). -DDEMO=path -DCHECK=path -DOUT=dir -DARGS="--frames;3;..."
file(MAKE_DIRECTORY "${OUT}")
set(shot "${OUT}/collection-update-properties.png")
execute_process(COMMAND "${DEMO}" --backend offscreen --quiet --screenshot "${shot}" ${ARGS} RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "${DEMO} failed (${rc})")
endif()
execute_process(COMMAND "${CHECK}" "${shot}" RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "collection-update: ${shot} breaks what glumpy's picture shows")
endif()
