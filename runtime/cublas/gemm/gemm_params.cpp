#include "gemm/gemm_params.h"

#include <cstdlib>
#include <sstream>
#include <utility>
#include <vector>

namespace cucl::blas {
namespace {

// Every field with its name: one table for printing, parsing and -D options.
std::vector<std::pair<const char *, int GemmParams::*>> fields() {
  return {{"MR", &GemmParams::mr},       {"NR", &GemmParams::nr},   {"VW", &GemmParams::vw},
          {"MWG", &GemmParams::mwg},     {"NWG", &GemmParams::nwg}, {"MDIMC", &GemmParams::mdimc},
          {"NDIMC", &GemmParams::ndimc}, {"KWG", &GemmParams::kwg}, {"KU", &GemmParams::ku},
          {"SA", &GemmParams::sa},       {"SB", &GemmParams::sb},   {"KDOT", &GemmParams::kdot}};
}

bool isPowerOfTwo(int value) {
  return value > 0 && (value & (value - 1)) == 0;
}

int typeMacro(DataType type) {
  switch (type) {
  case DataType::F16:
    return 16;
  case DataType::F32:
    return 32;
  case DataType::F64:
    return 64;
  }
  return 32;
}

} // namespace

std::string GemmParams::toString() const {
  std::ostringstream out;
  const char *separator = "";
  for (const auto &[name, member] : fields()) {
    out << separator << name << '=' << this->*member;
    separator = ",";
  }
  return out.str();
}

std::optional<GemmParams> GemmParams::parse(const std::string &text) {
  GemmParams params;
  std::size_t seen = 0;
  std::istringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    const std::size_t equals = item.find('=');
    if (equals == std::string::npos)
      return std::nullopt;
    const std::string name = item.substr(0, equals);
    char *end = nullptr;
    const long value = std::strtol(item.c_str() + equals + 1, &end, 10);
    if (*end != '\0' || end == item.c_str() + equals + 1 || value < 0 || value > 4096)
      return std::nullopt;
    bool known = false;
    for (const auto &[field, member] : fields())
      if (name == field) {
        params.*member = static_cast<int>(value);
        known = true;
        ++seen;
      }
    if (!known)
      return std::nullopt;
  }
  // KDOT came later: files written before it leave it out (0).
  const bool kdotGiven = text.find("KDOT=") != std::string::npos;
  if (seen != fields().size() - (kdotGiven ? 0 : 1))
    return std::nullopt;
  return params;
}

std::size_t elementBytes(DataType type) {
  switch (type) {
  case DataType::F16:
    return 2;
  case DataType::F32:
    return 4;
  case DataType::F64:
    return 8;
  }
  return 4;
}

DataType computeType(DataType abType) {
  return abType == DataType::F64 ? DataType::F64 : DataType::F32;
}

bool isUsable(const GemmParams &p, DataType abType, const DeviceCapacity &device) {
  // The dot-product form keeps MR x NR vectors (along k) live, the other
  // form MR / VW x NR: the register bound differs.
  const bool registersOk =
      p.kdot ? p.mr * p.nr <= 64 && p.sa == 0 && p.sb == 0 : p.mr * p.nr <= 512 && p.mr % p.vw == 0;
  const bool shapeOk = p.mr > 0 && p.nr > 0 && p.mdimc > 0 && p.ndimc > 0 && p.kwg > 0 &&
                       registersOk && (p.kdot == 0 || p.kdot == 1) &&
                       (p.vw == 1 || p.vw == 2 || p.vw == 4 || p.vw == 8 || p.vw == 16) &&
                       p.mwg > 0 && p.nwg > 0 && p.mwg % (p.mdimc * p.mr) == 0 &&
                       p.nwg % (p.ndimc * p.nr) == 0 && isPowerOfTwo(p.ku) && p.ku <= 16 &&
                       (p.sa == 0 || p.sa == 1) && (p.sb == 0 || p.sb == 1);
  if (!shapeOk)
    return false;
  const std::size_t groupSize = static_cast<std::size_t>(p.mdimc) * p.ndimc;
  if (groupSize > device.maxWorkGroupSize ||
      static_cast<std::size_t>(p.mdimc) > device.maxWorkItemSizes[0] ||
      static_cast<std::size_t>(p.ndimc) > device.maxWorkItemSizes[1])
    return false;
  const std::size_t staged = static_cast<std::size_t>(p.kwg) * (p.sa * p.mwg + p.sb * p.nwg) *
                             elementBytes(computeType(abType));
  return staged <= device.localMemBytes;
}

bool suitsTransposes(const GemmParams &params, bool transA, bool transB) {
  return params.kdot == 0 || (transA && !transB);
}

std::string buildOptions(const GemmParams &params, DataType abType, DataType cType, bool transA,
                         bool transB) {
  std::ostringstream out;
  for (const auto &[name, member] : fields())
    out << "-D" << name << '=' << params.*member << ' ';
  out << "-DAB_TYPE=" << typeMacro(abType) << " -DC_TYPE=" << typeMacro(cType)
      << " -DTRANS_A=" << (transA ? 1 : 0) << " -DTRANS_B=" << (transB ? 1 : 0);
  return out.str();
}

} // namespace cucl::blas
