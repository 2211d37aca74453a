// Prints one specialization (kernel or device function) as OpenCL C 1.2:
// statements, expressions, builtin calls through the mapping table, calls to
// other specializations, hoisted __shared__ storage and the kernel's argument
// prologue. Unsupported constructs are reported at their location.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>

#include "analyse/pointer_space_inference.h"
#include "emit_device/builtin_table.h"
#include "emit_device/device_module.h"
#include "emit_device/specialization.h"

namespace clang {
class ArraySubscriptExpr;
class BinaryOperator;
class CallExpr;
class CompoundStmt;
class ConditionalOperator;
class CXXConstructExpr;
class DeclStmt;
class Expr;
class IfStmt;
class InitListExpr;
class MemberExpr;
class UnaryOperator;
class ReturnStmt;
class Stmt;
} // namespace clang

namespace cucl::translate {

// The builtin table's row for a call to `callee` (by name and parameter
// types), or nullptr.
const BuiltinMapping *builtinRowFor(const clang::FunctionDecl *callee);
// The object of a member call is a temporary (passed by value: C cannot take
// its address).
bool isTemporaryObject(const clang::Expr *object);

class FunctionEmitter {
public:
  FunctionEmitter(ModuleServices &module, Specialization &specialization);

  // The full definition. For a kernel, also fills `kernel` (args and flags).
  std::string emit(EmittedKernel *kernel);

private:
  // Statements (function_emitter_stmt.cpp).
  std::string unrollPragma(const clang::AttributedStmt *attributed);
  void statement(const clang::Stmt *stmt);
  void printStatement(const clang::Stmt *stmt);
  void body(const clang::Stmt *stmt);
  void compoundBody(const clang::CompoundStmt *body);
  void declarations(const clang::DeclStmt *decls);
  std::string variableDeclaration(const clang::VarDecl *variable);
  bool sameDeclarationType(const clang::DeclStmt *decls);
  void line(const std::string &text);
  // `extra`: OpenCL parameters after those of the CUDA parameters.
  std::string kernelSignature(EmittedKernel &kernel, std::string &prologue,
                              const std::vector<std::string> &extra = {});
  std::string parameterName(const clang::ParmVarDecl *parameter);
  std::string deviceSignature();

  // Expressions (function_emitter_expr.cpp). The four entry points below
  // print a root expression (a statement's, an initializer's) when called
  // outside one: a root nested deeper than OpenCL compilers accept is split
  // into pieces held in temporaries (ExprSplit).
  std::string expr(const clang::Expr *e);
  std::string exprTop(const clang::Expr *e); // without redundant outer parentheses
  // A full expression whose value is unused (statement, for init/increment):
  // even a comma operator needs no outer parentheses there.
  std::string exprStatement(const clang::Expr *e);
  // The address of an lvalue, for a reference binding: `&x`, and for
  // `c ? x : y` (C has no address of a conditional) `(c ? &x : &y)`.
  std::string addressOf(const clang::Expr *lvalue);
  std::string binaryChain(const clang::BinaryOperator *binary);
  struct ExprSplit;
  enum class RootForm { Value, Top, Statement, Address };
  std::string rootExpr(const clang::Expr *e, RootForm form);
  std::string exprNode(const clang::Expr *e); // one node, its operands through expr()
  // `c ? a : b` with `branch` printing a and b (their values, or addresses).
  std::string conditionalText(const clang::ConditionalOperator *conditional,
                              const std::function<std::string(const clang::Expr *)> &branch);
  std::string cast(const clang::CastExpr *castExpr);
  std::string baseSubobject(const clang::CastExpr *castExpr);
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
  // Texture and surface functions (function_emitter_texture.cpp).
  bool isTextureFunction(const clang::FunctionDecl *callee);
  std::string textureCall(const clang::CallExpr *callExpr, const clang::FunctionDecl *callee);
  std::string surfaceCall(const clang::CallExpr *callExpr, const std::string &name);
  std::string textureValue(const clang::Expr *object);
  // Lane mode's or Thread mode's way to record a failure (needs the status
  // record): the arguments a kernel_fail helper takes, and its name suffix.
  std::string failureArguments();
  std::string failureSuffix() const { return laneMode() ? "_lane" : ""; }
  std::string builtinCall(const clang::CallExpr *callExpr, const clang::FunctionDecl *callee,
                          llvm::ArrayRef<const clang::Expr *> args);
  std::string declRef(const clang::DeclRefExpr *ref);
  std::string symbolAccess(const DeviceSymbol &symbol, const clang::DeclRefExpr *ref);
  bool onlyRead(const clang::Expr *ref);
  // Pointers in memory (function_emitter_pointers.cpp): held as device
  // addresses, turned into __global pointers through the launch's heap.
  bool isStoredPointer(const clang::Expr *lvalue);
  void useHeap();
  std::string nearPointer(const std::string &address, clang::QualType type,
                          clang::SourceLocation where);
  std::string loadStoredPointer(const clang::Expr *lvalue);
  std::string storedPointer(const clang::Expr *value);
  std::string storedPointerUpdate(const clang::Expr *e);
  bool valueUnused(const clang::Expr *e);
  // What a function receives after its parameters for the symbol segments,
  // the heap and the texture references it (or a callee) uses: as parameters
  // (`declared`: with their types) or as the arguments that pass them on
  // (`symbolsOnly`: the segments and the heap).
  std::vector<std::string> resourceParameters(const Specialization &callee, bool declared,
                                              bool symbolsOnly = false);
  // The cucl_texture a legacy texture reference is held in.
  static std::string qualifiedIdentifier(const clang::VarDecl *variable);
  static std::string textureReferenceName(const clang::VarDecl *reference);
  // The pointer a __managed__ variable is reached through, and its type.
  static std::string managedName(const clang::VarDecl *variable);
  // The pointer's type, declaring `declarator` (empty: a type name for casts).
  std::string managedPointerType(const clang::VarDecl *variable,
                                 const std::string &declarator = "");
  void useManagedVariable(const clang::VarDecl *variable);
  // A variable's type as stored in OpenCL memory (bool as uchar).
  clang::QualType storedType(clang::QualType type);
  static bool isTextureReference(const clang::VarDecl *variable);
  std::string laneMaskValue(const std::string &name);
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
  void useTextureReference(const clang::VarDecl *reference);
  void useSpecializationShared(const Specialization &callee);

