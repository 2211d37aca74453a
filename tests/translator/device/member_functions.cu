// Non-virtual member functions become functions taking `cucl_this`, cloned
// per address space of the object (private, global, shared); static members
// are plain functions; member operators work like member functions.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl

struct Accumulator {
  float sum;
  int count;
  __device__ void add(float v) { sum += v; ++count; }
  __device__ float mean() const { return count ? sum / count : 0.0f; }
  __device__ Accumulator &operator+=(float v) { add(v); return *this; }
  __device__ float operator[](int i) const { return i == 0 ? sum : (float)count; }
  __device__ static float zero() { return 0.0f; }
};

// CHECK-LABEL: float Accumulator_zero(void) {
// CHECK-LABEL: void Accumulator_add__p(__private struct Accumulator *cucl_this, float v) {
// CHECK-NEXT: cucl_this->sum += v;
// CHECK-NEXT: ++cucl_this->count;
// CHECK-LABEL: __private struct Accumulator *Accumulator_operator_plus_eq__p(__private struct Accumulator *cucl_this, float v) {
// CHECK-NEXT: Accumulator_add__p(cucl_this, v);
// CHECK-NEXT: return &(*cucl_this);
// CHECK-LABEL: void Accumulator_add__g(__global struct Accumulator *cucl_this, float v) {
// CHECK-LABEL: void Accumulator_add__l(__local struct Accumulator *cucl_this, float v) {
// CHECK-LABEL: float Accumulator_mean__p(__private const struct Accumulator *cucl_this) {
// CHECK-LABEL: float Accumulator_operator_index__p(__private const struct Accumulator *cucl_this, int i) {

// CHECK-LABEL: float Accumulator_mean__v(struct Accumulator cucl_self) {
// CHECK-NEXT: __private const struct Accumulator *cucl_this = &cucl_self;

// CHECK-LABEL: __kernel void k(
__global__ void k(float *out, Accumulator *accs) {
  __shared__ Accumulator shared;
  // CHECK: struct Accumulator a = {Accumulator_zero(), 0};
  Accumulator a = {Accumulator::zero(), 0};
  // CHECK-NEXT: Accumulator_add__p(&a, out[0]);
  a.add(out[0]);
  // CHECK-NEXT: Accumulator_operator_plus_eq__p(&a, 2.0f);
  a += 2.0f;
  // CHECK-NEXT: Accumulator_add__g(&accs[0], 1.0f);
  accs[0].add(1.0f);
  // CHECK-NEXT: Accumulator_add__g(accs, 2.0f);
  accs->add(2.0f);
  // CHECK-NEXT: Accumulator_add__l(&shared__shared, 3.0f);
  shared.add(3.0f);
  Accumulator *p = &a;
  // CHECK: Accumulator_add__p(p, 4.0f);
  p->add(4.0f);
  // CHECK: out[1] = (Accumulator_mean__p(&a) + Accumulator_mean__l(&shared__shared) + Accumulator_operator_index__p(&a, 1) + Accumulator_mean__g(&accs[0]));
  out[1] = a.mean() + shared.mean() + a[1] + accs[0].mean();
  // A temporary object: its member function gets a copy.
  // CHECK: out[2] = Accumulator_mean__v((struct Accumulator){1.0f, 2});
  out[2] = Accumulator{1.0f, 2}.mean();
}
