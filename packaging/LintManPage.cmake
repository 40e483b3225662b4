# Fails when groff has anything to say about a man page (groff exits 0 even with warnings).
# -ww turns on every warning; the page is formatted at the usual 80 columns and at groff's default.
# Usage: cmake -DGROFF=/usr/bin/groff -DPAGE=path/to/page.1 -P LintManPage.cmake
foreach(width 80 65)
    execute_process(
        COMMAND ${GROFF} -man -Tutf8 -ww -z -rLL=${width}n ${PAGE}
        RESULT_VARIABLE result
        ERROR_VARIABLE warnings
        OUTPUT_QUIET)
    if(NOT result EQUAL 0 OR NOT warnings STREQUAL "")
        message(FATAL_ERROR "groff at ${width} columns complains about ${PAGE}:\n${warnings}")
    endif()
endforeach()
file(READ ${PAGE} text)
foreach(section NAME SYNOPSIS DESCRIPTION ENVIRONMENT FILES "SEE ALSO")
    if(NOT text MATCHES "\n\\.SH \"?${section}")
        message(FATAL_ERROR "${PAGE} has no ${section} section")
    endif()
endforeach()
message(STATUS "${PAGE}: no groff warnings")
