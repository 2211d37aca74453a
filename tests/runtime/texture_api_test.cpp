// The array, texture object and surface object API: good and bad inputs,
// with CUDA's error codes (docs/runtime-api.md, "Arrays, textures and
// surfaces").
#include "texture_test_support.h"

#include <climits>

namespace {

using namespace texture_kernels;

class TextureApi : public ::testing::Test {
protected:
  void SetUp() override { cudaGetLastError(); }
  void TearDown() override { cudaGetLastError(); }
};

bool sameDesc(const cudaChannelFormatDesc &a, const cudaChannelFormatDesc &b) {
  return a.x == b.x && a.y == b.y && a.z == b.z && a.w == b.w && a.f == b.f;
}

cudaChannelFormatDesc desc(int x, int y, int z, int w, int kind) {
  return cudaCreateChannelDesc(x, y, z, w, static_cast<cudaChannelFormatKind>(kind));
}

} // namespace

TEST_F(TextureApi, ChannelDescriptorsOfEveryType) {
  cudaChannelFormatDesc d = cudaCreateChannelDesc(8, 8, 0, 0, cudaChannelFormatKindUnsigned);
  EXPECT_TRUE(sameDesc(d, desc(8, 8, 0, 0, cudaChannelFormatKindUnsigned)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<float>(), desc(32, 0, 0, 0, 2)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<float1>(), desc(32, 0, 0, 0, 2)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<float2>(), desc(32, 32, 0, 0, 2)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<float4>(), desc(32, 32, 32, 32, 2)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<unsigned char>(), desc(8, 0, 0, 0, 1)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<signed char>(), desc(8, 0, 0, 0, 0)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<char>(), desc(8, 0, 0, 0, CHAR_MIN < 0 ? 0 : 1)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<uchar4>(), desc(8, 8, 8, 8, 1)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<char2>(), desc(8, 8, 0, 0, CHAR_MIN < 0 ? 0 : 1)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<short>(), desc(16, 0, 0, 0, 0)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<ushort2>(), desc(16, 16, 0, 0, 1)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<short4>(), desc(16, 16, 16, 16, 0)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<int>(), desc(32, 0, 0, 0, 0)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<uint1>(), desc(32, 0, 0, 0, 1)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<int4>(), desc(32, 32, 32, 32, 0)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<unsigned int>(), desc(32, 0, 0, 0, 1)));
  // Types CUDA has no format for (long is 64 bits here, double, 3-vectors).
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<double>(), desc(0, 0, 0, 0, 3)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<long>(), desc(0, 0, 0, 0, 3)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<float3>(), desc(0, 0, 0, 0, 3)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDescHalf(), desc(16, 0, 0, 0, 2)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDescHalf1(), desc(16, 0, 0, 0, 2)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDescHalf2(), desc(16, 16, 0, 0, 2)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDescHalf4(), desc(16, 16, 16, 16, 2)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<cudaChannelFormatKindUnsignedNormalized16X2>(),
                       desc(16, 16, 0, 0, cudaChannelFormatKindUnsignedNormalized16X2)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDesc<cudaChannelFormatKindSignedNormalized8X1>(),
                       desc(8, 0, 0, 0, cudaChannelFormatKindSignedNormalized8X1)));
  EXPECT_TRUE(sameDesc(cudaCreateChannelDescNV12(), desc(8, 8, 8, 0, 4)));
}

