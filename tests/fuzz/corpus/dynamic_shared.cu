__global__ void reverse(double *data, int n) {
  extern __shared__ double tile[];
  int t = threadIdx.x;
  if (t < n)
    tile[t] = data[t];
  __syncthreads();
  if (t < n)
    data[t] = tile[n - 1 - t];
}

void run(double *d, int n) { reverse<<<1, n, n * sizeof(double)>>>(d, n); }
