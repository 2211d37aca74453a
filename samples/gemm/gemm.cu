// gemm: a CUDA program that uses cuBLAS the usual way. Column-major matrices
// in cudaMalloc'd memory, one handle bound to a created stream, then
//   C = alpha * op(A) * op(B) + beta * C   (cublasSgemm; transposes, padded
//                                           leading dimensions, odd sizes)
//   a strided-batched product with beta = 0 (cublasSgemmStridedBatched)
//   y = a * x + y and x . y                 (cublasSaxpy, cublasSdot)
// Every result is checked against a double-precision host computation.
// Build: cuclcc -O2 -o gemm gemm.cu -lcublas   (or: nvcc -o gemm gemm.cu -lcublas)
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <cublas_v2.h>

#include "../common/sample_check.h"

#define CHECK_CUBLAS(call)                                                                    \
  do {                                                                                        \
    cublasStatus_t check_cublas_status_ = (call);                                             \
    if (check_cublas_status_ != CUBLAS_STATUS_SUCCESS) {                                      \
      std::fprintf(stderr, "%s:%d: %s failed: %s\n", __FILE__, __LINE__, #call,               \
                   cublasGetStatusName(check_cublas_status_));                                \
      std::exit(EXIT_FAILURE);                                                                \
    }                                                                                         \
  } while (0)

namespace {

// A column-major matrix on the host with a leading dimension >= rows.
struct HostMatrix {
  int rows, cols, ld;
  std::vector<float> data;
  HostMatrix(int r, int c, int leading) : rows(r), cols(c), ld(leading), data(size_t(leading) * c) {}
  float &at(int i, int j) { return data[size_t(j) * ld + i]; }
  float at(int i, int j) const { return data[size_t(j) * ld + i]; }
};

void fill(std::vector<float> &values, unsigned seed) {
  for (size_t i = 0; i < values.size(); ++i) {
    seed = seed * 1664525u + 1013904223u;
    values[i] = float(seed >> 8) / float(1u << 24) * 2.0f - 1.0f; // [-1, 1)
  }
}

// op(X)(i, j): X(i, j), or X(j, i) when transposed.
float opAt(const HostMatrix &x, cublasOperation_t op, int i, int j) {
  return op == CUBLAS_OP_N ? x.at(i, j) : x.at(j, i);
}

float *toDevice(const std::vector<float> &host) {
  float *device = nullptr;
  CHECK_CUDA(cudaMalloc(&device, host.size() * sizeof(float)));
  CHECK_CUDA(cudaMemcpy(device, host.data(), host.size() * sizeof(float), cudaMemcpyHostToDevice));
  return device;
}

std::vector<float> toHost(const float *device, size_t count) {
  std::vector<float> host(count);
  CHECK_CUDA(cudaMemcpy(host.data(), device, count * sizeof(float), cudaMemcpyDeviceToHost));
  return host;
}

bool close(double got, double expected, double scale, double tolerance, const char *what, int i) {
  if (std::fabs(got - expected) <= tolerance * scale)
    return true;
  std::fprintf(stderr, "%s: element %d is %.7g, expected %.7g\n", what, i, got, expected);
  return false;
}

// One cublasSgemm with the given transposes on odd sizes and padded leading
// dimensions; the padding of C must come back untouched.
bool checkGemm(cublasHandle_t handle, cudaStream_t stream, cublasOperation_t opA, cublasOperation_t opB) {
  const int m = 37, n = 29, k = 45;
  const float alpha = 1.5f, beta = -0.5f;
  HostMatrix a(opA == CUBLAS_OP_N ? m : k, opA == CUBLAS_OP_N ? k : m, (opA == CUBLAS_OP_N ? m : k) + 3);
  HostMatrix b(opB == CUBLAS_OP_N ? k : n, opB == CUBLAS_OP_N ? n : k, (opB == CUBLAS_OP_N ? k : n) + 1);
  HostMatrix c(m, n, m + 5);
  fill(a.data, 1);
  fill(b.data, 2);
  fill(c.data, 3);

  float *dA = toDevice(a.data), *dB = toDevice(b.data), *dC = toDevice(c.data);
  CHECK_CUBLAS(cublasSgemm(handle, opA, opB, m, n, k, &alpha, dA, a.ld, dB, b.ld, &beta, dC, c.ld));
  CHECK_CUDA(cudaStreamSynchronize(stream));
  std::vector<float> result = toHost(dC, c.data.size());

  bool ok = true;
  for (int j = 0; j < n && ok; ++j)
    for (int i = 0; i < c.ld && ok; ++i) {
      const int index = j * c.ld + i;
      if (i >= m) { // padding rows: never written
        ok = result[index] == c.data[index];
        if (!ok)
          std::fprintf(stderr, "sgemm wrote C's padding at row %d, column %d\n", i, j);
        continue;
      }
      double sum = 0, magnitude = 0;
      for (int l = 0; l < k; ++l) {
        sum += double(opAt(a, opA, i, l)) * opAt(b, opB, l, j);
        magnitude += std::fabs(double(opAt(a, opA, i, l)) * opAt(b, opB, l, j));
      }
      const double expected = alpha * sum + beta * double(c.at(i, j));
      ok = close(result[index], expected, alpha * magnitude + std::fabs(beta * c.at(i, j)), 1e-5, "sgemm", index);
    }
  std::printf("cublasSgemm %s%s %dx%dx%d: %s\n", opA == CUBLAS_OP_N ? "N" : "T", opB == CUBLAS_OP_N ? "N" : "T",
              m, n, k, ok ? "ok" : "wrong");
  CHECK_CUDA(cudaFree(dA));
  CHECK_CUDA(cudaFree(dB));
  CHECK_CUDA(cudaFree(dC));
  return ok;
}

// A batch of small products, one matrix after the other in each array. With
// beta = 0, cuBLAS does not read C, so what was there (here NaN) must not matter.
bool checkStridedBatched(cublasHandle_t handle, cudaStream_t stream) {
  const int m = 16, n = 8, k = 12, batch = 5;
  const float alpha = 2.0f, beta = 0.0f;
  const long long strideA = m * k, strideB = k * n, strideC = m * n;
  std::vector<float> a(strideA * batch), b(strideB * batch), c(strideC * batch, std::nanf(""));
  fill(a, 4);
  fill(b, 5);
  float *dA = toDevice(a), *dB = toDevice(b), *dC = toDevice(c);
  CHECK_CUBLAS(cublasSgemmStridedBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &alpha, dA, m, strideA, dB,
                                         k, strideB, &beta, dC, m, strideC, batch));
  CHECK_CUDA(cudaStreamSynchronize(stream));
  std::vector<float> result = toHost(dC, c.size());

