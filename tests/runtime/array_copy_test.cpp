// Copies to, from and between arrays (2-D, linear and 3-D forms, sync and
// async), cudaMemcpy3D between arrays, pitched device memory and host
// memory, cudaMalloc3D and cudaMemset3D: data and CUDA's error codes.
#include "texture_test_support.h"

namespace {

using namespace texture_kernels;

class ArrayCopy : public ::testing::Test {
protected:
  void SetUp() override { cudaGetLastError(); }
  void TearDown() override { cudaGetLastError(); }
};

std::vector<std::uint8_t> sequence(std::size_t n, int start = 1) {
  std::vector<std::uint8_t> bytes(n);
  for (std::size_t i = 0; i < n; ++i)
    bytes[i] = static_cast<std::uint8_t>(start + i * 7);
  return bytes;
}

struct Array {
  cudaArray_t handle = nullptr;
  Array(cudaChannelFormatDesc desc, cudaExtent extent, unsigned flags = 0) {
    EXPECT_EQ(cudaSuccess, cudaMalloc3DArray(&handle, &desc, extent, flags));
  }
  ~Array() { cudaFreeArray(handle); }
  Array(const Array &) = delete;
  Array &operator=(const Array &) = delete;
};

} // namespace

TEST_F(ArrayCopy, TwoDimensionalRoundTrips) {
  // 6 x 4 ushort2 texels: rows of 24 bytes.
  Array array(cudaCreateChannelDesc<ushort2>(), make_cudaExtent(6, 4, 0));
  std::vector<std::uint8_t> source = sequence(40 * 4); // rows of 40 bytes on the host
  CUDA_OK(
      cudaMemcpy2DToArray(array.handle, 0, 0, source.data(), 40, 24, 4, cudaMemcpyHostToDevice));
  std::vector<std::uint8_t> back(24 * 4, 0);
  CUDA_OK(
      cudaMemcpy2DFromArray(back.data(), 24, array.handle, 0, 0, 24, 4, cudaMemcpyDeviceToHost));
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 24; ++x)
      EXPECT_EQ(source[y * 40 + x], back[y * 24 + x]) << x << "," << y;

  // A sub-rectangle at an offset, through pitched device memory, with cudaMemcpyDefault.
  void *pitched = nullptr;
  size_t pitch = 0;
  CUDA_OK(cudaMallocPitch(&pitched, &pitch, 8, 2));
  std::vector<std::uint8_t> patch = sequence(16, 200);
  CUDA_OK(cudaMemcpy2D(pitched, pitch, patch.data(), 8, 8, 2, cudaMemcpyHostToDevice));
  CUDA_OK(cudaMemcpy2DToArray(array.handle, 12, 1, pitched, pitch, 8, 2, cudaMemcpyDefault));
  CUDA_OK(cudaMemcpy2DFromArray(back.data(), 24, array.handle, 0, 0, 24, 4, cudaMemcpyDefault));
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 24; ++x) {
      bool inPatch = y >= 1 && y < 3 && x >= 12 && x < 20;
      EXPECT_EQ(inPatch ? patch[(y - 1) * 8 + (x - 12)] : source[y * 40 + x], back[y * 24 + x]);
    }
  // Back into device memory, then to the host.
  CUDA_OK(
      cudaMemcpy2DFromArray(pitched, pitch, array.handle, 12, 1, 8, 2, cudaMemcpyDeviceToDevice));
  std::vector<std::uint8_t> again(16, 0);
  CUDA_OK(cudaMemcpy2D(again.data(), 8, pitched, pitch, 8, 2, cudaMemcpyDeviceToHost));
  EXPECT_EQ(patch, again);

  // The async forms on a stream.
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  std::vector<std::uint8_t> other = sequence(24 * 4, 99);
  CUDA_OK(cudaMemcpy2DToArrayAsync(array.handle, 0, 0, other.data(), 24, 24, 4,
                                   cudaMemcpyHostToDevice, stream));
  std::vector<std::uint8_t> result(24 * 4, 0);
  CUDA_OK(cudaMemcpy2DFromArrayAsync(result.data(), 24, array.handle, 0, 0, 24, 4,
                                     cudaMemcpyDeviceToHost, stream));
  CUDA_OK(cudaStreamSynchronize(stream));
  EXPECT_EQ(other, result);
  CUDA_OK(cudaStreamDestroy(stream));
  CUDA_OK(cudaFree(pitched));
}

