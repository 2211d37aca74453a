__device__ int classify(int v) {
  switch (v & 3) {
  case 0:
    return v > 100 ? 1 : 2;
  case 1:
    return -v;
  default:
    break;
  }
  int steps = 0;
  while (v > 1 && steps < 64) {
    v = (v & 1) ? 3 * v + 1 : v / 2;
    ++steps;
  }
  do {
    steps ^= steps << 1;
  } while (steps < 0);
  return steps;
}

__global__ void kernel(const int *in, int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n && (in[i] != 0 || i == 0))
    out[i] = classify(in[i]) + (i % 2 == 0 ? 1 : -1);
}
