#include "gemm/cpu_identity.h"

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#define CUCL_HAVE_CPUID 1
#endif

namespace cucl::blas {
namespace {

std::string hex(int value) {
  std::ostringstream text;
  text << "0x" << std::hex << value;
  return text.str();
}

bool within(int model, int low, int high) {
  return model >= low && model <= high;
}

// AMD: family 0x17-0x1a by model range (AMD's revision guides and PPRs name
// the ranges; gaps are left unnamed rather than guessed).
std::string amdGeneration(int family, int model) {
  if (family == 0x17)
    return model < 0x30 ? "zen" : "zen2"; // Zen/Zen+: 0x01-0x2f; Zen 2: 0x30 and up
  if (family == 0x19) {
    if (within(model, 0x10, 0x1f) || within(model, 0x60, 0x7f) || within(model, 0xa0, 0xaf))
      return "zen4"; // Genoa/Storm Peak, Raphael, Phoenix, Bergamo/Siena
    if (within(model, 0x00, 0x0f) || within(model, 0x20, 0x5f))
      return "zen3"; // Milan, Vermeer, Rembrandt, Cezanne
  }
  if (family == 0x1a && (within(model, 0x00, 0x4f) || within(model, 0x60, 0x7f)))
    return "zen5"; // Turin, Strix, Granite Ridge, Krackan, Strix Halo
  return "amd-" + hex(family) + "-" + hex(model);
}

// Intel family 6 models whose core is well documented.
std::string intelGeneration(int family, int model) {
  struct Named {
    int model;
    const char *name;
  };
  static const Named kFamily6[] = {
      {0x3c, "haswell"},        {0x3f, "haswell"},        {0x45, "haswell"},
      {0x46, "haswell"},        {0x3d, "broadwell"},      {0x47, "broadwell"},
      {0x4f, "broadwell"},      {0x56, "broadwell"},      {0x4e, "skylake"},
      {0x5e, "skylake"},        {0x8e, "skylake"},        {0x9e, "skylake"},
      {0xa5, "skylake"},        {0xa6, "skylake"},        {0x55, "skylake-x"},
      {0x6a, "icelake-server"}, {0x6c, "icelake-server"}, {0x7d, "icelake"},
      {0x7e, "icelake"},        {0x8c, "tigerlake"},      {0x8d, "tigerlake"},
      {0xa7, "rocketlake"},     {0x8f, "sapphirerapids"}, {0xcf, "emeraldrapids"},
      {0xad, "graniterapids"},  {0xae, "graniterapids"},  {0x97, "alderlake"},
      {0x9a, "alderlake"},      {0xb7, "raptorlake"},     {0xba, "raptorlake"},
      {0xbf, "raptorlake"},     {0xaa, "meteorlake"},     {0xac, "meteorlake"},
  };
  if (family == 6)
    for (const Named &entry : kFamily6)
      if (entry.model == model)
        return entry.name;
  return "intel-" + hex(family) + "-" + hex(model);
}

// Arm: family is the implementer, model the part number.
std::string armGeneration(int implementer, int part) {
  if (implementer == 0x41) {
    switch (part) {
    case 0xd0c:
      return "neoverse-n1";
    case 0xd40:
      return "neoverse-v1";
    case 0xd49:
      return "neoverse-n2";
    case 0xd4f:
      return "neoverse-v2";
    }
  }
  return "arm-" + hex(implementer) + "-" + hex(part);
}

std::string trim(const std::string &text) {
  const std::size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos)
    return "";
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

bool hasWord(const std::string &words, const char *word) {
  std::istringstream in(words);
  std::string each;
  while (in >> each)
    if (each == word)
      return true;
  return false;
}

#ifdef CUCL_HAVE_CPUID
CpuIdentity identityFromCpuid() {
  CpuIdentity identity;
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (__get_cpuid(0, &eax, &ebx, &ecx, &edx) == 0)
    return identity;
  char vendor[13] = {};
  std::memcpy(vendor, &ebx, 4);
  std::memcpy(vendor + 4, &edx, 4);
  std::memcpy(vendor + 8, &ecx, 4);
  identity.vendor = vendor;
  const unsigned maxLeaf = eax;
  __get_cpuid(1, &eax, &ebx, &ecx, &edx);
  decodeFamilyModel(eax, &identity.family, &identity.model);
  const std::uint32_t leaf1Ecx = ecx;
  std::uint32_t leaf7Ebx = 0;
  if (maxLeaf >= 7 && __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) != 0)
    leaf7Ebx = ebx;
  std::uint64_t xcr0 = 0;
  if ((leaf1Ecx & (1u << 27)) != 0) { // OSXSAVE: xgetbv may be executed
    std::uint32_t low = 0, high = 0;
    __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    xcr0 = (static_cast<std::uint64_t>(high) << 32) | low;
  }
  identity.vector = vectorExtension(leaf1Ecx, leaf7Ebx, xcr0);
  identity.generation = cpuGeneration(identity.vendor, identity.family, identity.model);
  return identity;
}
#endif

CpuIdentity readHostIdentity() {
#ifdef CUCL_HAVE_CPUID
  return identityFromCpuid();
#else
  std::ifstream in("/proc/cpuinfo");
  std::stringstream text;
  text << in.rdbuf();
  return identityFromCpuinfo(text.str());
#endif
}

} // namespace

