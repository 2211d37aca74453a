// Open (found by the translator fuzzer, not fixed yet): a declaration as the
// whole body of an if -- valid C++, a statement with its own scope -- is
// printed unbraced, which OpenCL C (C99) rejects ("expected expression").
// The fix belongs in the statement emitter (brace a declaration body); then
// move this file to tests/fuzz/crashes.
__global__ void k(int *out, int a) {
  if (a > 0)
    int unused = a;
  out[0] = a;
}
