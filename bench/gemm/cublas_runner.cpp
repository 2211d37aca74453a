#include "cublas_runner.h"

#include <type_traits>

#include <cublas_v2.h>
#include <cuda_runtime.h>

namespace bench {
namespace {

std::string cudaFailure(const char *what, cudaError_t status) {
  return std::string(what) + ": " + cudaGetErrorName(status);
}

std::string cublasFailure(const char *what, cublasStatus_t status) {
  return std::string(what) + ": " + cublasGetStatusName(status);
}

cublasStatus_t gemm(cublasHandle_t handle, const GemmProblem<float> &p, const float *a,
                    const float *b, float *c) {
  const GemmShape &s = p.shape;
  if (s.batch == 1)
    return cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, int(s.m), int(s.n), int(s.k), &p.alpha, a,
                       int(s.m), b, int(s.k), &p.beta, c, int(s.m));
  return cublasSgemmStridedBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, int(s.m), int(s.n), int(s.k),
                                   &p.alpha, a, int(s.m), (long long)p.strideA(), b, int(s.k),
                                   (long long)p.strideB(), &p.beta, c, int(s.m),
                                   (long long)p.strideC(), int(s.batch));
}

cublasStatus_t gemm(cublasHandle_t handle, const GemmProblem<double> &p, const double *a,
                    const double *b, double *c) {
  const GemmShape &s = p.shape;
  if (s.batch == 1)
    return cublasDgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, int(s.m), int(s.n), int(s.k), &p.alpha, a,
                       int(s.m), b, int(s.k), &p.beta, c, int(s.m));
  return cublasDgemmStridedBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, int(s.m), int(s.n), int(s.k),
                                   &p.alpha, a, int(s.m), (long long)p.strideA(), b, int(s.k),
                                   (long long)p.strideB(), &p.beta, c, int(s.m),
                                   (long long)p.strideC(), int(s.batch));
}

template <class T> const char *callName(const GemmShape &shape) {
  const bool single = std::is_same_v<T, float>;
  if (shape.batch == 1)
    return single ? "cublasSgemm" : "cublasDgemm";
  return single ? "cublasSgemmStridedBatched" : "cublasDgemmStridedBatched";
}

// A device array that frees itself.
template <class T> class DeviceArray {
public:
  explicit DeviceArray(std::size_t count) { status_ = cudaMalloc(&data_, count * sizeof(T)); }
  ~DeviceArray() { cudaFree(data_); }
  DeviceArray(const DeviceArray &) = delete;
  DeviceArray &operator=(const DeviceArray &) = delete;
  T *get() const { return data_; }
  cudaError_t status() const { return status_; }

private:
  T *data_ = nullptr;
  cudaError_t status_ = cudaSuccess;
};

} // namespace

CublasRunner::CublasRunner() {
  cublasStatus_t status = cublasCreate(&handle_);
  if (status != CUBLAS_STATUS_SUCCESS) {
    handle_ = nullptr;
    error_ = cublasFailure("cublasCreate", status);
  }
}

CublasRunner::~CublasRunner() {
  if (handle_)
    cublasDestroy(handle_);
}

template <class T>
Measurement CublasRunner::run(const GemmProblem<T> &problem, const RepeatPolicy &policy) {
  Measurement result;
  if (!handle_) {
    result.note = error_;
    return result;
  }
  DeviceArray<T> a(problem.a.size()), b(problem.b.size()), c(problem.elementsC());
  for (cudaError_t status : {a.status(), b.status(), c.status()})
    if (status != cudaSuccess) {
      result.note = cudaFailure("cudaMalloc", status);
      return result;
    }
  cudaError_t copied =
      cudaMemcpy(a.get(), problem.a.data(), problem.a.size() * sizeof(T), cudaMemcpyHostToDevice);
  if (copied == cudaSuccess)
    copied =
        cudaMemcpy(b.get(), problem.b.data(), problem.b.size() * sizeof(T), cudaMemcpyHostToDevice);
  if (copied == cudaSuccess)
    copied = cudaMemset(c.get(), 0, problem.elementsC() * sizeof(T));
  if (copied != cudaSuccess) {
    result.note = cudaFailure("cudaMemcpy", copied);
    return result;
  }
  result = timeBestOf(policy, [&]() -> std::string {
    cublasStatus_t status = gemm(handle_, problem, a.get(), b.get(), c.get());
    if (status != CUBLAS_STATUS_SUCCESS)
      return cublasFailure(callName<T>(problem.shape), status);
    cudaError_t synchronised = cudaDeviceSynchronize();
    return synchronised == cudaSuccess ? std::string()
                                       : cudaFailure("cudaDeviceSynchronize", synchronised);
  });
  if (result.ran) {
    std::vector<T> computed(problem.elementsC());
    cudaError_t status =
        cudaMemcpy(computed.data(), c.get(), computed.size() * sizeof(T), cudaMemcpyDeviceToHost);
    result.maxRelError = status == cudaSuccess ? maxRelativeError(computed, problem.reference)
                                               : std::numeric_limits<double>::infinity();
    result.agrees = result.maxRelError <= errorTolerance<T>(problem.shape);
  }
  return result;
}

template Measurement CublasRunner::run<float>(const GemmProblem<float> &, const RepeatPolicy &);
template Measurement CublasRunner::run<double>(const GemmProblem<double> &, const RepeatPolicy &);

} // namespace bench
