// `const T&` parameters bound to lvalues are passed by pointer, so a read
// through the reference after the callee wrote the same storage through
// another argument sees the new value, as in CUDA; temporaries get a
// by-value clone. The aliasing cases, including those no translator could
// see (two pointers to one element, a[i] / a[j] with i == j at run time),
// must all print CUDA's answers.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s --check-prefix=CL < %t.cl
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: aliasing 5 9 11 5 11 2 9 5
// CHECK: unseen 5 5 5 7
// CHECK: distinct 1 5 2 3 18 3 5
// CHECK: temporaries 4 3 6 2 6 4
// CHECK: forms 2 1 28 9 12
// CHECK: PASSED

#include <cstdio>

// A by-pointer clone per address space of the const reference argument, and
// a by-value clone ('v') for temporaries.
// CL-DAG: int readAfterWrite__pp(__private const int *a, __private int *b)
// CL-DAG: int readAfterWrite__gg(__global const int *a, __global int *b)
// CL-DAG: int readAfterWrite__ll(__local const int *a, __local int *b)
// CL-DAG: void Point_merge__pp(__private struct Point *cucl_this, __private const struct Point *other)
// CL-DAG: int twice__p(__private const int *v)
// CL-DAG: int twice__l(__local const int *v)
// CL-DAG: int twice__v(const int v)
// CL-DAG: int withDefault__v(const int v)
// CL-DAG: float scaled__v(const float v)

__device__ int readAfterWrite(const int &a, int &b) {
  b = 5;
  return a;
}
struct Point {
  int x, y;
  __device__ void merge(const Point &other) { x += other.x; }
};
__device__ int readMemberAfterWrite(const Point &v, Point &w) {
  w.x = 9;
  return v.x;
}
__device__ int readAfterPointerWrite(const int &a, int *p) {
  *p = 11;
  return a;
}
// Forwards its const reference: the inner call must see the same storage.
__device__ int forwardRead(const int &a, int &b) { return readAfterWrite(a, b); }
__device__ int twice(const int &v) { return v * 2; }
__device__ float scaled(const float &v) { return v * 1.5f; }
__device__ int withDefault(const int &v = 3) { return v; }
__device__ unsigned same(const unsigned &v) { return v; }
// Takes its by-value or by-pointer parameter's address again.
__device__ int viaLocal(const int &v) {
  const int &r = v;
  return twice(r) + twice(v);
}
__device__ Point operator+(const Point &a, const Point &b) {
  Point r = {a.x + b.x, a.y + b.y};
  return r;
}

__global__ void aliasing(int *out, int i) {
  int x = 1;
  out[0] = readAfterWrite(x, x);
  Point v = {1, 2};
  out[1] = readMemberAfterWrite(v, v);
  int y = 3;
  out[2] = readAfterPointerWrite(y, &y);
  out[8] = 1;
  out[3] = readAfterWrite(out[8], out[8]);
  out[i] = 1;
  out[4] = readAfterPointerWrite(out[i], out + i);
  Point pts[2] = {{1, 2}, {3, 4}};
  pts[i - 9].merge(pts[i - 9]);
  out[5] = pts[0].x;
  out[6] = readMemberAfterWrite(pts[0], pts[0]);
  int z = 1;
  out[7] = forwardRead(z, z);
}

// Aliasing only visible at run time (i == j == 4).
__global__ void unseen(int *out, const int *in, int i, int j) {
  __shared__ int tile[4];
  tile[threadIdx.x] = in[threadIdx.x];
  __syncthreads();
  if (threadIdx.x != 0)
    return;
  int *p = out + 4;
  int *q = out + i; // p and q point to one element
  out[4] = 1;
  out[0] = readAfterWrite(*p, *q);
  out[5] = 1;
  out[1] = readAfterWrite(out[i + 1], out[j + 1]);
  out[2] = readAfterWrite(tile[i - 4], tile[j - 4]);
  out[3] = readAfterWrite(tile[1], tile[2]);
}

// No aliasing: the reference still reads the untouched storage.
__global__ void distinct(int *out, const int *in, int i) {
  int x = 1, y = 2;
  out[0] = readAfterWrite(x, y);
  out[1] = readAfterWrite(in[i], out[i]);
  out[2] = readAfterWrite(out[i + 1], out[i]);
  Point pts[2] = {{1, 2}, {3, 4}};
  pts[0].merge(pts[1]);
  out[3] = readMemberAfterWrite(pts[1], pts[0]);
  Point copy = pts[0];
  pts[0].merge(copy);
  out[4] = pts[0].x;
  out[5] = pts[1].x;
  out[6] = y;
}

