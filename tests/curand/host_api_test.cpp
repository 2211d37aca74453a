// libcurand's host API: every generator and distribution against its
// statistics, the promised agreements (device = host generator = device API
// stream), offsets and split calls, streams, and every bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cuda_runtime.h"
#include "curand.h"

namespace {

#define EXPECT_CURAND(call) EXPECT_EQ((call), CURAND_STATUS_SUCCESS)
#define ASSERT_CURAND(call) ASSERT_EQ((call), CURAND_STATUS_SUCCESS)

constexpr curandRngType_t kPseudoTypes[] = {CURAND_RNG_PSEUDO_XORWOW, CURAND_RNG_PSEUDO_MRG32K3A,
                                            CURAND_RNG_PSEUDO_PHILOX4_32_10};

std::string nameOf(curandRngType_t type) {
  switch (type) {
  case CURAND_RNG_PSEUDO_XORWOW:
    return "XORWOW";
  case CURAND_RNG_PSEUDO_MRG32K3A:
    return "MRG32k3a";
  case CURAND_RNG_PSEUDO_PHILOX4_32_10:
    return "Philox";
  default:
    return std::to_string(type);
  }
}

// A device buffer of n values, freed at scope exit.
template <class T> struct DeviceArray {
  explicit DeviceArray(std::size_t n) : count(n) {
    EXPECT_EQ(cudaMalloc(&data, n * sizeof(T)), cudaSuccess);
  }
  ~DeviceArray() { cudaFree(data); }
  std::vector<T> read() const {
    std::vector<T> host(count);
    EXPECT_EQ(cudaMemcpy(host.data(), data, count * sizeof(T), cudaMemcpyDeviceToHost),
              cudaSuccess);
    return host;
  }
  T *data = nullptr;
  std::size_t count;
};

struct Generator {
  Generator(curandRngType_t type, unsigned long long seed, bool host = false) {
    EXPECT_CURAND(host ? curandCreateGeneratorHost(&g, type) : curandCreateGenerator(&g, type));
    EXPECT_CURAND(curandSetPseudoRandomGeneratorSeed(g, seed));
  }
  ~Generator() { curandDestroyGenerator(g); }
  curandGenerator_t g = nullptr;
};

// Pearson's chi-square of counts against expected counts; the bound is the
// statistic's mean plus six standard deviations (a fixed seed makes the test
// deterministic; a broken generator lands far beyond).
void expectChiSquareFits(const std::vector<double> &observed, const std::vector<double> &expected,
                         const std::string &what) {
  double chi = 0;
  for (std::size_t i = 0; i < observed.size(); ++i)
    chi += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i];
  double freedom = static_cast<double>(observed.size() - 1);
  EXPECT_LT(chi, freedom + 6 * std::sqrt(2 * freedom)) << what;
}

// Kolmogorov-Smirnov distance against a CDF; 1.95/sqrt(n) is beyond the
// 0.001 critical value.
void expectKolmogorovSmirnovFits(std::vector<double> sample,
                                 const std::function<double(double)> &cdf,
                                 const std::string &what) {
  std::sort(sample.begin(), sample.end());
  const double n = static_cast<double>(sample.size());
  double distance = 0;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    double f = cdf(sample[i]);
    distance = std::max({distance, f - i / n, (i + 1) / n - f});
  }
  EXPECT_LT(distance, 1.95 / std::sqrt(n)) << what;
}

double normalCdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

void expectUniform(const std::vector<double> &values, const std::string &what) {
  const int bins = 64;
  std::vector<double> counts(bins, 0);
  for (double v : values) {
    ASSERT_GT(v, 0.0) << what;
    ASSERT_LE(v, 1.0) << what;
    counts[std::min(bins - 1, static_cast<int>(v * bins))] += 1;
  }
  expectChiSquareFits(counts, std::vector<double>(bins, values.size() / double(bins)), what);
  expectKolmogorovSmirnovFits(
      values, [](double x) { return x; }, what);
}

