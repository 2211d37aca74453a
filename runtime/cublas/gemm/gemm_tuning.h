// A device's GEMM tuning: one parameter set per GemmKey, with the speed it
// reached when tuned. Stored in the user's cache directory as a cache file
// (runtime/core/cache_file.h, through the interop API: checksummed, written
// for the device key -- platform, device, vendor, driver version) whose body
// is text:
//
//   # cucl GEMM tuning (cucl-tune gemm)
//   device = Portable Computing Language | pthread-... | AuthenticAMD | 3.1+debian | cpu zen4
//   (AuthenticAMD family 0x19 model 0x11, avx512)
//   f32 NN large = MR=32,NR=8,VW=16,MWG=32,NWG=256,MDIMC=1,NDIMC=1,KWG=256,KU=1,SA=0,SB=0 # 139.2
//   GFLOP/s
#ifndef CUCL_CUBLAS_GEMM_GEMM_TUNING_H
#define CUCL_CUBLAS_GEMM_GEMM_TUNING_H

#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>

#include "gemm/cpu_identity.h"
#include "gemm/gemm_params.h"
#include "gemm/gemm_shape.h"

namespace cucl::blas {

struct TunedEntry {
  GemmParams params;
  double gflops = 0; // 0: not measured (hand-chosen default)
};

class GemmTuning {
public:
  void set(const GemmKey &key, const GemmParams &params, double gflops);
  const TunedEntry *find(const GemmKey &key) const;
  const std::map<std::string, TunedEntry> &entries() const { return entries_; }

  void write(std::ostream &out, const std::string &deviceKey) const;
  // Parses a tuning file; *deviceKey receives its device line. A malformed
  // line makes the whole file invalid (error says which line).
  static std::optional<GemmTuning> read(std::istream &in, std::string *deviceKey,
                                        std::string *error);

private:
  std::map<std::string, TunedEntry> entries_; // by GemmKey::toString()
};

// The device key a GEMM tuning is written for: the driver's device key
// (platform, device, vendor, driver version) and, for a CPU device (cpu not
// null), the CPU's identity, which the driver's name does not tell (PoCL
// names a Zen 4 and a Zen 5 alike): a tuning made on one is never loaded on
// the other.
std::string tuningDeviceKey(const std::string &driverDeviceKey, const CpuIdentity *cpu);

// <cache directory>/gemm-<device name>-<hash of device key>.tuning; empty
// when there is no cache directory cucl may use.
std::filesystem::path tuningFilePath(const std::string &deviceKey);
// The key a device's tuning file is written for.
std::string tuningFileKey(const std::string &deviceKey);
// The tuning stored for this device, if the file exists, is an intact cache
// file of this user written for this exact device key, and parses (a file
// from another driver version, a damaged, foreign or unsafe one is ignored:
// *error says why).
std::optional<GemmTuning> loadTuningFile(const std::filesystem::path &path,
                                         const std::string &deviceKey, std::string *error);
// Written to a temporary file and renamed, so readers never see half a file.
bool saveTuningFile(const std::filesystem::path &path, const std::string &deviceKey,
                    const GemmTuning &tuning, std::string *error);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_GEMM_GEMM_TUNING_H
