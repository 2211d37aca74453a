// bench-pointer-model: kernel time under the three address models of
// docs/design.md, "Pointers in device memory". Run without arguments, it runs
// itself three times (CUCL_DEVICE_ADDRESSES=reserved, =svm, =arena), each
// printing the best time of each kernel, and prints reserved / svm and
// reserved / arena per kernel: kernels that store no pointers are the same
// code in all, so only the allocations differ. Then, in the svm and arena
// processes, a particle update taking a struct of pointers by value (each
// field a stored pointer turned into a __global one) against the same update
// with plain pointer arguments. Never fails on time.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include <unistd.h>

#include <cuda_runtime.h>

#include "../common/cuda_timing.h"

__global__ void saxpy(int n, float a, const float *x, float *y) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    y[i] = a * x[i] + y[i];
}

__global__ void stencil(const float *in, float *out, int width, int height) {
  int x = blockIdx.x * blockDim.x + threadIdx.x, y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x < 1 || y < 1 || x >= width - 1 || y >= height - 1)
    return;
  int i = y * width + x;
  out[i] = 0.2f * (in[i] + in[i - 1] + in[i + 1] + in[i - width] + in[i + width]);
}

__global__ void reduce(const float *in, float *partial, int n) {
  __shared__ float sums[256];
  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    sum += in[i];
  sums[threadIdx.x] = sum;
  __syncthreads();
  for (int stride = blockDim.x / 2; stride > 0; stride /= 2) {
    if (threadIdx.x < stride)
      sums[threadIdx.x] += sums[threadIdx.x + stride];
    __syncthreads();
  }
  if (threadIdx.x == 0)
    partial[blockIdx.x] = sums[0];
}

__global__ void transpose(const float *in, float *out, int side) {
  __shared__ float tile[16][17];
  int x = blockIdx.x * 16 + threadIdx.x, y = blockIdx.y * 16 + threadIdx.y;
  tile[threadIdx.y][threadIdx.x] = in[y * side + x];
  __syncthreads();
  x = blockIdx.y * 16 + threadIdx.x;
  y = blockIdx.x * 16 + threadIdx.y;
  out[y * side + x] = tile[threadIdx.x][threadIdx.y];
}

struct Particles {
  float *x, *y, *vx, *vy;
  const float *mass;
};

__global__ void updateStruct(Particles p, int n, float dt) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  float m = p.mass[i];
  p.vx[i] -= dt * p.x[i] / m;
  p.vy[i] -= dt * p.y[i] / m;
  p.x[i] += dt * p.vx[i];
  p.y[i] += dt * p.vy[i];
}

__global__ void updatePlain(float *x, float *y, float *vx, float *vy, const float *mass, int n,
                            float dt) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  float m = mass[i];
  vx[i] -= dt * x[i] / m;
  vy[i] -= dt * y[i] / m;
  x[i] += dt * vx[i];
  y[i] += dt * vy[i];
}

// One process: best milliseconds of each kernel, one "name ms" line each.
int measure(bool shared) {
  const int n = 1 << 22, side = 1024, runs = 7;
  float *a = nullptr, *b = nullptr, *c = nullptr, *d = nullptr, *e = nullptr;
  for (float **buffer : {&a, &b, &c, &d, &e}) {
    check(cudaMalloc(buffer, n * sizeof(float)), "cudaMalloc");
    check(cudaMemset(*buffer, 0, n * sizeof(float)), "cudaMemset");
  }
  std::vector<float> ones(n, 1.0f);
  check(cudaMemcpy(e, ones.data(), n * sizeof(float), cudaMemcpyHostToDevice), "cudaMemcpy");
  auto report = [](const char *name, double ms) { std::printf("%s %.4f\n", name, ms); };
  report("saxpy", bestMs([&] { saxpy<<<256, 256>>>(n, 2.0f, a, b); }, runs));
  report(
      "stencil",
      bestMs(
          [&] { stencil<<<dim3(side / 16, n / side / 16), dim3(16, 16)>>>(a, b, side, n / side); },
          runs));
  report("reduce", bestMs([&] { reduce<<<64, 256>>>(a, c, n); }, runs));
  report(
      "transpose",
      bestMs([&] { transpose<<<dim3(side / 16, side / 16), dim3(16, 16)>>>(a, b, side); }, runs));
  if (shared) {
    Particles p{a, b, c, d, e};
    report("particles/plain",
           bestMs([&] { updatePlain<<<n / 256, 256>>>(a, b, c, d, e, n, 0.01f); }, runs));
    report("particles/struct", bestMs([&] { updateStruct<<<n / 256, 256>>>(p, n, 0.01f); }, runs));
  }
  return 0;
}

std::map<std::string, double> runChild(const char *self, const char *model) {
  std::string command = std::string("CUCL_DEVICE_ADDRESSES=") + model + " '" + self + "' child";
  std::map<std::string, double> times;
  FILE *pipe = popen(command.c_str(), "r");
  if (pipe == nullptr)
    return times;
  char name[64];
  double ms = 0.0;
  while (std::fscanf(pipe, "%63s %lf", name, &ms) == 2)
    times[name] = ms;
  pclose(pipe);
  return times;
}

int main(int argc, char **argv) {
  if (argc > 1 && std::strcmp(argv[1], "child") == 0) {
    const char *model = std::getenv("CUCL_DEVICE_ADDRESSES");
    return measure(model != nullptr && std::strcmp(model, "reserved") != 0);
  }
  cudaDeviceProp prop{};
  check(cudaGetDeviceProperties(&prop, 0), "cudaGetDeviceProperties");
  std::printf("bench-pointer-model on %s\n", prop.name);
  char self[4096] = {};
  if (readlink("/proc/self/exe", self, sizeof self - 1) <= 0)
    std::snprintf(self, sizeof self, "%s", argv[0]);
  std::map<std::string, double> reserved = runChild(self, "reserved");
  std::map<std::string, double> svm = runChild(self, "svm");
  std::map<std::string, double> arena = runChild(self, "arena");
  if (reserved.empty() || svm.empty() || arena.empty()) {
    std::fprintf(stderr, "a measuring process failed\n");
    return 1;
  }
  std::printf("%-12s %12s %12s %12s %16s %18s\n", "kernel", "reserved ms", "svm ms", "arena ms",
              "reserved / svm", "reserved / arena");
  double logSvm = 0.0, logArena = 0.0;
  int count = 0;
  for (const auto &[name, ms] : reserved) {
    double inSvm = svm.count(name) ? svm[name] : NAN;
    double inArena = arena.count(name) ? arena[name] : NAN;
    std::printf("%-12s %12.3f %12.3f %12.3f %15.2fx %17.2fx\n", name.c_str(), ms, inSvm, inArena,
                ms / inSvm, ms / inArena);
    logSvm += std::log(ms / inSvm);
    logArena += std::log(ms / inArena);
    ++count;
  }
  std::printf("geometric mean reserved / svm: %.2fx, reserved / arena: %.2fx\n",
              std::exp(logSvm / count), std::exp(logArena / count));
  for (auto *model : {&svm, &arena})
    if (model->count("particles/plain") && model->count("particles/struct"))
      std::printf("struct of pointers (%s): plain %.3f ms, struct %.3f ms, plain / struct %.2fx\n",
                  model == &svm ? "svm" : "arena", (*model)["particles/plain"],
                  (*model)["particles/struct"],
                  (*model)["particles/plain"] / (*model)["particles/struct"]);
  return 0;
}
