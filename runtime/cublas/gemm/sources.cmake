# GEMM engine sources (included by runtime/cublas/CMakeLists.txt).
set(CUCL_CUBLAS_GEMM_SOURCES
  gemm/gemm.cpp
  gemm/gemm_defaults.cpp
  gemm/gemm_engine.cpp
  gemm/gemm_launch.cpp
  gemm/gemm_params.cpp
  gemm/gemm_shape.cpp
  gemm/gemm_tuner.cpp
  gemm/gemm_tuning.cpp
)

# The tuning shipped for PoCL's CPU device (written by cucl-tune) becomes a
# string constant in a generated header.
set(CUCL_POCL_TUNING_FILE ${CMAKE_CURRENT_SOURCE_DIR}/gemm/tuned/pocl-cpu.tuning)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CUCL_POCL_TUNING_FILE})
file(READ ${CUCL_POCL_TUNING_FILE} CUCL_POCL_TUNING_TEXT)
file(CONFIGURE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/generated/gemm/pocl_cpu_tuning.h CONTENT
"// Generated from runtime/cublas/gemm/tuned/pocl-cpu.tuning; do not edit.
#pragma once
namespace cucl::blas {
inline constexpr char kPoclCpuTuning[] = R\"CUCLTUNING(@CUCL_POCL_TUNING_TEXT@)CUCLTUNING\";
}
" @ONLY)
