// Legacy texture references: `texture<T, dim, mode>` objects bound with
// cudaBindTexture, cudaBindTexture2D and cudaBindTextureToArray (the C API
// and the C++ templates), read by kernels registered with
// __cuclRegisterKernelTextureReference (a buffer and a descriptor per
// reference after all other hidden arguments), with the reference's
// attributes read at each launch. Compiled as CUDA (__CUDACC__) for the
// templates.
#include "texture_model.h"
#include "texture_test_support.h"

namespace {

using namespace texture_kernels;
namespace model = texture_model;

texture<float, cudaTextureType1D> linearRef;
texture<float2, cudaTextureType2D> pitchedRef(0, cudaFilterModePoint, cudaAddressModeClamp);
texture<unsigned char, cudaTextureType2D, cudaReadModeNormalizedFloat> bytesRef;
texture<int, cudaTextureType2D> intsRef;
texture<float, cudaTextureType2D> secondRef;
textureReference plainRef; // through the C API only

const char kReferenceKernels[] = R"CL(
#ifndef CUCL_CONSTANT
#define CUCL_CONSTANT __constant
#endif
__kernel void ref_fetch(__global int *c__base, ulong c__off, __global float4 *o__base,
                        ulong o__off, int n, TEX_PARAM(r)) {
  TEXTURE(r); DEVICE_PTR(int, c); DEVICE_PTR(float4, o);
  int i = (int)get_global_id(0);
  if (i < n) o[i] = cucl_tex_fetch_f(r, c[i]);
}
__kernel void ref_sample(__global float4 *c__base, ulong c__off, __global float4 *o__base,
                         ulong o__off, uint dims, int n, TEX_PARAM(r)) {
  TEXTURE(r); DEVICE_PTR(float4, c); DEVICE_PTR(float4, o);
  int i = (int)get_global_id(0);
  if (i < n) o[i] = cucl_tex_sample_f(r, dims, c[i].x, c[i].y, c[i].z, 0);
}
__kernel void ref_sample_i(__global float4 *c__base, ulong c__off, __global int4 *o__base,
                           ulong o__off, uint dims, int n, TEX_PARAM(r)) {
  TEXTURE(r); DEVICE_PTR(float4, c); DEVICE_PTR(int4, o);
  int i = (int)get_global_id(0);
  if (i < n) o[i] = cucl_tex_sample_i(r, dims, c[i].x, c[i].y, c[i].z, 0);
}
/* A texture object, dynamic shared memory, the module's symbol segments,
 * then two references: o[i] = (object, first reference, second reference,
 * the __device__ int symbol). */
__kernel void ref_mixed(TEX_PARAM(t), __global float4 *c__base, ulong c__off,
                        __global float4 *o__base, ulong o__off, int n, __local uchar *dyn,
                        __global uchar *cucl_device_symbols, CUCL_CONSTANT uchar *cucl_constants,
                        __global uchar *cucl_constants_rw, TEX_PARAM(a), TEX_PARAM(b)) {
  TEXTURE(t); TEXTURE(a); TEXTURE(b); DEVICE_PTR(float4, c); DEVICE_PTR(float4, o);
  int i = (int)get_global_id(0);
  dyn[get_local_id(0)] = (uchar)1;
  if (i < n)
    o[i] = (float4)(cucl_tex_sample_f(t, 2, c[i].x, c[i].y, 0, 0).x,
                    cucl_tex_sample_f(a, 2, c[i].x, c[i].y, 0, 0).x,
                    cucl_tex_sample_f(b, 2, c[i].x, c[i].y, 0, 0).x,
                    (float)*(__global int *)cucl_device_symbols);
}
)CL";

const char refFetch = 0, refSample = 0, refSampleInts = 0, refBytes = 0, refPlain = 0, refMixed = 0,
           refPitched = 0;
int deviceSymbol = 42; // the __device__ variable's host shadow

