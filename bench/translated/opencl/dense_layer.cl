// Twin of denseLayer<16>: y = act(x W + b) with local TILE x TILE tiles of x
// and W; the generalized logistic activation (1 + e^-z)^(-1/nu) with the
// native (fast) functions, as __expf / __powf are on CUDA.
#define TILE 16

__kernel void denseLayer(__global const float *restrict x, __global const float *restrict w,
                         __global const float *restrict bias, __global float *restrict y, int batch,
                         int inputs, int outputs, float invNu) {
  __local float xs[TILE][TILE];
  __local float ws[TILE][TILE];
  int tx = get_local_id(0), ty = get_local_id(1);
  int row = get_group_id(1) * TILE + ty;
  int col = get_group_id(0) * TILE + tx;
  float acc = 0.0f;
  for (int k0 = 0; k0 < inputs; k0 += TILE) {
    xs[ty][tx] = row < batch && k0 + tx < inputs ? x[row * inputs + k0 + tx] : 0.0f;
    ws[ty][tx] = k0 + ty < inputs && col < outputs ? w[(k0 + ty) * outputs + col] : 0.0f;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int k = 0; k < TILE; ++k)
      acc += xs[ty][k] * ws[k][tx];
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  if (row < batch && col < outputs) {
    float z = acc + bias[col];
    y[row * outputs + col] = native_powr(1.0f + native_exp(-z), -invNu);
  }
}