TEST(CurandStatistics, RawNumbersAreUniformInEveryByte) {
  for (curandRngType_t type : kPseudoTypes) {
    Generator gen(type, 2026);
    DeviceArray<unsigned int> out(1 << 16);
    ASSERT_CURAND(curandGenerate(gen.g, out.data, out.count));
    std::vector<unsigned int> values = out.read();
    for (int shift = 0; shift < 32; shift += 8) {
      std::vector<double> counts(256, 0);
      for (unsigned int v : values)
        counts[(v >> shift) & 0xff] += 1;
      expectChiSquareFits(counts, std::vector<double>(256, values.size() / 256.0),
                          nameOf(type) + " byte " + std::to_string(shift / 8));
    }
  }
}

TEST(CurandStatistics, UniformFloatsAndDoubles) {
  for (curandRngType_t type : kPseudoTypes) {
    Generator gen(type, 17);
    DeviceArray<float> f(1 << 16);
    DeviceArray<double> d(1 << 15);
    ASSERT_CURAND(curandGenerateUniform(gen.g, f.data, f.count));
    ASSERT_CURAND(curandGenerateUniformDouble(gen.g, d.data, d.count));
    std::vector<float> floats = f.read();
    expectUniform(std::vector<double>(floats.begin(), floats.end()), nameOf(type) + " float");
    expectUniform(d.read(), nameOf(type) + " double");
  }
}

TEST(CurandStatistics, NormalAndLogNormal) {
  for (curandRngType_t type : kPseudoTypes) {
    Generator gen(type, 5);
    DeviceArray<float> f(1 << 15);
    DeviceArray<double> d(1 << 15);
    ASSERT_CURAND(curandGenerateNormal(gen.g, f.data, f.count, 2.0f, 3.0f));
    ASSERT_CURAND(curandGenerateNormalDouble(gen.g, d.data, d.count, -1.0, 0.5));
    std::vector<float> floats = f.read();
    expectKolmogorovSmirnovFits(
        std::vector<double>(floats.begin(), floats.end()),
        [](double x) { return normalCdf((x - 2.0) / 3.0); }, nameOf(type) + " normal");
    expectKolmogorovSmirnovFits(
        d.read(), [](double x) { return normalCdf((x + 1.0) / 0.5); },
        nameOf(type) + " normal double");
    ASSERT_CURAND(curandGenerateLogNormal(gen.g, f.data, f.count, 0.5f, 0.25f));
    ASSERT_CURAND(curandGenerateLogNormalDouble(gen.g, d.data, d.count, 0.5, 0.25));
    floats = f.read();
    auto logCdf = [](double x) { return normalCdf((std::log(x) - 0.5) / 0.25); };
    expectKolmogorovSmirnovFits(std::vector<double>(floats.begin(), floats.end()), logCdf,
                                nameOf(type) + " log-normal");
    expectKolmogorovSmirnovFits(d.read(), logCdf, nameOf(type) + " log-normal double");
  }
}

TEST(CurandStatistics, PoissonSmallAndLargeMeans) {
  for (curandRngType_t type : kPseudoTypes) {
    for (double lambda : {0.5, 4.0, 60.0, 2500.0, 4.0e5}) {
      Generator gen(type, 11);
      DeviceArray<unsigned int> out(1 << 16);
      ASSERT_CURAND(curandGeneratePoisson(gen.g, out.data, out.count, lambda));
      std::vector<unsigned int> values = out.read();
      double mean = 0, variance = 0;
      for (unsigned int v : values)
        mean += v;
      mean /= values.size();
      for (unsigned int v : values)
        variance += (v - mean) * (v - mean);
      variance /= values.size() - 1;
      const std::string what = nameOf(type) + " lambda " + std::to_string(lambda);
      // Six standard errors of the mean; the variance within 5%.
      EXPECT_NEAR(mean, lambda, 6 * std::sqrt(lambda / values.size())) << what;
      EXPECT_NEAR(variance / lambda, 1.0, 0.05) << what;
      if (lambda < 100) { // chi-square over the values with enough mass
        std::vector<double> observed, expected;
        double pmf = std::exp(-lambda), rest = 1.0;
        for (unsigned int k = 0; pmf * values.size() >= 5 || k < lambda; ++k) {
          observed.push_back(static_cast<double>(std::count(values.begin(), values.end(), k)));
          expected.push_back(pmf * values.size());
          rest -= pmf;
          pmf *= lambda / (k + 1);
        }
        double tail = values.size() - [&] {
          double sum = 0;
          for (double o : observed)
            sum += o;
          return sum;
        }();
        observed.push_back(tail);
        expected.push_back(std::max(rest, 1e-12) * values.size());
        expectChiSquareFits(observed, expected, what);
      }
    }
  }
}

