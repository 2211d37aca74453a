// cuda_runtime.h first, then standard headers: what every .cu file does
// (nvcc and cucl include cuda_runtime.h before the program's own includes).
#include <cuda_runtime.h>

#include <functional>
#include <memory>
#include <thread>

int main() {
  auto shared = std::make_shared<int>(1);
  return *shared - 1;
}
