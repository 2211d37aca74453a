// User-defined constructors become factories returning the object by value
// (member initializers, default member initializers, early returns); member
// operators and const-reference parameters work on the constructed objects.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl

struct Complex {
  float re, im;
  int tag = 7;
  __device__ Complex(float r, float i) : re(r), im(i) {}
  __device__ Complex(float r) : re(r), im(0.0f) {
    if (r < 0) {
      re = -r;
      return;
    }
    tag = 1;
  }
  __device__ Complex operator*(const Complex &o) const {
    return Complex(re * o.re - im * o.im, re * o.im + im * o.re);
  }
};

// CHECK-LABEL: struct Complex Complex_Complex(float r, float i) {
// CHECK-NEXT: struct Complex cucl_self;
// CHECK-NEXT: __private struct Complex *cucl_this = &cucl_self;
// CHECK-NEXT: cucl_this->re = r;
// CHECK-NEXT: cucl_this->im = i;
// CHECK-NEXT: cucl_this->tag = 7;
// CHECK-NEXT: return cucl_self;
// CHECK-LABEL: struct Complex Complex_Complex_1(float r) {
// CHECK: cucl_this->re = (-r);
// CHECK-NEXT: return cucl_self;
// CHECK: cucl_this->tag = 1;
// CHECK-NEXT: return cucl_self;
// CHECK-LABEL: struct Complex Complex_operator_star__pp(__private const struct Complex *cucl_this, __private const struct Complex *o) {
// CHECK-NEXT: return Complex_Complex((cucl_this->re * (*o).re) - (cucl_this->im * (*o).im), (cucl_this->re * (*o).im) + (cucl_this->im * (*o).re));

// CHECK-LABEL: __kernel void k(
__global__ void k(float *out, Complex *cs) {
  // CHECK: struct Complex a = Complex_Complex(1.0f, 2.0f);
  Complex a(1.0f, 2.0f);
  // CHECK-NEXT: struct Complex b = Complex_Complex_1(3.0f);
  Complex b = Complex(3.0f);
  // CHECK-NEXT: struct Complex c = Complex_operator_star__pp(&a, &b);
  Complex c = a * b;
  // CHECK-NEXT: cs[0] = Complex_Complex(out[0], out[1]);
  cs[0] = Complex(out[0], out[1]);
  out[0] = c.re + a.tag;
}
