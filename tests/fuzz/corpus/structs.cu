struct Particle {
  float3 position;
  float3 velocity;
  float mass;
};

__device__ float3 add(float3 a, float3 b) { return make_float3(a.x + b.x, a.y + b.y, a.z + b.z); }
__device__ void scale(float3 &v, float s) {
  v.x *= s;
  v.y *= s;
  v.z *= s;
}

__global__ void step(Particle *particles, int n, float dt) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  Particle p = particles[i];
  float3 move = p.velocity;
  scale(move, dt / (p.mass > 0.0f ? p.mass : 1.0f));
  p.position = add(p.position, move);
  particles[i] = p;
}
