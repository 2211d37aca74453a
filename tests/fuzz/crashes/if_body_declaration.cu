// Found by the translator fuzzer: a declaration as the whole body of an if --
// valid C++, a statement with its own scope -- was printed unbraced, which
// OpenCL C (C99) rejects ("expected expression"). It is braced now.
__global__ void k(int *out, int a) {
  if (a > 0)
    int unused = a;
  out[0] = a;
}
