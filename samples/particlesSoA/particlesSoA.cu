// particlesSoA: a structure-of-arrays particle system whose kernels take a
// struct of device pointers by value, as most particle and molecular-dynamics
// codes do, plus a per-cell list of particle pointers built on the device
// (pointers stored in device memory). Each step applies gravity, integrates,
// bounces off the floor; the cell histogram is rebuilt from the stored
// pointers. Verified against the same steps on the host.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

struct ParticleArrays {
  float *x, *y;   // position
  float *vx, *vy; // velocity
  const float *invMass;
  int count;
};

// The cells of a grid over [0, 1) x [0, 1): each slot holds a pointer to a
// particle's x coordinate (the particle's "handle").
struct CellLists {
  float **slots; // cellCapacity slots per cell
  int *fill;     // particles per cell
  int cells, cellCapacity;
};

__device__ __forceinline__ int cellOf(float x, float y, int side) {
  int cx = min(max(int(x * side), 0), side - 1);
  int cy = min(max(int(y * side), 0), side - 1);
  return cy * side + cx;
}

__global__ void integrate(ParticleArrays p, float dt, float gravity) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= p.count)
    return;
  float vy = p.vy[i] - gravity * dt * p.invMass[i];
  float y = p.y[i] + vy * dt;
  if (y < 0.0f) { // bounce, losing some energy
    y = -y;
    vy = -0.8f * vy;
  }
  p.vy[i] = vy;
  p.y[i] = y;
  p.x[i] += p.vx[i] * dt;
  if (p.x[i] < 0.0f || p.x[i] >= 1.0f) {
    p.vx[i] = -p.vx[i];
    p.x[i] = fminf(fmaxf(p.x[i], 0.0f), 0.999f);
  }
}

__global__ void binParticles(ParticleArrays p, CellLists lists, int side) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= p.count)
    return;
  int cell = cellOf(p.x[i], fminf(p.y[i], 0.999f), side);
  int slot = atomicAdd(&lists.fill[cell], 1);
  if (slot < lists.cellCapacity)
    lists.slots[cell * lists.cellCapacity + slot] = &p.x[i];
}

// Mean x of each cell's particles, read back through the stored pointers.
__global__ void cellMeans(CellLists lists, float *means) {
  int cell = blockIdx.x * blockDim.x + threadIdx.x;
  if (cell >= lists.cells)
    return;
  int n = min(lists.fill[cell], lists.cellCapacity);
  float sum = 0.0f;
  float *const *slots = lists.slots + cell * lists.cellCapacity;
  for (int k = 0; k < n; ++k)
    sum += *slots[k];
  means[cell] = n > 0 ? sum / n : 0.0f;
}

