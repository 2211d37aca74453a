// cucl passes `const T&` parameters by value, which is wrong when the callee
// can change the referent through another argument. Where the same storage
// visibly reaches both (same variable, same member and index path), the call
// is an error instead of a silently stale read; distinct elements such as
// a[i] and a[i + 1] (the reduction pattern) are accepted.
// RUN: %not %cucl-translate %s --device-only -o %t.cl 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: %cucl-translate %s --device-only -DACCEPTED -o %t.cl
// RUN: %cucl-clcheck %t.cl

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

#ifndef ACCEPTED
__global__ void aliasing(int *out, int i) {
  int x = 1;
  // CHECK: const_reference_aliasing.cu:[[@LINE+1]]:27: error: a const reference argument that the callee may also modify through another argument (const references are passed by value; copy it into a local first) is not supported in device code
  out[0] = readAfterWrite(x, x);
  Point v = {1, 2};
  // CHECK: const_reference_aliasing.cu:[[@LINE+1]]:33: error: a const reference argument
  out[1] = readMemberAfterWrite(v, v);
  int y = 3;
  // CHECK: const_reference_aliasing.cu:[[@LINE+1]]:34: error: a const reference argument
  out[2] = readAfterPointerWrite(y, &y);
  // CHECK: const_reference_aliasing.cu:[[@LINE+1]]:27: error: a const reference argument
  out[3] = readAfterWrite(out[4], out[4]);
  // CHECK: const_reference_aliasing.cu:[[@LINE+1]]:34: error: a const reference argument
  out[4] = readAfterPointerWrite(out[i], out);
  Point pts[2] = {{1, 2}, {3, 4}};
  // CHECK: const_reference_aliasing.cu:[[@LINE+1]]:16: error: a const reference argument
  pts[i].merge(pts[i]);
  // CHECK: const_reference_aliasing.cu:[[@LINE+1]]:33: error: a const reference argument
  out[5] = readMemberAfterWrite(pts[0], pts[0]) + pts[1].x;
}
#else
__global__ void distinct(int *out, const int *in, int i) {
  int x = 1, y = 2;
  out[0] = readAfterWrite(x, y);
  out[1] = readAfterWrite(in[i], out[i]);
  out[2] = readAfterWrite(out[i + 1], out[i]);
  Point pts[2] = {{1, 2}, {3, 4}};
  pts[0].merge(pts[1]);
  out[3] = readMemberAfterWrite(pts[1], pts[0]) + pts[0].x;
  Point copy = pts[0];
  pts[0].merge(copy);
  out[4] = pts[0].x;
}
#endif
