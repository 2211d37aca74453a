#include "bench_options.h"

#include <cstdio>
#include <cstring>

#ifndef BENCH_GEMM_DEFAULT_PARAMS
#define BENCH_GEMM_DEFAULT_PARAMS "clblast-tuned-pocl.txt"
#endif

namespace bench {
namespace {

const char kUsage[] =
    "usage: bench-gemm [--quick] [--shapes LIST] [--precision s|d|sd] [--out DIR]\n"
    "                  [--clblast-params FILE]\n"
    "Compares cucl's cublas{S,D}gemm and cublasSgemmStridedBatched with CLBlast (defaults and\n"
    "each tuned parameter set) on the same OpenCL device and with OpenBLAS on the host.\n"
    "  --quick             sizes <= 1024, fewer repeats\n"
    "  --shapes LIST       comma-separated: N (square), MxNxK, BxN^3 or Bx(MxNxK) (batched),\n"
    "                      or square, skinny, batched, all (default: all)\n"
    "  --precision P       s (SGEMM), d (DGEMM) or sd (default)\n"
    "  --out DIR           where the CSV files and the PNG plot go (default: bench-gemm-out)\n"
    "  --clblast-params F  CLBlast Xgemm parameter sets, one per line (default:\n"
    "                      " BENCH_GEMM_DEFAULT_PARAMS ")\n";

} // namespace

std::optional<Options> parseOptions(int argc, char **argv, int &exitCode) {
  Options options;
  options.clblastParams = BENCH_GEMM_DEFAULT_PARAMS;
  std::string shapeList;
  exitCode = 2;
  for (int i = 1; i < argc; ++i) {
    const char *arg = argv[i];
    auto value = [&]() -> const char * {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "bench-gemm: %s needs a value\n%s", arg, kUsage);
        return nullptr;
      }
      return argv[++i];
    };
    if (std::strcmp(arg, "--help") == 0 || std::strcmp(arg, "-h") == 0) {
      std::fputs(kUsage, stdout);
      exitCode = 0;
      return std::nullopt;
    } else if (std::strcmp(arg, "--quick") == 0) {
      options.quick = true;
    } else if (std::strcmp(arg, "--shapes") == 0) {
      const char *list = value();
      if (!list)
        return std::nullopt;
      shapeList = list;
      options.explicitShapes = true;
    } else if (std::strcmp(arg, "--precision") == 0) {
      const char *precision = value();
      if (!precision)
        return std::nullopt;
      std::string p = precision;
      if (p != "s" && p != "d" && p != "sd" && p != "ds") {
        std::fprintf(stderr, "bench-gemm: --precision takes s, d or sd, not '%s'\n", precision);
        return std::nullopt;
      }
      options.sgemm = p.find('s') != std::string::npos;
      options.dgemm = p.find('d') != std::string::npos;
    } else if (std::strcmp(arg, "--out") == 0) {
      const char *dir = value();
      if (!dir)
        return std::nullopt;
      options.outDir = dir;
    } else if (std::strcmp(arg, "--clblast-params") == 0) {
      const char *file = value();
      if (!file)
        return std::nullopt;
      options.clblastParams = file;
    } else {
      std::fprintf(stderr, "bench-gemm: unknown argument '%s'\n%s", arg, kUsage);
      return std::nullopt;
    }
  }
  if (options.explicitShapes) {
    std::optional<std::vector<GemmShape>> shapes = parseShapes(shapeList, options.quick);
    if (!shapes)
      return std::nullopt;
    options.shapes = *shapes;
  } else {
    options.shapes = defaultShapes(options.quick);
  }
  exitCode = 0;
  return options;
}

} // namespace bench
