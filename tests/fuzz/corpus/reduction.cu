template <unsigned BLOCK>
__global__ void reduce(const int *in, int *out, unsigned n) {
  __shared__ int partial[BLOCK];
  unsigned t = threadIdx.x, i = blockIdx.x * BLOCK * 2 + t;
  int sum = i < n ? in[i] : 0;
  if (i + BLOCK < n)
    sum += in[i + BLOCK];
  partial[t] = sum;
  __syncthreads();
  for (unsigned s = BLOCK / 2; s > 0; s >>= 1) {
    if (t < s)
      partial[t] += partial[t + s];
    __syncthreads();
  }
  if (t == 0)
    atomicAdd(out, partial[0]);
}

void run(const int *in, int *out, unsigned n) { reduce<256><<<(n + 511) / 512, 256>>>(in, out, n); }
