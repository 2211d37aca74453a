// Handles: creation and destruction, stream, pointer/math/atomics modes,
// versions, status names and strings, and the statuses of bad arguments.
#include "blas_test_support.h"
#include "c_callers.h"

#include <cstring>
#include <set>
#include <string>

using namespace blastest;

namespace {
using HandleApi = HandleTest;

const cublasStatus_t kStatuses[] = {CUBLAS_STATUS_SUCCESS,          CUBLAS_STATUS_NOT_INITIALIZED,
                                    CUBLAS_STATUS_ALLOC_FAILED,     CUBLAS_STATUS_INVALID_VALUE,
                                    CUBLAS_STATUS_ARCH_MISMATCH,    CUBLAS_STATUS_MAPPING_ERROR,
                                    CUBLAS_STATUS_EXECUTION_FAILED, CUBLAS_STATUS_INTERNAL_ERROR,
                                    CUBLAS_STATUS_NOT_SUPPORTED,    CUBLAS_STATUS_LICENSE_ERROR};
} // namespace

TEST(HandleLifetime, CreateAndDestroy) {
  cublasHandle_t first = nullptr, second = nullptr;
  CUBLAS_OK(cublasCreate(&first));
  CUBLAS_OK(cublasCreate(&second));
  EXPECT_NE(nullptr, first);
  EXPECT_NE(first, second);
  CUBLAS_OK(cublasDestroy(first));
  CUBLAS_OK(cublasDestroy(second));
}

TEST(HandleLifetime, BadArguments) {
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, cublasCreate(nullptr));
  EXPECT_EQ(CUBLAS_STATUS_NOT_INITIALIZED, cublasDestroy(nullptr));
}

TEST(HandleLifetime, DestroyWaitsForQueuedWorkAndSurvivesItsStream) {
  cublasHandle_t handle = nullptr;
  cudaStream_t stream = nullptr;
  CUBLAS_OK(cublasCreate(&handle));
  CUDA_OK(cudaStreamCreate(&stream));
  CUBLAS_OK(cublasSetStream(handle, stream));
  DeviceArray<float> x(std::vector<float>(1000, 1.0f));
  const float two = 2;
  CUBLAS_OK(cublasSscal(handle, 1000, &two, x.get(), 1));
  CUDA_OK(cudaStreamDestroy(stream)); // before the handle: still fine
  CUBLAS_OK(cublasDestroy(handle));
  EXPECT_EQ(std::vector<float>(1000, 2.0f), x.download());
}

TEST(HandleLifetime, DestroyReturnsOnlyWhenTheStreamIsIdle) {
  cublasHandle_t handle = nullptr;
  cudaStream_t stream = nullptr;
  CUBLAS_OK(cublasCreate(&handle));
  CUDA_OK(cudaStreamCreate(&stream));
  CUBLAS_OK(cublasSetStream(handle, stream));
  const int n = 768;
  DeviceArray<float> a(std::vector<float>(n * n, 0.5f)), c(std::vector<float>(n * n, 0.0f));
  const float one = 1, zero = 0;
  // Work that takes milliseconds, queued without waiting.
  for (int i = 0; i < 4; ++i)
    CUBLAS_OK(cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &one, a.get(), n, a.get(), n,
                          &zero, c.get(), n));
  CUBLAS_OK(cublasDestroy(handle));
  EXPECT_EQ(cudaSuccess, cudaStreamQuery(stream)); // cuBLAS waits for the stream in destroy
  CUDA_OK(cudaStreamDestroy(stream));
}

TEST_F(HandleApi, StreamDefaultsToZeroAndIsStored) {
  cudaStream_t stream = reinterpret_cast<cudaStream_t>(0x1234), created = nullptr;
  CUBLAS_OK(cublasGetStream(handle, &stream));
  EXPECT_EQ(nullptr, stream);
  CUDA_OK(cudaStreamCreate(&created));
  CUBLAS_OK(cublasSetStream(handle, created));
  CUBLAS_OK(cublasGetStream(handle, &stream));
  EXPECT_EQ(created, stream);
  CUBLAS_OK(cublasSetStream(handle, nullptr));
  CUDA_OK(cudaStreamDestroy(created));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, cublasGetStream(handle, nullptr));
}

