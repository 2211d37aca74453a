#include "gemm/gemm_tuner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <deque>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "gemm/gemm_engine.h"
#include "gemm/gemm_launch.h"
#include "kernels/xgemm.cl.h"

namespace cucl::blas {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// A problem on the device: operands filled with multiples of 1/8 in
// [-1, 1] (exact in every precision, so fp32 sums of up to 2^16 terms are
// exact too), with their host copies for the reference.
class Problem {
public:
  Problem(const cl::Context &context, const GemmKey &key, int m, int n, int k, int batch, int pad,
          std::mt19937 &random)
      : m_(m), n_(n), k_(k), batch_(batch) {
    call_.abType = call_.cType = key.precision;
    call_.transA = key.transA;
    call_.transB = key.transB;
    call_.m = m;
    call_.n = n;
    call_.k = k;
    call_.batchCount = batch;
    call_.alpha.host = 1.5;
    call_.beta.host = 0.5;
    aRows_ = key.transA ? k : m;
    bRows_ = key.transB ? n : k;
    setUp(context, call_.a, hostA_, aRows_, key.transA ? m : k, pad, random);
    setUp(context, call_.b, hostB_, bRows_, key.transB ? k : n, pad, random);
    setUp(context, call_.c, hostC_, m, n, pad, random);
  }

  GemmCall &call() { return call_; }
  double flops() const { return 2.0 * m_ * n_ * k_ * batch_; }

  // The largest relative error over `samples` entries of C (all when 0)
  // after one run that started from the initial C.
  double maxError(const cl::CommandQueue &queue, std::size_t samples, std::mt19937 &random) const {
    std::vector<double> result = download(queue);
    double worst = 0;
    auto check = [&](int b, int i, int j) {
      double sum = 0;
      for (int l = 0; l < k_; ++l)
        sum += a(b, i, l) * this->b(b, l, j);
      const std::size_t at = index(call_.c, b, i, j);
      const double expected =
          call_.alpha.host * sum + (call_.beta.host == 0 ? 0 : call_.beta.host * hostC_[at]);
      worst = std::max(worst, std::fabs(result[at] - expected) / (1 + std::fabs(expected)));
    };
    if (samples == 0) {
      for (int b = 0; b < batch_; ++b)
        for (int j = 0; j < n_; ++j)
          for (int i = 0; i < m_; ++i)
            check(b, i, j);
      // Padding rows between m and ldc must be untouched.
      for (int b = 0; b < batch_; ++b)
        for (int j = 0; j < n_; ++j)
          for (std::int64_t i = m_; i < call_.c.ld; ++i) {
            const std::size_t at = index(call_.c, b, static_cast<int>(i), j);
            const bool same =
                result[at] == hostC_[at] || (std::isnan(result[at]) && std::isnan(hostC_[at]));
            if (!same)
              worst = 1e30;
          }
    } else {
      for (std::size_t s = 0; s < samples; ++s)
        check(static_cast<int>(random() % batch_), static_cast<int>(random() % m_),
              static_cast<int>(random() % n_));
    }
    return worst;
  }

  cl_int uploadAll(const cl::CommandQueue &queue) const {
    cl_int status = upload(queue, call_.a, hostA_);
    if (status == CL_SUCCESS)
      status = upload(queue, call_.b, hostB_);
    return status == CL_SUCCESS ? upload(queue, call_.c, hostC_) : status;
  }

  // Restores C to its initial contents.
  cl_int resetC(const cl::CommandQueue &queue) const { return upload(queue, call_.c, hostC_); }

  // beta = 0 over a NaN-filled C: a kernel that reads C anyway shows NaN.
  cl_int poisonCWithBetaZero(const cl::CommandQueue &queue) {
    call_.beta.host = 0;
    std::fill(hostC_.begin(), hostC_.end(), std::numeric_limits<double>::quiet_NaN());
    return resetC(queue);
  }

private:
  std::size_t index(const MatrixArg &matrix, int b, int row, int column) const {
    return matrix.offsetBytes / elementBytes(call_.cType) +
           static_cast<std::size_t>(b) * static_cast<std::size_t>(matrix.stride) +
           static_cast<std::size_t>(row) + static_cast<std::size_t>(column) * matrix.ld;
  }
  double a(int b, int i, int l) const {
    return call_.transA ? hostA_[index(call_.a, b, l, i)] : hostA_[index(call_.a, b, i, l)];
  }
  double b(int batch, int l, int j) const {
    return call_.transB ? hostB_[index(call_.b, batch, j, l)] : hostB_[index(call_.b, batch, l, j)];
  }