TEST_F(TextureApi, MallocArrayShapesAndInfo) {
  cudaChannelFormatDesc f4 = cudaCreateChannelDesc<float4>();
  cudaArray_t array = nullptr;
  CUDA_OK(cudaMallocArray(&array, &f4, 16)); // 1-D
  cudaChannelFormatDesc got;
  cudaExtent extent;
  unsigned flags = 99;
  CUDA_OK(cudaArrayGetInfo(&got, &extent, &flags, array));
  EXPECT_TRUE(sameDesc(f4, got));
  EXPECT_EQ(16u, extent.width);
  EXPECT_EQ(0u, extent.height);
  EXPECT_EQ(0u, extent.depth);
  EXPECT_EQ(0u, flags);
  CUDA_OK(cudaArrayGetInfo(nullptr, nullptr, nullptr, array)); // each may be NULL
  CUDA_OK(cudaGetChannelDesc(&got, array));
  EXPECT_TRUE(sameDesc(f4, got));
  CUDA_OK(cudaFreeArray(array));

  cudaChannelFormatDesc u8 = cudaCreateChannelDesc<unsigned char>();
  CUDA_OK(cudaMallocArray(&array, &u8, 33, 7, cudaArraySurfaceLoadStore | cudaArrayTextureGather));
  CUDA_OK(cudaArrayGetInfo(&got, &extent, &flags, array));
  EXPECT_EQ(33u, extent.width);
  EXPECT_EQ(7u, extent.height);
  EXPECT_EQ(0u, extent.depth); // "2D arrays will have depth of zero"
  EXPECT_EQ(unsigned(cudaArraySurfaceLoadStore | cudaArrayTextureGather), flags);
  CUDA_OK(cudaFreeArray(array));

  struct Shape {
    cudaExtent extent;
    unsigned flags;
  } good[] = {
      {make_cudaExtent(4, 0, 0), 0},                                    // 1-D
      {make_cudaExtent(4, 3, 0), 0},                                    // 2-D
      {make_cudaExtent(4, 3, 2), 0},                                    // 3-D
      {make_cudaExtent(4, 0, 5), cudaArrayLayered},                     // 1-D layered
      {make_cudaExtent(4, 3, 5), cudaArrayLayered},                     // 2-D layered
      {make_cudaExtent(4, 4, 6), cudaArrayCubemap},                     // cubemap
      {make_cudaExtent(4, 4, 12), cudaArrayCubemap | cudaArrayLayered}, // cubemap layered
      {make_cudaExtent(4, 3, 0), cudaArrayTextureGather},
      {make_cudaExtent(4, 3, 2), cudaArraySurfaceLoadStore},
  };
  for (const Shape &shape : good) {
    CUDA_OK(cudaMalloc3DArray(&array, &f4, shape.extent, shape.flags));
    CUDA_OK(cudaArrayGetInfo(nullptr, &extent, &flags, array));
    EXPECT_EQ(shape.extent.width, extent.width);
    EXPECT_EQ(shape.extent.height, extent.height);
    EXPECT_EQ(shape.extent.depth, extent.depth);
    EXPECT_EQ(shape.flags, flags);
    CUDA_OK(cudaFreeArray(array));
  }
}

