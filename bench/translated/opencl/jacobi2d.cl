// Twin of jacobi2d<16, 16>: one 5-point Jacobi step through a local tile with
// a one-cell halo; boundary cells are copied.
#define BX 16
#define BY 16

__kernel void jacobi2d(__global const float *in, __global float *out, int nx, int ny, float c0,
                       float c1) {
  __local float tile[BY + 2][BX + 2];
  int lx = get_local_id(0), ly = get_local_id(1);
  int x = get_group_id(0) * BX + lx;
  int y = get_group_id(1) * BY + ly;
  int tx = lx + 1, ty = ly + 1;
  bool inside = x < nx && y < ny;
  if (inside) {
    tile[ty][tx] = in[y * nx + x];
    if (lx == 0 && x > 0)
      tile[ty][0] = in[y * nx + x - 1];
    if (lx == BX - 1 && x < nx - 1)
      tile[ty][BX + 1] = in[y * nx + x + 1];
    if (ly == 0 && y > 0)
      tile[0][tx] = in[(y - 1) * nx + x];
    if (ly == BY - 1 && y < ny - 1)
      tile[BY + 1][tx] = in[(y + 1) * nx + x];
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  if (!inside)
    return;
  if (x == 0 || y == 0 || x == nx - 1 || y == ny - 1) {
    out[y * nx + x] = tile[ty][tx];
    return;
  }
  out[y * nx + x] = c0 * tile[ty][tx] + c1 * (tile[ty][tx - 1] + tile[ty][tx + 1] +
                                              tile[ty - 1][tx] + tile[ty + 1][tx]);
}
