// Lane mode: values the same in every thread of a block (docs/design.md,
// "Warp-level code"). A local variable whose every value comes from uniform
// operands (constants, blockDim, gridDim, blockIdx, a kernel's unchanged
// parameters, other uniform variables) under uniform control is one scalar
// per work-item instead of 32 lanes, and a loop or `if` it controls is plain
// C control flow: the usual `for (int offset = 16; offset > 0; offset /= 2)`
// around a shuffle costs no mask arithmetic and no vote.
#include <map>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>

#include "emit_device/function_emitter.h"
#include "emit_device/lane_analysis.h"

namespace cucl::translate {
namespace {

bool isScalarCandidate(const clang::VarDecl *variable) {
  clang::QualType type = variable->getType();
  return !llvm::isa<clang::ParmVarDecl>(variable) && !type.isVolatileQualified() &&
         (type->isIntegralOrEnumerationType() || type->isRealFloatingType() ||
          type->isPointerType()) &&
         !variable->hasAttr<clang::CUDASharedAttr>() && !variable->isStaticLocal();
}

// The variable a standalone write statement assigns (`v = e`, `v op= e`,
// `++v`, `v--`), with the value it reads (nullptr for ++/--).
const clang::VarDecl *writtenVariable(const clang::Expr *e, const clang::Expr **value) {
  e = e->IgnoreParens();
  if (auto *cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(e))
    e = cleanups->getSubExpr()->IgnoreParens();
  const clang::Expr *target = nullptr;
  *value = nullptr;
  if (auto *binary = llvm::dyn_cast<clang::BinaryOperator>(e); binary && binary->isAssignmentOp()) {
    target = binary->getLHS();
    *value = binary->getRHS();
  } else if (auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e);
             unary && unary->isIncrementDecrementOp()) {
    target = unary->getSubExpr();
  }
  if (!target)
    return nullptr;
  auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(target->IgnoreParens());
  return ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
}

// Every write to a variable (assignment, ++/--, `&v`, a non-const reference
// bound to it) with the expression that writes it.
void collectWrites(const clang::Stmt *stmt,
                   std::multimap<const clang::VarDecl *, const clang::Expr *> &writes) {
  if (!stmt)
    return;
  auto rootOf = [](const clang::Expr *e) -> const clang::VarDecl * {
    auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts());
    return ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  };
  if (auto *binary = llvm::dyn_cast<clang::BinaryOperator>(stmt); binary && binary->isAssignmentOp())
    if (const clang::VarDecl *variable = rootOf(binary->getLHS()))
      writes.insert({variable, binary});
  if (auto *unary = llvm::dyn_cast<clang::UnaryOperator>(stmt)) {
    if (unary->isIncrementDecrementOp() || unary->getOpcode() == clang::UO_AddrOf)
      if (const clang::VarDecl *variable = rootOf(unary->getSubExpr()))
        writes.insert({variable, unary});
  }
  if (auto *call = llvm::dyn_cast<clang::CallExpr>(stmt))
    if (const clang::FunctionDecl *callee = call->getDirectCallee())
      for (unsigned i = 0; i < call->getNumArgs() && i < callee->getNumParams(); ++i) {
        clang::QualType type = callee->getParamDecl(i)->getType();
        if (type->isReferenceType() && !type->getPointeeType().isConstQualified())
          if (const clang::VarDecl *variable = rootOf(call->getArg(i)))
            writes.insert({variable, call});
      }
  for (const clang::Stmt *child : stmt->children())
    collectWrites(child, writes);
}

void collectParents(const clang::Stmt *stmt,
                    std::map<const clang::Stmt *, const clang::Stmt *> &parents) {
  if (!stmt)
    return;
  for (const clang::Stmt *child : stmt->children()) {
    if (!child)
      continue;
    parents[child] = stmt;
    collectParents(child, parents);
  }
}

bool isUniformFunction(const clang::FunctionDecl *function) {
  for (const auto *annotation : function->specific_attrs<clang::AnnotateAttr>())
    if (annotation->getAnnotation() == "cucl_uniform")
      return true;
  return false;
}

} // namespace

