// cuRAND's device API through the translator (docs/curand.md): states in
// global memory initialised per thread and copied to registers, template
// kernels over the state type, each distribution, skip-ahead, and the
// promise that stream t of the device API is stream t of libcurand's host
// API (the host generator gives the same numbers in its layout).
// RUN: %cuclcc %s -o %t -lcurand
// RUN: %t | FileCheck %s
#include <cmath>
#include <cstdio>
#include <vector>

#include <curand.h>
#include <curand_kernel.h>

#define CHECK(call)                                                                                \
  do {                                                                                             \
    cudaError_t status_ = (call);                                                                  \
    if (status_ != cudaSuccess) {                                                                  \
      std::printf("%s:%d: %s -> %s\n", __FILE__, __LINE__, #call, cudaGetErrorName(status_));      \
      return 1;                                                                                    \
    }                                                                                              \
  } while (0)
#define CURAND_CHECK(call)                                                                         \
  do {                                                                                             \
    curandStatus_t status_ = (call);                                                               \
    if (status_ != CURAND_STATUS_SUCCESS) {                                                        \
      std::printf("%s:%d: %s -> %d\n", __FILE__, __LINE__, #call, (int)status_);                   \
      return 1;                                                                                    \
    }                                                                                              \
  } while (0)

constexpr int kStreams = 16384; // libcurand's streams (docs/curand.md)
constexpr int kPerStream = 3;

template <class State> __global__ void setup(State *states, unsigned long long seed) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  curand_init(seed, id, 0, &states[id]);
}

template <class State> __global__ void draw(State *states, unsigned int *out) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  State local = states[id];
  for (int i = 0; i < kPerStream; ++i)
    out[i * kStreams + id] = curand(&local);
  states[id] = local;
}

template <class State> int sameAsHostApi(curandRngType_t type, const char *name) {
  State *states;
  unsigned int *out;
  CHECK(cudaMalloc(&states, kStreams * sizeof(State)));
  CHECK(cudaMalloc(&out, kStreams * kPerStream * sizeof(unsigned int)));
  setup<<<kStreams / 256, 256>>>(states, 777ULL);
  draw<<<kStreams / 256, 256>>>(states, out);
  std::vector<unsigned int> device(kStreams * kPerStream), host(kStreams * kPerStream);
  CHECK(
      cudaMemcpy(device.data(), out, device.size() * sizeof(unsigned int), cudaMemcpyDeviceToHost));
  curandGenerator_t generator;
  CURAND_CHECK(curandCreateGeneratorHost(&generator, type));
  CURAND_CHECK(curandSetPseudoRandomGeneratorSeed(generator, 777ULL));
  CURAND_CHECK(curandGenerate(generator, host.data(), host.size()));
  CURAND_CHECK(curandDestroyGenerator(generator));
  std::printf("%s device API = host API: %s\n", name, device == host ? "yes" : "no");
  CHECK(cudaFree(states));
  CHECK(cudaFree(out));
  return 0;
}

// Mean of uniforms and of normals, and the skip-ahead identity, per state.
template <class State>
__global__ void moments(unsigned long long seed, float *sums, unsigned int *skipOk) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  State s;
  curand_init(seed, id, 0, &s);
  float u = 0, n = 0, n2 = 0;
  for (int i = 0; i < 64; ++i) {
    u += curand_uniform(&s);
    float z = curand_normal(&s);
    n += z;
    n2 += z * z;
  }
  atomicAdd(&sums[0], u);
  atomicAdd(&sums[1], n);
  atomicAdd(&sums[2], n2);
  State a, b;
  curand_init(seed, id, 1000 + id, &a);
  curand_init(seed, id, 0, &b);
  skipahead(1000ULL + id, &b);
  if (curand(&a) == curand(&b))
    atomicAdd(skipOk, 1u);
}

