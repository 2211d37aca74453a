// A program shaped like translated code: it registers its module from a
// static initializer and unregisters it from a static destructor, after
// launching. Exits 0 only if every step worked and exit does not crash.
#include <cstdio>
#include <cstring>

#include <cuda_runtime.h>
#include <cucl/module_abi.h>

namespace {

const char kSource[] = R"CL(
__kernel void set_seven(__global int *p__base, ulong p__off) {
  *(__global int *)((__global char *)p__base + p__off) = 7;
}
)CL";
const char kStub = 0;

struct Registrar {
  Registrar() {
    cuclModuleImage image{CUCL_MODULE_MAGIC, CUCL_MODULE_ABI_VERSION, "exit.cl", kSource,
                          std::strlen(kSource), nullptr};
    module = __cuclRegisterModule(&image);
    cuclKernelArgInfo pointer{cuclArgGlobalPointer, sizeof(void *)};
    __cuclRegisterKernel(module, &kStub, "set_seven", 1, &pointer, 0);
  }
  ~Registrar() { __cuclUnregisterModule(module); }
  void **module = nullptr;
} registrar;

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
  std::puts("ok");
  return 0;
}
