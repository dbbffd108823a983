# Random parameters through glumpy's geometry functions and glumpp's, compared byte for
# byte: tests/tools/glumpy_geometry.py --random SEED COUNT DIR, then test_geometry's
# GlumpyRandom test over DIR. A new seed each run (printed; pass -DSEED=n to repeat one).
# -DPYTHON=python3 -DGLUMPY_PYTHONPATH=... -DTOOL=glumpy_geometry.py -DTEST=test_geometry -DDIR=dir -DCOUNT=n
if(NOT SEED)
  string(RANDOM LENGTH 9 ALPHABET 0123456789 SEED)
endif()
message(STATUS "seed ${SEED}, ${COUNT} cases per function")
file(REMOVE_RECURSE "${DIR}")
execute_process(COMMAND ${CMAKE_COMMAND} -E env "PYTHONPATH=${GLUMPY_PYTHONPATH}" "${PYTHON}" "${TOOL}" --random ${SEED} ${COUNT} "${DIR}"
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "glumpy's side failed (${rc}), seed ${SEED}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env "GLUMPP_GEOMETRY_CASES=${DIR}" "${TEST}" --gtest_filter=GlumpyRandom.*
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
message(STATUS "${out}")
if(rc OR NOT out MATCHES "random cases compared")
  message(FATAL_ERROR "glumpp differs from glumpy, seed ${SEED} (cases in ${DIR})")
endif()