template <class State> int checkMoments(const char *name) {
  float *sums;
  unsigned int *skipOk;
  CHECK(cudaMalloc(&sums, 3 * sizeof(float)));
  CHECK(cudaMalloc(&skipOk, sizeof(unsigned int)));
  CHECK(cudaMemset(sums, 0, 3 * sizeof(float)));
  CHECK(cudaMemset(skipOk, 0, sizeof(unsigned int)));
  moments<State><<<16, 64>>>(42ULL, sums, skipOk);
  float h[3];
  unsigned int ok = 0;
  CHECK(cudaMemcpy(h, sums, sizeof h, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(&ok, skipOk, sizeof ok, cudaMemcpyDeviceToHost));
  const float count = 16 * 64 * 64;
  std::printf(
      "%s uniform mean ok %d, normal mean ok %d, normal variance ok %d, skipahead %u/1024\n", name,
      std::fabs(h[0] / count - 0.5f) < 0.01f, std::fabs(h[1] / count) < 0.03f,
      std::fabs(h[2] / count - 1.0f) < 0.05f, ok);
  CHECK(cudaFree(sums));
  CHECK(cudaFree(skipOk));
  return 0;
}

// Philox's four-at-a-time calls, doubles, log-normal, Poisson (both
// methods) and a prepared distribution read through its device pointer.
__global__ void philoxExtras(double *out, curandDiscreteDistribution_t poisson) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  curandStatePhilox4_32_10_t s;
  curand_init(7ULL, id, 0, &s);
  float4 u = curand_uniform4(&s);
  float4 z = curand_normal4(&s);
  double2 d = curand_uniform2_double(&s);
  double w = curand_normal_double(&s);
  float l = curand_log_normal(&s, 0.0f, 0.5f);
  unsigned int small = curand_poisson(&s, 3.0);
  unsigned int large = curand_poisson(&s, 400.0);
  unsigned int table = curand_discrete(&s, poisson);
  double *row = out + 8 * id;
  row[0] = u.x + u.y + u.z + u.w;
  row[1] = z.x + z.y + z.z + z.w;
  row[2] = d.x + d.y;
  row[3] = w;
  row[4] = l;
  row[5] = small;
  row[6] = large;
  row[7] = table;
}

// One thread per dimension walks its Sobol points from the device API; the
// host API's quasi generator writes the same points dimension by dimension.
template <class State, class Word, class Vectors>
__global__ void sobolPlain(Vectors *vectors, Word *out, int points, int skip) {
  int d = threadIdx.x;
  State s;
  curand_init(vectors[d], 0, &s);
  skipahead(skip, &s);
  for (int p = 0; p < points; ++p)
    out[d * points + p] = curand(&s);
}
template <class State, class Word, class Vectors>
__global__ void sobolScrambled(Vectors *vectors, Word *scramble, Word *out, int points, int skip) {
  int d = threadIdx.x;
  State s;
  curand_init(vectors[d], scramble[d], 0, &s);
  skipahead(skip, &s);
  for (int p = 0; p < points; ++p)
    out[d * points + p] = curand(&s);
}

template <class Word> bool sameWords(const std::vector<Word> &a, const std::vector<Word> &b) {
  return a == b;
}

