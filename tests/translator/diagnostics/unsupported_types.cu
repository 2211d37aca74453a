// Types outside the supported subset: bit-fields, base classes, packed
// structs, long double, bool fields in kernel structs, reference kernel
// parameters; and calls that have no device definition.
// RUN: %not %cucl-translate %s --device-only -o %t.cl 2>&1 | FileCheck %s
// CHECK-NOT: fatal error

struct Flags {
  // CHECK-DAG: unsupported_types.cu:[[@LINE+1]]:12: error: a bit-field is not supported in device code
  unsigned ready : 1;
};
struct Base { int id; };
// CHECK-DAG: unsupported_types.cu:[[@LINE+1]]:8: error: a struct with base classes ('Derived') is not supported in device code
struct Derived : Base { int extra; };
// CHECK-DAG: unsupported_types.cu:[[@LINE+1]]:32: error: a packed struct ('Packed') is not supported in device code
struct __attribute__((packed)) Packed { char c; int i; };
struct Options { bool verbose; int n; };

__device__ float declaredOnly(float x);

// CHECK-DAG: unsupported_types.cu:[[@LINE+1]]:69: error: type 'long double' is not supported in device code
__global__ void types(Flags *f, Derived *d, Packed *p, long double *ld) {
  f->ready = 1;
  d->extra = 2;
  p->i = 3;
  // CHECK-DAG: unsupported_types.cu:[[@LINE+1]]:11: error: type 'long double' is not supported in device code
  ld[0] = 1.0L;
}

// CHECK-DAG: unsupported_types.cu:[[@LINE+1]]:35: error: a struct with a bool field passed by value to a kernel is not supported in device code
__global__ void boolField(Options options, int *out) { out[0] = options.n; }

// CHECK-DAG: unsupported_types.cu:[[@LINE+1]]:37: error: a reference kernel parameter is not supported in device code
__global__ void referenceParam(int &value) { value = 1; }

__global__ void noDefinition(float *out) {
  // CHECK-DAG: unsupported_types.cu:[[@LINE+1]]:12: error: calling 'declaredOnly' without its definition in this file is not supported in device code
  out[0] = declaredOnly(out[1]);
}