TEST_F(ArrayCopy, TwoDimensionalErrors) {
  Array array(cudaCreateChannelDesc<float>(), make_cudaExtent(4, 3, 0));
  std::vector<std::uint8_t> host(64, 0);
  void *device = nullptr;
  CUDA_OK(cudaMalloc(&device, 64));
  auto kind = static_cast<cudaMemcpyKind>(7);
  EXPECT_EQ(cudaErrorInvalidMemcpyDirection,
            cudaMemcpy2DToArray(array.handle, 0, 0, host.data(), 16, 16, 3, kind));
  EXPECT_EQ(cudaErrorInvalidMemcpyDirection,
            cudaMemcpy2DFromArray(host.data(), 16, array.handle, 0, 0, 16, 3, kind));
  EXPECT_EQ(cudaErrorInvalidPitchValue,
            cudaMemcpy2DToArray(array.handle, 0, 0, host.data(), 8, 16, 3, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidPitchValue, cudaMemcpy2DFromArray(host.data(), 8, array.handle, 0, 0,
                                                              16, 3, cudaMemcpyDeviceToHost));
  // Past the array: a row is 16 bytes, there are 3 rows.
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy2DToArray(array.handle, 4, 0, host.data(), 16, 16, 3,
                                                       cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy2DToArray(array.handle, 0, 1, host.data(), 16, 16, 3,
                                                       cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy2DFromArray(host.data(), 16, array.handle, 0, 3, 16, 1,
                                                         cudaMemcpyDeviceToHost));
  // The pointer side must match the kind (the array side is always device).
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemcpy2DToArray(array.handle, 0, 0, device, 16, 16, 3, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy2DToArray(array.handle, 0, 0, host.data(), 16, 16, 3,
                                                       cudaMemcpyDeviceToDevice));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemcpy2DFromArray(device, 16, array.handle, 0, 0, 16, 3, cudaMemcpyDeviceToHost));
  // CUDA corrects a kind that puts the array on the host.
  EXPECT_EQ(cudaSuccess,
            cudaMemcpy2DToArray(array.handle, 0, 0, host.data(), 16, 16, 3, cudaMemcpyHostToHost));
  EXPECT_EQ(cudaSuccess,
            cudaMemcpy2DFromArray(device, 16, array.handle, 0, 0, 16, 3, cudaMemcpyDeviceToDevice));
  // The device side past its allocation.
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemcpy2DFromArray(device, 32, array.handle, 0, 0, 16, 3, cudaMemcpyDeviceToDevice));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemcpy2DToArray(array.handle, 0, 0, nullptr, 16, 16, 3, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemcpy2DToArray(nullptr, 0, 0, host.data(), 16, 16, 3, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemcpy2DFromArray(host.data(), 16, nullptr, 0, 0, 16, 3, cudaMemcpyDeviceToHost));
  // Nothing to copy.
  EXPECT_EQ(cudaSuccess,
            cudaMemcpy2DToArray(array.handle, 0, 0, nullptr, 16, 0, 3, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidResourceHandle,
            cudaMemcpy2DToArrayAsync(array.handle, 0, 0, host.data(), 16, 16, 3,
                                     cudaMemcpyHostToDevice, reinterpret_cast<cudaStream_t>(0x77)));
  CUDA_OK(cudaFree(device));
}

TEST_F(ArrayCopy, LinearCopiesRunAcrossRows) {
  Array array(cudaCreateChannelDesc<uchar4>(), make_cudaExtent(4, 3, 0)); // rows of 16 bytes
  std::vector<std::uint8_t> zeros(48, 0), data = sequence(20, 3);
  CUDA_OK(cudaMemcpyToArray(array.handle, 0, 0, zeros.data(), 48, cudaMemcpyHostToDevice));
  // 20 bytes from (8, 1): the rest of row 1 and part of row 2.
  CUDA_OK(cudaMemcpyToArray(array.handle, 8, 1, data.data(), 20, cudaMemcpyHostToDevice));
  std::vector<std::uint8_t> all(48, 0);
  CUDA_OK(cudaMemcpyFromArray(all.data(), array.handle, 0, 0, 48, cudaMemcpyDeviceToHost));
  for (int i = 0; i < 48; ++i)
    EXPECT_EQ(i >= 24 && i < 44 ? data[i - 24] : 0, all[i]) << i;
  std::vector<std::uint8_t> part(20, 0);
  CUDA_OK(cudaMemcpyFromArray(part.data(), array.handle, 8, 1, 20, cudaMemcpyDeviceToHost));
  EXPECT_EQ(data, part);

  // Between arrays, linear and 2-D.
  Array other(cudaCreateChannelDesc<uchar4>(), make_cudaExtent(4, 3, 0));
  CUDA_OK(cudaMemcpyArrayToArray(other.handle, 0, 0, array.handle, 0, 0, 48));
  CUDA_OK(cudaMemcpyFromArray(all.data(), other.handle, 0, 0, 48, cudaMemcpyDeviceToHost));
  for (int i = 0; i < 48; ++i)
    EXPECT_EQ(i >= 24 && i < 44 ? data[i - 24] : 0, all[i]) << i;
  CUDA_OK(cudaMemcpyToArray(other.handle, 0, 0, zeros.data(), 48, cudaMemcpyHostToDevice));
  CUDA_OK(cudaMemcpy2DArrayToArray(other.handle, 4, 0, array.handle, 8, 1, 8, 2));
  CUDA_OK(cudaMemcpyFromArray(all.data(), other.handle, 0, 0, 48, cudaMemcpyDeviceToHost));
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 16; ++x) {
      int expected = 0;
      if (y < 2 && x >= 4 && x < 12) {
        int from = (y + 1) * 16 + 8 + (x - 4);
        expected = from >= 24 && from < 44 ? data[from - 24] : 0;
      }
      EXPECT_EQ(expected, all[y * 16 + x]) << x << "," << y;
    }

  // Async forms.
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  std::vector<std::uint8_t> fresh = sequence(48, 50), got(48, 0);
  CUDA_OK(
      cudaMemcpyToArrayAsync(array.handle, 0, 0, fresh.data(), 48, cudaMemcpyHostToDevice, stream));
  CUDA_OK(
      cudaMemcpyFromArrayAsync(got.data(), array.handle, 0, 0, 48, cudaMemcpyDeviceToHost, stream));
  CUDA_OK(cudaStreamSynchronize(stream));
  EXPECT_EQ(fresh, got);
  CUDA_OK(cudaStreamDestroy(stream));

  // Errors.
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemcpyToArray(array.handle, 0, 0, data.data(), 49, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemcpyToArray(array.handle, 16, 0, data.data(), 1, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemcpyToArray(array.handle, 0, 3, data.data(), 1, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemcpyFromArray(all.data(), array.handle, 8, 2, 9, cudaMemcpyDeviceToHost));
  EXPECT_EQ(cudaErrorInvalidMemcpyDirection,
            cudaMemcpyToArray(array.handle, 0, 0, data.data(), 4, static_cast<cudaMemcpyKind>(5)));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemcpyArrayToArray(other.handle, 0, 0, array.handle, 1, 0, 48));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpyArrayToArray(other.handle, 0, 0, nullptr, 0, 0, 4));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemcpy2DArrayToArray(other.handle, 12, 0, array.handle, 0, 0, 8, 1));
  EXPECT_EQ(cudaSuccess, cudaMemcpyToArray(array.handle, 0, 0, nullptr, 0, cudaMemcpyHostToDevice));
}

