/* cucl's pointers in memory (docs/design.md, "Pointers in device memory").
 * cucl-translate adds this file to modules with a CUCL_KERNEL_HEAP kernel
 * (include/cucl/module_abi.h).
 *
 * A pointer stored in memory (a struct field, an array element, the target of
 * a T**, a __device__ variable) is its 64-bit device address, as on CUDA, so
 * the host and other kernels can write and read it. A kernel turns one into a
 * __global pointer through the launch's heap: `heap + (address - origin)`.
 * Null stays null both ways. */

__global uchar *cucl_far_to_near(__global uchar *heap, ulong origin, ulong address) {
  return address != 0ul ? heap + (address - origin) : (__global uchar *)0;
}

ulong cucl_near_to_far(__global uchar *heap, ulong origin, const __global void *pointer) {
  return pointer != 0 ? (ulong)((const __global uchar *)pointer - heap) + origin : 0ul;
}
