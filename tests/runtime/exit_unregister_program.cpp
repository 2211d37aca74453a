// A program shaped like translated code: it registers its module from a
// static initializer and unregisters it from a static destructor, after
// launching, with work still queued (also on a destroyed stream). Exits 0
// only if every step worked and exit does not crash.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>

#include <cucl/module_abi.h>
#include <cuda_runtime.h>

namespace {

const char kSource[] = R"CL(
__kernel void set_seven(__global int *p__base, ulong p__off) {
  *(__global int *)((__global char *)p__base + p__off) = 7;
}
)CL";
const char kStub = 0;

struct Registrar {
  Registrar() {
    cuclModuleImage image{CUCL_MODULE_MAGIC, CUCL_MODULE_ABI_VERSION, "exit.cl",
                          kSource,           std::strlen(kSource),    nullptr};
    module = __cuclRegisterModule(&image);
    cuclKernelArgInfo pointer{cuclArgGlobalPointer, sizeof(void *)};
    __cuclRegisterKernel(module, &kStub, "set_seven", 1, &pointer, 0);
  }
  ~Registrar() { __cuclUnregisterModule(module); }
  void **module = nullptr;
} registrar;

void CUDART_CB slowHostFunction(void *) {
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

} // namespace

int main() {
  int *d = nullptr;
  if (cudaMalloc(&d, sizeof(int)) != cudaSuccess)
    return 2;
  void *args[] = {&d};
  if (cudaLaunchKernel(&kStub, dim3(1), dim3(1), args, 0, nullptr) != cudaSuccess)
    return 3;
  int value = 0;
  if (cudaMemcpy(&value, d, sizeof(int), cudaMemcpyDeviceToHost) != cudaSuccess || value != 7)
    return 4;
  // Leave the allocation and a queued launch behind on purpose: exit must cope.
  cudaLaunchKernel(&kStub, dim3(1), dim3(1), args, 0, nullptr);
  // Also a destroyed stream whose host function and staged copy still wait.
  cudaStream_t stream = nullptr;
  if (cudaStreamCreate(&stream) != cudaSuccess)
    return 5;
  if (cudaLaunchHostFunc(stream, slowHostFunction, nullptr) != cudaSuccess)
    return 6;
  int pageable = 3;
  if (cudaMemcpyAsync(d, &pageable, sizeof(int), cudaMemcpyHostToDevice, stream) != cudaSuccess)
    return 7;
  if (cudaStreamDestroy(stream) != cudaSuccess)
    return 8;
  std::puts("ok");
  return 0;
}
