#include "analyse/pointer_space_inference.h"

#include "analyse/device_symbols.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>

namespace cucl::translate {
namespace {

bool isReferenceVariable(const clang::VarDecl *variable) {
  return variable->getType()->isReferenceType();
}

// Function pointers are diagnosed by the printer; they have no data space.
bool isPointerVariable(const clang::VarDecl *variable) {
  return variable->getType()->isPointerType() && !variable->getType()->isFunctionPointerType();
}

// The first space wins over Unknown; two known, different spaces conflict.
std::optional<AddressSpace> merge(AddressSpace a, AddressSpace b) {
  if (a == AddressSpace::Unknown)
    return b;
  if (b == AddressSpace::Unknown || a == b)
    return a;
  return std::nullopt;
}

class ConstraintCollector : public clang::RecursiveASTVisitor<ConstraintCollector> {
public:
  using Sink = std::function<void(const clang::VarDecl *, const clang::Expr *, bool)>;
  explicit ConstraintCollector(Sink sink, bool returnsReference)
      : sink_(std::move(sink)), returnsReference_(returnsReference) {}

  // Range-based for loops over arrays are printed desugared: their implicit
  // range and begin/end variables need spaces too.
  bool shouldVisitImplicitCode() const { return true; }

  bool VisitVarDecl(clang::VarDecl *variable) {
    if (llvm::isa<clang::ParmVarDecl>(variable) || !variable->getInit())
      return true;
    if (isPointerVariable(variable))
      sink_(variable, variable->getInit(), false);
    else if (isReferenceVariable(variable) && !bindsTemporary(variable->getInit()))
      sink_(variable, variable->getInit(), true);
    return true;
  }

  bool VisitBinaryOperator(clang::BinaryOperator *op) {
    if (op->getOpcode() != clang::BO_Assign)
      return true;
    auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(op->getLHS()->IgnoreParenImpCasts());
    if (!ref)
      return true;
    auto *variable = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    if (variable && isPointerVariable(variable))
      sink_(variable, op->getRHS(), false);
    return true;
  }

  bool VisitReturnStmt(clang::ReturnStmt *ret) {
    if (ret->getRetValue())
      sink_(nullptr, ret->getRetValue(), returnsReference_);
    return true;
  }

