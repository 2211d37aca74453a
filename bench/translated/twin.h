// The raw OpenCL side of bench-translated: its own context and queue on the
// OpenCL device cucl runs on, the hand-written twins of opencl/*.cl, and
// buffers in that context. Plain C++ with opaque handles, so translated.cu
// stays valid CUDA (it never sees an OpenCL header). Any OpenCL error prints
// what failed and ends the program: a twin that cannot run is a broken
// benchmark, not a measurement.
#pragma once

#include <cstddef>
#include <vector>

namespace twin {

// Opens the device whose CL_DEVICE_NAME is `deviceName` (the name cucl
// reports in cudaDeviceProp::name), searching every platform; the twins are
// read from `sourceDir`. Prints the platform and device it picked.
void open(const char *deviceName, const char *sourceDir);
void close();

struct Buffer {
  void *mem = nullptr;
  size_t bytes = 0;
};
Buffer alloc(size_t bytes);
Buffer upload(const void *host, size_t bytes);
void write(Buffer buffer, const void *host, size_t bytes); // blocking
void read(Buffer buffer, void *host, size_t bytes);        // blocking
void fill(Buffer buffer, int value);                       // every int of the buffer
void release(Buffer &buffer);

template <typename T> Buffer upload(const std::vector<T> &host) {
  return upload(host.data(), host.size() * sizeof(T));
}
template <typename T> std::vector<T> download(Buffer buffer, size_t count) {
  std::vector<T> host(count);
  read(buffer, host.data(), count * sizeof(T));
  return host;
}

struct Kernel {
  void *kernel = nullptr;
};
// Kernel `name` of opencl/<file>; each file is built once (default build
// options but -cl-std=CL1.2, as an OpenCL programmer builds; the environment
// variable TRANSLATED_TWIN_OPTIONS adds more).
Kernel kernel(const char *file, const char *name);

void setArg(Kernel kernel, unsigned index, size_t bytes, const void *value);
inline void setArg(Kernel kernel, unsigned index, Buffer buffer) {
  setArg(kernel, index, sizeof(void *), &buffer.mem);
}
template <typename T> void setArg(Kernel kernel, unsigned index, T value) {
  setArg(kernel, index, sizeof(T), &value);
}
template <typename... Args> void setArgs(Kernel kernel, Args... args) {
  unsigned index = 0;
  (setArg(kernel, index++, args), ...);
}

// Enqueues an NDRange of `dims` dimensions; global and local as in OpenCL
// (global = CUDA's grid * block).
void launch(Kernel kernel, unsigned dims, const size_t *global, const size_t *local);
void finish();

} // namespace twin
