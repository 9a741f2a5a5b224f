# SPDX-License-Identifier: GPL-3.0-or-later
# A conformance runner given a baseline file that does not exist must stop
# with exit status 2 and say so, not compare against 0.
#   cmake -DRUNNER=... -DINPUT=... -P check_missing_baseline.cmake
set(missing "${CMAKE_CURRENT_BINARY_DIR}/no-such-baseline.txt")
execute_process(COMMAND ${RUNNER} ${INPUT} ${missing} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "${RUNNER} with a missing baseline: expected exit status 2, got ${rc}")
endif()
if(NOT err MATCHES "cannot read a baseline count from .*no-such-baseline.txt")
  message(FATAL_ERROR "${RUNNER} with a missing baseline: stderr '${err}' does not name the file")
endif()
