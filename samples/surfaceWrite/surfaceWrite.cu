// surfaceWrite: a kernel writes a 2-D float field into a cudaArray through a
// surface object (byte x coordinates, as CUDA's surf2Dwrite takes them), a
// second kernel reads its neighbours back with surf2Dread in clamp mode
// (edges repeat), and the host checks both against a reference.
#include <cmath>
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

__global__ void fill(cudaSurfaceObject_t field, int width, int height) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x < width && y < height)
    surf2Dwrite(sinf(x * 0.1f) + cosf(y * 0.2f), field, x * (int)sizeof(float), y);
}

__global__ void laplacian(cudaSurfaceObject_t field, float *out, int width, int height) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= width || y >= height)
    return;
  const int b = (int)sizeof(float);
  float c = surf2Dread<float>(field, x * b, y);
  float l = surf2Dread<float>(field, (x - 1) * b, y, cudaBoundaryModeClamp);
  float r = surf2Dread<float>(field, (x + 1) * b, y, cudaBoundaryModeClamp);
  float d = surf2Dread<float>(field, x * b, y - 1, cudaBoundaryModeClamp);
  float u = surf2Dread<float>(field, x * b, y + 1, cudaBoundaryModeClamp);
  out[y * width + x] = l + r + d + u - 4.0f * c;
}

int main() {
  printDevice();
  const int width = 200, height = 120;
  cudaChannelFormatDesc format = cudaCreateChannelDesc<float>();
  cudaArray_t array;
  CHECK_CUDA(cudaMallocArray(&array, &format, width, height, cudaArraySurfaceLoadStore));
  cudaResourceDesc resource = {};
  resource.resType = cudaResourceTypeArray;
  resource.res.array.array = array;
  cudaSurfaceObject_t field = 0;
  CHECK_CUDA(cudaCreateSurfaceObject(&field, &resource));

  float *d_out;
  CHECK_CUDA(cudaMalloc(&d_out, width * height * sizeof(float)));
  dim3 block(16, 8), grid((width + 15) / 16, (height + 7) / 8);
  fill<<<grid, block>>>(field, width, height);
  laplacian<<<grid, block>>>(field, d_out, width, height);
  CHECK_CUDA(cudaGetLastError());

  std::vector<float> values(width * height), result(width * height);
  CHECK_CUDA(cudaMemcpy2DFromArray(values.data(), width * sizeof(float), array, 0, 0,
                                   width * sizeof(float), height, cudaMemcpyDeviceToHost));
  CHECK_CUDA(cudaMemcpy(result.data(), d_out, result.size() * sizeof(float),
                        cudaMemcpyDeviceToHost));
  double worstValue = 0.0, worstLaplacian = 0.0;
  auto at = [&](int x, int y) {
    x = x < 0 ? 0 : (x >= width ? width - 1 : x);
    y = y < 0 ? 0 : (y >= height ? height - 1 : y);
    return std::sin(x * 0.1f) + std::cos(y * 0.2f);
  };
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      worstValue = std::fmax(worstValue, std::fabs(values[y * width + x] - at(x, y)));
      float expected = at(x - 1, y) + at(x + 1, y) + at(x, y - 1) + at(x, y + 1) - 4.0f * at(x, y);
      worstLaplacian = std::fmax(worstLaplacian, std::fabs(result[y * width + x] - expected));
    }
  std::printf("%dx%d field: written values within %.2g, laplacian within %.2g\n", width, height,
              worstValue, worstLaplacian);

  CHECK_CUDA(cudaDestroySurfaceObject(field));
  CHECK_CUDA(cudaFreeArray(array));
  CHECK_CUDA(cudaFree(d_out));
  return reportResult("surfaceWrite", worstValue < 1e-5 && worstLaplacian < 1e-4);
}