TEST_F(TextureApi, MallocArrayRejectsWhatCudaRejects) {
  cudaChannelFormatDesc f1 = cudaCreateChannelDesc<float>();
  cudaArray_t array = nullptr;
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocArray(nullptr, &f1, 4));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocArray(&array, nullptr, 4));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocArray(&array, &f1, 0)); // width 0
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocArray(&array, &f1, 4, 0, cudaArrayLayered));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocArray(&array, &f1, 4, 4, 0x100));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocArray(&array, &f1, 4, 0, cudaArrayTextureGather));
  EXPECT_EQ(cudaErrorNotSupported, cudaMallocArray(&array, &f1, 4, 4, cudaArraySparse));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocArray(&array, &f1, 1 << 20)); // over maxTexture1D
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocArray(&array, &f1, 40000, 0,
                                                   cudaArraySurfaceLoadStore)); // > maxSurface1D
  EXPECT_EQ(nullptr, array);

  // Channel formats: 1, 2 or 4 equal channels; 8/16/32-bit integers, 16/32-bit floats.
  const cudaChannelFormatDesc bad[] = {
      desc(32, 32, 32, 0, cudaChannelFormatKindFloat), // 3 channels
      desc(8, 0, 0, 0, cudaChannelFormatKindFloat),    // 8-bit float
      desc(24, 0, 0, 0, cudaChannelFormatKindUnsigned),
      desc(0, 0, 0, 0, cudaChannelFormatKindNone),
      desc(8, 16, 0, 0, cudaChannelFormatKindSigned), // unequal channels
      desc(8, 0, 8, 0, cudaChannelFormatKindSigned),  // a gap
      desc(64, 0, 0, 0, cudaChannelFormatKindSigned),
      desc(8, 8, 8, 0, cudaChannelFormatKindNV12),
      desc(16, 0, 0, 0, cudaChannelFormatKindUnsignedNormalized8X1), // wrong bits for the kind
      desc(8, 8, 0, 0, cudaChannelFormatKindUnsignedNormalized8X1),  // wrong count
      desc(8, 8, 8, 8, cudaChannelFormatKindUnsignedBlockCompressed1),
      desc(32, 0, 0, 0, 77),
  };
  for (const cudaChannelFormatDesc &d : bad) {
    EXPECT_EQ(cudaErrorInvalidChannelDescriptor, cudaMallocArray(&array, &d, 4))
        << d.x << " " << d.y << " " << d.z << " " << d.w << " kind " << d.f;
    EXPECT_EQ(cudaErrorInvalidChannelDescriptor, cudaGetLastError());
  }

  // cudaMalloc3DArray's shapes.
  const struct {
    cudaExtent extent;
    unsigned flags;
  } shapes[] = {
      {make_cudaExtent(0, 4, 4), 0},
      {make_cudaExtent(4, 0, 4), 0},                                   // depth without height
      {make_cudaExtent(4, 4, 0), cudaArrayLayered},                    // no layers
      {make_cudaExtent(4, 5, 6), cudaArrayCubemap},                    // not square
      {make_cudaExtent(4, 4, 5), cudaArrayCubemap},                    // not 6 faces
      {make_cudaExtent(4, 4, 9), cudaArrayCubemap | cudaArrayLayered}, // not a multiple of 6
      {make_cudaExtent(4, 4, 2), cudaArrayTextureGather},              // gather is 2-D only
      {make_cudaExtent(4, 4, 0), 0x10},                                // unknown flag
      {make_cudaExtent(4, 4, 0), cudaArrayColorAttachment},
      {make_cudaExtent(20000, 4, 4), 0},               // over maxTexture3D/Alt
      {make_cudaExtent(4, 4, 3000), cudaArrayLayered}, // too many layers
  };
  for (const auto &shape : shapes)
    EXPECT_EQ(cudaErrorInvalidValue, cudaMalloc3DArray(&array, &f1, shape.extent, shape.flags))
        << shape.extent.width << "x" << shape.extent.height << "x" << shape.extent.depth
        << " flags " << shape.flags;
  EXPECT_EQ(cudaErrorNotSupported,
            cudaMalloc3DArray(&array, &f1, make_cudaExtent(4, 4, 0), cudaArrayDeferredMapping));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMalloc3DArray(nullptr, &f1, make_cudaExtent(4, 0, 0)));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMalloc3DArray(&array, nullptr, make_cudaExtent(4, 0, 0)));
  // Too large for the device's memory: a 3-D float4 array of 16384^3.
  cudaChannelFormatDesc f4 = cudaCreateChannelDesc<float4>();
  EXPECT_EQ(cudaErrorMemoryAllocation,
            cudaMalloc3DArray(&array, &f4, make_cudaExtent(16384, 16384, 16384)));
}

TEST_F(TextureApi, FreeArrayAndQueriesOfBadHandles) {
  EXPECT_EQ(cudaSuccess, cudaFreeArray(nullptr));
  cudaChannelFormatDesc f1 = cudaCreateChannelDesc<float>();
  cudaArray_t array = nullptr;
  CUDA_OK(cudaMallocArray(&array, &f1, 8));
  size_t freeBefore = 0, total = 0;
  CUDA_OK(cudaMemGetInfo(&freeBefore, &total));
  CUDA_OK(cudaFreeArray(array));
  size_t freeAfter = 0;
  CUDA_OK(cudaMemGetInfo(&freeAfter, &total));
  EXPECT_GT(freeAfter, freeBefore);                       // the storage is device memory
  EXPECT_EQ(cudaErrorInvalidValue, cudaFreeArray(array)); // twice
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
  int notAnArray = 0;
  auto bogus = reinterpret_cast<cudaArray_t>(&notAnArray);
  EXPECT_EQ(cudaErrorInvalidValue, cudaFreeArray(bogus));
  cudaChannelFormatDesc got;
  cudaExtent extent;
  EXPECT_EQ(cudaErrorInvalidValue, cudaArrayGetInfo(&got, &extent, nullptr, array));
  EXPECT_EQ(cudaErrorInvalidValue, cudaArrayGetInfo(&got, &extent, nullptr, nullptr));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetChannelDesc(&got, bogus));
  CUDA_OK(cudaMallocArray(&array, &f1, 8));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetChannelDesc(nullptr, array));
  // cudaMalloc's free does not take arrays.
  EXPECT_EQ(cudaErrorInvalidValue, cudaFree(array));
  CUDA_OK(cudaFreeArray(array));
}

