#include "emit_device/builtin_helpers.h"

namespace cucl::translate {
namespace {

std::string substitute(std::string text, const std::string &space, const std::string &qualifier) {
  for (size_t at = text.find("$S"); at != std::string::npos; at = text.find("$S"))
    text.replace(at, 2, space);
  for (size_t at = text.find("$Q"); at != std::string::npos; at = text.find("$Q"))
    text.replace(at, 2, qualifier);
  return text;
}

} // namespace

bool helperTakesAddressSpace(const std::string &helper) {
  return helper.rfind("atomic_", 0) == 0;
}

std::string helperSpaceName(AddressSpace space) {
  return space == AddressSpace::Local ? "local" : "global";
}

std::string helperDefinition(const std::string &helper, AddressSpace space) {
  std::string text;
  if (helper == "atomic_add_float") {
    // Compare-and-swap on the bit pattern until no other thread interfered.
    text = "float cucl_atomic_add_float_$S(volatile $Q float *p, float value) {\n"
           "  volatile $Q uint *bits = (volatile $Q uint *)p;\n"
           "  uint old = *bits, assumed;\n"
           "  do {\n"
           "    assumed = old;\n"
           "    old = atomic_cmpxchg(bits, assumed, as_uint(as_float(assumed) + value));\n"
           "  } while (old != assumed);\n"
           "  return as_float(old);\n"
           "}\n";
  } else if (helper == "atomic_inc_wrap") {
    // CUDA's atomicInc wraps to 0 at `limit`; OpenCL's atomic_inc does not.
    text = "uint cucl_atomic_inc_wrap_$S(volatile $Q uint *p, uint limit) {\n"
           "  uint old = *p, assumed;\n"
           "  do {\n"
           "    assumed = old;\n"
           "    old = atomic_cmpxchg(p, assumed, (assumed >= limit) ? 0u : assumed + 1u);\n"
           "  } while (old != assumed);\n"
           "  return old;\n"
           "}\n";
  } else if (helper == "atomic_dec_wrap") {
    text = "uint cucl_atomic_dec_wrap_$S(volatile $Q uint *p, uint limit) {\n"
           "  uint old = *p, assumed;\n"
           "  do {\n"
           "    assumed = old;\n"
           "    old = atomic_cmpxchg(p, assumed, (assumed == 0u || assumed > limit) ? limit : assumed - 1u);\n"
           "  } while (old != assumed);\n"
           "  return old;\n"
           "}\n";
  } else if (helper == "ffs") {
    // Position of the lowest set bit, 1-based; 0 for 0 (clz(0) is 32).
    text = "int cucl_ffs(int x) { return 32 - (int)clz(x & -x); }\n";
  } else if (helper == "ffsll") {
    text = "int cucl_ffsll(long x) { return 64 - (int)clz(x & -x); }\n";
  } else if (helper == "brev") {
    text = "uint cucl_brev(uint x) {\n"
           "  x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);\n"
           "  x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);\n"
           "  x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);\n"
           "  x = ((x >> 8) & 0x00ff00ffu) | ((x & 0x00ff00ffu) << 8);\n"
           "  return (x >> 16) | (x << 16);\n"
           "}\n";
  }
  return substitute(text, helperSpaceName(space), space == AddressSpace::Local ? "__local" : "__global");
}

} // namespace cucl::translate
