#include "emit_device/builtin_helpers.h"

#include "cucl/module_abi.h"

namespace cucl::translate {
namespace {

// $S<i> / $Q<i>: name part and qualifier of argument i's space; $S / $Q: argument 0's.
std::string substitute(std::string text, const std::vector<AddressSpace> &spaces) {
  for (size_t at = text.find('$'); at != std::string::npos; at = text.find('$', at)) {
    if (at + 1 >= text.size() || (text[at + 1] != 'S' && text[at + 1] != 'Q')) {
      ++at;
      continue;
    }
    bool indexed = at + 2 < text.size() && text[at + 2] >= '0' && text[at + 2] <= '9';
    size_t index = indexed ? static_cast<size_t>(text[at + 2] - '0') : 0;
    AddressSpace space = index < spaces.size() ? spaces[index] : AddressSpace::Global;
    std::string value =
        text[at + 1] == 'S' ? helperSpaceName(space) : std::string(addressSpaceQualifier(space));
    text.replace(at, indexed ? 3 : 2, value);
  }
  return text;
}

std::string word(unsigned value) {
  return std::to_string(value) + "u";
}

// OpenCL 1.2 names its 64-bit atomics (atom_*) in two extensions.
std::string int64AtomicsPragmas() {
  return "#pragma OPENCL EXTENSION cl_khr_int64_base_atomics : enable\n"
         "#pragma OPENCL EXTENSION cl_khr_int64_extended_atomics : enable\n";
}

// CUDA's IEEE intrinsics round as named even when the build's division and
// sqrt are approximate (-DCUCL_APPROX_DIV_SQRT, -use_fast_math). A quotient or
// square root of floats computed in double (rounded once to 53 bits) is never
// a float unless exact, nor on the other side of one, so it tells the
// nearest float and on which side the exact value lies. Without double, the
// fma residual tells the side (exact while it is a normal float).
std::string ieeeRoundingHelpers() {
  return "#if defined(cl_khr_fp64)\n"
         "#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n"
         "#endif\n"
         "/* mode 1: toward zero, 2: up, 3: down; the exact value lies above or\n"
         "   below the nearest float q. */\n"
         "float cucl_round_directed(float q, int above, int below, int mode) {\n"
         "  if (mode == 2 && above) return nextafter(q, INFINITY);\n"
         "  if (mode == 3 && below) return nextafter(q, -INFINITY);\n"
         "  if (mode == 1 && ((above && q < 0.0f) || (below && q > 0.0f)))\n"
         "    return nextafter(q, 0.0f);\n"
         "  return q;\n"
         "}\n"
         "#if defined(cl_khr_fp64)\n"
         "float cucl_round_double(double v, int mode) {\n"
         "  float q = (float)v;\n"
         "  return cucl_round_directed(q, v > (double)q, v < (double)q, mode);\n"
         "}\n"
         "float cucl_fdiv_directed(float x, float y, int mode) {\n"
         "  return cucl_round_double((double)x / (double)y, mode);\n"
         "}\n"
         "float cucl_fsqrt_directed(float x, int mode) {\n"
         "  return cucl_round_double(sqrt((double)x), mode);\n"
         "}\n"
         "#else\n"
         "/* The fma residual is exact while it stays a normal float. */\n"
         "float cucl_fdiv_directed(float x, float y, int mode) {\n"
         "  float q = x / y;\n"
         "  float r = fma(-q, y, x); /* x - q * y: the sign of (x / y - q) * y */\n"
         "  return cucl_round_directed(q, (r > 0.0f && y > 0.0f) || (r < 0.0f && y < 0.0f),\n"
         "                             (r < 0.0f && y > 0.0f) || (r > 0.0f && y < 0.0f), mode);\n"
         "}\n"
         "float cucl_fsqrt_directed(float x, int mode) {\n"
         "  float q = sqrt(x);\n"
         "  float r = fma(-q, q, x); /* x - q * q: the sign of sqrt(x) - q */\n"
         "  return cucl_round_directed(q, r > 0.0f, r < 0.0f, mode);\n"
         "}\n"
         "#endif\n"
         "#if defined(CUCL_APPROX_DIV_SQRT) && defined(cl_khr_fp64)\n"
         "float cucl_fdiv_rn(float x, float y) { return (float)((double)x / (double)y); }\n"
         "float cucl_fsqrt_rn(float x) { return (float)sqrt((double)x); }\n"
         "#else\n"
         "float cucl_fdiv_rn(float x, float y) { return x / y; }\n"
         "float cucl_fsqrt_rn(float x) { return sqrt(x); }\n"
         "#endif\n"
         "#if defined(cl_khr_fp64)\n"
         "/* Rounded twice, so checked against the midpoints to its neighbours:\n"
         "   x * m * m - 1 has the sign of 1 / sqrt(x) - m, and fma rounds it once. */\n"
         "float cucl_frsqrt_rn(float x) {\n"
         "  float q = (float)(1.0 / sqrt((double)x));\n"
         "  if (!(x > 0.0f) || isinf(x) || isinf(q)) return q;\n"
         "  double up = 0.5 * ((double)q + (double)nextafter(q, INFINITY));\n"
         "  if (fma((double)x, up * up, -1.0) < 0.0) return nextafter(q, INFINITY);\n"
         "  double down = 0.5 * ((double)q + (double)nextafter(q, 0.0f));\n"
         "  if (fma((double)x, down * down, -1.0) > 0.0) return nextafter(q, 0.0f);\n"
         "  return q;\n"
         "}\n"
         "#else\n"
         "float cucl_frsqrt_rn(float x) { return rsqrt(x); }\n"
         "#endif\n";
}

} // namespace

unsigned helperSpaceCount(const std::string &helper) {
  if (helper == "memcpy")
    return 2;
  if (helper == "fast_sincosf") // the two result pointers: arguments 1 and 2
    return 3;
  if (helper.rfind("atomic_", 0) == 0 || helper == "memset")
    return 1;
  return 0;
}

std::string helperSpaceName(AddressSpace space) {
  switch (space) {
  case AddressSpace::Local:
    return "local";
  case AddressSpace::Private:
    return "private";
  case AddressSpace::Constant:
    return "constant";
  case AddressSpace::Global:
  case AddressSpace::Unknown:
    break;
  }
  return "global";
}

std::string helperDefinition(const std::string &helper, const std::vector<AddressSpace> &spaces) {
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
  } else if (helper == "int64_atomics") {
    text = int64AtomicsPragmas();
  } else if (helper == "atomic_add_double") {
    text = int64AtomicsPragmas() +
           "double cucl_atomic_add_double_$S(volatile $Q double *p, double value) {\n"
           "  volatile $Q ulong *bits = (volatile $Q ulong *)p;\n"
           "  ulong old = *bits, assumed;\n"
           "  do {\n"
           "    assumed = old;\n"
           "    old = atom_cmpxchg(bits, assumed, as_ulong(as_double(assumed) + value));\n"
           "  } while (old != assumed);\n"
           "  return as_double(old);\n"
           "}\n";
  } else if (helper == "kernel_fail") {
    // A Thread-mode kernel records its first failure in the launch's status
    // record (include/cucl/module_abi.h); the runtime raises `error` at the
    // next synchronization. CUDA's assert message names block and thread.
    text =
        "int cucl_fail(__global uint *status, uint launch, uint error, uint check) {\n"
        "  if (atomic_cmpxchg(&status[" +
        word(CUCL_STATUS_ERROR) +
        "], 0u, error) != 0u)\n"
        "    return 0;\n"
        "  status[" +
        word(CUCL_STATUS_LAUNCH) +
        "] = launch;\n"
        "  status[" +
        word(CUCL_STATUS_CHECK) +
        "] = check;\n"
        "  status[" +
        word(CUCL_STATUS_BLOCK_X) +
        "] = (uint)get_group_id(0);\n"
        "  status[" +
        word(CUCL_STATUS_BLOCK_Y) +
        "] = (uint)get_group_id(1);\n"
        "  status[" +
        word(CUCL_STATUS_BLOCK_Z) +
        "] = (uint)get_group_id(2);\n"
        "  status[" +
        word(CUCL_STATUS_THREAD) +
        "] = (uint)(get_local_id(0) + get_local_size(0) *\n"
        "      (get_local_id(1) + get_local_size(1) * get_local_id(2)));\n"
        "  return 1;\n"
        "}\n"
        "void cucl_assert_fail(__constant char *assertion, __constant char *file, uint line,\n"
        "                      __constant char *function, __global uint *status, uint launch) {\n"
        "  printf(\"%s:%u: %s: block: [%u,%u,%u], thread: [%u,%u,%u] Assertion `%s` failed.\\n\",\n"
        "         file, line, function, (uint)get_group_id(0), (uint)get_group_id(1),\n"
        "         (uint)get_group_id(2), (uint)get_local_id(0), (uint)get_local_id(1),\n"
        "         (uint)get_local_id(2), assertion);\n"
        "  cucl_fail(status, launch, " +
        word(cudaErrorAssert) + ", " + word(CUCL_CHECK_ASSERT) +
        ");\n"
        "}\n"
        "void cucl_trap(__global uint *status, uint launch) {\n"
        "  cucl_fail(status, launch, " +
        word(cudaErrorLaunchFailure) + ", " + word(CUCL_CHECK_TRAP) +
        ");\n"
        "}\n";
  } else if (helper == "kernel_fail_lane") {
    // The same in lane mode, through the warp runtime's record.
    text =
        "void cucl_assert_fail_lane(__constant char *assertion, __constant char *file, uint line,\n"
        "                           __constant char *function, __private cucl_warp *w, uint lane) "
        "{\n"
        "  printf(\"%s:%u: %s: block: [%u,%u,%u], thread: [%u,%u,%u] Assertion `%s` failed.\\n\",\n"
        "         file, line, function, w->bx, w->by, w->bz, w->tx[lane], w->ty[lane], "
        "w->tz[lane],\n"
        "         assertion);\n"
        "  cucl_warp_fail(w, " +
        word(cudaErrorAssert) + ", " + word(CUCL_CHECK_ASSERT) +
        ", lane, 0u);\n"
        "}\n"
        "void cucl_trap_lane(__private cucl_warp *w, uint lane) {\n"
        "  cucl_warp_fail(w, " +
        word(cudaErrorLaunchFailure) + ", " + word(CUCL_CHECK_TRAP) +
        ", lane, 0u);\n"
        "}\n";
  } else if (helper == "clock") {
    // OpenCL 1.2 has no device timer: a 64-bit counter in the stream's status
    // record that every call advances, so values increase in every thread.
    text = int64AtomicsPragmas() +
           "ulong cucl_clock(__global uint *status) {\n"
           "  return atom_inc((volatile __global ulong *)(status + " +
           word(CUCL_STATUS_CLOCK) +
           "));\n"
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
           "    old = atomic_cmpxchg(p, assumed, (assumed == 0u || assumed > limit) ? limit : "
           "assumed - 1u);\n"
           "  } while (old != assumed);\n"
           "  return old;\n"
           "}\n";
  } else if (helper == "syncthreads_count") {
    // A block-wide barrier that also counts the threads whose predicate holds:
    // reset by one thread, atomic increments, read after the last barrier.
    // The first barrier keeps a reset from racing with the previous call's reads.
    text = "int cucl_syncthreads_count(int predicate, volatile __local int *counter) {\n"
           "  barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);\n"
           "  if (get_local_id(0) == 0 && get_local_id(1) == 0 && get_local_id(2) == 0)\n"
           "    *counter = 0;\n"
           "  barrier(CLK_LOCAL_MEM_FENCE);\n"
           "  if (predicate)\n"
           "    atomic_inc(counter);\n"
           "  barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);\n"
           "  return *counter;\n"
           "}\n";
  } else if (helper == "memcpy") {
    // Byte copies between any two address spaces (OpenCL C has no memcpy).
    text = "void cucl_memcpy_$S0_$S1($Q0 void *dst, $Q1 const void *src, ulong n) {\n"
           "  $Q0 uchar *d = ($Q0 uchar *)dst;\n"
           "  $Q1 const uchar *s = ($Q1 const uchar *)src;\n"
           "  for (ulong i = 0; i < n; ++i)\n"
           "    d[i] = s[i];\n"
           "}\n";
  } else if (helper == "memset") {
    text = "void cucl_memset_$S0($Q0 void *dst, int value, ulong n) {\n"
           "  $Q0 uchar *d = ($Q0 uchar *)dst;\n"
           "  for (ulong i = 0; i < n; ++i)\n"
           "    d[i] = (uchar)value;\n"
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
  } else if (helper == "brevll") {
    text = "ulong cucl_brevll(ulong x) {\n"
           "  x = ((x >> 1) & 0x5555555555555555ul) | ((x & 0x5555555555555555ul) << 1);\n"
           "  x = ((x >> 2) & 0x3333333333333333ul) | ((x & 0x3333333333333333ul) << 2);\n"
           "  x = ((x >> 4) & 0x0f0f0f0f0f0f0f0ful) | ((x & 0x0f0f0f0f0f0f0f0ful) << 4);\n"
           "  x = ((x >> 8) & 0x00ff00ff00ff00fful) | ((x & 0x00ff00ff00ff00fful) << 8);\n"
           "  x = ((x >> 16) & 0x0000ffff0000fffful) | ((x & 0x0000ffff0000fffful) << 16);\n"
           "  return (x >> 32) | (x << 32);\n"
           "}\n";
  } else if (helper == "fadd_rn" || helper == "fmul_rn") {
    // CUDA never merges __fadd_rn/__fmul_rn into an fma. FP_CONTRACT OFF is
    // not enough: PoCL contracts across it (and across inlining). Operands and
    // results that pass through volatile variables cannot be fused with
    // anything; nvcc -fmad=false routes contractible products here too.
    if (helper == "fadd_rn")
      text = "float cucl_fadd_rn(float a, float b) {\n"
             "  volatile float va = a, vb = b;\n"
             "  return va + vb;\n"
             "}\n";
    else
      text = "float cucl_fmul_rn(float a, float b) {\n"
             "  volatile float product = a * b;\n"
             "  return product;\n"
             "}\n";
  } else if (helper == "dmul_rn") { // the double product of nvcc -fmad=false
    text = "double cucl_dmul_rn(double a, double b) {\n"
           "  volatile double product = a * b;\n"
           "  return product;\n"
           "}\n";
  } else if (helper == "fast_sincosf") {
    text = "void cucl_fast_sincosf_$S1_$S2(float x, $Q1 float *s, $Q2 float *c) {\n"
           "  *s = native_sin(x);\n"
           "  *c = native_cos(x);\n"
           "}\n";
  } else if (helper == "ieee_rounding") {
    text = ieeeRoundingHelpers();
  } else if (helper == "saturatef") {
    // CUDA returns +0 for x <= 0 (also -0) and for NaN; fmax(-0, 0) may be -0.
    text = "float cucl_saturatef(float x) { return x > 0.0f ? fmin(x, 1.0f) : 0.0f; }\n";
  } else if (helper == "mul24") {
    // Sign-extend the low 24 bits of each operand; the product wraps as uint.
    text = "int cucl_mul24(int x, int y) {\n"
           "  int a = (int)((uint)x << 8) >> 8, b = (int)((uint)y << 8) >> 8;\n"
           "  return (int)((uint)a * (uint)b);\n"
           "}\n";
  }
  return substitute(text, spaces);
}

} // namespace cucl::translate