TEST_F(TextureApi, DeviceResetEndsArrays) {
  cudaChannelFormatDesc f1 = cudaCreateChannelDesc<float>();
  cudaArray_t array = nullptr;
  CUDA_OK(cudaMallocArray(&array, &f1, 8));
  CUDA_OK(cudaDeviceReset());
  cudaExtent extent;
  EXPECT_EQ(cudaErrorInvalidValue, cudaArrayGetInfo(nullptr, &extent, nullptr, array));
  EXPECT_EQ(cudaErrorInvalidValue, cudaFreeArray(array));
  EXPECT_EQ(cudaErrorInvalidValue, cudaFreeArray(array)); // and it is gone
  CUDA_OK(cudaMallocArray(&array, &f1, 8));
  CUDA_OK(cudaFreeArray(array));
}

TEST_F(TextureApi, MipmappedArrays) {
  cudaChannelFormatDesc f2 = cudaCreateChannelDesc<float2>();
  cudaMipmappedArray_t mipmap = nullptr;
  // numLevels is clamped to [1, 1 + floor(log2(16))] = [1, 5].
  CUDA_OK(cudaMallocMipmappedArray(&mipmap, &f2, make_cudaExtent(16, 5, 0), 100));
  cudaArray_t level = nullptr;
  const size_t widths[] = {16, 8, 4, 2, 1}, heights[] = {5, 2, 1, 1, 1};
  for (unsigned l = 0; l < 5; ++l) {
    CUDA_OK(cudaGetMipmappedArrayLevel(&level, mipmap, l));
    cudaExtent extent;
    cudaChannelFormatDesc got;
    CUDA_OK(cudaArrayGetInfo(&got, &extent, nullptr, level));
    EXPECT_EQ(widths[l], extent.width) << l;
    EXPECT_EQ(heights[l], extent.height) << l;
    EXPECT_TRUE(sameDesc(f2, got));
  }
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetMipmappedArrayLevel(&level, mipmap, 5));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetMipmappedArrayLevel(nullptr, mipmap, 0));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaGetMipmappedArrayLevel(&level, nullptr, 0));
  // A level belongs to its mipmapped array.
  EXPECT_EQ(cudaErrorInvalidValue, cudaFreeArray(level));
  CUDA_OK(cudaFreeMipmappedArray(mipmap));
  EXPECT_EQ(cudaErrorInvalidValue, cudaFreeMipmappedArray(mipmap));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaGetMipmappedArrayLevel(&level, mipmap, 0));
  EXPECT_EQ(cudaSuccess, cudaFreeMipmappedArray(nullptr));
  // 0 levels means 1; layered mipmaps keep their layers.
  CUDA_OK(cudaMallocMipmappedArray(&mipmap, &f2, make_cudaExtent(4, 4, 3), 0, cudaArrayLayered));
  CUDA_OK(cudaGetMipmappedArrayLevel(&level, mipmap, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetMipmappedArrayLevel(&level, mipmap, 1));
  CUDA_OK(cudaMallocMipmappedArray(&mipmap, &f2, make_cudaExtent(4, 4, 3), 2, cudaArrayLayered));
  CUDA_OK(cudaGetMipmappedArrayLevel(&level, mipmap, 1));
  cudaExtent extent;
  CUDA_OK(cudaArrayGetInfo(nullptr, &extent, nullptr, level));
  EXPECT_EQ(2u, extent.width);
  EXPECT_EQ(3u, extent.depth);
  CUDA_OK(cudaFreeMipmappedArray(mipmap));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMallocMipmappedArray(&mipmap, &f2, make_cudaExtent(0, 4, 0), 2));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMallocMipmappedArray(nullptr, &f2, make_cudaExtent(4, 4, 0), 2));
  cudaChannelFormatDesc bad = desc(12, 0, 0, 0, 0);
  EXPECT_EQ(cudaErrorInvalidChannelDescriptor,
            cudaMallocMipmappedArray(&mipmap, &bad, make_cudaExtent(4, 4, 0), 2));
}

