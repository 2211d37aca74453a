// Types outside the supported subset: bit-fields, virtual base classes,
// conversions to empty bases, fields in a base's tail padding, packed
// structs, long double, bool fields in kernel structs, reference kernel
// parameters; and calls that have no device definition.
// RUN: %not %cucl-translate %s --device-only -o %t.cl 2>&1 | FileCheck %s
// CHECK-NOT: fatal error

struct Flags {
  // CHECK-DAG: unsupported_types.cu:[[@LINE+1]]:12: error: a bit-field is not supported in device code
  unsigned ready : 1;
};
struct Base { int id; };
// CHECK-DAG: unsupported_types.cu:[[@LINE+1]]:8: error: a struct with a virtual base class ('Derived') is not supported in device code
struct Derived : virtual Base { int extra; };
struct Tag {};
struct Tagged : Tag { int value; };
__device__ int readTag(const Tag &) { return 1; }
// A non-POD base (a user constructor) lets the derived field use its tail padding.
struct Padded { __device__ Padded() {} int i; char c; };
// CHECK-DAG: unsupported_types.cu:[[@LINE+1]]:8: error: a struct whose fields sit in its base class's tail padding ('Packed2') is not supported in device code
struct Packed2 : Padded { char d; };
// CHECK-DAG: unsupported_types.cu:[[@LINE+1]]:32: error: a packed struct ('Packed') is not supported in device code
struct __attribute__((packed)) Packed { char c; int i; };
struct Options { bool verbose; int n; };

__device__ float declaredOnly(float x);

// CHECK-DAG: unsupported_types.cu:[[@LINE+1]]:69: error: type 'long double' is not supported in device code
__global__ void types(Flags *f, Derived *d, Packed *p, long double *ld) {
  f->ready = 1;
  d->extra = 2;
  Tagged t;
  // CHECK-DAG: unsupported_types.cu:[[@LINE+1]]:21: error: a conversion to an empty base class is not supported in device code
  t.value = readTag(t);
  Packed2 q;
  q.d = 1;
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
