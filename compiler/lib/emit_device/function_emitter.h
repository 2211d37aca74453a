// Prints one specialization (kernel or device function) as OpenCL C 1.2:
// statements, expressions, builtin calls through the mapping table, calls to
// other specializations, hoisted __shared__ storage and the kernel's argument
// prologue. Unsupported constructs are reported at their location.
#pragma once

#include <set>
#include <string>

#include "analyse/pointer_space_inference.h"
#include "emit_device/device_module.h"
#include "emit_device/specialization.h"

namespace clang {
class CallExpr;
class CompoundStmt;
class CXXConstructExpr;
class DeclStmt;
class Expr;
class InitListExpr;
class Stmt;
} // namespace clang

namespace cucl::translate {

class FunctionEmitter {
public:
  FunctionEmitter(ModuleServices &module, Specialization &specialization);

  // The full definition. For a kernel, also fills `kernel` (args and flags).
  std::string emit(EmittedKernel *kernel);

private:
  // Statements (function_emitter_stmt.cpp).
  void statement(const clang::Stmt *stmt);
  void body(const clang::Stmt *stmt);
  void compoundBody(const clang::CompoundStmt *body);
  void declarations(const clang::DeclStmt *decls);
  std::string variableDeclaration(const clang::VarDecl *variable);
  bool sameDeclarationType(const clang::DeclStmt *decls);
  void line(const std::string &text);
  std::string kernelSignature(EmittedKernel &kernel, std::string &prologue);
  std::string deviceSignature();

  // Expressions (function_emitter_expr.cpp).
  std::string expr(const clang::Expr *e);
  std::string exprTop(const clang::Expr *e); // without redundant outer parentheses
  // A full expression whose value is unused (statement, for init/increment):
  // even a comma operator needs no outer parentheses there.
  std::string exprStatement(const clang::Expr *e);
  std::string cast(const clang::CastExpr *castExpr);
  std::string call(const clang::CallExpr *callExpr);
  // A call to device code of the program: the definition, the object of a
  // member function call (nullptr otherwise) and the remaining arguments.
  struct UserCall {
    const clang::FunctionDecl *callee = nullptr;
    const clang::Expr *object = nullptr;
    bool objectIsPointer = false;
    std::vector<const clang::Expr *> args;
  };
  std::optional<UserCall> resolveUserCall(const clang::CallExpr *callExpr);
  std::string userCall(const clang::Expr *callExpr, const UserCall &target);
  std::string constructorCall(const clang::CXXConstructExpr *construct);
  void constructorPrologue();
  std::string builtinCall(const clang::CallExpr *callExpr, const clang::FunctionDecl *callee,
                          llvm::ArrayRef<const clang::Expr *> args);
  std::string declRef(const clang::DeclRefExpr *ref);
  std::string initList(const clang::InitListExpr *list, bool braced);
  std::string pseudoObject(const clang::PseudoObjectExpr *pseudo);
  std::string constant(const clang::Expr *e, bool &ok);
  std::string integer(const llvm::APSInt &value, clang::QualType type);
  std::string floating(const llvm::APFloat &value, clang::QualType type,
                       clang::SourceLocation where);
  std::optional<std::vector<AddressSpace>> argumentSpaces(const UserCall &target, bool final);
  std::optional<AddressSpace> callResultSpace(const clang::CallExpr *callExpr);
  AddressSpace pointee(const clang::Expr *pointer);
  std::string unsupported(const clang::Stmt *where, const std::string &construct);
  std::string localName(const clang::NamedDecl *decl);
  void useShared(const clang::VarDecl *variable);
  void useSpecializationShared(const Specialization &callee);

  ModuleServices &module_;
  Specialization &spec_;
  clang::ASTContext &context_;
  TypePrinter &types_;
  DeviceDiagnostics &diagnostics_;
  PointerSpaceInference inference_;
  std::set<const clang::VarDecl *> valueReferences_; // `const T &r = temporary;` held by value
  std::string out_;
  unsigned indent_ = 1;
};

} // namespace cucl::translate
