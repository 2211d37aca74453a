// trsm (left, lower, no transpose, non-unit; m = n) and syrk (lower, no
// transpose; n = k) in single precision: cucl's cuBLAS on the default
// OpenCL device against OpenBLAS on the host, best of a few runs after a
// warm-up (which builds the kernels). Prints GFLOP/s and cucl / OpenBLAS.
#include <cblas.h>
#include <cublas_v2.h>
#include <cuda_runtime.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <vector>

namespace {

void check(bool ok, const char *what) {
  if (!ok) {
    std::fprintf(stderr, "bench-blas3: %s failed\n", what);
    std::exit(1);
  }
}

double bestSeconds(const std::function<void()> &run, int runs) {
  run(); // warm-up
  double best = 1e30;
  for (int r = 0; r < runs; ++r) {
    auto start = std::chrono::steady_clock::now();
    run();
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    best = std::min(best, elapsed.count());
  }
  return best;
}

} // namespace

int main(int argc, char **argv) {
  std::vector<int> sizes;
  for (int i = 1; i < argc; ++i)
    sizes.push_back(std::atoi(argv[i]));
  if (sizes.empty())
    sizes = {512, 1024, 2048};
  cublasHandle_t handle;
  check(cublasCreate(&handle) == CUBLAS_STATUS_SUCCESS, "cublasCreate");
  cudaDeviceProp prop;
  check(cudaGetDeviceProperties(&prop, 0) == cudaSuccess, "cudaGetDeviceProperties");
  std::printf("device: %s; OpenBLAS: %s, %d threads\n", prop.name, openblas_get_config(),
              openblas_get_num_threads());
  std::printf("%-6s %6s %12s %12s %8s\n", "", "n", "cucl GF/s", "OpenBLAS", "ratio");
  std::mt19937 engine(1);
  std::uniform_real_distribution<float> uniform(-1, 1);
  for (int n : sizes) {
    const std::size_t elements = std::size_t(n) * n;
    std::vector<float> a(elements), b(elements), c(elements), work(elements);
    for (float &v : a)
      v = uniform(engine) / n;
    for (int i = 0; i < n; ++i)
      a[std::size_t(i) * n + i] = 2; // well conditioned
    for (float &v : b)
      v = uniform(engine);
    float *dA, *dB, *dC;
    check(cudaMalloc(&dA, elements * 4) == cudaSuccess &&
              cudaMalloc(&dB, elements * 4) == cudaSuccess &&
              cudaMalloc(&dC, elements * 4) == cudaSuccess,
          "cudaMalloc");
    check(cudaMemcpy(dA, a.data(), elements * 4, cudaMemcpyHostToDevice) == cudaSuccess, "copy");
    const float one = 1, zero = 0;
    const int runs = n >= 2048 ? 2 : 3;

    // trsm solves in place: each run starts again from B (copy included
    // on both sides, a small part of n^3 work).
    double cuclTrsm = bestSeconds(
        [&] {
          check(cudaMemcpy(dB, b.data(), elements * 4, cudaMemcpyHostToDevice) == cudaSuccess,
                "copy");
          check(cublasStrsm(handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N,
                            CUBLAS_DIAG_NON_UNIT, n, n, &one, dA, n, dB,
                            n) == CUBLAS_STATUS_SUCCESS,
                "cublasStrsm");
          check(cudaDeviceSynchronize() == cudaSuccess, "synchronize");
        },
        runs);
    double blasTrsm = bestSeconds(
        [&] {
          work = b;
          cblas_strsm(CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasNonUnit, n, n, 1.0f,
                      a.data(), n, work.data(), n);
        },
        runs);
    const double trsmFlops = double(n) * n * n;
    std::printf("%-6s %6d %12.1f %12.1f %7.2fx\n", "trsm", n, trsmFlops / cuclTrsm * 1e-9,
                trsmFlops / blasTrsm * 1e-9, blasTrsm / cuclTrsm);

    double cuclSyrk = bestSeconds(
        [&] {
          check(cublasSsyrk(handle, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, n, n, &one, dA, n, &zero,
                            dC, n) == CUBLAS_STATUS_SUCCESS,
                "cublasSsyrk");
          check(cudaDeviceSynchronize() == cudaSuccess, "synchronize");
        },
        runs);
    double blasSyrk = bestSeconds(
        [&] {
          cblas_ssyrk(CblasColMajor, CblasLower, CblasNoTrans, n, n, 1.0f, a.data(), n, 0.0f,
                      c.data(), n);
        },
        runs);
    const double syrkFlops = double(n) * (n + 1) * n;
    std::printf("%-6s %6d %12.1f %12.1f %7.2fx\n", "syrk", n, syrkFlops / cuclSyrk * 1e-9,
                syrkFlops / blasSyrk * 1e-9, blasSyrk / cuclSyrk);
    cudaFree(dA);
    cudaFree(dB);
    cudaFree(dC);
  }
  cublasDestroy(handle);
  return 0;
}
