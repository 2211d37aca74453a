// managedMemory: unified memory as the CUDA tutorials use it. Arrays from
// cudaMallocManaged are filled on the host, updated by kernels and read back
// on the host with no explicit copies; a list of work items linked through
// managed pointers is built on the host and consumed by a kernel; prefetch
// and advice calls are made as tuned programs make them.
#include <cmath>
#include <cstdio>

#include "../common/sample_check.h"

__global__ void add(int n, const float *x, float *y) {
  int index = blockIdx.x * blockDim.x + threadIdx.x;
  int stride = blockDim.x * gridDim.x;
  for (int i = index; i < n; i += stride)
    y[i] = x[i] + y[i];
}

struct Job {
  const float *input;
  float scale;
  float result;
  Job *next;
};

// One thread per job; each walks the list to find its job.
__global__ void runJobs(Job *first, int count, int length) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  if (id >= count)
    return;
  Job *job = first;
  for (int k = 0; k < id; ++k)
    job = job->next;
  float sum = 0.0f;
  for (int i = 0; i < length; ++i)
    sum += job->input[i];
  job->result = sum * job->scale;
}

int main() {
  printDevice();
  const int n = 1 << 20;
  float *x = nullptr, *y = nullptr;
  CHECK_CUDA(cudaMallocManaged(&x, n * sizeof(float)));
  CHECK_CUDA(cudaMallocManaged(&y, n * sizeof(float)));
  for (int i = 0; i < n; ++i) {
    x[i] = 1.0f;
    y[i] = 2.0f;
  }
  int device = 0;
  CHECK_CUDA(cudaGetDevice(&device));
#if CUDART_VERSION >= 13000 // a location, not a device number
  cudaMemLocation here = {cudaMemLocationTypeDevice, device};
  CHECK_CUDA(cudaMemAdvise(x, n * sizeof(float), cudaMemAdviseSetReadMostly, here));
  CHECK_CUDA(cudaMemPrefetchAsync(x, n * sizeof(float), here, 0));
  CHECK_CUDA(cudaMemPrefetchAsync(y, n * sizeof(float), here, 0));
#else
  CHECK_CUDA(cudaMemAdvise(x, n * sizeof(float), cudaMemAdviseSetReadMostly, device));
  CHECK_CUDA(cudaMemPrefetchAsync(x, n * sizeof(float), device));
  CHECK_CUDA(cudaMemPrefetchAsync(y, n * sizeof(float), device));
#endif
  bool passed = true;
  for (int round = 1; round <= 3; ++round) {
    add<<<256, 256>>>(n, x, y);
    CHECK_CUDA(cudaGetLastError());
    CHECK_CUDA(cudaDeviceSynchronize()); // before the host touches y again
    float maxError = 0.0f;
    for (int i = 0; i < n; ++i)
      maxError = std::fmax(maxError, std::fabs(y[i] - (2.0f + round)));
    std::printf("round %d: max error %g\n", round, maxError);
    passed &= maxError == 0.0f;
  }

  const int jobs = 64, length = 1000;
  Job *list = nullptr;
  float *inputs = nullptr;
  CHECK_CUDA(cudaMallocManaged(&list, jobs * sizeof(Job)));
  CHECK_CUDA(cudaMallocManaged(&inputs, jobs * length * sizeof(float)));
  for (int j = 0; j < jobs; ++j) {
    for (int i = 0; i < length; ++i)
      inputs[j * length + i] = 0.001f * float(j + 1);
    list[j].input = inputs + j * length;
    list[j].scale = 2.0f;
    list[j].result = -1.0f;
    list[j].next = j + 1 < jobs ? &list[j + 1] : nullptr;
  }
  runJobs<<<1, jobs>>>(list, jobs, length);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaDeviceSynchronize());
  for (int j = 0; j < jobs; ++j) {
    float expected = 2.0f * length * 0.001f * float(j + 1);
    if (std::fabs(list[j].result - expected) > 1e-3f * expected) {
      std::fprintf(stderr, "job %d: %f != %f\n", j, list[j].result, expected);
      passed = false;
    }
  }
  std::printf("%d jobs through a managed list: %s\n", jobs, passed ? "ok" : "wrong");

  cudaPointerAttributes attributes;
  CHECK_CUDA(cudaPointerGetAttributes(&attributes, y));
  passed &= attributes.type == cudaMemoryTypeManaged;
  CHECK_CUDA(cudaFree(x));
  CHECK_CUDA(cudaFree(y));
  CHECK_CUDA(cudaFree(list));
  CHECK_CUDA(cudaFree(inputs));
  return reportResult("managedMemory", passed);
}
