// How a CUDA toolkit's include tree is recognised: its directory really
// holds cuda_runtime_api.h. A directory that only has a symlink to one (like
// /usr/local/include here) is not a toolkit, so its other headers are fine.
// RUN: rm -rf %t.dir && mkdir -p %t.dir/toolkit/include %t.dir/linked %t.dir/out
// RUN: echo '#define FROM_TOOLKIT 1' > %t.dir/toolkit/include/cuda_runtime_api.h
// RUN: echo '#define HELPER 2' > %t.dir/toolkit/include/helper_header.h
// RUN: ln -s %t.dir/toolkit/include/cuda_runtime_api.h %t.dir/linked/cuda_runtime_api.h
// RUN: echo '#define HELPER 2' > %t.dir/linked/helper_header.h
// RUN: %cucl-translate %s -I%t.dir/linked -o %t.dir/out/ok.cpp
// RUN: %not %cucl-translate %s -I%t.dir/toolkit/include -o %t.dir/out/bad.cpp 2>&1 | FileCheck %s

// CHECK: nvidia_header_detection.cu:[[@LINE+1]]:10: error: 'helper_header.h' is NVIDIA's CUDA header ({{.*}}toolkit{{/|\\}}include{{/|\\}}helper_header.h); cucl does not use NVIDIA headers
#include <helper_header.h>

__global__ void k(int *p) { p[0] = HELPER; }

int main() { return 0; }
