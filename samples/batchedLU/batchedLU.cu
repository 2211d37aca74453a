// batchedLU: many small linear systems A x = b solved with cuBLAS's batched
// LU routines, the way a CUDA program usually calls them: matrices in device
// memory, a device array of their pointers, one handle on a created stream.
//   cublasSgetrfBatched   LU with partial pivoting of every A (in place),
//                         pivots and info in device arrays
//   cublasSgetrsBatched   x from the factors (b overwritten), info on the host
// Two batches: 1000 systems of order 8 in one cudaMalloc, and 64 systems of
// order 33 allocated one by one. Every solution is checked on the host by its
// residual, as LAPACK's tests do: ||b - A x|| / (n eps ||A|| ||x||) < 30.
// Build: cuclcc -O2 -o batchedLU batchedLU.cu -lcublas
//        (or: nvcc -o batchedLU batchedLU.cu -lcublas)
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <cublas_v2.h>

#include "../common/sample_check.h"

#define CHECK_CUBLAS(call)                                                                         \
  do {                                                                                             \
    cublasStatus_t check_cublas_status_ = (call);                                                  \
    if (check_cublas_status_ != CUBLAS_STATUS_SUCCESS) {                                           \
      std::fprintf(stderr, "%s:%d: %s failed: %s\n", __FILE__, __LINE__, #call,                    \
                   cublasGetStatusName(check_cublas_status_));                                     \
      std::exit(EXIT_FAILURE);                                                                     \
    }                                                                                              \
  } while (0)

