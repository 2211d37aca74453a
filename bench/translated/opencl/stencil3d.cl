// Twin of stencil3d<32, 8>: a 7-point stencil; a 2-D work-group marches along
// z with the planes behind and in front in registers and the current plane in
// a local tile. Only interior cells are written.
#define BX 32
#define BY 8

__kernel void stencil3d(__global const float *restrict in, __global float *restrict out, int nx,
                        int ny, int nz, float c0, float c1) {
  __local float tile[BY + 2][BX + 2];
  int lx = get_local_id(0), ly = get_local_id(1);
  int x = get_group_id(0) * BX + lx;
  int y = get_group_id(1) * BY + ly;
  int tx = lx + 1, ty = ly + 1;
  bool inside = x < nx && y < ny;
  bool interior = inside && x > 0 && y > 0 && x < nx - 1 && y < ny - 1;
  int plane = nx * ny;
  int idx = y * nx + x;
  float behind = 0.0f;
  float current = inside ? in[idx] : 0.0f;
  float infront = inside ? in[idx + plane] : 0.0f;
  for (int z = 1; z < nz - 1; ++z) {
    behind = current;
    current = infront;
    idx += plane;
    infront = inside ? in[idx + plane] : 0.0f;
    barrier(CLK_LOCAL_MEM_FENCE);
    if (inside) {
      tile[ty][tx] = current;
      if (lx == 0 && x > 0)
        tile[ty][0] = in[idx - 1];
      if (lx == BX - 1 && x < nx - 1)
        tile[ty][BX + 1] = in[idx + 1];
      if (ly == 0 && y > 0)
        tile[0][tx] = in[idx - nx];
      if (ly == BY - 1 && y < ny - 1)
        tile[BY + 1][tx] = in[idx + nx];
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    if (interior)
      out[idx] = c0 * current + c1 * (behind + infront + tile[ty][tx - 1] + tile[ty][tx + 1] +
                                      tile[ty - 1][tx] + tile[ty + 1][tx]);
  }
}
