#include "gemm/gemm_tuning.h"

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iomanip>
#include <sstream>

#include "core/stable_hash.h"
#include "cucl/opencl_interop.h"
#include "library_support/program_cache.h"

namespace cucl::blas {
namespace {

std::string trim(const std::string &text) {
  const std::size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos)
    return "";
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

// Splits "lhs = rhs # comment" into trimmed lhs and rhs.
bool splitAssignment(const std::string &line, std::string *lhs, std::string *rhs) {
  const std::size_t equals = line.find(" = ");
  if (equals == std::string::npos)
    return false;
  *lhs = trim(line.substr(0, equals));
  std::string value = line.substr(equals + 3);
  const std::size_t comment = value.find('#');
  if (comment != std::string::npos)
    value.resize(comment);
  *rhs = trim(value);
  return true;
}

} // namespace

void GemmTuning::set(const GemmKey &key, const GemmParams &params, double gflops) {
  entries_[key.toString()] = TunedEntry{params, gflops};
}

const TunedEntry *GemmTuning::find(const GemmKey &key) const {
  const auto found = entries_.find(key.toString());
  return found == entries_.end() ? nullptr : &found->second;
}

void GemmTuning::write(std::ostream &out, const std::string &deviceKey) const {
  out << "# cucl GEMM tuning (cucl-tune gemm)\n";
  out << "device = " << deviceKey << '\n';
  for (const auto &[key, entry] : entries_) {
    out << key << " = " << entry.params.toString();
    if (entry.gflops > 0)
      out << " # " << std::fixed << std::setprecision(1) << entry.gflops << " GFLOP/s";
    out << '\n';
  }
}

std::optional<GemmTuning> GemmTuning::read(std::istream &in, std::string *deviceKey,
                                           std::string *error) {
  GemmTuning tuning;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string content = trim(line);
    if (content.empty() || content[0] == '#')
      continue;
    std::string lhs, rhs;
    std::optional<GemmKey> key;
    std::optional<GemmParams> params;
    const bool assignment = splitAssignment(line, &lhs, &rhs);
    if (assignment && lhs == "device") {
      *deviceKey = rhs;
      continue;
    }
    if (assignment && (key = GemmKey::parse(lhs)) && (params = GemmParams::parse(rhs))) {
      double gflops = 0;
      const std::size_t comment = line.find('#');
      if (comment != std::string::npos)
        gflops = std::strtod(line.c_str() + comment + 1, nullptr);
      tuning.set(*key, *params, gflops);
      continue;
    }
    if (error != nullptr)
      *error = "line " + std::to_string(number) +
               ": expected '<f16|f32|f64> <NN|NT|TN|TT> "
               "<shape> = <parameters>', got '" +
               content + "'";
    return std::nullopt;
  }
  return tuning;
}

std::string tuningDeviceKey(const std::string &driverDeviceKey, const CpuIdentity *cpu) {
  return cpu == nullptr ? driverDeviceKey : driverDeviceKey + " | cpu " + cpu->toString();
}

std::filesystem::path tuningFilePath(const std::string &deviceKey) {
  // The readable part is the device name (second field of the key).
  std::string name = deviceKey;
  const std::size_t bar = name.find(" | ");
  if (bar != std::string::npos)
    name = name.substr(bar + 3, name.find(" | ", bar + 3) - bar - 3);
  for (char &c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      c = '-';
  std::ostringstream file;
  file << "gemm-" << name << '-' << std::hex << std::setw(16) << std::setfill('0')
       << stableHash({deviceKey}) << ".tuning";
  const std::filesystem::path directory = library::cacheDirectory();
  return directory.empty() ? std::filesystem::path() : directory / file.str();
}

std::string tuningFileKey(const std::string &deviceKey) {
  return "GEMM tuning | " + deviceKey;
}

std::optional<GemmTuning> loadTuningFile(const std::filesystem::path &path,
                                         const std::string &deviceKey, std::string *error) {
  if (path.empty())
    return std::nullopt;
  char *body = nullptr;
  std::size_t size = 0;
  switch (__cuclReadCacheFile(path.c_str(), tuningFileKey(deviceKey).c_str(), &body, &size)) {
  case cuclCacheFileFound:
    break;
  case cuclCacheFileMissing:
    return std::nullopt;
  case cuclCacheFileOtherKey:
    if (error != nullptr)
      *error = "tuned for another device, driver version or CPU, not this device";
    return std::nullopt;
  case cuclCacheFileUnusable:
    if (error != nullptr)
      *error = "not an intact cucl cache file of this user (CUCL_VERBOSE=1 says why)";
    return std::nullopt;
  }
  std::istringstream in(std::string(body, size));
  std::free(body);
  std::string fileDevice;
  std::optional<GemmTuning> tuning = GemmTuning::read(in, &fileDevice, error);
  if (tuning && fileDevice != deviceKey) {
    if (error != nullptr)
      *error = "tuned for '" + fileDevice + "', not this device";
    return std::nullopt;
  }
  return tuning;
}

bool saveTuningFile(const std::filesystem::path &path, const std::string &deviceKey,
                    const GemmTuning &tuning, std::string *error) {
  if (path.empty()) {
    if (error != nullptr)
      *error = "no cache directory cucl may use (CUCL_VERBOSE=1 says why)";
    return false;
  }
  std::ostringstream text;
  tuning.write(text, deviceKey);
  const std::string body = text.str();
  const int failure = __cuclWriteCacheFile(path.c_str(), tuningFileKey(deviceKey).c_str(),
                                           body.data(), body.size());
  if (failure != 0 && error != nullptr)
    *error = "cannot write " + path.string() + ": " + std::strerror(failure);
  return failure == 0;
}

} // namespace cucl::blas