void registerReferenceKernels() {
  static bool done = [] {
    static const std::string source = runtimeSource() + kKernels + kReferenceKernels;
    void **module = test_kernels::registerModuleSource("texture_refs.cl", source.c_str());
    cuclKernelArgInfo fetch[] = {kPtr, kPtr, kInt};
    __cuclRegisterKernel(module, &refFetch, "ref_fetch", 3, fetch, 0);
    __cuclRegisterKernelTextureReference(module, &refFetch, &linearRef);
    cuclKernelArgInfo sample[] = {kPtr, kPtr, kInt, kInt};
    // Reference first, kernel second: registration order does not matter.
    __cuclRegisterKernelTextureReference(module, &refPitched, &pitchedRef);
    __cuclRegisterKernel(module, &refPitched, "ref_sample", 4, sample, 0);
    __cuclRegisterKernel(module, &refBytes, "ref_sample", 4, sample, 0);
    __cuclRegisterKernelTextureReference(module, &refBytes, &bytesRef);
    __cuclRegisterKernel(module, &refSampleInts, "ref_sample_i", 4, sample, 0);
    __cuclRegisterKernelTextureReference(module, &refSampleInts, &intsRef);
    __cuclRegisterKernel(module, &refPlain, "ref_sample", 4, sample, 0);
    __cuclRegisterKernelTextureReference(module, &refPlain, &plainRef);
    __cuclRegisterKernel(module, &refSample, "ref_sample", 4, sample, 0);
    __cuclRegisterKernelTextureReference(module, &refSample, &secondRef);
    __cuclRegisterSymbol(module, &deviceSymbol, "deviceSymbol", sizeof(int), 0, CUCL_SYMBOL_DEVICE);
    cuclKernelArgInfo mixed[] = {kTex, kPtr, kPtr, kInt};
    __cuclRegisterKernel(module, &refMixed, "ref_mixed", 4, mixed,
                         CUCL_KERNEL_DYNAMIC_SHARED | CUCL_KERNEL_SYMBOLS);
    __cuclRegisterKernelTextureReference(module, &refMixed, &pitchedRef);
    __cuclRegisterKernelTextureReference(module, &refMixed, &secondRef);
    return true;
  }();
  (void)done;
}

class TextureReferences : public ::testing::Test {
protected:
  void SetUp() override {
    registerAll();
    registerReferenceKernels();
    cudaGetLastError();
  }
  void TearDown() override {
    for (const textureReference *ref : {static_cast<const textureReference *>(&linearRef),
                                        static_cast<const textureReference *>(&pitchedRef),
                                        static_cast<const textureReference *>(&bytesRef),
                                        static_cast<const textureReference *>(&intsRef),
                                        static_cast<const textureReference *>(&secondRef),
                                        static_cast<const textureReference *>(&plainRef)})
      cudaUnbindTexture(ref);
    cudaGetLastError();
  }
};

// Launches a reference kernel: (coords, out, [dims,] n) and its references.
template <class Out, class Coord>
std::vector<Out> runRef(const char &kernel, const std::vector<Coord> &coords, bool withDims,
                        cudaError_t expected = cudaSuccess) {
  DeviceVector<Coord> in(coords);
  DeviceVector<Out> out(coords.size());
  Coord *inPtr = in.data;
  Out *outPtr = out.data;
  unsigned dims = 2;
  int n = static_cast<int>(coords.size());
  void *withDimsArgs[] = {&inPtr, &outPtr, &dims, &n};
  void *plainArgs[] = {&inPtr, &outPtr, &n};
  EXPECT_EQ(expected, cudaLaunchKernel(&kernel, dim3(unsigned(coords.size() + 63) / 64), dim3(64),
                                       withDims ? withDimsArgs : plainArgs, 0, nullptr));
  EXPECT_EQ(cudaSuccess, cudaDeviceSynchronize());
  return out.read();
}

std::vector<float4> grid2D(int w, int h) {
  std::vector<float4> coords;
  for (float y : {-1.0f, 0.0f, 0.3f, 0.5f, 1.0f + 1.0f / 512, 1.7f, float(h) - 0.5f, float(h) + 2})
    for (float x : {-2.0f, 0.0f, 0.5f, 0.75f, 2.5f + 3.0f / 512, float(w) - 0.5f, float(w) + 1})
      coords.push_back(make_float4(x, y, 0, 0));
  return coords;
}

