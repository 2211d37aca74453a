// Lane mode: functions and kernels in Warp mode (docs/design.md, "Warp-level
// code").
//
// One OpenCL work-item runs the 32 lanes of a CUDA warp. A Warp-mode body
// keeps the C block structure of the source; what each lane holds lives in
// `T name[32]` arrays, and `cucl_mask` is the set of lanes that execute the
// current statement. Statements without warp-level operations run as lane
// loops (`CUCL_LANES(cucl_mask) { ... }`, consecutive ones in one loop). An
// `if` or a loop around a warp-level operation becomes mask arithmetic, so
// lanes that diverge are exact; a warp-level operation reads the other
// lanes' values directly (warp_operations.cpp). A loop that contains a
// block-wide barrier decides its exit by a block-wide vote, so every
// work-item reaches every barrier. Each statement that touches volatile
// shared memory is one lockstep step: all lanes read, then all lanes write.
#include <functional>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>

#include "emit_device/function_emitter.h"
#include "emit_device/lane_analysis.h"
#include "emit_device/opencl_names.h"

namespace cucl::translate {
namespace {

const clang::Expr *withoutWrappers(const clang::Expr *e) {
  for (;;) {
    const clang::Expr *inner = e->IgnoreParenImpCasts();
    if (auto *cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(inner))
      inner = cleanups->getSubExpr();
    if (inner == e)
      return e;
    e = inner;
  }
}

bool isInstanceMethod(const clang::FunctionDecl *function) {
  auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(function);
  return method && !method->isStatic() && !llvm::isa<clang::CXXConstructorDecl>(method);
}

} // namespace

std::string FunctionEmitter::fresh(const std::string &stem) {
  return "cucl_" + stem + std::to_string(counter_++);
}

void FunctionEmitter::openLanes(const std::string &mask) {
  line("CUCL_LANES(" + mask + ") {");
  ++indent_;
  inLanes_ = true;
}

void FunctionEmitter::closeLanes() {
  inLanes_ = false;
  --indent_;
  line("}");
}

std::string FunctionEmitter::returnedLanes() const {
  return spec_.isKernel ? "cucl_w->exited" : "cucl_ret";
}

// The lanes that may still run in the current context: not returned, and not
// out of the innermost structured loop or its current iteration.
std::string FunctionEmitter::aliveMask() const {
  std::string gone = returnedLanes();
  if (!warpLoops_.empty())
    gone += " | " + warpLoops_.back().breaks + " | " + warpLoops_.back().continues;
  return "~(" + gone + ")";
}

std::string FunctionEmitter::declareLaneArray(clang::QualType type, AddressSpace space,
                                              const std::string &stem) {
  std::string name = fresh(stem);
  clang::Qualifiers dropped;
  clang::QualType unqualified =
      context_.getUnqualifiedArrayType(type.getNonReferenceType(), dropped);
  line(types_.declare(unqualified, name + "[32]", space, spec_.function->getLocation()) + ";");
  return name;
}

std::string FunctionEmitter::laneDeclaration(const clang::VarDecl *variable) {
  if (placedInScratch(variable))
    return scratchLaneDeclaration(variable);
  clang::QualType type = variable->getType();
  std::string name = localName(variable) + "[32]";
  if (type->isReferenceType()) {
    if (bindsTemporary(variable->getInit())) {
      valueReferences_.insert(variable);
      return types_.declare(type->getPointeeType().getUnqualifiedType(), name,
                            AddressSpace::Private, variable->getLocation());
    }
    return types_.declare(type, name, inference_.variableSpace(variable), variable->getLocation());
  }
  AddressSpace space =
      type->isPointerType() ? inference_.variableSpace(variable) : AddressSpace::Private;
  // Assigned lane by lane, so never const.
  clang::Qualifiers dropped;
  clang::QualType unqualified = context_.getUnqualifiedArrayType(type, dropped);
  return types_.declare(unqualified, name, space, variable->getLocation());
}

// The statement that gives this lane's element its initial value ("" when
// the variable starts uninitialized, as in C++). Inside a lane loop.
std::string FunctionEmitter::laneInitialization(const clang::VarDecl *variable) {
  const clang::Expr *init = variable->getInit();
  if (!init)
    return "";
  std::string element = localName(variable) + "[cucl_l]";
  clang::QualType type = variable->getType();
  if (type->isReferenceType())
    return element + " = " + (valueReferences_.count(variable) ? exprTop(init) : addressOf(init)) +
           ";";
  if (auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(init->IgnoreImplicit()))
    if (construct->getNumArgs() == 0 && construct->getConstructor()->isTrivial())
      return "";
  if (placedInScratch(variable)) // only all-zero initializers are placed
    return scratchLaneZero(variable);
  if (type->isArrayType()) {
    // C cannot assign arrays: initialize a scalar copy, then copy its bytes.
    std::string initial;
    if (auto *list = llvm::dyn_cast<clang::InitListExpr>(init->IgnoreImplicit()))
      initial = initList(list, true);
    else
      initial = exprTop(init);
    clang::Qualifiers dropped;
    clang::QualType unqualified = context_.getUnqualifiedArrayType(type, dropped);
    return "{ " +
           types_.declare(unqualified, "cucl_initial", AddressSpace::Private,
                          variable->getLocation()) +
           " = " + initial +
           "; for (uint cucl_b = 0u; cucl_b < sizeof(cucl_initial); ++cucl_b) ((uchar *)" +
           element + ")[cucl_b] = ((uchar *)cucl_initial)[cucl_b]; }";
  }
  if (auto *list = llvm::dyn_cast<clang::InitListExpr>(init->IgnoreImplicit()))
    return element + " = " + initList(list, false) + ";";
  return element + " = " + exprTop(init) + ";";
}

std::string FunctionEmitter::emitWarp(EmittedKernel *kernel, const clang::CompoundStmt *body) {
  const clang::FunctionDecl *function = spec_.function;
  if (llvm::isa<clang::CXXConstructorDecl>(function)) {
    diagnostics_.unsupported(function->getLocation(),
                             "a constructor that uses warp-level functions");
    return "";
  }
  // Parameters: one value per lane. A kernel's are the same in every lane,
  // so only those a thread writes get per-lane copies.
  prepareUniformity(body);
  for (const clang::ParmVarDecl *parameter : function->parameters()) {
    if (!spec_.isKernel || variedParameters_.count(parameter)) {
      laneVariables_.insert(parameter);
      if (spec_.isKernel)
        laneParameterCopies_.insert(parameter);
    }
  }

  if (!spec_.isKernel)
    line("uint cucl_ret = 0u;");
  warpStatements(llvm::ArrayRef<const clang::Stmt *>(body->body_begin(), body->body_end()));
  std::string bodyText = std::move(out_);
  out_.clear();
  if (!spec_.isKernel)
    return "CUCL_WARP_FUNCTION " + warpSignature() + " {\n" + bodyText + "}\n\n";

  std::string prologue;
  std::vector<std::string> extra = {"uint cucl_bdx", "uint cucl_bdy", "uint cucl_bdz",
                                    "__global uint *cucl_status", "uint cucl_launch"};
  if (spec_.usesGridSync) { // the grid barrier (include/cucl/module_abi.h)
    extra.push_back("__global uint *cucl_grid");
    extra.push_back("uint cucl_grid_blocks");
  }
  std::string text = kernelSignature(*kernel, prologue, extra) + " {\n" + prologue;
  for (const clang::VarDecl *shared : spec_.sharedVariables)
    text += "  " +
            types_.declare(shared->getType(), module_.sharedName(shared), AddressSpace::Private,
                           shared->getLocation(), "__local") +
            ";\n";
  text += "  __local int cucl_votes[3];\n"
          "  cucl_warp cucl_warp_state;\n"
          "  __private cucl_warp *cucl_w = &cucl_warp_state;\n"
          "  cucl_warp_init(cucl_w, cucl_bdx, cucl_bdy, cucl_bdz, cucl_votes, cucl_status, "
          "cucl_launch, " +
          std::string(spec_.usesGridSync ? "cucl_grid, cucl_grid_blocks" : "0, 0u") +
          ");\n"
          "  uint cucl_mask = cucl_w->live;\n";
  std::string epilogue;
  text += scratchPrologue(*kernel, bodyText, epilogue) + memcheckPrologue(true);
  for (const clang::ParmVarDecl *parameter : function->parameters()) {
    if (!laneParameterCopies_.count(parameter))
      continue;
    std::string name = localName(parameter);
    AddressSpace space =
        parameter->getType()->isPointerType() ? AddressSpace::Global : AddressSpace::Private;
    text += "  " +
            types_.declare(parameter->getType(), name + "[32]", space, parameter->getLocation()) +
            ";\n  CUCL_LANES(cucl_mask) " + name + "[cucl_l] = " + name + "__in;\n";
  }
  if (spec_.usesDynamicShared)
    kernel->flags |= CUCL_KERNEL_DYNAMIC_SHARED;
  return text + bodyText + epilogue + "}\n\n";
}

// void NAME(cucl_w, cucl_mask, [this], parameters..., [cucl_result], shared...):
// every per-lane value is an array of 32, the result written lane by lane.
std::string FunctionEmitter::warpSignature() {
  const clang::FunctionDecl *function = spec_.function;
  std::vector<std::string> parameters = {"__private cucl_warp *cucl_w", "uint cucl_mask"};
  size_t next = 0;
  if (isInstanceMethod(function)) {
    AddressSpace space = next < spec_.spaces.size() ? spec_.spaces[next] : AddressSpace::Private;
    ++next;
    clang::QualType thisType = llvm::cast<clang::CXXMethodDecl>(function)->getThisType();
    if (space == AddressSpace::Unknown) // temporaries, passed by value
      parameters.push_back(types_.declare(thisType->getPointeeType().getUnqualifiedType(),
                                          "cucl_self[32]", AddressSpace::Private,
                                          function->getLocation()));
    else
      parameters.push_back(
          types_.declare(thisType, "cucl_this[32]", space, function->getLocation()));
  }
  for (const clang::ParmVarDecl *parameter : function->parameters()) {
    std::string name = localName(parameter) + "[32]";
    clang::QualType type = parameter->getType();
    AddressSpace space = AddressSpace::Private;
    if (isSpaceParameter(parameter)) {
      space = next < spec_.spaces.size() ? spec_.spaces[next] : AddressSpace::Private;
      ++next;
      if (space == AddressSpace::Unknown && isConstReferenceParameter(parameter)) {
        valueReferences_.insert(parameter);
        type = type->getPointeeType();
        space = AddressSpace::Private;
      }
    }
    clang::Qualifiers dropped;
    clang::QualType unqualified = context_.getUnqualifiedArrayType(type, dropped);
    parameters.push_back(types_.declare(unqualified, name, space, parameter->getLocation()));
  }
  clang::QualType result = function->getReturnType();
  if (!result->isVoidType())
    parameters.push_back(types_.declare(result.getUnqualifiedType(), "cucl_result[32]",
                                        result->isReferenceType() || result->isPointerType()
                                            ? spec_.returnSpace
                                            : AddressSpace::Private,
                                        function->getLocation()));
  for (const clang::VarDecl *shared : spec_.sharedVariables)
    parameters.push_back(types_.declare(context_.getPointerType(shared->getType()),
                                        module_.sharedName(shared), AddressSpace::Local,
                                        shared->getLocation()));
  if (spec_.usesDynamicShared)
    parameters.push_back("__local uchar *cucl_dynamic_shared");
  for (const std::string &resource : resourceParameters(spec_, true))
    parameters.push_back(resource);
  std::string text = "void " + spec_.name + "(";
  for (size_t i = 0; i < parameters.size(); ++i)
    text += (i ? ", " : "") + parameters[i];
  return text + ")";
}

void FunctionEmitter::warpStatements(llvm::ArrayRef<const clang::Stmt *> statements) {
  // Uniform declarations and writes run once per work-item; statements with
  // warp-level operations (or uniform control inside) are structured; the
  // rest run in lane loops.
  auto plain = [&](const clang::Stmt *stmt) {
    return syncKind(stmt) == 0 && !containsUniformStatement(stmt);
  };
  for (size_t i = 0; i < statements.size();) {
    if (isUniformStatement(statements[i])) {
      uniformStatement(statements[i]);
      ++i;
      continue;
    }
    if (!plain(statements[i])) {
      warpStatement(statements[i]);
      ++i;
      continue;
    }
    size_t end = i;
    while (end < statements.size() && plain(statements[end]) &&
           !isUniformStatement(statements[end]))
      ++end;
    laneRun(statements.slice(i, end - i), statements.drop_front(end));
    i = end;
  }
}

// Statements without warp-level operations: one lane loop. Their variables
// stay loop-local scalars unless later statements (or pointers) need them.
void FunctionEmitter::laneRun(llvm::ArrayRef<const clang::Stmt *> run,
                              llvm::ArrayRef<const clang::Stmt *> later) {
  for (const clang::Stmt *stmt : run) {
    auto *decls = llvm::dyn_cast<clang::DeclStmt>(stmt);
    if (!decls)
      continue;
    for (const clang::Decl *decl : decls->decls()) {
      auto *variable = llvm::dyn_cast<clang::VarDecl>(decl);
      if (!variable || variable->hasAttr<clang::CUDASharedAttr>() || variable->isStaticLocal())
        continue;
      bool needed = escapes_.count(variable) != 0;
      for (const clang::Stmt *next : later)
        needed = needed || references(next, variable);
      if (needed) {
        laneVariables_.insert(variable);
        line(laneDeclaration(variable) + ";");
      }
    }
  }
  std::string savedEnd = laneEnd_;
  laneEnd_ = fresh("next");
  laneEndUsed_ = false;
  laneExits_.clear();
  openLanes("cucl_mask");
  for (const clang::Stmt *stmt : run)
    statement(stmt);
  if (laneEndUsed_)
    line(laneEnd_ + ": ;");
  closeLanes();
  if (!laneExits_.empty()) {
    std::string gone;
    for (const std::string &exit : laneExits_)
      gone += (gone.empty() ? "" : " | ") + exit;
    line("cucl_mask &= ~(" + gone + ");");
  }
  laneEnd_ = savedEnd;
}

// `return`, and `break`/`continue` out of a structured loop, inside a lane
// loop: the lane leaves, and the rest of the run skips it. False when the
// jump stays inside the lane loop's own statements.
bool FunctionEmitter::laneJump(const clang::Stmt *jump) {
  std::string mask;
  if (auto *ret = llvm::dyn_cast<clang::ReturnStmt>(jump)) {
    laneReturn(ret);
    return true;
  }
  bool inLoop = std::find(laneNesting_.begin(), laneNesting_.end(), 'l') != laneNesting_.end();
  if (llvm::isa<clang::BreakStmt>(jump) && laneNesting_.empty() && !warpLoops_.empty())
    mask = warpLoops_.back().breaks;
  else if (llvm::isa<clang::ContinueStmt>(jump) && !inLoop && !warpLoops_.empty())
    mask = warpLoops_.back().continues;
  else
    return false;
  line("{ " + mask + " |= 1u << cucl_l; goto " + laneEnd_ + "; }");
  laneEndUsed_ = true;
  laneExits_.insert(mask);
  return true;
}

void FunctionEmitter::laneReturn(const clang::ReturnStmt *ret) {
  const clang::Expr *value = ret->getRetValue();
  std::string text = "{ ";
  if (value && !spec_.isKernel) {
    if (spec_.function->getReturnType()->isReferenceType())
      text += "cucl_result[cucl_l] = &" + expr(value) + "; ";
    else if (spec_.function->getReturnType()->isVoidType())
      text += exprTop(value) + "; ";
    else
      text += "cucl_result[cucl_l] = " + exprTop(value) + "; ";
  }
  text += returnedLanes() + " |= 1u << cucl_l; goto " + laneEnd_ + "; }";
  line(text);
  laneEndUsed_ = true;
  laneExits_.insert(returnedLanes());
}

void FunctionEmitter::uniformStatement(const clang::Stmt *stmt) {
  if (auto *decls = llvm::dyn_cast<clang::DeclStmt>(stmt)) {
    for (const clang::Decl *decl : decls->decls())
      if (auto *variable = llvm::dyn_cast<clang::VarDecl>(decl))
        line(variableDeclaration(variable) + ";");
    return;
  }
  line(exprStatement(llvm::cast<clang::Expr>(stmt)) + ";");
}

void FunctionEmitter::warpStatement(const clang::Stmt *stmt) {
  if (isUniformStatement(stmt))
    return uniformStatement(stmt);
  if (auto *compound = llvm::dyn_cast<clang::CompoundStmt>(stmt)) {
    line("{");
    ++indent_;
    warpStatements(
        llvm::ArrayRef<const clang::Stmt *>(compound->body_begin(), compound->body_end()));
    --indent_;
    line("}");
    return;
  }
  if (auto *decls = llvm::dyn_cast<clang::DeclStmt>(stmt))
    return warpDeclarations(decls);
  if (auto *e = llvm::dyn_cast<clang::Expr>(stmt))
    return warpExpression(e);
  if (auto *ifStmt = llvm::dyn_cast<clang::IfStmt>(stmt))
    return warpIf(ifStmt);
  if (llvm::isa<clang::ForStmt>(stmt) || llvm::isa<clang::WhileStmt>(stmt) ||
      llvm::isa<clang::DoStmt>(stmt))
    return warpLoop(stmt);
  if (auto *ret = llvm::dyn_cast<clang::ReturnStmt>(stmt))
    return warpReturn(ret);
  if (llvm::isa<clang::BreakStmt>(stmt) || llvm::isa<clang::ContinueStmt>(stmt)) {
    if (warpLoops_.empty()) {
      diagnostics_.unsupported(stmt->getBeginLoc(),
                               "a break out of a switch that contains warp-level operations");
      return;
    }
    const WarpLoop &loop = warpLoops_.back();
    line((llvm::isa<clang::BreakStmt>(stmt) ? loop.breaks : loop.continues) + " |= cucl_mask;");
    line("cucl_mask = 0u;");
    return;
  }
  if (auto *attributed = llvm::dyn_cast<clang::AttributedStmt>(stmt))
    return warpStatement(attributed->getSubStmt());
  if (llvm::isa<clang::NullStmt>(stmt))
    return;
  if (llvm::isa<clang::SwitchStmt>(stmt)) {
    diagnostics_.unsupported(stmt->getBeginLoc(),
                             "a switch around warp-level operations (use if/else)");
    return;
  }
  if (llvm::isa<clang::LabelStmt>(stmt) || llvm::isa<clang::GotoStmt>(stmt)) {
    diagnostics_.unsupported(stmt->getBeginLoc(), "goto in a function with warp-level operations");
    return;
  }
  if (llvm::isa<clang::CXXForRangeStmt>(stmt)) {
    diagnostics_.unsupported(stmt->getBeginLoc(),
                             "a range-based for loop around warp-level operations");
    return;
  }
  diagnostics_.unsupported(stmt->getBeginLoc(), std::string("statement '") +
                                                    stmt->getStmtClassName() +
                                                    "' around warp-level operations");
}

void FunctionEmitter::warpDeclarations(const clang::DeclStmt *decls) {
  std::vector<const clang::VarDecl *> variables;
  for (const clang::Decl *decl : decls->decls()) {
    auto *variable = llvm::dyn_cast<clang::VarDecl>(decl);
    if (!variable || variable->hasAttr<clang::CUDASharedAttr>())
      continue;
    if (variable->isStaticLocal()) {
      diagnostics_.unsupported(variable->getLocation(), "a static local variable");
      continue;
    }
    laneVariables_.insert(variable);
    line(laneDeclaration(variable) + ";");
    variables.push_back(variable);
  }
  line("{");
  ++indent_;
  for (const clang::VarDecl *variable : variables)
    if (variable->getInit())
      hoistWarpCalls(variable->getInit(), "cucl_mask");
  openLanes("cucl_mask");
  for (const clang::VarDecl *variable : variables) {
    std::string init = laneInitialization(variable);
    if (!init.empty())
      line(init);
  }
  closeLanes();
  --indent_;
  line("}");
}

void FunctionEmitter::warpExpression(const clang::Expr *e) {
  unsigned kind = syncKind(e);
  line("{");
  ++indent_;
  if (kind & kVolatileShared) {
    volatileStep(e);
  } else {
    hoistWarpCalls(e, "cucl_mask");
    // A statement that was one warp-level call has nothing left to run.
    if (!replacements_.count(withoutWrappers(e))) {
      openLanes("cucl_mask");
      std::string text = exprStatement(e);
      line(text + ";");
      closeLanes();
    }
  }
  --indent_;
  line("}");
}

// One lockstep step of warp-synchronous code: every lane computes the address
// and the value first, then every lane stores, as 32 threads in lockstep do.
void FunctionEmitter::volatileStep(const clang::Expr *e) {
  const clang::Expr *statement = withoutWrappers(e);
  const clang::Expr *target = nullptr;
  std::string value;
  hoistWarpCalls(e, "cucl_mask");
  std::string at;
  if (auto *binary = llvm::dyn_cast<clang::BinaryOperator>(statement);
      binary && binary->isAssignmentOp() && isVolatileSharedAccess(binary->getLHS())) {
    target = binary->getLHS();
  } else if (auto *unary = llvm::dyn_cast<clang::UnaryOperator>(statement);
             unary && unary->isIncrementDecrementOp() &&
             isVolatileSharedAccess(unary->getSubExpr())) {
    target = unary->getSubExpr();
  }
  // Volatile shared writes anywhere but as the statement's own target.
  bool writes = false;
  std::function<void(const clang::Stmt *)> find = [&](const clang::Stmt *s) {
    if (!s)
      return;
    if (auto *b = llvm::dyn_cast<clang::BinaryOperator>(s);
        b && b->isAssignmentOp() && isVolatileSharedAccess(b->getLHS()))
      writes = true;
    if (auto *u = llvm::dyn_cast<clang::UnaryOperator>(s);
        u && u->isIncrementDecrementOp() && isVolatileSharedAccess(u->getSubExpr()))
      writes = true;
    for (const clang::Stmt *child : s->children())
      find(child);
  };
  if (target) {
    for (const clang::Stmt *child : statement->children())
      find(child);
  } else {
    find(statement);
  }
  if (writes) {
    diagnostics_.unsupported(e->getBeginLoc(),
                             "a warp-synchronous statement that writes volatile shared memory "
                             "other than as `x = ...`, `x op= ...` or `x++`");
    return;
  }
  if (!target) {
    // Reads only: its own lane loop; all lanes finish it before the next
    // statement starts.
    openLanes("cucl_mask");
    line(exprStatement(e) + ";");
    closeLanes();
    return;
  }
  clang::QualType type = target->getType();
  std::string address = declareLaneArray(context_.getPointerType(type), AddressSpace::Local, "at");
  std::string result = declareLaneArray(type.getUnqualifiedType(), AddressSpace::Private, "value");
  std::string slot = "(*" + address + "[cucl_l])";
  openLanes("cucl_mask");
  line(address + "[cucl_l] = &" + expr(target) + ";");
  if (auto *binary = llvm::dyn_cast<clang::BinaryOperator>(statement)) {
    if (binary->getOpcode() == clang::BO_Assign) {
      value = exprTop(binary->getRHS());
    } else {
      clang::BinaryOperatorKind op =
          clang::BinaryOperator::getOpForCompoundAssignment(binary->getOpcode());
      value = slot + " " + clang::BinaryOperator::getOpcodeStr(op).str() + " (" +
              exprTop(binary->getRHS()) + ")";
    }
  } else {
    auto *unary = llvm::cast<clang::UnaryOperator>(statement);
    value = slot + (unary->isIncrementOp() ? " + 1" : " - 1");
  }
  line(result + "[cucl_l] = " + value + ";");
  closeLanes();
  openLanes("cucl_mask");
  line(slot + " = " + result + "[cucl_l];");
  closeLanes();
}

// The lanes of `mask` for which `condition` holds, as a bit set.
std::string FunctionEmitter::laneGuard(const clang::Expr *condition, const std::string &mask) {
  hoistWarpCalls(condition, mask);
  std::string taken = fresh("taken");
  line("uint " + taken + " = 0u;");
  openLanes(mask);
  line("if (" + exprTop(condition) + ") " + taken + " |= 1u << cucl_l;");
  closeLanes();
  return taken;
}

void FunctionEmitter::warpIf(const clang::IfStmt *ifStmt) {
  if (ifStmt->getInit() || ifStmt->getConditionVariable()) {
    diagnostics_.unsupported(ifStmt->getBeginLoc(), "a declaration in an if condition");
    return;
  }
  if (ifStmt->isConstexpr()) {
    bool value = false;
    if (ifStmt->getCond()->EvaluateAsBooleanCondition(value, context_)) {
      if (const clang::Stmt *taken = value ? ifStmt->getThen() : ifStmt->getElse())
        warpStatements(llvm::ArrayRef<const clang::Stmt *>(taken));
      return;
    }
  }
  if (isUniform(ifStmt->getCond())) { // the same branch in every thread: plain C
    line("{");
    ++indent_;
    std::string entry = fresh("entry");
    line("uint " + entry + " = cucl_mask;");
    line("if (" + exprTop(ifStmt->getCond()) + ") {");
    ++indent_;
    warpStatements(llvm::ArrayRef<const clang::Stmt *>(ifStmt->getThen()));
    --indent_;
    if (ifStmt->getElse()) {
      line("} else {");
      ++indent_;
      warpStatements(llvm::ArrayRef<const clang::Stmt *>(ifStmt->getElse()));
      --indent_;
    }
    line("}");
    line("cucl_mask = " + entry + " & " + aliveMask() + ";");
    --indent_;
    line("}");
    return;
  }
  // A branch with a block-wide barrier runs even with no lane: every
  // work-item must reach the barrier.
  bool block = (syncKind(ifStmt) & kBlockSync) != 0;
  line("{");
  ++indent_;
  std::string entry = fresh("entry");
  line("uint " + entry + " = cucl_mask;");
  std::string taken = laneGuard(ifStmt->getCond(), entry);
  auto branch = [&](const clang::Stmt *stmt, const std::string &mask) {
    line("cucl_mask = " + mask + ";");
    if (!block)
      line("if (cucl_mask != 0u)");
    bool compound = llvm::isa<clang::CompoundStmt>(stmt);
    if (!compound)
      line("{");
    if (!compound)
      ++indent_;
    warpStatements(llvm::ArrayRef<const clang::Stmt *>(stmt));
    if (!compound)
      --indent_;
    if (!compound)
      line("}");
  };
  branch(ifStmt->getThen(), entry + " & " + taken);
  if (ifStmt->getElse())
    branch(ifStmt->getElse(), entry + " & ~" + taken + " & " + aliveMask());
  line("cucl_mask = " + entry + " & " + aliveMask() + ";");
  --indent_;
  line("}");
}

void FunctionEmitter::warpLoop(const clang::Stmt *loop) {
  const clang::Stmt *init = nullptr;
  const clang::Expr *condition = nullptr;
  const clang::Expr *increment = nullptr;
  const clang::Stmt *body = nullptr;
  bool conditionFirst = true;
  if (auto *forStmt = llvm::dyn_cast<clang::ForStmt>(loop)) {
    if (forStmt->getConditionVariable())
      diagnostics_.unsupported(loop->getBeginLoc(), "a declaration in a for condition");
    init = forStmt->getInit();
    condition = forStmt->getCond();
    increment = forStmt->getInc();
    body = forStmt->getBody();
  } else if (auto *whileStmt = llvm::dyn_cast<clang::WhileStmt>(loop)) {
    if (whileStmt->getConditionVariable())
      diagnostics_.unsupported(loop->getBeginLoc(), "a declaration in a while condition");
    condition = whileStmt->getCond();
    body = whileStmt->getBody();
  } else {
    auto *doStmt = llvm::cast<clang::DoStmt>(loop);
    condition = doStmt->getCond();
    body = doStmt->getBody();
    conditionFirst = false;
  }
  bool block = (syncKind(loop) & kBlockSync) != 0;
  // Uniform control (`for (int offset = 16; offset > 0; offset /= 2)`): the
  // loop itself is plain C; only its body is per lane.
  bool uniform = isUniform(condition) && (!init || isUniformStatement(init)) &&
                 (!increment || isUniformStatement(increment));
  if (uniform) {
    line("{");
    ++indent_;
    if (init)
      uniformStatement(init);
    std::string entry = fresh("entry"), left = fresh("left"), skipped = fresh("skipped");
    line("uint " + entry + " = cucl_mask, " + left + " = 0u;");
    std::string header = condition ? exprTop(condition) : "";
    if (conditionFirst) {
      line("for (; " + header + "; " + (increment ? exprStatement(increment) : "") + ") {");
    } else {
      line("do {");
    }
    ++indent_;
    line("cucl_mask = " + entry + " & ~(" + left + " | " + returnedLanes() + ");");
    if (!block) { // every lane left: done (a barrier inside keeps all going)
      line("if (cucl_mask == 0u)");
      line("  break;");
    }
    line("uint " + skipped + " = 0u;");
    warpLoops_.push_back({left, skipped});
    warpStatements(llvm::ArrayRef<const clang::Stmt *>(body));
    warpLoops_.pop_back();
    --indent_;
    line(conditionFirst ? "}" : "} while (" + header + ");");
    line("cucl_mask = " + entry + " & " + aliveMask() + ";");
    --indent_;
    line("}");
    return;
  }
  line("{");
  ++indent_;
  if (auto *decls = llvm::dyn_cast_or_null<clang::DeclStmt>(init))
    warpDeclarations(decls);
  else if (init)
    warpStatement(init);
  std::string entry = fresh("entry"), left = fresh("left"), skipped = fresh("skipped");
  line("uint " + entry + " = cucl_mask, " + left + " = 0u;");
  std::string inLoop = entry + " & ~(" + left + " | " + returnedLanes() + ")";
  line("for (;;) {");
  ++indent_;
  line("cucl_mask = " + inLoop + ";");
  auto test = [&]() {
    std::string taken = laneGuard(condition, "cucl_mask");
    line(left + " |= cucl_mask & ~" + taken + ";");
    line("cucl_mask &= " + taken + ";");
  };
  if (condition && conditionFirst)
    test();
  // The exit: every work-item decides it together when the body has a
  // block-wide barrier; otherwise this warp alone.
  line(block ? "if (!cucl_block_any(cucl_w, cucl_mask))" : "if (cucl_mask == 0u)");
  line("  break;");
  line("uint " + skipped + " = 0u;");
  warpLoops_.push_back({left, skipped});
  if (llvm::isa<clang::CompoundStmt>(body)) {
    warpStatement(body);
  } else {
    line("{");
    ++indent_;
    warpStatements(llvm::ArrayRef<const clang::Stmt *>(body));
    --indent_;
    line("}");
  }
  warpLoops_.pop_back();
  line("cucl_mask = " + inLoop + ";");
  if (increment)
    warpExpression(increment);
  if (condition && !conditionFirst)
    test();
  --indent_;
  line("}");
  line("cucl_mask = " + entry + " & " + aliveMask() + ";");
  --indent_;
  line("}");
}

void FunctionEmitter::warpReturn(const clang::ReturnStmt *ret) {
  const clang::Expr *value = ret->getRetValue();
  line("{");
  ++indent_;
  if (value) {
    hoistWarpCalls(value, "cucl_mask");
    bool unused = spec_.isKernel || spec_.function->getReturnType()->isVoidType();
    if (!unused || !replacements_.count(withoutWrappers(value))) {
      openLanes("cucl_mask");
      if (unused)
        line(exprTop(value) + ";");
      else if (spec_.function->getReturnType()->isReferenceType())
        line("cucl_result[cucl_l] = &" + expr(value) + ";");
      else
        line("cucl_result[cucl_l] = " + exprTop(value) + ";");
      closeLanes();
    }
  }
  line(returnedLanes() + " |= cucl_mask;");
  line("cucl_mask = 0u;");
  --indent_;
  line("}");
}

} // namespace cucl::translate
