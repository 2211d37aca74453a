// Repro (QA): the usual __constant__ pattern (fill it with
// cudaMemcpyToSymbol, read it in a kernel) is out of scope, but the user
// only sees "use of undeclared identifier 'cudaMemcpyToSymbol'" from the
// host parse; the device diagnostic naming the __constant__ variable never
// appears. Declaring the symbol API (cudaMemcpyToSymbol/FromSymbol,
// cudaGetSymbolAddress/Size, returning cudaErrorInvalidSymbol until symbols
// exist) would let the translator report the real limitation.
// RUN: %not %cuclcc -c %s -o %t.o 2>&1 | FileCheck %s
// CHECK-NOT: undeclared identifier 'cudaMemcpyToSymbol'
// CHECK: constant_symbol_copy.cu:{{[0-9]+}}:{{[0-9]+}}: error: {{.*}}'coefficients'{{.*}}not supported
// CHECK-NOT: undeclared identifier 'cudaMemcpyToSymbol'

__constant__ float coefficients[4];

__global__ void scale(float *out) { out[threadIdx.x] *= coefficients[threadIdx.x % 4]; }

int main() {
  const float host[4] = {1.0f, 2.0f, 3.0f, 4.0f};
  return cudaMemcpyToSymbol(coefficients, host, sizeof(host)) == cudaSuccess ? 0 : 1;
}
