// The data table mapping CUDA device functions (math, integer intrinsics,
// conversions, atomics, synchronization, printf) to OpenCL C 1.2. One row per
// CUDA name (and, where OpenCL needs different code per overload, per
// parameter signature). docs/device-support.md is checked against this table
// by the `device-support-doc` test, so the documentation cannot drift.
#pragma once

#include <string>
#include <vector>

namespace cucl::translate {

enum class BuiltinCategory {
  Synchronization,
  Math,
  FastMath,
  Integer,
  Conversion,
  Atomic,
  Memory,
  Output,
  Time,
  Warp
};

// How a lane-mode kernel runs a row (function_emitter_warp.cpp): warp
// functions exist only there, and block-wide barriers get lane-mode forms.
enum class LaneOp : unsigned char {
  None, // an ordinary per-thread function
  Barrier,
  BlockCount, // __syncthreads_count, _and, _or
  Shuffle,
  Ballot,
  Any,
  All,
  Uniform, // __uni_sync
  ActiveMask,
  MatchAny,
  MatchAll,
  Reduce,
  SyncWarp,
  LaneMask,  // __lanemask_lt & co.: a per-lane value
  GridSync,  // grid_group::sync
  GridValid, // grid_group::is_valid: whether the launch is cooperative
  TileCheck, // a dynamic tile size CUDA allows
};

struct BuiltinMapping {
  std::string cudaName;
  // Canonical parameter types joined by ',' ("unsigned int*,unsigned int"),
  // or empty: any overload of cudaName.
  std::string signature;
  // OpenCL spelling. $0..$9: the arguments (converted to the CUDA parameter
  // types); $*: all arguments; $S0: "global"/"local", the address space
  // argument 0 points to (for helpers that exist once per address space;
  // $S1 for argument 1);
  // $V: the kernel's __local vote counter (__syncthreads_count & co.).
  std::string opencl;
  // A helper function the spelling calls (see builtin_helpers.h), or empty.
  std::string helper;
  BuiltinCategory category;
  std::string note; // for the documentation
  LaneOp laneOp = LaneOp::None;
  unsigned laneCode = 0;     // the CUCL_OP_* a failed check names (cucl/module_abi.h)
  bool implicitMask = false; // legacy forms without a mask: the lanes that call
};

// The rows of warp functions (warp_builtin_table.cpp), part of the table.
void appendWarpBuiltins(std::vector<BuiltinMapping> &rows);

const std::vector<BuiltinMapping> &builtinMappings();

// The row for a call to `cudaName` whose parameters are `signature`; rows
// with a signature win over generic ones. nullptr: not supported.
const BuiltinMapping *findBuiltin(const std::string &cudaName, const std::string &signature);

// -use_fast_math: the single-precision standard functions nvcc compiles as
// their intrinsics (expf -> __expf).
struct FastMathReplacement {
  std::string standard;
  std::string intrinsic;
};
const std::vector<FastMathReplacement> &fastMathReplacements();
// The intrinsic a call to `cudaName(signature)` becomes under -use_fast_math
// (also the float overloads std::exp(float) & co.), or nullptr.
const std::string *fastMathIntrinsic(const std::string &cudaName, const std::string &signature);

const char *builtinCategoryName(BuiltinCategory category);

} // namespace cucl::translate
