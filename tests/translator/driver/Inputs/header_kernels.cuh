// Kernels and device functions in a user header, used by run_header_kernels.cu.
#pragma once

__device__ inline int triple(int x) { return 3 * x; }

__global__ void tripleAll(int *data) { data[threadIdx.x] = triple(data[threadIdx.x]); }