TEST_F(ArrayCopy, Memcpy3DBetweenEverything) {
  // A 3-D array of 5 x 4 x 3 shorts.
  Array array(cudaCreateChannelDesc<short>(), make_cudaExtent(5, 4, 3));
  const size_t rowBytes = 10, rows = 4, slices = 3;
  std::vector<std::uint8_t> host = sequence(rowBytes * rows * slices);
  cudaMemcpy3DParms p;
  std::memset(&p, 0, sizeof p);
  p.srcPtr = make_cudaPitchedPtr(host.data(), rowBytes, 5, rows);
  p.dstArray = array.handle;
  p.extent = make_cudaExtent(5, rows, slices); // in elements of the array
  p.kind = cudaMemcpyHostToDevice;
  CUDA_OK(cudaMemcpy3D(&p));

  // Array -> pitched device memory (cudaMalloc3D), a box at an offset.
  cudaPitchedPtr device;
  CUDA_OK(cudaMalloc3D(&device, make_cudaExtent(rowBytes, rows, slices)));
  EXPECT_EQ(0u, device.pitch % 256);
  EXPECT_EQ(rowBytes, device.xsize);
  EXPECT_EQ(rows, device.ysize);
  CUDA_OK(cudaMemset3D(device, 0xee, make_cudaExtent(rowBytes, rows, slices)));
  std::memset(&p, 0, sizeof p);
  p.srcArray = array.handle;
  p.srcPos = make_cudaPos(1, 1, 1); // elements
  p.dstPtr = device;
  p.dstPos = make_cudaPos(2, 0, 0); // bytes
  p.extent = make_cudaExtent(3, 2, 2);
  p.kind = cudaMemcpyDeviceToDevice;
  CUDA_OK(cudaMemcpy3D(&p));
  std::vector<std::uint8_t> got(rowBytes * rows * slices, 0);
  std::memset(&p, 0, sizeof p);
  p.srcPtr = device;
  p.dstPtr = make_cudaPitchedPtr(got.data(), rowBytes, rowBytes, rows);
  p.extent = make_cudaExtent(rowBytes, rows, slices); // bytes: no array takes part
  p.kind = cudaMemcpyDeviceToHost;
  CUDA_OK(cudaMemcpy3D(&p));
  for (size_t z = 0; z < slices; ++z)
    for (size_t y = 0; y < rows; ++y)
      for (size_t x = 0; x < rowBytes; ++x) {
        bool inBox = z < 2 && y < 2 && x >= 2 && x < 8;
        size_t from = (z + 1) * rowBytes * rows + (y + 1) * rowBytes + 2 + (x - 2);
        EXPECT_EQ(inBox ? host[from] : 0xee, got[(z * rows + y) * rowBytes + x])
            << x << "," << y << "," << z;
      }

  // Array -> array (a layered array of the same element size), then to the host.
  Array layered(cudaCreateChannelDesc<uchar2>(), make_cudaExtent(5, 4, 3), cudaArrayLayered);
  std::memset(&p, 0, sizeof p);
  p.srcArray = array.handle;
  p.dstArray = layered.handle;
  p.extent = make_cudaExtent(5, 4, 3);
  p.kind = cudaMemcpyDefault;
  CUDA_OK(cudaMemcpy3D(&p));
  std::fill(got.begin(), got.end(), 0);
  std::memset(&p, 0, sizeof p);
  p.srcArray = layered.handle;
  p.dstPtr = make_cudaPitchedPtr(got.data(), rowBytes, 5, rows);
  p.extent = make_cudaExtent(5, 4, 3);
  p.kind = cudaMemcpyDeviceToHost;
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  CUDA_OK(cudaMemcpy3DAsync(&p, stream));
  CUDA_OK(cudaStreamSynchronize(stream));
  CUDA_OK(cudaStreamDestroy(stream));
  EXPECT_EQ(host, got);

  // Host to host, in bytes.
  std::vector<std::uint8_t> copy(host.size(), 0);
  std::memset(&p, 0, sizeof p);
  p.srcPtr = make_cudaPitchedPtr(host.data(), rowBytes, rowBytes, rows);
  p.dstPtr = make_cudaPitchedPtr(copy.data(), rowBytes, rowBytes, rows);
  p.extent = make_cudaExtent(rowBytes, rows, slices);
  p.kind = cudaMemcpyHostToHost;
  CUDA_OK(cudaMemcpy3D(&p));
  EXPECT_EQ(host, copy);
  CUDA_OK(cudaFree(device.ptr));
}

