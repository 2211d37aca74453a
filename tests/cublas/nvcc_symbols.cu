// Compiled by NVIDIA's nvcc against NVIDIA's cublas_v2.h (never linked): every
// cuBLAS name this object imports must be exported by cucl's libcublas.so
// (checked with nm by nvcc_symbols.cmake). Calls each supported routine the
// way CUDA programs spell it.
#include <cublas_v2.h>
#include <cuda_runtime.h>

int callEverything(float *f, double *d, int *index, cudaStream_t stream) {
  cublasHandle_t h = nullptr;
  int status = 0, version = 0;
  const float fa = 1;
  const double da = 1;
  status |= cublasCreate(&h);
  status |= cublasGetVersion(h, &version);
  status |= cublasGetProperty(MAJOR_VERSION, &version);
  status |= static_cast<int>(cublasGetCudartVersion());
  status |= cublasSetStream(h, stream);
  status |= cublasGetStream(h, &stream);
  status |= cublasSetPointerMode(h, CUBLAS_POINTER_MODE_HOST);
  cublasPointerMode_t pointerMode;
  status |= cublasGetPointerMode(h, &pointerMode);
  status |= cublasSetMathMode(h, CUBLAS_DEFAULT_MATH);
  cublasMath_t mathMode;
  status |= cublasGetMathMode(h, &mathMode);
  status |= cublasSetAtomicsMode(h, CUBLAS_ATOMICS_ALLOWED);
  cublasAtomicsMode_t atomicsMode;
  status |= cublasGetAtomicsMode(h, &atomicsMode);
  status |= cublasSetWorkspace(h, f, 0);
  status |= cublasGetStatusName(CUBLAS_STATUS_SUCCESS)[0];
  status |= cublasGetStatusString(CUBLAS_STATUS_SUCCESS)[0];

  status |= cublasSaxpy(h, 1, &fa, f, 1, f, 1);
  status |= cublasDaxpy(h, 1, &da, d, 1, d, 1);
  status |= cublasSscal(h, 1, &fa, f, 1);
  status |= cublasDscal(h, 1, &da, d, 1);
  status |= cublasSdot(h, 1, f, 1, f, 1, f);
  status |= cublasDdot(h, 1, d, 1, d, 1, d);
  status |= cublasSnrm2(h, 1, f, 1, f);
  status |= cublasDnrm2(h, 1, d, 1, d);
  status |= cublasSasum(h, 1, f, 1, f);
  status |= cublasDasum(h, 1, d, 1, d);
  status |= cublasIsamax(h, 1, f, 1, index);
  status |= cublasIdamax(h, 1, d, 1, index);
  status |= cublasSgemv(h, CUBLAS_OP_N, 1, 1, &fa, f, 1, f, 1, &fa, f, 1);
  status |= cublasDgemv(h, CUBLAS_OP_T, 1, 1, &da, d, 1, d, 1, &da, d, 1);
  status |= cublasSgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &fa, f, 1, f, 1, &fa, f, 1);
  status |= cublasDgemm(h, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &da, d, 1, d, 1, &da, d, 1);
  status |= cublasSgemmStridedBatched(h, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &fa, f, 1, 1, f, 1, 1,
                                      &fa, f, 1, 1, 1);
  status |= cublasDgemmStridedBatched(h, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &da, d, 1, 1, d, 1, 1,
                                      &da, d, 1, 1, 1);
  status |= cublasGemmEx(h, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &fa, f, CUDA_R_32F, 1, f,
                         CUDA_R_32F, 1, &fa, f, CUDA_R_32F, 1, CUBLAS_COMPUTE_32F,
                         CUBLAS_GEMM_DEFAULT);
  // The C++ overload with a cudaDataType compute type (inline in the header).
  status |= cublasGemmEx(h, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &fa, f, CUDA_R_32F, 1, f,
                         CUDA_R_32F, 1, &fa, f, CUDA_R_32F, 1, CUDA_R_32F, CUBLAS_GEMM_DEFAULT);
  status |= cublasGemmStridedBatchedEx(h, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &fa, f, CUDA_R_16F,
                                       1, 1, f, CUDA_R_16F, 1, 1, &fa, f, CUDA_R_32F, 1, 1, 1,
                                       CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);
  status |= cublasSetVector(1, 4, f, 1, f, 1);
  status |= cublasGetVector(1, 4, f, 1, f, 1);
  status |= cublasSetMatrix(1, 1, 4, f, 1, f, 1);
  status |= cublasGetMatrix(1, 1, 4, f, 1, f, 1);
  status |= cublasSetVectorAsync(1, 4, f, 1, f, 1, stream);
  status |= cublasGetVectorAsync(1, 4, f, 1, f, 1, stream);
  status |= cublasSetMatrixAsync(1, 1, 4, f, 1, f, 1, stream);
  status |= cublasGetMatrixAsync(1, 1, 4, f, 1, f, 1, stream);
  status |= cublasScopy(h, 1, f, 1, f, 1);
  status |= cublasDcopy(h, 1, d, 1, d, 1);
  status |= cublasSswap(h, 1, f, 1, f, 1);
  status |= cublasDswap(h, 1, d, 1, d, 1);
  status |= cublasSrot(h, 1, f, 1, f, 1, &fa, &fa);
  status |= cublasDrot(h, 1, d, 1, d, 1, &da, &da);
  status |= cublasSrotg(h, f, f, f, f);
  status |= cublasDrotg(h, d, d, d, d);
  status |= cublasSger(h, 1, 1, &fa, f, 1, f, 1, f, 1);
  status |= cublasDger(h, 1, 1, &da, d, 1, d, 1, d, 1);
  status |= cublasSgeam(h, CUBLAS_OP_N, CUBLAS_OP_T, 1, 1, &fa, f, 1, &fa, f, 1, f, 1);
  status |= cublasDgeam(h, CUBLAS_OP_N, CUBLAS_OP_T, 1, 1, &da, d, 1, &da, d, 1, d, 1);
  status |= cublasSdgmm(h, CUBLAS_SIDE_LEFT, 1, 1, f, 1, f, 1, f, 1);
  status |= cublasDdgmm(h, CUBLAS_SIDE_RIGHT, 1, 1, d, 1, d, 1, d, 1);
  float *fArray[1] = {f};
  double *dArray[1] = {d};
  status |= cublasSgemmBatched(h, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &fa, fArray, 1, fArray, 1,
                               &fa, fArray, 1, 1);
  status |= cublasDgemmBatched(h, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &da, dArray, 1, dArray, 1,
                               &da, dArray, 1, 1);
  status |= cublasSgetrfBatched(h, 1, fArray, 1, index, index, 1);
  status |= cublasDgetrfBatched(h, 1, dArray, 1, index, index, 1);
  status |= cublasSgetrsBatched(h, CUBLAS_OP_N, 1, 1, fArray, 1, index, fArray, 1, index, 1);
  status |= cublasDgetrsBatched(h, CUBLAS_OP_N, 1, 1, dArray, 1, index, dArray, 1, index, 1);
  status |= cublasSgetriBatched(h, 1, fArray, 1, index, fArray, 1, index, 1);
  status |= cublasDgetriBatched(h, 1, dArray, 1, index, dArray, 1, index, 1);
  status |= cublasSmatinvBatched(h, 1, fArray, 1, fArray, 1, index, 1);
  status |= cublasDmatinvBatched(h, 1, dArray, 1, dArray, 1, index, 1);
  status |= cublasDestroy(h);
  return status;
}
