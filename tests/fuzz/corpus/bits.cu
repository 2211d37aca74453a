__global__ void bits(const unsigned *in, unsigned long long *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  unsigned v = in[i];
  unsigned long long wide = (unsigned long long)v << 32 | (v >> 3);
  out[i] = __popc(v) + __clz(v | 1) + __ffs(v) + (wide % 7ull) + (unsigned)(~v & 0xffu) +
           __brev(v) + min(v, 10u) + max((int)v, -3);
}