namespace {
struct TextureFixture {
  cudaArray_t array = nullptr;
  void *linear = nullptr;
  TextureFixture(cudaChannelFormatDesc desc, cudaExtent extent, unsigned flags = 0) {
    EXPECT_EQ(cudaSuccess, cudaMalloc3DArray(&array, &desc, extent, flags));
    EXPECT_EQ(cudaSuccess, cudaMalloc(&linear, 4096));
  }
  ~TextureFixture() {
    cudaFreeArray(array);
    cudaFree(linear);
  }
};

cudaError_t create(const cudaResourceDesc &res, const cudaTextureDesc &tex,
                   const cudaResourceViewDesc *view = nullptr) {
  cudaTextureObject_t handle = 0;
  cudaError_t status = cudaCreateTextureObject(&handle, &res, &tex, view);
  if (status == cudaSuccess) {
    EXPECT_NE(0u, handle);
    EXPECT_EQ(cudaSuccess, cudaDestroyTextureObject(handle));
  }
  return status;
}

cudaResourceDesc linearResource(void *devPtr, cudaChannelFormatDesc desc, size_t bytes) {
  cudaResourceDesc res;
  std::memset(&res, 0, sizeof res);
  res.resType = cudaResourceTypeLinear;
  res.res.linear.devPtr = devPtr;
  res.res.linear.desc = desc;
  res.res.linear.sizeInBytes = bytes;
  return res;
}

cudaResourceDesc pitchResource(void *devPtr, cudaChannelFormatDesc desc, size_t width,
                               size_t height, size_t pitch) {
  cudaResourceDesc res;
  std::memset(&res, 0, sizeof res);
  res.resType = cudaResourceTypePitch2D;
  res.res.pitch2D.devPtr = devPtr;
  res.res.pitch2D.desc = desc;
  res.res.pitch2D.width = width;
  res.res.pitch2D.height = height;
  res.res.pitch2D.pitchInBytes = pitch;
  return res;
}
} // namespace

TEST_F(TextureApi, TextureObjectsAndTheirDescriptors) {
  TextureFixture fixture(cudaCreateChannelDesc<uchar4>(), make_cudaExtent(8, 8, 0));
  cudaResourceDesc res = arrayResource(fixture.array);
  cudaTextureDesc tex =
      textureDesc(cudaAddressModeBorder, cudaFilterModeLinear, cudaReadModeNormalizedFloat, true);
  tex.borderColor[2] = 0.5f;
  tex.sRGB = 1;
  tex.maxAnisotropy = 4; // accepted, not used
  cudaTextureObject_t first = 0, second = 0;
  CUDA_OK(cudaCreateTextureObject(&first, &res, &tex, nullptr));
  CUDA_OK(cudaCreateTextureObject(&second, &res, &tex, nullptr));
  EXPECT_NE(0u, first);
  EXPECT_NE(first, second);
  cudaResourceDesc resBack;
  cudaTextureDesc texBack;
  CUDA_OK(cudaGetTextureObjectResourceDesc(&resBack, first));
  EXPECT_EQ(cudaResourceTypeArray, resBack.resType);
  EXPECT_EQ(fixture.array, resBack.res.array.array);
  CUDA_OK(cudaGetTextureObjectTextureDesc(&texBack, first));
  EXPECT_EQ(0, std::memcmp(&tex, &texBack, sizeof tex));
  cudaResourceViewDesc view;
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetTextureObjectResourceViewDesc(&view, first));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetTextureObjectResourceDesc(nullptr, first));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetTextureObjectTextureDesc(nullptr, first));
  CUDA_OK(cudaDestroyTextureObject(first));
  EXPECT_EQ(cudaErrorInvalidValue, cudaDestroyTextureObject(first)); // twice
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetTextureObjectResourceDesc(&resBack, first));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetTextureObjectTextureDesc(&texBack, first));
  EXPECT_EQ(cudaErrorInvalidValue, cudaDestroyTextureObject(0));
  CUDA_OK(cudaDestroyTextureObject(second));
}

