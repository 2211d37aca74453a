// Device symbols through the module ABI (include/cucl/module_abi.h): a
// hand-written OpenCL module registers host shadows as symbols the way a
// translated file does; the symbol API copies to and from them, their
// addresses are device pointers, kernels see them through the segment
// arguments, and every bad call returns CUDA's code.
#include "test_kernels.h"

#include <limits>

namespace {

// The host shadows: their bytes at registration are the initial values.
int scale = 3;
float table[4] = {1.0f, 2.0f, 3.0f, 4.0f};
int counter = 10;
double notASymbol = 0.0;
const char readSymbols = 0, bumpCounter = 0;

const char kSymbolSource[] = R"CL(
#ifndef CUCL_CONSTANT
#define CUCL_CONSTANT __constant
#define CUCL_CONSTANT_IS_DEFAULT 1
#endif
#define SEGMENTS __global uchar *dev, CUCL_CONSTANT uchar *con, __global uchar *cong

/* out = {scale, table[0..3] as ints, counter}, read the way emitted code does. */
__kernel void read_symbols(__global int *out__base, ulong out__off, SEGMENTS) {
  __global int *out = (__global int *)((__global char *)out__base + out__off);
  out[0] = *(CUCL_CONSTANT int *)(con + 0);
  for (int i = 0; i < 4; ++i)
    out[1 + i] = (int)(*(CUCL_CONSTANT float (*)[4])(con + 16))[i];
  out[5] = *(__global int *)(dev + 0);
}

__kernel void bump_counter(SEGMENTS) { atomic_add((__global int *)(dev + 0), 1); }

/* 1 when the runtime kept __constant for the constant segment. */
__kernel void constant_space(__global int *out__base, ulong out__off, SEGMENTS) {
  __global int *out = (__global int *)((__global char *)out__base + out__off);
#ifdef CUCL_CONSTANT_IS_DEFAULT
  out[0] = 1;
#else
  out[0] = 0;
#endif
}
)CL";

void registerSymbolModule() {
  static bool done = [] {
    void **module = test_kernels::registerModuleSource("symbols.cl", kSymbolSource);
    __cuclRegisterKernel(module, &readSymbols, "read_symbols", 1, &test_kernels::kPtr,
                         CUCL_KERNEL_SYMBOLS);
    __cuclRegisterKernel(module, &bumpCounter, "bump_counter", 0, nullptr, CUCL_KERNEL_SYMBOLS);
    __cuclRegisterSymbol(module, &scale, "scale", sizeof scale, 0, CUCL_SYMBOL_CONSTANT);
    __cuclRegisterSymbol(module, &table, "table", sizeof table, 16, CUCL_SYMBOL_CONSTANT);
    __cuclRegisterSymbol(module, &counter, "counter", sizeof counter, 0, CUCL_SYMBOL_DEVICE);
    return true;
  }();
  (void)done;
}

class Symbols : public ::testing::Test {
protected:
  void SetUp() override {
    registerSymbolModule();
    cudaGetLastError();
  }

  // What read_symbols sees: scale, table[0..3], counter.
  std::vector<int> kernelView() {
    int *out = nullptr;
    EXPECT_EQ(cudaSuccess, cudaMalloc(&out, 6 * sizeof(int)));
    void *args[] = {&out};
    EXPECT_EQ(cudaSuccess, cudaLaunchKernel(&readSymbols, dim3(1), dim3(1), args, 0, nullptr));
    std::vector<int> view(6, -1);
    EXPECT_EQ(cudaSuccess, cudaMemcpy(view.data(), out, 6 * sizeof(int), cudaMemcpyDeviceToHost));
    cudaFree(out);
    return view;
  }
};

} // namespace

TEST_F(Symbols, InitialValuesAreTheShadowsBytes) {
  EXPECT_EQ((std::vector<int>{3, 1, 2, 3, 4, 10}), kernelView());
  float back[4] = {};
  CUDA_OK(cudaMemcpyFromSymbol(back, table, sizeof back));
  EXPECT_EQ(4.0f, back[3]);
}

TEST_F(Symbols, CopiesReachKernelsAndComeBack) {
  const int newScale = 7;
  CUDA_OK(cudaMemcpyToSymbol(scale, &newScale, sizeof newScale));
  const float tail[2] = {30.0f, 40.0f};
  CUDA_OK(cudaMemcpyToSymbol(table, tail, sizeof tail, 2 * sizeof(float), cudaMemcpyHostToDevice));
  void *noArgs[] = {nullptr};
  CUDA_OK(cudaLaunchKernel(&bumpCounter, dim3(4), dim3(8), noArgs, 0, nullptr));
  EXPECT_EQ((std::vector<int>{7, 1, 2, 30, 40, 42}), kernelView());
  int counted = 0;
  CUDA_OK(cudaMemcpyFromSymbol(&counted, counter, sizeof counted, 0, cudaMemcpyDefault));
  EXPECT_EQ(42, counted);
  float one = 0.0f;
  CUDA_OK(cudaMemcpyFromSymbol(&one, table, sizeof one, 3 * sizeof(float)));
  EXPECT_EQ(40.0f, one);
  // The C API, with the shadow's address.
  CUDA_OK(cudaMemcpyFromSymbol(&counted, static_cast<const void *>(&counter), sizeof counted, 0,
                               cudaMemcpyDeviceToHost));
  EXPECT_EQ(42, counted);
}

