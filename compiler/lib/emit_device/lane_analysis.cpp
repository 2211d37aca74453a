// Syntactic facts about variables that lane mode needs.
#include "emit_device/lane_analysis.h"

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>

namespace cucl::translate {

// The variable whose storage an lvalue designates (`a`, `a.b`, `a[i]` of an
// array `a`), or nullptr.
const clang::VarDecl *storageRoot(const clang::Expr *e) {
  while (e) {
    e = e->IgnoreParenImpCasts();
    if (auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
      return llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    if (auto *member = llvm::dyn_cast<clang::MemberExpr>(e)) {
      if (member->isArrow())
        return nullptr;
      e = member->getBase();
    } else if (auto *subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(e)) {
      const clang::Expr *base = subscript->getBase()->IgnoreParens();
      auto *decay = llvm::dyn_cast<clang::ImplicitCastExpr>(base);
      if (!decay || decay->getCastKind() != clang::CK_ArrayToPointerDecay)
        return nullptr;
      e = decay->getSubExpr();
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

// Variables whose address may outlive a statement (taken with `&`, an array
// decaying to a pointer, bound to a reference variable): a lane loop cannot
// hold them in a loop-local scalar.
void collectEscapes(const clang::Stmt *stmt, std::set<const clang::VarDecl *> &escapes) {
  if (!stmt)
    return;
  if (auto *subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(stmt)) {
    const clang::Expr *base = subscript->getBase()->IgnoreParens();
    auto *decay = llvm::dyn_cast<clang::ImplicitCastExpr>(base);
    collectEscapes(decay && decay->getCastKind() == clang::CK_ArrayToPointerDecay
                       ? decay->getSubExpr()
                       : base,
                   escapes);
    collectEscapes(subscript->getIdx(), escapes);
    return;
  }
  if (auto *unary = llvm::dyn_cast<clang::UnaryOperator>(stmt);
      unary && unary->getOpcode() == clang::UO_AddrOf)
    if (const clang::VarDecl *root = storageRoot(unary->getSubExpr()))
      escapes.insert(root);
  if (auto *cast = llvm::dyn_cast<clang::ImplicitCastExpr>(stmt);
      cast && cast->getCastKind() == clang::CK_ArrayToPointerDecay)
    if (const clang::VarDecl *root = storageRoot(cast->getSubExpr()))
      escapes.insert(root);
  if (auto *decls = llvm::dyn_cast<clang::DeclStmt>(stmt))
    for (const clang::Decl *decl : decls->decls())
      if (auto *variable = llvm::dyn_cast<clang::VarDecl>(decl))
        if (variable->getType()->isReferenceType() && variable->getInit())
          if (const clang::VarDecl *root = storageRoot(variable->getInit()))
            escapes.insert(root);
  for (const clang::Stmt *child : stmt->children())
    collectEscapes(child, escapes);
}

bool references(const clang::Stmt *stmt, const clang::VarDecl *variable) {
  if (!stmt)
    return false;
  if (auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(stmt))
    if (ref->getDecl() == variable)
      return true;
  for (const clang::Stmt *child : stmt->children())
    if (references(child, variable))
      return true;
  return false;
}

// Kernel parameters a thread writes (or lets escape) need a copy per lane.
bool writesParameter(const clang::Stmt *stmt, const clang::VarDecl *parameter) {
  if (!stmt)
    return false;
  if (auto *binary = llvm::dyn_cast<clang::BinaryOperator>(stmt);
      binary && binary->isAssignmentOp() && storageRoot(binary->getLHS()) == parameter)
    return true;
  if (auto *unary = llvm::dyn_cast<clang::UnaryOperator>(stmt);
      unary && unary->isIncrementDecrementOp() && storageRoot(unary->getSubExpr()) == parameter)
    return true;
  if (auto *member = llvm::dyn_cast<clang::CXXMemberCallExpr>(stmt)) {
    const clang::CXXMethodDecl *method = member->getMethodDecl();
    if (method && !method->isConst() && member->getImplicitObjectArgument() &&
        storageRoot(member->getImplicitObjectArgument()) == parameter)
      return true;
  }
  if (auto *call = llvm::dyn_cast<clang::CallExpr>(stmt))
    if (const clang::FunctionDecl *callee = call->getDirectCallee())
      for (unsigned i = 0; i < call->getNumArgs() && i < callee->getNumParams(); ++i) {
        clang::QualType type = callee->getParamDecl(i)->getType();
        if (type->isReferenceType() && !type->getPointeeType().isConstQualified() &&
            storageRoot(call->getArg(i)) == parameter)
          return true;
      }
  for (const clang::Stmt *child : stmt->children())
    if (writesParameter(child, parameter))
      return true;
  return false;
}

} // namespace cucl::translate