TEST_F(HandleApi, PointerMode) {
  cublasPointerMode_t mode = CUBLAS_POINTER_MODE_DEVICE;
  CUBLAS_OK(cublasGetPointerMode(handle, &mode));
  EXPECT_EQ(CUBLAS_POINTER_MODE_HOST, mode);
  CUBLAS_OK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE));
  CUBLAS_OK(cublasGetPointerMode(handle, &mode));
  EXPECT_EQ(CUBLAS_POINTER_MODE_DEVICE, mode);
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, c_set_pointer_mode(handle, 2));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, c_set_pointer_mode(handle, -1));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, cublasGetPointerMode(handle, nullptr));
  CUBLAS_OK(cublasGetPointerMode(handle, &mode));
  EXPECT_EQ(CUBLAS_POINTER_MODE_DEVICE, mode); // a rejected value changes nothing
}

TEST_F(HandleApi, MathMode) {
  cublasMath_t mode = CUBLAS_TENSOR_OP_MATH;
  CUBLAS_OK(cublasGetMathMode(handle, &mode));
  EXPECT_EQ(CUBLAS_DEFAULT_MATH, mode);
  for (cublasMath_t value : {CUBLAS_TF32_TENSOR_OP_MATH, CUBLAS_PEDANTIC_MATH,
                             CUBLAS_TENSOR_OP_MATH, CUBLAS_DEFAULT_MATH}) {
    CUBLAS_OK(cublasSetMathMode(handle, value));
    CUBLAS_OK(cublasGetMathMode(handle, &mode));
    EXPECT_EQ(value, mode);
  }
  // The reduced-precision flag combines with a mode.
  CUBLAS_OK(c_set_math_mode(handle, CUBLAS_TF32_TENSOR_OP_MATH |
                                        CUBLAS_MATH_DISALLOW_REDUCED_PRECISION_REDUCTION));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, c_set_math_mode(handle, 5));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, c_set_math_mode(handle, 64));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, cublasGetMathMode(handle, nullptr));
}

TEST_F(HandleApi, AtomicsModeIsStored) {
  cublasAtomicsMode_t mode = CUBLAS_ATOMICS_ALLOWED;
  CUBLAS_OK(cublasGetAtomicsMode(handle, &mode));
  EXPECT_EQ(CUBLAS_ATOMICS_NOT_ALLOWED, mode);
  CUBLAS_OK(cublasSetAtomicsMode(handle, CUBLAS_ATOMICS_ALLOWED));
  CUBLAS_OK(cublasGetAtomicsMode(handle, &mode));
  EXPECT_EQ(CUBLAS_ATOMICS_ALLOWED, mode);
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, c_set_atomics_mode(handle, 7));
}

TEST_F(HandleApi, WorkspaceIsAccepted) {
  DeviceArray<char> workspace(4096);
  CUBLAS_OK(cublasSetWorkspace(handle, workspace.get(), 4096));
  EXPECT_EQ(CUBLAS_STATUS_NOT_INITIALIZED, cublasSetWorkspace(nullptr, workspace.get(), 4096));
}

TEST(Versions, VersionPropertyAndRuntime) {
  cublasHandle_t handle = nullptr;
  CUBLAS_OK(cublasCreate(&handle));
  int version = 0;
  CUBLAS_OK(cublasGetVersion(handle, &version));
  EXPECT_EQ(CUBLAS_VERSION, version);
  EXPECT_EQ(120000, version);
  version = 0;
  CUBLAS_OK(cublasGetVersion(nullptr, &version)); // needs no handle
  EXPECT_EQ(CUBLAS_VERSION, version);
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, cublasGetVersion(handle, nullptr));
  CUBLAS_OK(cublasDestroy(handle));

  int value = -1;
  CUBLAS_OK(cublasGetProperty(MAJOR_VERSION, &value));
  EXPECT_EQ(CUBLAS_VER_MAJOR, value);
  CUBLAS_OK(cublasGetProperty(MINOR_VERSION, &value));
  EXPECT_EQ(CUBLAS_VER_MINOR, value);
  CUBLAS_OK(cublasGetProperty(PATCH_LEVEL, &value));
  EXPECT_EQ(CUBLAS_VER_PATCH, value);
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, c_get_property(3, &value));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, cublasGetProperty(MAJOR_VERSION, nullptr));
  EXPECT_EQ(size_t(CUDART_VERSION), cublasGetCudartVersion());
}

