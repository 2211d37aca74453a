// The kernels of kernels.cuh as cuclcc -memcheck translates them: every
// __global and __shared__ access checked against its allocation.
#define MEMCHECK_NS checked
#include "kernels.cuh"