namespace {

void fill(std::vector<float> &values, unsigned seed) {
  for (size_t i = 0; i < values.size(); ++i) {
    seed = seed * 1664525u + 1013904223u;
    values[i] = float(seed >> 8) / float(1u << 24) * 2.0f - 1.0f; // [-1, 1)
  }
}

// LAPACK's residual ratio for one system (column-major n x n A, leading
// dimension n): ||b - A x||_inf / (n eps ||A||_inf ||x||_inf).
double residualRatio(const float *a, const float *b, const float *x, int n) {
  double residual = 0, aNorm = 0, xNorm = 0;
  for (int i = 0; i < n; ++i) {
    double sum = b[i], rowSum = 0;
    for (int j = 0; j < n; ++j) {
      sum -= double(a[j * n + i]) * x[j];
      rowSum += std::fabs(a[j * n + i]);
    }
    residual = std::fmax(residual, std::fabs(sum));
    aNorm = std::fmax(aNorm, rowSum);
    xNorm = std::fmax(xNorm, std::fabs(x[i]));
  }
  return residual / (n * double(FLT_EPSILON) * aNorm * xNorm);
}

// Factors and solves `count` random systems of order n. `oneAllocation`:
// all matrices (and all right-hand sides) in one cudaMalloc each; otherwise
// one cudaMalloc per matrix and per right-hand side.
bool solveBatch(cublasHandle_t handle, cudaStream_t stream, int n, int count, bool oneAllocation,
                unsigned seed) {
  const size_t matrixSize = size_t(n) * n;
  std::vector<float> a(matrixSize * count), b(size_t(n) * count);
  fill(a, seed);
  fill(b, seed + 1);

  // Device memory and the arrays of pointers cuBLAS takes.
  std::vector<float *> aPointers(count), bPointers(count);
  float *aBlock = nullptr, *bBlock = nullptr;
  if (oneAllocation) {
    CHECK_CUDA(cudaMalloc(&aBlock, a.size() * sizeof(float)));
    CHECK_CUDA(cudaMalloc(&bBlock, b.size() * sizeof(float)));
    for (int i = 0; i < count; ++i) {
      aPointers[i] = aBlock + i * matrixSize;
      bPointers[i] = bBlock + size_t(i) * n;
    }
  } else {
    for (int i = 0; i < count; ++i) {
      CHECK_CUDA(cudaMalloc(&aPointers[i], matrixSize * sizeof(float)));
      CHECK_CUDA(cudaMalloc(&bPointers[i], n * sizeof(float)));
    }
  }
  for (int i = 0; i < count; ++i) {
    CHECK_CUDA(cudaMemcpy(aPointers[i], &a[i * matrixSize], matrixSize * sizeof(float),
                          cudaMemcpyHostToDevice));
    CHECK_CUDA(
        cudaMemcpy(bPointers[i], &b[size_t(i) * n], n * sizeof(float), cudaMemcpyHostToDevice));
  }
  float **dA = nullptr, **dB = nullptr;
  int *dPivots = nullptr, *dInfo = nullptr;
  CHECK_CUDA(cudaMalloc(&dA, count * sizeof(float *)));
  CHECK_CUDA(cudaMalloc(&dB, count * sizeof(float *)));
  CHECK_CUDA(cudaMalloc(&dPivots, size_t(n) * count * sizeof(int)));
  CHECK_CUDA(cudaMalloc(&dInfo, count * sizeof(int)));
  CHECK_CUDA(cudaMemcpy(dA, aPointers.data(), count * sizeof(float *), cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(dB, bPointers.data(), count * sizeof(float *), cudaMemcpyHostToDevice));

  // A = P L U for every matrix, then x = A^-1 b with the factors.
  CHECK_CUBLAS(cublasSgetrfBatched(handle, n, dA, n, dPivots, dInfo, count));
  int solveInfo = -1;
  CHECK_CUBLAS(
      cublasSgetrsBatched(handle, CUBLAS_OP_N, n, 1, dA, n, dPivots, dB, n, &solveInfo, count));
  CHECK_CUDA(cudaStreamSynchronize(stream));

  std::vector<int> info(count), pivots(size_t(n) * count);
  std::vector<float> x(b.size());
  CHECK_CUDA(cudaMemcpy(info.data(), dInfo, count * sizeof(int), cudaMemcpyDeviceToHost));
  CHECK_CUDA(
      cudaMemcpy(pivots.data(), dPivots, pivots.size() * sizeof(int), cudaMemcpyDeviceToHost));
  for (int i = 0; i < count; ++i)
    CHECK_CUDA(
        cudaMemcpy(&x[size_t(i) * n], bPointers[i], n * sizeof(float), cudaMemcpyDeviceToHost));

  bool ok = solveInfo == 0;
  if (!ok)
    std::fprintf(stderr, "getrsBatched reported info %d\n", solveInfo);
  double worst = 0;
  for (int i = 0; i < count && ok; ++i) {
    if (info[i] != 0) {
      std::fprintf(stderr, "system %d: getrfBatched reported info %d\n", i, info[i]);
      ok = false;
      break;
    }
    for (int k = 0; k < n && ok; ++k) { // pivot rows are 1-based, at or below their step
      const int p = pivots[size_t(i) * n + k];
      if (p < k + 1 || p > n) {
        std::fprintf(stderr, "system %d: pivot %d is %d\n", i, k, p);
        ok = false;
      }
    }
    const double ratio = residualRatio(&a[i * matrixSize], &b[size_t(i) * n], &x[size_t(i) * n], n);
    worst = std::fmax(worst, ratio);
    if (!(ratio < 30.0)) {
      std::fprintf(stderr, "system %d: residual ratio %.3g\n", i, ratio);
      ok = false;
    }
  }
  std::printf("%4d systems of order %2d (%s): worst residual ratio %.3f (%s)\n", count, n,
              oneAllocation ? "one allocation" : "one allocation each", worst, ok ? "ok" : "wrong");

  if (oneAllocation) {
    CHECK_CUDA(cudaFree(aBlock));
    CHECK_CUDA(cudaFree(bBlock));
  } else {
    for (int i = 0; i < count; ++i) {
      CHECK_CUDA(cudaFree(aPointers[i]));
      CHECK_CUDA(cudaFree(bPointers[i]));
    }
  }
  CHECK_CUDA(cudaFree(dA));
  CHECK_CUDA(cudaFree(dB));
  CHECK_CUDA(cudaFree(dPivots));
  CHECK_CUDA(cudaFree(dInfo));
  return ok;
}

} // namespace

int main() {
  printDevice();
  cublasHandle_t handle = nullptr;
  cudaStream_t stream = nullptr;
  CHECK_CUBLAS(cublasCreate(&handle));
  CHECK_CUDA(cudaStreamCreate(&stream));
  CHECK_CUBLAS(cublasSetStream(handle, stream));

  bool passed = true;
  passed &= solveBatch(handle, stream, 8, 1000, true, 1);
  passed &= solveBatch(handle, stream, 33, 64, false, 2);

  CHECK_CUBLAS(cublasDestroy(handle));
  CHECK_CUDA(cudaStreamDestroy(stream));
  return reportResult("batchedLU", passed);
}
