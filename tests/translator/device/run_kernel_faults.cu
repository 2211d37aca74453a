// Faulting kernels end in CUDA's sticky cudaErrorIllegalAddress, not in a
// crash: each fault kind runs in its own process, which must report the
// error at the next synchronizing call (and keep reporting it), explain it
// under CUCL_VERBOSE=1 with the kernel's name, and, after cudaDeviceReset,
// run a second kernel correctly. A crash in host code stays a crash.
// Memcheck catches these before they fault (tests/translator/memcheck).
// UNSUPPORTED: memcheck
// RUN: %cuclcc %s -o %t
// RUN: env CUCL_VERBOSE=1 %t wild-write 2>&1 | FileCheck %s --check-prefixes=CHECK,FAULT,WILD-WRITE
// RUN: env CUCL_VERBOSE=1 %t wild-read 2>&1 | FileCheck %s --check-prefixes=CHECK,FAULT,WILD-READ
// RUN: env CUCL_VERBOSE=1 %t null-write 2>&1 | FileCheck %s --check-prefixes=CHECK,FAULT,NULL-WRITE
// RUN: env CUCL_VERBOSE=1 %t null-read 2>&1 | FileCheck %s --check-prefixes=CHECK,FAULT,NULL-READ
// RUN: env CUCL_VERBOSE=1 %t non-canonical 2>&1 | FileCheck %s --check-prefixes=CHECK,FAULT,NON-CANONICAL
// RUN: env CUCL_VERBOSE=1 %t non-canonical-write 2>&1 | FileCheck %s --check-prefixes=CHECK,FAULT,NON-CANONICAL-WRITE
// RUN: env CUCL_VERBOSE=1 %t shared-index 2>&1 | FileCheck %s --check-prefixes=CHECK,FAULT,SHARED
// RUN: env CUCL_VERBOSE=1 %t wild-sweep 2>&1 | FileCheck %s --check-prefixes=CHECK,FAULT,SWEEP
// RUN: env CUCL_VERBOSE=1 %t wild-index 2>&1 | FileCheck %s --check-prefixes=CHECK,FAULT,INDEX
// RUN: env CUCL_VERBOSE=1 %t stream 2>&1 | FileCheck %s --check-prefixes=CHECK,STREAM
// RUN: %t large-private 2>&1 | FileCheck %s --check-prefix=PRIVATE
// RUN: %not --crash %t host-crash
// RUN: %not %t own-handler 2>&1 | FileCheck %s --check-prefix=OWN
//
// FAULT: launch: cudaSuccess
// WILD-WRITE: kernel wildWrite: illegal write at address
// WILD-READ: kernel wildRead: illegal access at address
// NULL-WRITE: kernel nullWrite: illegal write at address 0
// NULL-READ: kernel nullRead: illegal access at address
// NON-CANONICAL: kernel nonCanonical: illegal access at address 0x
// NON-CANONICAL-WRITE: kernel wildWrite: illegal write at address 0x
// SHARED: kernel sharedIndex: illegal access at address
// SWEEP: kernel wildSweep: illegal access at address
// INDEX: kernel gatherThroughTable_256: illegal access at address
// STREAM: launch: cudaSuccess
// STREAM: kernel wildWrite: illegal write at address
// STREAM: cudaStreamSynchronize: cudaErrorIllegalAddress
// STREAM-NEXT: cudaMemcpy: cudaErrorIllegalAddress
// CHECK: synchronize: cudaErrorIllegalAddress
// CHECK-NEXT: last error: cudaErrorIllegalAddress
// CHECK-NEXT: sticky: cudaErrorIllegalAddress
// CHECK-NEXT: after reset: cudaSuccess, second kernel correct
// OWN: kernel fault: cudaErrorIllegalAddress
// OWN-NEXT: the program's own handler caught its host fault
// PRIVATE: launch: cudaSuccess
// PRIVATE-NEXT: synchronize: cudaSuccess
// PRIVATE-NEXT: private arrays correct
// PRIVATE-NEXT: after reset: cudaSuccess, second kernel correct

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <signal.h>
#include <unistd.h>

#include "Inputs/second_kernel.cuh"

#define REPORT(label, call) std::printf("%s: %s\n", label, cudaGetErrorName(call))

__global__ void wildWrite(int *p, long long far) { p[threadIdx.x + far] = 7; }
__global__ void wildRead(const int *p, int *out, long long far) {
  out[threadIdx.x] = p[threadIdx.x * 1024 + far];
}
__global__ void nullWrite(int *p) { p[blockIdx.x * blockDim.x + threadIdx.x] = 1; }
__global__ void nullRead(const int *p, int *out) {
  out[threadIdx.x] = p[blockIdx.x * blockDim.x + threadIdx.x] + 1;
}
__global__ void nonCanonical(const float *p, float *out, long long away) {
  out[threadIdx.x] = p[threadIdx.x + away];
}
__global__ void sharedIndex(int *out, int far) {
  __shared__ int tile[64];
  tile[threadIdx.x] = threadIdx.x;
  __syncthreads();
  out[threadIdx.x] = tile[threadIdx.x + far];
}
// A grid-stride loop over 64 MiB that is not there.
__global__ void wildSweep(const float *in, float *out, long long n, long long far) {
  float sum = 0.0f;
  for (long long i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x)
    sum += in[far + i];
  out[blockIdx.x * blockDim.x + threadIdx.x] = sum;
}
// An index table with garbage in it: the loads are vectorized gathers
// (AVX-512 on PoCL), whose wild lanes land in the runtime's reserved,
// inaccessible device address range.
template <int BLOCK>
__global__ void gatherThroughTable(const float *in, float *out, const int *table) {
  __shared__ float partial[BLOCK];
  int i = blockIdx.x * BLOCK + threadIdx.x;
  partial[threadIdx.x] = in[i + table[blockIdx.x]];
  __syncthreads();
  for (int k = BLOCK / 2; k > 0; k >>= 1) {
    if (threadIdx.x < k)
      partial[threadIdx.x] += partial[threadIdx.x + k];
    __syncthreads();
  }
  if (threadIdx.x == 0)
    out[blockIdx.x] = partial[0];
}
// 16 KiB per thread, 1,024 threads per block: CUDA runs it.
__global__ void largePrivate(int *out) {
  int buf[4096];
  for (int i = 0; i < 4096; ++i)
    buf[i] = i ^ threadIdx.x;
  __syncthreads();
  int k = (threadIdx.x * 7) % 4096;
  out[blockIdx.x * blockDim.x + threadIdx.x] = buf[k] + buf[4095 - k];
}

