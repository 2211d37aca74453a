// White-box tests of the GEMM engine: shape classes, parameter sets, tuning
// files, selection order, and that every configuration the runtime may run
// on this device (shipped tuning, class defaults, the user's tuning file)
// reproduces the host reference.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <unistd.h>

#include <gtest/gtest.h>

#include "cucl/opencl_interop.h"
#include "gemm/gemm_defaults.h"
#include "gemm/gemm_engine.h"
#include "gemm/gemm_params.h"
#include "gemm/gemm_shape.h"
#include "gemm/gemm_tuner.h"
#include "gemm/gemm_tuning.h"
#include "library_support/program_cache.h"

namespace cucl::blas {
namespace {

library::ProgramCache &programs() {
  cuclOpenCLDevice device{};
  EXPECT_EQ(__cuclGetOpenCLDevice(0, &device), cudaSuccess);
  return library::ProgramCache::forDevice(0);
}

std::vector<GemmKey> everyKey(DataType precision) {
  std::vector<GemmKey> keys;
  for (ShapeClass shape : kAllShapeClasses)
    for (int t = 0; t < 4; ++t)
      keys.push_back(GemmKey{precision, (t & 2) != 0, (t & 1) != 0, shape});
  return keys;
}

TEST(GemmShape, ClassesFollowTheShape) {
  EXPECT_EQ(classifyShape(128, 128, 128, 1), ShapeClass::Small);
  EXPECT_EQ(classifyShape(1024, 1024, 1024, 1), ShapeClass::Large);
  EXPECT_EQ(classifyShape(4096, 64, 4096, 1), ShapeClass::TallSkinny);
  EXPECT_EQ(classifyShape(64, 4096, 4096, 1), ShapeClass::ShortWide);
  EXPECT_EQ(classifyShape(4096, 4096, 64, 1), ShapeClass::Large);
  EXPECT_EQ(classifyShape(64, 64, 64, 256), ShapeClass::Batched);
  for (ShapeClass shape : kAllShapeClasses)
    EXPECT_EQ(parseShapeClass(shapeClassName(shape)), shape);
  EXPECT_FALSE(parseShapeClass("huge"));
}

TEST(GemmShape, KeysRoundTrip) {
  for (DataType precision : {DataType::F16, DataType::F32, DataType::F64})
    for (const GemmKey &key : everyKey(precision)) {
      std::optional<GemmKey> parsed = GemmKey::parse(key.toString());
      ASSERT_TRUE(parsed) << key.toString();
      EXPECT_EQ(parsed->toString(), key.toString());
    }
  EXPECT_FALSE(GemmKey::parse("f32 NX large"));
  EXPECT_FALSE(GemmKey::parse("f8 NN large"));
  EXPECT_FALSE(GemmKey::parse("f32 NN"));
}

TEST(GemmParams, PrintAndParse) {
  GemmParams params;
  params.mr = 32;
  params.nwg = 256;
  params.sa = 1;
  std::optional<GemmParams> parsed = GemmParams::parse(params.toString());
  ASSERT_TRUE(parsed);
  EXPECT_EQ(*parsed, params);
  params.kdot = 1;
  EXPECT_EQ(GemmParams::parse(params.toString()), params);
  // Files written before KDOT existed leave it out: it reads as 0.
  std::optional<GemmParams> older =
      GemmParams::parse("MR=32,NR=8,VW=16,MWG=32,NWG=256,MDIMC=1,NDIMC=1,KWG=256,KU=1,SA=0,SB=0");
  ASSERT_TRUE(older);
  EXPECT_EQ(older->kdot, 0);
  EXPECT_FALSE(GemmParams::parse("MR=32"));                     // fields missing
  EXPECT_FALSE(GemmParams::parse(params.toString() + ",XX=1")); // unknown field
  EXPECT_FALSE(GemmParams::parse("MR=x," + params.toString())); // not a number
}

TEST(GemmParams, UsabilityChecksConsistencyAndDeviceLimits) {
  DeviceCapacity device;
  device.maxWorkGroupSize = 256;
  device.maxWorkItemSizes[0] = device.maxWorkItemSizes[1] = 256;
  device.localMemBytes = 32 * 1024;
  GemmParams p;
  p.mr = 8;
  p.nr = 4;
  p.vw = 4;
  p.mdimc = p.ndimc = 8;
  p.mwg = 64;
  p.nwg = 32;
  p.kwg = 32;
  EXPECT_TRUE(isUsable(p, DataType::F32, device));
  GemmParams bad = p;
  bad.vw = 3;
  EXPECT_FALSE(isUsable(bad, DataType::F32, device)); // not a vector width
  bad = p;
  bad.mwg = 48;
  EXPECT_FALSE(isUsable(bad, DataType::F32, device)); // tile not a multiple of micro tiles
  bad = p;
  bad.mdimc = bad.ndimc = 32;
  bad.mwg = 256;
  bad.nwg = 128;
  EXPECT_FALSE(isUsable(bad, DataType::F32, device)); // 1024 work-items
  bad = p;
  bad.sa = bad.sb = 1;
  bad.kwg = 128; // 128 * (64 + 32) * 8 bytes in fp64 > 32 KiB
  EXPECT_TRUE(isUsable(
      GemmParams{bad.mr, bad.nr, bad.vw, bad.mwg, bad.nwg, bad.mdimc, bad.ndimc, 32, 1, 1, 1},
      DataType::F64, device));
  EXPECT_FALSE(isUsable(bad, DataType::F64, device));

  GemmParams dot = p; // the dot-product form: vectors along k, no staging
  dot.kdot = 1;
  dot.mr = dot.nr = 4;
  dot.vw = 16; // MR needs no multiple of VW here
  dot.mwg = 32;
  dot.nwg = 32;
  EXPECT_TRUE(isUsable(dot, DataType::F32, device));
  bad = dot;
  bad.sa = 1;
  EXPECT_FALSE(isUsable(bad, DataType::F32, device));
  bad = dot;
  bad.mr = 32; // 32 x 4 vectors of accumulators: too many
  bad.mwg = 8 * 32;
  EXPECT_FALSE(isUsable(bad, DataType::F32, device));
  EXPECT_TRUE(suitsTransposes(dot, true, false));
  EXPECT_FALSE(suitsTransposes(dot, false, false));
  EXPECT_FALSE(suitsTransposes(dot, true, true));
  EXPECT_TRUE(suitsTransposes(p, false, true));
}

TEST(GemmTuning, WritesAndReadsBack) {
  GemmTuning tuning;
  GemmParams params;
  params.nwg = 64;
  tuning.set(GemmKey{DataType::F32, true, false, ShapeClass::Large}, params, 123.4);
  tuning.set(GemmKey{DataType::F64, false, false, ShapeClass::Small}, GemmParams{}, 0);
  std::stringstream file;
  tuning.write(file, "platform | device | vendor | 1.0");
  std::string device, error;
  std::optional<GemmTuning> read = GemmTuning::read(file, &device, &error);
  ASSERT_TRUE(read) << error;
  EXPECT_EQ(device, "platform | device | vendor | 1.0");
  const TunedEntry *entry = read->find(GemmKey{DataType::F32, true, false, ShapeClass::Large});
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->params, params);
  EXPECT_NEAR(entry->gflops, 123.4, 0.05);
  EXPECT_EQ(read->find(GemmKey{DataType::F32, false, false, ShapeClass::Large}), nullptr);
}

TEST(GemmTuning, MalformedLinesAreRejectedWithTheirLineNumber) {
  std::istringstream file("# comment\ndevice = x\nf32 NN large = MR=1\n");
  std::string device, error;
  EXPECT_FALSE(GemmTuning::read(file, &device, &error));
  EXPECT_NE(error.find("line 3"), std::string::npos) << error;
}

TEST(GemmTuning, FileOfAnotherDeviceIsIgnored) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("cucl-tuning-test-" + std::to_string(::getpid()));
  GemmTuning tuning;
  tuning.set(GemmKey{}, GemmParams{}, 1);
  std::string error;
  ASSERT_TRUE(saveTuningFile(path, "this device", tuning, &error)) << error;
  EXPECT_TRUE(loadTuningFile(path, "this device", &error));
  EXPECT_FALSE(loadTuningFile(path, "a newer driver", &error));
  EXPECT_NE(error.find("not this device"), std::string::npos);
  std::filesystem::remove(path);
}

