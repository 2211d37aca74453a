// bench-gemm: cucl's cuBLAS GEMM against CLBlast on the same OpenCL device and
// OpenBLAS on the host, in one run. See README.md.
//
// Order matters: CLBlast's parameter overrides cannot be undone, so every
// shape is first measured with CLBlast's defaults (with ours and OpenBLAS),
// then each tuned parameter set is applied in turn and the SGEMM shapes are
// measured again with it.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include <cuda_runtime.h>

#include "bench_options.h"
#include "clblast_params.h"
#include "clblast_runner.h"
#include "cublas_runner.h"
#include "openblas_runner.h"
#include "opencl_device.h"
#include "plot.h"
#include "report.h"

namespace bench {
namespace {

struct Runners {
  CublasRunner ours;
  ClblastRunner clblast;
  RepeatPolicy policy;
};

void printPoint(const char *what, const Measurement &m, double flops, bool reference = false) {
  if (!m.ran)
    std::printf("  %-24s failed: %s\n", what, m.note.c_str());
  else if (reference)
    std::printf("  %-24s %9.1f GFLOP/s  (%d runs, best %.3f ms; the reference)\n", what,
                m.gflops(flops), m.repeats, m.seconds * 1e3);
  else
    std::printf("  %-24s %9.1f GFLOP/s  (%d runs, best %.3f ms, max rel err %.1e)\n", what,
                m.gflops(flops), m.repeats, m.seconds * 1e3, m.maxRelError);
  std::fflush(stdout);
}

// Says so loudly when a result disagrees with OpenBLAS's: a fast wrong kernel
// must never look like a fast one. Returns false then.
bool checkAgreement(const char *who, const ShapeResult &r, const Measurement &m, double tolerance) {
  if (!m.ran || m.agrees)
    return true;
  std::fprintf(stderr,
               "*** MISMATCH: %s, %cgemm %s: max relative error %.3g against OpenBLAS (tolerance "
               "%.3g) ***\n",
               who, r.precision, r.shape.label().c_str(), m.maxRelError, tolerance);
  return false;
}

// OpenBLAS (the reference), ours and CLBlast with defaults on one shape.
template <class T>
ShapeResult measureShape(GemmProblem<T> &problem, Runners &runners, bool &oursOk) {
  ShapeResult r;
  r.precision = std::is_same_v<T, float> ? 's' : 'd';
  r.shape = problem.shape;
  const double flops = r.shape.flops(), tolerance = errorTolerance<T>(r.shape);
  std::printf("%cgemm %s\n", r.precision, r.shape.label().c_str());
  r.openblas = runOpenBlas(problem, runners.policy);
  printPoint("OpenBLAS", r.openblas, flops, true);
  // OpenBLAS's idle worker threads keep spinning for a while after a call;
  // let them go to sleep before timing the OpenCL device on the same cores.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  r.ours = runners.ours.run(problem, runners.policy);
  printPoint("ours (cuBLAS)", r.ours, flops);
  oursOk &= checkAgreement("ours", r, r.ours, tolerance);
  if (!r.ours.ran) { // as loud: a failing call must not vanish into a "-"
    oursOk = false;
    std::fprintf(stderr, "*** ours failed on %cgemm %s: %s ***\n", r.precision,
                 r.shape.label().c_str(), r.ours.note.c_str());
  }
  r.clblastDefault = runners.clblast.run(problem, runners.policy);
  printPoint("CLBlast default", r.clblastDefault, flops);
  checkAgreement("CLBlast default", r, r.clblastDefault, tolerance);
  return r;
}

// DGEMM runs the square shapes up to 2048 of the default list, or every
// non-batched shape given with --shapes (4096^3 in fp64 takes minutes here).
bool runsInDouble(const Options &options, const GemmShape &shape) {
  if (options.explicitShapes)
    return shape.kind() != ShapeKind::Batched;
  return shape.kind() == ShapeKind::Square && shape.m <= 2048;
}

int run(const Options &options) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<ClblastParamSet> sets;
  if (options.sgemm) {
    std::string error;
    std::optional<std::vector<ClblastParamSet>> loaded =
        loadClblastParams(options.clblastParams, error);
    if (!loaded) {
      std::fprintf(stderr, "bench-gemm: %s\n", error.c_str());
      return 2;
    }
    sets = *loaded;
  }
  std::string error;
  cl::Device device = openclDeviceOfCurrentCudaDevice(error);
  if (device() == nullptr) {
    std::fprintf(stderr, "bench-gemm: %s\n", error.c_str());
    return 2;
  }
  std::error_code made;
  std::filesystem::create_directories(options.outDir, made);
  if (made) {
    std::fprintf(stderr, "bench-gemm: cannot create %s: %s\n", options.outDir.c_str(),
                 made.message().c_str());
    return 2;
  }

