// End to end: structs and classes with non-virtual base classes in device
// code: inherited fields and methods, base-class constructor initializers,
// a derived object passed as `const Base&` and `Base *`, derived structs by
// value as kernel arguments and in global memory (CUDA's layout), two bases,
// and a base template; also in a lane-mode (warp-level) kernel.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s --check-prefix=CL < %t.cl
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CL: struct Box {
// CL-NEXT: struct Shape cucl_base0;
// CL-NEXT: float d;
// CHECK: local 24 6 18 7
// CHECK: argument 60 16 3
// CHECK: array 6 12 18
// CHECK: warp 496
// CHECK: PASSED

#include <cstdio>

struct Shape {
  float w, h;
  __host__ __device__ float area() const { return w * h; }
};

struct Box : Shape {
  float d;
  __device__ Box(float w_, float h_, float d_) : Shape{w_, h_}, d(d_) {}
  __host__ __device__ Box() {}
  __device__ float volume() const { return area() * d; }
};

struct Named {
  int id;
};

struct Tagged : Box, Named {
  int extra;
};

template <typename T> struct Counter {
  T count;
  __device__ void add(T v) { count += v; }
};

struct Histogram : Counter<int> {
  int bins[4];
};

__device__ float areaOf(const Shape &s) { return s.area(); }
__device__ void grow(Shape *s, float by) { s->w += by; }

__global__ void local(float *out, int *ids) {
  Box b(2.0f, 3.0f, 4.0f);
  Tagged t;
  t.w = 1.0f;
  t.h = 1.0f;
  t.d = 5.0f;
  t.id = 7;
  t.extra = 0;
  grow(&t, 1.0f); // w = 2
  out[0] = b.volume();
  out[1] = areaOf(b);
  out[2] = t.volume() + t.id + areaOf(t) * 1.0f + b.w + b.h + b.d - 4.0f - 3.0f - 2.0f - 1.0f;
  ids[0] = t.id;
}

__global__ void byValue(Box box, Tagged tagged, float *out) {
  out[0] = box.volume();
  out[1] = tagged.volume();
  out[2] = tagged.id;
}

__global__ void inMemory(Box *boxes, Histogram *histogram, float *out) {
  int i = threadIdx.x;
  out[i] = boxes[i].volume();
  histogram->add(1);
}

__global__ void warpVolumes(const Box *boxes, float *out) {
  float v = boxes[threadIdx.x].volume();
  for (int offset = 16; offset > 0; offset /= 2)
    v += __shfl_down_sync(0xffffffffu, v, offset);
  if (threadIdx.x == 0)
    out[0] = v;
}

int main() {
  float *out = nullptr;
  int *ids = nullptr;
  cudaMalloc(&out, 32 * sizeof(float));
  cudaMalloc(&ids, sizeof(int));
  local<<<1, 1>>>(out, ids);
  float h[32];
  int id = 0;
  cudaMemcpy(h, out, 3 * sizeof(float), cudaMemcpyDeviceToHost);
  cudaMemcpy(&id, ids, sizeof id, cudaMemcpyDeviceToHost);
  // 2*1*5 + 7 + 2 + (2 + 3 + 4) - 10 = 18
  std::printf("local %g %g %g %d\n", h[0], h[1], h[2], id);

  Box box;
  box.w = 3.0f;
  box.h = 4.0f;
  box.d = 5.0f;
  Tagged tagged;
  tagged.w = 2.0f;
  tagged.h = 2.0f;
  tagged.d = 4.0f;
  tagged.id = 3;
  tagged.extra = 0;
  byValue<<<1, 1>>>(box, tagged, out);
  cudaMemcpy(h, out, 3 * sizeof(float), cudaMemcpyDeviceToHost);
  std::printf("argument %g %g %g\n", h[0], h[1], h[2]);

  Box boxes[32];
  for (int i = 0; i < 32; ++i) {
    boxes[i].w = 1.0f;
    boxes[i].h = 2.0f;
    boxes[i].d = float(i + 1) * 3.0f;
  }
  Box *deviceBoxes = nullptr;
  Histogram *histogram = nullptr;
  cudaMalloc(&deviceBoxes, sizeof boxes);
  cudaMalloc(&histogram, sizeof(Histogram));
  cudaMemset(histogram, 0, sizeof(Histogram));
  cudaMemcpy(deviceBoxes, boxes, sizeof boxes, cudaMemcpyHostToDevice);
  inMemory<<<1, 3>>>(deviceBoxes, histogram, out);
  cudaMemcpy(h, out, 3 * sizeof(float), cudaMemcpyDeviceToHost);
  Histogram back;
  cudaMemcpy(&back, histogram, sizeof back, cudaMemcpyDeviceToHost);
  std::printf("array %g %g %g\n", h[0], h[1], h[2] * (back.count == 3 ? 1 : 0));

  for (int i = 0; i < 32; ++i)
    boxes[i].d = float(i) / 2.0f;
  cudaMemcpy(deviceBoxes, boxes, sizeof boxes, cudaMemcpyHostToDevice);
  warpVolumes<<<1, 32>>>(deviceBoxes, out);
  cudaMemcpy(h, out, sizeof(float), cudaMemcpyDeviceToHost);
  std::printf("warp %g\n", h[0]);
  std::printf("%s\n", cudaGetLastError() == cudaSuccess ? "PASSED" : "FAILED");
  return 0;
}
