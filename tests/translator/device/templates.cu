// Kernel templates (type and non-type parameters) become one kernel per
// instantiation, named after its arguments; device function templates are
// emitted per instantiation too.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl

template <typename T> struct Pair {
  T first;
  T second;
};

template <typename T, int Scale> __device__ T scaled(T v) { return v * Scale; }

template <typename T> __device__ T sumOf(Pair<T> p) { return p.first + p.second; }

template <typename T, int TileSize>
__global__ void matmul(T *c, const T *a, const T *b, int n) {
  __shared__ T tileA[TileSize][TileSize];
  int row = blockIdx.y * TileSize + threadIdx.y;
  T acc = 0;
  for (int k = 0; k < n; k += TileSize) {
    tileA[threadIdx.y][threadIdx.x] = a[row * n + k + threadIdx.x];
    __syncthreads();
    for (int j = 0; j < TileSize; ++j)
      acc += tileA[threadIdx.y][j] * b[(k + j) * n];
    __syncthreads();
  }
  Pair<T> p = {acc, scaled<T, TileSize>(acc)};
  c[row] = sumOf(p) + sizeof(T) + TileSize;
}

void launchAll(float *cf, const float *af, int *ci, const int *ai, int n) {
  matmul<float, 16><<<1, 1>>>(cf, af, af, n);
  matmul<int, 8><<<1, 1>>>(ci, ai, ai, n);
}

// CHECK: struct Pair_float {
// CHECK-NEXT:   float first;
// CHECK-NEXT:   float second;
// CHECK: struct Pair_int {
// CHECK: float scaled_float_16(float v) {
// CHECK-NEXT:   return v * 16;
// CHECK: float sumOf_float(struct Pair_float p) {
// CHECK-LABEL: __kernel void matmul_float_16(__global float *c__base, ulong c__off, __global const float *a__base, ulong a__off, __global const float *b__base, ulong b__off, int n)
// CHECK: __local float tileA__shared[16][16];
// CHECK: int row = (((uint)get_group_id(1)) * 16u) + ((uint)get_local_id(1));
// CHECK: for (int j = 0; j < 16; ++j)
// CHECK: struct Pair_float p = {acc, scaled_float_16(acc)};
// CHECK: c[row] = (sumOf_float(p) + 4uL + 16{{(uL)?}});
// CHECK: int scaled_int_8(int v) {
// CHECK-LABEL: __kernel void matmul_int_8(
// CHECK: __local int tileA__shared_1[8][8];
