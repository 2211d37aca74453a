#include "emit_device/builtin_table.h"

namespace cucl::translate {
namespace {

using C = BuiltinCategory;

// A float/double pair: `namef` (float) and `name` (double, and the C++ float
// overloads of <cmath>) both map to the overloaded OpenCL function.
void family(std::vector<BuiltinMapping> &rows, const std::string &name, const std::string &opencl,
            unsigned arity) {
  std::string args;
  for (unsigned i = 0; i < arity; ++i)
    args += (i ? ", $" : "$") + std::to_string(i);
  rows.push_back({name + "f", "", opencl + "(" + args + ")", "", C::Math, ""});
  rows.push_back({name, "", opencl + "(" + args + ")", "", C::Math, ""});
}

std::vector<BuiltinMapping> buildTable() {
  std::vector<BuiltinMapping> rows = {
      // Synchronization. CUDA's __syncthreads orders shared and global memory.
      {"__syncthreads", "", "barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE)", "",
       C::Synchronization, "every thread of the block must reach it, as in CUDA"},
      {"__threadfence", "", "mem_fence(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE)", "",
       C::Synchronization, ""},
      {"__threadfence_block", "", "mem_fence(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE)", "",
       C::Synchronization, ""},
      {"__threadfence_system", "", "mem_fence(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE)", "",
       C::Synchronization, "orders device memory only"},
      {"__syncthreads_count", "", "cucl_syncthreads_count($0, $V)", "syncthreads_count",
       C::Synchronization, "barrier + count on a kernel-scope __local counter"},
      {"__syncthreads_and", "", "(cucl_syncthreads_count(!($0), $V) == 0)", "syncthreads_count",
       C::Synchronization, ""},
      {"__syncthreads_or", "", "(cucl_syncthreads_count($0, $V) != 0)", "syncthreads_count",
       C::Synchronization, ""},
      // Output.
      {"printf", "", "printf($*)", "", C::Output,
       "OpenCL printf; float arguments promoted to double where the device has it"},
      {"__assert_fail", "", "cucl_assert_fail$L($0, $1, $2, $3, $F)", "kernel_fail$L", C::Output,
       "assert(): prints CUDA's message; the next synchronizing call returns the sticky "
       "cudaErrorAssert (the failing thread goes on: OpenCL 1.2 has no trap)"},
      {"__trap", "", "cucl_trap$L($F)", "kernel_fail$L", C::Output,
       "the next synchronizing call returns the sticky cudaErrorLaunchFailure (the thread goes "
       "on)"},
      {"__brkpt", "", "((void)0)", "", C::Output, "no debugger: nothing"},
      // Time: OpenCL 1.2 has no device timer.
      {"clock", "", "((long)cucl_clock($R))", "clock", C::Time,
       "a per-stream counter that every call advances by one: increases in every thread, "
       "orders events, does not measure time"},
      {"clock64", "", "((long)cucl_clock($R))", "clock", C::Time, "as clock()"},
      {"__globaltimer", "", "cucl_clock($R)", "clock", C::Time, "as clock()"},
      {"__nanosleep", "", "((void)0)", "", C::Time, "returns at once (the sleep is a hint)"},
      // Memory.
      {"memcpy", "", "cucl_memcpy_$S0_$S1($0, $1, $2)", "memcpy", C::Memory,
       "byte loop per (destination, source) address space; no return value"},
      {"memset", "", "cucl_memset_$S0($0, $1, $2)", "memset", C::Memory,
       "byte loop; no return value"},
  };

  const char *unary[] = {"sqrt",   "rsqrt", "cbrt",  "exp",   "exp2",  "exp10", "expm1", "log",
                         "log2",   "log10", "log1p", "sin",   "cos",   "tan",   "asin",  "acos",
                         "atan",   "sinh",  "cosh",  "tanh",  "asinh", "acosh", "atanh", "fabs",
                         "floor",  "ceil",  "round", "trunc", "rint",  "erf",   "erfc",  "lgamma",
                         "tgamma", "logb",  "sinpi", "cospi"};
  for (const char *name : unary)
    family(rows, name, name, 1);
  const char *binary[] = {"pow",   "atan2",    "fmin", "fmax",      "fmod",
                          "hypot", "copysign", "fdim", "remainder", "nextafter"};
  for (const char *name : binary)
    family(rows, name, name, 2);
  family(rows, "fma", "fma", 3);
  // C99 classification macros come through <cmath> functions or builtins.
  for (const char *name : {"isnan", "isinf", "isfinite", "signbit"}) {
    rows.push_back({name, "", std::string(name) + "($0)", "", C::Math, "returns int (0 or 1)"});
    rows.push_back(
        {std::string("__builtin_") + name, "", std::string(name) + "($0)", "", C::Math, ""});
  }

  std::vector<BuiltinMapping> more = {
      // Fast-math intrinsics (docs/device-support.md, "Fast math"): OpenCL's
      // native_* forms, the same hardware approximations CUDA's are where a
      // GPU has them; tests/translator/differential/fast_intrinsics.cu
      // measures each against CUDA's documented error bound.
      {"__expf", "", "native_exp($0)", "", C::FastMath, "native_exp"},
      {"__exp10f", "", "native_exp10($0)", "", C::FastMath, "native_exp10"},
      {"__logf", "", "native_log($0)", "", C::FastMath, "native_log"},
      {"__log2f", "", "native_log2($0)", "", C::FastMath, "native_log2"},
      {"__log10f", "", "native_log10($0)", "", C::FastMath, "native_log10"},
      {"__sinf", "", "native_sin($0)", "", C::FastMath, "native_sin"},
      {"__cosf", "", "native_cos($0)", "", C::FastMath, "native_cos"},
      {"__sincosf", "", "cucl_fast_sincosf_$S1_$S2($0, $1, $2)", "fast_sincosf", C::FastMath,
       "native_sin and native_cos"},
      {"__tanf", "", "native_tan($0)", "", C::FastMath, "native_tan"},
      {"__powf", "", "native_exp2($1 * native_log2($0))", "", C::FastMath,
       "exp2(y * log2(x)) as CUDA defines it: NaN for x < 0"},
      {"__fdividef", "", "native_divide($0, $1)", "", C::FastMath, "native_divide"},
      // The IEEE intrinsics round as named also under -use_fast_math.
      {"__fdiv_rn", "", "cucl_fdiv_rn($0, $1)", "ieee_rounding", C::FastMath,
       "correctly rounded (through double when the build's division is approximate)"},
      {"__fdiv_rz", "", "cucl_fdiv_directed($0, $1, 1)", "ieee_rounding", C::FastMath,
       "the nearest quotient moved by the sign of its fma residual"},
      {"__fdiv_ru", "", "cucl_fdiv_directed($0, $1, 2)", "ieee_rounding", C::FastMath, ""},
      {"__fdiv_rd", "", "cucl_fdiv_directed($0, $1, 3)", "ieee_rounding", C::FastMath, ""},
      {"__frcp_rn", "", "cucl_fdiv_rn(1.0f, $0)", "ieee_rounding", C::FastMath, "as __fdiv_rn"},
      {"__frcp_rz", "", "cucl_fdiv_directed(1.0f, $0, 1)", "ieee_rounding", C::FastMath, ""},
      {"__frcp_ru", "", "cucl_fdiv_directed(1.0f, $0, 2)", "ieee_rounding", C::FastMath, ""},
      {"__frcp_rd", "", "cucl_fdiv_directed(1.0f, $0, 3)", "ieee_rounding", C::FastMath, ""},
      {"__fsqrt_rn", "", "cucl_fsqrt_rn($0)", "ieee_rounding", C::FastMath, "as __fdiv_rn"},
      {"__fsqrt_rz", "", "cucl_fsqrt_directed($0, 1)", "ieee_rounding", C::FastMath, ""},
      {"__fsqrt_ru", "", "cucl_fsqrt_directed($0, 2)", "ieee_rounding", C::FastMath, ""},
      {"__fsqrt_rd", "", "cucl_fsqrt_directed($0, 3)", "ieee_rounding", C::FastMath, ""},
      {"__frsqrt_rn", "", "cucl_frsqrt_rn($0)", "ieee_rounding", C::FastMath,
       "correctly rounded where the device has double (else OpenCL rsqrt, 2 ulp)"},
      {"__saturatef", "", "cucl_saturatef($0)", "saturatef", C::FastMath,
       "helper: NaN and -0 give +0, as in CUDA"},
      {"__fadd_rn", "", "cucl_fadd_rn($0, $1)", "fadd_rn", C::FastMath,
       "helper: never contracted into an fma"},
      {"__fmul_rn", "", "cucl_fmul_rn($0, $1)", "fmul_rn", C::FastMath,
       "helper: never contracted into an fma"},
      {"__fmaf_rn", "", "fma($0, $1, $2)", "", C::FastMath, ""},
      // min/max: the CUDA overloads for int, unsigned, long long, float, double.
      {"min", "float,float", "fmin($0, $1)", "", C::Math, "float and double use fmin/fmax"},
      {"min", "double,double", "fmin($0, $1)", "", C::Math, ""},
      // Mixed signedness: CUDA compares as unsigned; OpenCL has no mixed overload.
      {"min", "int,unsigned int", "min((uint)($0), $1)", "", C::Integer, "compared as unsigned"},
      {"min", "unsigned int,int", "min($0, (uint)($1))", "", C::Integer, "compared as unsigned"},
      {"min", "", "min($0, $1)", "", C::Integer, "integer overloads"},
      {"max", "float,float", "fmax($0, $1)", "", C::Math, ""},
      {"max", "double,double", "fmax($0, $1)", "", C::Math, ""},
      {"max", "int,unsigned int", "max((uint)($0), $1)", "", C::Integer, "compared as unsigned"},
      {"max", "unsigned int,int", "max($0, (uint)($1))", "", C::Integer, "compared as unsigned"},
      {"max", "", "max($0, $1)", "", C::Integer, "integer overloads"},
      {"umin", "", "min($0, $1)", "", C::Integer, ""},
      {"umax", "", "max($0, $1)", "", C::Integer, ""},
      {"llmin", "", "min($0, $1)", "", C::Integer, ""},
      {"llmax", "", "max($0, $1)", "", C::Integer, ""},
      {"ullmin", "", "min($0, $1)", "", C::Integer, ""},
      {"ullmax", "", "max($0, $1)", "", C::Integer, ""},
      // abs: OpenCL's abs(int) returns uint, so cast back to CUDA's type.
      {"abs", "float", "fabs($0)", "", C::Math, "std::abs(float)"},
      {"abs", "double", "fabs($0)", "", C::Math, "std::abs(double)"},
      {"abs", "int", "((int)abs($0))", "", C::Integer, "result cast back to int"},
      {"abs", "long", "((long)abs($0))", "", C::Integer, ""},
      {"abs", "long long", "((long)abs($0))", "", C::Integer, ""},
      {"labs", "", "((long)abs($0))", "", C::Integer, ""},
      {"llabs", "", "((long)abs($0))", "", C::Integer, ""},
      {"sincosf", "", "(*($1) = sincos($0, $2))", "", C::Math, "pointers in any address space"},
      {"modff", "", "modf($0, $1)", "", C::Math, ""},
      {"modf", "", "modf($0, $1)", "", C::Math, ""},
      {"frexpf", "", "frexp($0, $1)", "", C::Math, ""},
      {"frexp", "", "frexp($0, $1)", "", C::Math, ""},
      {"ldexpf", "", "ldexp($0, $1)", "", C::Math, ""},
      {"ldexp", "", "ldexp($0, $1)", "", C::Math, ""},
      {"scalbnf", "", "ldexp($0, $1)", "", C::Math, "radix 2"},
      {"scalbn", "", "ldexp($0, $1)", "", C::Math, "radix 2"},
      {"ilogbf", "", "ilogb($0)", "", C::Math, ""},
      {"ilogb", "", "ilogb($0)", "", C::Math, ""},
      {"lrintf", "", "((long)rint($0))", "", C::Math, ""},
      {"lrint", "", "((long)rint($0))", "", C::Math, ""},
      {"llrintf", "", "((long)rint($0))", "", C::Math, ""},
      {"llrint", "", "((long)rint($0))", "", C::Math, ""},
      {"lroundf", "", "((long)round($0))", "", C::Math, ""},
      {"lround", "", "((long)round($0))", "", C::Math, ""},
      {"llroundf", "", "((long)round($0))", "", C::Math, ""},
      {"llround", "", "((long)round($0))", "", C::Math, ""},
      {"sincos", "", "(*($1) = sincos($0, $2))", "", C::Math, ""},
      // Read-only cache loads are plain loads.
      {"__ldg", "", "(*($0))", "", C::Math, "a plain load"},
      // Integer intrinsics.
      {"__popc", "", "((int)popcount($0))", "", C::Integer, ""},
      {"__popcll", "", "((int)popcount($0))", "", C::Integer, ""},
      {"__clz", "", "((int)clz($0))", "", C::Integer, ""},
      {"__clzll", "", "((int)clz($0))", "", C::Integer, ""},
      {"__ffs", "", "cucl_ffs($0)", "ffs", C::Integer, "helper (OpenCL 1.2 has no ctz)"},
      {"__ffsll", "", "cucl_ffsll($0)", "ffsll", C::Integer, "helper"},
      {"__brev", "", "cucl_brev($0)", "brev", C::Integer, "helper"},
      {"__brevll", "", "cucl_brevll($0)", "brevll", C::Integer, "helper"},
      // OpenCL's mul24 is implementation-defined outside 24 bits; CUDA uses
      // the low 24 bits (signed for __mul24) of any operand.
      {"__mul24", "", "cucl_mul24($0, $1)", "mul24", C::Integer,
       "helper: low 24 bits, sign-extended"},
      {"__umul24", "", "((($0) & 0xffffffu) * (($1) & 0xffffffu))", "", C::Integer, "low 24 bits"},
      {"__mulhi", "", "mul_hi($0, $1)", "", C::Integer, ""},
      {"__umulhi", "", "mul_hi($0, $1)", "", C::Integer, ""},
      {"__mul64hi", "", "mul_hi($0, $1)", "", C::Integer, ""},
      {"__umul64hi", "", "mul_hi($0, $1)", "", C::Integer, ""},
      {"__sad", "", "(abs_diff($0, $1) + $2)", "", C::Integer, "unsigned result, as in CUDA"},
      {"__usad", "", "(abs_diff($0, $1) + $2)", "", C::Integer, ""},
      {"__hadd", "", "hadd($0, $1)", "", C::Integer, ""},
      {"__rhadd", "", "rhadd($0, $1)", "", C::Integer, ""},
      {"__uhadd", "", "hadd($0, $1)", "", C::Integer, ""},
      {"__urhadd", "", "rhadd($0, $1)", "", C::Integer, ""},
      // Conversions and reinterpretations.
      {"__float2int_rn", "", "convert_int_sat_rte($0)", "", C::Conversion,
       "saturating, NaN gives 0 (as CUDA)"},
      {"__float2int_rz", "", "convert_int_sat_rtz($0)", "", C::Conversion,
       "saturating, NaN gives 0 (as CUDA)"},
      {"__float2int_rd", "", "convert_int_sat_rtn($0)", "", C::Conversion,
       "saturating, NaN gives 0 (as CUDA)"},
      {"__float2int_ru", "", "convert_int_sat_rtp($0)", "", C::Conversion,
       "saturating, NaN gives 0 (as CUDA)"},
      {"__float2uint_rn", "", "convert_uint_sat_rte($0)", "", C::Conversion,
       "saturating, NaN gives 0 (as CUDA)"},
      {"__float2uint_rz", "", "convert_uint_sat_rtz($0)", "", C::Conversion,
       "saturating, NaN gives 0 (as CUDA)"},
      {"__float2ll_rn", "", "convert_long_sat_rte($0)", "", C::Conversion,
       "saturating, NaN gives 0 (as CUDA)"},
      {"__float2ll_rz", "", "convert_long_sat_rtz($0)", "", C::Conversion,
       "saturating, NaN gives 0 (as CUDA)"},
      {"__int2float_rn", "", "convert_float_rte($0)", "", C::Conversion, ""},
      {"__uint2float_rn", "", "convert_float_rte($0)", "", C::Conversion, ""},
      {"__double2float_rn", "", "convert_float_rte($0)", "", C::Conversion, ""},
      {"__double2int_rn", "", "convert_int_sat_rte($0)", "", C::Conversion,
       "saturating, NaN gives 0 (as CUDA)"},
      {"__double2int_rz", "", "convert_int_sat_rtz($0)", "", C::Conversion,
       "saturating, NaN gives 0 (as CUDA)"},
      {"__float_as_int", "", "as_int($0)", "", C::Conversion, ""},
      {"__float_as_uint", "", "as_uint($0)", "", C::Conversion, ""},
      {"__int_as_float", "", "as_float($0)", "", C::Conversion, ""},
      {"__uint_as_float", "", "as_float($0)", "", C::Conversion, ""},
      {"__double_as_longlong", "", "as_long($0)", "", C::Conversion, ""},
      {"__longlong_as_double", "", "as_double($0)", "", C::Conversion, ""},
  };
  rows.insert(rows.end(), more.begin(), more.end());

  // 32-bit atomics on global or shared memory.
  struct Atomic {
    const char *cuda;
    const char *opencl;
  };
  const Atomic atomics[] = {{"atomicAdd", "atomic_add"},   {"atomicSub", "atomic_sub"},
                            {"atomicExch", "atomic_xchg"}, {"atomicMin", "atomic_min"},
                            {"atomicMax", "atomic_max"},   {"atomicAnd", "atomic_and"},
                            {"atomicOr", "atomic_or"},     {"atomicXor", "atomic_xor"}};
  for (const Atomic &atomic : atomics) {
    for (const char *suffix : {"", "_block", "_system"}) {
      std::string name = std::string(atomic.cuda) + suffix;
      std::string call = std::string(atomic.opencl) + "($0, $1)";
      rows.push_back({name, "int*,int", call, "", C::Atomic, ""});
      rows.push_back({name, "unsigned int*,unsigned int", call, "", C::Atomic, ""});
    }
  }
  for (const char *suffix : {"", "_block", "_system"}) {
    std::string add = std::string("atomicAdd") + suffix;
    rows.push_back({add, "float*,float", "cucl_atomic_add_float_$S0($0, $1)", "atomic_add_float",
                    C::Atomic, "compare-and-swap loop on the bit pattern"});
    rows.push_back({std::string("atomicExch") + suffix, "float*,float", "atomic_xchg($0, $1)", "",
                    C::Atomic, ""});
    std::string cas = std::string("atomicCAS") + suffix;
    rows.push_back({cas, "int*,int,int", "atomic_cmpxchg($0, $1, $2)", "", C::Atomic, ""});
    rows.push_back({cas, "unsigned int*,unsigned int,unsigned int", "atomic_cmpxchg($0, $1, $2)",
                    "", C::Atomic, ""});
    rows.push_back({std::string("atomicInc") + suffix, "unsigned int*,unsigned int",
                    "cucl_atomic_inc_wrap_$S0($0, $1)", "atomic_inc_wrap", C::Atomic,
                    "CUDA wrap: old >= val ? 0 : old + 1"});
    rows.push_back({std::string("atomicDec") + suffix, "unsigned int*,unsigned int",
                    "cucl_atomic_dec_wrap_$S0($0, $1)", "atomic_dec_wrap", C::Atomic,
                    "CUDA wrap: old == 0 || old > val ? val : old - 1"});
  }
  // 64-bit atomics: OpenCL 1.2's cl_khr_int64_base/extended_atomics (atom_*),
  // on global or shared memory; double add by compare-and-swap.
  const Atomic wideAtomics[] = {{"atomicAdd", "atom_add"}, {"atomicExch", "atom_xchg"},
                                {"atomicMin", "atom_min"}, {"atomicMax", "atom_max"},
                                {"atomicAnd", "atom_and"}, {"atomicOr", "atom_or"},
                                {"atomicXor", "atom_xor"}};
  for (const char *suffix : {"", "_block", "_system"}) {
    for (const Atomic &atomic : wideAtomics) {
      std::string name = std::string(atomic.cuda) + suffix;
      std::string call = std::string(atomic.opencl) + "($0, $1)";
      rows.push_back({name, "unsigned long long*,unsigned long long", call, "int64_atomics",
                      C::Atomic, "cl_khr_int64_base_atomics / _extended_atomics"});
      if (std::string(atomic.cuda) == "atomicMin" || std::string(atomic.cuda) == "atomicMax")
        rows.push_back({name, "long long*,long long", call, "int64_atomics", C::Atomic,
                        "cl_khr_int64_extended_atomics"});
    }
    rows.push_back({std::string("atomicCAS") + suffix,
                    "unsigned long long*,unsigned long long,unsigned long long",
                    "atom_cmpxchg($0, $1, $2)", "int64_atomics", C::Atomic,
                    "cl_khr_int64_base_atomics"});
    rows.push_back({std::string("atomicAdd") + suffix, "double*,double",
                    "cucl_atomic_add_double_$S0($0, $1)", "atomic_add_double", C::Atomic,
                    "compare-and-swap loop on the bit pattern (cl_khr_int64_base_atomics)"});
  }

  // Block-wide barriers have lane-mode forms (one work-item per warp).
  for (BuiltinMapping &row : rows) {
    if (row.cudaName == "__syncthreads")
      row.laneOp = LaneOp::Barrier;
    else if (row.cudaName.rfind("__syncthreads_", 0) == 0)
      row.laneOp = LaneOp::BlockCount;
  }
  appendWarpBuiltins(rows);
  return rows;
}

} // namespace

const std::vector<BuiltinMapping> &builtinMappings() {
  static const std::vector<BuiltinMapping> rows = buildTable();
  return rows;
}

const BuiltinMapping *findBuiltin(const std::string &cudaName, const std::string &signature) {
  const BuiltinMapping *generic = nullptr;
  for (const BuiltinMapping &row : builtinMappings()) {
    if (row.cudaName != cudaName)
      continue;
    if (row.signature.empty()) {
      if (!generic)
        generic = &row;
    } else if (row.signature == signature) {
      return &row;
    }
  }
  return generic;
}

const std::vector<FastMathReplacement> &fastMathReplacements() {
  static const std::vector<FastMathReplacement> rows = {
      {"expf", "__expf"},     {"exp10f", "__exp10f"}, {"logf", "__logf"}, {"log2f", "__log2f"},
      {"log10f", "__log10f"}, {"sinf", "__sinf"},     {"cosf", "__cosf"}, {"sincosf", "__sincosf"},
      {"tanf", "__tanf"},     {"powf", "__powf"}};
  return rows;
}

const std::string *fastMathIntrinsic(const std::string &cudaName, const std::string &signature) {
  for (const FastMathReplacement &row : fastMathReplacements()) {
    if (cudaName == row.standard)
      return &row.intrinsic;
    // The float overloads of <cmath> (std::exp(float), ...) are expf & co.
    const std::string overload = row.standard.substr(0, row.standard.size() - 1);
    if (cudaName == overload && signature.rfind("float", 0) == 0 &&
        (signature.size() == 5 || signature[5] == ','))
      return &row.intrinsic;
  }
  return nullptr;
}

const char *builtinCategoryName(BuiltinCategory category) {
  switch (category) {
  case BuiltinCategory::Synchronization:
    return "synchronization";
  case BuiltinCategory::Math:
    return "math";
  case BuiltinCategory::FastMath:
    return "fast math";
  case BuiltinCategory::Integer:
    return "integer";
  case BuiltinCategory::Conversion:
    return "conversion";
  case BuiltinCategory::Atomic:
    return "atomic";
  case BuiltinCategory::Output:
    return "output";
  case BuiltinCategory::Time:
    return "time";
  case BuiltinCategory::Memory:
    return "memory";
  case BuiltinCategory::Warp:
    return "warp";
  }
  return "other";
}

} // namespace cucl::translate