  void setUp(const cl::Context &context, MatrixArg &matrix, std::vector<double> &host, int rows,
             int columns, int pad, std::mt19937 &random) {
    matrix.ld = std::max(rows, 1) + pad;
    matrix.stride = matrix.ld * columns + pad;
    matrix.offsetBytes = static_cast<std::size_t>(pad) * elementBytes(call_.abType);
    host.resize(static_cast<std::size_t>(pad + matrix.stride * batch_ + pad));
    for (double &value : host)
      value = static_cast<int>(random() % 17) / 8.0 - 1.0;
    matrix.buffer =
        cl::Buffer(context, CL_MEM_READ_WRITE, host.size() * elementBytes(call_.abType));
  }

  cl_int upload(const cl::CommandQueue &queue, const MatrixArg &matrix,
                const std::vector<double> &host) const {
    if (call_.abType == DataType::F64)
      return queue.enqueueWriteBuffer(matrix.buffer, CL_TRUE, 0, host.size() * 8, host.data());
    std::vector<float> narrow(host.begin(), host.end());
    return queue.enqueueWriteBuffer(matrix.buffer, CL_TRUE, 0, narrow.size() * 4, narrow.data());
  }

  std::vector<double> download(const cl::CommandQueue &queue) const {
    std::vector<double> result(hostC_.size());
    if (call_.cType == DataType::F64) {
      queue.enqueueReadBuffer(call_.c.buffer, CL_TRUE, 0, result.size() * 8, result.data());
    } else {
      std::vector<float> narrow(result.size());
      queue.enqueueReadBuffer(call_.c.buffer, CL_TRUE, 0, narrow.size() * 4, narrow.data());
      std::copy(narrow.begin(), narrow.end(), result.begin());
    }
    return result;
  }

