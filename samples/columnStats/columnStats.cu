// columnStats: mean and variance of every column of a row-major matrix, in
// float and double, with Welford's running statistics. The accumulator is a
// struct with __device__ member functions; each block holds one per thread in
// dynamic (extern __shared__) memory and merges them pairwise.
#include <cmath>
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

template <typename T>
struct RunningStats {
  int count;
  T mean;
  T m2;  // sum of squared deviations from the mean

  __host__ __device__ void add(T x) {
    ++count;
    T delta = x - mean;
    mean += delta / count;
    m2 += delta * (x - mean);
  }
  __host__ __device__ void merge(const RunningStats &other) {
    if (other.count == 0) return;
    int total = count + other.count;
    T delta = other.mean - mean;
    mean += delta * other.count / total;
    m2 += other.m2 + delta * delta * count * other.count / total;
    count = total;
  }
};

// One block per column; blockDim.x must be a power of two.
template <typename T>
__global__ void columnStats(const T *matrix, int rows, int cols, T *means, T *variances) {
  extern __shared__ unsigned char sharedBytes[];
  RunningStats<T> *partial = reinterpret_cast<RunningStats<T> *>(sharedBytes);
  const int col = blockIdx.x;
  RunningStats<T> mine = {0, T(0), T(0)};
  for (int r = threadIdx.x; r < rows; r += blockDim.x) {
    mine.add(matrix[r * cols + col]);
  }
  partial[threadIdx.x] = mine;
  __syncthreads();
  for (unsigned int half = blockDim.x / 2; half > 0; half /= 2) {
    if (threadIdx.x < half) {
      partial[threadIdx.x].merge(partial[threadIdx.x + half]);
    }
    __syncthreads();
  }
  if (threadIdx.x == 0) {
    means[col] = partial[0].mean;
    variances[col] = partial[0].count > 1 ? partial[0].m2 / (partial[0].count - 1) : T(0);
  }
}

template <typename T>
bool checkType(const char *name, int rows, int cols, double tolerance) {
  std::vector<T> matrix(size_t(rows) * cols), means(cols), variances(cols);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      matrix[size_t(r) * cols + c] = T(100.0 + c + std::sin(0.1 * r * (c + 1)) * (1 + c % 4));

  T *dMatrix, *dMeans, *dVariances;
  CHECK_CUDA(cudaMalloc(&dMatrix, matrix.size() * sizeof(T)));
  CHECK_CUDA(cudaMalloc(&dMeans, cols * sizeof(T)));
  CHECK_CUDA(cudaMalloc(&dVariances, cols * sizeof(T)));
  CHECK_CUDA(cudaMemcpy(dMatrix, matrix.data(), matrix.size() * sizeof(T), cudaMemcpyHostToDevice));
  const int threads = 128;
  columnStats<T><<<cols, threads, threads * sizeof(RunningStats<T>)>>>(dMatrix, rows, cols, dMeans,
                                                                       dVariances);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaMemcpy(means.data(), dMeans, cols * sizeof(T), cudaMemcpyDeviceToHost));
  CHECK_CUDA(cudaMemcpy(variances.data(), dVariances, cols * sizeof(T), cudaMemcpyDeviceToHost));

  bool passed = true;
  for (int c = 0; c < cols && passed; ++c) {  // two-pass reference in double
    double sum = 0, sq = 0;
    for (int r = 0; r < rows; ++r) sum += double(matrix[size_t(r) * cols + c]);
    const double mean = sum / rows;
    for (int r = 0; r < rows; ++r) sq += std::pow(double(matrix[size_t(r) * cols + c]) - mean, 2);
    const double variance = sq / (rows - 1);
    if (std::fabs(means[c] - mean) > tolerance * mean ||
        std::fabs(variances[c] - variance) > tolerance * (1 + variance)) {
      std::fprintf(stderr, "%s column %d: mean %g (ref %g), variance %g (ref %g)\n", name, c,
                   double(means[c]), mean, double(variances[c]), variance);
      passed = false;
    }
  }
  std::printf("%s: column 0 mean %.6f variance %.6f\n", name, double(means[0]), double(variances[0]));
  CHECK_CUDA(cudaFree(dMatrix));
  CHECK_CUDA(cudaFree(dMeans));
  CHECK_CUDA(cudaFree(dVariances));
  return passed;
}

int main() {
  printDevice();
  bool passed = checkType<float>("float", 3001, 37, 1e-4);
  passed = checkType<double>("double", 3001, 37, 1e-10) && passed;
  return reportResult("columnStats", passed);
}
