// Last-error semantics, names and descriptions.
#include "test_kernels.h"

TEST(Errors, NamesAreCudaEnumeratorSpellings) {
  EXPECT_STREQ("cudaSuccess", cudaGetErrorName(cudaSuccess));
  EXPECT_STREQ("cudaErrorInvalidValue", cudaGetErrorName(cudaErrorInvalidValue));
  EXPECT_STREQ("cudaErrorMemoryAllocation", cudaGetErrorName(cudaErrorMemoryAllocation));
  EXPECT_STREQ("cudaErrorInvalidConfiguration", cudaGetErrorName(cudaErrorInvalidConfiguration));
  EXPECT_STREQ("cudaErrorInvalidPtx", cudaGetErrorName(cudaErrorInvalidPtx));
  EXPECT_STREQ("cudaErrorLaunchFailure", cudaGetErrorName(cudaErrorLaunchFailure));
  EXPECT_STREQ("cudaErrorUnknown", cudaGetErrorName(cudaErrorUnknown));
}

TEST(Errors, UnknownCodesAreUnrecognized) {
  EXPECT_STREQ("unrecognized error code", cudaGetErrorName(static_cast<cudaError_t>(12345)));
  EXPECT_STREQ("unrecognized error code", cudaGetErrorString(static_cast<cudaError_t>(16000)));
}

TEST(Errors, DescriptionsExistForEveryNamedCode) {
  EXPECT_STREQ("no error", cudaGetErrorString(cudaSuccess));
  EXPECT_STREQ("invalid argument", cudaGetErrorString(cudaErrorInvalidValue));
  EXPECT_STREQ("out of memory", cudaGetErrorString(cudaErrorMemoryAllocation));
  for (int code = 0; code < 1000; ++code) {
    auto error = static_cast<cudaError_t>(code);
    bool named = std::string(cudaGetErrorName(error)) != "unrecognized error code";
    bool described = std::string(cudaGetErrorString(error)) != "unrecognized error code";
    EXPECT_EQ(named, described) << code;
    if (named) {
      EXPECT_EQ(0u, std::string(cudaGetErrorName(error)).rfind("cuda", 0)) << code;
    }
  }
}

TEST(Errors, GetLastErrorReturnsAndResets) {
  EXPECT_EQ(cudaSuccess, cudaGetLastError());
  EXPECT_EQ(cudaErrorInvalidValue, cudaMalloc(nullptr, 16));
  EXPECT_EQ(cudaErrorInvalidValue, cudaPeekAtLastError());
  EXPECT_EQ(cudaErrorInvalidValue, cudaPeekAtLastError()); // peek does not reset
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
  EXPECT_EQ(cudaSuccess, cudaGetLastError());
}

TEST(Errors, LastErrorIsTheMostRecentFailureAndSurvivesSuccesses) {
  cudaGetLastError();
  EXPECT_EQ(cudaErrorInvalidDevice, cudaSetDevice(-1));
  int device = 0;
  CUDA_OK(cudaGetDevice(&device)); // success does not clear it
  EXPECT_EQ(cudaErrorInvalidDevice, cudaGetLastError());
}

TEST(Errors, LastErrorIsPerThread) {
  cudaGetLastError();
  EXPECT_EQ(cudaErrorInvalidValue, cudaMalloc(nullptr, 1));
  cudaError_t seenByOtherThread = cudaErrorUnknown;
  std::thread other([&] { seenByOtherThread = cudaGetLastError(); });
  other.join();
  EXPECT_EQ(cudaSuccess, seenByOtherThread);
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
}

TEST(Errors, PopWithoutPushIsMissingConfiguration) {
  dim3 grid, block;
  size_t shared = 0;
  cudaStream_t stream = nullptr;
  EXPECT_EQ(cudaErrorMissingConfiguration,
            __cudaPopCallConfiguration(&grid, &block, &shared, &stream));
  cudaGetLastError();
}

// C callers can pass any int where the API takes an enum (c_callers.c).
extern "C" {
const char *c_error_name(int code);
const char *c_error_string(int code);
cudaError_t c_memcpy(void *dst, const void *src, size_t count, int kind);
cudaError_t c_device_attribute(int *value, int attr, int device);
}

TEST(Errors, ArbitraryIntsFromCCallersAreRejected) {
  for (int code : {-1, -1000, 20000, 0x7fffffff}) {
    EXPECT_STREQ("unrecognized error code", c_error_name(code)) << code;
    EXPECT_STREQ("unrecognized error code", c_error_string(code)) << code;
  }
  EXPECT_STREQ("cudaErrorInvalidValue", c_error_name(1));
  int host = 0;
  EXPECT_EQ(cudaErrorInvalidMemcpyDirection, c_memcpy(&host, &host, 4, 42));
  EXPECT_EQ(cudaErrorInvalidMemcpyDirection, c_memcpy(&host, &host, 4, -1));
  int value = 0;
  EXPECT_EQ(cudaErrorInvalidValue, c_device_attribute(&value, 100000, 0));
  EXPECT_EQ(cudaErrorInvalidValue, c_device_attribute(&value, -5, 0));
  cudaGetLastError();
}
