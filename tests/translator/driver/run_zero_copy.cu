// End to end, in the style of NVIDIA's simpleZeroCopy: a kernel reads and
// writes mapped host memory through the device pointers of cudaHostAlloc
// (Mapped) and cudaHostRegister (Mapped) blocks; the host sees the results
// after cudaDeviceSynchronize, and a second launch sees the host's new inputs.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// RUN: env CUCL_ZERO_COPY=0 %t | FileCheck %s
// CHECK: canMapHostMemory 1
// CHECK: cudaHostAlloc: c[0] = 0, c[4095] = 12285, errors 0
// CHECK: again: c[4095] = 4095, errors 0
// CHECK: cudaHostRegister: c[0] = 0, c[4095] = 12285, errors 0
// CHECK: again: c[4095] = 4095, errors 0
// CHECK: PASSED

#include <cstdio>
#include <cstdlib>

__global__ void vectorAddGPU(const float *a, const float *b, float *c, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    c[i] = a[i] + b[i];
}

#define CHECK_CUDA(call)                                                                           \
  do {                                                                                             \
    cudaError_t status = (call);                                                                   \
    if (status != cudaSuccess) {                                                                   \
      std::printf("%s:%d: %s\n", __FILE__, __LINE__, cudaGetErrorString(status));                  \
      std::exit(1);                                                                                \
    }                                                                                              \
  } while (0)

// Adds a and b into c on the device through the mapped pointers, twice: the
// second time with inputs the host changed after the first synchronization.
static int addOnDevice(const char *label, float *a, float *b, float *c, int n) {
  float *da = nullptr, *db = nullptr, *dc = nullptr;
  CHECK_CUDA(cudaHostGetDevicePointer((void **)&da, a, 0));
  CHECK_CUDA(cudaHostGetDevicePointer((void **)&db, b, 0));
  CHECK_CUDA(cudaHostGetDevicePointer((void **)&dc, c, 0));
  for (int i = 0; i < n; ++i) {
    a[i] = (float)i;
    b[i] = (float)(2 * i);
    c[i] = -1.0f;
  }
  dim3 block(256), grid((n + block.x - 1) / block.x);
  vectorAddGPU<<<grid, block>>>(da, db, dc, n);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaDeviceSynchronize());
  int errors = 0;
  for (int i = 0; i < n; ++i)
    errors += c[i] != a[i] + b[i];
  std::printf("%s: c[0] = %g, c[%d] = %g, errors %d\n", label, c[0], n - 1, c[n - 1], errors);
  int total = errors;

  for (int i = 0; i < n; ++i)
    b[i] = 0.0f;
  vectorAddGPU<<<grid, block>>>(da, db, dc, n);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaDeviceSynchronize());
  errors = 0;
  for (int i = 0; i < n; ++i)
    errors += c[i] != a[i];
  std::printf("again: c[%d] = %g, errors %d\n", n - 1, c[n - 1], errors);
  return total + errors;
}

int main() {
  cudaDeviceProp prop;
  CHECK_CUDA(cudaGetDeviceProperties(&prop, 0));
  std::printf("canMapHostMemory %d\n", prop.canMapHostMemory);
  if (!prop.canMapHostMemory)
    return 1;
  CHECK_CUDA(cudaSetDeviceFlags(cudaDeviceMapHost));

  const int n = 4096;
  const size_t bytes = n * sizeof(float);
  int errors = 0;

  float *a = nullptr, *b = nullptr, *c = nullptr;
  CHECK_CUDA(cudaHostAlloc((void **)&a, bytes, cudaHostAllocMapped));
  CHECK_CUDA(cudaHostAlloc((void **)&b, bytes, cudaHostAllocMapped));
  CHECK_CUDA(cudaHostAlloc((void **)&c, bytes, cudaHostAllocMapped | cudaHostAllocPortable));
  errors += addOnDevice("cudaHostAlloc", a, b, c, n);
  CHECK_CUDA(cudaFreeHost(a));
  CHECK_CUDA(cudaFreeHost(b));
  CHECK_CUDA(cudaFreeHost(c));

  // Ordinary page-aligned host memory, registered and mapped.
  const size_t page = 4096, rounded = (bytes + page - 1) / page * page;
  float *ra = (float *)std::aligned_alloc(page, rounded);
  float *rb = (float *)std::aligned_alloc(page, rounded);
  float *rc = (float *)std::aligned_alloc(page, rounded);
  CHECK_CUDA(cudaHostRegister(ra, bytes, cudaHostRegisterMapped));
  CHECK_CUDA(cudaHostRegister(rb, bytes, cudaHostRegisterMapped));
  CHECK_CUDA(cudaHostRegister(rc, bytes, cudaHostRegisterMapped));
  errors += addOnDevice("cudaHostRegister", ra, rb, rc, n);
  CHECK_CUDA(cudaHostUnregister(ra));
  CHECK_CUDA(cudaHostUnregister(rb));
  CHECK_CUDA(cudaHostUnregister(rc));
  std::free(ra);
  std::free(rb);
  std::free(rc);

  std::printf(errors == 0 ? "PASSED\n" : "FAILED\n");
  return errors == 0 ? 0 : 1;
}