  // Lambdas are diagnosed by the printer; their bodies are not ours.
  bool TraverseLambdaExpr(clang::LambdaExpr *) { return true; }

private:
  Sink sink_;
  bool returnsReference_;
};

} // namespace

const clang::Expr *pointerSlot(const clang::Expr *lvalue) {
  for (;;) {
    lvalue = lvalue->IgnoreParens();
    auto *cast = llvm::dyn_cast<clang::ImplicitCastExpr>(lvalue);
    auto *binary = llvm::dyn_cast<clang::BinaryOperator>(lvalue);
    auto *unary = llvm::dyn_cast<clang::UnaryOperator>(lvalue);
    if (cast && cast->getCastKind() == clang::CK_NoOp)
      lvalue = cast->getSubExpr();
    else if (binary && binary->isAssignmentOp())
      lvalue = binary->getLHS();
    else if (binary && binary->getOpcode() == clang::BO_Comma)
      lvalue = binary->getRHS();
    else if (unary && unary->isIncrementDecrementOp())
      lvalue = unary->getSubExpr();
    else
      return lvalue;
  }
}

bool heldInMemory(const clang::Expr *slot) {
  if (auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(slot)) {
    auto *variable = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    return variable && variable->hasGlobalStorage() && !isReferenceVariable(variable);
  }
  if (auto *unary = llvm::dyn_cast<clang::UnaryOperator>(slot))
    return unary->getOpcode() == clang::UO_Deref;
  return llvm::isa<clang::MemberExpr>(slot) || llvm::isa<clang::ArraySubscriptExpr>(slot) ||
         llvm::isa<clang::CallExpr>(slot);
}

bool isSpaceParameter(const clang::VarDecl *parameter) {
  clang::QualType type = parameter->getType();
  if (type->isPointerType())
    return true;
  return type->isReferenceType();
}

bool isConstReferenceParameter(const clang::VarDecl *parameter) {
  clang::QualType type = parameter->getType();
  if (!type->isReferenceType())
    return false;
  clang::QualType referent = type->getPointeeType();
  return referent.isConstQualified() && !referent->isPointerType() && !referent->isArrayType();
}

PointerSpaceInference::PointerSpaceInference(DeviceDiagnostics &diagnostics,
                                             CallResultSpace callResultSpace)
    : diagnostics_(diagnostics), callResultSpace_(std::move(callResultSpace)) {}

void PointerSpaceInference::seed(const clang::VarDecl *variable, AddressSpace space) {
  spaces_[variable] = space;
}

AddressSpace PointerSpaceInference::variableSpace(const clang::VarDecl *variable) const {
  auto found = spaces_.find(variable);
  if (found == spaces_.end() || found->second == AddressSpace::Unknown)
    return AddressSpace::Private;
  return found->second;
}

void PointerSpaceInference::collectConstraints(const clang::FunctionDecl *function) {
  bool returnsReference = function->getReturnType()->isReferenceType();
  bool returnsSpace = returnsReference || function->getReturnType()->isPointerType();
  ConstraintCollector collector(
      [&](const clang::VarDecl *variable, const clang::Expr *source, bool isLvalue) {
        if (!variable && !returnsSpace)
          return;
        constraints_.push_back({variable, source, isLvalue});
      },
      returnsReference);
  collector.TraverseStmt(function->getBody());
}

bool bindsTemporary(const clang::Expr *init) {
  if (!init)
    return false;
  init = init->IgnoreParens();
  if (auto *cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(init))
    init = cleanups->getSubExpr()->IgnoreParens();
  return llvm::isa<clang::MaterializeTemporaryExpr>(init);
}

bool passesConstReferenceByValue(const clang::Expr *argument) {
  for (;;) {
    argument = argument->IgnoreParens();
    if (auto *cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(argument))
      argument = cleanups->getSubExpr();
    else if (auto *defaultArg = llvm::dyn_cast<clang::CXXDefaultArgExpr>(argument))
      argument = defaultArg->getExpr();
    else if (auto *constant = llvm::dyn_cast<clang::ConstantExpr>(argument))
      argument = constant->getSubExpr();
    else if (auto *cast = llvm::dyn_cast<clang::ImplicitCastExpr>(argument);
             cast && cast->getCastKind() == clang::CK_NoOp)
      argument = cast->getSubExpr();
    else
      break;
  }
  if (!argument->isGLValue() || llvm::isa<clang::MaterializeTemporaryExpr>(argument))
    return true;
  if (llvm::isa<clang::AbstractConditionalOperator>(argument) ||
      llvm::isa<clang::BinaryOperator>(argument))
    return true;
  if (auto *unary = llvm::dyn_cast<clang::UnaryOperator>(argument))
    return unary->getOpcode() != clang::UO_Deref;
  return false;
}

bool PointerSpaceInference::run(const clang::FunctionDecl *function) {
  collectConstraints(function);
  bool ok = true;
  std::vector<bool> reported(constraints_.size(), false);
  // Each round can only move a variable from Unknown to a space, so the
  // number of rounds is bounded by the number of constraints.
  for (size_t round = 0; round <= constraints_.size(); ++round) {
    bool changed = false;
    for (size_t i = 0; i < constraints_.size(); ++i) {
      const Constraint &constraint = constraints_[i];
      std::optional<AddressSpace> space = constraint.sourceIsLvalue
                                              ? storageSpace(constraint.source)
                                              : pointeeSpace(constraint.source);
      if (!space)
        continue; // reported after the fixed point, if still unknown
      AddressSpace &current = constraint.variable ? spaces_[constraint.variable] : returnSpace_;
      std::optional<AddressSpace> merged = merge(current, *space);
      if (!merged) {
        if (!reported[i]) {
          std::string what = constraint.variable
                                 ? "pointer '" + constraint.variable->getNameAsString() + "'"
                                 : std::string("returned pointer");
          diagnostics_.error(constraint.source->getExprLoc(),
                             what + " would need two address spaces (" +
                                 addressSpaceQualifier(current) + " and " +
                                 addressSpaceQualifier(*space) + "); not supported in device code");
          reported[i] = true;
        }
        ok = false;
        continue;
      }
      if (*merged != current) {
        current = *merged;
        changed = true;
      }
    }
    if (!changed)
      break;
  }
  for (const Constraint &constraint : constraints_) {
    std::optional<AddressSpace> space = constraint.sourceIsLvalue ? storageSpace(constraint.source)
                                                                  : pointeeSpace(constraint.source);
    if (!space && constraint.variable) {
      // `c ? shared : global`: both branches known, but different.
      auto *conditional =
          llvm::dyn_cast<clang::ConditionalOperator>(constraint.source->IgnoreParenImpCasts());
      std::optional<AddressSpace> a, b;
      if (conditional) {
        a = constraint.sourceIsLvalue ? storageSpace(conditional->getTrueExpr())
                                      : pointeeSpace(conditional->getTrueExpr());
        b = constraint.sourceIsLvalue ? storageSpace(conditional->getFalseExpr())
                                      : pointeeSpace(conditional->getFalseExpr());
      }
      if (a && b && !merge(*a, *b)) {
        AddressSpace first = std::min(*a, *b), second = std::max(*a, *b);
        diagnostics_.error(constraint.source->getExprLoc(),
                           "pointer '" + constraint.variable->getNameAsString() +
                               "' would need two address spaces (" + addressSpaceQualifier(first) +
                               " and " + addressSpaceQualifier(second) +
                               "); not supported in device code");
        ok = false;
        continue;
      }
    }
    if (!space) {
      diagnostics_.unsupported(
          constraint.source->getExprLoc(),
          "a pointer whose address space cannot be inferred (loaded from memory, "
          "or a pointer to pointer)");
      ok = false;
    }
  }
  return ok;
}

std::optional<AddressSpace>
PointerSpaceInference::spaceOfPointerStoredAt(const clang::Expr *lvalue) const {
  const clang::Expr *slot = pointerSlot(lvalue);
  if (auto *conditional = llvm::dyn_cast<clang::ConditionalOperator>(slot)) {
    std::optional<AddressSpace> a = spaceOfPointerStoredAt(conditional->getTrueExpr());
    std::optional<AddressSpace> b = spaceOfPointerStoredAt(conditional->getFalseExpr());
    return a && b && *a == *b ? a : std::nullopt;
  }
  // A pointer held in memory is a device address: it points to global memory.
  if (heldInMemory(slot))
    return AddressSpace::Global;
  if (auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(slot)) {
    auto *variable = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    if (!variable || isReferenceVariable(variable))
      return std::nullopt;
    auto found = spaces_.find(variable);
    return found == spaces_.end() ? AddressSpace::Unknown : found->second;
  }
  return std::nullopt;
}

std::optional<AddressSpace> PointerSpaceInference::pointeeSpace(const clang::Expr *pointer) const {
  pointer = pointer->IgnoreParens();
  if (auto *cast = llvm::dyn_cast<clang::CastExpr>(pointer)) {
    switch (cast->getCastKind()) {
    case clang::CK_ArrayToPointerDecay:
      return storageSpace(cast->getSubExpr());
    case clang::CK_NullToPointer:
      return AddressSpace::Unknown;
    case clang::CK_IntegralToPointer: // a device address
      return AddressSpace::Global;
    case clang::CK_LValueToRValue:
      return spaceOfPointerStoredAt(cast->getSubExpr());
    default:
      return pointeeSpace(cast->getSubExpr());
    }
  }
  if (auto *unary = llvm::dyn_cast<clang::UnaryOperator>(pointer)) {
    switch (unary->getOpcode()) {
    case clang::UO_AddrOf:
      return storageSpace(unary->getSubExpr());
    case clang::UO_PreInc:
    case clang::UO_PreDec:
    case clang::UO_PostInc:
    case clang::UO_PostDec:
      return spaceOfPointerStoredAt(unary->getSubExpr());
    default:
      return std::nullopt;
    }
  }
  if (auto *binary = llvm::dyn_cast<clang::BinaryOperator>(pointer)) {
    if (binary->isAssignmentOp())
      return spaceOfPointerStoredAt(binary->getLHS());
    if (binary->getOpcode() == clang::BO_Comma)
      return pointeeSpace(binary->getRHS());
    if (binary->getLHS()->getType()->isPointerType())
      return pointeeSpace(binary->getLHS());
    if (binary->getRHS()->getType()->isPointerType())
      return pointeeSpace(binary->getRHS());
    return std::nullopt;
  }
  if (auto *conditional = llvm::dyn_cast<clang::ConditionalOperator>(pointer)) {
    std::optional<AddressSpace> a = pointeeSpace(conditional->getTrueExpr());
    std::optional<AddressSpace> b = pointeeSpace(conditional->getFalseExpr());
    if (!a || !b)
      return std::nullopt;
    return merge(*a, *b);
  }
  if (auto *call = llvm::dyn_cast<clang::CallExpr>(pointer))
    return callResultSpace_(call);
  if (llvm::isa<clang::CXXThisExpr>(pointer))
    return thisSpace_;
  // Null pointers constrain nothing; `new` is diagnosed by the printer.
  if (llvm::isa<clang::CXXNullPtrLiteralExpr>(pointer) || llvm::isa<clang::GNUNullExpr>(pointer) ||
      llvm::isa<clang::IntegerLiteral>(pointer) || llvm::isa<clang::CXXNewExpr>(pointer))
    return AddressSpace::Unknown;
  if (auto *temporary = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(pointer))
    return pointeeSpace(temporary->getSubExpr());
  if (auto *cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(pointer))
    return pointeeSpace(cleanups->getSubExpr());
  if (auto *constant = llvm::dyn_cast<clang::ConstantExpr>(pointer))
    return pointeeSpace(constant->getSubExpr());
  if (auto *defaultArg = llvm::dyn_cast<clang::CXXDefaultArgExpr>(pointer))
    return pointeeSpace(defaultArg->getExpr());
  // A reference-typed expression used where its referent's space is wanted.
  if (pointer->isGLValue())
    return storageSpace(pointer);
  return std::nullopt;
}

std::optional<AddressSpace> PointerSpaceInference::storageSpace(const clang::Expr *lvalue) const {
  lvalue = lvalue->IgnoreParens();
  if (auto *cast = llvm::dyn_cast<clang::CastExpr>(lvalue)) {
    if (cast->getCastKind() == clang::CK_NoOp || cast->getCastKind() == clang::CK_LValueBitCast ||
        cast->getCastKind() == clang::CK_DerivedToBase ||
        cast->getCastKind() == clang::CK_UncheckedDerivedToBase)
      return storageSpace(cast->getSubExpr());
    return std::nullopt;
  }
  if (auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(lvalue)) {
    auto *variable = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    if (!variable)
      return std::nullopt;
    if (variable->hasAttr<clang::CUDASharedAttr>())
      return AddressSpace::Local;
    if (isReferenceVariable(variable)) {
      auto found = spaces_.find(variable);
      return found == spaces_.end() ? AddressSpace::Unknown : found->second;
    }
    if (variable->hasGlobalStorage()) // device symbols live in a __global segment
      return isDeviceSymbolVariable(*variable) || isManagedVariable(*variable)
                 ? std::optional(AddressSpace::Global)
                 : std::nullopt;
    return scratchArrays_.count(variable) ? AddressSpace::Global : AddressSpace::Private;
  }
  if (auto *unary = llvm::dyn_cast<clang::UnaryOperator>(lvalue)) {
    if (unary->getOpcode() == clang::UO_Deref)
      return pointeeSpace(unary->getSubExpr());
    if (unary->getOpcode() == clang::UO_PreInc || unary->getOpcode() == clang::UO_PreDec ||
        unary->getOpcode() == clang::UO_Extension)
      return storageSpace(unary->getSubExpr());
    return std::nullopt;
  }
  if (auto *subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(lvalue))
    return pointeeSpace(subscript->getBase());
  if (auto *member = llvm::dyn_cast<clang::MemberExpr>(lvalue))
    return member->isArrow() ? pointeeSpace(member->getBase()) : storageSpace(member->getBase());
  if (auto *cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(lvalue))
    return storageSpace(cleanups->getSubExpr());
  if (llvm::isa<clang::MaterializeTemporaryExpr>(lvalue) ||
      llvm::isa<clang::CompoundLiteralExpr>(lvalue) || llvm::isa<clang::StringLiteral>(lvalue) ||
      llvm::isa<clang::PredefinedExpr>(lvalue))
    return AddressSpace::Private;
  if (auto *binary = llvm::dyn_cast<clang::BinaryOperator>(lvalue)) {
    if (binary->isAssignmentOp())
      return storageSpace(binary->getLHS());
    if (binary->getOpcode() == clang::BO_Comma)
      return storageSpace(binary->getRHS());
    return std::nullopt;
  }
  if (auto *conditional = llvm::dyn_cast<clang::ConditionalOperator>(lvalue)) {
    std::optional<AddressSpace> a = storageSpace(conditional->getTrueExpr());
    std::optional<AddressSpace> b = storageSpace(conditional->getFalseExpr());
    if (!a || !b)
      return std::nullopt;
    return merge(*a, *b);
  }
  if (auto *call = llvm::dyn_cast<clang::CallExpr>(lvalue))
    return callResultSpace_(call);
  return std::nullopt;
}

} // namespace cucl::translate
