// Kernel launches through cudaLaunchKernel and nvcc's push/pop ABI, argument
// marshalling, and every rejected configuration.
#include "test_kernels.h"

namespace {

using namespace test_kernels;

class Launch : public ::testing::Test {
protected:
  void SetUp() override {
    registerAll();
    cudaGetLastError();
  }
};

std::vector<int> readBack(const int *d, int n) {
  std::vector<int> values(static_cast<size_t>(n));
  EXPECT_EQ(cudaSuccess, cudaMemcpy(values.data(), d, n * sizeof(int), cudaMemcpyDeviceToHost));
  return values;
}

// What a translated host stub does: pop the configuration, then launch.
cudaError_t addOneStub(int *p, int n) {
  dim3 grid, block;
  size_t shared = 0;
  cudaStream_t stream = nullptr;
  cudaError_t status = __cudaPopCallConfiguration(&grid, &block, &shared, &stream);
  if (status != cudaSuccess)
    return status;
  void *args[] = {&p, &n};
  return cudaLaunchKernel(static_cast<const void *>(&addOne), grid, block, args, shared, stream);
}

} // namespace

TEST_F(Launch, KernelOnAnOffsetPointer) {
  const int n = 100;
  std::vector<int> zeros(n, 0);
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, n * sizeof(int)));
  CUDA_OK(cudaMemcpy(d, zeros.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  int *shifted = d + 10; // the map resolves interior addresses
  int count = 20;
  void *args[] = {&shifted, &count};
  CUDA_OK(cudaLaunchKernel(&addOne, dim3(1), dim3(32), args, 0, nullptr));
  CUDA_OK(cudaDeviceSynchronize());
  std::vector<int> values = readBack(d, n);
  for (int i = 0; i < n; ++i)
    EXPECT_EQ(i >= 10 && i < 30 ? 1 : 0, values[i]) << i;
  CUDA_OK(cudaFree(d));
}

TEST_F(Launch, ThroughPushAndPop) {
  const int n = 300;
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, n * sizeof(int)));
  CUDA_OK(cudaMemset(d, 0, n * sizeof(int)));
  // add_one<<<3, 128>>>(d, n), as translated host code spells it.
  for (int round = 0; round < 2; ++round) {
    cudaError_t status = cudaSuccess;
    if (__cudaPushCallConfiguration(dim3(3), dim3(128), 0, nullptr) == 0)
      status = addOneStub(d, n);
    CUDA_OK(status);
  }
  CUDA_OK(cudaDeviceSynchronize());
  for (int value : readBack(d, n))
    EXPECT_EQ(2, value);
  CUDA_OK(cudaFree(d));
}

TEST_F(Launch, TemplateOverloadTakesTheStubItself) {
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, sizeof(int)));
  CUDA_OK(cudaMemset(d, 0, sizeof(int)));
  int n = 1;
  void *args[] = {&d, &n};
  CUDA_OK(cudaLaunchKernel(&addOne, 1, 1, args)); // default shared memory and stream
  CUDA_OK(cudaDeviceSynchronize());
  EXPECT_EQ(1, readBack(d, 1)[0]);
  CUDA_OK(cudaFree(d));
}

