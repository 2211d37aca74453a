// CLBlast Xgemm parameter sets read from a file (clblast-tuned-pocl.txt):
// one set per line, "<tuner GFLOP/s> NAME=VALUE,NAME=VALUE,...", '#' comments.
#ifndef CUCL_BENCH_GEMM_CLBLAST_PARAMS_H
#define CUCL_BENCH_GEMM_CLBLAST_PARAMS_H

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bench {

struct ClblastParamSet {
  int index = 0;          // 1-based, in file order (how the report names it)
  double tunerGflops = 0; // what CLBlast's tuner measured for the kernel alone
  std::vector<std::pair<std::string, std::size_t>> values;
  std::string text; // the NAME=VALUE list as written
};

// Nothing, with the reason in `error`, when the file cannot be read or a line
// is malformed.
std::optional<std::vector<ClblastParamSet>> loadClblastParams(const std::string &path,
                                                              std::string &error);

} // namespace bench

#endif // CUCL_BENCH_GEMM_CLBLAST_PARAMS_H
