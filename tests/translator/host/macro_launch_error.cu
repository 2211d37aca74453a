// A launch whose parts come from different macro expansions cannot be
// rewritten: an error at the launch, never a silently skipped launch.
// RUN: %not %cucl-translate %s -o %t.cpp 2>&1 | FileCheck %s

#define KERNEL_CALL(kernel, args) kernel<<<1, 1>>>args

__global__ void k(int *p) { p[0] = 1; }

int main() {
  int *d = nullptr;
  // CHECK: macro_launch_error.cu:[[@LINE+1]]:{{[0-9]+}}: error: cucl cannot rewrite this kernel launch
  KERNEL_CALL(k, (d));
  return 0;
}