  // Lane mode (function_emitter_warp.cpp): a Warp-mode body is structured
  // code over lane masks, with lane loops for the statements between
  // warp-level operations; a kernel in Warp mode runs one warp per work-item.
  std::string emitWarp(EmittedKernel *kernel, const clang::CompoundStmt *body);
  std::string warpSignature();
  std::string warpKernelPrologue();
  void warpStatements(llvm::ArrayRef<const clang::Stmt *> statements);
  void warpStatement(const clang::Stmt *stmt);
  void uniformStatement(const clang::Stmt *stmt);
  void laneRun(llvm::ArrayRef<const clang::Stmt *> run, llvm::ArrayRef<const clang::Stmt *> later);
  void warpDeclarations(const clang::DeclStmt *decls);
  void warpExpression(const clang::Expr *e);
  void volatileStep(const clang::Expr *e);
  void warpIf(const clang::IfStmt *ifStmt);
  void warpLoop(const clang::Stmt *loop);
  void warpReturn(const clang::ReturnStmt *ret);
  void laneReturn(const clang::ReturnStmt *ret);
  bool laneJump(const clang::Stmt *jump);
  // What a statement contains: warp-level operations, block-wide barriers,
  // accesses to volatile shared memory (each a lockstep step).
  enum SyncKind : unsigned { kWarpSync = 1, kBlockSync = 2, kVolatileShared = 4 };
  unsigned syncKind(const clang::Stmt *stmt);
  unsigned callSyncKind(const clang::Expr *call);
  bool isVolatileSharedAccess(const clang::Expr *e);
  // The warp-level calls of `e`, innermost first, each run for the lanes of
  // `mask` and replaced by its per-lane result.
  void hoistWarpCalls(const clang::Expr *e, const std::string &mask);
  void warpCall(const clang::Expr *call, const std::string &mask);
  void warpBuiltin(const clang::CallExpr *call, const BuiltinMapping &row, const std::string &mask);
  void warpUserCall(const clang::Expr *call, const UserCall &target, const std::string &mask);
  std::string laneGuard(const clang::Expr *condition, const std::string &mask);
  std::string declareLaneArray(clang::QualType type, AddressSpace space, const std::string &stem);
  std::string laneDeclaration(const clang::VarDecl *variable);
  std::string laneInitialization(const clang::VarDecl *variable);
  std::string aliveMask() const;
  std::string returnedLanes() const;
  std::string fresh(const std::string &stem);
  // Uniform values (function_emitter_uniform.cpp).
  bool isUniform(const clang::Expr *e);
  void prepareUniformity(const clang::CompoundStmt *body);
  bool divergentAt(const clang::Stmt *site);
  void findUniformVariables(const clang::CompoundStmt *body);
  bool isUniformStatement(const clang::Stmt *stmt);
  bool containsUniformStatement(const clang::Stmt *stmt);
  std::string forLane(const std::function<std::string()> &print);
  void openLanes(const std::string &mask);
  void closeLanes();
  bool isLaneVariable(const clang::VarDecl *variable) const {
    return laneVariables_.count(variable) != 0;
  }
  bool laneMode() const { return spec_.mode != ExecMode::Thread; }

