// The CPU identity GEMM tuning is keyed by: family/model decoding from cpuid,
// the generation names, the vector extension, /proc/cpuinfo parsing. Fed
// known numbers; nothing here depends on the machine it runs on except the
// last test, which only checks the host's identity is complete.
#include <gtest/gtest.h>

#include "gemm/cpu_identity.h"

namespace cucl::blas {
namespace {

TEST(CpuIdentity, FamilyAndModelUseTheExtendedFields) {
  int family = 0, model = 0;
  decodeFamilyModel(0x00a10f11, &family, &model); // EPYC 9004 (Genoa), stepping 1
  EXPECT_EQ(family, 0x19);
  EXPECT_EQ(model, 0x11);
  decodeFamilyModel(0x00b00f21, &family, &model); // Zen 5 (Turin)
  EXPECT_EQ(family, 0x1a);
  EXPECT_EQ(model, 0x02);                         // extended model 0, base model 2
  decodeFamilyModel(0x00050654, &family, &model); // Xeon Skylake-SP
  EXPECT_EQ(family, 6);
  EXPECT_EQ(model, 0x55);
  decodeFamilyModel(0x00000543, &family, &model); // family 5: no extended model
  EXPECT_EQ(family, 5);
  EXPECT_EQ(model, 4);
}

TEST(CpuIdentity, AmdGenerations) {
  EXPECT_EQ(cpuGeneration("AuthenticAMD", 0x19, 0x11), "zen4"); // Genoa
  EXPECT_EQ(cpuGeneration("AuthenticAMD", 0x19, 0x61), "zen4"); // Raphael
  EXPECT_EQ(cpuGeneration("AuthenticAMD", 0x19, 0x74), "zen4"); // Phoenix
  EXPECT_EQ(cpuGeneration("AuthenticAMD", 0x19, 0xa0), "zen4"); // Bergamo
  EXPECT_EQ(cpuGeneration("AuthenticAMD", 0x19, 0x01), "zen3"); // Milan
  EXPECT_EQ(cpuGeneration("AuthenticAMD", 0x19, 0x21), "zen3"); // Vermeer
  EXPECT_EQ(cpuGeneration("AuthenticAMD", 0x1a, 0x02), "zen5"); // Turin
  EXPECT_EQ(cpuGeneration("AuthenticAMD", 0x1a, 0x44), "zen5"); // Granite Ridge
  EXPECT_EQ(cpuGeneration("AuthenticAMD", 0x17, 0x31), "zen2"); // Rome
  EXPECT_EQ(cpuGeneration("AuthenticAMD", 0x17, 0x01), "zen");
  // Unnamed ranges are not guessed.
  EXPECT_EQ(cpuGeneration("AuthenticAMD", 0x19, 0x90), "amd-0x19-0x90");
  EXPECT_EQ(cpuGeneration("AuthenticAMD", 0x1a, 0x50), "amd-0x1a-0x50");
  EXPECT_EQ(cpuGeneration("AuthenticAMD", 0x15, 0x02), "amd-0x15-0x2");
}

TEST(CpuIdentity, IntelGenerations) {
  EXPECT_EQ(cpuGeneration("GenuineIntel", 6, 0x55), "skylake-x");
  EXPECT_EQ(cpuGeneration("GenuineIntel", 6, 0x6a), "icelake-server");
  EXPECT_EQ(cpuGeneration("GenuineIntel", 6, 0x8f), "sapphirerapids");
  EXPECT_EQ(cpuGeneration("GenuineIntel", 6, 0x3f), "haswell");
  EXPECT_EQ(cpuGeneration("GenuineIntel", 6, 0x97), "alderlake");
  EXPECT_EQ(cpuGeneration("GenuineIntel", 6, 0x12), "intel-0x6-0x12");
  EXPECT_EQ(cpuGeneration("GenuineIntel", 0x13, 0x01), "intel-0x13-0x1");
}

TEST(CpuIdentity, UnknownVendorsAndFields) {
  EXPECT_EQ(cpuGeneration("HygonGenuine", 0x18, 0x01), "hygongenuine-0x18-0x1");
  EXPECT_EQ(cpuGeneration("AuthenticAMD", -1, -1), "unknown");
  EXPECT_EQ(CpuIdentity{}.generation, "unknown");
}

TEST(CpuIdentity, VectorExtensionNeedsTheCpuAndTheOs) {
  const std::uint32_t avx = 1u << 28, avx2 = 1u << 5, avx512f = 1u << 16;
  EXPECT_EQ(vectorExtension(avx, avx2 | avx512f, 0xe7), "avx512");
  // The OS does not save the ZMM registers: AVX-512 cannot be used.
  EXPECT_EQ(vectorExtension(avx, avx2 | avx512f, 0x07), "avx2");
  EXPECT_EQ(vectorExtension(avx, 0, 0x07), "avx");
  EXPECT_EQ(vectorExtension(avx, avx2 | avx512f, 0), "sse");
  EXPECT_EQ(vectorExtension(0, 0, 0x07), "sse");
}

TEST(CpuIdentity, X86CpuinfoAsThisProjectsMachinesShowIt) {
  const CpuIdentity identity = identityFromCpuinfo("processor\t: 0\n"
                                                   "vendor_id\t: AuthenticAMD\n"
                                                   "cpu family\t: 25\n"
                                                   "model\t\t: 17\n"
                                                   "model name\t: AMD EPYC\n"
                                                   "flags\t\t: fpu sse2 avx avx2 avx512f\n"
                                                   "\n"
                                                   "processor\t: 1\n"
                                                   "vendor_id\t: AuthenticAMD\n"
                                                   "cpu family\t: 25\n"
                                                   "model\t\t: 17\n");
  EXPECT_EQ(identity.vendor, "AuthenticAMD");
  EXPECT_EQ(identity.family, 0x19);
  EXPECT_EQ(identity.model, 0x11);
  EXPECT_EQ(identity.vector, "avx512");
  EXPECT_EQ(identity.generation, "zen4");
  EXPECT_EQ(identity.toString(), "zen4 (AuthenticAMD family 0x19 model 0x11, avx512)");
}

TEST(CpuIdentity, ArmCpuinfo) {
  const CpuIdentity identity = identityFromCpuinfo("processor\t: 0\n"
                                                   "BogoMIPS\t: 50.00\n"
                                                   "Features\t: fp asimd evtstrm aes sve\n"
                                                   "CPU implementer\t: 0x41\n"
                                                   "CPU architecture: 8\n"
                                                   "CPU part\t: 0xd40\n");
  EXPECT_EQ(identity.generation, "neoverse-v1");
  EXPECT_EQ(identity.vector, "sve");
  EXPECT_EQ(
      identityFromCpuinfo("CPU implementer : 0x61\nCPU part : 0x22\nFeatures : asimd\n").generation,
      "arm-0x61-0x22");
  EXPECT_EQ(identityFromCpuinfo("").generation, "unknown");
}

TEST(CpuIdentity, HostIdentityIsComplete) {
  const CpuIdentity &host = hostCpuIdentity();
  EXPECT_FALSE(host.generation.empty());
  EXPECT_NE(host.toString().find(host.generation), std::string::npos);
#if defined(__x86_64__)
  EXPECT_GE(host.family, 0);
  EXPECT_NE(host.vector, "unknown"); // x86-64 has at least SSE
#endif
}

} // namespace
} // namespace cucl::blas
