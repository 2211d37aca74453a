// The warp functions of the builtin table: they run only in lane-mode
// kernels (one OpenCL work-item per CUDA warp), where each is a loop over the
// lanes that call it (function_emitter_warp.cpp). The `opencl` column says what
// that loop computes, for the documentation.
#include "cucl/module_abi.h"
#include "emit_device/builtin_table.h"

namespace cucl::translate {

void appendWarpBuiltins(std::vector<BuiltinMapping> &rows) {
  using C = BuiltinCategory;
  // CUDA leaves the result undefined when a mask breaks its rules; cucl
  // reports it (docs/device-support.md, "Warp-level code").
  const char *const checked = "mask checked";
  struct Shuffle {
    const char *name;
    unsigned op;
    const char *rule;
  };
  const Shuffle shuffles[] = {
      {"shfl", CUCL_OP_SHFL, "`shfl.sync.idx`: lane `srcLane % width` of the caller's segment"},
      {"shfl_up", CUCL_OP_SHFL_UP, "`shfl.sync.up`: lane - delta, own value below the segment"},
      {"shfl_down", CUCL_OP_SHFL_DOWN,
       "`shfl.sync.down`: lane + delta, own value past the segment"},
      {"shfl_xor", CUCL_OP_SHFL_XOR,
       "`shfl.sync.bfly`: lane ^ laneMask, own value past the segment"},
  };
  for (const Shuffle &shuffle : shuffles) {
    std::string lanes = std::string("`var` of the source lane, by PTX ") + shuffle.rule;
    rows.push_back({std::string("__") + shuffle.name + "_sync", "", lanes, "", C::Warp,
                    std::string("int, long, long long (signed and unsigned), float, double; "
                                "width 1..32; ") +
                        checked +
                        "; a source lane that does not take part reads 0 (CUDA: undefined)",
                    LaneOp::Shuffle, shuffle.op, false});
    rows.push_back({std::string("__") + shuffle.name, "", lanes, "", C::Warp,
                    "legacy form: the mask is the lanes that call it", LaneOp::Shuffle, shuffle.op,
                    true});
    rows.push_back({std::string("__cucl_") + shuffle.name + "_sync", "", lanes, "", C::Warp,
                    "any trivially copyable type (cooperative groups)", LaneOp::Shuffle, shuffle.op,
                    false});
  }
  rows.push_back({"__ballot_sync", "",
                  "bit l set when lane l of the mask calls it with a "
                  "non-zero predicate",
                  "", C::Warp, checked, LaneOp::Ballot, CUCL_OP_BALLOT, false});
  rows.push_back({"__ballot", "", "as `__ballot_sync` over the lanes that call it", "", C::Warp,
                  "legacy form", LaneOp::Ballot, CUCL_OP_BALLOT, true});
  rows.push_back({"__any_sync", "", "non-zero when a lane of the mask has a non-zero predicate", "",
                  C::Warp, checked, LaneOp::Any, CUCL_OP_ANY, false});
  rows.push_back({"__any", "", "as `__any_sync` over the lanes that call it", "", C::Warp,
                  "legacy form", LaneOp::Any, CUCL_OP_ANY, true});
  rows.push_back({"__all_sync", "", "non-zero when every lane of the mask has a non-zero predicate",
                  "", C::Warp, checked, LaneOp::All, CUCL_OP_ALL, false});
  rows.push_back({"__all", "", "as `__all_sync` over the lanes that call it", "", C::Warp,
                  "legacy form", LaneOp::All, CUCL_OP_ALL, true});
  rows.push_back({"__uni_sync", "",
                  "non-zero when the predicate is the same in every lane of the "
                  "mask",
                  "", C::Warp, checked, LaneOp::Uniform, CUCL_OP_ALL, false});
  rows.push_back(
      {"__activemask", "", "the lanes that call it", "", C::Warp, "", LaneOp::ActiveMask, 0, true});
  rows.push_back({"__match_any_sync", "", "the lanes of the mask whose value has the same bits", "",
                  C::Warp, std::string("32- and 64-bit integers, float, double; ") + checked,
                  LaneOp::MatchAny, CUCL_OP_MATCH_ANY, false});
  rows.push_back({"__match_all_sync", "",
                  "the mask when every lane of it has the same bits (and "
                  "`*pred = 1`), else 0",
                  "", C::Warp, checked, LaneOp::MatchAll, CUCL_OP_MATCH_ALL, false});
  for (const char *kind : {"add", "min", "max", "and", "or", "xor"})
    rows.push_back({std::string("__reduce_") + kind + "_sync", "",
                    std::string("the ") + kind + " of the values of the lanes of the mask", "",
                    C::Warp, std::string("int and unsigned (and, or, xor: unsigned); ") + checked,
                    LaneOp::Reduce, CUCL_OP_REDUCE, false});
  rows.push_back({"__syncwarp", "", "a point every lane reaches before any goes on", "", C::Warp,
                  checked, LaneOp::SyncWarp, CUCL_OP_SYNCWARP, false});
  rows.push_back({"__cucl_grid_sync", "",
                  "a block barrier, then a barrier of all blocks in global memory", "", C::Warp,
                  "grid_group::sync (cooperative_groups.h); needs cudaLaunchCooperativeKernel",
                  LaneOp::GridSync, CUCL_OP_GRID_SYNC, true});
  rows.push_back({"__cucl_grid_is_valid", "", "whether the kernel runs under a cooperative launch",
                  "", C::Warp, "grid_group::is_valid (cooperative_groups.h)", LaneOp::GridValid, 0,
                  true});
  rows.push_back({"__cucl_check_tile_size", "",
                  "reports a tile size other than 1, 2, 4, 8, 16 or 32 as "
                  "`cudaErrorIllegalInstruction`",
                  "", C::Warp, "tiled_partition(group, n) (cooperative_groups.h)",
                  LaneOp::TileCheck, 0, true});
  for (const char *which : {"lt", "le", "eq", "ge", "gt"})
    rows.push_back({std::string("__lanemask_") + which, "",
                    std::string("the lanes whose index is ") + which + " the caller's", "", C::Warp,
                    "", LaneOp::LaneMask, 0, true});
}

} // namespace cucl::translate