void expectModel(const model::Texture &m, const std::vector<float4> &coords,
                 const std::vector<float4> &got, const char *what) {
  ASSERT_EQ(coords.size(), got.size());
  for (std::size_t i = 0; i < coords.size(); ++i) {
    model::Value expected = model::sampleF(m, 2, coords[i].x, coords[i].y, 0, 0);
    EXPECT_EQ(model::toBits(expected[0]), model::toBits(got[i].x))
        << what << " at (" << coords[i].x << ", " << coords[i].y << ")";
    EXPECT_EQ(model::toBits(expected[1]), model::toBits(got[i].y)) << what;
  }
}

} // namespace

TEST_F(TextureReferences, LinearMemoryWithItsAlignmentOffset) {
  std::vector<float> values(64);
  for (int i = 0; i < 64; ++i)
    values[i] = float(i) * 1.5f;
  DeviceVector<float> device(values);
  size_t offset = 99;
  CUDA_OK(cudaBindTexture(&offset, linearRef, device.data, 64 * sizeof(float)));
  EXPECT_EQ(0u, offset);
  CUDA_OK(cudaGetTextureAlignmentOffset(&offset, linearRef));
  EXPECT_EQ(0u, offset);
  std::vector<int> indices = {-1, 0, 1, 63, 64, 1000};
  std::vector<float4> got = runRef<float4>(refFetch, indices, false);
  const float expected[] = {0, 0, 1.5f, 63 * 1.5f, 0, 0};
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(expected[i], got[i].x) << indices[i];
    EXPECT_EQ(0.0f, got[i].y);
  }
  // An unaligned pointer: the texture starts at the aligned address before it
  // and the offset says where the data is (fetches add offset / sizeof(T)).
  CUDA_OK(cudaBindTexture(&offset, linearRef, device.data + 3, 16 * sizeof(float)));
  EXPECT_EQ(3 * sizeof(float), offset);
  size_t reported = 0;
  CUDA_OK(cudaGetTextureAlignmentOffset(&reported, linearRef));
  EXPECT_EQ(offset, reported);
  got = runRef<float4>(refFetch, std::vector<int>{3, 18, 19}, false);
  EXPECT_EQ(3 * 1.5f, got[0].x);
  EXPECT_EQ(18 * 1.5f, got[1].x);
  EXPECT_EQ(0.0f, got[2].x); // past the 16 bound elements
  EXPECT_EQ(cudaErrorInvalidValue, cudaBindTexture(nullptr, linearRef, device.data + 3, 16));
  // The default size binds to the end of the allocation.
  CUDA_OK(cudaBindTexture(nullptr, linearRef, device.data));
  got = runRef<float4>(refFetch, std::vector<int>{63}, false);
  EXPECT_EQ(63 * 1.5f, got[0].x);
}

TEST_F(TextureReferences, UnboundReferencesFailTheLaunch) {
  std::vector<int> indices = {0};
  runRef<float4>(refFetch, indices, false, cudaErrorInvalidTexture);
  EXPECT_EQ(cudaErrorInvalidTexture, cudaGetLastError());
  size_t offset = 0;
  EXPECT_EQ(cudaErrorInvalidTextureBinding, cudaGetTextureAlignmentOffset(&offset, linearRef));
  DeviceVector<float> device(std::size_t(16));
  CUDA_OK(cudaBindTexture(nullptr, linearRef, device.data, 64));
  runRef<float4>(refFetch, indices, false);
  CUDA_OK(cudaUnbindTexture(linearRef));
  CUDA_OK(cudaUnbindTexture(linearRef)); // unbinding twice is fine
  runRef<float4>(refFetch, indices, false, cudaErrorInvalidTexture);
}