// The promise of docs/curand.md: the device generators, the host generators
// and the host API's layout agree bit for bit on the raw numbers and the
// uniforms (normals may differ in the last bits of the driver's log/sin).
TEST(CurandLayout, HostGeneratorGivesTheDeviceNumbers) {
  for (curandRngType_t type : kPseudoTypes) {
    Generator device(type, 424242), host(type, 424242, /*host=*/true);
    const std::size_t n = 40000; // more than two rounds of the 16384 streams
    DeviceArray<unsigned int> out(n);
    std::vector<unsigned int> onHost(n);
    ASSERT_CURAND(curandGenerate(device.g, out.data, 1000));
    ASSERT_CURAND(curandGenerate(host.g, onHost.data(), 1000));
    ASSERT_CURAND(curandGenerate(device.g, out.data, n));
    ASSERT_CURAND(curandGenerate(host.g, onHost.data(), n));
    EXPECT_EQ(out.read(), onHost) << nameOf(type);
    DeviceArray<float> normals(n);
    std::vector<float> hostNormals(n);
    ASSERT_CURAND(curandGenerateNormal(device.g, normals.data, n, 0, 1));
    ASSERT_CURAND(curandGenerateNormal(host.g, hostNormals.data(), n, 0, 1));
    std::vector<float> deviceNormals = normals.read();
    for (std::size_t i = 0; i < n; ++i)
      ASSERT_NEAR(deviceNormals[i], hostNormals[i], 1e-4f * (1 + std::fabs(hostNormals[i])))
          << nameOf(type) << " normal " << i;
    DeviceArray<unsigned int> poisson(n);
    std::vector<unsigned int> hostPoisson(n);
    ASSERT_CURAND(curandGeneratePoisson(device.g, poisson.data, n, 33.0));
    ASSERT_CURAND(curandGeneratePoisson(host.g, hostPoisson.data(), n, 33.0));
    EXPECT_EQ(poisson.read(), hostPoisson) << nameOf(type);
  }
}

TEST(CurandLayout, SplitCallsContinueTheSequenceAndOffsetsSkipIt) {
  for (curandRngType_t type : kPseudoTypes) {
    const std::size_t n = 50000, first = 12345;
    std::vector<unsigned int> whole(n), pieces(n), skipped(n - first);
    {
      Generator gen(type, 9, true);
      ASSERT_CURAND(curandGenerate(gen.g, whole.data(), n));
    }
    {
      Generator gen(type, 9, true);
      ASSERT_CURAND(curandGenerate(gen.g, pieces.data(), first));
      ASSERT_CURAND(curandGenerate(gen.g, pieces.data() + first, n - first));
    }
    EXPECT_EQ(whole, pieces) << nameOf(type);
    {
      Generator gen(type, 9);
      ASSERT_CURAND(curandSetGeneratorOffset(gen.g, first));
      DeviceArray<unsigned int> out(n - first);
      ASSERT_CURAND(curandGenerate(gen.g, out.data, n - first));
      skipped = out.read();
    }
    EXPECT_TRUE(std::equal(skipped.begin(), skipped.end(), whole.begin() + first)) << nameOf(type);
  }
}

TEST(CurandLayout, SeedsGiveDifferentSequencesAndTheSameSeedTheSame) {
  Generator a(CURAND_RNG_PSEUDO_DEFAULT, 1), b(CURAND_RNG_PSEUDO_DEFAULT, 2),
      c(CURAND_RNG_PSEUDO_XORWOW, 1);
  DeviceArray<unsigned int> x(1000), y(1000), z(1000);
  ASSERT_CURAND(curandGenerate(a.g, x.data, 1000));
  ASSERT_CURAND(curandGenerate(b.g, y.data, 1000));
  ASSERT_CURAND(curandGenerate(c.g, z.data, 1000));
  EXPECT_NE(x.read(), y.read());
  EXPECT_EQ(x.read(), z.read()); // the default pseudo generator is XORWOW
  // A new seed restarts the sequence.
  ASSERT_CURAND(curandSetPseudoRandomGeneratorSeed(a.g, 1));
  ASSERT_CURAND(curandGenerate(a.g, y.data, 1000));
  EXPECT_EQ(x.read(), y.read());
}

