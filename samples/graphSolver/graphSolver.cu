// graphSolver: Jacobi iteration for a diagonally dominant tridiagonal system
// A x = b, with the work of one outer step (eight sweeps, then the residual)
// captured once into a CUDA graph and replayed until the residual is small.
// The residual's partial sums go to page-locked memory and a host node adds
// them up, so the host decides when to stop without another copy. The answer
// is checked against a direct (Thomas) solve on the host.
#include <cmath>
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

constexpr int kThreads = 128;
constexpr int kSweepsPerStep = 8;
constexpr float kDiagonal = 2.5f;

// A = tridiag(-1, kDiagonal, -1): x_i <- (b_i + x_{i-1} + x_{i+1}) / kDiagonal
__global__ void jacobiSweep(const float *x, float *next, const float *b, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  float left = i > 0 ? x[i - 1] : 0.0f;
  float right = i + 1 < n ? x[i + 1] : 0.0f;
  next[i] = (b[i] + left + right) / kDiagonal;
}

// Per-block sums of the squared residual (b - A x)_i.
__global__ void residualPartials(const float *x, const float *b, float *partials, int n) {
  __shared__ float sums[kThreads];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float r = 0.0f;
  if (i < n) {
    float left = i > 0 ? x[i - 1] : 0.0f;
    float right = i + 1 < n ? x[i + 1] : 0.0f;
    r = b[i] - (kDiagonal * x[i] - left - right);
  }
  sums[threadIdx.x] = r * r;
  __syncthreads();
  for (int stride = blockDim.x / 2; stride > 0; stride /= 2) {
    if (threadIdx.x < stride)
      sums[threadIdx.x] += sums[threadIdx.x + stride];
    __syncthreads();
  }
  if (threadIdx.x == 0)
    partials[blockIdx.x] = sums[0];
}

struct Residual {
  const float *partials; // page-locked
  int blocks;
  double norm;
  int steps;
};

void CUDART_CB sumResidual(void *data) {
  Residual *residual = static_cast<Residual *>(data);
  double sum = 0.0;
  for (int i = 0; i < residual->blocks; ++i)
    sum += residual->partials[i];
  residual->norm = std::sqrt(sum);
  ++residual->steps;
}

// Thomas algorithm for the same system, in double precision.
std::vector<double> solveDirect(const std::vector<float> &b) {
  int n = static_cast<int>(b.size());
  std::vector<double> c(n), d(n), x(n);
  c[0] = -1.0 / kDiagonal;
  d[0] = b[0] / kDiagonal;
  for (int i = 1; i < n; ++i) {
    double m = kDiagonal + c[i - 1];
    c[i] = -1.0 / m;
    d[i] = (b[i] + d[i - 1]) / m;
  }
  x[n - 1] = d[n - 1];
  for (int i = n - 2; i >= 0; --i)
    x[i] = d[i] - c[i] * x[i + 1];
  return x;
}

int main() {
  printDevice();
  const int n = 20000;
  const int blocks = (n + kThreads - 1) / kThreads;
  std::vector<float> b(n);
  for (int i = 0; i < n; ++i)
    b[i] = 1.0f + 0.5f * std::sin(0.01f * i);

  float *x = nullptr, *next = nullptr, *db = nullptr, *partials = nullptr, *hostPartials = nullptr;
  CHECK_CUDA(cudaMalloc(&x, n * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&next, n * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&db, n * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&partials, blocks * sizeof(float)));
  CHECK_CUDA(cudaMallocHost(&hostPartials, blocks * sizeof(float)));
  CHECK_CUDA(cudaMemcpy(db, b.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemset(x, 0, n * sizeof(float)));
  Residual residual{hostPartials, blocks, 0.0, 0};

  cudaStream_t stream;
  CHECK_CUDA(cudaStreamCreate(&stream));
  cudaGraph_t graph;
  CHECK_CUDA(cudaStreamBeginCapture(stream, cudaStreamCaptureModeGlobal));
  for (int sweep = 0; sweep < kSweepsPerStep; sweep += 2) {
    jacobiSweep<<<blocks, kThreads, 0, stream>>>(x, next, db, n);
    jacobiSweep<<<blocks, kThreads, 0, stream>>>(next, x, db, n);
  }
  residualPartials<<<blocks, kThreads, 0, stream>>>(x, db, partials, n);
  CHECK_CUDA(cudaMemcpyAsync(hostPartials, partials, blocks * sizeof(float), cudaMemcpyDeviceToHost,
                             stream));
  CHECK_CUDA(cudaLaunchHostFunc(stream, sumResidual, &residual));
  CHECK_CUDA(cudaStreamEndCapture(stream, &graph));

  size_t nodes = 0;
  CHECK_CUDA(cudaGraphGetNodes(graph, nullptr, &nodes));
  std::printf("captured %zu nodes per step\n", nodes);
  cudaGraphExec_t step;
  CHECK_CUDA(cudaGraphInstantiate(&step, graph, 0));

  const double tolerance = 1e-3;
  const int maxSteps = 200;
  do {
    CHECK_CUDA(cudaGraphLaunch(step, stream));
    CHECK_CUDA(cudaStreamSynchronize(stream));
  } while (residual.norm > tolerance && residual.steps < maxSteps);
  std::printf("residual %.3e after %d steps (%d sweeps)\n", residual.norm, residual.steps,
              residual.steps * kSweepsPerStep);

  std::vector<float> solution(n);
  CHECK_CUDA(cudaMemcpy(solution.data(), x, n * sizeof(float), cudaMemcpyDeviceToHost));
  std::vector<double> expected = solveDirect(b);
  double worst = 0.0;
  for (int i = 0; i < n; ++i)
    worst = std::fmax(worst, std::fabs(solution[i] - expected[i]));
  std::printf("largest difference from the direct solve: %.3e\n", worst);

  CHECK_CUDA(cudaGraphExecDestroy(step));
  CHECK_CUDA(cudaGraphDestroy(graph));
  CHECK_CUDA(cudaStreamDestroy(stream));
  CHECK_CUDA(cudaFreeHost(hostPartials));
  for (float *p : {x, next, db, partials})
    CHECK_CUDA(cudaFree(p));
  bool passed = nodes == kSweepsPerStep + 3 && residual.norm <= tolerance &&
                residual.steps < maxSteps && worst < 5e-3;
  return reportResult("graphSolver", passed);
}