  bool ok = true;
  for (int p = 0; p < batch && ok; ++p)
    for (int j = 0; j < n && ok; ++j)
      for (int i = 0; i < m && ok; ++i) {
        double sum = 0, magnitude = 0;
        for (int l = 0; l < k; ++l) {
          const double term = double(a[p * strideA + l * m + i]) * b[p * strideB + j * k + l];
          sum += term;
          magnitude += std::fabs(term);
        }
        const int index = int(p * strideC) + j * m + i;
        ok = close(result[index], alpha * sum, alpha * magnitude, 1e-5, "sgemmStridedBatched", index);
      }
  std::printf("cublasSgemmStridedBatched %d x %dx%dx%d: %s\n", batch, m, n, k, ok ? "ok" : "wrong");
  CHECK_CUDA(cudaFree(dA));
  CHECK_CUDA(cudaFree(dB));
  CHECK_CUDA(cudaFree(dC));
  return ok;
}

// y = a * x + y, then x . y (the result comes back to a host variable).
bool checkAxpyDot(cublasHandle_t handle, cudaStream_t stream) {
  const int n = 1000;
  const float a = 0.75f;
  std::vector<float> x(n), y(n);
  fill(x, 6);
  fill(y, 7);
  float *dX = toDevice(x), *dY = toDevice(y);
  CHECK_CUBLAS(cublasSaxpy(handle, n, &a, dX, 1, dY, 1));
  float dot = 0.0f;
  CHECK_CUBLAS(cublasSdot(handle, n, dX, 1, dY, 1, &dot));
  CHECK_CUDA(cudaStreamSynchronize(stream));
  std::vector<float> result = toHost(dY, n);

  bool ok = true;
  double expectedDot = 0, magnitude = 0;
  for (int i = 0; i < n; ++i) {
    const double expected = double(a) * x[i] + y[i];
    ok = ok && close(result[i], expected, std::fabs(a * x[i]) + std::fabs(y[i]), 1e-6, "saxpy", i);
    expectedDot += double(x[i]) * expected;
    magnitude += std::fabs(double(x[i]) * expected);
  }
  ok = ok && close(dot, expectedDot, magnitude, 1e-4, "sdot", 0);
  std::printf("cublasSaxpy + cublasSdot, n = %d: dot = %.5f (%s)\n", n, dot, ok ? "ok" : "wrong");
  CHECK_CUDA(cudaFree(dX));
  CHECK_CUDA(cudaFree(dY));
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
  passed &= checkGemm(handle, stream, CUBLAS_OP_N, CUBLAS_OP_N);
  passed &= checkGemm(handle, stream, CUBLAS_OP_T, CUBLAS_OP_N);
  passed &= checkGemm(handle, stream, CUBLAS_OP_N, CUBLAS_OP_T);
  passed &= checkGemm(handle, stream, CUBLAS_OP_T, CUBLAS_OP_T);
  passed &= checkStridedBatched(handle, stream);
  passed &= checkAxpyDot(handle, stream);

  CHECK_CUBLAS(cublasDestroy(handle));
  CHECK_CUDA(cudaStreamDestroy(stream));
  return reportResult("gemm", passed);
}