TEST_F(Launch, ByValueStructKeepsCudaLayout) {
  const int n = 16;
  float *d = nullptr;
  CUDA_OK(cudaMalloc(&d, n * sizeof(float)));
  Params params{make_float3(1.0f, 2.0f, 4.0f), n, 0.5};
  void *args[] = {&d, &params};
  CUDA_OK(cudaLaunchKernel(&applyParams, dim3(1), dim3(n), args, 0, nullptr));
  std::vector<float> out(n);
  CUDA_OK(cudaMemcpy(out.data(), d, n * sizeof(float), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i)
    EXPECT_FLOAT_EQ(0.5f * i + 7.0f, out[i]) << i;
  CUDA_OK(cudaFree(d));
}

TEST_F(Launch, DynamicSharedMemory) {
  const int block = 64, blocks = 4, n = block * blocks;
  std::vector<int> values(n);
  std::iota(values.begin(), values.end(), 0);
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, n * sizeof(int)));
  CUDA_OK(cudaMemcpy(d, values.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  void *args[] = {&d};
  CUDA_OK(cudaLaunchKernel(&reverseBlock, dim3(blocks), dim3(block), args, block * sizeof(int),
                           nullptr));
  std::vector<int> out = readBack(d, n);
  for (int i = 0; i < n; ++i)
    EXPECT_EQ((i / block) * block + (block - 1 - i % block), out[i]) << i;
  CUDA_OK(cudaFree(d));
}

TEST_F(Launch, NullPointerArgumentArrivesAsNull) {
  int *out = nullptr;
  CUDA_OK(cudaMalloc(&out, sizeof(int)));
  int *nothing = nullptr;
  void *args[] = {&nothing, &out};
  CUDA_OK(cudaLaunchKernel(&isNull, dim3(1), dim3(1), args, 0, nullptr));
  EXPECT_EQ(1, readBack(out, 1)[0]);
  CUDA_OK(cudaFree(out));
}

TEST_F(Launch, ThreeDimensionalGridAndBlock) {
  dim3 grid(2, 3, 2), block(4, 2, 3);
  int total = 2 * 4 * 3 * 2 * 2 * 3;
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, total * sizeof(int)));
  CUDA_OK(cudaMemset(d, 0xff, total * sizeof(int)));
  void *args[] = {&d};
  CUDA_OK(cudaLaunchKernel(&linearIndex, grid, block, args, 0, nullptr));
  std::vector<int> out = readBack(d, total);
  for (int i = 0; i < total; ++i)
    EXPECT_EQ(i, out[i]);
  CUDA_OK(cudaFree(d));
}

TEST_F(Launch, HostAndForeignPointersAreRejected) {
  int host = 0;
  int *hostPointer = &host;
  int n = 1;
  void *args[] = {&hostPointer, &n};
  EXPECT_EQ(cudaErrorInvalidValue, cudaLaunchKernel(&addOne, dim3(1), dim3(1), args, 0, nullptr));
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 16));
  CUDA_OK(cudaFree(d));
  void *freedArgs[] = {&d, &n};
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaLaunchKernel(&addOne, dim3(1), dim3(1), freedArgs, 0, nullptr));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaLaunchKernel(&addOne, dim3(1), dim3(1), nullptr, 0, nullptr));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
}

TEST_F(Launch, BadConfigurationsAreRejected) {
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 16));
  int n = 1;
  void *args[] = {&d, &n};
  cudaDeviceProp prop;
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  auto launch = [&](dim3 grid, dim3 block) {
    return cudaLaunchKernel(&addOne, grid, block, args, 0, nullptr);
  };
  EXPECT_EQ(cudaErrorInvalidConfiguration, launch(dim3(0), dim3(1)));
  EXPECT_EQ(cudaErrorInvalidConfiguration, launch(dim3(1, 0), dim3(1)));
  EXPECT_EQ(cudaErrorInvalidConfiguration, launch(dim3(1), dim3(0)));
  EXPECT_EQ(cudaErrorInvalidConfiguration, launch(dim3(1), dim3(prop.maxThreadsPerBlock + 1)));
  EXPECT_EQ(cudaErrorInvalidConfiguration,
            launch(dim3(1), dim3(prop.maxThreadsDim[0], 2))); // total over the limit
  EXPECT_EQ(cudaErrorInvalidConfiguration, launch(dim3(1, 65536), dim3(1)));
  EXPECT_EQ(cudaErrorInvalidConfiguration, launch(dim3(1, 1, 65536), dim3(1)));
  EXPECT_EQ(cudaErrorInvalidConfiguration, cudaGetLastError());
  // Too much dynamic shared memory.
  void *reverseArgs[] = {&d};
  EXPECT_EQ(cudaErrorInvalidValue, cudaLaunchKernel(&reverseBlock, dim3(1), dim3(1), reverseArgs,
                                                    prop.sharedMemPerBlock + 1, nullptr));
  EXPECT_EQ(cudaErrorInvalidValue, // must not wrap around
            cudaLaunchKernel(&reverseBlock, dim3(1), dim3(1), reverseArgs, SIZE_MAX, nullptr));
  CUDA_OK(cudaDeviceSynchronize());
  CUDA_OK(cudaFree(d));
}