  GemmCall call_;
  int m_, n_, k_, batch_;
  int aRows_ = 0, bRows_ = 0;
  std::vector<double> hostA_, hostB_, hostC_;
};

double tolerance(DataType precision) {
  return precision == DataType::F64 ? 1e-12 : 1e-5;
}

// Builds a candidate outside the program cache (candidates are not kept).
cl_int buildCandidate(library::ProgramCache &programs, const GemmParams &params,
                      const GemmCall &call, GemmKernel *out, std::string *log) {
  cl::Program program(programs.context(), std::string(kernels::xgemm));
  const std::vector<cl::Device> devices{programs.device()};
  cl_int status = program.build(devices, buildOptionsFor(params, call).c_str());
  if (status != CL_SUCCESS) {
    program.getBuildInfo(programs.device(), CL_PROGRAM_BUILD_LOG, log);
    return status;
  }
  out->kernel = cl::Kernel(program, "xgemm", &status);
  out->params = params;
  return status;
}

cl_int runOnce(const cl::CommandQueue &queue, GemmKernel &kernel, const GemmCall &call) {
  cl::Event done;
  cl_int status = enqueueGemmKernel(queue, kernel, call, nullptr, &done);
  return status == CL_SUCCESS ? done.wait() : status;
}

// Odd sizes that leave partial tiles on every side for any parameter set,
// and a K that takes at least three chunks; then once more with beta = 0
// over a NaN-filled C.
bool verifyOnOddProblem(library::ProgramCache &programs, const cl::CommandQueue &queue,
                        GemmKernel &kernel, const GemmKey &key, std::string *reason) {
  std::mt19937 random(7);
  const bool batched = key.shape == ShapeClass::Batched;
  const int k = 2 * kernel.params.kwg + 37;
  Problem problem(programs.context(), key, 67, 45, k, batched ? 3 : 1, 3, random);
  if (problem.uploadAll(queue) != CL_SUCCESS) {
    *reason = "cannot allocate the verification problem";
    return false;
  }
  for (const bool betaZero : {false, true}) {
    const char *pass = betaZero ? "beta == 0 over NaN" : "beta != 0";
    if (betaZero && problem.poisonCWithBetaZero(queue) != CL_SUCCESS) {
      *reason = "cannot write the verification problem";
      return false;
    }
    if (runOnce(queue, kernel, problem.call()) != CL_SUCCESS) {
      *reason = "failed to run";
      return false;
    }
    const double error = problem.maxError(queue, 0, random);
    if (!(error <= tolerance(key.precision))) {
      std::ostringstream text;
      text << "wrong result with " << pass << " (relative error " << error << ")";
      *reason = text.str();
      return false;
    }
  }
  return true;
}

// The neighbourhood the search walks: every field has an ordered list of
// values; a mutation moves one or two fields to an adjacent value and
// rounds the work-group tile to a multiple of the micro tiles.
struct Space {
  std::vector<int> vw{1, 2, 4, 8, 16}, mr{1, 2, 4, 8, 16, 24, 32, 48, 64},
      nr{1, 2, 4, 6, 8, 12, 16}, dim{1, 2, 4, 8, 16, 32}, tiles{1, 2, 4, 8, 16, 32},
      kwg{8, 16, 32, 64, 128, 256, 512}, ku{1, 2, 4, 8};
};

int step(const std::vector<int> &values, int current, int direction) {
  auto at = std::lower_bound(values.begin(), values.end(), current);
  std::ptrdiff_t index = at - values.begin() + direction;
  index = std::clamp<std::ptrdiff_t>(index, 0, static_cast<std::ptrdiff_t>(values.size()) - 1);
  return values[static_cast<std::size_t>(index)];
}

constexpr int kFields = 11; // the fields moveField knows

// Moves one field (0..kFields-1) of `p` one step in `direction` (the toggles
// ignore it) and rounds the work-group tile to a multiple of the micro tiles.
GemmParams moveField(GemmParams p, int field, int direction) {
  static const Space space;
  int mwgTiles = std::max(1, p.mwg / (p.mdimc * p.mr)),
      nwgTiles = std::max(1, p.nwg / (p.ndimc * p.nr));
  switch (field) {
  case 0:
    p.vw = step(space.vw, p.vw, direction);
    break;
  case 1:
    p.mr = step(space.mr, p.mr, direction);
    break;
  case 2:
    p.nr = step(space.nr, p.nr, direction);
    break;
  case 3:
    p.mdimc = step(space.dim, p.mdimc, direction);
    break;
  case 4:
    p.ndimc = step(space.dim, p.ndimc, direction);
    break;
  case 5:
    mwgTiles = step(space.tiles, mwgTiles, direction);
    break;
  case 6:
    nwgTiles = step(space.tiles, nwgTiles, direction);
    break;
  case 7:
    p.kwg = step(space.kwg, p.kwg, direction);
    break;
  case 8:
    p.ku = step(space.ku, p.ku, direction);
    break;
  case 9:
    (direction > 0 ? p.sa : p.sb) ^= 1;
    break;
  case 10: // the other micro-kernel form, with tiles that suit it
    p.kdot ^= 1;
    if (p.kdot) {
      p.sa = p.sb = 0;
      p.mr = p.nr = 4;
    }
    break;
  }
  if (!p.kdot)
    p.mr = std::max(p.vw, p.mr / p.vw * p.vw);
  p.mwg = mwgTiles * p.mdimc * p.mr;
  p.nwg = nwgTiles * p.ndimc * p.nr;
  return p;
}

GemmParams mutate(GemmParams p, std::mt19937 &random) {
  const int changes = 1 + static_cast<int>(random() % 2);
  for (int c = 0; c < changes; ++c) {
    const int direction = random() % 2 ? 1 : -1;
    p = moveField(p, static_cast<int>(random() % kFields), direction);
  }
  return p;
}

// A starting point for the dot-product form (TN): 4 x 4 results per
// work-item, vectors along k as wide as the device prefers.
GemmParams dotProductSeed(ShapeClass shape, const DeviceTraits &device, DataType precision) {
  GemmParams p;
  p.kdot = 1;
  p.mr = p.nr = 4;
  p.vw = static_cast<int>(precision == DataType::F64 ? device.doubleVectorWidth
                                                     : device.floatVectorWidth);
  p.vw = std::clamp(p.vw, 1, 16);
  p.mdimc = p.ndimc = 1;
  p.mwg = 16;
  p.nwg = shape == ShapeClass::Small || shape == ShapeClass::Batched ? 16 : 32;
  p.kwg = 512;
  p.ku = 1;
  p.sa = p.sb = 0;
  return p;
}

GemmKey withoutTransposes(GemmKey key) {
  key.transA = key.transB = false;
  return key;
}

// How much of the budget each key gets: large fp32 shapes matter most.
double weight(const GemmKey &key) {
  double w = key.shape == ShapeClass::Large ? 3 : 1;
  if (key.precision == DataType::F64)
    w *= 0.4;
  return w;
}

class Tuner {
public:
  Tuner(library::ProgramCache &programs, const TunerOptions &options, const TunerProgress *progress)
      : programs_(programs), options_(options), progress_(progress),
        queue_(programs.context(), programs.device()), random_(options.seed),
        engine_(programs, /*mayAutotune=*/false) {}

