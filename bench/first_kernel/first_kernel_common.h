// What both sides of bench-first-kernel share: the clock the driver compares
// with and the host work that prepares the input image.
#pragma once

#include <chrono>
#include <ctime>
#include <vector>

inline long long monotonicNs() {
  timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec * 1000000000LL + now.tv_nsec;
}

// An image of pseudo-random values in [0, 1), made again and again until
// `hostWorkMs` have passed (at least once).
inline std::vector<float> prepareImage(int n, int hostWorkMs) {
  std::vector<float> image(n);
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(hostWorkMs);
  unsigned seed = 1;
  do {
    for (int i = 0; i < n; ++i)
      image[i] = (float)((seed = seed * 1664525u + 1013904223u) >> 8) / 16777216.0f;
  } while (std::chrono::steady_clock::now() < until);
  return image;
}