// CUDA's block limits hold even where OpenCL allows more (PoCL: 4096).
TEST_F(Launch, BlocksOverCudasLimitsAreRejected) {
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 16));
  int n = 0; // no writes: the z-extended blocks share global id 0
  void *args[] = {&d, &n};
  auto launch = [&](dim3 block) {
    return cudaLaunchKernel(&addOne, dim3(1), block, args, 0, nullptr);
  };
  EXPECT_EQ(cudaErrorInvalidConfiguration, launch(dim3(1025)));
  EXPECT_EQ(cudaErrorInvalidConfiguration, launch(dim3(2048)));
  EXPECT_EQ(cudaErrorInvalidConfiguration, launch(dim3(1, 1025)));
  EXPECT_EQ(cudaErrorInvalidConfiguration, launch(dim3(1, 1, 65)));
  EXPECT_EQ(cudaErrorInvalidConfiguration, launch(dim3(64, 1, 32))); // 2048 threads
  EXPECT_EQ(cudaErrorInvalidConfiguration, cudaGetLastError());
  cudaDeviceProp prop;
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  if (prop.maxThreadsPerBlock == 1024 && prop.maxThreadsDim[2] == 64) {
    CUDA_OK(launch(dim3(1024)));
    CUDA_OK(launch(dim3(1, 1, 64)));
    CUDA_OK(launch(dim3(16, 1, 64)));
  }
  CUDA_OK(cudaDeviceSynchronize());
  CUDA_OK(cudaFree(d));
}

TEST_F(Launch, UnknownFunctionsAndBrokenModules) {
  void *noArgs[] = {nullptr};
  EXPECT_EQ(cudaErrorInvalidDeviceFunction,
            cudaLaunchKernel(&notRegistered, dim3(1), dim3(1), noArgs, 0, nullptr));
  EXPECT_EQ(cudaErrorInvalidDeviceFunction, cudaLaunchKernel(static_cast<const void *>(nullptr),
                                                             dim3(1), dim3(1), noArgs, 0, nullptr));
  // A module whose OpenCL C does not build: CUDA's "JIT compilation failed",
  // every time, without rebuilding or crashing.
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(cudaErrorInvalidPtx,
              cudaLaunchKernel(&brokenKernel, dim3(1), dim3(1), noArgs, 0, nullptr));
  EXPECT_EQ(cudaErrorInvalidDeviceFunction,
            cudaLaunchKernel(&missingKernel, dim3(1), dim3(1), noArgs, 0, nullptr));
  int n = 1;
  void *intArg[] = {&n};
  EXPECT_EQ(cudaErrorInvalidKernelImage,
            cudaLaunchKernel(&wrongArity, dim3(1), dim3(1), intArg, 0, nullptr));
  EXPECT_EQ(cudaErrorInvalidKernelImage,
            cudaLaunchKernel(&badImageKernel, dim3(1), dim3(1), intArg, 0, nullptr));
  // None of these is sticky.
  CUDA_OK(cudaDeviceSynchronize());
  cudaGetLastError();
  EXPECT_EQ(cudaSuccess, cudaGetLastError());
}

TEST_F(Launch, UnregisteredModuleKernelsAreGone) {
  static const char stub = 0;
  void **module = registerModuleSource("temporary.cl", kSource);
  __cuclRegisterKernel(module, &stub, "add_one", 2,
                       std::vector<cuclKernelArgInfo>{kPtr, kInt}.data(), 0);
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, sizeof(int)));
  CUDA_OK(cudaMemset(d, 0, sizeof(int)));
  int n = 1;
  void *args[] = {&d, &n};
  CUDA_OK(cudaLaunchKernel(&stub, dim3(1), dim3(1), args, 0, nullptr));
  CUDA_OK(cudaDeviceSynchronize());
  __cuclUnregisterModule(module);
  EXPECT_EQ(cudaErrorInvalidDeviceFunction,
            cudaLaunchKernel(&stub, dim3(1), dim3(1), args, 0, nullptr));
  EXPECT_EQ(1, readBack(d, 1)[0]);
  CUDA_OK(cudaFree(d));
  cudaGetLastError();
}

