# Runs a demo that must succeed: exit status 0, stdout matching every regex of -DSTDOUT
# (a ;-list), and, with -DFILE and -DREFERENCE, the image FILE it wrote (relative to WORK_DIR,
# where it runs) compared with REFERENCE by -DCOMPARE.
# -DPROGRAM=path -DWORK_DIR=dir "-DARGS=--frames;5;..."
file(MAKE_DIRECTORY "${WORK_DIR}")
if(FILE)
  file(REMOVE "${WORK_DIR}/${FILE}")
endif()
execute_process(COMMAND "${PROGRAM}" ${ARGS} WORKING_DIRECTORY "${WORK_DIR}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "exit status: ${rc}\nstdout:\n${out}\nstderr:\n${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "expected exit status 0, got '${rc}'")
endif()
foreach(re IN LISTS STDOUT)
  if(NOT out MATCHES "${re}")
    message(FATAL_ERROR "stdout does not match '${re}'")
  endif()
endforeach()
if(FILE)
  execute_process(COMMAND "${COMPARE}" "${WORK_DIR}/${FILE}" "${REFERENCE}" "${WORK_DIR}/${FILE}-diff.png" RESULT_VARIABLE rc)
  if(rc)
    message(FATAL_ERROR "${WORK_DIR}/${FILE} differs from ${REFERENCE}")
  endif()
endif()