TEST_F(TextureReferences, AttributesAreReadAtEachLaunch) {
  // 5 x 3 float2 texels in pitched memory.
  const int w = 5, h = 3;
  float2 *device = nullptr;
  size_t pitch = 0;
  CUDA_OK(cudaMallocPitch(&device, &pitch, w * sizeof(float2), h));
  model::Texture m;
  m.channels = 2;
  m.width = w;
  m.height = h;
  m.rowPitch = w * sizeof(float2);
  m.slicePitch = m.rowPitch * h;
  m.bytes.resize(m.slicePitch);
  for (std::size_t i = 0; i < m.bytes.size() / 4; ++i) {
    float v = float(int(i * 37 % 23) - 11) / 4.0f;
    std::memcpy(&m.bytes[i * 4], &v, 4);
  }
  CUDA_OK(cudaMemcpy2D(device, pitch, m.bytes.data(), m.rowPitch, m.rowPitch, h,
                       cudaMemcpyHostToDevice));
  size_t offset = 1;
  CUDA_OK(cudaBindTexture2D(&offset, pitchedRef, device, w, h, pitch));
  EXPECT_EQ(0u, offset);
  std::vector<float4> coords = grid2D(w, h);
  expectModel(m, coords, runRef<float4>(refPitched, coords, true), "point clamp");
  // Changed after binding: the next launch sees them, as with CUDA.
  pitchedRef.filterMode = cudaFilterModeLinear;
  pitchedRef.addressMode[0] = cudaAddressModeWrap;
  pitchedRef.addressMode[1] = cudaAddressModeBorder;
  pitchedRef.normalized = 1;
  m.linearFilter = true;
  m.address[0] = model::Wrap;
  m.address[1] = model::Border;
  m.normalized = true;
  std::vector<float4> normalized;
  for (const float4 &c : coords)
    normalized.push_back(make_float4(c.x / w, c.y / h, 0, 0));
  expectModel(m, normalized, runRef<float4>(refPitched, normalized, true), "linear wrap/border");
  // Garbage in the reference is refused at launch.
  int bad = 7;
  std::memcpy(&pitchedRef.filterMode, &bad, sizeof bad);
  runRef<float4>(refPitched, coords, true, cudaErrorInvalidTexture);
  pitchedRef.filterMode = cudaFilterModePoint;
  std::memcpy(&pitchedRef.addressMode[2], &bad, sizeof bad);
  runRef<float4>(refPitched, coords, true, cudaErrorInvalidTexture);
  pitchedRef.addressMode[2] = cudaAddressModeClamp;
  pitchedRef.normalized = 0;
  pitchedRef.addressMode[0] = pitchedRef.addressMode[1] = cudaAddressModeClamp;
  // Memory freed under the binding.
  CUDA_OK(cudaFree(device));
  runRef<float4>(refPitched, coords, true, cudaErrorInvalidValue);
}

TEST_F(TextureReferences, ArraysAndNormalizedReads) {
  cudaChannelFormatDesc desc = cudaCreateChannelDesc<unsigned char>();
  cudaArray_t array = nullptr;
  CUDA_OK(cudaMallocArray(&array, &desc, 6, 4));
  model::Texture m;
  m.kind = model::Unsigned;
  m.channels = 1;
  m.channelBytes = 1;
  m.width = 6;
  m.height = 4;
  m.rowPitch = 6;
  m.slicePitch = 24;
  m.bytes = patternBytes(24, 5);
  CUDA_OK(cudaMemcpy2DToArray(array, 0, 0, m.bytes.data(), 6, 6, 4, cudaMemcpyHostToDevice));
  CUDA_OK(cudaBindTextureToArray(bytesRef, array)); // the array's own format
  bytesRef.filterMode = cudaFilterModeLinear;
  m.linearFilter = true;
  std::vector<float4> coords = grid2D(6, 4);
  expectModel(m, coords, runRef<float4>(refBytes, coords, true), "uchar normalized linear");
  bytesRef.filterMode = cudaFilterModePoint;
  // Bound through the C API, with an explicit descriptor of the same size.
  cudaChannelFormatDesc signedDesc = cudaCreateChannelDesc<signed char>();
  CUDA_OK(cudaBindTextureToArray(&bytesRef, array, &signedDesc));
  m.linearFilter = false;
  m.kind = model::Signed;
  expectModel(m, coords, runRef<float4>(refBytes, coords, true), "as signed chars");
  cudaChannelFormatDesc wrongSize = cudaCreateChannelDesc<short>();
  EXPECT_EQ(cudaErrorInvalidChannelDescriptor, cudaBindTextureToArray(bytesRef, array, wrongSize));
  CUDA_OK(cudaFreeArray(array));
  runRef<float4>(refBytes, coords, true, cudaErrorInvalidValue); // bound to a freed array
  EXPECT_EQ(cudaErrorInvalidValue, cudaBindTextureToArray(bytesRef, array));
}

