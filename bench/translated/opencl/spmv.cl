// Twin of spmvCsrScalar: CSR matrix times vector, one work-item per row.
__kernel void spmvCsrScalar(int rows, __global const int *rowPtr, __global const int *cols,
                            __global const float *vals, __global const float *x,
                            __global float *y) {
  int row = get_global_id(0);
  if (row < rows) {
    float dot = 0.0f;
    for (int j = rowPtr[row]; j < rowPtr[row + 1]; ++j)
      dot += vals[j] * x[cols[j]];
    y[row] = dot;
  }
}