TEST_F(ArrayCopy, Memcpy3DErrors) {
  Array array(cudaCreateChannelDesc<float>(), make_cudaExtent(4, 4, 2));
  Array other(cudaCreateChannelDesc<float2>(), make_cudaExtent(4, 4, 2));
  std::vector<std::uint8_t> host(4 * 4 * 4 * 2, 0);
  cudaMemcpy3DParms base;
  std::memset(&base, 0, sizeof base);
  base.srcPtr = make_cudaPitchedPtr(host.data(), 16, 4, 4);
  base.dstArray = array.handle;
  base.extent = make_cudaExtent(4, 4, 2);
  base.kind = cudaMemcpyHostToDevice;
  CUDA_OK(cudaMemcpy3D(&base));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy3D(nullptr));
  cudaMemcpy3DParms p = base;
  p.kind = static_cast<cudaMemcpyKind>(-1);
  EXPECT_EQ(cudaErrorInvalidMemcpyDirection, cudaMemcpy3D(&p));
  p = base;
  p.srcArray = other.handle; // a source array and a source pointer
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy3D(&p));
  p = base;
  p.dstArray = nullptr; // no destination
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy3D(&p));
  p = base;
  p.srcPtr.ptr = nullptr;
  p.srcArray = other.handle; // element sizes differ
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy3D(&p));
  p = base;
  p.extent.depth = 3; // past the array
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy3D(&p));
  p = base;
  p.dstPos = make_cudaPos(1, 0, 0);
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy3D(&p));
  p = base;
  p.srcPtr.pitch = 8; // rows of 16 bytes do not fit an 8-byte pitch
  EXPECT_EQ(cudaErrorInvalidPitchValue, cudaMemcpy3D(&p));
  p = base;
  p.srcPtr.ysize = 2; // slices would overlap
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy3D(&p));
  p = base;
  p.kind = cudaMemcpyDeviceToDevice; // the host source is no device memory
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy3D(&p));
  // The device side past its allocation.
  void *small = nullptr;
  CUDA_OK(cudaMalloc(&small, 64));
  p = base;
  p.srcPtr = make_cudaPitchedPtr(small, 16, 4, 4);
  p.kind = cudaMemcpyDeviceToDevice;
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy3D(&p));
  p.extent.depth = 1;
  EXPECT_EQ(cudaSuccess, cudaMemcpy3D(&p));
  // Empty copies succeed.
  p = base;
  p.extent = make_cudaExtent(0, 4, 2);
  EXPECT_EQ(cudaSuccess, cudaMemcpy3D(&p));
  EXPECT_EQ(cudaErrorInvalidResourceHandle,
            cudaMemcpy3DAsync(&base, reinterpret_cast<cudaStream_t>(0x99)));
  CUDA_OK(cudaFree(small));
}

