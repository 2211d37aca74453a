// Differential test: __shfl_sync, __shfl_up_sync, __shfl_down_sync and
// __shfl_xor_sync (and the legacy unsynchronised forms) for every width
// 1..32, many offsets, 32- and 64-bit integers, float and double, in 1-D, 2-D
// and 3-D blocks including sizes that are not a multiple of 32 (lane = linear
// thread index % 32), against CUDA's documented rules on the host.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: shuffles: {{[0-9]+}} checked, 0 wrong
// CHECK: PASSED
#include "Inputs/warp_reference.h"

struct Case {
  int op, width, b;
};

// Every case of the table, one after another, in one launch.
template <typename T>
__global__ void shuffles(const T *in, T *out, const Case *cases, int count, bool legacy) {
  int t = threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z);
  int n = blockDim.x * blockDim.y * blockDim.z;
  T v = in[t];
  for (int c = 0; c < count; ++c) {
    Case k = cases[c];
    T r;
    if (legacy) {
      if (k.op == 0)
        r = __shfl(v, k.b, k.width);
      else if (k.op == 1)
        r = __shfl_up(v, (unsigned)k.b, k.width);
      else if (k.op == 2)
        r = __shfl_down(v, (unsigned)k.b, k.width);
      else
        r = __shfl_xor(v, k.b, k.width);
    } else if (k.op == 0) {
      r = __shfl_sync(0xffffffffu, v, k.b, k.width);
    } else if (k.op == 1) {
      r = __shfl_up_sync(0xffffffffu, v, (unsigned)k.b, k.width);
    } else if (k.op == 2) {
      r = __shfl_down_sync(0xffffffffu, v, (unsigned)k.b, k.width);
    } else {
      r = __shfl_xor_sync(0xffffffffu, v, k.b, k.width);
    }
    out[c * n + t] = r;
  }
}

static std::vector<Case> table() {
  std::vector<Case> cases;
  const int widths[] = {1, 2, 4, 8, 16, 32};
  const int idx[] = {0, 1, 3, 7, 15, 31, 33, -1};
  const int deltas[] = {0, 1, 2, 5, 16, 31, 40};
  const int masks[] = {0, 1, 2, 3, 6, 16, 31, 48};
  for (int width : widths) {
    for (int b : idx)
      cases.push_back({reference::kIdx, width, b});
    for (int b : deltas) {
      cases.push_back({reference::kUp, width, b});
      cases.push_back({reference::kDown, width, b});
    }
    for (int b : masks)
      cases.push_back({reference::kXor, width, b});
  }
  return cases;
}

static long checked = 0, wrong = 0;

template <typename T> static void run(const char *type, dim3 block, bool legacy) {
  int n = block.x * block.y * block.z;
  std::vector<Case> cases = table();
  int count = (int)cases.size();
  std::vector<T> in(n), out((size_t)count * n);
  for (int t = 0; t < n; ++t)
    in[t] = (T)(t * 3 + 1) + (T)(sizeof(T) == 8 ? 0x100000000ll * (t % 3) : 0);
  T *dIn, *dOut;
  Case *dCases;
  CHECK_CUDA(cudaMalloc(&dIn, n * sizeof(T)));
  CHECK_CUDA(cudaMalloc(&dOut, out.size() * sizeof(T)));
  CHECK_CUDA(cudaMalloc(&dCases, cases.size() * sizeof(Case)));
  CHECK_CUDA(cudaMemcpy(dIn, in.data(), n * sizeof(T), cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(dCases, cases.data(), cases.size() * sizeof(Case), cudaMemcpyHostToDevice));
  shuffles<T><<<1, block>>>(dIn, dOut, dCases, count, legacy);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaMemcpy(out.data(), dOut, out.size() * sizeof(T), cudaMemcpyDeviceToHost));
  for (int c = 0; c < count; ++c) {
    for (int t = 0; t < n; ++t) {
      int lane = t % 32, base = t - lane;
      int source = base + reference::shuffleSource(cases[c].op, lane, cases[c].b, cases[c].width);
      if (source >= n)
        continue; // a lane past the end of the block: CUDA leaves the value undefined
      ++checked;
      T got = out[(size_t)c * n + t];
      if (std::memcmp(&got, &in[source], sizeof(T)) != 0) {
        if (++wrong <= 10)
          std::printf("%s%s block (%u,%u,%u) op %d width %d b %d thread %d: got %g, want %g\n",
                      legacy ? "legacy " : "", type, block.x, block.y, block.z, cases[c].op,
                      cases[c].width, cases[c].b, t, (double)got, (double)in[source]);
      }
    }
  }
  cudaFree(dIn);
  cudaFree(dOut);
  cudaFree(dCases);
}

int main() {
  const dim3 blocks[] = {dim3(32), dim3(64), dim3(48), dim3(7, 5), dim3(4, 3, 5), dim3(16, 16)};
  for (dim3 block : blocks) {
    run<int>("int", block, false);
    run<unsigned>("unsigned", block, false);
    run<long long>("long long", block, false);
    run<unsigned long long>("unsigned long long", block, false);
    run<long>("long", block, false);
    run<float>("float", block, false);
    run<double>("double", block, false);
  }
  run<int>("int", dim3(48), true);
  run<float>("float", dim3(7, 5), true);
  run<double>("double", dim3(64), true);
  std::printf("shuffles: %ld checked, %ld wrong\n", checked, wrong);
  std::printf(wrong == 0 ? "PASSED\n" : "FAILED\n");
  return wrong != 0;
}