TEST_F(Launch, ConcurrentLaunchesFromThreads) {
  const int threads = 4, rounds = 50;
  std::vector<int *> buffers(threads);
  for (int *&buffer : buffers) {
    CUDA_OK(cudaMalloc(&buffer, sizeof(int)));
    CUDA_OK(cudaMemset(buffer, 0, sizeof(int)));
  }
  std::vector<std::thread> workers;
  std::atomic<int> failures{0};
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      int *d = buffers[t];
      int n = 1;
      void *args[] = {&d, &n};
      for (int r = 0; r < rounds; ++r)
        if (cudaLaunchKernel(&addOne, dim3(1), dim3(1), args, 0, nullptr) != cudaSuccess)
          ++failures;
    });
  }
  for (std::thread &worker : workers)
    worker.join();
  CUDA_OK(cudaDeviceSynchronize());
  EXPECT_EQ(0, failures.load());
  for (int *buffer : buffers) {
    EXPECT_EQ(rounds, readBack(buffer, 1)[0]);
    CUDA_OK(cudaFree(buffer));
  }
}

TEST_F(Launch, EveryDevice) {
  int count = 0;
  CUDA_OK(cudaGetDeviceCount(&count));
  if (count < 2)
    GTEST_SKIP() << "only one OpenCL device";
  for (int device = 0; device < count; ++device) {
    CUDA_OK(cudaSetDevice(device));
    int *d = nullptr;
    CUDA_OK(cudaMalloc(&d, sizeof(int)));
    CUDA_OK(cudaMemset(d, 0, sizeof(int)));
    int n = 1;
    void *args[] = {&d, &n};
    CUDA_OK(cudaLaunchKernel(&addOne, dim3(1), dim3(1), args, 0, nullptr));
    EXPECT_EQ(1, readBack(d, 1)[0]);
    CUDA_OK(cudaFree(d));
  }
  CUDA_OK(cudaSetDevice(0));
}

namespace {
// A module whose second kernel the driver rejects, guarded as the translator
// guards each function by the kernels that reach it.
const char kPartlyBroken[] = R"CL(
#if !defined(CUCL_ONLY_KERNEL) || CUCL_ONLY_KERNEL == 0 || CUCL_ONLY_KERNEL == 2
int twice(int v) { return 2 * v; }
#endif
#if !defined(CUCL_ONLY_KERNEL) || CUCL_ONLY_KERNEL == 0
__kernel void good(__global int *p__base, ulong p__off) {
  __global int *p = (__global int *)((__global char *)p__base + p__off);
  p[0] = twice(21);
}
#endif
#if !defined(CUCL_ONLY_KERNEL) || CUCL_ONLY_KERNEL == 1
__kernel void bad(__global int *p__base, ulong p__off) { p[0] = no_such_function(); }
#endif
#if !defined(CUCL_ONLY_KERNEL) || CUCL_ONLY_KERNEL == 2
__kernel void alsoGood(__global int *p__base, ulong p__off) {
  __global int *p = (__global int *)((__global char *)p__base + p__off);
  p[1] = twice(4);
}
#endif
)CL";
const char goodKernel = 0, badKernel = 0, alsoGoodKernel = 0;
} // namespace

// One kernel's code that the driver rejects does not stop the module's other
// kernels: they are built on their own; the bad one is cudaErrorInvalidPtx.
TEST_F(Launch, OneRejectedKernelLeavesTheOthersLaunchable) {
  void **module = test_kernels::registerModuleSource("partly_broken.cl", kPartlyBroken);
  __cuclRegisterKernel(module, &goodKernel, "good", 1, &test_kernels::kPtr, 0);
  __cuclRegisterKernel(module, &badKernel, "bad", 1, &test_kernels::kPtr, 0);
  __cuclRegisterKernel(module, &alsoGoodKernel, "alsoGood", 1, &test_kernels::kPtr, 0);
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 2 * sizeof(int)));
  void *args[] = {&d};
  EXPECT_EQ(cudaErrorInvalidPtx, cudaLaunchKernel(&badKernel, dim3(1), dim3(1), args, 0, nullptr));
  CUDA_OK(cudaLaunchKernel(&goodKernel, dim3(1), dim3(1), args, 0, nullptr));
  CUDA_OK(cudaLaunchKernel(&alsoGoodKernel, dim3(1), dim3(1), args, 0, nullptr));
  int back[2] = {0, 0};
  CUDA_OK(cudaMemcpy(back, d, sizeof back, cudaMemcpyDeviceToHost));
  EXPECT_EQ(42, back[0]);
  EXPECT_EQ(8, back[1]);
  EXPECT_EQ(cudaErrorInvalidPtx, cudaLaunchKernel(&badKernel, dim3(1), dim3(1), args, 0, nullptr));
  CUDA_OK(cudaFree(d));
}
