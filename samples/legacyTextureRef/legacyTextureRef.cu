// legacyTextureRef: texture references as pre-CUDA-12 code used them (and
// benchmark suites still do): a 1-D reference bound to linear memory with
// cudaBindTexture and read with tex1Dfetch for a 1-D stencil, and a 2-D
// reference bound to a cudaArray with cudaBindTextureToArray, set up through
// its attributes (normalized coordinates, wrap addressing, point filtering)
// and read with tex2D. NVIDIA's CUDA 12+ no longer compiles this program
// (texture references were removed); cucl keeps running it.
#include <cmath>
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

texture<float, 1, cudaReadModeElementType> texSignal;
texture<float, 2, cudaReadModeElementType> texTile;

__global__ void smooth(float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) // out-of-range fetches read 0, so the ends see zero neighbours
    out[i] = 0.25f * tex1Dfetch(texSignal, i - 1) + 0.5f * tex1Dfetch(texSignal, i) +
             0.25f * tex1Dfetch(texSignal, i + 1);
}

__global__ void tile(float *out, int width, int height, int tileW, int tileH) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x < width && y < height) // wrap repeats the small tile over the whole output
    out[y * width + x] = tex2D(texTile, (x + 0.5f) / tileW, (y + 0.5f) / tileH);
}

int main() {
  printDevice();
  const int n = 1000;
  std::vector<float> signal(n);
  for (int i = 0; i < n; ++i)
    signal[i] = std::sin(i * 0.05f) * 10.0f;
  float *d_signal, *d_smooth;
  CHECK_CUDA(cudaMalloc(&d_signal, n * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&d_smooth, n * sizeof(float)));
  CHECK_CUDA(cudaMemcpy(d_signal, signal.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  size_t offset = 0;
  CHECK_CUDA(cudaBindTexture(&offset, texSignal, d_signal, n * sizeof(float)));
  smooth<<<(n + 127) / 128, 128>>>(d_smooth, n);
  CHECK_CUDA(cudaGetLastError());
  std::vector<float> smoothed(n);
  CHECK_CUDA(cudaMemcpy(smoothed.data(), d_smooth, n * sizeof(float), cudaMemcpyDeviceToHost));
  double smoothError = 0.0;
  for (int i = 0; i < n; ++i) {
    float left = i > 0 ? signal[i - 1] : 0.0f, right = i + 1 < n ? signal[i + 1] : 0.0f;
    float expected = 0.25f * left + 0.5f * signal[i] + 0.25f * right;
    smoothError = std::fmax(smoothError, std::fabs(smoothed[i] - expected));
  }

  const int tileW = 4, tileH = 3, width = 37, height = 23;
  float tileValues[tileH][tileW];
  for (int y = 0; y < tileH; ++y)
    for (int x = 0; x < tileW; ++x)
      tileValues[y][x] = float(10 * y + x);
  cudaChannelFormatDesc format = cudaCreateChannelDesc<float>();
  cudaArray_t array;
  CHECK_CUDA(cudaMallocArray(&array, &format, tileW, tileH));
  CHECK_CUDA(cudaMemcpy2DToArray(array, 0, 0, tileValues, tileW * sizeof(float),
                                 tileW * sizeof(float), tileH, cudaMemcpyHostToDevice));
  texTile.normalized = 1;
  texTile.filterMode = cudaFilterModePoint;
  texTile.addressMode[0] = cudaAddressModeWrap;
  texTile.addressMode[1] = cudaAddressModeWrap;
  CHECK_CUDA(cudaBindTextureToArray(texTile, array, format));
  float *d_tiled;
  CHECK_CUDA(cudaMalloc(&d_tiled, width * height * sizeof(float)));
  dim3 block(16, 8), grid((width + 15) / 16, (height + 7) / 8);
  tile<<<grid, block>>>(d_tiled, width, height, tileW, tileH);
  CHECK_CUDA(cudaGetLastError());
  std::vector<float> tiled(width * height);
  CHECK_CUDA(cudaMemcpy(tiled.data(), d_tiled, tiled.size() * sizeof(float),
                        cudaMemcpyDeviceToHost));
  int wrongTiles = 0;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      wrongTiles += tiled[y * width + x] != tileValues[y % tileH][x % tileW];
  std::printf("stencil of %d samples: max error %.3g; %dx%d tiled output: %d wrong\n", n,
              smoothError, width, height, wrongTiles);

  CHECK_CUDA(cudaUnbindTexture(texSignal));
  CHECK_CUDA(cudaUnbindTexture(texTile));
  CHECK_CUDA(cudaFreeArray(array));
  CHECK_CUDA(cudaFree(d_signal));
  CHECK_CUDA(cudaFree(d_smooth));
  CHECK_CUDA(cudaFree(d_tiled));
  return reportResult("legacyTextureRef", smoothError < 1e-5 && wrongTiles == 0);
}
