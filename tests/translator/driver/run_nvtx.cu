// NVTX annotations (both spellings of the header, domains, event attributes,
// CUDA object names) compile and do nothing; -lnvToolsExt links as with nvcc.
// The header also compiles as C.
// RUN: %cuclcc %s -lnvToolsExt -o %t
// RUN: %t | FileCheck %s
// RUN: gcc -fsyntax-only -Wall -Wextra -Werror -x c -I %cucl-include %cucl-include/nvtx3/nvToolsExtCudaRt.h
// CHECK: push -2, pop -2
// CHECK: sum 496
#include <cstdio>

#include <nvToolsExt.h>
#include <nvtx3/nvToolsExtCudaRt.h>

__global__ void sum(const int *in, int *out) { atomicAdd(out, in[threadIdx.x]); }

int main() {
  nvtxNameOsThreadA(0, "main");
  nvtxDomainHandle_t domain = nvtxDomainCreateA("cucl-test");
  nvtxEventAttributes_t attributes = {};
  attributes.version = NVTX_VERSION;
  attributes.size = NVTX_EVENT_ATTRIB_STRUCT_SIZE;
  attributes.colorType = NVTX_COLOR_ARGB;
  attributes.color = 0xff00ff00u;
  attributes.messageType = NVTX_MESSAGE_TYPE_ASCII;
  attributes.message.ascii = "setup";
  int pushed = nvtxRangePushEx(&attributes);
  int *in, *out, host[32], total = 0;
  for (int i = 0; i < 32; ++i)
    host[i] = i;
  cudaMalloc(&in, sizeof host);
  cudaMalloc(&out, sizeof(int));
  cudaMemcpy(in, host, sizeof host, cudaMemcpyHostToDevice);
  cudaMemset(out, 0, sizeof(int));
  int popped = nvtxRangePop();
  std::printf("push %d, pop %d\n", pushed, popped);

  cudaStream_t stream;
  cudaStreamCreate(&stream);
  nvtxNameCudaStreamA(stream, "work");
  nvtxRangeId_t range = nvtxRangeStartA("kernel");
  nvtxDomainMarkEx(domain, &attributes);
  sum<<<1, 32, 0, stream>>>(in, out);
  nvtxRangeEnd(range);
  cudaMemcpy(&total, out, sizeof total, cudaMemcpyDeviceToHost);
  nvtxDomainDestroy(domain);
  std::printf("sum %d\n", total);
  return 0;
}