TEST(GemmTuning, TuningOfAnotherCpuGenerationIsIgnored) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("cucl-tuning-cpu-" + std::to_string(::getpid()));
  const std::string driver = "Portable Computing Language | pthread-skylake-avx512-AMD EPYC | "
                             "AuthenticAMD | 3.1+debian";
  CpuIdentity zen5, zen4;
  zen5.vendor = zen4.vendor = "AuthenticAMD";
  zen5.vector = zen4.vector = "avx512";
  zen5.family = 0x1a;
  zen5.model = 0x02;
  zen5.generation = cpuGeneration(zen5.vendor, zen5.family, zen5.model);
  zen4.family = 0x19;
  zen4.model = 0x11;
  zen4.generation = cpuGeneration(zen4.vendor, zen4.family, zen4.model);
  GemmTuning tuning;
  tuning.set(GemmKey{}, GemmParams{}, 1);
  std::string error;
  ASSERT_TRUE(saveTuningFile(path, tuningDeviceKey(driver, &zen5), tuning, &error)) << error;
  EXPECT_TRUE(loadTuningFile(path, tuningDeviceKey(driver, &zen5), &error));
  EXPECT_FALSE(loadTuningFile(path, tuningDeviceKey(driver, &zen4), &error));
  EXPECT_NE(error.find("not this device"), std::string::npos) << error;
  std::filesystem::remove(path);
}