TEST_F(TextureApi, CreateTextureObjectValidation) {
  TextureFixture fixture(cudaCreateChannelDesc<float>(), make_cudaExtent(8, 8, 0));
  cudaResourceDesc res = arrayResource(fixture.array);
  cudaTextureDesc tex =
      textureDesc(cudaAddressModeClamp, cudaFilterModePoint, cudaReadModeElementType, false);
  cudaTextureObject_t handle = 0;
  EXPECT_EQ(cudaErrorInvalidValue, cudaCreateTextureObject(nullptr, &res, &tex, nullptr));
  EXPECT_EQ(cudaErrorInvalidValue, cudaCreateTextureObject(&handle, nullptr, &tex, nullptr));
  EXPECT_EQ(cudaErrorInvalidValue, cudaCreateTextureObject(&handle, &res, nullptr, nullptr));

  // Enumerations outside their values.
  cudaTextureDesc bad = tex;
  bad.addressMode[1] = static_cast<cudaTextureAddressMode>(4);
  EXPECT_EQ(cudaErrorInvalidValue, create(res, bad));
  bad = tex;
  bad.filterMode = static_cast<cudaTextureFilterMode>(2);
  EXPECT_EQ(cudaErrorInvalidValue, create(res, bad));
  bad = tex;
  bad.readMode = static_cast<cudaTextureReadMode>(-1);
  EXPECT_EQ(cudaErrorInvalidValue, create(res, bad));
  cudaResourceDesc badRes = res;
  badRes.resType = static_cast<cudaResourceType>(9);
  EXPECT_EQ(cudaErrorInvalidValue, create(badRes, tex));
  // Wrap and Mirror without normalized coordinates are accepted: they act as Clamp.
  bad = tex;
  bad.addressMode[0] = cudaAddressModeWrap;
  bad.addressMode[1] = cudaAddressModeMirror;
  EXPECT_EQ(cudaSuccess, create(res, bad));

  // Arrays: live handles only.
  badRes = arrayResource(nullptr);
  EXPECT_EQ(cudaErrorInvalidValue, create(badRes, tex));
  int notAnArray = 0;
  badRes = arrayResource(reinterpret_cast<cudaArray_t>(&notAnArray));
  EXPECT_EQ(cudaErrorInvalidValue, create(badRes, tex));
  // seamlessCubemap needs a cubemap array.
  bad = tex;
  bad.seamlessCubemap = 1;
  EXPECT_EQ(cudaErrorInvalidValue, create(res, bad));

  // Linear filtering: float formats, or 8/16-bit integers read as normalized floats.
  cudaTextureDesc linear =
      textureDesc(cudaAddressModeClamp, cudaFilterModeLinear, cudaReadModeElementType, false);
  EXPECT_EQ(cudaSuccess, create(res, linear));
  TextureFixture bytes(cudaCreateChannelDesc<uchar2>(), make_cudaExtent(8, 8, 0));
  cudaResourceDesc byteRes = arrayResource(bytes.array);
  EXPECT_EQ(cudaErrorInvalidValue, create(byteRes, linear));
  linear.readMode = cudaReadModeNormalizedFloat;
  EXPECT_EQ(cudaSuccess, create(byteRes, linear));
  TextureFixture ints(cudaCreateChannelDesc<int>(), make_cudaExtent(8, 8, 0));
  cudaResourceDesc intRes = arrayResource(ints.array);
  EXPECT_EQ(cudaErrorInvalidValue, create(intRes, linear)); // 32-bit integers are not promoted
  EXPECT_EQ(cudaSuccess, create(intRes, textureDesc(cudaAddressModeClamp, cudaFilterModePoint,
                                                    cudaReadModeNormalizedFloat, false)));

  // Linear memory: a device pointer aligned to textureAlignment, inside its allocation.
  cudaChannelFormatDesc f1 = cudaCreateChannelDesc<float>();
  EXPECT_EQ(cudaSuccess, create(linearResource(fixture.linear, f1, 4096), tex));
  EXPECT_EQ(cudaSuccess, create(linearResource(fixture.linear, f1, 6), tex)); // 1 element
  EXPECT_EQ(cudaErrorInvalidValue, create(linearResource(fixture.linear, f1, 4097), tex));
  EXPECT_EQ(cudaErrorInvalidValue, create(linearResource(fixture.linear, f1, 2), tex));
  EXPECT_EQ(cudaErrorInvalidValue,
            create(linearResource(static_cast<char *>(fixture.linear) + 4, f1, 64), tex));
  EXPECT_EQ(cudaErrorInvalidValue, create(linearResource(nullptr, f1, 64), tex));
  float host[16];
  EXPECT_EQ(cudaErrorInvalidValue, create(linearResource(host, f1, 64), tex));
  EXPECT_EQ(cudaErrorInvalidChannelDescriptor,
            create(linearResource(fixture.linear, desc(32, 32, 32, 0, 2), 64), tex));
  // Views are for arrays.
  cudaResourceViewDesc view;
  std::memset(&view, 0, sizeof view);
  EXPECT_EQ(cudaErrorInvalidValue, create(linearResource(fixture.linear, f1, 64), tex, &view));

  // Pitch 2-D: the pitch a multiple of texturePitchAlignment, rows inside it.
  EXPECT_EQ(cudaSuccess, create(pitchResource(fixture.linear, f1, 8, 4, 64), tex));
  EXPECT_EQ(cudaErrorInvalidValue, create(pitchResource(fixture.linear, f1, 8, 4, 48), tex));
  EXPECT_EQ(cudaErrorInvalidValue, create(pitchResource(fixture.linear, f1, 8, 4, 16), tex));
  EXPECT_EQ(cudaErrorInvalidValue, create(pitchResource(fixture.linear, f1, 0, 4, 64), tex));
  EXPECT_EQ(cudaErrorInvalidValue, create(pitchResource(fixture.linear, f1, 8, 0, 64), tex));
  EXPECT_EQ(cudaErrorInvalidValue, create(pitchResource(fixture.linear, f1, 8, 65, 64), tex));
  EXPECT_EQ(cudaErrorInvalidValue,
            create(pitchResource(static_cast<char *>(fixture.linear) + 32, f1, 8, 4, 64), tex));
}

