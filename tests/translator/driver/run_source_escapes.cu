// The OpenCL program is embedded in the host code as escaped string pieces:
// quotes, backslashes, tabs and `?` must reach the device compiler intact.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %cuclcc --keep %s -o %t.dir/escapes
// RUN: FileCheck --check-prefix=EMBEDDED %s < %t.dir/run_source_escapes.cucl.cpp
// RUN: %t.dir/escapes | FileCheck %s
// EMBEDDED: "{{ *}}printf(\"quote \\\" backslash \\\\ question \? tab\\t value %d\\n\", v);\n",
// CHECK: quote " backslash \ question ? tab value 42
// CHECK: host done

#include <cstdio>

__global__ void say(int v) {
  if (threadIdx.x == 0)
    printf("quote \" backslash \\ question ? tab\t value %d\n", v);
}

int main() {
  say<<<1, 1>>>(42);
  cudaDeviceSynchronize();
  std::printf("host done\n");
  return 0;
}
