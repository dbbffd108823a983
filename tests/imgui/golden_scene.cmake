# Renders imgui-integration offscreen and compares its scene with glumpy's own image: the
# rows from FIRST_ROW down, below ImGui's menu bar and "Cube" window (glumpy's image was
# made with pyimgui stubbed out, tests/tools/glumpy_imgui_stub: it has no widgets).
# -DDEMO= -DCOMPARE= -DREFERENCE= -DOUT= -DPYTHON= -DFIRST_ROW= "-DARGS=..."
file(MAKE_DIRECTORY "${OUT}")
set(actual "${OUT}/imgui-integration.png")
file(REMOVE "${actual}")
execute_process(COMMAND "${DEMO}" --backend offscreen --quiet --screenshot "${actual}" ${ARGS} RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "imgui-integration failed (${rc})")
endif()
execute_process(COMMAND "${PYTHON}" -c
  "import sys; from PIL import Image; [Image.open(a).convert('RGB').crop((0, int(sys.argv[1]), Image.open(a).width, Image.open(a).height)).save(b) for a, b in ((sys.argv[2], sys.argv[3]), (sys.argv[4], sys.argv[5]))]"
  ${FIRST_ROW} "${actual}" "${OUT}/imgui-integration-scene.png" "${REFERENCE}" "${OUT}/imgui-integration-glumpy-scene.png"
  RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "cropping the images failed (${rc})")
endif()
execute_process(COMMAND "${COMPARE}" "${OUT}/imgui-integration-scene.png" "${OUT}/imgui-integration-glumpy-scene.png"
                        "${OUT}/imgui-integration-diff.png" RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "imgui-integration: the scene differs from glumpy's ${REFERENCE} (see ${OUT}/imgui-integration-diff.png)")
endif()
