// Found by the translator fuzzer: the lane-mode form of if_body_declaration.cu
// (a declaration as the whole body of an if, in a kernel with warp-level
// operations, inside the lane loop).
__global__ void k(int *out, int a) {
  if (a > 0)
    int unused = a;
  out[threadIdx.x] = __shfl_down_sync(0xffffffff, a, 1);
}
