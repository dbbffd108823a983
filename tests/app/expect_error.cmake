# Runs a program that must fail: exit status 1, STDERR matching -DSTDERR=regex and
# stdout matching -DSTDOUT=regex (each a ;-list of regexes that must all match).
# -DPROGRAM=path -DARGS="--frames;5;..."
execute_process(COMMAND "${PROGRAM}" ${ARGS} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message(STATUS "exit status: ${rc}\nstdout:\n${out}\nstderr:\n${err}")
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "expected exit status 1, got '${rc}'")
endif()
foreach(re IN LISTS STDERR)
  if(NOT err MATCHES "${re}")
    message(FATAL_ERROR "stderr does not match '${re}'")
  endif()
endforeach()
foreach(re IN LISTS STDOUT)
  if(NOT out MATCHES "${re}")
    message(FATAL_ERROR "stdout does not match '${re}'")
  endif()
endforeach()