TEST(GemmTuning, FileNameNamesTheDeviceAndLivesInTheCacheDirectory) {
  const std::filesystem::path path =
      tuningFilePath("Portable Computing Language | pthread-cpu | AuthenticAMD | 3.1");
  EXPECT_EQ(path.parent_path(), library::cacheDirectory());
  EXPECT_EQ(path.filename().string().rfind("gemm-pthread-cpu-", 0), 0u) << path;
  EXPECT_NE(tuningFilePath("a | b | c | 1"), tuningFilePath("a | b | c | 2"));
}

// PoCL's CPU device with 512-bit vectors on a CPU of this generation.
DeviceTraits poclOn(const std::string &generation) {
  DeviceTraits pocl;
  pocl.isCpu = pocl.isPocl = true;
  pocl.floatVectorWidth = 16;
  pocl.doubleVectorWidth = 8;
  pocl.cpu.generation = generation;
  return pocl;
}

const GemmTuning *shippedFor(const std::string &generation) {
  for (const ShippedTuning &shipped : shippedTunings())
    if (shipped.generation == generation)
      return &shipped.tuning;
  return nullptr;
}

TEST(GemmDefaults, ShippedTuningsParseAndCoverEveryFloatKey) {
  ASSERT_FALSE(shippedTunings().empty());
  for (const char *generation : {"zen4", "zen5"}) {
    const GemmTuning *shipped = shippedFor(generation);
    ASSERT_NE(shipped, nullptr) << generation;
    for (const GemmKey &key : everyKey(DataType::F32))
      EXPECT_NE(shipped->find(key), nullptr) << generation << " " << key.toString();
  }
}

TEST(GemmDefaults, ShippedTuningIsChosenByCpuGenerationOnly) {
  for (const char *generation : {"zen4", "zen5"}) {
    std::string why;
    std::optional<GemmTuning> chosen = shippedTuning(poclOn(generation), &why);
    ASSERT_TRUE(chosen) << generation;
    EXPECT_EQ(chosen->entries().size(), shippedFor(generation)->entries().size());
    for (const auto &[key, entry] : chosen->entries())
      EXPECT_EQ(entry.params, shippedFor(generation)->find(*GemmKey::parse(key))->params) << key;
    EXPECT_NE(why.find(std::string("pocl-cpu-") + generation), std::string::npos) << why;
  }
  // Another generation, even a close one, gets the class defaults.
  for (const char *generation : {"zen3", "unknown", "intel-0x6-0x12", "sapphirerapids"}) {
    std::string why;
    EXPECT_FALSE(shippedTuning(poclOn(generation), &why)) << generation;
    EXPECT_NE(why.find("class defaults"), std::string::npos) << why;
  }
  DeviceTraits narrow = poclOn("zen4");
  narrow.floatVectorWidth = 8; // AVX-512 not usable (a VM may hide it)
  EXPECT_FALSE(shippedTuning(narrow));
  DeviceTraits gpu;
  gpu.cpu.generation = "zen4";
  EXPECT_FALSE(shippedTuning(gpu));
}

