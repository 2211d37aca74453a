cmake_minimum_required(VERSION 3.25)
# Embeds one text file (an OpenCL C source) as a C++ character array:
#   cmake -DINPUT=<file.cl> -DOUTPUT=<file.cl.h> -DNAME=<identifier> -DNAMESPACE=<ns> -P embed_file.cmake
# A byte array rather than a string literal: no length limit (-Woverlength-strings)
# and no delimiter that the source could contain.
file(READ "${INPUT}" hex HEX)
# Sixteen bytes (32 hex digits) per line keeps the generated header readable.
string(REPEAT "." 32 line_pattern)
string(REGEX REPLACE "(${line_pattern})" "\\1\n    " hex "${hex}")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by embed_file.cmake; do not edit.
#pragma once

namespace ${NAMESPACE} {
inline constexpr char ${NAME}[] = {
    ${bytes}'\\0'};
} // namespace ${NAMESPACE}
")
# Only touch the header when it changed, so dependants do not rebuild.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
