// memcheck for FunctionEmitter (cuclcc -memcheck): every __global and
// __shared__ access goes through a check of the memory it may touch
// (opencl/memcheck_runtime.cl, docs/design.md "Memcheck").
#include <cstdio>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/AST/RecursiveASTVisitor.h>

#include "emit_device/function_emitter.h"

namespace cucl::translate {
namespace {

// The variable an array access indexes, through any subscripts of its
// sub-arrays (`tile[y][x]` -> tile), or nullptr.
const clang::VarDecl *indexedArray(const clang::Expr *base) {
  base = base->IgnoreParenImpCasts();
  while (auto *subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(base)) {
    if (!subscript->getType()->isArrayType())
      return nullptr;
    base = subscript->getBase()->IgnoreParenImpCasts();
  }
  auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(base);
  auto *variable = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  return variable && variable->getType()->isConstantArrayType() ? variable : nullptr;
}

// A kernel's pointer parameters whose every use only reads their value (one
// linear walk; clang's ExprMutationAnalyzer is quadratic on the long
// expressions real kernels have). Anything else (assigned, incremented,
// address taken, bound to a reference) counts as modified.
class ParameterReads : public clang::RecursiveASTVisitor<ParameterReads> {
public:
  bool VisitDeclRefExpr(clang::DeclRefExpr *ref) {
    if (auto *parameter = llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()))
      ++uses[parameter];
    return true;
  }
  bool VisitImplicitCastExpr(clang::ImplicitCastExpr *cast) {
    if (cast->getCastKind() == clang::CK_LValueToRValue)
      if (auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(cast->getSubExpr()->IgnoreParens()))
        if (auto *parameter = llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()))
          ++reads[parameter];
    return true;
  }
  std::map<const clang::ParmVarDecl *, unsigned> uses, reads;
};

// `where` words read best in hex: the store bit, the file, the line.
std::string hexWord(unsigned value) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%08xu", value);
  return text;
}

} // namespace

bool FunctionEmitter::checksMemory(const clang::Expr *access) const {
  return module_.memcheck() && access != addressTaken_ && !access->getType()->isArrayType() &&
         !access->getType()->isIncompleteType();
}

bool FunctionEmitter::isStoreTarget(const clang::Expr *e) {
  const clang::Expr *child = e;
  for (const clang::DynTypedNode &parent : context_.getParents(*child)) {
    if (auto *paren = parent.get<clang::ParenExpr>())
      return isStoreTarget(paren);
    if (auto *binary = parent.get<clang::BinaryOperator>())
      return binary->getOpcode() == clang::BO_Assign && binary->getLHS()->IgnoreParens() == child;
    if (auto *call = parent.get<clang::CXXOperatorCallExpr>()) // a struct's operator=
      return call->getOperator() == clang::OO_Equal && call->getNumArgs() > 0 &&
             call->getArg(0)->IgnoreParens() == child;
  }
  return false;
}

bool FunctionEmitter::isUnmodifiedKernelPointer(const clang::Expr *pointer) {
  auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(pointer->IgnoreParenImpCasts());
  auto *parameter = ref ? llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()) : nullptr;
  if (!spec_.isKernel || !parameter || !parameter->getType()->isPointerType() ||
      laneParameterCopies_.count(parameter))
    return false;
  if (!parameterUsesCounted_) {
    parameterUsesCounted_ = true;
    ParameterReads walk;
    if (clang::Stmt *body = spec_.function->getBody())
      walk.TraverseStmt(body);
    for (const clang::ParmVarDecl *each : spec_.function->parameters())
      if (walk.uses[each] == walk.reads[each])
        unmodifiedParameters_.insert(each);
  }
  return unmodifiedParameters_.count(parameter) != 0;
}

