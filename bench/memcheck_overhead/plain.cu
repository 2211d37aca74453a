// The kernels of kernels.cuh as cuclcc translates them normally.
#define MEMCHECK_NS plain
#include "kernels.cuh"
