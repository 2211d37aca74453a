// Memory-related limits: symbols defined in another file, pointers needing
// two address spaces, pointers to __shared__ or private memory stored in
// memory, the address of a pointer variable, private atomics, whole-struct
// use of threadIdx. (Warp functions and warp-synchronous code are supported:
// tests/translator/warp; pointers to global memory held in memory are
// supported: tests/translator/device/run_pointers_in_memory.cu.)
// RUN: %not %cucl-translate %s --device-only -o %t.cl 2>&1 | FileCheck %s
// CHECK-NOT: fatal error

__device__ float *devicePointer;
extern __device__ int definedElsewhere;

struct WithPointer { float *data; int n; };

__global__ void storesSharedPointer(WithPointer *out) {
  __shared__ float tile[32];
  // CHECK-DAG: unsupported_memory.cu:[[@LINE+1]]:17: error: storing a pointer to __shared__ memory in memory (only global-memory pointers can be stored) is not supported in device code
  out[0].data = tile;
  float mine[4] = {0, 0, 0, 0};
  // CHECK-DAG: unsupported_memory.cu:[[@LINE+1]]:24: error: storing a pointer to local (per-thread) memory in memory (only global-memory pointers can be stored) is not supported in device code
  WithPointer local = {mine, 4}, *none = nullptr;
  out[1] = local;
  (void)none;
}

__global__ void addressOfPointerVariable(float *out) {
  float *cursor = out;
  // CHECK-DAG: unsupported_memory.cu:[[@LINE+1]]:19: error: the address of a pointer variable (hold the pointer in an array or struct to point at it) is not supported in device code
  float **where = &cursor;
  (*where)[0] = 1.0f;
}

__global__ void symbols(float *out) {
  out[1] = *devicePointer;
  // CHECK-DAG: unsupported_memory.cu:[[@LINE+1]]:12: error: __device__ variable 'definedElsewhere' without a definition in this file (separate compilation) is not supported in device code
  out[0] = definedElsewhere;
  int privateCounter = 0;
  // CHECK-DAG: unsupported_memory.cu:[[@LINE+1]]:3: error: an atomic operation on private memory is not supported in device code
  atomicAdd(&privateCounter, 1);
}

__device__ float pick(float *a, float *b, bool first) {
  float *chosen = a;
  if (!first)
    // CHECK-DAG: unsupported_memory.cu:[[@LINE+1]]:14: error: pointer 'chosen' would need two address spaces (__global and __local); not supported in device code
    chosen = b;
  return *chosen;
}

__global__ void mixedSpaces(float *out) {
  __shared__ float tile[4];
  out[0] = pick(out, tile, threadIdx.x == 0);
}

// CHECK-DAG: unsupported_memory.cu:[[@LINE+1]]:51: error: 'threadIdx' as a whole (use .x/.y/.z) is not supported in device code
__global__ void wholeIndex(uint3 *out) { out[0] = threadIdx; }

// CUDA's limit of 512 KiB of local memory per thread (ptxas rejects more),
// counted over the kernel's arrays and those of the functions it calls.
__device__ float deepTable(int i) {
  float table[100000];
  for (int k = 0; k < 100000; ++k)
    table[k] = k;
  return table[i];
}
// CHECK-DAG: unsupported_memory.cu:[[@LINE+1]]:17: error: kernel 'tooMuchLocalMemory' uses 560000 bytes of local memory per thread; CUDA allows at most 524288
__global__ void tooMuchLocalMemory(float *out) {
  float mine[40000];
  mine[threadIdx.x] = deepTable(threadIdx.x);
  out[threadIdx.x] = mine[threadIdx.x];
}