int main() {
  printDevice();
  const int count = 20000, steps = 50, side = 8, capacity = 2048;
  const float dt = 0.01f, gravity = 9.81f;
  std::vector<float> x(count), y(count), vx(count), vy(count), invMass(count);
  for (int i = 0; i < count; ++i) {
    x[i] = float((i * 7919) % count) / count;
    y[i] = 0.2f + 0.8f * float((i * 104729) % count) / count;
    vx[i] = 0.05f * float(i % 13) - 0.3f;
    vy[i] = 0.0f;
    invMass[i] = 1.0f / (1.0f + float(i % 5));
  }

  ParticleArrays d{};
  d.count = count;
  float *deviceInvMass = nullptr;
  float **fields[] = {&d.x, &d.y, &d.vx, &d.vy, &deviceInvMass};
  std::vector<float> *hostFields[] = {&x, &y, &vx, &vy, &invMass};
  for (int f = 0; f < 5; ++f) {
    CHECK_CUDA(cudaMalloc(fields[f], count * sizeof(float)));
    CHECK_CUDA(cudaMemcpy(*fields[f], hostFields[f]->data(), count * sizeof(float),
                          cudaMemcpyHostToDevice));
  }
  d.invMass = deviceInvMass;

  CellLists lists{};
  lists.cells = side * side;
  lists.cellCapacity = capacity;
  CHECK_CUDA(cudaMalloc(&lists.slots, sizeof(float *) * lists.cells * capacity));
  CHECK_CUDA(cudaMalloc(&lists.fill, sizeof(int) * lists.cells));
  float *deviceMeans = nullptr;
  CHECK_CUDA(cudaMalloc(&deviceMeans, sizeof(float) * lists.cells));

  const int threads = 256, blocks = (count + threads - 1) / threads;
  for (int s = 0; s < steps; ++s)
    integrate<<<blocks, threads>>>(d, dt, gravity);
  CHECK_CUDA(cudaMemset(lists.fill, 0, sizeof(int) * lists.cells));
  binParticles<<<blocks, threads>>>(d, lists, side);
  cellMeans<<<1, 64>>>(lists, deviceMeans);
  CHECK_CUDA(cudaGetLastError());

  // The same steps on the host.
  for (int s = 0; s < steps; ++s)
    for (int i = 0; i < count; ++i) {
      float v = vy[i] - gravity * dt * invMass[i];
      float py = y[i] + v * dt;
      if (py < 0.0f) {
        py = -py;
        v = -0.8f * v;
      }
      vy[i] = v;
      y[i] = py;
      x[i] += vx[i] * dt;
      if (x[i] < 0.0f || x[i] >= 1.0f) {
        vx[i] = -vx[i];
        x[i] = std::fmin(std::fmax(x[i], 0.0f), 0.999f);
      }
    }
  std::vector<float> gotX(count), gotY(count), means(lists.cells);
  std::vector<int> fill(lists.cells);
  CHECK_CUDA(cudaMemcpy(gotX.data(), d.x, count * sizeof(float), cudaMemcpyDeviceToHost));
  CHECK_CUDA(cudaMemcpy(gotY.data(), d.y, count * sizeof(float), cudaMemcpyDeviceToHost));
  CHECK_CUDA(cudaMemcpy(means.data(), deviceMeans, sizeof(float) * lists.cells,
                        cudaMemcpyDeviceToHost));
  CHECK_CUDA(cudaMemcpy(fill.data(), lists.fill, sizeof(int) * lists.cells,
                        cudaMemcpyDeviceToHost));
  bool passed = true;
  for (int i = 0; i < count && passed; ++i)
    if (std::fabs(gotX[i] - x[i]) > 1e-4f || std::fabs(gotY[i] - y[i]) > 1e-3f) {
      std::fprintf(stderr, "particle %d: (%f, %f) != (%f, %f)\n", i, gotX[i], gotY[i], x[i], y[i]);
      passed = false;
    }
  // Cells from the device's positions (a particle on a cell border may
  // fall either way on the host), then their mean x.
  std::vector<int> expectedFill(lists.cells, 0);
  std::vector<double> sums(lists.cells, 0.0);
  for (int i = 0; i < count; ++i) {
    int cx = std::min(std::max(int(gotX[i] * side), 0), side - 1);
    int cy = std::min(std::max(int(std::fmin(gotY[i], 0.999f) * side), 0), side - 1);
    ++expectedFill[cy * side + cx];
    sums[cy * side + cx] += gotX[i];
  }
  int total = 0;
  for (int c = 0; c < lists.cells && passed; ++c) {
    total += fill[c];
    double mean = expectedFill[c] ? sums[c] / expectedFill[c] : 0.0;
    if (fill[c] != expectedFill[c] || expectedFill[c] > capacity ||
        std::fabs(means[c] - mean) > 1e-4) {
      std::fprintf(stderr, "cell %d: %d particles, mean %f; expected %d, %f\n", c, fill[c],
                   means[c], expectedFill[c], mean);
      passed = false;
    }
  }
  std::printf("%d particles, %d steps, %d binned into %d cells\n", count, steps, total,
              lists.cells);

  for (int f = 0; f < 5; ++f)
    CHECK_CUDA(cudaFree(*fields[f]));
  CHECK_CUDA(cudaFree(lists.slots));
  CHECK_CUDA(cudaFree(lists.fill));
  CHECK_CUDA(cudaFree(deviceMeans));
  return reportResult("particlesSoA", passed);
}