std::string CpuIdentity::toString() const {
  return generation + " (" + vendor + " family " + (family < 0 ? "?" : hex(family)) + " model " +
         (model < 0 ? "?" : hex(model)) + ", " + vector + ")";
}

void decodeFamilyModel(std::uint32_t leaf1Eax, int *family, int *model) {
  const int baseFamily = static_cast<int>((leaf1Eax >> 8) & 0xf);
  const int baseModel = static_cast<int>((leaf1Eax >> 4) & 0xf);
  *family = baseFamily == 0xf ? baseFamily + static_cast<int>((leaf1Eax >> 20) & 0xff) : baseFamily;
  *model = baseFamily == 0x6 || baseFamily == 0xf
               ? (static_cast<int>((leaf1Eax >> 16) & 0xf) << 4) + baseModel
               : baseModel;
}

std::string vectorExtension(std::uint32_t leaf1Ecx, std::uint32_t leaf7Ebx, std::uint64_t xcr0) {
  const bool ymmSaved = (xcr0 & 0x6) == 0x6;   // SSE and AVX state
  const bool zmmSaved = (xcr0 & 0xe6) == 0xe6; // plus opmask and both ZMM halves
  const bool avx = (leaf1Ecx & (1u << 28)) != 0;
  if (zmmSaved && avx && (leaf7Ebx & (1u << 16)) != 0) // AVX512F
    return "avx512";
  if (ymmSaved && avx && (leaf7Ebx & (1u << 5)) != 0) // AVX2
    return "avx2";
  if (ymmSaved && avx)
    return "avx";
  return "sse";
}

std::string cpuGeneration(const std::string &vendor, int family, int model) {
  if (family < 0 || model < 0)
    return "unknown";
  if (vendor == "AuthenticAMD")
    return amdGeneration(family, model);
  if (vendor == "GenuineIntel")
    return intelGeneration(family, model);
  if (vendor == "arm")
    return armGeneration(family, model);
  std::string name = vendor.empty() ? "cpu" : vendor;
  for (char &c : name)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name + "-" + hex(family) + "-" + hex(model);
}

CpuIdentity identityFromCpuinfo(const std::string &text) {
  CpuIdentity identity;
  std::istringstream in(text);
  std::string line, flags, features;
  int implementer = -1, part = -1;
  while (std::getline(in, line)) {
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos)
      continue;
    const std::string field = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
    // The first processor's fields describe the CPU (the rest repeat them).
    if (field == "vendor_id" && identity.vendor == "unknown")
      identity.vendor = value;
    else if (field == "cpu family" && identity.family < 0)
      identity.family = std::atoi(value.c_str());
    else if (field == "model" && identity.model < 0)
      identity.model = std::atoi(value.c_str());
    else if (field == "flags" && flags.empty())
      flags = value;
    else if (field == "CPU implementer" && implementer < 0)
      implementer = static_cast<int>(std::strtol(value.c_str(), nullptr, 0));
    else if (field == "CPU part" && part < 0)
      part = static_cast<int>(std::strtol(value.c_str(), nullptr, 0));
    else if (field == "Features" && features.empty())
      features = value;
  }
  if (implementer >= 0 && part >= 0) {
    identity.vendor = "arm";
    identity.family = implementer;
    identity.model = part;
    identity.vector = hasWord(features, "sve")     ? "sve"
                      : hasWord(features, "asimd") ? "neon"
                                                   : "unknown";
  } else if (!flags.empty()) {
    identity.vector = hasWord(flags, "avx512f") ? "avx512"
                      : hasWord(flags, "avx2")  ? "avx2"
                      : hasWord(flags, "avx")   ? "avx"
                                                : "sse";
  }
  identity.generation = cpuGeneration(identity.vendor, identity.family, identity.model);
  return identity;
}

const CpuIdentity &hostCpuIdentity() {
  static const CpuIdentity identity = readHostIdentity();
  return identity;
}

} // namespace cucl::blas
