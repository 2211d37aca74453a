// A header with a kernel, included with angle brackets through -I.
#pragma once
#include "angle_types.h"

__global__ void scaleAll(float *data, Scale s) { data[threadIdx.x] *= s.factor; }