TEST_F(ArrayCopy, Memset3D) {
  cudaPitchedPtr device;
  CUDA_OK(cudaMalloc3D(&device, make_cudaExtent(20, 3, 2)));
  CUDA_OK(cudaMemset3D(device, 0, make_cudaExtent(20, 3, 2)));
  CUDA_OK(cudaMemset3DAsync(device, 7, make_cudaExtent(5, 2, 2), nullptr));
  std::vector<std::uint8_t> got(20 * 3 * 2, 1);
  cudaMemcpy3DParms p;
  std::memset(&p, 0, sizeof p);
  p.srcPtr = device;
  p.dstPtr = make_cudaPitchedPtr(got.data(), 20, 20, 3);
  p.extent = make_cudaExtent(20, 3, 2);
  p.kind = cudaMemcpyDeviceToHost;
  CUDA_OK(cudaMemcpy3D(&p));
  for (int z = 0; z < 2; ++z)
    for (int y = 0; y < 3; ++y)
      for (int x = 0; x < 20; ++x)
        EXPECT_EQ(x < 5 && y < 2 ? 7 : 0, got[(z * 3 + y) * 20 + x]);
  EXPECT_EQ(cudaErrorInvalidValue, cudaMalloc3D(nullptr, make_cudaExtent(1, 1, 1)));
  cudaPitchedPtr tooShort = device;
  tooShort.ysize = 1;
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemset3D(tooShort, 0, make_cudaExtent(5, 2, 2)));
  EXPECT_EQ(cudaSuccess, cudaMemset3D(device, 0, make_cudaExtent(5, 0, 2)));
  CUDA_OK(cudaFree(device.ptr));
}
