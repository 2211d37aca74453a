#define TILE 16
__global__ void matrixMul(float *C, const float *A, const float *B, int wA, int wB) {
  __shared__ float As[TILE][TILE];
  __shared__ float Bs[TILE][TILE];
  int bx = blockIdx.x, by = blockIdx.y, tx = threadIdx.x, ty = threadIdx.y;
  float sum = 0.0f;
  for (int a = wA * TILE * by, b = TILE * bx; a < wA * TILE * by + wA; a += TILE, b += TILE * wB) {
    As[ty][tx] = A[a + wA * ty + tx];
    Bs[ty][tx] = B[b + wB * ty + tx];
    __syncthreads();
#pragma unroll
    for (int k = 0; k < TILE; ++k)
      sum += As[ty][k] * Bs[k][tx];
    __syncthreads();
  }
  C[wB * TILE * by + TILE * bx + wB * ty + tx] = sum;
}
