# CUCL_SANITIZE=thread|address: every target defined after this (libcudart,
# libcublas, the tests, ...) is compiled and linked with ThreadSanitizer, or
# with AddressSanitizer plus UndefinedBehaviorSanitizer. Used by
# scripts/run-sanitizers.sh, which builds libcudart and the runtime tests and
# runs them with the suppressions in tests/sanitizers/ (reports inside the
# uninstrumented OpenCL driver only; never cucl's own code).
if(CUCL_SANITIZE STREQUAL "thread")
  set(CUCL_SANITIZE_FLAGS -fsanitize=thread)
elseif(CUCL_SANITIZE STREQUAL "address")
  # Undefined behaviour is fatal (no recovery), so a report fails its test.
  # All of UBSan but its enum check: CUDA's runtime API is a C ABI, whose
  # callers may pass any int as an enum argument (C allows it); cucl must
  # read and reject such values (cudaErrorInvalidValue, ...), and its tests
  # pass them on purpose, so every such load would be reported.
  set(CUCL_SANITIZE_FLAGS -fsanitize=address,undefined -fno-sanitize=enum
                          -fno-sanitize-recover=undefined)
else()
  message(FATAL_ERROR "CUCL_SANITIZE must be 'thread', 'address' or empty, not '${CUCL_SANITIZE}'")
endif()
add_compile_options(${CUCL_SANITIZE_FLAGS} -fno-omit-frame-pointer)
add_link_options(${CUCL_SANITIZE_FLAGS})
message(STATUS "cucl: instrumented with ${CUCL_SANITIZE_FLAGS}")
