// Constructs outside the supported device subset are errors at their
// location; the translator exits non-zero and never crashes.
// RUN: %not %cucl-translate %s --device-only -o %t.cl 2>&1 | FileCheck %s
// CHECK-NOT: fatal error

// CHECK-DAG: unsupported_constructs.cu:[[@LINE+1]]:8: error: a struct with virtual functions ('Shape') is not supported in device code
struct Shape {
  __device__ virtual float area() const { return 0.0f; }
};

__device__ int factorial(int n) {
  // CHECK-DAG: unsupported_constructs.cu:[[@LINE+1]]:27: error: recursion (a call to 'factorial') is not supported in device code
  return n <= 1 ? 1 : n * factorial(n - 1);
}

__device__ float twice(float x) { return 2.0f * x; }

struct Range {
  int values[4];
  __device__ const int *begin() const { return values; }
  __device__ const int *end() const { return values + 4; }
};

__global__ void constructs(float *out, Shape *shape) {
  // CHECK-DAG: unsupported_constructs.cu:[[@LINE+1]]:14: error: a lambda expression is not supported in device code
  auto add = [](float a, float b) { return a + b; };
  // CHECK-DAG: unsupported_constructs.cu:[[@LINE+1]]:12: error: a virtual function call is not supported in device code
  out[0] = shape->area();
  out[1] = factorial(3);
  // CHECK-DAG: unsupported_constructs.cu:[[@LINE+1]]:24: error: a function pointer is not supported in device code
  float (*fn)(float) = twice;
  // CHECK-DAG: unsupported_constructs.cu:[[@LINE+1]]:12: error: a call through a function pointer is not supported in device code
  out[2] = fn(1.0f);
  // CHECK-DAG: unsupported_constructs.cu:[[@LINE+1]]:17: error: operator new is not supported in device code
  float *heap = new float[4];
  // CHECK-DAG: unsupported_constructs.cu:[[@LINE+1]]:3: error: operator delete is not supported in device code
  delete[] heap;
  Range range;
  // CHECK-DAG: unsupported_constructs.cu:[[@LINE+1]]:3: error: a range-based for loop over a non-array is not supported in device code
  for (int v : range)
    out[5] += v;
  // CHECK-DAG: unsupported_constructs.cu:[[@LINE+1]]:14: error: a static local variable is not supported in device code
  static int calls = 0;
}

// CHECK-DAG: unsupported_constructs.cu:[[@LINE+1]]:8: error: a struct with a destructor ('WithDestructor') is not supported in device code
struct WithDestructor {
  int value;
  __device__ ~WithDestructor() {}
};

struct WithConstructor {
  float value;
  __device__ WithConstructor(float v) : value(v) {}
  __device__ float get() const { return value; }
};

__global__ void objectLifetimes(float *out) {
  WithDestructor w;
  w.value = 1;
  // A member call on a temporary works: the function gets a copy.
  out[0] = WithConstructor(2.0f).get();
  // An array of objects built by converting constructors is fine.
  WithConstructor many[2] = {1.0f, 2.0f};
  out[1] = many[0].value;
}