TEST(GemmTuning, KeyOfACpuDeviceNamesTheCpu) {
  const std::string driver = "Portable Computing Language | pthread-cpu | AuthenticAMD | 3.1";
  const CpuIdentity zen4 = identityFromCpuinfo("vendor_id : AuthenticAMD\ncpu family : 25\n"
                                               "model : 17\nflags : avx2 avx512f\n");
  const CpuIdentity zen5 = identityFromCpuinfo("vendor_id : AuthenticAMD\ncpu family : 26\n"
                                               "model : 2\nflags : avx2 avx512f\n");
  const std::string zen4Key = tuningDeviceKey(driver, &zen4);
  EXPECT_NE(zen4Key.find(driver), std::string::npos);
  EXPECT_NE(zen4Key.find("zen4 (AuthenticAMD family 0x19 model 0x11, avx512)"), std::string::npos)
      << zen4Key;
  EXPECT_NE(tuningFileKey(zen4Key).find(zen4.toString()), std::string::npos);
  // Same driver, another CPU: another file and another key.
  EXPECT_NE(tuningFilePath(zen4Key), tuningFilePath(tuningDeviceKey(driver, &zen5)));
  EXPECT_NE(tuningFileKey(zen4Key), tuningFileKey(tuningDeviceKey(driver, &zen5)));
  EXPECT_EQ(tuningDeviceKey(driver, nullptr), driver); // GPUs: the driver's key
  // This device's key, as the engine and cucl-tune use it.
  library::ProgramCache &cache = programs();
  const std::string key = gemmTuningKey(cache);
  EXPECT_EQ(key.rfind(cache.deviceKey(), 0), 0u);
  if (deviceTraits(cache.device()).isCpu) {
    EXPECT_NE(key.find(hostCpuIdentity().toString()), std::string::npos) << key;
  }
}

TEST(GemmTuner, StartsFromEveryShippedSetAndTheClassDefault) {
  const DeviceTraits device = poclOn("zen4");
  for (const GemmKey &key : everyKey(DataType::F32)) {
    const GemmParams current = classDefault(device, key);
    const std::vector<GemmParams> seeds = tunerSeeds(key, device, current, nullptr);
    ASSERT_FALSE(seeds.empty());
    EXPECT_EQ(seeds.front(), current); // what the device runs today comes first
    auto holds = [&seeds](const GemmParams &params) {
      return std::find(seeds.begin(), seeds.end(), params) != seeds.end();
    };
    EXPECT_TRUE(holds(classDefault(device, key))) << key.toString();
    for (const ShippedTuning &shipped : shippedTunings())
      EXPECT_TRUE(holds(shipped.tuning.find(key)->params))
          << key.toString() << " " << shipped.generation;
    for (std::size_t i = 0; i < seeds.size(); ++i)
      for (std::size_t j = i + 1; j < seeds.size(); ++j)
        EXPECT_FALSE(seeds[i] == seeds[j]) << key.toString();
  }
}

TEST(GemmTuner, NeighboursDifferInOneField) {
  const GemmParams start =
      shippedFor("zen5")->find(GemmKey{DataType::F32, false, false, ShapeClass::Large})->params;
  const std::vector<GemmParams> next = neighbours(start);
  EXPECT_GE(next.size(), 10u);
  bool narrower = false;
  for (const GemmParams &params : next) {
    EXPECT_FALSE(params == start);
    EXPECT_EQ(params.mwg % (params.mdimc * params.mr), 0) << params.toString();
    EXPECT_EQ(params.nwg % (params.ndimc * params.nr), 0) << params.toString();
    narrower = narrower || params.vw == start.vw / 2;
  }
  EXPECT_TRUE(narrower); // VW=8 is one step from VW=16
}

