// Pitched allocations, 2D copies and memsets, peer copies, host registration.
#include "test_kernels.h"

namespace {

class Memory2D : public ::testing::Test {
protected:
  void SetUp() override { cudaGetLastError(); }
  void TearDown() override { EXPECT_EQ(cudaSuccess, cudaDeviceSynchronize()); }
};

// A width x height block of bytes, row r column c = r * 16 + c (mod 256).
std::vector<unsigned char> pattern(size_t width, size_t height, size_t pitch) {
  std::vector<unsigned char> bytes(pitch * height, 0);
  for (size_t r = 0; r < height; ++r)
    for (size_t c = 0; c < width; ++c)
      bytes[r * pitch + c] = static_cast<unsigned char>(r * 16 + c);
  return bytes;
}

} // namespace

TEST_F(Memory2D, MallocPitchPadsRows) {
  void *d = nullptr;
  size_t pitch = 0;
  CUDA_OK(cudaMallocPitch(&d, &pitch, 100, 7));
  EXPECT_GE(pitch, 100u);
  EXPECT_EQ(0u, pitch % 256);
  CUDA_OK(cudaMemset2D(d, pitch, 0, 100, 7));
  CUDA_OK(cudaFree(d));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocPitch(nullptr, &pitch, 1, 1));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocPitch(&d, nullptr, 1, 1));
}

TEST_F(Memory2D, RoundTripThroughAPitchedAllocation) {
  const size_t width = 40, height = 9, hostPitch = 64;
  std::vector<unsigned char> source = pattern(width, height, hostPitch);
  unsigned char *d = nullptr, *e = nullptr;
  size_t pitch = 0, pitchE = 0;
  CUDA_OK(cudaMallocPitch(&d, &pitch, width, height));
  CUDA_OK(cudaMallocPitch(&e, &pitchE, width, height));
  CUDA_OK(cudaMemset2D(d, pitch, 0xee, pitch, height)); // padding too
  CUDA_OK(cudaMemcpy2D(d, pitch, source.data(), hostPitch, width, height, cudaMemcpyHostToDevice));
  CUDA_OK(cudaMemcpy2D(e, pitchE, d, pitch, width, height, cudaMemcpyDeviceToDevice));
  std::vector<unsigned char> back(hostPitch * height, 0);
  CUDA_OK(cudaMemcpy2D(back.data(), hostPitch, e, pitchE, width, height, cudaMemcpyDefault));
  EXPECT_EQ(source, back);
  // Padding of the first allocation was not touched by the 2D copy.
  std::vector<unsigned char> raw(pitch * height);
  CUDA_OK(cudaMemcpy(raw.data(), d, raw.size(), cudaMemcpyDeviceToHost));
  for (size_t r = 0; r < height; ++r)
    for (size_t c = width; c < pitch; ++c)
      ASSERT_EQ(0xee, raw[r * pitch + c]) << r << "," << c;
  CUDA_OK(cudaFree(d));
  CUDA_OK(cudaFree(e));
}

TEST_F(Memory2D, HostToHostAndAsync) {
  const size_t width = 5, height = 4;
  std::vector<unsigned char> source = pattern(width, height, 8), back(10 * height, 0);
  CUDA_OK(cudaMemcpy2D(back.data(), 10, source.data(), 8, width, height, cudaMemcpyHostToHost));
  for (size_t r = 0; r < height; ++r)
    for (size_t c = 0; c < width; ++c)
      EXPECT_EQ(source[r * 8 + c], back[r * 10 + c]);
  unsigned char *d = nullptr;
  size_t pitch = 0;
  CUDA_OK(cudaMallocPitch(&d, &pitch, width, height));
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  CUDA_OK(cudaMemset2DAsync(d, pitch, 3, width, height, stream));
  std::vector<unsigned char> out(width * height, 0);
  CUDA_OK(cudaMemcpy2DAsync(out.data(), width, d, pitch, width, height, cudaMemcpyDeviceToHost,
                            stream));
  CUDA_OK(cudaStreamSynchronize(stream));
  for (unsigned char byte : out)
    EXPECT_EQ(3, byte);
  CUDA_OK(cudaStreamDestroy(stream));
  CUDA_OK(cudaFree(d));
}

