// Twin of transpose<32, 8>: work-groups of TILE x ROWS move a TILE x TILE
// tile through a padded local array.
#define TILE 32
#define ROWS 8

__kernel void transpose(__global float *out, __global const float *in, int width, int height) {
  __local float tile[TILE][TILE + 1];
  int lx = get_local_id(0), ly = get_local_id(1);
  int x = get_group_id(0) * TILE + lx;
  int y = get_group_id(1) * TILE + ly;
  for (int j = 0; j < TILE; j += ROWS)
    if (x < width && y + j < height)
      tile[ly + j][lx] = in[(y + j) * width + x];
  barrier(CLK_LOCAL_MEM_FENCE);
  x = get_group_id(1) * TILE + lx;
  y = get_group_id(0) * TILE + ly;
  for (int j = 0; j < TILE; j += ROWS)
    if (x < height && y + j < width)
      out[(y + j) * height + x] = tile[lx][ly + j];
}
