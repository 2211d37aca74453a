// Pointers in memory for FunctionEmitter: a pointer held anywhere but in a
// local variable (a struct field, an array element, the target of a T**, a
// __device__ or __shared__ variable) is its 64-bit device address; loading
// one gives a __global pointer through the launch's heap, storing one gives
// the address back (opencl/pointer_runtime.cl, docs/design.md "Pointers in
// device memory").
#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/AST/StmtCXX.h>

#include "emit_device/function_emitter.h"
#include "pointer_runtime.cl.h"

namespace cucl::translate {

bool FunctionEmitter::isStoredPointer(const clang::Expr *lvalue) {
  if (!lvalue->isGLValue())
    return false;
  clang::QualType type = lvalue->getType().getCanonicalType();
  if (!type->isPointerType() || type->getPointeeType()->isFunctionType())
    return false;
  const clang::Expr *slot = pointerSlot(lvalue);
  if (auto *conditional = llvm::dyn_cast<clang::ConditionalOperator>(slot))
    return isStoredPointer(conditional->getTrueExpr());
  return heldInMemory(slot);
}

void FunctionEmitter::useHeap() {
  spec_.usesHeap = true;
  module_.requireDefinition("cucl_far_to_near", opencl::pointer_runtime);
}

std::string FunctionEmitter::nearPointer(const std::string &address, clang::QualType type,
                                         clang::SourceLocation where) {
  useHeap();
  return "((" + types_.typeName(type, AddressSpace::Global, where) +
         ")cucl_far_to_near(cucl_heap, cucl_heap_origin, " + address + "))";
}

std::string FunctionEmitter::loadStoredPointer(const clang::Expr *lvalue) {
  // `(a = b)` and `++a` are lvalues: their text is the stored address.
  return nearPointer(expr(lvalue), lvalue->getType(), lvalue->getExprLoc());
}

std::string FunctionEmitter::storedPointer(const clang::Expr *value) {
  std::optional<AddressSpace> space = inference_.pointeeSpace(value);
  if (space && *space != AddressSpace::Global && *space != AddressSpace::Unknown)
    return unsupported(value,
                       "storing a pointer to " +
                           std::string(*space == AddressSpace::Local      ? "__shared__"
                                       : *space == AddressSpace::Constant ? "__constant__"
                                                                          : "local (per-thread)") +
                           " memory in memory (only global-memory pointers can be stored)");
  // A pointer copied from memory to memory keeps its address as it is.
  const clang::Expr *copied = value->IgnoreParens();
  while (auto *cast = llvm::dyn_cast<clang::ImplicitCastExpr>(copied)) {
    if (cast->getCastKind() == clang::CK_LValueToRValue && isStoredPointer(cast->getSubExpr()))
      return expr(cast->getSubExpr());
    if (cast->getCastKind() != clang::CK_NoOp && cast->getCastKind() != clang::CK_BitCast)
      break;
    copied = cast->getSubExpr()->IgnoreParens();
  }
  useHeap();
  return "cucl_near_to_far(cucl_heap, cucl_heap_origin, " + exprTop(value) + ")";
}

bool FunctionEmitter::valueUnused(const clang::Expr *e) {
  const clang::Stmt *child = e;
  for (;;) {
    clang::DynTypedNodeList parents = context_.getParents(*child);
    if (parents.size() != 1)
      return false;
    if (auto *parent = parents[0].get<clang::Expr>()) {
      if (llvm::isa<clang::ParenExpr>(parent) || llvm::isa<clang::ExprWithCleanups>(parent)) {
        child = parent;
        continue;
      }
      auto *comma = llvm::dyn_cast<clang::BinaryOperator>(parent);
      return comma && comma->getOpcode() == clang::BO_Comma && comma->getLHS() == child;
    }
    const clang::Stmt *parent = parents[0].get<clang::Stmt>();
    if (!parent)
      return false;
    if (auto *forStmt = llvm::dyn_cast<clang::ForStmt>(parent))
      return forStmt->getInc() == child || forStmt->getBody() == child;
    return llvm::isa<clang::CompoundStmt>(parent) || llvm::isa<clang::CaseStmt>(parent) ||
           llvm::isa<clang::DefaultStmt>(parent) || llvm::isa<clang::LabelStmt>(parent) ||
           (llvm::isa<clang::IfStmt>(parent) &&
            llvm::cast<clang::IfStmt>(parent)->getCond() != child) ||
           (llvm::isa<clang::WhileStmt>(parent) &&
            llvm::cast<clang::WhileStmt>(parent)->getCond() != child) ||
           (llvm::isa<clang::DoStmt>(parent) &&
            llvm::cast<clang::DoStmt>(parent)->getCond() != child);
  }
}

// `p = q`, `p += n`, `++p`, `p--` on a pointer held in memory: the address
// changes by whole elements; a value that is used reads back as a pointer.
std::string FunctionEmitter::storedPointerUpdate(const clang::Expr *e) {
  const clang::Expr *target = nullptr;
  std::string text;
  long long direction = 1;
  bool postfix = false;
  if (auto *binary = llvm::dyn_cast<clang::BinaryOperator>(e)) {
    target = binary->getLHS();
    std::string lhs = expr(target);
    switch (binary->getOpcode()) {
    case clang::BO_Assign:
      text = lhs + " = " + storedPointer(binary->getRHS());
      break;
    case clang::BO_AddAssign:
    case clang::BO_SubAssign: {
      clang::QualType pointee = target->getType()->getPointeeType();
      uint64_t size =
          pointee->isVoidType()
              ? 1
              : static_cast<uint64_t>(context_.getTypeSizeInChars(pointee).getQuantity());
      text = lhs + (binary->getOpcode() == clang::BO_AddAssign ? " += " : " -= ") +
             "(ulong)(long)(" + exprTop(binary->getRHS()) + ") * " + std::to_string(size) + "ul";
      break;
    }
    default:
      return unsupported(e, "this operator on a pointer stored in memory");
    }
  } else {
    auto *unary = llvm::cast<clang::UnaryOperator>(e);
    target = unary->getSubExpr();
    postfix = unary->isPostfix();
    direction = unary->isIncrementOp() ? 1 : -1;
    clang::QualType pointee = target->getType()->getPointeeType();
    uint64_t size = pointee->isVoidType()
                        ? 1
                        : static_cast<uint64_t>(context_.getTypeSizeInChars(pointee).getQuantity());
    text = expr(target) + (direction > 0 ? " += " : " -= ") + std::to_string(size) + "ul";
    if (postfix && !valueUnused(e)) // the old address
      text = "(" + text + ")" + (direction > 0 ? " - " : " + ") + std::to_string(size) + "ul";
  }
  // An assignment or a prefix step is an lvalue, the slot itself: a use of its
  // value loads it (loadStoredPointer). A postfix step's value is the old
  // address, as a pointer.
  if (!postfix || valueUnused(e))
    return "(" + text + ")";
  return nearPointer("(" + text + ")", target->getType(), e->getExprLoc());
}

} // namespace cucl::translate