// Every configuration this device could run: the shipped tuning, the class
// defaults for a CPU and a GPU, and what the engine selects (which includes
// the user's tuning file when there is one), for every key.
std::vector<std::pair<GemmKey, GemmParams>> selectableConfigurations(const GemmEngine &engine) {
  DeviceTraits cpu = engine.traits(), gpu = engine.traits();
  cpu.isCpu = true;
  gpu.isCpu = false;
  std::vector<std::pair<GemmKey, GemmParams>> candidates;
  for (DataType precision : {DataType::F32, DataType::F64})
    for (const GemmKey &key : everyKey(precision)) {
      candidates.emplace_back(key, engine.select(key));
      candidates.emplace_back(key, classDefault(cpu, key));
      candidates.emplace_back(key, classDefault(gpu, key));
    }
  for (const ShippedTuning &shipped : shippedTunings())
    for (const auto &[text, entry] : shipped.tuning.entries())
      candidates.emplace_back(*GemmKey::parse(text), entry.params);
  return candidates;
}

// The distinct kernels among them that this device can run, by their build
// options (parameters, precision, transposes: the shape class only chooses
// among kernels), with the key of one configuration that uses each.
std::map<std::string, std::pair<GemmKey, GemmParams>> selectableKernels(const GemmEngine &engine) {
  std::map<std::string, std::pair<GemmKey, GemmParams>> kernels;
  for (const auto &[key, params] : selectableConfigurations(engine))
    if (isUsable(params, key.precision, engine.capacity()))
      kernels.emplace(buildOptions(params, key.precision, key.precision, key.transA, key.transB),
                      std::pair{key, params});
  return kernels;
}

// The checks below, split by precision and transposes.
struct Slice {
  DataType precision;
  bool transA, transB;
  bool holds(const GemmKey &key) const {
    return key.precision == precision && key.transA == transA && key.transB == transB;
  }
  std::string name() const {
    return std::string(precisionName(precision)) + (transA ? "T" : "N") + (transB ? "T" : "N");
  }
  friend void PrintTo(const Slice &slice, std::ostream *out) { *out << slice.name(); }
};

std::vector<Slice> everySlice() {
  std::vector<Slice> slices;
  for (DataType precision : {DataType::F32, DataType::F64})
    for (int t = 0; t < 4; ++t)
      slices.push_back(Slice{precision, (t & 2) != 0, (t & 1) != 0});
  return slices;
}

TEST(GemmDefaults, SelectableConfigurationsCoverEveryPrecisionAndTranspose) {
  GemmEngine &engine = GemmEngine::forDevice(programs());
  const auto kernels = selectableKernels(engine);
  EXPECT_GT(kernels.size(), 40u);
  // Each slice holds at least the CPU defaults (three tile shapes) and the
  // GPU defaults (two group sizes).
  for (const Slice &slice : everySlice()) {
    std::size_t inSlice = 0;
    for (const auto &[options, configuration] : kernels)
      inSlice += slice.holds(configuration.first) ? 1 : 0;
    EXPECT_GE(inSlice, 5u) << slice.name();
  }
}

// Every selectable kernel reproduces the host reference (verifyGemmParams:
// odd sizes leaving partial tiles on every side, a K of several chunks, beta
// != 0 and beta == 0 over NaN). Each distinct kernel is built and checked
// once, on the batched problem: its first batch is the one-matrix problem of
// the other shape classes, so one check covers every key that selects it.
// Building the kernels is nearly the whole cost (about a second each on
// PoCL, ~80 kernels), so the check is split into eight tests, one per slice.
class GemmSelectable : public ::testing::TestWithParam<Slice> {};

TEST_P(GemmSelectable, EverySelectableConfigurationIsCorrectOnThisDevice) {
  const Slice slice = GetParam();
  library::ProgramCache &cache = programs();
  GemmEngine &engine = GemmEngine::forDevice(cache);
  std::size_t checked = 0;
  for (const auto &[options, configuration] : selectableKernels(engine)) {
    const auto &[key, params] = configuration;
    if (!slice.holds(key))
      continue;
    GemmKey batched = key;
    batched.shape = ShapeClass::Batched;
    std::string reason;
    EXPECT_TRUE(verifyGemmParams(cache, params, batched, &reason))
        << key.toString() << " " << params.toString() << ": " << reason;
    ++checked;
  }
  EXPECT_GE(checked, 5u);
}

INSTANTIATE_TEST_SUITE_P(PrecisionAndTransposes, GemmSelectable, ::testing::ValuesIn(everySlice()),
                         [](const ::testing::TestParamInfo<Slice> &info) {
                           return info.param.name();
                         });

