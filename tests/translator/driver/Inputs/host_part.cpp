// Plain host C++ linked with a .cu file (compiled without translation).
#include <cuda_runtime.h>
int hostPartValue() {
  return cudaSuccess == 0 ? 7 : 0;
}
