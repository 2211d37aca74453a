// CUDA 11's five-argument cudaGraphInstantiate, which CUDA 12 and later keep
// as an overload in cuda_runtime.h: still in much public code.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: legacy instantiate: cudaSuccess, error node cleared, log '', value 7
#include <cstdio>

__global__ void store(int *p) { *p = 7; }

int main() {
  cudaStream_t stream;
  cudaStreamCreate(&stream);
  int *d, value = 0;
  cudaMalloc(&d, sizeof(int));
  cudaGraph_t graph;
  cudaGraphExec_t exec;
  cudaStreamBeginCapture(stream, cudaStreamCaptureModeGlobal);
  store<<<1, 1, 0, stream>>>(d);
  cudaStreamEndCapture(stream, &graph);
  cudaGraphNode_t errorNode = reinterpret_cast<cudaGraphNode_t>(&value);
  char log[16] = "stale";
  cudaError_t status = cudaGraphInstantiate(&exec, graph, &errorNode, log, sizeof log);
  cudaGraphLaunch(exec, stream);
  cudaStreamSynchronize(stream);
  cudaMemcpy(&value, d, sizeof value, cudaMemcpyDeviceToHost);
  std::printf("legacy instantiate: %s, error node %s, log '%s', value %d\n",
              cudaGetErrorName(status), errorNode == nullptr ? "cleared" : "set", log, value);
  return status != cudaSuccess;
}