std::string FunctionEmitter::checkedPointer(const std::string &pointer, clang::QualType pointee,
                                            AddressSpace space, const clang::Expr *access,
                                            const clang::Expr *base, bool store) {
  if (space != AddressSpace::Global && space != AddressSpace::Local)
    return pointer;
  if (pointee->isIncompleteType() || pointee->isFunctionType())
    return pointer;
  spec_.usesMemcheck = true;
  bool global = space == AddressSpace::Global;
  std::string bytes = std::to_string(context_.getTypeSizeInChars(pointee).getQuantity());
  unsigned where = module_.memcheckWhere(access->getExprLoc()) | (store ? 0x80000000u : 0u);
  std::string uchar = global ? "__global uchar *" : "__local uchar *";
  std::string constUchar = global ? "__global const uchar *" : "__local const uchar *";
  std::string range; // the allocation the access came from, where known
  if (base && isUnmodifiedKernelPointer(base)) {
    auto *parameter = llvm::cast<clang::ParmVarDecl>(
        llvm::cast<clang::DeclRefExpr>(base->IgnoreParenImpCasts())->getDecl());
    std::string name = parameterName(parameter);
    range = "(" + constUchar + ")" + name + "__base, " + name + "__bytes, " +
            std::to_string(parameter->getFunctionScopeIndex()) + "u";
  } else if (const clang::VarDecl *array = base ? indexedArray(base) : nullptr) {
    // The whole array, printed as the function names it.
    clang::DeclRefExpr *whole =
        clang::DeclRefExpr::Create(context_, clang::NestedNameSpecifierLoc(),
                                   clang::SourceLocation(), const_cast<clang::VarDecl *>(array),
                                   false, access->getExprLoc(), array->getType(), clang::VK_LValue);
    range = "(" + constUchar + ")" + expr(whole) + ", " +
            std::to_string(context_.getTypeSizeInChars(array->getType()).getQuantity()) + "ul, " +
            std::to_string(!global                  ? CUCL_MC_RANGE_NAMED_SHARED
                           : placedInScratch(array) ? CUCL_MC_RANGE_LOCAL_ARRAY
                                                    : CUCL_MC_RANGE_NAMED_GLOBAL) +
            "u";
  }
  std::string helper = std::string("cucl_mc_") + (global ? "g" : "l") +
                       (range.empty() ? "" : "_in") + failureSuffix();
  std::string context = laneMode() || !range.empty() ? "" : "cucl_mc, ";
  if (!laneMode())
    module_.requireHelper("kernel_fail", {});
  module_.requireMemcheck(laneMode());
  std::string typed =
      types_.typeName(context_.getPointerType(pointee), space, access->getExprLoc());
  return "((" + typed + ")" + helper + "((" + uchar + ")(" + pointer + "), " + bytes + "u, " +
         hexWord(where) + ", " + (range.empty() ? context : range + ", ") + failureArguments() +
         "))";
}

std::string FunctionEmitter::checkedSubscript(const clang::ArraySubscriptExpr *subscript,
                                              const std::string &text) {
  if (!checksMemory(subscript))
    return text;
  const clang::Expr *base = subscript->getBase();
  std::optional<AddressSpace> space = inference_.pointeeSpace(base);
  // __constant__ arrays are read through the constant segment (CUCL_CONSTANT),
  // which memcheck leaves alone.
  const clang::VarDecl *array = indexedArray(base);
  if (!space || (array && array->hasAttr<clang::CUDAConstantAttr>()))
    return text;
  return "(*" +
         checkedPointer("&" + text, subscript->getType(), *space, subscript, base,
                        isStoreTarget(subscript)) +
         ")";
}

std::string FunctionEmitter::checkedDereference(const clang::UnaryOperator *deref,
                                                const std::string &pointer) {
  if (!checksMemory(deref))
    return "(*" + pointer + ")";
  std::optional<AddressSpace> space = inference_.pointeeSpace(deref->getSubExpr());
  if (!space)
    return "(*" + pointer + ")";
  return "(*" +
         checkedPointer(pointer, deref->getType(), *space, deref, deref->getSubExpr(),
                        isStoreTarget(deref)) +
         ")";
}

std::string FunctionEmitter::checkedMember(const clang::MemberExpr *member,
                                           const std::string &text) {
  if (!checksMemory(member))
    return text;
  std::optional<AddressSpace> space = inference_.pointeeSpace(member->getBase());
  if (!space)
    return text;
  return "(*" +
         checkedPointer("&" + text, member->getType(), *space, member, member->getBase(),
                        isStoreTarget(member)) +
         ")";
}

std::string FunctionEmitter::checkedArrowBase(const clang::MemberExpr *member,
                                              const std::string &pointer) {
  if (!module_.memcheck() || member == addressTaken_)
    return pointer;
  const clang::Expr *base = member->getBase();
  std::optional<AddressSpace> space = inference_.pointeeSpace(base);
  if (!space || !base->getType()->isPointerType())
    return pointer;
  // A bit-field has no address: the whole object is checked.
  return checkedPointer(pointer, base->getType()->getPointeeType(), *space, member, base,
                        isStoreTarget(member));
}