TEST(CurandStreams, GenerationRunsOnTheGeneratorsStreamInOrder) {
  cudaStream_t stream;
  ASSERT_EQ(cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking), cudaSuccess);
  Generator gen(CURAND_RNG_PSEUDO_PHILOX4_32_10, 3),
      reference(CURAND_RNG_PSEUDO_PHILOX4_32_10, 3, true);
  ASSERT_CURAND(curandSetStream(gen.g, stream));
  const std::size_t n = 1 << 18;
  DeviceArray<float> out(n);
  std::vector<float> host(n), expected(n);
  ASSERT_CURAND(curandGenerateUniform(gen.g, out.data, n));
  ASSERT_EQ(
      cudaMemcpyAsync(host.data(), out.data, n * sizeof(float), cudaMemcpyDeviceToHost, stream),
      cudaSuccess);
  ASSERT_EQ(cudaStreamSynchronize(stream), cudaSuccess);
  ASSERT_CURAND(curandGenerateUniform(reference.g, expected.data(), n));
  EXPECT_EQ(host, expected);
  // Moving to another stream keeps the states' order (the next call waits).
  ASSERT_CURAND(curandSetStream(gen.g, nullptr));
  ASSERT_CURAND(curandGenerateUniform(gen.g, out.data, n));
  ASSERT_CURAND(curandGenerateUniform(reference.g, expected.data(), n));
  EXPECT_EQ(out.read(), expected);
  cudaStreamDestroy(stream);
}

