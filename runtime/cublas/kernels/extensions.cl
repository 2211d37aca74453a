// BLAS-like extensions and simple level-2/3 routines: one work-item per
// element of the result (2-D NDRange: rows x columns), column-major.
// Needs blas_common.cl before it.
