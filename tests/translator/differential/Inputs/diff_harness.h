// Differential test harness: a __host__ __device__ function fills result
// slots for one input; the kernel runs it on the OpenCL device, the host runs
// the same function natively, and compareSlots reports every difference.
#pragma once
#include <cstdio>
#include <cstring>

enum SlotKind { kSlotInt = 0, kSlotFloat = 1, kSlotDouble = 2 };

// One result: its bits, how to compare them, and the allowed ulp distance.
struct Slot {
  unsigned long long bits;
  int kind;
  int ulps;
};

__host__ __device__ inline void putInt(Slot *r, int &k, long long v) {
  r[k].bits = (unsigned long long)v;
  r[k].kind = kSlotInt;
  r[k].ulps = 0;
  ++k;
}

__host__ __device__ inline void putFloatUlps(Slot *r, int &k, float v, int ulps) {
#ifdef __CUDA_ARCH__
  unsigned u = __float_as_uint(v);
#else
  unsigned u;
  memcpy(&u, &v, sizeof u);
#endif
  r[k].bits = u;
  r[k].kind = kSlotFloat;
  r[k].ulps = ulps;
  ++k;
}

__host__ __device__ inline void putFloat(Slot *r, int &k, float v) {
  putFloatUlps(r, k, v, 0);
}

__host__ __device__ inline void putDoubleUlps(Slot *r, int &k, double v, int ulps) {
#ifdef __CUDA_ARCH__
  unsigned long long u = (unsigned long long)__double_as_longlong(v);
#else
  unsigned long long u;
  memcpy(&u, &v, sizeof u);
#endif
  r[k].bits = u;
  r[k].kind = kSlotDouble;
  r[k].ulps = ulps;
  ++k;
}

__host__ __device__ inline void putDouble(Slot *r, int &k, double v) {
  putDoubleUlps(r, k, v, 0);
}

// Distance in ulps between two finite values of the same sign (bit patterns
// of IEEE numbers order like sign-magnitude integers).
inline unsigned long long ulpDistance(unsigned long long a, unsigned long long b,
                                      unsigned long long sign) {
  unsigned long long ma = (a & sign) ? sign - (a & ~sign) : sign + a;
  unsigned long long mb = (b & sign) ? sign - (b & ~sign) : sign + b;
  return ma > mb ? ma - mb : mb - ma;
}

inline bool slotMatches(const Slot &dev, const Slot &host) {
  if (dev.bits == host.bits)
    return true;
  if (host.kind == kSlotInt)
    return false;
  bool isFloat = host.kind == kSlotFloat;
  unsigned long long sign = isFloat ? 0x80000000ull : 0x8000000000000000ull;
  unsigned long long expMask = isFloat ? 0x7f800000ull : 0x7ff0000000000000ull;
  unsigned long long fracMask = isFloat ? 0x007fffffull : 0x000fffffffffffffull;
  auto isNan = [&](unsigned long long b) {
    return (b & expMask) == expMask && (b & fracMask) != 0;
  };
  if (isNan(dev.bits) && isNan(host.bits))
    return true; // NaN payloads differ between implementations
  if (isNan(dev.bits) || isNan(host.bits) || host.ulps == 0)
    return false;
  return ulpDistance(dev.bits, host.bits, sign) <= (unsigned long long)host.ulps;
}

// Prints "<name>: N mismatches" and the first few; returns N.
inline int compareSlots(const char *name, const Slot *dev, const Slot *host, int inputs,
                        int slotsPerInput) {
  int mismatches = 0;
  for (int i = 0; i < inputs; ++i)
    for (int s = 0; s < slotsPerInput; ++s) {
      const Slot &d = dev[i * slotsPerInput + s];
      const Slot &h = host[i * slotsPerInput + s];
      if (slotMatches(d, h))
        continue;
      if (mismatches < 8)
        printf("  %s input %d slot %d: device %#llx host %#llx\n", name, i, s, d.bits, h.bits);
      ++mismatches;
    }
  printf("%s: %d mismatches\n", name, mismatches);
  return mismatches;
}

#define DIFF_CHECK(call)                                                                           \
  do {                                                                                             \
    cudaError_t diffErr = (call);                                                                  \
    if (diffErr != cudaSuccess) {                                                                  \
      printf("CUDA error %d at line %d\n", (int)diffErr, __LINE__);                                \
      return 1;                                                                                    \
    }                                                                                              \
  } while (0)

// Runs `kernel` over `count` cases into device slots and `hostCase` on the
// host, then compares. Each case writes at most slotsPerCase slots.
template <typename Input, typename Kernel, typename HostCase>
int runDifferential(const char *name, const Input *inputs, int inputCount, int count,
                    int slotsPerCase, Kernel kernel, HostCase hostCase) {
  Slot *hostSlots = new Slot[(size_t)count * slotsPerCase]();
  Slot *devSlots = new Slot[(size_t)count * slotsPerCase]();
  int maxWritten = 0;
  for (int i = 0; i < count; ++i) {
    int written = hostCase(inputs, inputCount, i, hostSlots + (size_t)i * slotsPerCase);
    if (written > maxWritten)
      maxWritten = written;
  }
  if (maxWritten > slotsPerCase) {
    printf("%s: %d slots written, only %d reserved\n", name, maxWritten, slotsPerCase);
    return 1;
  }
  Input *dIn = nullptr;
  Slot *dOut = nullptr;
  DIFF_CHECK(cudaMalloc(&dIn, sizeof(Input) * inputCount));
  DIFF_CHECK(cudaMalloc(&dOut, sizeof(Slot) * count * slotsPerCase));
  DIFF_CHECK(cudaMemcpy(dIn, inputs, sizeof(Input) * inputCount, cudaMemcpyHostToDevice));
  DIFF_CHECK(cudaMemset(dOut, 0, sizeof(Slot) * count * slotsPerCase));
  kernel<<<(count + 63) / 64, 64>>>(dIn, inputCount, count, dOut);
  DIFF_CHECK(cudaGetLastError());
  DIFF_CHECK(
      cudaMemcpy(devSlots, dOut, sizeof(Slot) * count * slotsPerCase, cudaMemcpyDeviceToHost));
  int mismatches = compareSlots(name, devSlots, hostSlots, count, slotsPerCase);
  printf("%s: %d results compared\n", name, count * maxWritten);
  cudaFree(dIn);
  cudaFree(dOut);
  delete[] hostSlots;
  delete[] devSlots;
  return mismatches;
}
