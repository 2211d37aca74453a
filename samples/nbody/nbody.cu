// nbody: one all-pairs gravity step. Positions are float4 (xyz + mass),
// bodies are staged through __shared__ memory one tile at a time, and the
// inverse distance uses rsqrtf with a softening term.
#include <cmath>
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

const int kTile = 64;
const float kSoftening2 = 0.01f;

__device__ float3 bodyInteraction(float4 self, float4 other, float3 acc) {
  float3 r = make_float3(other.x - self.x, other.y - self.y, other.z - self.z);
  float dist2 = r.x * r.x + r.y * r.y + r.z * r.z + kSoftening2;
  float invDist = rsqrtf(dist2);
  float s = other.w * invDist * invDist * invDist;
  acc.x += r.x * s;
  acc.y += r.y * s;
  acc.z += r.z * s;
  return acc;
}

__global__ void nbodyStep(const float4 *pos, float4 *vel, float4 *newPos, int n, float dt) {
  __shared__ float4 tile[kTile];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float4 self = (i < n) ? pos[i] : make_float4(0.0f, 0.0f, 0.0f, 0.0f);
  float3 acc = make_float3(0.0f, 0.0f, 0.0f);
  for (int start = 0; start < n; start += kTile) {
    int j = start + threadIdx.x;
    tile[threadIdx.x] = (j < n) ? pos[j] : make_float4(0.0f, 0.0f, 0.0f, 0.0f);  // mass 0: no force
    __syncthreads();
    for (int k = 0; k < kTile; ++k) {
      acc = bodyInteraction(self, tile[k], acc);
    }
    __syncthreads();
  }
  if (i < n) {
    float4 v = vel[i];
    v = make_float4(v.x + acc.x * dt, v.y + acc.y * dt, v.z + acc.z * dt, v.w);
    vel[i] = v;
    newPos[i] = make_float4(self.x + v.x * dt, self.y + v.y * dt, self.z + v.z * dt, self.w);
  }
}

int main() {
  printDevice();
  const int n = 1000;  // not a multiple of the tile
  const float dt = 0.01f;
  std::vector<float4> pos(n), vel(n), newPos(n), newVel(n);
  for (int i = 0; i < n; ++i) {
    pos[i] = make_float4(std::sin(0.37f * i) * 10.0f, std::cos(0.11f * i) * 10.0f,
                         0.01f * (i % 97) - 0.5f, 1.0f + 0.001f * (i % 50));
    vel[i] = make_float4(0.1f, -0.05f * (i % 3), 0.0f, 0.0f);
  }

  float4 *dPos = nullptr, *dVel = nullptr, *dNewPos = nullptr;
  const size_t bytes = n * sizeof(float4);
  CHECK_CUDA(cudaMalloc(&dPos, bytes));
  CHECK_CUDA(cudaMalloc(&dVel, bytes));
  CHECK_CUDA(cudaMalloc(&dNewPos, bytes));
  CHECK_CUDA(cudaMemcpy(dPos, pos.data(), bytes, cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(dVel, vel.data(), bytes, cudaMemcpyHostToDevice));
  nbodyStep<<<(n + kTile - 1) / kTile, kTile>>>(dPos, dVel, dNewPos, n, dt);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaMemcpy(newPos.data(), dNewPos, bytes, cudaMemcpyDeviceToHost));
  CHECK_CUDA(cudaMemcpy(newVel.data(), dVel, bytes, cudaMemcpyDeviceToHost));

  bool passed = true;
  for (int i = 0; i < n && passed; ++i) {  // host reference in double precision
    double ax = 0, ay = 0, az = 0;
    for (int j = 0; j < n; ++j) {
      double rx = pos[j].x - pos[i].x, ry = pos[j].y - pos[i].y, rz = pos[j].z - pos[i].z;
      double inv = 1.0 / std::sqrt(rx * rx + ry * ry + rz * rz + kSoftening2);
      double s = pos[j].w * inv * inv * inv;
      ax += rx * s; ay += ry * s; az += rz * s;
    }
    double vx = vel[i].x + ax * dt, vy = vel[i].y + ay * dt, vz = vel[i].z + az * dt;
    double px = pos[i].x + vx * dt, py = pos[i].y + vy * dt, pz = pos[i].z + vz * dt;
    double err = std::fabs(vx - newVel[i].x) + std::fabs(vy - newVel[i].y) + std::fabs(vz - newVel[i].z) +
                 std::fabs(px - newPos[i].x) + std::fabs(py - newPos[i].y) + std::fabs(pz - newPos[i].z);
    if (err > 1e-3 * (1.0 + std::fabs(vx) + std::fabs(vy) + std::fabs(vz)) || newPos[i].w != pos[i].w) {
      std::fprintf(stderr, "body %d: error %g\n", i, err);
      passed = false;
    }
  }

  CHECK_CUDA(cudaFree(dPos));
  CHECK_CUDA(cudaFree(dVel));
  CHECK_CUDA(cudaFree(dNewPos));
  return reportResult("nbody", passed);
}
