// Range-based for loops over arrays are printed desugared; the range and
// iterator pointers (and a reference loop variable) get the array's space.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl

// CHECK-LABEL: __kernel void k(
__global__ void k(float *out) {
  __shared__ float tile[4];
  float values[4] = {1, 2, 3, 4};
  float total = 0;
  // CHECK: __private float (*__range1_)[4] = &values;
  // CHECK-NEXT: __private float *__begin1_ = *__range1_;
  // CHECK-NEXT: __private float *__end1_ = (*__range1_) + 4L;
  // CHECK-NEXT: for (; __begin1_ != __end1_; ++__begin1_)
  // CHECK: float v = *__begin1_;
  // CHECK-NEXT: total += v;
  for (float v : values)
    total += v;
  // CHECK: __local float (*__range1_)[4] = &tile__shared;
  // CHECK: __local float *t = &(*__begin1_);
  // CHECK-NEXT: (*t) = total;
  for (float &t : tile)
    t = total;
  __syncthreads();
  // CHECK: __local const float *t = &(*__begin1_);
  for (const float &t : tile)
    total += t;
  out[0] = total;
}
