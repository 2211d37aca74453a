#include "emit_device/const_reference_aliasing.h"

#include "analyse/pointer_space_inference.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>

#include <algorithm>

namespace cucl::translate {

namespace {

// Where an lvalue or pointer argument points: a root variable and the member
// and index steps from it (x.f[i] -> x, .f, [i]). Pointer arithmetic ends the
// path early, so `p + 1` counts as all of `p`.
struct StoragePath {
  const clang::ValueDecl *root = nullptr;
  std::vector<const clang::Expr *> steps; // MemberExpr, or the index expression
};

StoragePath storagePath(const clang::Expr *e) {
  StoragePath path;
  std::vector<const clang::Expr *> reversed;
  while (e) {
    e = e->IgnoreParenImpCasts();
    if (auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e)) {
      path.root = ref->getDecl();
      break;
    }
    if (auto *member = llvm::dyn_cast<clang::MemberExpr>(e)) {
      reversed.push_back(member);
      e = member->getBase();
    } else if (auto *subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(e)) {
      reversed.push_back(subscript->getIdx());
      e = subscript->getBase();
    } else if (auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e)) {
      if (unary->getOpcode() == clang::UO_Deref)
        reversed.push_back(nullptr); // *p is p[0]
      else if (unary->getOpcode() != clang::UO_AddrOf)
        return {};
      e = unary->getSubExpr();
    } else if (auto *binary = llvm::dyn_cast<clang::BinaryOperator>(e)) {
      if (!binary->isAdditiveOp() || !binary->getType()->isPointerType())
        return {};
      reversed.clear(); // p + n: anywhere in p
      e = binary->getLHS()->getType()->isPointerType() ? binary->getLHS() : binary->getRHS();
    } else if (auto *temporary = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(e)) {
      e = temporary->getSubExpr();
    } else {
      return {};
    }
  }
  path.steps.assign(reversed.rbegin(), reversed.rend());
  return path;
}

bool sameStep(const clang::Expr *a, const clang::Expr *b) {
  if (!a || !b)
    return a == b;
  auto *memberA = llvm::dyn_cast<clang::MemberExpr>(a);
  auto *memberB = llvm::dyn_cast<clang::MemberExpr>(b);
  if (memberA || memberB)
    return memberA && memberB && memberA->getMemberDecl() == memberB->getMemberDecl();
  if (auto *literalA = llvm::dyn_cast<clang::IntegerLiteral>(a->IgnoreParenImpCasts()))
    if (auto *literalB = llvm::dyn_cast<clang::IntegerLiteral>(b->IgnoreParenImpCasts()))
      return llvm::APInt::isSameValue(literalA->getValue(), literalB->getValue());
  return clang::Expr::isSameComparisonOperand(a, b);
}

// Whether the two may designate overlapping storage: the same root and one
// path a prefix of the other. Different index expressions count as distinct
// elements (a[i] and a[i + 1]), the common non-aliasing case.
bool mayOverlap(const StoragePath &a, const StoragePath &b) {
  if (!a.root || a.root != b.root)
    return false;
  size_t common = std::min(a.steps.size(), b.steps.size());
  for (size_t i = 0; i < common; ++i)
    if (!sameStep(a.steps[i], b.steps[i]))
      return false;
  return true;
}

bool mayModifyThrough(const clang::ParmVarDecl *parameter) {
  clang::QualType type = parameter->getType();
  if (!type->isReferenceType() && !type->isPointerType())
    return false;
  if (isByValueReferenceParameter(parameter))
    return false;
  return !type->getPointeeType().isConstQualified();
}

} // namespace

const clang::Expr *aliasedConstReferenceArgument(const clang::FunctionDecl *callee, const clang::Expr *object,
                                                 const std::vector<const clang::Expr *> &args) {
  std::vector<StoragePath> modifiable;
  auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(callee);
  if (object && method && !method->isStatic() && !method->isConst())
    modifiable.push_back(storagePath(object));
  for (unsigned i = 0; i < args.size() && i < callee->getNumParams(); ++i)
    if (mayModifyThrough(callee->getParamDecl(i)))
      modifiable.push_back(storagePath(args[i]));
  for (unsigned i = 0; i < args.size() && i < callee->getNumParams(); ++i) {
    if (!isByValueReferenceParameter(callee->getParamDecl(i)) || !args[i]->IgnoreParenImpCasts()->isLValue())
      continue;
    StoragePath read = storagePath(args[i]);
    for (const StoragePath &written : modifiable)
      if (mayOverlap(read, written))
        return args[i];
  }
  return nullptr;
}

} // namespace cucl::translate