// Device API points of `dims` dimensions against the host API's, for the
// plain and scrambled generator of one word size.
template <class State, class ScrambledState, class Word, class Vectors>
int sobolMatches(curandRngType_t plain, curandRngType_t scrambled, Vectors *hostVectors,
                 Word *hostScramble, const char *name) {
  const int dims = 5, points = 1000, skip = 37;
  Vectors *vectors;
  Word *scramble, *out;
  CHECK(cudaMalloc(&vectors, dims * sizeof(Vectors)));
  CHECK(cudaMalloc(&scramble, dims * sizeof(Word)));
  CHECK(cudaMalloc(&out, dims * points * sizeof(Word)));
  CHECK(cudaMemcpy(vectors, hostVectors, dims * sizeof(Vectors), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(scramble, hostScramble, dims * sizeof(Word), cudaMemcpyHostToDevice));
  std::vector<Word> device(dims * points), host(dims * points);
  for (int variant = 0; variant < 2; ++variant) {
    if (variant == 0)
      sobolPlain<State><<<1, dims>>>(vectors, out, points, skip);
    else
      sobolScrambled<ScrambledState><<<1, dims>>>(vectors, scramble, out, points, skip);
    CHECK(cudaMemcpy(device.data(), out, device.size() * sizeof(Word), cudaMemcpyDeviceToHost));
    curandGenerator_t generator;
    CURAND_CHECK(curandCreateGeneratorHost(&generator, variant == 0 ? plain : scrambled));
    CURAND_CHECK(curandSetQuasiRandomGeneratorDimensions(generator, dims));
    CURAND_CHECK(curandSetGeneratorOffset(generator, skip));
    if constexpr (sizeof(Word) == 8)
      CURAND_CHECK(
          curandGenerateLongLong(generator, (unsigned long long *)host.data(), host.size()));
    else
      CURAND_CHECK(curandGenerate(generator, (unsigned int *)host.data(), host.size()));
    CURAND_CHECK(curandDestroyGenerator(generator));
    std::printf("%s%s device API = host API: %s\n", variant == 0 ? "" : "scrambled ", name,
                sameWords(device, host) ? "yes" : "no");
  }
  CHECK(cudaFree(vectors));
  CHECK(cudaFree(scramble));
  CHECK(cudaFree(out));
  return 0;
}

int main() {
  if (sameAsHostApi<curandState>(CURAND_RNG_PSEUDO_XORWOW, "XORWOW") ||
      sameAsHostApi<curandStatePhilox4_32_10_t>(CURAND_RNG_PSEUDO_PHILOX4_32_10, "Philox") ||
      sameAsHostApi<curandStateMRG32k3a>(CURAND_RNG_PSEUDO_MRG32K3A, "MRG32k3a"))
    return 1;
  // CHECK: XORWOW device API = host API: yes
  // CHECK: Philox device API = host API: yes
  // CHECK: MRG32k3a device API = host API: yes
  if (checkMoments<curandStateXORWOW_t>("XORWOW") ||
      checkMoments<curandStatePhilox4_32_10_t>("Philox") ||
      checkMoments<curandStateMRG32k3a_t>("MRG32k3a"))
    return 1;
  // CHECK: XORWOW uniform mean ok 1, normal mean ok 1, normal variance ok 1, skipahead 1024/1024
  // CHECK: Philox uniform mean ok 1, normal mean ok 1, normal variance ok 1, skipahead 1024/1024
  // CHECK: MRG32k3a uniform mean ok 1, normal mean ok 1, normal variance ok 1, skipahead 1024/1024

  const int threads = 4096;
  double *out;
  curandDiscreteDistribution_t poisson;
  CURAND_CHECK(curandCreatePoissonDistribution(20.0, &poisson));
  CHECK(cudaMalloc(&out, threads * 8 * sizeof(double)));
  philoxExtras<<<threads / 128, 128>>>(out, poisson);
  CHECK(cudaGetLastError());
  std::vector<double> h(threads * 8);
  CHECK(cudaMemcpy(h.data(), out, h.size() * sizeof(double), cudaMemcpyDeviceToHost));
  double mean[8] = {};
  for (int i = 0; i < threads; ++i)
    for (int k = 0; k < 8; ++k)
      mean[k] += h[8 * i + k] / threads;
  std::printf("uniform4 %d normal4 %d uniform2_double %d normal_double %d log_normal %d\n",
              std::fabs(mean[0] - 2.0) < 0.05, std::fabs(mean[1]) < 0.1,
              std::fabs(mean[2] - 1.0) < 0.03, std::fabs(mean[3]) < 0.05,
              std::fabs(mean[4] - std::exp(0.125)) < 0.03);
  std::printf("poisson 3: %d, poisson 400: %d, discrete 20: %d\n", std::fabs(mean[5] - 3.0) < 0.1,
              std::fabs(mean[6] - 400.0) < 1.0, std::fabs(mean[7] - 20.0) < 0.3);
  // CHECK: uniform4 1 normal4 1 uniform2_double 1 normal_double 1 log_normal 1
  // CHECK: poisson 3: 1, poisson 400: 1, discrete 20: 1
  CURAND_CHECK(curandDestroyDistribution(poisson));
  CHECK(cudaFree(out));

  curandDirectionVectors32_t *vectors32;
  curandDirectionVectors64_t *vectors64;
  unsigned int *scramble32;
  unsigned long long *scramble64;
  CURAND_CHECK(curandGetDirectionVectors32(&vectors32, CURAND_DIRECTION_VECTORS_32_JOEKUO6));
  CURAND_CHECK(curandGetDirectionVectors64(&vectors64, CURAND_DIRECTION_VECTORS_64_JOEKUO6));
  CURAND_CHECK(curandGetScrambleConstants32(&scramble32));
  CURAND_CHECK(curandGetScrambleConstants64(&scramble64));
  if (sobolMatches<curandStateSobol32, curandStateScrambledSobol32, unsigned int>(
          CURAND_RNG_QUASI_SOBOL32, CURAND_RNG_QUASI_SCRAMBLED_SOBOL32, vectors32, scramble32,
          "Sobol32") ||
      sobolMatches<curandStateSobol64, curandStateScrambledSobol64, unsigned long long>(
          CURAND_RNG_QUASI_SOBOL64, CURAND_RNG_QUASI_SCRAMBLED_SOBOL64, vectors64, scramble64,
          "Sobol64"))
    return 1;
  // CHECK: Sobol32 device API = host API: yes
  // CHECK: scrambled Sobol32 device API = host API: yes
  // CHECK: Sobol64 device API = host API: yes
  // CHECK: scrambled Sobol64 device API = host API: yes
  return 0;
}
