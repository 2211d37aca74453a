// A launch whose `<<<` and `>>>` come from different macro expansions cannot
// be rewritten: an error at the launch, never a silently skipped launch.
// (A macro whose parameters name the kernel or the arguments is fine: see
// macros.cu.)
// RUN: %not %cucl-translate %s -o %t.cpp 2>&1 | FileCheck %s

#define OPEN_CONFIG k<<<1,
#define WITH_OPEN(rest) k<<<1, rest

__global__ void k(int *p) { p[0] = 1; }

int main() {
  int *d = nullptr;
  // CHECK: macro_launch_error.cu:[[@LINE+1]]:{{[0-9]+}}: error: cucl cannot rewrite this kernel launch
  OPEN_CONFIG 1>>>(d);
  // CHECK: macro_launch_error.cu:[[@LINE+1]]:{{[0-9]+}}: error: cucl cannot rewrite this kernel launch
  WITH_OPEN(1>>>)(d);
  return 0;
}
