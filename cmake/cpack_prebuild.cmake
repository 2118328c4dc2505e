# CPack pre-build script (CPACK_PRE_BUILD_SCRIPTS): runs on the staging tree
# before the package is made. Drops the debug sections of static archives
# (CPACK_STRIP_FILES strips executables only) and compresses man pages, as
# Debian packages have them.
file(GLOB_RECURSE _archives "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.a")
foreach(_a IN LISTS _archives)
  execute_process(COMMAND strip --strip-debug "${_a}" RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "strip --strip-debug ${_a} failed")
  endif()
endforeach()
file(GLOB_RECURSE _manpages "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*.[1-9]")
list(FILTER _manpages INCLUDE REGEX "/man/man[1-9]/[^/]+$")
foreach(_m IN LISTS _manpages)
  execute_process(COMMAND gzip -9 -n -f "${_m}" RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "gzip ${_m} failed")
  endif()
endforeach()