bool FunctionEmitter::isUniform(const clang::Expr *e) {
  if (!e)
    return true;
  if (e->isValueDependent())
    return false;
  clang::Expr::EvalResult constant;
  if (e->isPRValue() && e->getType()->isIntegralOrEnumerationType() &&
      e->EvaluateAsInt(constant, context_, clang::Expr::SE_NoSideEffects))
    return true;
  e = e->IgnoreParens();
  if (llvm::isa<clang::IntegerLiteral>(e) || llvm::isa<clang::FloatingLiteral>(e) ||
      llvm::isa<clang::CharacterLiteral>(e) || llvm::isa<clang::CXXBoolLiteralExpr>(e) ||
      llvm::isa<clang::CXXNullPtrLiteralExpr>(e) || llvm::isa<clang::UnaryExprOrTypeTraitExpr>(e))
    return true;
  if (auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e)) {
    if (llvm::isa<clang::EnumConstantDecl>(ref->getDecl()))
      return true;
    auto *variable = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    if (!variable)
      return false;
    if (uniformVariables_.count(variable))
      return true;
    if (llvm::isa<clang::ParmVarDecl>(variable))
      return spec_.isKernel && !variedParameters_.count(variable); // a kernel's unchanged parameter
    if (variable->getName() == "warpSize")
      return true;
    return variable->hasGlobalStorage() && !variable->isLocalVarDeclOrParm() &&
           variable->getType().isConstQualified() && variable->evaluateValue() != nullptr;
  }
  if (auto *cast = llvm::dyn_cast<clang::CastExpr>(e)) {
    if (cast->getCastKind() == clang::CK_UserDefinedConversion ||
        cast->getCastKind() == clang::CK_ConstructorConversion)
      return false;
    return isUniform(cast->getSubExpr());
  }
  if (auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e)) {
    clang::UnaryOperatorKind op = unary->getOpcode();
    return (op == clang::UO_Plus || op == clang::UO_Minus || op == clang::UO_Not ||
            op == clang::UO_LNot) &&
           isUniform(unary->getSubExpr());
  }
  if (auto *binary = llvm::dyn_cast<clang::BinaryOperator>(e))
    return !binary->isAssignmentOp() && binary->getOpcode() != clang::BO_Comma &&
           !binary->isPtrMemOp() && isUniform(binary->getLHS()) && isUniform(binary->getRHS());
  if (auto *conditional = llvm::dyn_cast<clang::ConditionalOperator>(e))
    return isUniform(conditional->getCond()) && isUniform(conditional->getTrueExpr()) &&
           isUniform(conditional->getFalseExpr());
  if (auto *pseudo = llvm::dyn_cast<clang::PseudoObjectExpr>(e)) {
    // blockIdx, blockDim and gridDim are; threadIdx is not.
    auto *property =
        llvm::dyn_cast<clang::MSPropertyRefExpr>(pseudo->getSyntacticForm()->IgnoreParens());
    if (!property)
      return false;
    const clang::Expr *base = property->getBaseExpr()->IgnoreParenImpCasts();
    if (auto *opaque = llvm::dyn_cast<clang::OpaqueValueExpr>(base))
      base = opaque->getSourceExpr()->IgnoreParenImpCasts();
    auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(base);
    if (!ref)
      return false;
    std::string name = ref->getDecl()->getNameAsString();
    return name == "blockIdx" || name == "blockDim" || name == "gridDim";
  }
  if (auto *constantExpr = llvm::dyn_cast<clang::ConstantExpr>(e))
    return isUniform(constantExpr->getSubExpr());
  if (auto *substituted = llvm::dyn_cast<clang::SubstNonTypeTemplateParmExpr>(e))
    return isUniform(substituted->getReplacement());
  if (auto *call = llvm::dyn_cast<clang::CallExpr>(e)) {
    const clang::FunctionDecl *callee = call->getDirectCallee();
    if (!callee)
      return false;
    for (const clang::Expr *arg : call->arguments())
      if (!isUniform(arg))
        return false;
    // A member function counts only when static: its object is not read.
    auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(callee);
    if (isUniformFunction(callee) && (!method || method->isStatic()))
      return true;
    const BuiltinMapping *row = builtinRowFor(callee);
    return row && (row->category == BuiltinCategory::Math ||
                   row->category == BuiltinCategory::FastMath ||
                   row->category == BuiltinCategory::Integer ||
                   row->category == BuiltinCategory::Conversion);
  }
  return false;
}

