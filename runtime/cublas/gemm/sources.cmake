# GEMM engine sources (included by runtime/cublas/CMakeLists.txt).
set(CUCL_CUBLAS_GEMM_SOURCES
  gemm/cpu_identity.cpp
  gemm/gemm.cpp
  gemm/gemm_defaults.cpp
  gemm/gemm_engine.cpp
  gemm/gemm_launch.cpp
  gemm/gemm_params.cpp
  gemm/gemm_shape.cpp
  gemm/gemm_tuner.cpp
  gemm/gemm_tuning.cpp
)

# The tunings shipped for PoCL's CPU device, one per CPU generation
# (tuned/pocl-cpu-<generation>.tuning, written by cucl-tune), become a table
# of {generation, text} in a generated header.
file(GLOB CUCL_SHIPPED_TUNING_FILES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/gemm/tuned/pocl-cpu-*.tuning)
list(SORT CUCL_SHIPPED_TUNING_FILES)
set(CUCL_SHIPPED_TUNING_ENTRIES "")
foreach(file IN LISTS CUCL_SHIPPED_TUNING_FILES)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
  get_filename_component(name ${file} NAME_WE)
  string(REGEX REPLACE "^pocl-cpu-" "" generation ${name})
  file(READ ${file} text)
  string(APPEND CUCL_SHIPPED_TUNING_ENTRIES
    "    {\"${generation}\", R\"CUCLTUNING(${text})CUCLTUNING\"},\n")
endforeach()
file(CONFIGURE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/generated/gemm/shipped_tunings.h CONTENT
"// Generated from runtime/cublas/gemm/tuned/pocl-cpu-*.tuning; do not edit.
#pragma once
namespace cucl::blas {
struct ShippedTuningText {
  const char *generation; // CpuIdentity::generation of the CPU it was tuned on
  const char *text;       // the tuning file's body
};
inline constexpr ShippedTuningText kShippedTunings[] = {
@CUCL_SHIPPED_TUNING_ENTRIES@};
}
" @ONLY)
