/* Calls the API from C, where an enum parameter is just an int: lets tests
 * pass values outside the enumerators' range without undefined behaviour. */
#include <cuda_runtime_api.h>

const char *c_error_name(int code) {
  return cudaGetErrorName((cudaError_t)code);
}
const char *c_error_string(int code) {
  return cudaGetErrorString((cudaError_t)code);
}
cudaError_t c_memcpy(void *dst, const void *src, size_t count, int kind) {
  return cudaMemcpy(dst, src, count, (enum cudaMemcpyKind)kind);
}
cudaError_t c_device_attribute(int *value, int attr, int device) {
  return cudaDeviceGetAttribute(value, (enum cudaDeviceAttr)attr, device);
}