// What isUniform needs, once per function: the variables whose address is
// kept, the kernel parameters threads change, the uniform variables.
void FunctionEmitter::prepareUniformity(const clang::CompoundStmt *body) {
  if (uniformityReady_)
    return;
  uniformityReady_ = true;
  collectEscapes(body, escapes_);
  for (const clang::ParmVarDecl *parameter : spec_.function->parameters())
    if (!spec_.isKernel || writesParameter(body, parameter))
      variedParameters_.insert(parameter);
  findUniformVariables(body);
}

// True when `site` runs under a condition that may differ between the
// threads of a block (an if, a loop, ?:, && or || whose condition is not
// uniform). A block-wide barrier there is undefined in CUDA and hangs an
// OpenCL device; lane mode turns it into a checked error.
bool FunctionEmitter::divergentAt(const clang::Stmt *site) {
  auto *body = llvm::dyn_cast_or_null<clang::CompoundStmt>(spec_.function->getBody());
  if (!body)
    return false;
  prepareUniformity(body);
  if (parents_.empty())
    collectParents(body, parents_);
  const clang::Stmt *from = site;
  for (auto it = parents_.find(from); it != parents_.end(); it = parents_.find(from)) {
    const clang::Stmt *parent = it->second;
    const clang::Expr *condition = nullptr;
    if (auto *ifStmt = llvm::dyn_cast<clang::IfStmt>(parent))
      condition = ifStmt->getCond() != from ? ifStmt->getCond() : nullptr;
    else if (auto *forStmt = llvm::dyn_cast<clang::ForStmt>(parent))
      condition = forStmt->getInit() != from ? forStmt->getCond() : nullptr;
    else if (auto *whileStmt = llvm::dyn_cast<clang::WhileStmt>(parent))
      condition = whileStmt->getCond();
    else if (auto *doStmt = llvm::dyn_cast<clang::DoStmt>(parent))
      condition = doStmt->getCond();
    else if (auto *switchStmt = llvm::dyn_cast<clang::SwitchStmt>(parent))
      condition = switchStmt->getCond() != from ? switchStmt->getCond() : nullptr;
    else if (auto *conditional = llvm::dyn_cast<clang::ConditionalOperator>(parent))
      condition = conditional->getCond() != from ? conditional->getCond() : nullptr;
    else if (auto *binary = llvm::dyn_cast<clang::BinaryOperator>(parent);
             binary && binary->isLogicalOp() && binary->getRHS() == from)
      condition = binary->getLHS();
    if (condition && !isUniform(condition))
      return true;
    from = parent;
  }
  return false;
}

