# cucl-tune from the command line: a short run writes a tuning file for the
# device with the requested keys; bad arguments exit 2 with a usage message.
# -DTUNE=<cucl-tune> -DWORK=<scratch directory>
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(output ${WORK}/tuned.tuning)

execute_process(COMMAND ${TUNE} gemm --seconds 4 --shapes batched --precision f32
                        --transposes NN,TN
                        --output ${output} --quiet
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "cucl-tune failed (${status}):\n${out}\n${err}")
endif()
file(READ ${output} tuning)
foreach(expected "device = " "f32 NN batched = MR=")
  string(FIND "${tuning}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "'${expected}' missing from the tuning file:\n${tuning}")
  endif()
endforeach()
foreach(unexpected "small" "f32 NT" "f32 TT" "f64")
  string(FIND "${tuning}" "${unexpected}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "'${unexpected}' was not asked for but tuned:\n${tuning}")
  endif()
endforeach()
string(FIND "${out}" ": best " at)
if(at EQUAL -1)
  message(FATAL_ERROR "no progress summary printed:\n${out}")
endif()

foreach(bad "blas" "gemm;--shapes;huge" "gemm;--precision;f8" "gemm;--seconds;-1" "gemm;--bogus;1"
            "gemm;--transposes;NX")
  execute_process(COMMAND ${TUNE} ${bad} RESULT_VARIABLE status OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT status EQUAL 2 OR NOT err MATCHES "usage: cucl-tune gemm")
    message(FATAL_ERROR "cucl-tune ${bad}: expected exit 2 and usage, got ${status}:\n${err}")
  endif()
endforeach()
message(STATUS "cucl-tune command line: ok")
