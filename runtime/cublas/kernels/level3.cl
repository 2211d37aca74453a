// The small kernels of the blocked level-3 routines (trsm, trmm, syrk,
// symm), whose bulk runs on the GEMM engine. Needs blas_common.cl before it.