// The local variables of a Warp-mode body that are uniform: declared at a
// statement level, written only by standalone statements (or a for loop's
// increment) under uniform control, always from uniform values. Found by
// elimination until nothing changes.
void FunctionEmitter::findUniformVariables(const clang::CompoundStmt *body) {
  std::map<const clang::Stmt *, const clang::Stmt *> parents;
  collectParents(body, parents);
  std::multimap<const clang::VarDecl *, const clang::Expr *> writes;
  collectWrites(body, writes);

  // Candidates: scalars declared alone in their statement, at a statement level.
  std::map<const clang::VarDecl *, const clang::DeclStmt *> declaredBy;
  for (const auto &[child, parent] : parents) {
    auto *decls = llvm::dyn_cast<clang::DeclStmt>(child);
    if (!decls || !decls->isSingleDecl())
      continue;
    bool statementLevel = llvm::isa<clang::CompoundStmt>(parent) ||
                          (llvm::isa<clang::ForStmt>(parent) &&
                           llvm::cast<clang::ForStmt>(parent)->getInit() == child);
    auto *variable = llvm::dyn_cast<clang::VarDecl>(decls->getSingleDecl());
    if (statementLevel && variable && isScalarCandidate(variable) && !escapes_.count(variable))
      declaredBy[variable] = decls;
  }
  for (const auto &[variable, decls] : declaredBy)
    uniformVariables_.insert(variable);

  // The control between a write and its variable's declaration is uniform.
  auto uniformControl = [&](const clang::Stmt *write, const clang::DeclStmt *declaration) {
    const clang::Stmt *scope = parents.count(declaration) ? parents[declaration] : nullptr;
    const clang::Stmt *from = write;
    for (auto it = parents.find(from); it != parents.end(); it = parents.find(from)) {
      const clang::Stmt *parent = it->second;
      if (auto *ifStmt = llvm::dyn_cast<clang::IfStmt>(parent)) {
        if (ifStmt->getCond() == from || !isUniform(ifStmt->getCond()))
          return false;
      } else if (auto *forStmt = llvm::dyn_cast<clang::ForStmt>(parent)) {
        if (forStmt->getInit() != from && !isUniform(forStmt->getCond()))
          return false;
      } else if (auto *whileStmt = llvm::dyn_cast<clang::WhileStmt>(parent)) {
        if (!isUniform(whileStmt->getCond()))
          return false;
      } else if (auto *doStmt = llvm::dyn_cast<clang::DoStmt>(parent)) {
        if (!isUniform(doStmt->getCond()))
          return false;
      } else if (!llvm::isa<clang::CompoundStmt>(parent) &&
                 !llvm::isa<clang::AttributedStmt>(parent)) {
        return false; // inside an expression, a switch, a label, ...
      }
      if (parent == scope)
        return true;
      from = parent;
    }
    return false;
  };
  // A write is a standalone statement (or a for increment, or part of a
  // comma there) that assigns the variable a uniform value.
  auto uniformWrite = [&](const clang::VarDecl *variable, const clang::Expr *write) {
    const clang::Expr *value = nullptr;
    if (writtenVariable(write, &value) != variable || !isUniform(value))
      return false;
    const clang::Stmt *at = write;
    auto parent = parents.find(at);
    while (parent != parents.end()) {
      auto *comma = llvm::dyn_cast<clang::BinaryOperator>(parent->second);
      if (!comma || comma->getOpcode() != clang::BO_Comma)
        break;
      at = comma;
      parent = parents.find(at);
    }
    if (parent == parents.end())
      return false;
    auto *forStmt = llvm::dyn_cast<clang::ForStmt>(parent->second);
    // A statement of its own: in a block, a loop's increment, or the whole
    // body of an if or a loop (not their conditions).
    const clang::Stmt *owner = parent->second;
    auto *ifStmt = llvm::dyn_cast<clang::IfStmt>(owner);
    auto *whileStmt = llvm::dyn_cast<clang::WhileStmt>(owner);
    auto *doStmt = llvm::dyn_cast<clang::DoStmt>(owner);
    bool standalone = llvm::isa<clang::CompoundStmt>(owner) ||
                      (forStmt && (forStmt->getInc() == at || forStmt->getBody() == at)) ||
                      (ifStmt && ifStmt->getCond() != at) ||
                      (whileStmt && whileStmt->getBody() == at) ||
                      (doStmt && doStmt->getBody() == at);
    return standalone && uniformControl(write, declaredBy[variable]);
  };

  for (bool changed = true; changed;) {
    changed = false;
    for (auto it = uniformVariables_.begin(); it != uniformVariables_.end();) {
      const clang::VarDecl *variable = *it;
      bool uniform = !variable->getInit() || isUniform(variable->getInit());
      auto range = writes.equal_range(variable);
      for (auto write = range.first; uniform && write != range.second; ++write)
        uniform = uniformWrite(variable, write->second);
      if (uniform) {
        ++it;
      } else {
        it = uniformVariables_.erase(it);
        changed = true;
      }
    }
  }
  for (const auto &[variable, decls] : declaredBy)
    if (uniformVariables_.count(variable))
      uniformStatements_.insert(decls);
  for (const auto &[variable, write] : writes)
    if (uniformVariables_.count(variable))
      uniformStatements_.insert(write);
}

// A statement made only of uniform declarations or writes runs once per
// work-item, outside the lane loops.
bool FunctionEmitter::isUniformStatement(const clang::Stmt *stmt) {
  if (auto *e = llvm::dyn_cast<clang::Expr>(stmt)) {
    e = e->IgnoreParens();
    if (auto *cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(e))
      e = cleanups->getSubExpr()->IgnoreParens();
    if (auto *comma = llvm::dyn_cast<clang::BinaryOperator>(e);
        comma && comma->getOpcode() == clang::BO_Comma)
      return isUniformStatement(comma->getLHS()) && isUniformStatement(comma->getRHS());
    return uniformStatements_.count(e) != 0;
  }
  return uniformStatements_.count(stmt) != 0;
}

bool FunctionEmitter::containsUniformStatement(const clang::Stmt *stmt) {
  if (!stmt || uniformStatements_.empty())
    return false;
  if (isUniformStatement(stmt))
    return true;
  for (const clang::Stmt *child : stmt->children())
    if (containsUniformStatement(child))
      return true;
  return false;
}

} // namespace cucl::translate
