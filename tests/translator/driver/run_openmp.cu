// OpenMP in a translated file, as nvcc builds it with -Xcompiler -fopenmp:
// omp.h is found (the translator parses with Clang's, the host compiler
// compiles with its own) and host threads each launch a kernel.
// RUN: %cuclcc -Xcompiler -fopenmp %s -o %t
// RUN: env OMP_NUM_THREADS=2 %t | FileCheck %s
// CHECK: host sum 4950, kernels 0 wrong, threads 2
#include <cstdio>
#include <omp.h>

__global__ void fill(int *out, int value) { out[threadIdx.x] = value; }

int main() {
  int sum = 0;
#pragma omp parallel for reduction(+ : sum)
  for (int i = 0; i < 100; ++i)
    sum += i;
  int *d;
  cudaMalloc(&d, 4 * 32 * sizeof(int));
  int wrong = 0;
#pragma omp parallel for reduction(+ : wrong)
  for (int part = 0; part < 4; ++part) {
    cudaStream_t stream;
    cudaStreamCreate(&stream);
    fill<<<1, 32, 0, stream>>>(d + part * 32, part);
    int h[32];
    cudaMemcpyAsync(h, d + part * 32, sizeof h, cudaMemcpyDeviceToHost, stream);
    cudaStreamSynchronize(stream);
    for (int i = 0; i < 32; ++i)
      wrong += h[i] != part;
    cudaStreamDestroy(stream);
  }
  std::printf("host sum %d, kernels %d wrong, threads %s\n", sum, wrong,
              omp_get_max_threads() == 2 ? "2" : "not 2");
  return 0;
}