TEST_F(Symbols, DeviceToDeviceCopies) {
  int *device = nullptr;
  CUDA_OK(cudaMalloc(&device, sizeof(int)));
  const int value = 99;
  CUDA_OK(cudaMemcpy(device, &value, sizeof value, cudaMemcpyHostToDevice));
  CUDA_OK(cudaMemcpyToSymbol(counter, device, sizeof(int), 0, cudaMemcpyDeviceToDevice));
  CUDA_OK(cudaMemcpyFromSymbol(device, scale, sizeof(int), 0, cudaMemcpyDeviceToDevice));
  int back = 0;
  CUDA_OK(cudaMemcpy(&back, device, sizeof back, cudaMemcpyDeviceToHost));
  EXPECT_EQ(3, back);
  EXPECT_EQ(99, kernelView()[5]);
  CUDA_OK(cudaFree(device));
}

TEST_F(Symbols, AsyncCopiesRunInStreamOrder) {
  cudaStream_t stream;
  CUDA_OK(cudaStreamCreate(&stream));
  int *pinned = nullptr;
  CUDA_OK(cudaMallocHost(reinterpret_cast<void **>(&pinned), 2 * sizeof(int)));
  pinned[0] = 500;
  CUDA_OK(cudaMemcpyToSymbolAsync(counter, pinned, sizeof(int), 0, cudaMemcpyHostToDevice, stream));
  void *noArgs[] = {nullptr};
  CUDA_OK(cudaLaunchKernel(&bumpCounter, dim3(1), dim3(5), noArgs, 0, stream));
  CUDA_OK(cudaMemcpyFromSymbolAsync(pinned + 1, counter, sizeof(int), 0, cudaMemcpyDeviceToHost,
                                    stream));
  CUDA_OK(cudaStreamSynchronize(stream));
  EXPECT_EQ(505, pinned[1]);
  CUDA_OK(cudaFreeHost(pinned));
  CUDA_OK(cudaStreamDestroy(stream));
}

TEST_F(Symbols, AddressIsADevicePointerTheProgramCannotFree) {
  void *address = nullptr;
  CUDA_OK(cudaGetSymbolAddress(&address, counter));
  ASSERT_NE(nullptr, address);
  void *again = nullptr;
  CUDA_OK(cudaGetSymbolAddress(&again, static_cast<const void *>(&counter)));
  EXPECT_EQ(address, again);
  cudaPointerAttributes attributes{};
  CUDA_OK(cudaPointerGetAttributes(&attributes, address));
  EXPECT_EQ(cudaMemoryTypeDevice, attributes.type);
  CUDA_OK(cudaMemset(address, 0, sizeof(int)));
  EXPECT_EQ(0, kernelView()[5]);
  // The table's address, one element in: the copy lands at table[1].
  float *tableAddress = nullptr;
  CUDA_OK(cudaGetSymbolAddress(reinterpret_cast<void **>(&tableAddress), table));
  const float value = 8.0f;
  CUDA_OK(cudaMemcpy(tableAddress + 1, &value, sizeof value, cudaMemcpyHostToDevice));
  EXPECT_EQ(8, kernelView()[2]);
  EXPECT_EQ(cudaErrorInvalidValue, cudaFree(address));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
  EXPECT_EQ(0, kernelView()[5]); // still usable
  size_t size = 0;
  CUDA_OK(cudaGetSymbolSize(&size, table));
  EXPECT_EQ(sizeof table, size);
}

TEST_F(Symbols, UnknownSymbolsAreInvalidSymbol) {
  int value = 0;
  void *address = nullptr;
  size_t size = 5;
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaMemcpyToSymbol(notASymbol, &value, sizeof value));
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaGetLastError());
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaMemcpyFromSymbol(&value, notASymbol, sizeof value));
  EXPECT_EQ(cudaErrorInvalidSymbol,
            cudaMemcpyToSymbolAsync(notASymbol, &value, sizeof value, 0, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaMemcpyFromSymbolAsync(&value, notASymbol, sizeof value));
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaGetSymbolAddress(&address, notASymbol));
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaGetSymbolSize(&size, notASymbol));
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaGetSymbolAddress(&address, nullptr));
  // An address inside a symbol is not the symbol.
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaMemcpyToSymbol(static_cast<const void *>(&table[1]), &value,
                                                       sizeof value, 0, cudaMemcpyHostToDevice));
  EXPECT_EQ(nullptr, address);
  EXPECT_EQ(5u, size);
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetSymbolAddress(nullptr, counter));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetSymbolSize(nullptr, counter));
}

