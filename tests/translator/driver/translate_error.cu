// Errors found while translating stop the build with the .cu file's
// file:line:col and a non-zero exit status.
// RUN: %not %cuclcc -c %s -o %t.o 2>&1 | FileCheck %s

__global__ void k(int *p) {
  // CHECK: translate_error.cu:[[@LINE+1]]:10: error: use of undeclared identifier 'undeclared_value'
  p[0] = undeclared_value;
}

int main() { return 0; }