__global__ void temporaries(int *out, float *floats) {
  __shared__ int local[1];
  int x = 2;
  local[0] = 3;
  __syncthreads();
  out[0] = twice(x);        // lvalue: by pointer (private)
  out[1] = withDefault();   // default argument: a temporary
  out[2] = twice(x + 1);    // rvalue: by value
  out[3] = twice(1);
  out[4] = twice(local[0]); // lvalue: by pointer (local)
  // Conversions materialise temporaries.
  floats[0] = scaled(x + 0) + scaled(static_cast<float>(x));
  out[5] = static_cast<int>(scaled(3));
}
// Argument forms C cannot take the address of are passed by value.
// CL-DAG: out[0] = twice__v(c ? x : y);
// CL-DAG: struct Point s = operator_plus__vg(operator_plus__gg(&ps[0], &ps[1]), &ps[2]);
__global__ void forms(int *out, const Point *ps, int c) {
  int x = 1, y = 2;
  out[0] = twice(c ? x : y);
  out[1] = same(threadIdx.x) + same(blockDim.x);
  out[3] = 5;
  out[2] = viaLocal(x + 1) + viaLocal(out[3]);
  Point s = ps[0] + ps[1] + ps[2];
  out[4] = s.x;
  out[5] = s.y;
}

#define CHECK_CUDA(call)                                                                            \
  do {                                                                                              \
    cudaError_t status = (call);                                                                    \
    if (status != cudaSuccess) {                                                                    \
      std::printf("%s:%d: %s\n", __FILE__, __LINE__, cudaGetErrorString(status));                  \
      return 1;                                                                                     \
    }                                                                                               \
  } while (0)

int main() {
  int *ints, *in;
  float *floats;
  int host[10];
  CHECK_CUDA(cudaMalloc(&ints, sizeof(host)));
  CHECK_CUDA(cudaMalloc(&in, 4 * sizeof(int)));
  CHECK_CUDA(cudaMalloc(&floats, sizeof(float)));
  int input[4] = {1, 7, 2, 3};
  CHECK_CUDA(cudaMemcpy(in, input, sizeof(input), cudaMemcpyHostToDevice));

  aliasing<<<1, 1>>>(ints, 9);
  CHECK_CUDA(cudaMemcpy(host, ints, sizeof(host), cudaMemcpyDeviceToHost));
  std::printf("aliasing %d %d %d %d %d %d %d %d\n", host[0], host[1], host[2], host[3], host[4], host[5], host[6],
              host[7]);

  unseen<<<1, 4>>>(ints, in, 4, 4);
  CHECK_CUDA(cudaMemcpy(host, ints, sizeof(host), cudaMemcpyDeviceToHost));
  std::printf("unseen %d %d %d %d\n", host[0], host[1], host[2], host[3]);

  CHECK_CUDA(cudaMemcpy(ints, input, sizeof(input), cudaMemcpyHostToDevice));
  distinct<<<1, 1>>>(ints, in, 1);
  CHECK_CUDA(cudaMemcpy(host, ints, sizeof(host), cudaMemcpyDeviceToHost));
  std::printf("distinct %d %d %d %d %d %d %d\n", host[0], host[1], host[2], host[3], host[4], host[5], host[6]);

  temporaries<<<1, 1>>>(ints, floats);
  float scaledSum = 0;
  CHECK_CUDA(cudaMemcpy(host, ints, sizeof(host), cudaMemcpyDeviceToHost));
  CHECK_CUDA(cudaMemcpy(&scaledSum, floats, sizeof(float), cudaMemcpyDeviceToHost));
  std::printf("temporaries %d %d %d %d %d %d\n", host[0], host[1], host[2], host[3], host[4], host[5]);
  Point points[3] = {{1, 2}, {3, 4}, {5, 6}};
  Point *devicePoints;
  CHECK_CUDA(cudaMalloc(&devicePoints, sizeof(points)));
  CHECK_CUDA(cudaMemcpy(devicePoints, points, sizeof(points), cudaMemcpyHostToDevice));
  forms<<<1, 1>>>(ints, devicePoints, 1);
  CHECK_CUDA(cudaMemcpy(host, ints, sizeof(host), cudaMemcpyDeviceToHost));
  std::printf("forms %d %d %d %d %d\n", host[0], host[1], host[2], host[4], host[5]);
  if (scaledSum != 6.0f) {
    std::printf("scaled %f\n", static_cast<double>(scaledSum));
    return 1;
  }
  std::printf("PASSED\n");
  return 0;
}
