__device__ double blackScholesCall(double s, double x, double t, double r, double v) {
  double sqrtT = sqrt(t);
  double d1 = (log(s / x) + (r + 0.5 * v * v) * t) / (v * sqrtT);
  double d2 = d1 - v * sqrtT;
  return s * erfc(-d1 * 0.70710678118654752) * 0.5 - x * exp(-r * t) * erfc(-d2 * 0.70710678118654752) * 0.5;
}

__global__ void price(double *out, const float *spot, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    float s = spot[i];
    out[i] = blackScholesCall(s, 100.0, 1.0, 0.02, 0.3) + fmaxf(sinf(s), cosf(s)) + rsqrtf(s + 1.0f);
  }
}
