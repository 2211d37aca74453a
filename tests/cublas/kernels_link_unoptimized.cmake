# Compiles each library kernel program (runtime/cublas/kernels: blas_common.cl
# before each kernel family, in both precisions) with clang at -O0, as a
# driver does under -cl-opt-disable, and fails when the module calls a
# function of ours that it does not define: a C99 `inline` helper is emitted
# as a declaration only when nothing inlines it, and then does not link.
# Arguments: -DCLANG=<clang> -DKERNELS=<dir> -DWORK=<dir>
file(MAKE_DIRECTORY ${WORK})
file(READ ${KERNELS}/blas_common.cl common)
foreach(program level1 gemv extensions batched_lu level2 level3)
  file(READ ${KERNELS}/${program}.cl body)
  file(WRITE ${WORK}/${program}.cl "${common}\n${body}")
  foreach(precision "float" "double;-DCUCL_FP64=1")
    list(GET precision 0 real)
    execute_process(
      COMMAND ${CLANG} -x cl -cl-std=CL1.2 -O0 -Xclang -finclude-default-header
              -target spir64 -DREAL=${precision} -emit-llvm -S
              ${WORK}/${program}.cl -o ${WORK}/${program}-${real}.ll
      RESULT_VARIABLE failed ERROR_VARIABLE errors)
    if(failed)
      message(FATAL_ERROR "${program}.cl (${real}) does not compile:\n${errors}")
    endif()
    file(STRINGS ${WORK}/${program}-${real}.ll declarations REGEX "^declare ")
    foreach(declaration IN LISTS declarations)
      # OpenCL built-ins are mangled (@_Z...); LLVM intrinsics start @llvm.
      if(NOT declaration MATCHES "@_Z" AND NOT declaration MATCHES "@llvm\\.")
        message(FATAL_ERROR "${program}.cl (${real}) at -O0 leaves undefined: ${declaration}")
      endif()
    endforeach()
  endforeach()
endforeach()
message(STATUS "every helper is defined at -O0")