TEST_F(Memory2D, BadPitchesAndExtents) {
  unsigned char *d = nullptr;
  size_t pitch = 0;
  CUDA_OK(cudaMallocPitch(&d, &pitch, 64, 4));
  std::vector<unsigned char> host(1024);
  EXPECT_EQ(cudaErrorInvalidPitchValue,
            cudaMemcpy2D(d, 10, host.data(), 64, 64, 2, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidPitchValue,
            cudaMemcpy2D(d, pitch, host.data(), 10, 64, 2, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue, // five rows do not fit four
            cudaMemcpy2D(d, pitch, host.data(), 64, 64, 5, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemcpy2D(host.data(), 64, host.data(), 64, 64, 2, cudaMemcpyDeviceToHost));
  EXPECT_EQ(cudaErrorInvalidMemcpyDirection,
            cudaMemcpy2D(d, pitch, host.data(), 64, 64, 2, static_cast<cudaMemcpyKind>(7)));
  EXPECT_EQ(cudaErrorInvalidValue, // must not wrap around
            cudaMemcpy2D(d, pitch, host.data(), 64, 64, SIZE_MAX / 2, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemset2D(d, pitch, 0, 64, SIZE_MAX / 2));
  EXPECT_EQ(cudaErrorInvalidPitchValue, cudaMemset2D(d, 8, 0, 64, 1));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemset2D(d, pitch, 0, 64, 5));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemset2D(host.data(), 64, 0, 64, 1));
  CUDA_OK(cudaMemcpy2D(d, pitch, host.data(), 64, 0, 3, cudaMemcpyHostToDevice)); // empty
  CUDA_OK(cudaFree(d));
  cudaGetLastError();
}

TEST_F(Memory2D, PeerCopiesOnOneDevice) {
  int *a = nullptr, *b = nullptr;
  CUDA_OK(cudaMalloc(&a, 64));
  CUDA_OK(cudaMalloc(&b, 64));
  int values[16];
  for (int i = 0; i < 16; ++i)
    values[i] = i * i;
  CUDA_OK(cudaMemcpy(a, values, sizeof values, cudaMemcpyHostToDevice));
  CUDA_OK(cudaMemcpyPeer(b, 0, a, 0, sizeof values));
  int back[16] = {};
  CUDA_OK(cudaMemcpy(back, b, sizeof back, cudaMemcpyDeviceToHost));
  EXPECT_EQ(0, std::memcmp(values, back, sizeof values));
  EXPECT_EQ(cudaErrorInvalidDevice, cudaMemcpyPeer(b, 7, a, 0, 4));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpyPeer(b, 0, values, 0, 4));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpyPeer(b, 0, a, 0, 65));
  int canAccess = -1;
  CUDA_OK(cudaDeviceCanAccessPeer(&canAccess, 0, 0));
  EXPECT_EQ(0, canAccess);
  EXPECT_EQ(cudaErrorInvalidDevice, cudaDeviceCanAccessPeer(&canAccess, 0, 99));
  EXPECT_EQ(cudaErrorPeerAccessUnsupported, cudaDeviceEnablePeerAccess(0, 0));
  EXPECT_EQ(cudaErrorPeerAccessNotEnabled, cudaDeviceDisablePeerAccess(0));
  CUDA_OK(cudaFree(a));
  CUDA_OK(cudaFree(b));
  cudaGetLastError();
}

TEST_F(Memory2D, HostRegistration) {
  std::vector<int> host(256, 1);
  CUDA_OK(cudaHostRegister(host.data(), host.size() * sizeof(int), cudaHostRegisterDefault));
  cudaPointerAttributes attributes;
  CUDA_OK(cudaPointerGetAttributes(&attributes, host.data() + 10));
  EXPECT_EQ(cudaMemoryTypeHost, attributes.type);
  EXPECT_EQ(cudaErrorHostMemoryAlreadyRegistered,
            cudaHostRegister(host.data() + 4, 16, cudaHostRegisterDefault));
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 16));
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostRegister(d, 16, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostRegister(host.data(), 0, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostRegister(host.data(), 16, 0x100));
  CUDA_OK(cudaHostUnregister(host.data()));
  EXPECT_EQ(cudaErrorHostMemoryNotRegistered, cudaHostUnregister(host.data()));
  CUDA_OK(cudaFree(d));
  cudaGetLastError();
}