TEST_F(TextureApi, ResourceViews) {
  TextureFixture fixture(cudaCreateChannelDesc<float>(), make_cudaExtent(8, 4, 3),
                         cudaArrayLayered);
  cudaResourceDesc res = arrayResource(fixture.array);
  cudaTextureDesc tex =
      textureDesc(cudaAddressModeClamp, cudaFilterModePoint, cudaReadModeElementType, false);
  cudaResourceViewDesc view;
  std::memset(&view, 0, sizeof view);
  view.width = 8;
  view.height = 4;
  view.depth = 3;
  view.lastLayer = 2;
  EXPECT_EQ(cudaSuccess, create(res, tex, &view));
  view.format = cudaResViewFormatUnsignedInt1; // same element size: reinterpreted
  EXPECT_EQ(cudaSuccess, create(res, tex, &view));
  view.format = cudaResViewFormatHalf2;
  EXPECT_EQ(cudaSuccess, create(res, tex, &view));
  view.format = cudaResViewFormatFloat2; // another size
  EXPECT_EQ(cudaErrorInvalidValue, create(res, tex, &view));
  view.format = cudaResViewFormatUnsignedBlockCompressed1;
  EXPECT_EQ(cudaErrorNotSupported, create(res, tex, &view));
  view.format = cudaResViewFormatNone;
  view.width = 4; // another extent
  EXPECT_EQ(cudaErrorInvalidValue, create(res, tex, &view));
  view.width = 8;
  view.lastLayer = 3; // past the layers
  EXPECT_EQ(cudaErrorInvalidValue, create(res, tex, &view));
  view.firstLayer = 2;
  view.lastLayer = 1;
  EXPECT_EQ(cudaErrorInvalidValue, create(res, tex, &view));
  view.firstLayer = 0;
  view.lastLayer = 0;
  view.lastMipmapLevel = 1; // not mipmapped
  EXPECT_EQ(cudaErrorInvalidValue, create(res, tex, &view));
}

