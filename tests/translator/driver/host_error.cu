// A host-side compile error is reported at its line in the .cu file, after
// kernels were turned into stubs and device functions removed.
// RUN: %not %cuclcc -c %s -o %t.o 2>&1 | FileCheck %s

__device__ int helper(int x) {
  return x + 1;
}

__global__ void k(int *p) {
  p[0] = helper(p[0]);
}

int main() {
  int *d = nullptr;
  k<<<1, 1>>>(d);
#ifndef __CUDA__ // the host compiler's view only
  // CHECK: host_error.cu:[[@LINE+1]]:10: error: {{.*}}not_declared_anywhere
  return not_declared_anywhere;
#endif
}
