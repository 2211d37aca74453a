// Lane mode: finding warp-level operations in statements, and running them
// for the lanes of a mask (docs/design.md, "Warp-level code"). A warp-level
// call is run before the statement that contains it, its arguments computed
// lane by lane into arrays; it then reads any lane's value, and its per-lane
// result replaces the call when the rest of the statement is printed.
#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>

#include "cucl/module_abi.h"
#include "emit_device/function_emitter.h"

namespace cucl::translate {
namespace {

// An integral constant argument prints as its value, without a lane array.
bool integralConstant(const clang::Expr *e, clang::ASTContext &context, llvm::APSInt &value) {
  clang::Expr::EvalResult result;
  if (e->isValueDependent() || !e->getType()->isIntegralOrEnumerationType() ||
      !e->EvaluateAsInt(result, context, clang::Expr::SE_NoSideEffects))
    return false;
  value = result.Val.getInt();
  return true;
}

bool isUserFunction(const clang::FunctionDecl *callee) {
  const clang::FunctionDecl *definition = nullptr;
  return callee->hasBody(definition) && callee->getBuiltinID() == 0 &&
         !callee->hasAttr<clang::CUDAGlobalAttr>();
}

} // namespace

// Text printed for one lane (inside the lane loop it will be emitted in).
std::string FunctionEmitter::forLane(const std::function<std::string()> &print) {
  bool saved = inLanes_;
  inLanes_ = true;
  std::string text = print();
  inLanes_ = saved;
  return text;
}

bool FunctionEmitter::isVolatileSharedAccess(const clang::Expr *e) {
  if (!e->isGLValue())
    return false;
  clang::QualType type = e->getType();
  if (!type.isVolatileQualified() || !type->isScalarType())
    return false;
  std::optional<AddressSpace> space = inference_.storageSpace(e);
  return space && *space == AddressSpace::Local;
}

Specialization *FunctionEmitter::calleeFor(const UserCall &target, const clang::Expr *call,
                                           bool final) {
  std::optional<std::vector<AddressSpace>> spaces = argumentSpaces(target, final);
  if (!spaces)
    return nullptr;
  return module_.specialize(target.callee, *spaces, call->getExprLoc(), ExecMode::Thread,
                            spec_.scratch);
}

unsigned FunctionEmitter::callSyncKind(const clang::Expr *call) {
  const clang::FunctionDecl *callee = nullptr;
  std::optional<UserCall> target;
  if (auto *callExpr = llvm::dyn_cast<clang::CallExpr>(call)) {
    callee = callExpr->getDirectCallee();
    if (!callee)
      return 0;
    target = resolveUserCall(callExpr);
  } else if (auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(call)) {
    callee = construct->getConstructor();
    const clang::FunctionDecl *definition = nullptr;
    if (construct->getConstructor()->isTrivial() || !callee->hasBody(definition))
      return 0;
    target = UserCall{};
    target->callee = definition;
    target->args.assign(construct->arg_begin(), construct->arg_end());
  } else {
    return 0;
  }
  if (target) {
    Specialization *spec = calleeFor(*target, call, false);
    if (!spec)
      return 0;
    return (spec->usesWarpFeatures ? unsigned(kWarpSync) : 0u) |
           (spec->usesBarrier ? unsigned(kBlockSync) : 0u);
  }
  if (isUserFunction(callee))
    return 0;
  const BuiltinMapping *row = builtinRowFor(callee);
  if (!row || row->laneOp == LaneOp::None || row->laneOp == LaneOp::LaneMask ||
      row->laneOp == LaneOp::GridValid)
    return 0;
  return row->laneOp == LaneOp::Barrier || row->laneOp == LaneOp::BlockCount ||
                 row->laneOp == LaneOp::GridSync
             ? kBlockSync
             : kWarpSync;
}

unsigned FunctionEmitter::syncKind(const clang::Stmt *stmt) {
  if (!stmt)
    return 0;
  auto known = syncKinds_.find(stmt);
  if (known != syncKinds_.end())
    return known->second;
  unsigned kind = 0;
  if (auto *e = llvm::dyn_cast<clang::Expr>(stmt)) {
    if (llvm::isa<clang::CallExpr>(e) || llvm::isa<clang::CXXConstructExpr>(e))
      kind |= callSyncKind(e);
    if (isVolatileSharedAccess(e))
      kind |= kVolatileShared;
  }
  if (auto *decls = llvm::dyn_cast<clang::DeclStmt>(stmt)) {
    for (const clang::Decl *decl : decls->decls())
      if (auto *variable = llvm::dyn_cast<clang::VarDecl>(decl))
        kind |= syncKind(variable->getInit());
  } else if (!llvm::isa<clang::LambdaExpr>(stmt)) {
    for (const clang::Stmt *child : stmt->children())
      kind |= syncKind(child);
  }
  syncKinds_[stmt] = kind;
  return kind;
}

void FunctionEmitter::hoistWarpCalls(const clang::Expr *e, const std::string &mask) {
  if (!e || (syncKind(e) & (kWarpSync | kBlockSync)) == 0)
    return;
  // Operands evaluated only for some lanes (&&, ||, ?:) run their warp-level
  // calls for those lanes; what comes first (a comma's left) runs first.
  if (auto *binary = llvm::dyn_cast<clang::BinaryOperator>(e)) {
    bool syncRight = (syncKind(binary->getRHS()) & (kWarpSync | kBlockSync)) != 0;
    if (binary->isLogicalOp() && syncRight) {
      std::string taken = laneGuard(binary->getLHS(), mask);
      replacements_[binary->getLHS()] = "(((" + taken + " >> cucl_l) & 1u) != 0u)";
      bool isAnd = binary->getOpcode() == clang::BO_LAnd;
      hoistWarpCalls(binary->getRHS(), "(" + mask + " & " + (isAnd ? "" : "~") + taken + ")");
      return;
    }
    if (binary->getOpcode() == clang::BO_Comma && syncRight) {
      hoistWarpCalls(binary->getLHS(), mask);
      openLanes(mask);
      line(exprStatement(binary->getLHS()) + ";");
      closeLanes();
      replacements_[binary->getLHS()] = "0";
      hoistWarpCalls(binary->getRHS(), mask);
      return;
    }
  }
  if (auto *conditional = llvm::dyn_cast<clang::ConditionalOperator>(e)) {
    if ((syncKind(conditional->getTrueExpr()) | syncKind(conditional->getFalseExpr())) &
        (kWarpSync | kBlockSync)) {
      std::string taken = laneGuard(conditional->getCond(), mask);
      replacements_[conditional->getCond()] = "(((" + taken + " >> cucl_l) & 1u) != 0u)";
      hoistWarpCalls(conditional->getTrueExpr(), "(" + mask + " & " + taken + ")");
      hoistWarpCalls(conditional->getFalseExpr(), "(" + mask + " & ~" + taken + ")");
      return;
    }
  }
  if ((llvm::isa<clang::CallExpr>(e) || llvm::isa<clang::CXXConstructExpr>(e)) &&
      callSyncKind(e) != 0)
    return warpCall(e, mask);
  for (const clang::Stmt *child : e->children())
    if (auto *sub = llvm::dyn_cast_or_null<clang::Expr>(child))
      hoistWarpCalls(sub, mask);
}

void FunctionEmitter::warpCall(const clang::Expr *call, const std::string &mask) {
  auto *callExpr = llvm::dyn_cast<clang::CallExpr>(call);
  if (!callExpr) {
    diagnostics_.unsupported(call->getBeginLoc(), "a constructor that uses warp-level functions");
    replacements_[call] = "0";
    return;
  }
  // Arguments first (a shuffle of a shuffle runs the inner one first).
  for (const clang::Expr *arg : callExpr->arguments())
    hoistWarpCalls(arg, mask);
  if (auto *member = llvm::dyn_cast<clang::CXXMemberCallExpr>(callExpr))
    hoistWarpCalls(member->getImplicitObjectArgument(), mask);
  if (std::optional<UserCall> target = resolveUserCall(callExpr))
    return warpUserCall(callExpr, *target, mask);
  const BuiltinMapping *row = builtinRowFor(callExpr->getDirectCallee());
  if (!row) {
    diagnostics_.unsupported(call->getBeginLoc(), "this warp-level call");
    replacements_[call] = "0";
    return;
  }
  warpBuiltin(callExpr, *row, mask);
}

// A warp-level function of the program: its Warp-mode specialization takes
// every argument as an array of 32 and writes its result lane by lane.
void FunctionEmitter::warpUserCall(const clang::Expr *call, const UserCall &target,
                                   const std::string &mask) {
  const clang::FunctionDecl *callee = target.callee;
  replacements_[call] = "0";
  if (callee->isVariadic()) {
    diagnostics_.unsupported(call->getBeginLoc(), "a call to a variadic function");
    return;
  }
  std::optional<std::vector<AddressSpace>> spaces = argumentSpaces(target, true);
  if (!spaces)
    return;
  Specialization *specialization =
      module_.specialize(callee, *spaces, call->getExprLoc(), ExecMode::Warp, spec_.scratch);
  if (!specialization)
    return;
  useSpecializationShared(*specialization);
  spec_.callees.push_back(specialization);

  std::vector<std::string> arguments = {"cucl_w", mask};
  std::vector<std::pair<std::string, std::string>> fills; // lane array, this lane's value
  size_t slot = 0;
  if (target.object) {
    AddressSpace space = (*spaces)[slot++];
    const clang::Expr *object = target.object;
    std::string array;
    if (target.objectIsPointer) {
      array = declareLaneArray(object->getType(), space, "object");
      fills.push_back({array, forLane([&] { return exprTop(object); })});
    } else if (space == AddressSpace::Unknown) { // a temporary: by value
      array = declareLaneArray(object->getType(), AddressSpace::Private, "object");
      fills.push_back({array, forLane([&] { return exprTop(object); })});
    } else {
      array = declareLaneArray(context_.getPointerType(object->getType()), space, "object");
      fills.push_back({array, forLane([&] { return addressOf(object); })});
    }
    arguments.push_back(array);
  }
  for (unsigned i = 0; i < target.args.size() && i < callee->getNumParams(); ++i) {
    const clang::ParmVarDecl *parameter = callee->getParamDecl(i);
    const clang::Expr *arg = target.args[i];
    clang::QualType type = parameter->getType();
    AddressSpace space = AddressSpace::Private;
    bool byPointer = false;
    if (isSpaceParameter(parameter)) {
      space = slot < spaces->size() ? (*spaces)[slot] : AddressSpace::Private;
      ++slot;
      if (type->isReferenceType() && space != AddressSpace::Unknown) {
        byPointer = true;
      } else if (type->isReferenceType()) { // a const T& bound to a temporary: by value
        type = type->getPointeeType();
        space = AddressSpace::Private;
      }
    }
    std::string array = declareLaneArray(
        byPointer ? context_.getPointerType(type->getPointeeType()) : type, space, "arg");
    fills.push_back({array, forLane([&] { return byPointer ? addressOf(arg) : exprTop(arg); })});
    arguments.push_back(array);
  }
  clang::QualType result = callee->getReturnType();
  std::string resultArray;
  if (!result->isVoidType()) {
    clang::QualType stored =
        result->isReferenceType() ? context_.getPointerType(result->getPointeeType()) : result;
    resultArray = declareLaneArray(stored,
                                   result->isReferenceType() || result->isPointerType()
                                       ? specialization->returnSpace
                                       : AddressSpace::Private,
                                   "result");
    arguments.push_back(resultArray);
  }
  for (const clang::VarDecl *shared : specialization->sharedVariables) {
    std::string hoisted = module_.sharedName(shared);
    arguments.push_back(spec_.isKernel ? "&" + hoisted : hoisted);
  }
  if (specialization->usesDynamicShared)
    arguments.push_back("cucl_dynamic_shared");
  for (const std::string &resource : resourceParameters(*specialization, false))
    arguments.push_back(resource);
  if (!fills.empty()) {
    openLanes(mask);
    for (const auto &[array, value] : fills)
      line(array + "[cucl_l] = " + value + ";");
    closeLanes();
  }
  std::string text = specialization->name + "(";
  for (size_t i = 0; i < arguments.size(); ++i)
    text += (i ? ", " : "") + arguments[i];
  line(text + ");");
  if (resultArray.empty())
    replacements_[call] = "((void)0)";
  else if (result->isReferenceType())
    replacements_[call] = "(*" + resultArray + "[cucl_l])";
  else
    replacements_[call] = resultArray + "[cucl_l]";
}

// A warp function or block-wide barrier of CUDA (warp_builtin_table.cpp).
void FunctionEmitter::warpBuiltin(const clang::CallExpr *call, const BuiltinMapping &row,
                                  const std::string &exec) {
  const clang::FunctionDecl *callee = call->getDirectCallee();
  replacements_[call] = "0";
  // Each argument: an integral constant, or a lane array filled for `exec`.
  std::vector<std::string> args;
  std::vector<std::pair<std::string, std::string>> fills;
  for (unsigned i = 0; i < call->getNumArgs() && i < callee->getNumParams(); ++i) {
    const clang::Expr *arg = call->getArg(i);
    clang::QualType type = callee->getParamDecl(i)->getType().getCanonicalType();
    llvm::APSInt value;
    if (integralConstant(arg, context_, value)) {
      args.push_back(integer(value, type));
      continue;
    }
    if (isUniform(arg)) { // the same in every lane: one scalar
      args.push_back("((" + types_.typeName(type, AddressSpace::Private, arg->getExprLoc()) + ")" +
                     expr(arg) + ")");
      continue;
    }
    AddressSpace space = type->isPointerType() ? pointee(arg) : AddressSpace::Private;
    std::string array = declareLaneArray(type, space, "arg");
    fills.push_back({array, forLane([&] { return exprTop(arg); })});
    args.push_back(array + "[cucl_l]");
  }
  if (!fills.empty()) {
    openLanes(exec);
    for (const auto &[array, value] : fills)
      line(array + "[cucl_l] = " + value + ";");
    closeLanes();
  }
  // The value of argument `i` in lane `lane` (lane arrays only).
  auto at = [&](size_t i, const std::string &lane) {
    std::string text = args[i];
    const std::string own = "[cucl_l]";
    if (text.size() > own.size() && text.compare(text.size() - own.size(), own.size(), own) == 0)
      return text.substr(0, text.size() - own.size()) + "[" + lane + "]";
    return text;
  };
  // Every value-reading operation needs its value argument in a lane array.
  auto laneValues = [&](size_t i) {
    if (args[i].find("[cucl_l]") != std::string::npos)
      return;
    std::string array = declareLaneArray(callee->getParamDecl(static_cast<unsigned>(i))->getType(),
                                         AddressSpace::Private, "arg");
    openLanes(exec);
    line(array + "[cucl_l] = " + args[i] + ";");
    closeLanes();
    args[i] = array + "[cucl_l]";
  };
  size_t first = row.implicitMask ? 0 : 1; // index of the first argument after the mask
  std::string mask = row.implicitMask ? "(" + exec + ")" : args.empty() ? "0xffffffffu" : args[0];
  std::string op = std::to_string(row.laneCode);
  // CUDA's mask rules: checked once when the lanes share the mask (a
  // constant or uniform value), else lane by lane.
  bool sharedMask = mask.find("[cucl_l]") == std::string::npos;
  std::string check;
  if (!row.implicitMask) {
    if (sharedMask)
      line("cucl_check_warp_mask(cucl_w, " + op + "u, " + mask + ", " + exec + ");");
    else
      check = "cucl_check_mask(cucl_w, " + op + "u, cucl_l, " + mask + ", " + exec + ");";
  }
  clang::QualType resultType = call->getType();
  auto resultArray = [&](const char *stem) {
    return declareLaneArray(resultType, AddressSpace::Private, stem);
  };
  // Bits of the lanes of `exec` whose argument `i` is non-zero.
  auto lanesWhere = [&](size_t i, bool negate) {
    std::string bits = fresh("bits");
    line("uint " + bits + " = 0u;");
    openLanes(exec);
    line(std::string("if ((") + args[i] + ") " + (negate ? "==" : "!=") + " 0) " + bits +
         " |= 1u << cucl_l;");
    closeLanes();
    return bits;
  };

  switch (row.laneOp) {
  case LaneOp::Shuffle: {
    laneValues(first);
    std::string var = args[first];
    std::string b = args[first + 1];
    std::string width = args.size() > first + 2 ? args[first + 2] : "32";
    std::string result = resultArray("shfl");
    std::string zero =
        resultType->isScalarType()
            ? "0"
            : "((" + types_.typeName(resultType, AddressSpace::Private, call->getExprLoc()) +
                  "){0})";
    openLanes(exec);
    if (!check.empty())
      line(check);
    line("uint cucl_from = cucl_shfl_lane(" + op + "u, cucl_l, (uint)(" + b + "), (int)(" + width +
         "));");
    // A source that does not take part (outside the mask, exited, past the
    // block's end) reads 0: CUDA leaves the value undefined, not an error.
    line(result + "[cucl_l] = (((" + exec + ") >> cucl_from) & 1u) != 0u ? " +
         at(first, "cucl_from") + " : " + zero + ";");
    closeLanes();
    replacements_[call] = result + "[cucl_l]";
    return;
  }
  case LaneOp::Ballot:
  case LaneOp::Any:
  case LaneOp::All:
  case LaneOp::Uniform: {
    std::string bits = lanesWhere(first, false);
    std::string result = resultArray("vote");
    std::string within = "(" + bits + " & " + mask + ")";
    std::string value =
        row.laneOp == LaneOp::Ballot ? within
        : row.laneOp == LaneOp::Any  ? "(" + within + " != 0u)"
        : row.laneOp == LaneOp::All
            ? "(" + within + " == (" + mask + " & " + exec + "))"
            : "(" + within + " == 0u || " + within + " == (" + mask + " & " + exec + "))";
    openLanes(exec);
    if (!check.empty())
      line(check);
    line(result + "[cucl_l] = " + value + ";");
    closeLanes();
    replacements_[call] = result + "[cucl_l]";
    return;
  }
  case LaneOp::ActiveMask: {
    std::string active = fresh("active");
    line("uint " + active + " = " + exec + ";");
    replacements_[call] = active;
    return;
  }
  case LaneOp::MatchAny:
  case LaneOp::MatchAll: {
    laneValues(first);
    clang::QualType valueType = call->getArg(first)->getType().getCanonicalType();
    bool wide = context_.getTypeSize(valueType) > 32;
    auto bitsOf = [&](const std::string &lane) {
      std::string value = at(first, lane);
      if (valueType->isRealFloatingType())
        return std::string(wide ? "as_ulong(" : "as_uint(") + value + ")";
      return value;
    };
    std::string result = resultArray("match");
    openLanes(exec);
    if (!check.empty())
      line(check);
    line("uint cucl_same = 0u;");
    line("for (uint cucl_j = 0u; cucl_j < 32u; ++cucl_j)");
    line("  if (((((" + mask + ") & " + exec + ") >> cucl_j) & 1u) != 0u && " + bitsOf("cucl_j") +
         " == " + bitsOf("cucl_l") + ")");
    line("    cucl_same |= 1u << cucl_j;");
    if (row.laneOp == LaneOp::MatchAny) {
      line(result + "[cucl_l] = cucl_same;");
    } else {
      line("int cucl_all = cucl_same == ((" + mask + ") & " + exec + ");");
      line(result + "[cucl_l] = cucl_all ? cucl_same : 0u;");
      line("*" + at(first + 1, "cucl_l") + " = cucl_all;");
    }
    closeLanes();
    replacements_[call] = result + "[cucl_l]";
    return;
  }
  case LaneOp::Reduce: {
    laneValues(first);
    std::string name = callee->getNameAsString();
    std::string kind = name.substr(std::string("__reduce_").size());
    kind = kind.substr(0, kind.find('_'));
    bool isSigned = resultType->isSignedIntegerType();
    std::string initial = kind == "add" || kind == "or" || kind == "xor" ? "0"
                          : kind == "and"                                ? "0xffffffffu"
                          : kind == "min" ? (isSigned ? "INT_MAX" : "0xffffffffu")
                                          : (isSigned ? "INT_MIN" : "0u");
    std::string value = at(first, "cucl_j");
    std::string step = kind == "add"   ? "cucl_acc + " + value
                       : kind == "min" ? "min(cucl_acc, " + value + ")"
                       : kind == "max" ? "max(cucl_acc, " + value + ")"
                       : kind == "and" ? "cucl_acc & " + value
                       : kind == "or"  ? "cucl_acc | " + value
                                       : "cucl_acc ^ " + value;
    std::string type = types_.typeName(resultType, AddressSpace::Private, call->getExprLoc());
    std::string result = resultArray("reduce");
    openLanes(exec);
    if (!check.empty())
      line(check);
    // Sums wrap, as CUDA's do: add in unsigned arithmetic.
    line((kind == "add" ? std::string("uint") : type) + " cucl_acc = " + initial + ";");
    line("for (uint cucl_j = 0u; cucl_j < 32u; ++cucl_j)");
    line("  if (((((" + mask + ") & " + exec + ") >> cucl_j) & 1u) != 0u)");
    line("    cucl_acc = " + (kind == "add" ? "cucl_acc + (uint)" + value : step) + ";");
    line(result + "[cucl_l] = (" + type + ")cucl_acc;");
    closeLanes();
    replacements_[call] = result + "[cucl_l]";
    return;
  }
  case LaneOp::SyncWarp:
    // The statement boundary is the synchronization: every lane finished the
    // statements before it. Only the mask is checked (above, for a shared
    // mask; here lane by lane).
    if (!check.empty()) {
      openLanes(exec);
      line(check);
      closeLanes();
    }
    replacements_[call] = "((void)0)";
    return;
  case LaneOp::Barrier:
    line("cucl_block_barrier(cucl_w, " + exec + ");");
    replacements_[call] = "((void)0)";
    return;
  case LaneOp::TileCheck:
    openLanes(exec);
    line("uint cucl_tile = " + args[0] + ";");
    line("if (cucl_tile == 0u || cucl_tile > 32u || (cucl_tile & (cucl_tile - 1u)) != 0u)");
    line(
        "  cucl_warp_fail(cucl_w, CUCL_ERROR_WARP_RULE, CUCL_CHECK_TILE_SIZE, cucl_l, cucl_tile);");
    closeLanes();
    replacements_[call] = "((void)0)";
    return;
  case LaneOp::GridSync:
    spec_.usesGridSync = true;
    line("cucl_grid_sync(cucl_w, " + exec + ");");
    replacements_[call] = "((void)0)";
    return;
  case LaneOp::BlockCount: {
    std::string name = callee->getNameAsString();
    bool isAnd = name == "__syncthreads_and";
    std::string bits = lanesWhere(0, isAnd);
    std::string total = fresh("total");
    line("int " + total + " = cucl_block_count(cucl_w, " + exec + ", popcount(" + bits + "));");
    replacements_[call] = name == "__syncthreads_count" ? total
                          : isAnd                       ? "(" + total + " == 0)"
                                                        : "(" + total + " != 0)";
    return;
  }
  case LaneOp::None:
  case LaneOp::LaneMask:
  case LaneOp::GridValid:
    break;
  }
  diagnostics_.unsupported(call->getBeginLoc(), "this warp-level call");
}

} // namespace cucl::translate