std::string FunctionEmitter::checkedAtomicPointer(const clang::Expr *pointerArg,
                                                  const std::string &pointer) {
  if (!module_.memcheck() || !pointerArg->getType()->isPointerType())
    return pointer;
  std::optional<AddressSpace> space = inference_.pointeeSpace(pointerArg);
  if (!space)
    return pointer;
  const clang::Expr *base = pointerArg; // atomicAdd(&p[i], v): p's allocation
  if (auto *address = llvm::dyn_cast<clang::UnaryOperator>(pointerArg->IgnoreParenImpCasts());
      address && address->getOpcode() == clang::UO_AddrOf)
    if (auto *subscript =
            llvm::dyn_cast<clang::ArraySubscriptExpr>(address->getSubExpr()->IgnoreParens()))
      base = subscript->getBase();
  return checkedPointer(pointer, pointerArg->getType()->getPointeeType(), *space, pointerArg, base,
                        true);
}

// The kernel's view of its memory: each pointer argument's allocation, the
// symbol segments, __managed__ variables, __shared__ variables and the
// dynamic shared memory.
std::string FunctionEmitter::memcheckPrologue(bool lanes) {
  if (!spec_.usesMemcheck)
    return "";
  std::string text = "  cucl_mc cucl_mc_state;\n"
                     "  cucl_mc_state.globals = 0u;\n"
                     "  cucl_mc_state.locals = 0u;\n";
  size_t globals = 0, locals = 0;
  auto global = [&](const std::string &base, const std::string &bytes, unsigned id) {
    text += "  CUCL_MC_GLOBAL(cucl_mc_state, " + base + ", " + bytes + ", " + std::to_string(id) +
            "u);\n";
    ++globals;
  };
  auto local = [&](const std::string &base, const std::string &bytes, unsigned id) {
    text += "  CUCL_MC_LOCAL(cucl_mc_state, " + base + ", " + bytes + ", " + std::to_string(id) +
            "u);\n";
    ++locals;
  };
  for (const clang::ParmVarDecl *parameter : spec_.function->parameters())
    if (parameter->getType()->isPointerType()) {
      std::string name = parameterName(parameter);
      global(name + "__base", name + "__bytes", parameter->getFunctionScopeIndex());
    }
  if (usesScratch(spec_)) // the work-item's frame: its callees' arrays
    global("cucl_scratch", std::to_string(spec_.scratchBytes) + "ul", CUCL_MC_RANGE_LOCAL_MEMORY);
  if (spec_.usesSymbols) {
    global("cucl_device_symbols", std::to_string(module_.symbolSegmentBytes(CUCL_SYMBOL_DEVICE)),
           CUCL_MC_RANGE_DEVICE_SYMBOLS);
    global("cucl_constant_symbols_g",
           std::to_string(module_.symbolSegmentBytes(CUCL_SYMBOL_CONSTANT)),
           CUCL_MC_RANGE_CONSTANT_SYMBOLS);
  }
  // Pointers loaded from memory may reach any allocation, which the kernel
  // is not told of: its accesses of unknown origin are not checked.
  if (spec_.usesHeap)
    global("0", "~0ul", CUCL_MC_RANGE_NONE);
  for (size_t i = 0; i < spec_.managedVariables.size(); ++i) {
    const clang::VarDecl *variable = spec_.managedVariables[i];
    global(managedName(variable),
           std::to_string(context_.getTypeSizeInChars(variable->getType()).getQuantity()),
           CUCL_MC_RANGE_MANAGED + static_cast<unsigned>(i));
  }
  for (size_t i = 0; i < spec_.sharedVariables.size(); ++i) {
    const clang::VarDecl *shared = spec_.sharedVariables[i];
    local("&" + module_.sharedName(shared),
          std::to_string(context_.getTypeSizeInChars(shared->getType()).getQuantity()),
          CUCL_MC_RANGE_SHARED + static_cast<unsigned>(i));
  }
  if (spec_.usesDynamicShared)
    local("cucl_dynamic_shared", "cucl_dynamic_shared_bytes", CUCL_MC_RANGE_DYNAMIC_SHARED);
  module_.noteMemcheckRanges(globals, locals);
  text += "  const __private cucl_mc *cucl_mc = &cucl_mc_state;\n";
  if (lanes)
    text += "  cucl_w->mc = cucl_mc;\n";
  return text;
}

} // namespace cucl::translate
