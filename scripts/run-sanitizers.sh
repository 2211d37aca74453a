#!/usr/bin/env bash
# The stress and sanitizer job (CI's second command, after run-tests.sh):
# builds libcudart and the runtime tests (GoogleTest suites, the 8-thread
# stress test among them) twice, with ThreadSanitizer into build-tsan/ and
# with AddressSanitizer + UndefinedBehaviorSanitizer into build-asan/
# (CMake option CUCL_SANITIZE), and runs them with ctest (label "runtime").
#
# The library itself is instrumented; the OpenCL driver (PoCL, its LLVM, the
# ICD loader) is not, and tests/sanitizers/*.supp suppress reports that lie
# wholly inside it, each with its reason. Nothing in cucl's code is
# suppressed: any report there fails its test.
#
#   CUCL_SANITIZERS="thread address"   which builds to make and run
#   CUCL_JOBS, CUCL_TEST_JOBS            build and ctest parallelism
#   CUCL_SANITIZER_BUILD_PREFIX          build directories' prefix (build-)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="${CUCL_SANITIZER_BUILD_PREFIX:-$root/build-}"
jobs="${CUCL_JOBS:-$(nproc)}"
test_jobs="${CUCL_TEST_JOBS:-2}"
supp="$root/tests/sanitizers"

"$root/scripts/install-deps.sh"

status=0
for kind in ${CUCL_SANITIZERS:-thread address}; do
  case "$kind" in
  thread) build="${prefix}tsan" ;;
  address) build="${prefix}asan" ;;
  *)
    echo "run-sanitizers: unknown sanitizer '$kind' (thread or address)" >&2
    exit 2
    ;;
  esac
  start=$SECONDS
  # -O1 -g1: the usual sanitizer level, line tables for the reports' stacks,
  # and a quicker build than -O2 -g.
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1" \
    -DCUCL_SANITIZE="$kind" -DCUCL_BUILD_COMPILER=OFF -DCUCL_BUILD_SAMPLES=OFF \
    -DCUCL_BUILD_BENCHMARKS=OFF >/dev/null
  # libcudart and everything under tests/runtime, nothing else.
  cmake --build "$build" -j "$jobs" --target tests/runtime/all
  built=$SECONDS

  # Kernel programs compiled by the driver stay inside the build tree, in one
  # PoCL kernel cache for every test (also those that point cucl's own cache
  # elsewhere): PoCL compiles each kernel once.
  environment=("XDG_CACHE_HOME=$build/cache" "POCL_CACHE_DIR=$build/cache/pocl-kernels")
  # Not run instrumented: StartedUnderUlimit starts a process under
  # `ulimit -v`, and both sanitizers need terabytes of address space for
  # their shadow memory (TSan re-executes itself without the limit and fails).
  exclude='^StartedUnderUlimit\.'
  # allocator_may_return_null=1: the allocations the memory tests make to
  # exhaust the address space fail with NULL, as without a sanitizer,
  # instead of aborting the process.
  if [ "$kind" = thread ]; then
    # The half-precision host tests run neither runtime code nor threads.
    exclude="$exclude|^HalfHost\."
    environment+=(
      "TSAN_OPTIONS=suppressions=$supp/tsan.supp allocator_may_return_null=1 second_deadlock_stack=1"
    )
  else
    # The half-precision host tests that compare with NVIDIA's own host code
    # (when its headers exist) add nothing of cucl's over the exact ones.
    exclude="$exclude|^HalfHost\..*Nvidia\$"
    # The scratch-variant tests run below without leak detection: when ctest
    # runs them with their program built in the process, LeakSanitizer's exit
    # scan reads a bogus dynamic-TLS range of the main thread and its tracer
    # crashes ("Tracer caught signal 11", "DTLS 8 at 0x1c97-0x1800002d99"):
    # GCC 12's LSan on glibc 2.36, not a leak (the same process run by hand,
    # or with its program cached, exits cleanly).
    exclude="$exclude|^ScratchVariant\."
    # verify_asan_link_order=0: the LD_PRELOAD shim of the cached_by_driver.*
    # tests comes before the ASan runtime in the library list (harmless).
    # use_sigaltstack=0: LLVM in the driver replaces a thread's alternate
    # signal stack with one of its own (malloc'ed) when it first compiles a
    # kernel there, which ASan would then unmap as its own at thread exit.
    # fast_unwind_on_malloc=0 malloc_context_size=8: allocation stacks that
    # reach through PoCL's frames (see lsan.supp) at a bearable cost.
    environment+=(
      "ASAN_OPTIONS=allocator_may_return_null=1 detect_leaks=1 detect_stack_use_after_return=1 verify_asan_link_order=0 use_sigaltstack=0 fast_unwind_on_malloc=0 malloc_context_size=8"
      "LSAN_OPTIONS=suppressions=$supp/lsan.supp print_suppressions=0"
      "UBSAN_OPTIONS=print_stacktrace=1 halt_on_error=1"
    )
  fi
  echo "run-sanitizers: $kind: running the runtime tests"
  if ! env "${environment[@]}" \
    ctest --test-dir "$build" -L runtime -E "$exclude" -j "$test_jobs" --output-on-failure; then
    status=1
  fi
  if [ "$kind" = address ] && ! env "${environment[@]/detect_leaks=1/detect_leaks=0}" \
    ctest --test-dir "$build" -R '^ScratchVariant\.' --output-on-failure; then
    status=1
  fi
  echo "run-sanitizers: $kind: build $((built - start)) s, tests $((SECONDS - built)) s"
done
exit $status
