// Twin of reduceSum<256>: two elements per thread per grid stride, then a
// tree over the local array; one partial sum per work-group.
#define BLOCK 256u

__kernel void reduceSum(__global const float *in, __global float *partial, uint n) {
  __local float sdata[BLOCK];
  uint tid = get_local_id(0);
  uint i = get_group_id(0) * (BLOCK * 2) + tid;
  uint gridSize = BLOCK * 2 * get_num_groups(0);
  float sum = 0.0f;
  while (i < n) {
    sum += in[i];
    if (i + BLOCK < n)
      sum += in[i + BLOCK];
    i += gridSize;
  }
  sdata[tid] = sum;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (uint s = BLOCK / 2; s > 0; s >>= 1) {
    if (tid < s)
      sdata[tid] += sdata[tid + s];
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  if (tid == 0)
    partial[get_group_id(0)] = sdata[0];
}