  GemmTuning run() {
    std::vector<GemmKey> keys;
    for (DataType precision : options_.precisions) {
      if (precision == DataType::F16) {
        say("f16 is tuned as f32 (it computes in fp32); skipping f16");
        continue;
      }
      if (precision == DataType::F64 && !supportsDouble()) {
        say("device has no fp64; skipping f64");
        continue;
      }
      for (ShapeClass shape : options_.shapes)
        for (const auto &[transA, transB] : options_.transposes) // NN first: it seeds the others
          keys.push_back(GemmKey{precision, transA, transB, shape});
    }
    double totalWeight = 0;
    for (const GemmKey &key : keys)
      totalWeight += weight(key);
    const Clock::time_point start = Clock::now();
    double allotted = 0;
    for (const GemmKey &key : keys) {
      allotted += options_.seconds * weight(key) / totalWeight;
      tuneKey(key, start, allotted);
    }
    say("done in " + std::to_string(static_cast<int>(secondsSince(start))) + " s");
    return result_;
  }

private:
  bool supportsDouble() const {
    std::string extensions;
    programs_.device().getInfo(CL_DEVICE_EXTENSIONS, &extensions);
    return extensions.find("cl_khr_fp64") != std::string::npos;
  }

  void say(const std::string &line) const {
    if (progress_ != nullptr && *progress_)
      (*progress_)(line);
  }

  bool worthTrying(const GemmKey &key, const GemmParams &params,
                   const std::set<std::string> &tried) const {
    return tried.count(params.toString()) == 0 &&
           isUsable(params, key.precision, engine_.capacity()) &&
           suitsTransposes(params, key.transA, key.transB);
  }

  // Times `params` on `problem`: GFLOP/s, or 0 when it cannot run or is wrong.
  double measure(const GemmKey &key, const GemmParams &params, Problem &problem, double best,
                 std::string *note) {
    if (!isUsable(params, key.precision, engine_.capacity()) ||
        !suitsTransposes(params, key.transA, key.transB)) {
      *note = "not usable on this device";
      return 0;
    }
    GemmKernel kernel;
    std::string log;
    if (buildCandidate(programs_, params, problem.call(), &kernel, &log) != CL_SUCCESS) {
      *note = "build failed";
      return 0;
    }
    if (!verifyOnOddProblem(programs_, queue_, kernel, key, note))
      return 0;
    // First run: correctness on samples (and the driver's first-launch work).
    if (problem.resetC(queue_) != CL_SUCCESS ||
        runOnce(queue_, kernel, problem.call()) != CL_SUCCESS) {
      *note = "failed to run";
      return 0;
    }
    if (problem.maxError(queue_, 128, random_) > tolerance(key.precision)) {
      *note = "wrong result on the timed problem";
      return 0;
    }
    return time(kernel, problem, best, note);
  }

  // GFLOP/s of an already verified kernel on `problem`, 0 when it fails.
  double time(GemmKernel &kernel, Problem &problem, double best, std::string *note) {
    double fastest = 1e30, spent = 0;
    // Best of at least 3 runs, more while they take under 0.2 s in all (small
    // problems run in tens of microseconds: many runs smooth out scheduling).
    for (int run = 0; run < 200 && (run < 3 || spent < 0.2); ++run) {
      const Clock::time_point start = Clock::now();
      if (runOnce(queue_, kernel, problem.call()) != CL_SUCCESS) {
        *note = "failed to run";
        return 0;
      }
      const double seconds = secondsSince(start);
      fastest = std::min(fastest, seconds);
      spent += seconds;
      if (best > 0 && problem.flops() / fastest * 1e-9 < best / 3) // clearly worse: stop early
        break;
    }
    return problem.flops() / fastest * 1e-9;
  }