TEST_F(TextureReferences, IntegerTexturesAreNeverFiltered) {
  cudaChannelFormatDesc desc = cudaCreateChannelDesc<int>();
  cudaArray_t array = nullptr;
  CUDA_OK(cudaMallocArray(&array, &desc, 3, 2));
  const int values[] = {-5, 7, 9, 100000, -1, 0};
  CUDA_OK(cudaMemcpy2DToArray(array, 0, 0, values, 12, 12, 2, cudaMemcpyHostToDevice));
  CUDA_OK(cudaBindTextureToArray(intsRef, array));
  std::vector<float4> coords = {make_float4(0.5f, 0.5f, 0, 0), make_float4(1.2f, 1.9f, 0, 0),
                                make_float4(9, -9, 0, 0)};
  std::vector<int4> got = runRef<int4>(refSampleInts, coords, true);
  EXPECT_EQ(-5, got[0].x);
  EXPECT_EQ(-1, got[1].x);
  EXPECT_EQ(9, got[2].x);
  intsRef.filterMode = cudaFilterModeLinear;
  runRef<int4>(refSampleInts, coords, true, cudaErrorInvalidFilterSetting);
  intsRef.filterMode = cudaFilterModePoint;
  CUDA_OK(cudaFreeArray(array));
}

TEST_F(TextureReferences, HiddenArgumentOrder) {
  // Object texture: 2 x 2 floats; references: the pitched float2 one and a
  // float one; the symbol holds 42.
  cudaChannelFormatDesc f1 = cudaCreateChannelDesc<float>();
  cudaArray_t objectArray = nullptr, secondArray = nullptr;
  CUDA_OK(cudaMallocArray(&objectArray, &f1, 2, 2));
  CUDA_OK(cudaMallocArray(&secondArray, &f1, 2, 2));
  const float objectValues[] = {1, 2, 3, 4}, secondValues[] = {10, 20, 30, 40};
  CUDA_OK(cudaMemcpy2DToArray(objectArray, 0, 0, objectValues, 8, 8, 2, cudaMemcpyHostToDevice));
  CUDA_OK(cudaMemcpy2DToArray(secondArray, 0, 0, secondValues, 8, 8, 2, cudaMemcpyHostToDevice));
  cudaResourceDesc res = arrayResource(objectArray);
  cudaTextureDesc tex =
      textureDesc(cudaAddressModeClamp, cudaFilterModePoint, cudaReadModeElementType, false);
  cudaTextureObject_t object = 0;
  CUDA_OK(cudaCreateTextureObject(&object, &res, &tex, nullptr));
  float2 *pitched = nullptr;
  size_t pitch = 0;
  CUDA_OK(cudaMallocPitch(&pitched, &pitch, 2 * sizeof(float2), 2));
  const float2 pitchedValues[] = {{100, 0}, {200, 0}, {300, 0}, {400, 0}};
  CUDA_OK(cudaMemcpy2D(pitched, pitch, pitchedValues, 16, 16, 2, cudaMemcpyHostToDevice));
  CUDA_OK(cudaBindTexture2D(nullptr, pitchedRef, pitched, 2, 2, pitch));
  CUDA_OK(cudaBindTextureToArray(secondRef, secondArray));

  std::vector<float4> coords = {make_float4(0.5f, 0.5f, 0, 0), make_float4(1.5f, 1.5f, 0, 0)};
  DeviceVector<float4> in(coords);
  DeviceVector<float4> out(coords.size());
  float4 *inPtr = in.data, *outPtr = out.data;
  int n = 2;
  void *args[] = {&object, &inPtr, &outPtr, &n};
  CUDA_OK(cudaLaunchKernel(&refMixed, dim3(1), dim3(2), args, 16, nullptr));
  CUDA_OK(cudaDeviceSynchronize());
  std::vector<float4> got = out.read();
  EXPECT_EQ(1.0f, got[0].x);
  EXPECT_EQ(100.0f, got[0].y);
  EXPECT_EQ(10.0f, got[0].z);
  EXPECT_EQ(42.0f, got[0].w);
  EXPECT_EQ(4.0f, got[1].x);
  EXPECT_EQ(400.0f, got[1].y);
  EXPECT_EQ(40.0f, got[1].z);
  CUDA_OK(cudaDestroyTextureObject(object));
  CUDA_OK(cudaFreeArray(objectArray));
  CUDA_OK(cudaFreeArray(secondArray));
  CUDA_OK(cudaFree(pitched));
}

