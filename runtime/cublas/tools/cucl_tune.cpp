// cucl-tune: searches cucl's GEMM kernel family on a device and writes the
// tuning file the runtime loads for that device.
//
//   cucl-tune gemm [--seconds N] [--shapes small,large,...] [--precision f32,f64]
//                  [--transposes NN,NT,TN,TT] [--device N] [--output FILE] [--quiet]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "cucl/opencl_interop.h"
#include "gemm/gemm_engine.h"
#include "gemm/gemm_tuner.h"
#include "gemm/gemm_tuning.h"
#include "library_support/program_cache.h"

namespace {

using namespace cucl::blas;

int usage(const char *problem) {
  if (problem != nullptr)
    std::fprintf(stderr, "cucl-tune: %s\n", problem);
  std::fprintf(
      stderr,
      "usage: cucl-tune gemm [--seconds N] [--shapes LIST] [--precision LIST]\n"
      "                      [--transposes LIST] [--device N] [--output FILE] [--quiet]\n"
      "  --seconds N       time budget (default 240)\n"
      "  --shapes LIST     of small, large, tall-skinny, short-wide, batched (default all)\n"
      "  --precision LIST  of f32, f64 (default both; f16 uses the f32 tuning)\n"
      "  --transposes LIST of NN, NT, TN, TT (default all)\n"
      "  --device N        CUDA device index (default 0)\n"
      "  --output FILE     where to write (default: the file the runtime reads)\n"
      "Existing entries of the output file for keys not tuned now are kept.\n");
  return 2;
}

std::vector<std::string> splitList(const std::string &text) {
  std::vector<std::string> items;
  std::istringstream in(text);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty())
      items.push_back(item);
  return items;
}

struct Arguments {
  TunerOptions options;
  int device = 0;
  std::string output;
  bool quiet = false;
};

// nullptr on success, else what is wrong.
const char *parse(int argc, char **argv, Arguments *args) {
  if (argc < 2 || std::strcmp(argv[1], "gemm") != 0)
    return "the first argument must be 'gemm' (the only tunable routine)";
  for (int i = 2; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--quiet") {
      args->quiet = true;
      continue;
    }
    if (i + 1 >= argc)
      return "missing value after a flag";
    const std::string value = argv[++i];
    if (flag == "--seconds") {
      char *end = nullptr;
      args->options.seconds = std::strtod(value.c_str(), &end);
      if (*end != '\0' || args->options.seconds <= 0)
        return "--seconds needs a positive number";
    } else if (flag == "--shapes") {
      args->options.shapes.clear();
      for (const std::string &name : splitList(value)) {
        std::optional<ShapeClass> shape = parseShapeClass(name);
        if (!shape)
          return "unknown shape class in --shapes";
        args->options.shapes.push_back(*shape);
      }
    } else if (flag == "--precision") {
      args->options.precisions.clear();
      for (const std::string &name : splitList(value)) {
        if (name == "f32")
          args->options.precisions.push_back(DataType::F32);
        else if (name == "f64")
          args->options.precisions.push_back(DataType::F64);
        else
          return "--precision takes f32 and/or f64";
      }
    } else if (flag == "--transposes") {
      args->options.transposes.clear();
      for (const std::string &name : splitList(value)) {
        if (name.size() != 2 || (name[0] != 'N' && name[0] != 'T') ||
            (name[1] != 'N' && name[1] != 'T'))
          return "--transposes takes NN, NT, TN and/or TT";
        args->options.transposes.emplace_back(name[0] == 'T', name[1] == 'T');
      }
    } else if (flag == "--device") {
      args->device = std::atoi(value.c_str());
    } else if (flag == "--output") {
      args->output = value;
    } else {
      return "unknown flag";
    }
  }
  if (args->options.shapes.empty() || args->options.precisions.empty() ||
      args->options.transposes.empty())
    return "nothing to tune";
  return nullptr;
}

} // namespace

int main(int argc, char **argv) {
  Arguments args;
  if (const char *problem = parse(argc, argv, &args))
    return usage(problem);

  cuclOpenCLDevice device{};
  if (cudaError_t status = __cuclGetOpenCLDevice(args.device, &device); status != cudaSuccess) {
    std::fprintf(stderr, "cucl-tune: no CUDA device %d (cucl error %d)\n", args.device,
                 static_cast<int>(status));
    return 1;
  }
  cucl::library::ProgramCache &programs = cucl::library::ProgramCache::forDevice(args.device);
  // CPU devices: the key names the CPU too (a Zen 5's tuning is not a Zen 4's).
  const std::string deviceKey = gemmTuningKey(programs);
  const std::filesystem::path output =
      args.output.empty() ? tuningFilePath(deviceKey) : std::filesystem::path(args.output);
  if (output.empty()) {
    std::fprintf(stderr, "cucl-tune: no cache directory cucl may use (CUCL_VERBOSE=1 says why); "
                         "name a file with --output\n");
    return 1;
  }
  std::printf("cucl-tune: device %s\n", deviceKey.c_str());
  std::printf("cucl-tune: %.0f s budget, writing %s\n", args.options.seconds, output.c_str());
  std::fflush(stdout);

  const TunerProgress progress = [&](const std::string &line) {
    const bool summary = line.find(": best ") != std::string::npos;
    if (!args.quiet || summary) {
      std::printf("%s\n", line.c_str());
      std::fflush(stdout);
    }
  };
  GemmTuning tuned = tuneGemm(programs, args.options, &progress);

  // Keep what an earlier run tuned for keys this run did not cover.
  std::string ignored;
  GemmTuning merged = loadTuningFile(output, deviceKey, &ignored).value_or(GemmTuning{});
  for (const auto &[key, entry] : tuned.entries())
    merged.set(*GemmKey::parse(key), entry.params, entry.gflops);
  std::string error;
  if (!saveTuningFile(output, deviceKey, merged, &error)) {
    std::fprintf(stderr, "cucl-tune: %s\n", error.c_str());
    return 1;
  }
  std::printf("cucl-tune: wrote %zu entries to %s\n", merged.entries().size(), output.c_str());
  return 0;
}
