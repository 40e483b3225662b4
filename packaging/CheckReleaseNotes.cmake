# The metainfo must describe the version being packaged, so release notes are never forgotten
# when PROJECT_VERSION is bumped. Usage: cmake -DMETAINFO=... -DVERSION=x.y.z -DDATE=yyyy-mm-dd -P ...
file(READ ${METAINFO} text)
if(NOT text MATCHES "<release version=\"${VERSION}\" date=\"${DATE}\">")
    message(FATAL_ERROR "${METAINFO} has no <release version=\"${VERSION}\" date=\"${DATE}\"> entry: "
                        "add release notes for ${VERSION} to packaging/enrollee-console.metainfo.xml.in "
                        "and set ENROLLEE_RELEASE_DATE in packaging/CMakeLists.txt")
endif()
message(STATUS "release notes for ${VERSION} (${DATE}) present")