TEST_F(TextureReferences, CApiAndMipmappedArrays) {
  // A plain textureReference, set up by hand as C programs do.
  std::memset(&plainRef, 0, sizeof plainRef);
  plainRef.channelDesc = cudaCreateChannelDesc<float>();
  plainRef.addressMode[0] = plainRef.addressMode[1] = cudaAddressModeClamp;
  cudaChannelFormatDesc desc = cudaCreateChannelDesc<float>();
  cudaMipmappedArray_t mipmap = nullptr;
  CUDA_OK(cudaMallocMipmappedArray(&mipmap, &desc, make_cudaExtent(4, 2, 0), 2));
  cudaArray_t level0 = nullptr;
  CUDA_OK(cudaGetMipmappedArrayLevel(&level0, mipmap, 0));
  const float values[] = {1, 2, 3, 4, 5, 6, 7, 8};
  CUDA_OK(cudaMemcpy2DToArray(level0, 0, 0, values, 16, 16, 2, cudaMemcpyHostToDevice));
  CUDA_OK(cudaBindTextureToMipmappedArray(&plainRef, mipmap, &desc));
  std::vector<float4> coords = {make_float4(3.5f, 1.5f, 0, 0), make_float4(0.5f, 0.5f, 0, 0)};
  std::vector<float4> got = runRef<float4>(refPlain, coords, true);
  EXPECT_EQ(8.0f, got[0].x);
  EXPECT_EQ(1.0f, got[1].x);
  CUDA_OK(cudaUnbindTexture(&plainRef));
  CUDA_OK(cudaFreeMipmappedArray(mipmap));
  EXPECT_EQ(cudaErrorInvalidValue, cudaBindTextureToMipmappedArray(&plainRef, mipmap, &desc));
}

