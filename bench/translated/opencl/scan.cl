// Twin of scanBlocks<256> / addBlockSums<256>: a work-efficient exclusive
// scan of 2 * BLOCK elements per work-group (up-sweep, down-sweep), each
// group's total to blockSums; addBlockSums adds the scanned totals back.
#define BLOCK 256

__kernel void scanBlocks(__global const int *in, __global int *out, __global int *blockSums,
                         int n) {
  __local int temp[2 * BLOCK];
  int tid = get_local_id(0);
  int base = get_group_id(0) * 2 * BLOCK;
  temp[2 * tid] = base + 2 * tid < n ? in[base + 2 * tid] : 0;
  temp[2 * tid + 1] = base + 2 * tid + 1 < n ? in[base + 2 * tid + 1] : 0;
  int offset = 1;
  for (int d = BLOCK; d > 0; d >>= 1) {
    barrier(CLK_LOCAL_MEM_FENCE);
    if (tid < d) {
      int ai = offset * (2 * tid + 1) - 1;
      int bi = offset * (2 * tid + 2) - 1;
      temp[bi] += temp[ai];
    }
    offset *= 2;
  }
  if (tid == 0) {
    blockSums[get_group_id(0)] = temp[2 * BLOCK - 1];
    temp[2 * BLOCK - 1] = 0;
  }
  for (int d = 1; d < 2 * BLOCK; d *= 2) {
    offset >>= 1;
    barrier(CLK_LOCAL_MEM_FENCE);
    if (tid < d) {
      int ai = offset * (2 * tid + 1) - 1;
      int bi = offset * (2 * tid + 2) - 1;
      int t = temp[ai];
      temp[ai] = temp[bi];
      temp[bi] += t;
    }
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  if (base + 2 * tid < n)
    out[base + 2 * tid] = temp[2 * tid];
  if (base + 2 * tid + 1 < n)
    out[base + 2 * tid + 1] = temp[2 * tid + 1];
}

__kernel void addBlockSums(__global int *out, __global const int *scannedSums, int n) {
  int tid = get_local_id(0);
  int base = get_group_id(0) * 2 * BLOCK;
  int add = scannedSums[get_group_id(0)];
  if (base + tid < n)
    out[base + tid] += add;
  if (base + BLOCK + tid < n)
    out[base + BLOCK + tid] += add;
}