// A program with its own crash handler keeps it for its own faults.
static void ownHandler(int) {
  static const char text[] = "the program's own handler caught its host fault\n";
  (void)!write(1, text, sizeof text - 1);
  _exit(3);
}

int main(int argc, char **argv) {
  std::setvbuf(stdout, nullptr, _IONBF, 0); // in order with the runtime's messages
  const char *kind = argc > 1 ? argv[1] : "";
  int *d = nullptr;
  float *f = nullptr;
  cudaMalloc(&d, 1 << 20);
  cudaMalloc(&f, 1 << 20);
  const long long far = 1ll << 34; // 64 GiB past the allocation
  if (!std::strcmp(kind, "own-handler")) {
    struct sigaction action {};
    action.sa_handler = ownHandler;
    sigaction(SIGSEGV, &action, nullptr);
    wildWrite<<<1, 32>>>(d, far);
    REPORT("kernel fault", cudaDeviceSynchronize());
    volatile int *host = nullptr;
    *host = 1;
    return 0;
  }
  if (!std::strcmp(kind, "host-crash")) {
    volatile int *host = nullptr;
    *host = 1; // the program's own bug: not the guard's to hide
  } else if (!std::strcmp(kind, "wild-write")) {
    wildWrite<<<4, 256>>>(d, far);
  } else if (!std::strcmp(kind, "wild-read")) {
    wildRead<<<4, 256>>>(d, d, far);
  } else if (!std::strcmp(kind, "null-write")) {
    nullWrite<<<4, 256>>>(nullptr);
  } else if (!std::strcmp(kind, "null-read")) {
    nullRead<<<4, 256>>>(nullptr, d);
  } else if (!std::strcmp(kind, "non-canonical")) {
    nonCanonical<<<1, 256>>>(f, f, -(1ll << 60));
  } else if (!std::strcmp(kind, "non-canonical-write")) {
    // The CPU reports neither address nor direction for these (a general
    // protection fault): the message must still say both.
    wildWrite<<<1, 256>>>(d, -(1ll << 60));
  } else if (!std::strcmp(kind, "shared-index")) {
    sharedIndex<<<1, 64>>>(d, -0x7fffffff - 1); // 8 GiB below the block's shared memory
  } else if (!std::strcmp(kind, "wild-sweep")) {
    wildSweep<<<64, 256>>>(f, f, 1 << 24, far);
  } else if (!std::strcmp(kind, "wild-index")) {
    int table[64] = {};
    table[63] = 0x7fffffff;
    cudaMemcpy(d, table, sizeof table, cudaMemcpyHostToDevice);
    gatherThroughTable<256><<<64, 256>>>(f, f, d);
  } else if (!std::strcmp(kind, "stream")) {
    cudaStream_t stream;
    cudaStreamCreate(&stream);
    wildWrite<<<1, 32, 0, stream>>>(d, far);
    REPORT("launch", cudaGetLastError());
    REPORT("cudaStreamSynchronize", cudaStreamSynchronize(stream));
    int h = 0;
    REPORT("cudaMemcpy", cudaMemcpy(&h, d, sizeof h, cudaMemcpyDeviceToHost));
  } else if (!std::strcmp(kind, "large-private")) {
    largePrivate<<<2, 1024>>>(d);
  } else {
    std::fprintf(stderr, "unknown fault kind '%s'\n", kind);
    return 2;
  }
  if (std::strcmp(kind, "stream") != 0)
    REPORT("launch", cudaGetLastError());
  REPORT("synchronize", cudaDeviceSynchronize());
  if (!std::strcmp(kind, "large-private")) {
    static int h[2048];
    cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
    bool right = true;
    for (int i = 0; i < 2048; ++i) {
      int t = i % 1024, k = (t * 7) % 4096;
      right &= h[i] == ((k ^ t) + ((4095 - k) ^ t));
    }
    std::printf("private arrays %s\n", right ? "correct" : "WRONG");
  } else {
    REPORT("last error", cudaGetLastError());
    REPORT("sticky", cudaMemset(d, 0, 16));
  }
  cudaError_t reset = cudaDeviceReset();
  std::printf("after reset: %s, second kernel %s\n", cudaGetErrorName(reset),
              secondKernelWorks() ? "correct" : "WRONG");
  return 0;
}
