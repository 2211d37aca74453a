// Device symbols: file-scope and namespace-scope __device__ / __constant__
// variables live in the module's two segments. Kernels and the device
// functions that use them receive the segments as trailing parameters;
// __constant__ data is read through the CUCL_CONSTANT view (__constant unless
// the runtime says the data is too large) and its address taken through the
// segment's __global view; bool is stored as uchar.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl
// RUN: %cucl-clcheck %t.cl -- -DCUCL_CONSTANT=__global

// CHECK: #ifndef CUCL_CONSTANT
// CHECK-NEXT: #define CUCL_CONSTANT __constant
// CHECK-NEXT: #endif

struct Params {
  float scale;
  int count;
  float3 shift;
};

__constant__ float taps[5] = {0.1f, 0.2f, 0.4f, 0.2f, 0.1f}; // constant offset 0
__constant__ Params params;                                  // constant offset 32
__constant__ int grid2d[2][3] = {{1, 2, 3}, {4, 5, 6}};      // constant offset 64
__device__ int counter = 100;                                // device offset 0
__device__ bool found;                                       // device offset 16
namespace physics {
__device__ double energy[4]; // device offset 32
static __constant__ int bias = 7; // constant offset 96
} // namespace physics
extern __device__ int late;
__device__ int late = 5; // device offset 64: the definition counts

// Reads through the constant view; the function receives the segments.
// CHECK-LABEL: float tap(int i, __global uchar *cucl_device_symbols, CUCL_CONSTANT uchar *cucl_constant_symbols, __global uchar *cucl_constant_symbols_g) {
// CHECK-NEXT: return (*(CUCL_CONSTANT float (*)[5])(cucl_constant_symbols + 0))[i];
__device__ float tap(int i) { return taps[i]; }

// A pointer into __constant__ data comes from the __global view.
// CHECK-LABEL: float sum3__g(__global const float *p) {
__device__ float sum3(const float *p) { return p[0] + p[1] + p[2]; }

// A function that uses no symbol gets no segments.
// CHECK-LABEL: void bump__g(__global int *c) {
__device__ void bump(int *c) { atomicAdd(c, 1); }

// CHECK-LABEL: __kernel void filter(__global float *out__base, ulong out__off, int n, __global uchar *cucl_device_symbols, CUCL_CONSTANT uchar *cucl_constant_symbols, __global uchar *cucl_constant_symbols_g) {
__global__ void filter(float *out, int n) {
  int i = threadIdx.x;
  // CHECK: tap(i, cucl_device_symbols, cucl_constant_symbols, cucl_constant_symbols_g)
  float s = tap(i);
  // Struct fields and 2-D elements are reads too.
  // CHECK: (*(CUCL_CONSTANT struct Params *)(cucl_constant_symbols + 32)).scale
  // CHECK: (*(CUCL_CONSTANT int (*)[2][3])(cucl_constant_symbols + 64))[1][2]
  // CHECK: (*(CUCL_CONSTANT int *)(cucl_constant_symbols + 96))
  s = s * params.scale + grid2d[1][2] + physics::bias;
  // CHECK: sum3__g(*(__global float (*)[5])(cucl_constant_symbols_g + 0))
  s += sum3(taps);
  // CHECK: atomic_add(&(*(__global int *)(cucl_device_symbols + 0)), 1);
  atomicAdd(&counter, 1);
  // CHECK: bump__g(&(*(__global int *)(cucl_device_symbols + 0)));
  bump(&counter);
  // CHECK: (*(__global uchar *)(cucl_device_symbols + 16)) = true;
  if (i == 3)
    found = true;
  // CHECK: (*(__global double (*)[4])(cucl_device_symbols + 32))[i % 4] = s;
  physics::energy[i % 4] = s;
  // CHECK: (*(__global int *)(cucl_device_symbols + 64))
  out[i] = s + late;
}

// A kernel without symbols keeps its plain signature.
// CHECK-LABEL: __kernel void plain(__global float *out__base, ulong out__off) {
__global__ void plain(float *out) { out[0] = 1.0f; }
