// Which CPU this is, read from the CPU itself: what decides the best GEMM
// parameters of a CPU OpenCL device (the driver reports the same device name
// for CPUs as different as Zen 4 and Zen 5). On x86 from cpuid (vendor,
// family and model with the extended fields as Intel and AMD define them,
// widest vector extension the OS enabled); elsewhere from /proc/cpuinfo.
#ifndef CUCL_CUBLAS_GEMM_CPU_IDENTITY_H
#define CUCL_CUBLAS_GEMM_CPU_IDENTITY_H

#include <cstdint>
#include <string>

namespace cucl::blas {

struct CpuIdentity {
  std::string vendor = "unknown"; // "AuthenticAMD", "GenuineIntel", ...
  int family = -1;                // -1: unknown
  int model = -1;
  std::string vector = "unknown";     // "avx512", "avx2", "avx", "sse", "neon", ...
  std::string generation = "unknown"; // "zen4", "skylake-x", "intel-6-0xaa", ...

  // One line that names all of the above, e.g.
  // "zen4 (AuthenticAMD family 0x19 model 0x11, avx512)".
  std::string toString() const;
};

// Family and model from cpuid leaf 1's eax: the extended family is added
// when the base family is 0xf, the extended model is prepended when the base
// family is 0x6 or 0xf (Intel's and AMD's rule).
void decodeFamilyModel(std::uint32_t leaf1Eax, int *family, int *model);

// The widest vector extension the CPU has and the OS saves the registers of:
// leaf 1 ecx, leaf 7 (subleaf 0) ebx, and xcr0 (0 when OSXSAVE is off).
std::string vectorExtension(std::uint32_t leaf1Ecx, std::uint32_t leaf7Ebx, std::uint64_t xcr0);

// The microarchitecture name for a vendor, family and model where it is
// known, else "<amd|intel|vendor>-<family>-<model>" (hex), or "unknown".
std::string cpuGeneration(const std::string &vendor, int family, int model);

// An identity from /proc/cpuinfo's text (non-x86 hosts, and x86 when cpuid
// is not available): x86 fields "vendor_id", "cpu family", "model"; Arm's
// "CPU implementer", "CPU part"; vector from "flags"/"Features".
CpuIdentity identityFromCpuinfo(const std::string &text);

// This machine's CPU (read once).
const CpuIdentity &hostCpuIdentity();

} // namespace cucl::blas

#endif // CUCL_CUBLAS_GEMM_CPU_IDENTITY_H
