// Twin of nbodyForces<256>: all-pairs accelerations, positions (xyz, mass w)
// through a local tile one work-group width at a time; n is a multiple of
// BLOCK.
#define BLOCK 256

float3 bodyBodyInteraction(float4 bi, float4 bj, float3 ai, float softening2) {
  float3 r = bj.xyz - bi.xyz;
  float distSqr = dot(r, r) + softening2;
  float invDist = rsqrt(distSqr);
  float invDistCube = invDist * invDist * invDist;
  float s = bj.w * invDistCube;
  return ai + r * s;
}

__kernel void nbodyForces(__global const float4 *pos, __global float4 *accel, int n,
                          float softening2) {
  __local float4 shPos[BLOCK];
  int lid = get_local_id(0);
  int i = get_group_id(0) * BLOCK + lid;
  float4 me = pos[i];
  float3 acc = (float3)(0.0f, 0.0f, 0.0f);
  for (int tileStart = 0; tileStart < n; tileStart += BLOCK) {
    shPos[lid] = pos[tileStart + lid];
    barrier(CLK_LOCAL_MEM_FENCE);
#pragma unroll 4
    for (int j = 0; j < BLOCK; ++j)
      acc = bodyBodyInteraction(me, shPos[j], acc, softening2);
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  accel[i] = (float4)(acc, 0.0f);
}
