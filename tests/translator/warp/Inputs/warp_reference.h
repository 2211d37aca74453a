// Host references for the warp-level tests: CUDA's documented semantics
// (CUDA C++ Programming Guide, "Warp Shuffle Functions", "Warp Vote
// Functions", "Warp Match Functions", "Warp Reduce Functions"), written from
// the documentation's words and independent of cucl's implementation.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <vector>

#define CHECK_CUDA(call)                                                                           \
  do {                                                                                             \
    cudaError_t status_ = (call);                                                                  \
    if (status_ != cudaSuccess) {                                                                  \
      std::printf("%s:%d: %s -> %s\n", __FILE__, __LINE__, #call, cudaGetErrorName(status_));     \
      std::exit(1);                                                                                \
    }                                                                                              \
  } while (0)

namespace reference {

enum Shuffle { kIdx = 0, kUp = 1, kDown = 2, kXor = 3 };

// The lane whose `var` a shuffle of `lane` returns (its own when the source
// is outside what the documentation allows).
inline int shuffleSource(int op, int lane, int b, int width) {
  int segment = lane / width * width; // the first lane of the caller's subsection
  switch (op) {
  case kIdx:
    return segment + (b & (width - 1)); // "srcLane modulo width"
  case kUp:
    // "the lower delta lanes will be unchanged"
    return (unsigned)(lane - segment) >= (unsigned)b ? lane - b : lane;
  case kDown:
    return (long long)(lane - segment) + (unsigned)b < (long long)width ? lane + b : lane;
  default: {
    int source = lane ^ b;
    // "can access elements from earlier groups ... later groups: their own value"
    return source < segment + width ? source : lane;
  }
  }
}

// Lanes of warp `w` that exist in a block of `threads` threads.
inline unsigned liveLanes(int threads, int w) {
  int count = threads - w * 32;
  return count >= 32 ? 0xffffffffu : (1u << count) - 1u;
}

inline int popcount(unsigned x) { return __builtin_popcount(x); }

} // namespace reference