TEST_F(TextureReferences, BindErrors) {
  DeviceVector<float> device(std::size_t(256));
  cudaChannelFormatDesc f1 = cudaCreateChannelDesc<float>();
  size_t offset = 0;
  EXPECT_EQ(cudaErrorInvalidTexture, cudaBindTexture(&offset, nullptr, device.data, &f1, 64));
  EXPECT_EQ(cudaErrorInvalidValue, cudaBindTexture(&offset, &linearRef, device.data, nullptr, 64));
  cudaChannelFormatDesc bad = cudaCreateChannelDesc(32, 32, 32, 0, cudaChannelFormatKindFloat);
  EXPECT_EQ(cudaErrorInvalidChannelDescriptor,
            cudaBindTexture(&offset, &linearRef, device.data, &bad, 64));
  float host[4];
  EXPECT_EQ(cudaErrorInvalidValue, cudaBindTexture(&offset, &linearRef, host, &f1, 16));
  EXPECT_EQ(cudaErrorInvalidValue, cudaBindTexture(&offset, &linearRef, nullptr, &f1, 16));
  EXPECT_EQ(cudaErrorInvalidValue, cudaBindTexture(&offset, &linearRef, device.data, &f1, 0));
  EXPECT_EQ(cudaErrorInvalidTexture,
            cudaBindTexture2D(&offset, nullptr, device.data, &f1, 4, 4, 64));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaBindTexture2D(&offset, &secondRef, device.data, &f1, 4, 4, 48)); // pitch % 32
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaBindTexture2D(&offset, &secondRef, device.data, &f1, 40, 4, 128)); // row > pitch
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaBindTexture2D(&offset, &secondRef, device.data, &f1, 4, 40, 64)); // past the end
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaBindTexture2D(&offset, &secondRef, device.data, &f1, 0, 4, 64));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaBindTexture2D(nullptr, &secondRef, device.data + 1, &f1, 4, 4, 64));
  CUDA_OK(cudaBindTexture2D(&offset, &secondRef, device.data + 1, &f1, 4, 4, 64));
  EXPECT_EQ(sizeof(float), offset);
  EXPECT_EQ(cudaErrorInvalidTexture, cudaBindTextureToArray(nullptr, nullptr, &f1));
  EXPECT_EQ(cudaErrorInvalidValue, cudaBindTextureToArray(&secondRef, nullptr, &f1));
  EXPECT_EQ(cudaErrorInvalidTexture, cudaUnbindTexture(nullptr));
  EXPECT_EQ(cudaErrorInvalidTexture, cudaGetTextureAlignmentOffset(&offset, nullptr));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetTextureAlignmentOffset(nullptr, &secondRef));
  // A failed bind keeps the earlier binding.
  size_t kept = 0;
  CUDA_OK(cudaGetTextureAlignmentOffset(&kept, secondRef));
  EXPECT_EQ(sizeof(float), kept);
}

TEST_F(TextureReferences, TemplatesInitializeLikeCuda) {
  texture<float4, cudaTextureType2D, cudaReadModeElementType> defaults;
  EXPECT_EQ(0, defaults.normalized);
  EXPECT_EQ(cudaFilterModePoint, defaults.filterMode);
  EXPECT_EQ(cudaAddressModeClamp, defaults.addressMode[0]);
  EXPECT_EQ(cudaAddressModeClamp, defaults.addressMode[2]);
  EXPECT_EQ(32, defaults.channelDesc.w);
  EXPECT_EQ(cudaChannelFormatKindFloat, defaults.channelDesc.f);
  texture<uchar2, cudaTextureType1DLayered, cudaReadModeNormalizedFloat> set(
      1, cudaFilterModeLinear, cudaAddressModeWrap);
  EXPECT_EQ(1, set.normalized);
  EXPECT_EQ(cudaFilterModeLinear, set.filterMode);
  EXPECT_EQ(cudaAddressModeWrap, set.addressMode[1]);
  EXPECT_EQ(8, set.channelDesc.y);
  texture<int, 1> custom(0, cudaFilterModePoint, cudaAddressModeBorder,
                         cudaCreateChannelDesc<unsigned int>());
  EXPECT_EQ(cudaChannelFormatKindUnsigned, custom.channelDesc.f);
  surface<void, 2> anySurface;
  EXPECT_EQ(cudaChannelFormatKindNone, anySurface.channelDesc.f);
  surface<float2, 1> typedSurface;
  EXPECT_EQ(32, typedSurface.channelDesc.y);
  static_assert(sizeof(textureReference) == 124, "CUDA's layout of textureReference");
  static_assert(offsetof(textureReference, channelDesc) == 20, "CUDA's layout");
  static_assert(offsetof(textureReference, sRGB) == 40, "CUDA's layout");
  static_assert(offsetof(textureReference, __cudaReserved) == 68, "CUDA's layout");
  static_assert(sizeof(surfaceReference) == 20, "CUDA's layout of surfaceReference");
}
