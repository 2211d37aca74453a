#include "emit_device/opencl_names.h"

#include <cctype>

namespace cucl::translate {
namespace {

const char *const kKeywordsAndTypes[] = {
    // C99 / OpenCL C keywords and qualifiers.
    "auto",
    "break",
    "case",
    "char",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extern",
    "float",
    "for",
    "goto",
    "if",
    "inline",
    "int",
    "long",
    "register",
    "restrict",
    "return",
    "short",
    "signed",
    "sizeof",
    "static",
    "struct",
    "switch",
    "typedef",
    "union",
    "unsigned",
    "void",
    "volatile",
    "while",
    "bool",
    "true",
    "false",
    "_Bool",
    "_Complex",
    "_Imaginary",
    "__global",
    "global",
    "__local",
    "local",
    "__constant",
    "constant",
    "__private",
    "private",
    "__kernel",
    "kernel",
    "__read_only",
    "read_only",
    "__write_only",
    "write_only",
    "__read_write",
    "read_write",
    "uniform",
    "pipe",
    "__attribute__",
    // Built-in scalar and opaque types.
    "uchar",
    "ushort",
    "uint",
    "ulong",
    "half",
    "size_t",
    "ptrdiff_t",
    "intptr_t",
    "uintptr_t",
    "image1d_t",
    "image1d_array_t",
    "image1d_buffer_t",
    "image2d_t",
    "image2d_array_t",
    "image3d_t",
    "image2d_depth_t",
    "image2d_array_depth_t",
    "sampler_t",
    "event_t",
    "queue_t",
    "ndrange_t",
    "clk_event_t",
    "reserve_id_t",
    "cl_mem_fence_flags",
    // Work-item, synchronization, atomic and common built-in functions.
    "get_work_dim",
    "get_global_size",
    "get_global_id",
    "get_local_size",
    "get_local_id",
    "get_num_groups",
    "get_group_id",
    "get_global_offset",
    "barrier",
    "mem_fence",
    "read_mem_fence",
    "write_mem_fence",
    "async_work_group_copy",
    "wait_group_events",
    "prefetch",
    "printf",
    "atomic_add",
    "atomic_sub",
    "atomic_xchg",
    "atomic_inc",
    "atomic_dec",
    "atomic_cmpxchg",
    "atomic_min",
    "atomic_max",
    "atomic_and",
    "atomic_or",
    "atomic_xor",
    "acos",
    "acosh",
    "acospi",
    "asin",
    "asinh",
    "asinpi",
    "atan",
    "atan2",
    "atanh",
    "atanpi",
    "atan2pi",
    "cbrt",
    "ceil",
    "copysign",
    "cos",
    "cosh",
    "cospi",
    "erfc",
    "erf",
    "exp",
    "exp2",
    "exp10",
    "expm1",
    "fabs",
    "fdim",
    "floor",
    "fma",
    "fmax",
    "fmin",
    "fmod",
    "fract",
    "frexp",
    "hypot",
    "ilogb",
    "ldexp",
    "lgamma",
    "lgamma_r",
    "log",
    "log2",
    "log10",
    "log1p",
    "logb",
    "mad",
    "maxmag",
    "minmag",
    "modf",
    "nan",
    "nextafter",
    "pow",
    "pown",
    "powr",
    "remainder",
    "remquo",
    "rint",
    "rootn",
    "round",
    "rsqrt",
    "sin",
    "sincos",
    "sinh",
    "sinpi",
    "sqrt",
    "tan",
    "tanh",
    "tanpi",
    "tgamma",
    "trunc",
    "abs",
    "abs_diff",
    "add_sat",
    "hadd",
    "rhadd",
    "clamp",
    "clz",
    "mad_hi",
    "mad_sat",
    "max",
    "min",
    "mul_hi",
    "rotate",
    "sub_sat",
    "upsample",
    "popcount",
    "mad24",
    "mul24",
    "degrees",
    "radians",
    "step",
    "smoothstep",
    "mix",
    "sign",
    "cross",
    "dot",
    "distance",
    "length",
    "normalize",
    "fast_distance",
    "fast_length",
    "fast_normalize",
    "isequal",
    "isnotequal",
    "isgreater",
    "isgreaterequal",
    "isless",
    "islessequal",
    "islessgreater",
    "isfinite",
    "isinf",
    "isnan",
    "isnormal",
    "isordered",
    "isunordered",
    "signbit",
    "any",
    "all",
    "bitselect",
    "select",
    "shuffle",
    "shuffle2",
    "vec_step",
    "as_char",
    "as_uchar",
    "as_short",
    "as_ushort",
    "as_int",
    "as_uint",
    "as_long",
    "as_ulong",
    "as_float",
    "as_double",
    "convert_int",
    "convert_uint",
    "convert_float",
    "convert_long",
    "convert_ulong",
    "convert_double",
    "vload",
    "vstore",
    "read_imagef",
    "write_imagef",
    // Macros from the OpenCL C headers.
    "NULL",
    "INFINITY",
    "NAN",
    "HUGE_VALF",
    "HUGE_VAL",
    "MAXFLOAT",
    "FLT_MAX",
    "FLT_MIN",
    "DBL_MAX",
    "DBL_MIN",
    "INT_MAX",
    "INT_MIN",
    "UINT_MAX",
    "CHAR_BIT",
    "M_PI",
    "M_PI_F",
    "M_E",
    "M_E_F",
    "CLK_LOCAL_MEM_FENCE",
    "CLK_GLOBAL_MEM_FENCE",
};

const char *const kVectorBases[] = {"char", "uchar", "short", "ushort", "int",  "uint",
                                    "long", "ulong", "float", "double", "half", "bool"};
const char *const kVectorWidths[] = {"2", "3", "4", "8", "16"};

// Every built-in function declared by Clang's opencl-c.h (see CMakeLists.txt).
const char *const kBuiltinFunctions[] = {
#include "opencl_builtin_names.inc"
};

std::set<std::string> buildReserved() {
  std::set<std::string> names(std::begin(kKeywordsAndTypes), std::end(kKeywordsAndTypes));
  names.insert(std::begin(kBuiltinFunctions), std::end(kBuiltinFunctions));
  for (const char *base : kVectorBases)
    for (const char *width : kVectorWidths)
      names.insert(std::string(base) + width);
  return names;
}

} // namespace

bool isReservedOpenclName(const std::string &name) {
  static const std::set<std::string> reserved = buildReserved();
  if (reserved.count(name))
    return true;
  // Conversion built-ins: convert_<type>[_sat][_rte...], as_<type>N, vload/vstoreN.
  if (name.rfind("convert_", 0) == 0 || name.rfind("as_", 0) == 0 || name.rfind("vload", 0) == 0 ||
      name.rfind("vstore", 0) == 0 || name.rfind("native_", 0) == 0 ||
      name.rfind("half_", 0) == 0 || name.rfind("atom_", 0) == 0 || name.rfind("cucl_", 0) == 0 ||
      name.rfind("__", 0) == 0)
    return true;
  return false;
}

std::string sanitizeIdentifier(const std::string &text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_')
      out += c;
    else if (!out.empty() && out.back() != '_')
      out += '_';
  }
  while (!out.empty() && out.back() == '_')
    out.pop_back();
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out.front())))
    out = "f_" + out;
  return out;
}

std::string NameUniquer::unique(const std::string &wanted) {
  std::string base = sanitizeIdentifier(wanted);
  if (isReservedOpenclName(base))
    base = "cucl_" + (base.rfind("__", 0) == 0 ? base.substr(2) : base);
  std::string name = base;
  for (unsigned n = 1; used_.count(name); ++n)
    name = base + "_" + std::to_string(n);
  used_.insert(name);
  return name;
}

std::string safeLocalName(const std::string &name) {
  if (isReservedOpenclName(name))
    return name + "_";
  return name;
}

} // namespace cucl::translate