TEST(CurandErrors, BadGeneratorsAndTypes) {
  curandGenerator_t gen = nullptr;
  EXPECT_EQ(curandCreateGenerator(&gen, static_cast<curandRngType_t>(12345)),
            CURAND_STATUS_TYPE_ERROR);
  EXPECT_EQ(curandCreateGenerator(nullptr, CURAND_RNG_PSEUDO_DEFAULT), CURAND_STATUS_OUT_OF_RANGE);
  // Not implemented by cucl yet: refused with cuRAND's type error.
  for (curandRngType_t type : {CURAND_RNG_PSEUDO_MTGP32, CURAND_RNG_PSEUDO_MT19937})
    EXPECT_EQ(curandCreateGenerator(&gen, type), CURAND_STATUS_TYPE_ERROR) << type;
  ASSERT_CURAND(curandCreateGenerator(&gen, CURAND_RNG_PSEUDO_DEFAULT));
  ASSERT_CURAND(curandDestroyGenerator(gen));
  // A destroyed generator is refused by every call, not followed.
  DeviceArray<float> out(16);
  EXPECT_EQ(curandDestroyGenerator(gen), CURAND_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(curandGenerateUniform(gen, out.data, 16), CURAND_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(curandGenerateNormal(gen, out.data, 3, 0, 1), CURAND_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(curandSetPseudoRandomGeneratorSeed(gen, 1), CURAND_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(curandSetStream(gen, nullptr), CURAND_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(curandGenerateSeeds(gen), CURAND_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(curandGenerateSeeds(nullptr), CURAND_STATUS_NOT_INITIALIZED);
}

TEST(CurandErrors, BadArguments) {
  Generator gen(CURAND_RNG_PSEUDO_DEFAULT, 1);
  DeviceArray<float> out(15);
  DeviceArray<double> doubles(15);
  EXPECT_EQ(curandGenerateNormal(gen.g, out.data, 15, 0, 1), CURAND_STATUS_LENGTH_NOT_MULTIPLE);
  EXPECT_EQ(curandGenerateLogNormal(gen.g, out.data, 1, 0, 1), CURAND_STATUS_LENGTH_NOT_MULTIPLE);
  EXPECT_EQ(curandGenerateNormalDouble(gen.g, doubles.data, 15, 0, 1),
            CURAND_STATUS_LENGTH_NOT_MULTIPLE);
  EXPECT_EQ(curandGenerateLogNormalDouble(gen.g, doubles.data, 3, 0, 1),
            CURAND_STATUS_LENGTH_NOT_MULTIPLE);
  unsigned int *values = reinterpret_cast<unsigned int *>(out.data);
  EXPECT_EQ(curandGeneratePoisson(gen.g, values, 8, 0.0), CURAND_STATUS_OUT_OF_RANGE);
  EXPECT_EQ(curandGeneratePoisson(gen.g, values, 8, -2.0), CURAND_STATUS_OUT_OF_RANGE);
  EXPECT_EQ(curandGeneratePoisson(gen.g, values, 8, NAN), CURAND_STATUS_OUT_OF_RANGE);
  // Also once a table is kept: a NaN must not find it.
  EXPECT_CURAND(curandGeneratePoisson(gen.g, values, 8, 5.0));
  EXPECT_EQ(curandGeneratePoisson(gen.g, values, 8, NAN), CURAND_STATUS_OUT_OF_RANGE);
  EXPECT_EQ(curandGeneratePoisson(gen.g, values, 8, 1e10), CURAND_STATUS_OUT_OF_RANGE);
  // cuRAND's documented range ends at 400,000.
  EXPECT_CURAND(curandGeneratePoisson(gen.g, values, 8, 400000.0));
  EXPECT_EQ(curandGeneratePoisson(gen.g, values, 8, 400000.5), CURAND_STATUS_OUT_OF_RANGE);
  unsigned long long wide[4];
  EXPECT_EQ(curandGenerateLongLong(gen.g, wide, 4), CURAND_STATUS_TYPE_ERROR);
  EXPECT_EQ(curandSetQuasiRandomGeneratorDimensions(gen.g, 2), CURAND_STATUS_TYPE_ERROR);
  EXPECT_EQ(curandSetGeneratorOrdering(gen.g, CURAND_ORDERING_QUASI_DEFAULT),
            CURAND_STATUS_OUT_OF_RANGE);
  EXPECT_CURAND(curandSetGeneratorOrdering(gen.g, CURAND_ORDERING_PSEUDO_SEEDED));
  // Outputs that are not device memory holding the values: a launch
  // failure, never a write out of bounds.
  EXPECT_EQ(curandGenerateUniform(gen.g, out.data, 16), CURAND_STATUS_LAUNCH_FAILURE);
  EXPECT_EQ(curandGenerateUniform(gen.g, out.data + 8, 8), CURAND_STATUS_LAUNCH_FAILURE);
  std::vector<float> host(16);
  EXPECT_EQ(curandGenerateUniform(gen.g, host.data(), 16), CURAND_STATUS_LAUNCH_FAILURE);
  EXPECT_EQ(curandGenerateUniform(gen.g, nullptr, 16), CURAND_STATUS_LAUNCH_FAILURE);
  // Zero values: nothing to do.
  EXPECT_CURAND(curandGenerateUniform(gen.g, nullptr, 0));
  // The generator still works after all that.
  EXPECT_CURAND(curandGenerateUniform(gen.g, out.data, 15));
  EXPECT_EQ(cudaDeviceSynchronize(), cudaSuccess);
}

TEST(CurandErrors, VersionAndProperties) {
  int version = 0, value = -1;
  ASSERT_CURAND(curandGetVersion(&version));
  EXPECT_EQ(version, CURAND_VERSION);
  ASSERT_CURAND(curandGetProperty(MAJOR_VERSION, &value));
  EXPECT_EQ(value, CURAND_VER_MAJOR);
  ASSERT_CURAND(curandGetProperty(PATCH_LEVEL, &value));
  EXPECT_EQ(value, CURAND_VER_PATCH);
  EXPECT_EQ(curandGetProperty(static_cast<libraryPropertyType>(7), &value),
            CURAND_STATUS_OUT_OF_RANGE);
  EXPECT_EQ(curandGetVersion(nullptr), CURAND_STATUS_OUT_OF_RANGE);
}

TEST(CurandDistributions, PoissonDistributionLivesInDeviceMemory) {
  curandDiscreteDistribution_t distribution = nullptr;
  ASSERT_CURAND(curandCreatePoissonDistribution(12.5, &distribution));
  cudaPointerAttributes attributes{};
  ASSERT_EQ(cudaPointerGetAttributes(&attributes, distribution), cudaSuccess);
  EXPECT_EQ(attributes.type, cudaMemoryTypeDevice);
  curandDiscreteDistribution_st copy{};
  ASSERT_EQ(cudaMemcpy(&copy, distribution, sizeof(copy), cudaMemcpyDeviceToHost), cudaSuccess);
  EXPECT_EQ(copy.lambda, 12.5);
  EXPECT_GT(copy.length, 20u);
  std::vector<unsigned int> cdf(copy.length);
  ASSERT_EQ(
      cudaMemcpy(cdf.data(), copy.cdf, cdf.size() * sizeof(unsigned int), cudaMemcpyDeviceToHost),
      cudaSuccess);
  EXPECT_TRUE(std::is_sorted(cdf.begin(), cdf.end()));
  ASSERT_CURAND(curandDestroyDistribution(distribution));
  EXPECT_EQ(curandDestroyDistribution(distribution), CURAND_STATUS_OUT_OF_RANGE);
  EXPECT_EQ(curandCreatePoissonDistribution(-1.0, &distribution), CURAND_STATUS_OUT_OF_RANGE);
  EXPECT_EQ(curandCreatePoissonDistribution(1.0, nullptr), CURAND_STATUS_OUT_OF_RANGE);
}

// Sobol points of an independent implementation (SciPy's unscrambled
// Sobol with the same Joe-Kuo direction numbers, 32 bits): dimension, then
// points 0, 1, 2, 3, 5, 100 and 1023.
TEST(CurandSobol, MatchesAnIndependentImplementation) {
  struct Known {
    unsigned dimension;
    unsigned int points[7];
  } known[] = {
      {0, {0u, 2147483648u, 3221225472u, 1073741824u, 3758096384u, 1778384896u, 4194304u}},
      {1, {0u, 2147483648u, 1073741824u, 3221225472u, 3758096384u, 1107296256u, 3233808384u}},
      {2, {0u, 2147483648u, 1073741824u, 3221225472u, 536870912u, 3321888768u, 2629828608u}},
      {3, {0u, 2147483648u, 1073741824u, 3221225472u, 1610612736u, 3120562176u, 624951296u}},
      {100, {0u, 2147483648u, 1073741824u, 3221225472u, 536870912u, 167772160u, 1019215872u}},
      {1000, {0u, 2147483648u, 1073741824u, 3221225472u, 1610612736u, 2449473536u, 683671552u}},
      {19999, {0u, 2147483648u, 1073741824u, 3221225472u, 1610612736u, 1174405120u, 3586129920u}},
  };
  const int indices[7] = {0, 1, 2, 3, 5, 100, 1023};
  const unsigned dims = 20000, points = 1024;
  curandGenerator_t gen;
  ASSERT_CURAND(curandCreateGenerator(&gen, CURAND_RNG_QUASI_SOBOL32));
  ASSERT_CURAND(curandSetQuasiRandomGeneratorDimensions(gen, dims));
  DeviceArray<unsigned int> out(std::size_t(dims) * points);
  ASSERT_CURAND(curandGenerate(gen, out.data, out.count));
  std::vector<unsigned int> values = out.read();
  for (const Known &k : known)
    for (int i = 0; i < 7; ++i)
      EXPECT_EQ(values[std::size_t(k.dimension) * points + indices[i]], k.points[i])
          << "dimension " << k.dimension << " point " << indices[i];
  // The 64-bit generator's top half is the 32-bit one's point.
  curandGenerator_t wide;
  ASSERT_CURAND(curandCreateGeneratorHost(&wide, CURAND_RNG_QUASI_SOBOL64));
  ASSERT_CURAND(curandSetQuasiRandomGeneratorDimensions(wide, 4));
  std::vector<unsigned long long> wideValues(4 * 64);
  ASSERT_CURAND(curandGenerateLongLong(wide, wideValues.data(), wideValues.size()));
  for (unsigned d = 0; d < 4; ++d)
    for (unsigned p = 0; p < 64; ++p)
      ASSERT_EQ(wideValues[d * 64 + p] >> 32, values[std::size_t(d) * points + p]);
  curandDestroyGenerator(wide);
  curandDestroyGenerator(gen);
}

TEST(CurandSobol, EveryOutputMatchesTheHostGeneratorAndContinues) {
  for (curandRngType_t type : {CURAND_RNG_QUASI_DEFAULT, CURAND_RNG_QUASI_SCRAMBLED_SOBOL32,
                               CURAND_RNG_QUASI_SOBOL64, CURAND_RNG_QUASI_SCRAMBLED_SOBOL64}) {
    curandGenerator_t device, host;
    ASSERT_CURAND(curandCreateGenerator(&device, type));
    ASSERT_CURAND(curandCreateGeneratorHost(&host, type));
    const unsigned dims = 3;
    for (curandGenerator_t g : {device, host}) {
      ASSERT_CURAND(curandSetQuasiRandomGeneratorDimensions(g, dims));
      ASSERT_CURAND(curandSetGeneratorOffset(g, 11));
    }
    const std::size_t n = dims * 3001;
    DeviceArray<float> f(n);
    DeviceArray<double> d(n);
    std::vector<float> hf(n);
    std::vector<double> hd(n);
    // Two calls: the second continues at point 11 + 3001.
    for (int call = 0; call < 2; ++call) {
      ASSERT_CURAND(curandGenerateUniform(device, f.data, n));
      ASSERT_CURAND(curandGenerateUniform(host, hf.data(), n));
      EXPECT_EQ(f.read(), hf) << type;
      ASSERT_CURAND(curandGenerateNormalDouble(device, d.data, n, 1.0, 2.0));
      ASSERT_CURAND(curandGenerateNormalDouble(host, hd.data(), n, 1.0, 2.0));
      std::vector<double> dd = d.read();
      for (std::size_t i = 0; i < n; ++i)
        ASSERT_NEAR(dd[i], hd[i], 1e-12 * (1 + std::fabs(hd[i]))) << type << " at " << i;
      ASSERT_CURAND(curandGenerateLogNormal(device, f.data, n, 0.0f, 0.5f));
      ASSERT_CURAND(curandGenerateLogNormal(host, hf.data(), n, 0.0f, 0.5f));
      std::vector<float> df = f.read();
      for (std::size_t i = 0; i < n; ++i)
        ASSERT_NEAR(df[i], hf[i], 1e-4f * (1 + hf[i])) << type << " at " << i;
      DeviceArray<unsigned int> poisson(n);
      std::vector<unsigned int> hp(n);
      ASSERT_CURAND(curandGeneratePoisson(device, poisson.data, n, 9.0));
      ASSERT_CURAND(curandGeneratePoisson(host, hp.data(), n, 9.0));
      EXPECT_EQ(poisson.read(), hp) << type;
    }
    curandDestroyGenerator(device);
    curandDestroyGenerator(host);
  }
}

// Quasi-random points fill the cube evenly: the mean of n uniforms is far
// closer to 1/2 than a pseudo-random mean (O(log n / n), not O(1/sqrt n)),
// and normals by inversion have the right moments in every dimension.
TEST(CurandSobol, PointsAreLowDiscrepancy) {
  curandGenerator_t gen;
  ASSERT_CURAND(curandCreateGenerator(&gen, CURAND_RNG_QUASI_SCRAMBLED_SOBOL32));
  const unsigned dims = 8, points = 1 << 14;
  ASSERT_CURAND(curandSetQuasiRandomGeneratorDimensions(gen, dims));
  DeviceArray<float> u(dims * points), z(dims * points);
  ASSERT_CURAND(curandGenerateUniform(gen, u.data, u.count));
  ASSERT_CURAND(curandGenerateNormal(gen, z.data, z.count, 0.0f, 1.0f));
  std::vector<float> uniforms = u.read(), normals = z.read();
  for (unsigned d = 0; d < dims; ++d) {
    double mean = 0, zMean = 0, zSquare = 0;
    for (unsigned p = 0; p < points; ++p) {
      mean += uniforms[d * points + p];
      zMean += normals[d * points + p];
      zSquare += double(normals[d * points + p]) * normals[d * points + p];
    }
    EXPECT_NEAR(mean / points, 0.5, 1e-3) << "dimension " << d;
    EXPECT_NEAR(zMean / points, 0.0, 2e-3) << "dimension " << d;
    EXPECT_NEAR(zSquare / points, 1.0, 5e-3) << "dimension " << d;
  }
  curandDestroyGenerator(gen);
}

TEST(CurandSobol, BadArguments) {
  curandGenerator_t gen, wide;
  ASSERT_CURAND(curandCreateGenerator(&gen, CURAND_RNG_QUASI_SOBOL32));
  ASSERT_CURAND(curandCreateGenerator(&wide, CURAND_RNG_QUASI_SOBOL64));
  DeviceArray<unsigned int> out(64);
  DeviceArray<unsigned long long> wideOut(64);
  EXPECT_EQ(curandSetQuasiRandomGeneratorDimensions(gen, 0), CURAND_STATUS_OUT_OF_RANGE);
  EXPECT_EQ(curandSetQuasiRandomGeneratorDimensions(gen, 20001), CURAND_STATUS_OUT_OF_RANGE);
  EXPECT_CURAND(curandSetQuasiRandomGeneratorDimensions(gen, 3));
  EXPECT_EQ(curandGenerate(gen, out.data, 64), CURAND_STATUS_LENGTH_NOT_MULTIPLE);
  EXPECT_CURAND(curandGenerate(gen, out.data, 63));
  EXPECT_EQ(curandSetPseudoRandomGeneratorSeed(gen, 5), CURAND_STATUS_TYPE_ERROR);
  EXPECT_EQ(curandSetGeneratorOrdering(gen, CURAND_ORDERING_PSEUDO_DEFAULT),
            CURAND_STATUS_OUT_OF_RANGE);
  EXPECT_CURAND(curandSetGeneratorOrdering(gen, CURAND_ORDERING_QUASI_DEFAULT));
  EXPECT_EQ(curandGenerateLongLong(gen, wideOut.data, 63), CURAND_STATUS_TYPE_ERROR);
  EXPECT_EQ(curandGenerate(wide, out.data, 64), CURAND_STATUS_TYPE_ERROR);
  EXPECT_CURAND(curandGenerateLongLong(wide, wideOut.data, 64));
  EXPECT_EQ(curandGenerateLongLong(wide, wideOut.data, 65), CURAND_STATUS_LAUNCH_FAILURE);
  curandGenerator_t pseudo;
  ASSERT_CURAND(curandCreateGenerator(&pseudo, CURAND_RNG_PSEUDO_DEFAULT));
  EXPECT_EQ(curandSetQuasiRandomGeneratorDimensions(pseudo, 2), CURAND_STATUS_TYPE_ERROR);
  curandDirectionVectors32_t *vectors = nullptr;
  EXPECT_EQ(curandGetDirectionVectors32(&vectors, CURAND_DIRECTION_VECTORS_64_JOEKUO6),
            CURAND_STATUS_OUT_OF_RANGE);
  EXPECT_EQ(curandGetDirectionVectors32(nullptr, CURAND_DIRECTION_VECTORS_32_JOEKUO6),
            CURAND_STATUS_OUT_OF_RANGE);
  EXPECT_EQ(curandGetScrambleConstants32(nullptr), CURAND_STATUS_OUT_OF_RANGE);
  ASSERT_CURAND(curandGetDirectionVectors32(&vectors, CURAND_DIRECTION_VECTORS_32_JOEKUO6));
  EXPECT_EQ(vectors[0][0], 0x80000000u); // van der Corput: 1/2, 1/4, ...
  EXPECT_EQ(vectors[0][31], 1u);
  curandDestroyGenerator(pseudo);
  curandDestroyGenerator(gen);
  curandDestroyGenerator(wide);
  EXPECT_EQ(cudaDeviceSynchronize(), cudaSuccess);
}

} // namespace
