# SPDX-License-Identifier: GPL-3.0-or-later
# The real binary: open a scenario and a document, step, pull chunks, save a screenshot.
file(REMOVE ${OUT})
execute_process(COMMAND ${APP} --screenshot ${OUT} ${SCENARIO} ${DOCUMENT}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "boundary-inspector --screenshot failed (${rc}): ${out} ${err}")
endif()
if(NOT EXISTS ${OUT})
  message(FATAL_ERROR "no screenshot written to ${OUT}")
endif()
file(SIZE ${OUT} size)
if(size LESS 50000)
  message(FATAL_ERROR "the screenshot is suspiciously small (${size} bytes)")
endif()
