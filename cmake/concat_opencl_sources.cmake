cmake_minimum_required(VERSION 3.25)
# Joins OpenCL C sources into one program text:
#   cmake -DINPUTS=<a.h|b.h|c.cl> -DOUTPUT=<all.cl> -P concat_opencl_sources.cmake
# Local includes (#include "..." lines) are dropped: the files they name come
# earlier in INPUTS, and a program built from a string has no include path.
string(REPLACE "|" ";" inputs "${INPUTS}")
set(text "")
foreach(input IN LISTS inputs)
  file(READ "${input}" content)
  string(REGEX REPLACE "\n#include \"[^\n]*" "\n" content "\n${content}")
  string(APPEND text "// ---- ${input}${content}")
endforeach()
file(WRITE "${OUTPUT}.tmp" "${text}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