  struct Measured {
    GemmParams params;
    double speed;
  };

  // On a shared machine one lucky quiet moment can crown a mediocre set. The
  // finalists (the fastest three and what the device runs today) are timed
  // again, in turns, and the best of those rounds alone decides.
  Measured confirm(const GemmKey &key, Problem &problem, std::vector<Measured> measured,
                   const GemmParams &current) {
    std::stable_sort(measured.begin(), measured.end(),
                     [](const Measured &a, const Measured &b) { return a.speed > b.speed; });
    std::vector<Measured> finalists;
    for (const Measured &each : measured)
      if (each.speed > 0 && (finalists.size() < 3 || each.params == current))
        finalists.push_back(Measured{each.params, 0});
    if (finalists.size() < 2)
      return measured.front();
    std::vector<GemmKernel> kernels(finalists.size());
    for (std::size_t f = 0; f < finalists.size(); ++f) {
      std::string log;
      if (buildCandidate(programs_, finalists[f].params, problem.call(), &kernels[f], &log) !=
          CL_SUCCESS)
        return measured.front();
    }
    std::string note;
    for (int round = 0; round < 3; ++round)
      for (std::size_t f = 0; f < finalists.size(); ++f)
        finalists[f].speed = std::max(finalists[f].speed, time(kernels[f], problem, 0, &note));
    for (const Measured &each : finalists) {
      char line[512];
      std::snprintf(line, sizeof line, "%-18s again: %s  %.1f GFLOP/s", key.toString().c_str(),
                    each.params.toString().c_str(), each.speed);
      say(line);
    }
    return *std::max_element(
        finalists.begin(), finalists.end(),
        [](const Measured &a, const Measured &b) { return a.speed < b.speed; });
  }

  void tuneKey(const GemmKey &key, Clock::time_point start, double until) {
    const TuningProblem shape = tuningProblem(key.shape);
    Problem problem(programs_.context(), key, shape.m, shape.n, shape.k, shape.batch, 0, random_);
    if (problem.uploadAll(queue_) != CL_SUCCESS) {
      say(key.toString() + ": cannot allocate the tuning problem");
      return;
    }
    const std::vector<GemmParams> seeds = tunerSeeds(key, engine_.traits(), engine_.select(key),
                                                     result_.find(withoutTransposes(key)));
    // First the seeds, then every neighbour of the best so far (again from a
    // new best: coordinate descent), then random one- or two-field moves.
    std::deque<GemmParams> queue(seeds.begin(), seeds.end());
    std::set<std::string> tried;
    GemmParams best = seeds.front();
    std::string expanded; // the set whose neighbours are queued
    double bestSpeed = 0;
    std::vector<Measured> measured;
    int candidate = 0;
    // Each key gets its share of the budget; one whose share an earlier key
    // used up still gets its first candidate while any budget is left.
    while (secondsSince(start) < until ||
           (candidate == 0 && secondsSince(start) < options_.seconds)) {
      const bool seedsDone = candidate >= static_cast<int>(seeds.size());
      if (queue.empty() && seedsDone && bestSpeed > 0 && expanded != best.toString()) {
        expanded = best.toString();
        for (const GemmParams &next : neighbours(best))
          queue.push_back(next);
      }
      GemmParams params;
      if (!queue.empty()) {
        params = queue.front();
        queue.pop_front();
      } else {
        params = mutate(best, random_);
        for (int attempt = 0; attempt < 50 && !worthTrying(key, params, tried); ++attempt)
          params = mutate(best, random_);
      }
      if (candidate >= static_cast<int>(seeds.size()) && !worthTrying(key, params, tried))
        continue; // neighbours that cannot run here or were measured already
      ++candidate;
      if (!tried.insert(params.toString()).second)
        continue;
      std::string note;
      const double speed = measure(key, params, problem, bestSpeed, &note);
      char result[64];
      std::snprintf(result, sizeof result, "%.1f GFLOP/s", speed);
      char line[512];
      std::snprintf(line, sizeof line, "[%4.0f s] %-18s #%-3d %s  %s", secondsSince(start),
                    key.toString().c_str(), candidate, params.toString().c_str(),
                    speed > 0 ? result : note.c_str());
      say(line);
      measured.push_back(Measured{params, speed});
      if (speed > bestSpeed) {
        bestSpeed = speed;
        best = params;
      }
      if (candidate > 400)
        break;
    }
    if (candidate == 0)
      say(key.toString() + ": skipped, the time budget is spent");
    if (bestSpeed > 0) {
      const Measured winner = confirm(key, problem, measured, seeds.front());
      best = winner.params;
      bestSpeed = winner.speed;
      result_.set(key, best, bestSpeed);
      char line[512];
      std::snprintf(line, sizeof line, "%s: best %s  %.1f GFLOP/s", key.toString().c_str(),
                    best.toString().c_str(), bestSpeed);
      say(line);
    }
  }

