// bilinearResize: scales an RGBA8 image with a texture object over a
// cudaArray: normalized coordinates, clamp addressing, linear filtering and
// cudaReadModeNormalizedFloat (each 8-bit channel read as [0, 1]). The host
// reference applies CUDA's rule for linear filtering: weights rounded to 8
// fractional bits (the texture unit's 9-bit fixed point).
#include <cmath>
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

__global__ void resize(cudaTextureObject_t image, uchar4 *out, int width, int height) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= width || y >= height)
    return;
  float u = (x + 0.5f) / width, v = (y + 0.5f) / height;
  float4 c = tex2D<float4>(image, u, v);
  out[y * width + x] = make_uchar4((unsigned char)(c.x * 255.0f + 0.5f),
                                   (unsigned char)(c.y * 255.0f + 0.5f),
                                   (unsigned char)(c.z * 255.0f + 0.5f),
                                   (unsigned char)(c.w * 255.0f + 0.5f));
}

// CUDA's bilinear filter at normalized (u, v) with clamp addressing.
static void sampleHost(const std::vector<uchar4> &src, int w, int h, float u, float v, float out[4]) {
  float x = u * w - 0.5f, y = v * h - 0.5f;
  float fx = std::floor(x), fy = std::floor(y);
  float a = std::round((x - fx) * 256.0f) / 256.0f, b = std::round((y - fy) * 256.0f) / 256.0f;
  int i = int(fx), j = int(fy);
  auto texel = [&](int ti, int tj, int c) {
    ti = ti < 0 ? 0 : (ti >= w ? w - 1 : ti);
    tj = tj < 0 ? 0 : (tj >= h ? h - 1 : tj);
    const uchar4 &p = src[tj * w + ti];
    unsigned char channel = c == 0 ? p.x : c == 1 ? p.y : c == 2 ? p.z : p.w;
    return channel / 255.0f;
  };
  for (int c = 0; c < 4; ++c)
    out[c] = (1 - a) * (1 - b) * texel(i, j, c) + a * (1 - b) * texel(i + 1, j, c) +
             (1 - a) * b * texel(i, j + 1, c) + a * b * texel(i + 1, j + 1, c);
}

int main() {
  printDevice();
  const int srcW = 97, srcH = 61, dstW = 250, dstH = 133;
  std::vector<uchar4> source(srcW * srcH);
  for (int y = 0; y < srcH; ++y)
    for (int x = 0; x < srcW; ++x)
      source[y * srcW + x] = make_uchar4((unsigned char)(x * 255 / (srcW - 1)),
                                         (unsigned char)(y * 255 / (srcH - 1)),
                                         (unsigned char)((x * 7 + y * 13) & 255),
                                         (unsigned char)(((x / 8 + y / 8) & 1) ? 255 : 0));

  cudaChannelFormatDesc format = cudaCreateChannelDesc<uchar4>();
  cudaArray_t array;
  CHECK_CUDA(cudaMallocArray(&array, &format, srcW, srcH));
  CHECK_CUDA(cudaMemcpy2DToArray(array, 0, 0, source.data(), srcW * sizeof(uchar4),
                                 srcW * sizeof(uchar4), srcH, cudaMemcpyHostToDevice));

  cudaResourceDesc resource = {};
  resource.resType = cudaResourceTypeArray;
  resource.res.array.array = array;
  cudaTextureDesc sampling = {};
  sampling.addressMode[0] = cudaAddressModeClamp;
  sampling.addressMode[1] = cudaAddressModeClamp;
  sampling.filterMode = cudaFilterModeLinear;
  sampling.readMode = cudaReadModeNormalizedFloat;
  sampling.normalizedCoords = 1;
  cudaTextureObject_t image = 0;
  CHECK_CUDA(cudaCreateTextureObject(&image, &resource, &sampling, nullptr));

  uchar4 *d_out;
  CHECK_CUDA(cudaMalloc(&d_out, dstW * dstH * sizeof(uchar4)));
  dim3 block(16, 16), grid((dstW + 15) / 16, (dstH + 15) / 16);
  resize<<<grid, block>>>(image, d_out, dstW, dstH);
  CHECK_CUDA(cudaGetLastError());
  std::vector<uchar4> result(dstW * dstH);
  CHECK_CUDA(cudaMemcpy(result.data(), d_out, result.size() * sizeof(uchar4),
                        cudaMemcpyDeviceToHost));

  int worst = 0;
  for (int y = 0; y < dstH; ++y)
    for (int x = 0; x < dstW; ++x) {
      float expected[4];
      sampleHost(source, srcW, srcH, (x + 0.5f) / dstW, (y + 0.5f) / dstH, expected);
      const uchar4 &got = result[y * dstW + x];
      int channels[4] = {got.x, got.y, got.z, got.w};
      for (int c = 0; c < 4; ++c)
        worst = std::max(worst, std::abs(channels[c] - int(expected[c] * 255.0f + 0.5f)));
    }
  std::printf("%dx%d -> %dx%d: largest channel difference %d (of 255)\n", srcW, srcH, dstW, dstH,
              worst);

  CHECK_CUDA(cudaDestroyTextureObject(image));
  CHECK_CUDA(cudaFreeArray(array));
  CHECK_CUDA(cudaFree(d_out));
  return reportResult("bilinearResize", worst <= 1);
}