  Runners runners{CublasRunner(), ClblastRunner(device),
                  options.quick ? RepeatPolicy{0.2, 2, 5} : RepeatPolicy{0.5, 3, 10}};
  std::printf("device: %s (driver %s)\nhost: %s\n", device.getInfo<CL_DEVICE_NAME>().c_str(),
              device.getInfo<CL_DRIVER_VERSION>().c_str(), openBlasDescription().c_str());
  if (options.sgemm)
    std::printf("CLBlast tuned sets (SGEMM): %zu from %s\n", sets.size(),
                options.clblastParams.c_str());
  if (!runners.ours.error().empty())
    std::fprintf(stderr, "*** ours unavailable: %s ***\n", runners.ours.error().c_str());

  bool oursOk = true;
  std::vector<ShapeResult> results;
  std::vector<GemmProblem<float>> singleProblems; // kept for the tuned CLBlast pass
  std::vector<std::size_t> singleRows;
  if (options.sgemm)
    for (const GemmShape &shape : options.shapes) {
      GemmProblem<float> problem = makeProblem<float>(shape);
      results.push_back(measureShape(problem, runners, oursOk));
      singleRows.push_back(results.size() - 1);
      singleProblems.push_back(std::move(problem));
    }
  if (options.dgemm)
    for (const GemmShape &shape : options.shapes)
      if (runsInDouble(options, shape)) {
        GemmProblem<double> problem = makeProblem<double>(shape);
        results.push_back(measureShape(problem, runners, oursOk));
      }

  for (const ClblastParamSet &set : sets) {
    std::printf("CLBlast tuned set %d (tuner: %.1f GFLOP/s): %s\n", set.index, set.tunerGflops,
                set.text.c_str());
    const std::string overridden = runners.clblast.overrideSingleXgemm(set);
    for (std::size_t i = 0; i < singleProblems.size(); ++i) {
      ShapeResult &r = results[singleRows[i]];
      Measurement m;
      if (overridden.empty())
        m = runners.clblast.run(singleProblems[i], runners.policy);
      else
        m.note = overridden;
      r.clblastSets.push_back(m);
      printPoint(("sgemm " + r.shape.label()).c_str(), m, r.shape.flops());
      checkAgreement(("CLBlast set " + std::to_string(set.index)).c_str(), r, m,
                     errorTolerance<float>(r.shape));
    }
  }

  printTable(results);
  std::string failure = writeCsv(results, options.outDir);
  if (!failure.empty())
    std::fprintf(stderr, "bench-gemm: %s\n", failure.c_str());
  else
    std::printf("\nCSV: %s/gemm-summary.csv, %s/gemm-results.csv\n", options.outDir.c_str(),
                options.outDir.c_str());
  std::string why;
  std::string png = writePlot(results, options.outDir, why);
  if (png.empty())
    std::printf("plot: %s\n", why.c_str());
  else
    std::printf("plot: %s\n", png.c_str());
  std::printf("total %.0f s\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  if (!oursOk) {
    std::fprintf(stderr,
                 "*** ours failed or disagreed with OpenBLAS on some shapes (see above) ***\n");
    return 1;
  }
  return 0;
}

} // namespace
} // namespace bench

int main(int argc, char **argv) {
  int exitCode = 0;
  std::optional<bench::Options> options = bench::parseOptions(argc, argv, exitCode);
  if (!options)
    return exitCode;
  return bench::run(*options);
}
