// Memory-related limits: symbols holding pointers or defined in another
// file, pointer-to-pointer parameters, structs with pointers, pointers
// needing two address spaces, private atomics, whole-struct use of threadIdx. (Warp functions and warp-synchronous
// code are supported: tests/translator/warp.)
// RUN: %not %cucl-translate %s --device-only -o %t.cl 2>&1 | FileCheck %s
// CHECK-NOT: fatal error

// CHECK-DAG: unsupported_memory.cu:[[@LINE+1]]:19: error: __device__ variable 'devicePointer' holding a pointer (pointers stored in device memory) is not supported in device code
__device__ float *devicePointer;
extern __device__ int definedElsewhere;

// CHECK-DAG: unsupported_memory.cu:[[@LINE+1]]:42: error: a pointer-to-pointer kernel parameter is not supported in device code
__global__ void pointerToPointer(float **rows) { rows[0][0] = 1.0f; }

struct WithPointer { float *data; int n; };
// CHECK-DAG: unsupported_memory.cu:[[@LINE+1]]:47: error: a struct containing pointers passed by value to a kernel is not supported in device code
__global__ void structWithPointer(WithPointer wp) {}

__global__ void symbols(float *out) {
  // A rejected symbol is reported once, at its declaration.
  // CHECK-NOT: 'devicePointer' without a definition
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

// CHECK-DAG: unsupported_memory.cu:[[@LINE+2]]:33: error: a pointer to a pointer (type 'float *') is not supported in device code
// CHECK-DAG: unsupported_memory.cu:[[@LINE+1]]:56: error: a pointer whose address space cannot be inferred (loaded from memory, or a pointer to pointer) is not supported in device code
__device__ float *rowOf(float **table, int i) { return table[i]; }

__global__ void pointerLoadedFromMemory(float *out) {
  float *table[2] = {out, out};
  out[0] = *rowOf(table, 1);
}

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
