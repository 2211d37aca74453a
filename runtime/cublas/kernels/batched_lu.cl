// Batched LU factorization and its solves (getrf/getrs/getri batched).
// Needs blas_common.cl before it.