TEST_F(TextureApi, MipmappedTexturesNeedNormalizedCoordinates) {
  cudaChannelFormatDesc f1 = cudaCreateChannelDesc<float>();
  cudaMipmappedArray_t mipmap = nullptr;
  CUDA_OK(cudaMallocMipmappedArray(&mipmap, &f1, make_cudaExtent(8, 8, 0), 3));
  cudaResourceDesc res;
  std::memset(&res, 0, sizeof res);
  res.resType = cudaResourceTypeMipmappedArray;
  res.res.mipmap.mipmap = mipmap;
  cudaTextureDesc tex =
      textureDesc(cudaAddressModeClamp, cudaFilterModePoint, cudaReadModeElementType, false);
  EXPECT_EQ(cudaErrorInvalidValue, create(res, tex));
  tex.normalizedCoords = 1;
  EXPECT_EQ(cudaSuccess, create(res, tex));
  cudaResourceViewDesc view;
  std::memset(&view, 0, sizeof view);
  view.width = 8;
  view.height = 8;
  view.firstMipmapLevel = 1; // level 1 becomes the texture's level 0
  view.lastMipmapLevel = 2;
  EXPECT_EQ(cudaSuccess, create(res, tex, &view));
  view.width = 4; // the view's extent is the resource's (level 0's)
  EXPECT_EQ(cudaErrorInvalidValue, create(res, tex, &view));
  view.width = 8;
  view.lastMipmapLevel = 3; // 3 levels
  EXPECT_EQ(cudaErrorInvalidValue, create(res, tex, &view));
  view.firstMipmapLevel = 3;
  EXPECT_EQ(cudaErrorInvalidValue, create(res, tex, &view));
  res.res.mipmap.mipmap = nullptr;
  EXPECT_EQ(cudaErrorInvalidValue, create(res, tex));
  CUDA_OK(cudaFreeMipmappedArray(mipmap));
}

TEST_F(TextureApi, SurfaceObjects) {
  TextureFixture loadStore(cudaCreateChannelDesc<float>(), make_cudaExtent(8, 8, 0),
                           cudaArraySurfaceLoadStore);
  TextureFixture plain(cudaCreateChannelDesc<float>(), make_cudaExtent(8, 8, 0));
  cudaResourceDesc res = arrayResource(loadStore.array);
  cudaSurfaceObject_t surface = 0;
  CUDA_OK(cudaCreateSurfaceObject(&surface, &res));
  EXPECT_NE(0u, surface);
  cudaResourceDesc back;
  CUDA_OK(cudaGetSurfaceObjectResourceDesc(&back, surface));
  EXPECT_EQ(loadStore.array, back.res.array.array);
  // A surface is no texture, and the reverse.
  cudaTextureDesc texBack;
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetTextureObjectTextureDesc(&texBack, surface));
  EXPECT_EQ(cudaErrorInvalidValue, cudaDestroyTextureObject(surface));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetSurfaceObjectResourceDesc(nullptr, surface));
  CUDA_OK(cudaDestroySurfaceObject(surface));
  EXPECT_EQ(cudaErrorInvalidValue, cudaDestroySurfaceObject(surface));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetSurfaceObjectResourceDesc(&back, surface));

  EXPECT_EQ(cudaErrorInvalidValue, cudaCreateSurfaceObject(nullptr, &res));
  EXPECT_EQ(cudaErrorInvalidValue, cudaCreateSurfaceObject(&surface, nullptr));
  cudaResourceDesc noFlag = arrayResource(plain.array);
  EXPECT_EQ(cudaErrorInvalidValue, cudaCreateSurfaceObject(&surface, &noFlag));
  cudaResourceDesc noArray = arrayResource(nullptr);
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaCreateSurfaceObject(&surface, &noArray));
  cudaResourceDesc linear = linearResource(plain.linear, cudaCreateChannelDesc<float>(), 64);
  EXPECT_EQ(cudaErrorInvalidValue, cudaCreateSurfaceObject(&surface, &linear));
}

TEST_F(TextureApi, TexturePropertiesAreReported) {
  cudaDeviceProp prop;
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  EXPECT_EQ(256u, prop.textureAlignment);
  EXPECT_EQ(32u, prop.texturePitchAlignment);
  EXPECT_GE(prop.maxTexture2D[0], 65536);
  EXPECT_GE(prop.maxSurface2DLayered[2], 2048);
  int value = 0;
  CUDA_OK(cudaDeviceGetAttribute(&value, cudaDevAttrMaxTexture3DDepth, 0));
  EXPECT_EQ(prop.maxTexture3D[2], value);
  CUDA_OK(cudaDeviceGetAttribute(&value, cudaDevAttrMaxSurfaceCubemapLayeredLayers, 0));
  EXPECT_EQ(prop.maxSurfaceCubemapLayered[1], value);
  // Every cudaMalloc pointer is aligned for textures.
  void *p = nullptr;
  CUDA_OK(cudaMalloc(&p, 1));
  void *q = nullptr;
  CUDA_OK(cudaMalloc(&q, 1));
  EXPECT_EQ(0u, reinterpret_cast<uintptr_t>(q) % prop.textureAlignment);
  CUDA_OK(cudaFree(p));
  CUDA_OK(cudaFree(q));
}