TEST(GemmEngine, TuningFileFromTheEnvironmentWins) {
  library::ProgramCache &cache = programs();
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("cucl-engine-test-" + std::to_string(::getpid()));
  GemmTuning tuning;
  GemmParams params;
  params.mr = 4;
  params.nr = 2;
  params.vw = 2;
  params.mwg = 8;
  params.nwg = 6;
  params.nr = 3;
  params.kwg = 24;
  const GemmKey key{DataType::F32, false, true, ShapeClass::ShortWide};
  tuning.set(key, params, 1);
  std::string error;
  ASSERT_TRUE(saveTuningFile(path, gemmTuningKey(cache), tuning, &error)) << error;
  ::setenv("CUCL_GEMM_TUNING", path.c_str(), 1);
  GemmEngine engine(cache);
  ::unsetenv("CUCL_GEMM_TUNING");
  std::string origin;
  EXPECT_EQ(engine.select(key, &origin), params);
  EXPECT_EQ(origin, "tuned");
  GemmKey other = key;
  other.shape = ShapeClass::Large;
  engine.select(other, &origin);
  EXPECT_NE(origin, "tuned");
  std::filesystem::remove(path);
}

TEST(GemmEngine, UntunedUsesClassDefaults) {
  library::ProgramCache &cache = programs();
  ::setenv("CUCL_GEMM_TUNING", "untuned", 1);
  GemmEngine engine(cache);
  ::unsetenv("CUCL_GEMM_TUNING");
  for (const GemmKey &key : everyKey(DataType::F32)) {
    std::string origin;
    EXPECT_EQ(engine.select(key, &origin), classDefault(engine.traits(), key));
    EXPECT_EQ(origin, "default");
  }
}

TEST(GemmEngine, AutotunesOnlyWhenAskedAndSavesTheFile) {
  library::ProgramCache &cache = programs();
  const std::filesystem::path home =
      std::filesystem::temp_directory_path() / ("cucl-autotune-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(home);
  const char *previous = std::getenv("XDG_CACHE_HOME");
  const std::string saved = previous != nullptr ? previous : "";
  ::setenv("XDG_CACHE_HOME", home.c_str(), 1);
  const std::filesystem::path file = tuningFilePath(gemmTuningKey(cache));
  { GemmEngine untouched(cache); }
  EXPECT_FALSE(std::filesystem::exists(file)); // never tunes by itself
  ::setenv("CUCL_AUTOTUNE", "1", 1);
  ::setenv("CUCL_AUTOTUNE_SECONDS", "2", 1);
  GemmEngine tuned(cache);
  ::unsetenv("CUCL_AUTOTUNE");
  ::unsetenv("CUCL_AUTOTUNE_SECONDS");
  if (previous != nullptr)
    ::setenv("XDG_CACHE_HOME", saved.c_str(), 1);
  else
    ::unsetenv("XDG_CACHE_HOME");
  EXPECT_TRUE(std::filesystem::exists(file)) << file;
  std::string origin;
  tuned.select(GemmKey{DataType::F32, false, false, ShapeClass::Small}, &origin);
  EXPECT_EQ(origin, "tuned"); // the first key tuned within the budget
  std::filesystem::remove_all(home);
}

TEST(GemmTuner, ShortRunProducesVerifiedEntries) {
  library::ProgramCache &cache = programs();
  TunerOptions options;
  options.seconds = 10;
  options.precisions = {DataType::F32};
  options.shapes = {ShapeClass::Small};
  std::vector<std::string> lines;
  const TunerProgress progress = [&](const std::string &line) { lines.push_back(line); };
  GemmTuning tuning = tuneGemm(cache, options, &progress);
  // NN comes first and always gets a candidate; the others as time allows
  // (a loaded machine may leave no budget for them).
  EXPECT_NE(tuning.find(GemmKey{DataType::F32, false, false, ShapeClass::Small}), nullptr);
  EXPECT_LE(tuning.entries().size(), 4u);
  for (const auto &[text, entry] : tuning.entries()) {
    EXPECT_GT(entry.gflops, 0) << text;
    std::string reason;
    EXPECT_TRUE(verifyGemmParams(cache, entry.params, *GemmKey::parse(text), &reason)) << reason;
  }
  EXPECT_FALSE(lines.empty());
}

} // namespace
} // namespace cucl::blas
