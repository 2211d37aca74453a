// Level-2 routines beyond gemv: symv, trmv, trsv.
// Needs blas_common.cl before it.
