# Runs the translator fuzzer for a fixed budget (ctest translator-fuzz):
#   cmake -DFUZZER=... -DWORK=dir -DSEEDS=dir -DDICTIONARY=file -DSECONDS=n -DRUNS=n -P run_fuzzer.cmake
# New inputs go to WORK/corpus (emptied first, so every run starts from the
# seeds alone), findings to WORK/findings/. Fails when the fuzzer reports one.
file(REMOVE_RECURSE ${WORK}/corpus)
file(MAKE_DIRECTORY ${WORK}/corpus ${WORK}/findings)
execute_process(
  COMMAND ${FUZZER} ${WORK}/corpus ${SEEDS}
          -max_total_time=${SECONDS} -runs=${RUNS} -seed=1 -max_len=4096 -timeout=120
          -rss_limit_mb=6144 -detect_leaks=0 -print_final_stats=1
          -dict=${DICTIONARY} -artifact_prefix=${WORK}/findings/
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "translator fuzzer: finding (exit status ${status}); the input is in "
                      "${WORK}/findings/ (see docs/fuzzing.md)")
endif()
