// A header with no kernels whose only CUDA is a `__noinline__` helper: it is
// rewritten (copied) only so that g++ never sees the keyword.
#pragma once

__host__ __device__ __noinline__ inline int helperTwice(int x) {
  return 2 * x;
}
