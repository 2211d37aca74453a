// No device code itself, but it includes a header that has some.
#pragma once
#include "kernels.cuh"
inline int hostHelper() { return 7; }