TEST(StatusText, NamesAreTheEnumeratorsAndStringsDiffer) {
  const char *names[] = {"CUBLAS_STATUS_SUCCESS",          "CUBLAS_STATUS_NOT_INITIALIZED",
                         "CUBLAS_STATUS_ALLOC_FAILED",     "CUBLAS_STATUS_INVALID_VALUE",
                         "CUBLAS_STATUS_ARCH_MISMATCH",    "CUBLAS_STATUS_MAPPING_ERROR",
                         "CUBLAS_STATUS_EXECUTION_FAILED", "CUBLAS_STATUS_INTERNAL_ERROR",
                         "CUBLAS_STATUS_NOT_SUPPORTED",    "CUBLAS_STATUS_LICENSE_ERROR"};
  std::set<std::string> strings;
  for (std::size_t i = 0; i < sizeof(kStatuses) / sizeof(kStatuses[0]); ++i) {
    EXPECT_STREQ(names[i], cublasGetStatusName(kStatuses[i]));
    const char *text = cublasGetStatusString(kStatuses[i]);
    ASSERT_NE(nullptr, text);
    EXPECT_GT(std::strlen(text), 0u);
    strings.insert(text);
  }
  EXPECT_EQ(sizeof(kStatuses) / sizeof(kStatuses[0]), strings.size());
  EXPECT_STREQ("CUBLAS_STATUS_UNKNOWN", c_status_name(2));
  EXPECT_STREQ("CUBLAS_STATUS_UNKNOWN", c_status_name(12345));
  EXPECT_NE(nullptr, c_status_string(-5));
}

TEST(NullHandle, EverySetterAndGetterSaysNotInitialized) {
  cudaStream_t stream = nullptr;
  cublasPointerMode_t pointerMode;
  cublasMath_t mathMode;
  cublasAtomicsMode_t atomicsMode;
  EXPECT_EQ(CUBLAS_STATUS_NOT_INITIALIZED, cublasSetStream(nullptr, stream));
  EXPECT_EQ(CUBLAS_STATUS_NOT_INITIALIZED, cublasGetStream(nullptr, &stream));
  EXPECT_EQ(CUBLAS_STATUS_NOT_INITIALIZED, cublasSetPointerMode(nullptr, CUBLAS_POINTER_MODE_HOST));
  EXPECT_EQ(CUBLAS_STATUS_NOT_INITIALIZED, cublasGetPointerMode(nullptr, &pointerMode));
  EXPECT_EQ(CUBLAS_STATUS_NOT_INITIALIZED, cublasSetMathMode(nullptr, CUBLAS_DEFAULT_MATH));
  EXPECT_EQ(CUBLAS_STATUS_NOT_INITIALIZED, cublasGetMathMode(nullptr, &mathMode));
  EXPECT_EQ(CUBLAS_STATUS_NOT_INITIALIZED, cublasSetAtomicsMode(nullptr, CUBLAS_ATOMICS_ALLOWED));
  EXPECT_EQ(CUBLAS_STATUS_NOT_INITIALIZED, cublasGetAtomicsMode(nullptr, &atomicsMode));
}

// Code written for cuBLAS 10 passes a cudaDataType compute type; the C++
// overload maps it and forwards (so the forwarded call's checks apply).
TEST_F(HandleApi, GemmExAcceptsADataTypeAsComputeTypeInCpp) {
  const float one = 1;
  float *none = nullptr;
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE,
            cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, -1, 1, 1, &one, none, CUDA_R_32F, 1,
                         none, CUDA_R_32F, 1, &one, none, CUDA_R_32F, 1, CUDA_R_32F,
                         CUBLAS_GEMM_DEFAULT));
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS,
            cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, 0, 1, 1, &one, none, CUDA_R_32F, 1, none,
                         CUDA_R_32F, 1, &one, none, CUDA_R_32F, 1, CUDA_R_32F,
                         CUBLAS_GEMM_DEFAULT));
  EXPECT_EQ(CUBLAS_STATUS_NOT_SUPPORTED,
            cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, 0, 1, 1, &one, none, CUDA_R_32F, 1, none,
                         CUDA_R_32F, 1, &one, none, CUDA_R_32F, 1, CUDA_R_8I, CUBLAS_GEMM_DEFAULT));
  EXPECT_EQ(CUBLAS_STATUS_NOT_INITIALIZED,
            cublasGemmStridedBatchedEx(nullptr, CUBLAS_OP_N, CUBLAS_OP_N, 0, 1, 1, &one, none,
                                       CUDA_R_32F, 1, 0, none, CUDA_R_32F, 1, 0, &one, none,
                                       CUDA_R_32F, 1, 0, 1, CUDA_R_32F, CUBLAS_GEMM_DEFAULT));
}