  library::ProgramCache &programs_;
  const TunerOptions &options_;
  const TunerProgress *progress_;
  cl::CommandQueue queue_;
  std::mt19937 random_;
  GemmEngine engine_; // what the device runs without this tuning: the starting points
  GemmTuning result_;
};

} // namespace

std::vector<GemmParams> tunerSeeds(const GemmKey &key, const DeviceTraits &device,
                                   const GemmParams &current, const TunedEntry *nnWinner) {
  std::vector<GemmParams> seeds;
  auto add = [&seeds](const GemmParams &params) {
    if (std::find(seeds.begin(), seeds.end(), params) == seeds.end())
      seeds.push_back(params);
  };
  add(current); // what the device runs today: a run never ends below it
  // Every generation's shipped set for this key: a neighbouring generation's
  // set is often a better start than the class default.
  for (const ShippedTuning &shipped : shippedTunings())
    if (const TunedEntry *entry = shipped.tuning.find(key))
      add(entry->params);
  add(classDefault(device, key));
  if (nnWinner != nullptr && (key.transA || key.transB)) {
    add(nnWinner->params);
    if (key.transA && !nnWinner->params.sa) { // a transposed A is read along k: try it staged
      GemmParams staged = nnWinner->params;
      staged.sa = 1;
      add(staged);
    }
  }
  if (key.transA && !key.transB) // and the dot-product form, vectors along k
    add(dotProductSeed(key.shape, device, key.precision));
  return seeds;
}

std::vector<GemmParams> neighbours(const GemmParams &params) {
  std::vector<GemmParams> result;
  // Cheapest wins first: the k chunk and unroll, then the register tile,
  // the vector width, the group's tile and size, staging, the other form.
  for (int field : {7, 8, 2, 1, 0, 6, 5, 3, 4, 9, 10})
    for (int direction : {1, -1}) {
      if (field == 10 && direction < 0)
        continue; // one toggle
      const GemmParams next = moveField(params, field, direction);
      if (!(next == params) && std::find(result.begin(), result.end(), next) == result.end())
        result.push_back(next);
    }
  return result;
}

TuningProblem tuningProblem(ShapeClass shape) {
  switch (shape) {
  case ShapeClass::Small:
    return {128, 128, 128, 1};
  case ShapeClass::Large:
    return {1024, 1024, 1024, 1};
  case ShapeClass::TallSkinny:
    return {2048, 64, 2048, 1};
  case ShapeClass::ShortWide:
    return {64, 2048, 2048, 1};
  case ShapeClass::Batched:
    return {64, 64, 64, 128};
  }
  return {256, 256, 256, 1};
}

GemmTuning tuneGemm(library::ProgramCache &programs, const TunerOptions &options,
                    const TunerProgress *progress) {
  return Tuner(programs, options, progress).run();
}

bool verifyGemmParams(library::ProgramCache &programs, const GemmParams &params, const GemmKey &key,
                      std::string *reason) {
  cl::CommandQueue queue(programs.context(), programs.device());
  GemmCall call;
  call.abType = call.cType = key.precision;
  call.transA = key.transA;
  call.transB = key.transB;
  GemmKernel kernel;
  std::string log;
  if (buildCandidate(programs, params, call, &kernel, &log) != CL_SUCCESS) {
    *reason = "build failed: " + log;
    return false;
  }
  return verifyOnOddProblem(programs, queue, kernel, key, reason);
}

} // namespace cucl::blas
