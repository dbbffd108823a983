# Random parameters through glumpy's geometry functions, now, and glumpp's, compared byte
# for byte: tests/tools/glumpy_geometry.py --random SEED COUNT FILE, then test_geometry's
# GlumpyRandom test over FILE. The seed is fixed (1, another than the checked-in batch's)
# so that a failure repeats; pass -DSEED=n for another draw.
# -DPYTHON=python3 -DGLUMPY_PYTHONPATH=... -DTOOL=glumpy_geometry.py -DTEST=test_geometry -DDIR=dir -DCOUNT=n [-DSEED=n]
if(NOT DEFINED SEED OR SEED STREQUAL "")
  set(SEED 1)
endif()
message(STATUS "seed ${SEED}, ${COUNT} cases per function")
file(MAKE_DIRECTORY "${DIR}")
set(batch "${DIR}/batch-${SEED}.txt")
execute_process(COMMAND ${CMAKE_COMMAND} -E env "PYTHONPATH=${GLUMPY_PYTHONPATH}" "${PYTHON}" "${TOOL}" --random ${SEED} ${COUNT} "${batch}"
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "glumpy's side failed (${rc}), seed ${SEED}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env "GLUMPP_GEOMETRY_CASES=${batch}" "${TEST}" --gtest_filter=GlumpyRandom.*
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
message(STATUS "${out}")
if(rc OR NOT out MATCHES "random cases compared")
  message(FATAL_ERROR "glumpp differs from glumpy, seed ${SEED} (the calls and glumpy's answers: ${batch})")
endif()
