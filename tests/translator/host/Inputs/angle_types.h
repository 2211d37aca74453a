// Host-and-device types for angle_kernels.cuh (no device code: not copied).
#pragma once
struct Scale {
  float factor;
};