TEST_F(Symbols, RangesPastTheSymbolAreInvalidValue) {
  float values[8] = {};
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpyToSymbol(table, values, 5 * sizeof(float)));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemcpyToSymbol(table, values, 2 * sizeof(float), 3 * sizeof(float)));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpyFromSymbol(values, table, 1, sizeof table + 1));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemcpyFromSymbol(values, table, std::numeric_limits<size_t>::max(), 4));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
  // A NULL source is cudaMemcpy's error; nothing past the symbol was touched.
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpyToSymbol(table, nullptr, sizeof(float)));
  EXPECT_EQ((std::vector<int>{3, 1, 2, 3, 4, 10}), kernelView());
  // Exactly to the end, and zero bytes at the end, are fine.
  CUDA_OK(cudaMemcpyFromSymbol(values, table, sizeof(float), 3 * sizeof(float)));
  CUDA_OK(cudaMemcpyToSymbol(table, values, 0, sizeof table));
}

TEST_F(Symbols, WrongCopyKindsAreInvalidMemcpyDirection) {
  int value = 1;
  EXPECT_EQ(cudaErrorInvalidMemcpyDirection,
            cudaMemcpyToSymbol(counter, &value, sizeof value, 0, cudaMemcpyDeviceToHost));
  EXPECT_EQ(cudaErrorInvalidMemcpyDirection,
            cudaMemcpyToSymbol(counter, &value, sizeof value, 0, cudaMemcpyHostToHost));
  EXPECT_EQ(cudaErrorInvalidMemcpyDirection,
            cudaMemcpyFromSymbol(&value, counter, sizeof value, 0, cudaMemcpyHostToDevice));
  EXPECT_EQ(
      cudaErrorInvalidMemcpyDirection,
      cudaMemcpyFromSymbolAsync(&value, counter, sizeof value, 0, static_cast<cudaMemcpyKind>(17)));
  EXPECT_EQ(cudaErrorInvalidMemcpyDirection, cudaGetLastError());
  // A host pointer where device-to-device wants device memory.
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemcpyToSymbol(counter, &value, sizeof value, 0, cudaMemcpyDeviceToDevice));
  EXPECT_EQ(10, kernelView()[5]);
}

TEST_F(Symbols, DeviceResetRestoresInitialValues) {
  const int value = 77;
  CUDA_OK(cudaMemcpyToSymbol(counter, &value, sizeof value));
  void *before = nullptr;
  CUDA_OK(cudaGetSymbolAddress(&before, counter));
  CUDA_OK(cudaDeviceReset());
  int back = 0;
  CUDA_OK(cudaMemcpyFromSymbol(&back, counter, sizeof back));
  EXPECT_EQ(10, back);
  EXPECT_EQ((std::vector<int>{3, 1, 2, 3, 4, 10}), kernelView());
  void *after = nullptr;
  CUDA_OK(cudaGetSymbolAddress(&after, counter));
  EXPECT_NE(nullptr, after);
}

TEST_F(Symbols, StorageIsCountedAsDeviceMemory) {
  size_t freeBefore = 0, total = 0, freeAfter = 0;
  CUDA_OK(cudaMemGetInfo(&freeBefore, &total));
  kernelView(); // first use of the module: both segments made
  CUDA_OK(cudaMemGetInfo(&freeAfter, &total));
  // Each segment's buffer with its slack (at most two pages past its end).
  EXPECT_GE(freeBefore - freeAfter, size_t(32 + sizeof counter));
  EXPECT_LE(freeBefore - freeAfter, size_t(32 + sizeof counter) + 2 * 2 * 4096);
}

// __constant__ data larger than the device's constant buffers is read through
// __global pointers: the runtime defines CUCL_CONSTANT when it builds.
TEST_F(Symbols, OversizedConstantDataUsesGlobalMemory) {
  cudaDeviceProp prop;
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  static std::vector<unsigned char> big(prop.totalConstMem + 16, 0x5a);
  static const char bigKernel = 0;
  void **module = test_kernels::registerModuleSource("big_constant.cl", kSymbolSource);
  __cuclRegisterKernel(module, &bigKernel, "constant_space", 1, &test_kernels::kPtr,
                       CUCL_KERNEL_SYMBOLS);
  __cuclRegisterSymbol(module, big.data(), "big", big.size(), 0, CUCL_SYMBOL_CONSTANT);
  int *out = nullptr;
  CUDA_OK(cudaMalloc(&out, sizeof(int)));
  void *args[] = {&out};
  CUDA_OK(cudaLaunchKernel(&bigKernel, dim3(1), dim3(1), args, 0, nullptr));
  int usedConstant = -1;
  CUDA_OK(cudaMemcpy(&usedConstant, out, sizeof(int), cudaMemcpyDeviceToHost));
  EXPECT_EQ(0, usedConstant); // built with CUCL_CONSTANT=__global
  unsigned char last = 0;
  CUDA_OK(cudaMemcpyFromSymbol(&last, static_cast<const void *>(big.data()), 1, big.size() - 1,
                               cudaMemcpyDeviceToHost));
  EXPECT_EQ(0x5a, last);
  CUDA_OK(cudaFree(out));
}