  // memcheck (function_emitter_memcheck.cpp): accesses through their check.
  bool checksMemory(const clang::Expr *access) const;
  bool isStoreTarget(const clang::Expr *e);
  bool isUnmodifiedKernelPointer(const clang::Expr *pointer);
  // `pointer` (to `pointee` in `space`) after its check; `base` is the
  // pointer (or array) the access indexes, which may name its allocation.
  std::string checkedPointer(const std::string &pointer, clang::QualType pointee,
                             AddressSpace space, const clang::Expr *access, const clang::Expr *base,
                             bool store);
  std::string checkedSubscript(const clang::ArraySubscriptExpr *subscript, const std::string &text);
  std::string checkedDereference(const clang::UnaryOperator *deref, const std::string &pointer);
  std::string checkedMember(const clang::MemberExpr *member, const std::string &text);
  std::string checkedArrowBase(const clang::MemberExpr *member, const std::string &pointer);
  std::string checkedAtomicPointer(const clang::Expr *pointerArg, const std::string &pointer);
  std::string memcheckPrologue(bool lanes);
  // Local memory (function_emitter_scratch.cpp): large local arrays in the
  // launch's scratch memory.
  void planScratch(const clang::CompoundStmt *body);
  bool placedInScratch(const clang::VarDecl *variable) const;
  static bool usesScratch(const Specialization &spec) {
    return spec.scratch && spec.scratchBytes > 0;
  }
  std::string scratchPointer(const clang::VarDecl *variable, clang::QualType pointer);
  std::string scratchPlace(const clang::VarDecl *variable) const;
  std::string scratchZero(const std::string &at, const clang::VarDecl *variable);
  std::string scratchDeclaration(const clang::VarDecl *variable);
  std::string scratchLaneDeclaration(const clang::VarDecl *variable);
  std::string scratchLaneZero(const clang::VarDecl *variable);
  std::string scratchArrayAddress(const clang::Expr *array, const std::string &pointer);
  std::string scratchArgument() const;
  void useCalleeScratch(const Specialization &callee);
  void markKernelReturn(std::string &statement) const;
  // Resolves the marked returns in `body`; for a kernel with scratch memory,
  // also its prologue (returned) and the `epilogue` that ends its body.
  std::string scratchPrologue(EmittedKernel &kernel, std::string &body, std::string &epilogue);
  Specialization *calleeFor(const UserCall &target, const clang::Expr *call, bool final);
  std::string laneCallArguments(const Specialization &callee);

  ModuleServices &module_;
  Specialization &spec_;
  clang::ASTContext &context_;
  TypePrinter &types_;
  DeviceDiagnostics &diagnostics_;
  PointerSpaceInference inference_;
  std::set<const clang::VarDecl *> valueReferences_; // `const T &r = temporary;` held by value
  std::map<const clang::VarDecl *, uint64_t> scratchOffsets_; // arrays in the frame, at offsets
  uint64_t ownScratchBytes_ = 0;                              // their bytes: callees' frames follow
  uint64_t ownThreadBytes_ = 0; // one thread's share of them (lane mode: one copy of 32)
  std::string out_;
  unsigned indent_ = 1;
  ExprSplit *split_ = nullptr; // the root expression being printed

  // Lane-mode state.
  std::set<const clang::VarDecl *> laneVariables_;       // held as `T name[32]`, one per lane
  std::set<const clang::VarDecl *> laneParameterCopies_; // kernel parameters a lane writes
  std::set<const clang::VarDecl *> escapes_;             // variables whose address may be kept
  std::set<const clang::VarDecl *> uniformVariables_;    // one scalar per work-item
  std::set<const clang::Stmt *> uniformStatements_;      // their declarations and writes
  std::set<const clang::VarDecl *> variedParameters_;    // kernel parameters a thread changes
  std::map<const clang::Stmt *, const clang::Stmt *> parents_;
  bool uniformityReady_ = false;
  std::map<const clang::Expr *, std::string> replacements_; // hoisted warp calls' results
  std::map<const clang::Stmt *, unsigned> syncKinds_;
  struct WarpLoop {
    std::string breaks, continues; // lanes that left the loop / this iteration
  };
  std::vector<WarpLoop> warpLoops_; // enclosing structured loops, innermost last
  bool inLanes_ = false;            // printing inside a lane loop (`cucl_l` is the lane)
  std::vector<char> laneNesting_;   // loops ('l') and switches ('s') opened inside it
  std::string laneEnd_;             // label ending the lane loop's iteration
  bool laneEndUsed_ = false;
  std::set<std::string> laneExits_; // masks a lane loop added lanes to
  unsigned counter_ = 0;

  // memcheck state.
  const clang::Expr *addressTaken_ = nullptr; // the operand of the `&` being printed
  bool parameterUsesCounted_ = false;
  std::set<const clang::ParmVarDecl *> unmodifiedParameters_; // the kernel's, only read
};

} // namespace cucl::translate
