// Expression printing for FunctionEmitter.
#include <cctype>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringExtras.h>

#include "analyse/type_contents.h"
#include "emit_device/builtin_helpers.h"
#include "emit_device/builtin_table.h"
#include "emit_device/function_emitter.h"
#include "emit_device/opencl_names.h"
#include "emit_device/record_emitter.h"
#include "parse/stack_guard.h"

namespace cucl::translate {
namespace {

bool isSystemDecl(clang::ASTContext &context, const clang::Decl *decl) {
  return context.getSourceManager().isInSystemHeader(decl->getLocation());
}

// Declared by include/cucl/device/device_runtime.h (library, not user code).
bool isDeviceRuntimeDecl(clang::ASTContext &context, const clang::Decl *decl) {
  const clang::SourceManager &sources = context.getSourceManager();
  llvm::StringRef file = sources.getFilename(sources.getExpansionLoc(decl->getLocation()));
  return file.endswith("cucl/device/device_runtime.h");
}

// Parameter types as the builtin table spells signatures: "int*,float".
std::string signatureOf(const clang::FunctionDecl *callee) {
  std::string signature;
  for (const clang::ParmVarDecl *parameter : callee->parameters()) {
    clang::QualType type = parameter->getType().getCanonicalType().getUnqualifiedType();
    if (!signature.empty())
      signature += ",";
    if (type->isPointerType())
      signature += type->getPointeeType().getUnqualifiedType().getAsString() + "*";
    else
      signature += type.getAsString();
  }
  return signature;
}

bool isIndexVariable(const std::string &name) {
  return name == "threadIdx" || name == "blockIdx" || name == "blockDim" || name == "gridDim";
}

// The dimension (0-2) `name`.d names when `e` is the built-in index variable
// `name` (threadIdx, blockIdx, blockDim) read at d, else -1.
int indexComponent(const clang::Expr *e, const char *name) {
  auto *pseudo = llvm::dyn_cast<clang::PseudoObjectExpr>(e->IgnoreParenImpCasts());
  if (!pseudo)
    return -1;
  auto *property =
      llvm::dyn_cast<clang::MSPropertyRefExpr>(pseudo->getSyntacticForm()->IgnoreParens());
  if (!property)
    return -1;
  const clang::Expr *baseExpr = property->getBaseExpr()->IgnoreParenImpCasts();
  if (auto *opaque = llvm::dyn_cast<clang::OpaqueValueExpr>(baseExpr))
    baseExpr = opaque->getSourceExpr()->IgnoreParenImpCasts();
  auto *base = llvm::dyn_cast<clang::DeclRefExpr>(baseExpr);
  std::string field = property->getPropertyDecl()->getNameAsString();
  if (!base || base->getDecl()->getNameAsString() != name || field.size() != 1 || field[0] < 'x' ||
      field[0] > 'z')
    return -1;
  return field[0] - 'x';
}

// d for `blockIdx.d * blockDim.d + threadIdx.d` (in any operand order),
// else -1.
int globalIndexDimension(const clang::BinaryOperator *binary) {
  if (binary->getOpcode() != clang::BO_Add ||
      !binary->getType()->isSpecificBuiltinType(clang::BuiltinType::UInt))
    return -1;
  for (int side = 0; side < 2; ++side) {
    const clang::Expr *thread = side ? binary->getLHS() : binary->getRHS();
    auto *product = llvm::dyn_cast<clang::BinaryOperator>(
        (side ? binary->getRHS() : binary->getLHS())->IgnoreParens());
    int dimension = indexComponent(thread, "threadIdx");
    if (dimension < 0 || !product || product->getOpcode() != clang::BO_Mul)
      continue;
    for (int order = 0; order < 2; ++order)
      if (indexComponent(order ? product->getLHS() : product->getRHS(), "blockIdx") == dimension &&
          indexComponent(order ? product->getRHS() : product->getLHS(), "blockDim") == dimension)
        return dimension;
  }
  return -1;
}

} // namespace

std::string FunctionEmitter::unsupported(const clang::Stmt *where, const std::string &construct) {
  diagnostics_.unsupported(where->getBeginLoc(), construct);
  return "0";
}

std::string FunctionEmitter::localName(const clang::NamedDecl *decl) {
  std::string name = decl->getNameAsString();
  if (name.empty())
    return "cucl_unnamed";
  // The parameters an expanded pack became share their name: number them.
  if (auto *parameter = llvm::dyn_cast<clang::ParmVarDecl>(decl))
    if (auto *function = llvm::dyn_cast<clang::FunctionDecl>(parameter->getDeclContext())) {
      unsigned same = 0;
      for (const clang::ParmVarDecl *other : function->parameters())
        same += other->getName() == parameter->getName();
      if (same > 1)
        name += "__" + std::to_string(parameter->getFunctionScopeIndex());
    }
  return safeLocalName(name);
}

// The conditional operator under parentheses and conversions that add const.
static const clang::ConditionalOperator *bareConditional(const clang::Expr *e) {
  const clang::Expr *bare = e->IgnoreParens();
  while (auto *cast = llvm::dyn_cast<clang::ImplicitCastExpr>(bare)) { // adding const
    if (cast->getCastKind() != clang::CK_NoOp)
      break;
    bare = cast->getSubExpr()->IgnoreParens();
  }
  return llvm::dyn_cast<clang::ConditionalOperator>(bare);
}

// An lvalue in C as well, so `&` applies to its printed form (unlike C++'s
// `++x`, `x = y` or `(a, x)`, which C makes rvalues).
static bool isCLvalue(const clang::Expr *e) {
  if (!e->isLValue() || e->refersToBitField())
    return false;
  if (auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
    return llvm::isa<clang::VarDecl>(ref->getDecl());
  if (llvm::isa<clang::MemberExpr, clang::ArraySubscriptExpr>(e))
    return true;
  if (auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e))
    return unary->getOpcode() == clang::UO_Deref;
  if (auto *callExpr = llvm::dyn_cast<clang::CallExpr>(e)) { // returning a reference: `(*f(...))`
    auto *method = llvm::dyn_cast_or_null<clang::CXXMethodDecl>(callExpr->getDirectCallee());
    return callExpr->getDirectCallee() && !(method && method->isTrivial()); // `(a = b)`
  }
  return false;
}

std::string FunctionEmitter::addressOf(const clang::Expr *lvalue) {
  if (!split_)
    return rootExpr(lvalue, RootForm::Address);
  if (auto *conditional = bareConditional(lvalue))
    if (conditional->getTrueExpr()->isGLValue() && conditional->getFalseExpr()->isGLValue())
      return conditionalText(conditional,
                             [this](const clang::Expr *branch) { return addressOf(branch); });
  if (auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(lvalue->IgnoreParens()))
    if (auto *variable = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
        variable && placedInScratch(variable)) // `T (&a)[N] = array`
      return scratchArrayAddress(ref, expr(ref));
  return "&" + expr(lvalue);
}

AddressSpace FunctionEmitter::pointee(const clang::Expr *pointer) {
  std::optional<AddressSpace> space = inference_.pointeeSpace(pointer);
  if (!space) {
    diagnostics_.unsupported(
        pointer->getExprLoc(),
        "a pointer whose address space cannot be inferred (loaded from memory, "
        "or a pointer to pointer)");
    return AddressSpace::Private;
  }
  return *space == AddressSpace::Unknown ? AddressSpace::Private : *space;
}

void FunctionEmitter::useShared(const clang::VarDecl *variable) {
  for (const clang::VarDecl *known : spec_.sharedVariables)
    if (known == variable)
      return;
  spec_.sharedVariables.push_back(variable);
}

void FunctionEmitter::useSpecializationShared(const Specialization &callee) {
  for (const clang::VarDecl *variable : callee.sharedVariables)
    useShared(variable);
  spec_.usesDynamicShared |= callee.usesDynamicShared;
  spec_.usesVoteCounter |= callee.usesVoteCounter;
  spec_.usesSymbols |= callee.usesSymbols;
  spec_.usesHeap |= callee.usesHeap;
  for (const clang::VarDecl *reference : callee.textureReferences)
    useTextureReference(reference);
  for (const clang::VarDecl *variable : callee.managedVariables)
    useManagedVariable(variable);
  spec_.usesStatus |= callee.usesStatus;
  spec_.usesMemcheck |= callee.usesMemcheck;
  useCalleeScratch(callee);
  spec_.usesWarpFeatures |= callee.usesWarpFeatures;
  spec_.usesBarrier |= callee.usesBarrier;
  spec_.usesThreadIndex |= callee.usesThreadIndex;
  spec_.usesGridSync |= callee.usesGridSync;
}

std::string FunctionEmitter::integer(const llvm::APSInt &value, clang::QualType type) {
  if (type->isBooleanType())
    return value.getBoolValue() ? "true" : "false";
  clang::QualType canonical = type.getCanonicalType();
  if (auto *enumType = llvm::dyn_cast<clang::EnumType>(canonical.getTypePtr()))
    canonical = enumType->getDecl()->getIntegerType().getCanonicalType();
  bool isUnsigned = canonical->isUnsignedIntegerType();
  bool isWide = context_.getTypeSize(canonical) > 32;
  std::string suffix = std::string(isUnsigned ? "u" : "") + (isWide ? "L" : "");
  if (value.isSigned() && value.isNegative()) {
    if (value.isMinSignedValue()) {
      llvm::APSInt plusOne(value + 1, false);
      return "(" + llvm::toString(plusOne, 10) + suffix + " - 1" + suffix + ")";
    }
    return "(" + llvm::toString(value, 10) + suffix + ")";
  }
  return llvm::toString(value, 10) + suffix;
}

std::string FunctionEmitter::floating(const llvm::APFloat &value, clang::QualType type,
                                      clang::SourceLocation where) {
  bool isFloat = type->isSpecificBuiltinType(clang::BuiltinType::Float);
  if (!isFloat)
    types_.typeName(type, AddressSpace::Private, where); // marks double use, rejects long double
  std::string cast = isFloat ? "" : "(double)";
  if (value.isNaN())
    return "(" + cast + "NAN)";
  if (value.isInfinity())
    return value.isNegative() ? "(-" + cast + "INFINITY)" : "(" + cast + "INFINITY)";
  llvm::APFloat asDouble = value;
  bool losesInfo = false;
  asDouble.convert(llvm::APFloat::IEEEdouble(), llvm::APFloat::rmNearestTiesToEven, &losesInfo);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, isFloat ? "%.9g" : "%.17g", asDouble.convertToDouble());
  std::string text = buffer;
  if (text.find_first_of(".e") == std::string::npos)
    text += ".0";
  if (isFloat)
    text += "f";
  return text.front() == '-' ? "(" + text + ")" : text;
}

// An evaluated constant: integral constant expressions (template arguments,
// sizeof, constexpr values) print as their value.
std::string FunctionEmitter::constant(const clang::Expr *e, bool &ok) {
  ok = false;
  if (e->isValueDependent() || !e->isPRValue())
    return "";
  clang::QualType type = e->getType();
  if (type->isIntegralOrEnumerationType()) {
    clang::Expr::EvalResult result;
    if (e->EvaluateAsInt(result, context_, clang::Expr::SE_NoSideEffects) && result.Val.isInt()) {
      ok = true;
      return integer(result.Val.getInt(), type);
    }
  }
  // NAN, INFINITY, HUGE_VALF expand to constant builtin calls (__builtin_nanf).
  auto *callExpr = llvm::dyn_cast<clang::CallExpr>(e);
  if (type->isRealFloatingType() && callExpr && callExpr->getBuiltinCallee() != 0) {
    llvm::APFloat value(0.0);
    if (e->EvaluateAsFloat(value, context_, clang::Expr::SE_NoSideEffects)) {
      ok = true;
      return floating(value, type, e->getExprLoc());
    }
  }
  return "";
}

// `text` without one pair of parentheses around all of it, if it has one.
static std::string withoutOuterParentheses(const std::string &text) {
  if (text.size() < 2 || text.front() != '(' || text.back() != ')')
    return text;
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
    if (depth == 0 && i + 1 < text.size())
      return text; // the first '(' closes before the end: not one group
  }
  return text.substr(1, text.size() - 2);
}

// True for a comma operator, also under parentheses and implicit nodes (a
// comma whose value is an lvalue reaches an initializer as an lvalue-to-rvalue
// conversion, which prints as its operand).
static bool isCommaOperator(const clang::Expr *e) {
  while (e) {
    const clang::Expr *inner = e->IgnoreParens()->IgnoreImplicit();
    if (inner == e)
      break;
    e = inner;
  }
  auto *binary = llvm::dyn_cast_or_null<clang::BinaryOperator>(e);
  return binary && binary->getOpcode() == clang::BO_Comma;
}

namespace {
// C's precedence level of the left-associative binary operators whose
// chains print without inner parentheses; 0 for the others.
int chainLevel(clang::BinaryOperatorKind opcode) {
  switch (opcode) {
  case clang::BO_Mul:
  case clang::BO_Div:
  case clang::BO_Rem:
    return 10;
  case clang::BO_Add:
  case clang::BO_Sub:
    return 9;
  case clang::BO_Shl:
  case clang::BO_Shr:
    return 8;
  case clang::BO_LT:
  case clang::BO_GT:
  case clang::BO_LE:
  case clang::BO_GE:
    return 7;
  case clang::BO_EQ:
  case clang::BO_NE:
    return 6;
  case clang::BO_And:
    return 5;
  case clang::BO_Xor:
    return 4;
  case clang::BO_Or:
    return 3;
  case clang::BO_LAnd:
    return 2;
  case clang::BO_LOr:
    return 1;
  default:
    return 0;
  }
}
} // namespace

namespace {
// Nesting, in units: one level (an operand, an argument, a parenthesized
// subexpression) costs kLevel; one more link of a flat left-associative chain
// (`a + b + c`, printed without inner parentheses) costs 1.
constexpr unsigned kLevel = 16;
// A root expression nested deeper than this is split into pieces: Clang-based
// OpenCL compilers reject more than 256 nested brackets, and their stack
// overflows on some thousands of nested operators or 50,000 chain links.
constexpr unsigned kSplitAbove = 96 * kLevel;
// In a split root, a subexpression that starts this deep in its piece becomes
// a piece of its own unless it is shallow: small operands stay in place, which
// keeps the pieces few (many small guarded pieces make LLVM's optimizer slow) ...
constexpr unsigned kPieceDepth = 40 * kLevel;
constexpr unsigned kPieceHeight = 8 * kLevel;
// ... and a chain is cut every so many links.
constexpr unsigned kPieceLinks = 512;

// The left operand that continues a flat chain (`a + b` in `a + b + c`).
const clang::Stmt *chainedOperand(const clang::Stmt *node) {
  auto *binary = llvm::dyn_cast<clang::BinaryOperator>(node);
  if (!binary || chainLevel(binary->getOpcode()) == 0)
    return nullptr;
  auto *inner = llvm::dyn_cast<clang::BinaryOperator>(binary->getLHS());
  if (!inner || chainLevel(inner->getOpcode()) != chainLevel(binary->getOpcode()))
    return nullptr;
  return inner;
}

// Whether `node` evaluates `child` whenever it is evaluated itself.
bool alwaysEvaluates(const clang::Stmt *node, const clang::Stmt *child) {
  if (auto *conditional = llvm::dyn_cast<clang::ConditionalOperator>(node))
    return child == conditional->getCond();
  if (auto *conditional = llvm::dyn_cast<clang::BinaryConditionalOperator>(node))
    return child == conditional->getCommon();
  if (auto *binary = llvm::dyn_cast<clang::BinaryOperator>(node)) {
    if (binary->isLogicalOp())
      return child == binary->getLHS();
    if (binary->getOpcode() == clang::BO_Comma)
      return child == binary->getRHS();
  }
  return !llvm::isa<clang::UnaryExprOrTypeTraitExpr, clang::CXXNoexceptExpr, clang::CXXTypeidExpr,
                    clang::GenericSelectionExpr, clang::ChooseExpr>(node);
}

// Possibly changes state when evaluated (every call counts).
bool hasOwnSideEffects(const clang::Stmt *node) {
  if (auto *binary = llvm::dyn_cast<clang::BinaryOperator>(node))
    return binary->isAssignmentOp();
  if (auto *unary = llvm::dyn_cast<clang::UnaryOperator>(node))
    return unary->isIncrementDecrementOp();
  if (auto *cast = llvm::dyn_cast<clang::ImplicitCastExpr>(node))
    return cast->getCastKind() == clang::CK_LValueToRValue &&
           cast->getSubExpr()->getType().isVolatileQualified();
  return llvm::isa<clang::CallExpr, clang::CXXConstructExpr, clang::CXXNewExpr,
                   clang::CXXDeleteExpr, clang::CXXThrowExpr, clang::StmtExpr, clang::LambdaExpr>(
      node);
}

// Clang's evaluator cannot fold it: a parameter, a local variable that is not
// constant, `this`, a call of a function that is not constexpr, a change.
bool isOwnNotConstant(const clang::Stmt *node) {
  if (auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(node)) {
    auto *variable = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    if (!variable)
      return false;
    clang::QualType type = variable->getType();
    return llvm::isa<clang::ParmVarDecl>(variable) ||
           (variable->hasLocalStorage() && !type->isReferenceType() && !type.isConstQualified() &&
            !variable->isConstexpr());
  }
  if (auto *callExpr = llvm::dyn_cast<clang::CallExpr>(node)) {
    const clang::FunctionDecl *callee = callExpr->getDirectCallee();
    return !callee || (!callee->isConstexpr() && callExpr->getBuiltinCallee() == 0);
  }
  if (auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(node))
    return !construct->getConstructor()->isConstexpr();
  if (auto *binary = llvm::dyn_cast<clang::BinaryOperator>(node))
    return binary->isAssignmentOp();
  if (auto *unary = llvm::dyn_cast<clang::UnaryOperator>(node))
    return unary->isIncrementDecrementOp();
  return llvm::isa<clang::CXXThisExpr>(node);
}
} // namespace

// Splits one root expression (a statement's, an initializer, a condition)
// that is nested too deep into pieces. Each piece is assigned to a temporary
// declared at the top of the function, and the root prints as
// `(piece, piece, ..., root)`, the pieces in evaluation order. A piece under a
// branch (the right operand of && and ||, the arms of ?:) runs only when the
// branch is taken: the branch's condition is kept in a tri-state temporary (0:
// not reached, 1: true, 2: false) and the piece is guarded by it. An operand
// that C++17 evaluates before a piece (the left of a comma, the right of an
// assignment) is evaluated first, as a piece of its own, when it has side
// effects.
struct FunctionEmitter::ExprSplit {
  struct Info {
    unsigned height = 0;      // the nesting below, in units
    bool sideEffects = false; // possibly
    bool notConstant = false; // certainly not foldable (the evaluator is skipped)
  };
  struct Temp {
    enum Kind { Void, Value, Address } kind = Value;
    clang::QualType type;
    AddressSpace space = AddressSpace::Private; // of a pointer's pointee, or the address
  };
  // An operand printed before others whose pieces must come after it runs.
  struct Frame {
    bool branches = false;    // ?:, &&, ||: its value decides which operand runs next
    std::string text;         // the operand, printed
    std::optional<Temp> temp; // not a branch: its value's temporary (none: for effects only)
    clang::SourceLocation where;
    unsigned branch = 0; // a branch: 1 (true) or 2 (false) while an operand prints
    bool done = false;   // evaluated in a piece
    std::string held;    // then: the tri-state or the temporary
  };

  explicit ExprSplit(FunctionEmitter &emitter) : emitter(emitter) {}

  // Heights, side effects and foldability of every node of `root`, bottom up
  // without recursion (a chain may have 100,000 links).
  void analyse(const clang::Expr *root) {
    std::vector<std::pair<const clang::Stmt *, bool>> pending = {{root, false}};
    while (!pending.empty()) {
      auto [node, expanded] = pending.back();
      if (!expanded) {
        pending.back().second = true;
        for (const clang::Stmt *child : node->children())
          if (child && llvm::isa<clang::Expr>(child) && !info.count(child))
            pending.push_back({child, false});
        continue;
      }
      pending.pop_back();
      Info summary;
      const clang::Stmt *chained = chainedOperand(node);
      for (const clang::Stmt *child : node->children()) {
        auto below = child ? info.find(child) : info.end();
        if (below == info.end())
          continue;
        summary.height =
            std::max(summary.height, below->second.height + (child == chained ? 1 : kLevel));
        summary.sideEffects |= below->second.sideEffects;
        summary.notConstant |= below->second.notConstant && alwaysEvaluates(node, child);
      }
      summary.sideEffects |= hasOwnSideEffects(node);
      summary.notConstant |= isOwnNotConstant(node);
      info[node] = summary;
    }
    active = info.lookup(root).height > kSplitAbove;
  }

  std::string print(const clang::Expr *e) {
    if (!active)
      return emitter.exprNode(e);
    depth += kLevel;
    std::optional<Temp> temp;
    if (depth - base >= kPieceDepth)
      temp = pieceTemp(e);
    std::string text = temp ? hoist(e, *temp) : emitter.exprNode(e);
    depth -= kLevel;
    return text;
  }

  // Types a temporary can hold: OpenCL C's scalars, structs, one level of
  // pointer (with its space).
  bool storable(clang::QualType type) {
    if (textureObjectKind(type) != TextureObjectKind::None)
      return false;
    type = type.getCanonicalType();
    if (const auto *pointer = type->getAs<clang::PointerType>()) {
      clang::QualType pointee = pointer->getPointeeType();
      return !pointee->isPointerType() && !pointee->isFunctionType() &&
             !pointee->isMemberPointerType();
    }
    if (const clang::RecordDecl *record = type->getAsRecordDecl())
      return record->isCompleteDefinition() && !record->isLambda();
    if (type->isEnumeralType() || type->isBooleanType())
      return true;
    if (const auto *builtin = type->getAs<clang::BuiltinType>()) {
      if (builtin->isInteger())
        return emitter.context_.getTypeSize(type) <= 64;
      return builtin->getKind() == clang::BuiltinType::Float ||
             builtin->getKind() == clang::BuiltinType::Double;
    }
    return false;
  }

  std::optional<Temp> valueTemp(const clang::Expr *e) {
    clang::QualType type = e->getType();
    if (!e->isPRValue() || !storable(type))
      return std::nullopt;
    Temp temp{Temp::Value, type, AddressSpace::Private};
    if (type->isPointerType()) {
      std::optional<AddressSpace> pointee = emitter.inference_.pointeeSpace(e);
      if (!pointee || *pointee == AddressSpace::Constant)
        return std::nullopt;
      temp.space = *pointee == AddressSpace::Unknown ? AddressSpace::Private : *pointee;
    }
    return temp;
  }

  // How `e` can become a piece: its value, its address (an lvalue), or
  // nothing (void); none for leaves and what C cannot hold.
  std::optional<Temp> pieceTemp(const clang::Expr *e) {
    if (info.lookup(e).height < kPieceHeight || emitter.replacements_.count(e) ||
        llvm::isa<clang::ParenExpr, clang::InitListExpr, clang::StringLiteral>(e))
      return std::nullopt;
    clang::QualType type = e->getType();
    if (e->isPRValue())
      return type->isVoidType() ? std::optional<Temp>(Temp{Temp::Void, type}) : valueTemp(e);
    if (!isCLvalue(e) || type->isArrayType() || type->isPointerType() || !storable(type))
      return std::nullopt;
    std::optional<AddressSpace> space = emitter.inference_.storageSpace(e);
    if (!space || *space == AddressSpace::Constant)
      return std::nullopt;
    return Temp{Temp::Address, type,
                *space == AddressSpace::Unknown ? AddressSpace::Private : *space};
  }

  std::string declare(const Temp &temp, clang::SourceLocation where) {
    std::string name = emitter.fresh("piece");
    clang::QualType type = temp.kind == Temp::Address ? emitter.context_.getPointerType(temp.type)
                                                      : temp.type.getUnqualifiedType();
    declarations += "  " + emitter.types_.declare(type, name, temp.space, where) + ";\n";
    return name;
  }

  // The guard of what prints now, or of frame `index`: the innermost branch
  // below it ("" when always evaluated).
  std::string guardBelow(size_t index) const {
    for (size_t i = index; i > 0; --i)
      if (frames[i - 1].branches)
        return frames[i - 1].held + " == " + std::to_string(frames[i - 1].branch);
    return "";
  }

  void addPiece(const std::string &guard, const std::string &text) {
    pieces.push_back(guard.empty() ? text : "(void)(" + guard + " && (" + text + ", 1))");
  }

  // Runs what must run before the next piece: every open frame's operand.
  void materialize() {
    for (size_t i = 0; i < frames.size(); ++i) {
      Frame &frame = frames[i];
      if (frame.done)
        continue;
      frame.done = true;
      std::string guard = guardBelow(i);
      if (frame.branches) {
        frame.held = emitter.fresh("arm");
        declarations += "  uchar " + frame.held + ";\n";
        std::string choice = "(" + frame.text + ") ? 1 : 2";
        pieces.push_back(frame.held + " = " +
                         (guard.empty() ? choice : guard + " ? (" + choice + ") : 0"));
      } else if (frame.temp) {
        frame.held = declare(*frame.temp, frame.where);
        addPiece(guard, frame.held + " = " + frame.text);
      } else {
        addPiece(guard, frame.text);
      }
    }
  }

  std::string hoist(const clang::Expr *e, const Temp &temp) {
    materialize();
    unsigned outer = base;
    base = depth;
    std::string text = emitter.exprNode(e);
    base = outer;
    if (temp.kind == Temp::Void) {
      addPiece(guardBelow(frames.size()), text);
      return "((void)0)";
    }
    std::string name = declare(temp, e->getExprLoc());
    bool address = temp.kind == Temp::Address;
    addPiece(guardBelow(frames.size()), name + " = " + (address ? "&" : "") + text);
    return address ? "(*" + name + ")" : name;
  }

  // A chain's first links, held once they are long enough.
  std::string holdChain(const clang::BinaryOperator *link, const std::string &text) {
    std::optional<Temp> temp = valueTemp(link);
    if (!temp)
      return text;
    materialize();
    std::string name = declare(*temp, link->getExprLoc());
    addPiece(guardBelow(frames.size()), name + " = " + text);
    return name;
  }

  size_t open(Frame frame) {
    frames.push_back(std::move(frame));
    return frames.size() - 1;
  }
  Frame close(size_t index) {
    Frame frame = std::move(frames[index]);
    frames.resize(index);
    return frame;
  }

  // `a, b`: a runs first, for its effects.
  std::string comma(const clang::BinaryOperator *binary) {
    std::string left = emitter.expr(binary->getLHS());
    if (!info.lookup(binary->getLHS()).sideEffects)
      return left + " , " + emitter.expr(binary->getRHS());
    Frame first;
    first.text = left;
    size_t index = open(std::move(first));
    std::string right = emitter.expr(binary->getRHS());
    return close(index).done ? right : left + " , " + right;
  }

  // `a = b`, `a += b`: C++17 evaluates b first.
  std::string assignment(const clang::BinaryOperator *binary) {
    const clang::Expr *rhs = binary->getRHS();
    std::string op = " " + binary->getOpcodeStr().str() + " ";
    std::optional<Temp> temp;
    if (info.lookup(rhs).sideEffects)
      temp = valueTemp(rhs);
    if (!temp) {
      std::string left = emitter.expr(binary->getLHS());
      return left + op + emitter.expr(rhs);
    }
    Frame first;
    first.text = emitter.expr(rhs);
    first.temp = temp;
    first.where = rhs->getExprLoc();
    size_t index = open(std::move(first));
    std::string left = emitter.expr(binary->getLHS());
    Frame closed = close(index);
    return left + op + (closed.done ? closed.held : closed.text);
  }

  FunctionEmitter &emitter;
  llvm::DenseMap<const clang::Stmt *, Info> info;
  bool active = false;
  bool stackReported = false;
  unsigned depth = 0; // units below the root
  unsigned base = 0;  // the depth where the current piece starts
  std::vector<Frame> frames;
  std::vector<std::string> pieces;
  std::string declarations; // of the temporaries, for the top of the function
};

std::string FunctionEmitter::rootExpr(const clang::Expr *e, RootForm form) {
  ExprSplit split(*this);
  split.analyse(e);
  split_ = &split;
  std::string text;
  switch (form) {
  case RootForm::Value:
    text = expr(e);
    break;
  case RootForm::Top:
    text = exprTop(e);
    break;
  case RootForm::Statement:
    text = exprStatement(e);
    break;
  case RootForm::Address:
    text = addressOf(e);
    break;
  }
  split_ = nullptr;
  if (split.pieces.empty())
    return text;
  out_.insert(0, split.declarations);
  std::string pieces = llvm::join(split.pieces, ", ");
  if (form == RootForm::Statement)
    return pieces + ", " + text;
  // An lvalue stays one: `(*(pieces, &x))`.
  if (form == RootForm::Value && isCLvalue(e))
    return "(*(" + pieces + ", &" + text + "))";
  return "(" + pieces + ", " + text + ")";
}

std::string
FunctionEmitter::conditionalText(const clang::ConditionalOperator *conditional,
                                 const std::function<std::string(const clang::Expr *)> &branch) {
  // Operands printed in source order: printing may emit callees, and the
  // output order must not depend on the C++ compiler's evaluation order.
  std::string condition = expr(conditional->getCond());
  ExprSplit *split = split_ && split_->active ? split_ : nullptr;
  size_t index = 0;
  if (split) {
    ExprSplit::Frame frame;
    frame.branches = true;
    frame.text = condition;
    frame.branch = 1;
    index = split->open(std::move(frame));
  }
  std::string whenTrue = branch(conditional->getTrueExpr());
  if (split)
    split->frames[index].branch = 2;
  std::string whenFalse = branch(conditional->getFalseExpr());
  if (split) {
    ExprSplit::Frame closed = split->close(index);
    if (closed.done)
      condition = closed.held + " == 1";
  }
  return "(" + condition + " ? " + whenTrue + " : " + whenFalse + ")";
}

// `a + b + c` parses as `(a + b) + c`: a left operand of the same precedence
// prints without its parentheses, so long sums neither nest past OpenCL's
// bracket limit nor cost quadratic time (one string, built once). In a split
// root a chain is cut into pieces of kPieceLinks links.
std::string FunctionEmitter::binaryChain(const clang::BinaryOperator *binary) {
  std::vector<const clang::BinaryOperator *> chain = {binary};
  int level = chainLevel(binary->getOpcode());
  while (level != 0) {
    auto *inner = llvm::dyn_cast<clang::BinaryOperator>(chain.back()->getLHS());
    if (!inner || chainLevel(inner->getOpcode()) != level)
      break;
    chain.push_back(inner);
  }
  ExprSplit *split = split_ && split_->active ? split_ : nullptr;
  if (split && binary->getOpcode() == clang::BO_Comma)
    return split->comma(binary);
  if (split && binary->isAssignmentOp())
    return split->assignment(binary);
  // Operands printed in source order: printing may emit callees, and the
  // output order must not depend on the C++ compiler's evaluation order.
  std::string text = expr(chain.back()->getLHS());
  unsigned links = 0;
  for (auto link = chain.rbegin(); link != chain.rend(); ++link) {
    std::string operand;
    if (split && (*link)->isLogicalOp()) {
      // The right operand runs when the left one is true (&&) or false (||).
      ExprSplit::Frame frame;
      frame.branches = true;
      frame.text = text;
      frame.branch = (*link)->getOpcode() == clang::BO_LAnd ? 1 : 2;
      size_t index = split->open(std::move(frame));
      operand = expr((*link)->getRHS());
      ExprSplit::Frame closed = split->close(index);
      if (closed.done)
        text = closed.held + " == 1";
    } else {
      operand = expr((*link)->getRHS());
    }
    text += " ";
    text += (*link)->getOpcodeStr();
    text += " ";
    text += operand;
    if (split && ++links >= kPieceLinks && std::next(link) != chain.rend()) {
      text = split->holdChain(*link, text);
      links = 0;
    }
  }
  return text;
}

std::string FunctionEmitter::exprTop(const clang::Expr *e) {
  if (!split_)
    return rootExpr(e, RootForm::Top);
  std::string text = expr(e);
  // A comma operator keeps its parentheses: where exprTop is used (an
  // initializer, a call argument) a bare comma would change the meaning.
  if (isCommaOperator(e))
    return text;
  return withoutOuterParentheses(text);
}

std::string FunctionEmitter::exprStatement(const clang::Expr *e) {
  if (!split_)
    return rootExpr(e, RootForm::Statement);
  return withoutOuterParentheses(exprTop(e));
}

std::string FunctionEmitter::expr(const clang::Expr *e) {
  if (!e)
    return "";
  if (!split_)
    return rootExpr(e, RootForm::Value);
  noteLocation(context_.getSourceManager(), e->getExprLoc());
  if (stackNearlyExhausted()) {
    if (!split_->stackReported)
      diagnostics_.error(e->getExprLoc(), "expression nested too deeply (the translator ran out "
                                          "of stack space here); split it");
    split_->stackReported = true;
    return "0";
  }
  return split_->print(e);
}

std::string FunctionEmitter::exprNode(const clang::Expr *e) {
  if (!replacements_.empty()) { // a warp-level call already run: this lane's result
    auto replaced = replacements_.find(e);
    if (replaced != replacements_.end())
      return replaced->second;
  }
  // Integral constants other than plain literals print evaluated (not tried
  // where a split root knows they cannot be: the evaluator would walk each
  // deep subtree again).
  if (!llvm::isa<clang::IntegerLiteral>(e) && !llvm::isa<clang::CharacterLiteral>(e) &&
      !llvm::isa<clang::CXXBoolLiteralExpr>(e) && !llvm::isa<clang::ParenExpr>(e) &&
      !(split_ && split_->active && split_->info.lookup(e).notConstant)) {
    bool ok = false;
    std::string value = constant(e, ok);
    if (ok)
      return value;
  }

  if (auto *literal = llvm::dyn_cast<clang::IntegerLiteral>(e))
    return integer(llvm::APSInt(literal->getValue(), e->getType()->isUnsignedIntegerType()),
                   e->getType());
  if (auto *literal = llvm::dyn_cast<clang::CharacterLiteral>(e))
    return std::to_string(literal->getValue());
  if (auto *literal = llvm::dyn_cast<clang::CXXBoolLiteralExpr>(e))
    return literal->getValue() ? "true" : "false";
  if (auto *literal = llvm::dyn_cast<clang::FloatingLiteral>(e))
    return floating(literal->getValue(), e->getType(), e->getExprLoc());
  if (auto *literal = llvm::dyn_cast<clang::StringLiteral>(e)) {
    std::string text;
    llvm::raw_string_ostream stream(text);
    literal->outputString(stream);
    return stream.str();
  }
  if (auto *predefined = llvm::dyn_cast<clang::PredefinedExpr>(e)) // __func__, __PRETTY_FUNCTION__
    return predefined->getFunctionName() ? expr(predefined->getFunctionName()) : "\"\"";
  if (llvm::isa<clang::CXXNullPtrLiteralExpr>(e) || llvm::isa<clang::GNUNullExpr>(e))
    return "0";
  if (auto *paren = llvm::dyn_cast<clang::ParenExpr>(e)) {
    if (isCommaOperator(paren->getSubExpr()))
      return expr(paren->getSubExpr()); // exprTop keeps a comma's parentheses
    return "(" + exprTop(paren->getSubExpr()) + ")";
  }
  if (auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
    return declRef(ref);
  if (auto *castExpr = llvm::dyn_cast<clang::CastExpr>(e))
    return cast(castExpr);
  if (auto *unary = llvm::dyn_cast<clang::UnaryOperator>(e)) {
    if (unary->isIncrementDecrementOp() && isStoredPointer(unary->getSubExpr()))
      return storedPointerUpdate(unary);
    if (unary->getOpcode() == clang::UO_AddrOf && unary->getSubExpr()->getType()->isPointerType() &&
        !isStoredPointer(unary->getSubExpr()))
      return unsupported(e, "the address of a pointer variable (hold the pointer in an array or "
                            "struct to point at it)");
    // `&p[i]` only computes an address: memcheck checks accesses.
    const clang::Expr *outerTaken = addressTaken_;
    if (unary->getOpcode() == clang::UO_AddrOf)
      addressTaken_ = unary->getSubExpr()->IgnoreParens();
    std::string sub = expr(unary->getSubExpr());
    addressTaken_ = outerTaken;
    if (unary->getOpcode() == clang::UO_Extension || unary->getOpcode() == clang::UO_Plus)
      return sub;
    if (unary->getOpcode() == clang::UO_Deref && module_.memcheck())
      return checkedDereference(unary, sub);
    if (unary->getOpcode() == clang::UO_AddrOf)
      if (auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(unary->getSubExpr()->IgnoreParens()))
        if (auto *variable = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
            variable && placedInScratch(variable))
          return scratchArrayAddress(ref, sub);
    if (unary->getOpcode() == clang::UO_Real || unary->getOpcode() == clang::UO_Imag ||
        unary->getOpcode() == clang::UO_Coawait)
      return unsupported(e, "this unary operator");
    std::string op = clang::UnaryOperator::getOpcodeStr(unary->getOpcode()).str();
    return unary->isPostfix() ? "(" + sub + op + ")" : "(" + op + sub + ")";
  }
  if (auto *binary = llvm::dyn_cast<clang::BinaryOperator>(e)) {
    if (binary->isPtrMemOp())
      return unsupported(e, "a pointer to member");
    if (binary->isAssignmentOp() && isStoredPointer(binary->getLHS()))
      return storedPointerUpdate(binary);
    // nvcc -fmad=false: no product may be fused into an fma. PoCL contracts
    // across FP_CONTRACT OFF, so each product goes through a helper whose
    // result cannot be fused (builtin_helpers.cpp, fmul_rn).
    if (!module_.floatModel().contract &&
        (binary->getOpcode() == clang::BO_Mul || binary->getOpcode() == clang::BO_MulAssign)) {
      bool isFloat = binary->getType()->isSpecificBuiltinType(clang::BuiltinType::Float);
      bool isDouble = binary->getType()->isSpecificBuiltinType(clang::BuiltinType::Double);
      const clang::Expr *target = binary->getLHS()->IgnoreParens();
      bool simpleTarget =
          binary->getOpcode() == clang::BO_Mul || llvm::isa<clang::DeclRefExpr>(target);
      if ((isFloat || isDouble) && simpleTarget) {
        const char *helper = isFloat ? "fmul_rn" : "dmul_rn";
        module_.requireHelper(helper, {});
        std::string product = std::string("cucl_") + helper + "(" + exprTop(binary->getLHS()) +
                              ", " + exprTop(binary->getRHS()) + ")";
        if (binary->getOpcode() == clang::BO_MulAssign)
          return "(" + expr(target) + " = " + product + ")";
        return product;
      }
    }
    // CUDA's global index idiom is OpenCL's global id (no offset is ever set):
    // the form OpenCL compilers know, which PoCL vectorizes as it does
    // hand-written code; truncated to uint, it wraps as CUDA's sum does.
    if (int dimension = globalIndexDimension(binary); dimension >= 0 && !laneMode()) {
      spec_.usesThreadIndex = true;
      return "((uint)get_global_id(" + std::to_string(dimension) + "))";
    }
    return "(" + binaryChain(binary) + ")";
  }
  if (auto *conditional = llvm::dyn_cast<clang::ConditionalOperator>(e))
    return conditionalText(conditional, [this](const clang::Expr *arm) { return expr(arm); });
  if (auto *subscript = llvm::dyn_cast<clang::ArraySubscriptExpr>(e)) {
    std::string base = expr(subscript->getLHS());
    return checkedSubscript(subscript, base + "[" + exprTop(subscript->getRHS()) + "]");
  }
  if (auto *member = llvm::dyn_cast<clang::MemberExpr>(e)) {
    auto *field = llvm::dyn_cast<clang::FieldDecl>(member->getMemberDecl());
    if (!field)
      return unsupported(e, "a member function or static member");
    std::string base = expr(member->getBase());
    if (member->isArrow() && field->isBitField())
      base = checkedArrowBase(member, base); // no address: the whole object is checked
    std::string text = base + (member->isArrow() ? "->" : ".") + RecordEmitter::fieldName(field);
    return member->isArrow() && !field->isBitField() ? checkedMember(member, text) : text;
  }
  if (auto *callExpr = llvm::dyn_cast<clang::CallExpr>(e))
    return call(callExpr);
  if (auto *pseudo = llvm::dyn_cast<clang::PseudoObjectExpr>(e))
    return pseudoObject(pseudo);
  if (auto *list = llvm::dyn_cast<clang::InitListExpr>(e))
    return initList(list, false);
  if (auto *temporary = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(e))
    return expr(temporary->getSubExpr());
  if (auto *cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(e))
    return expr(cleanups->getSubExpr());
  if (auto *bind = llvm::dyn_cast<clang::CXXBindTemporaryExpr>(e))
    return expr(bind->getSubExpr());
  if (auto *constantExpr = llvm::dyn_cast<clang::ConstantExpr>(e))
    return expr(constantExpr->getSubExpr());
  if (auto *substituted = llvm::dyn_cast<clang::SubstNonTypeTemplateParmExpr>(e))
    return expr(substituted->getReplacement());
  if (auto *defaultArg = llvm::dyn_cast<clang::CXXDefaultArgExpr>(e))
    return expr(defaultArg->getExpr());
  if (auto *defaultInit = llvm::dyn_cast<clang::CXXDefaultInitExpr>(e))
    return expr(defaultInit->getExpr());
  if (llvm::isa<clang::ImplicitValueInitExpr>(e) || llvm::isa<clang::CXXScalarValueInitExpr>(e)) {
    if (e->getType()->isScalarType())
      return "((" + types_.typeName(e->getType(), AddressSpace::Private, e->getExprLoc()) + ")0)";
    return "((" + types_.typeName(e->getType(), AddressSpace::Private, e->getExprLoc()) + "){0})";
  }
  if (auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(e)) {
    const clang::CXXConstructorDecl *constructor = construct->getConstructor();
    if (constructor->isTrivial() && constructor->isCopyOrMoveConstructor() &&
        construct->getNumArgs() == 1)
      return expr(construct->getArg(0));
    if (constructor->isTrivial() && construct->getNumArgs() == 0)
      return "((" + types_.typeName(e->getType(), AddressSpace::Private, e->getExprLoc()) + "){0})";
    return constructorCall(construct);
  }
  if (auto *traitExpr = llvm::dyn_cast<clang::UnaryExprOrTypeTraitExpr>(e))
    return unsupported(traitExpr, "a sizeof/alignof of a type without a constant size");
  if (llvm::isa<clang::LambdaExpr>(e))
    return unsupported(e, "a lambda expression");
  if (llvm::isa<clang::CXXThrowExpr>(e))
    return unsupported(e, "a throw expression");
  if (llvm::isa<clang::CXXNewExpr>(e))
    return unsupported(e, "operator new");
  if (llvm::isa<clang::CXXDeleteExpr>(e))
    return unsupported(e, "operator delete");
  if (llvm::isa<clang::CXXTypeidExpr>(e))
    return unsupported(e, "typeid");
  if (llvm::isa<clang::CXXThisExpr>(e)) {
    auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(spec_.function);
    if (method && !method->isStatic()) {
      if (spec_.mode != ExecMode::Warp)
        return "cucl_this";
      bool byValue = !spec_.spaces.empty() && spec_.spaces[0] == AddressSpace::Unknown;
      return byValue ? "(&cucl_self[cucl_l])" : "cucl_this[cucl_l]";
    }
    return unsupported(e, "'this' outside a member function");
  }
  if (llvm::isa<clang::StmtExpr>(e))
    return unsupported(e, "a statement expression");
  return unsupported(e, std::string("expression '") + e->getStmtClassName() + "'");
}

std::string FunctionEmitter::pseudoObject(const clang::PseudoObjectExpr *pseudo) {
  auto *property =
      llvm::dyn_cast<clang::MSPropertyRefExpr>(pseudo->getSyntacticForm()->IgnoreParens());
  if (property) {
    const clang::Expr *baseExpr = property->getBaseExpr()->IgnoreParenImpCasts();
    if (auto *opaque = llvm::dyn_cast<clang::OpaqueValueExpr>(baseExpr))
      baseExpr = opaque->getSourceExpr()->IgnoreParenImpCasts();
    auto *base = llvm::dyn_cast<clang::DeclRefExpr>(baseExpr);
    std::string field = property->getPropertyDecl()->getNameAsString();
    if (base && isIndexVariable(base->getDecl()->getNameAsString()) && field.size() == 1 &&
        field[0] >= 'x' && field[0] <= 'z') {
      static const std::map<std::string, std::string> functions = {{"threadIdx", "get_local_id"},
                                                                   {"blockIdx", "get_group_id"},
                                                                   {"blockDim", "get_local_size"},
                                                                   {"gridDim", "get_num_groups"}};
      std::string variable = base->getDecl()->getNameAsString();
      if (variable == "threadIdx" || variable == "blockDim") {
        spec_.usesThreadIndex = true;
        // Lane mode: a work-item is a warp; the warp knows its lanes' indices.
        if (laneMode())
          return variable == "threadIdx" ? "cucl_w->t" + field + "[cucl_l]" : "cucl_w->bd" + field;
      }
      return "((uint)" + functions.at(variable) + "(" + std::to_string(field[0] - 'x') + "))";
    }
  }
  return unsupported(pseudo, "this property access");
}

std::string FunctionEmitter::declRef(const clang::DeclRefExpr *ref) {
  const clang::ValueDecl *decl = ref->getDecl();
  if (auto *enumerator = llvm::dyn_cast<clang::EnumConstantDecl>(decl))
    return integer(enumerator->getInitVal(), ref->getType());
  if (llvm::isa<clang::FunctionDecl>(decl))
    return unsupported(ref, "a function pointer");
  auto *variable = llvm::dyn_cast<clang::VarDecl>(decl);
  if (!variable)
    return unsupported(ref, "a reference to '" + decl->getNameAsString() + "'");
  std::string name = variable->getNameAsString();
  if (isSystemDecl(context_, variable)) {
    if (name == "warpSize")
      return "32";
    if (isIndexVariable(name))
      return unsupported(ref, "'" + name + "' as a whole (use ." + "x/.y/.z)");
  }
  if (variable->hasAttr<clang::CUDASharedAttr>()) {
    if (variable->hasExternalStorage() || variable->getType()->isIncompleteArrayType()) {
      spec_.usesDynamicShared = true;
      clang::QualType element = variable->getType();
      if (auto *array = context_.getAsArrayType(element))
        element = array->getElementType();
      else
        return unsupported(ref, "an extern __shared__ variable that is not an array");
      return "((" +
             types_.typeName(context_.getPointerType(element), AddressSpace::Local,
                             ref->getExprLoc()) +
             ")cucl_dynamic_shared)";
    }
    useShared(variable);
    std::string hoisted = module_.sharedName(variable);
    return spec_.isKernel ? hoisted : "(*" + hoisted + ")";
  }
  if (variable->hasGlobalStorage() && !variable->isLocalVarDeclOrParm()) {
    // Constants (constexpr / const with a constant initializer) print as values.
    if (variable->getType().isConstQualified() && variable->getAnyInitializer()) {
      if (const clang::APValue *value = variable->evaluateValue()) {
        if (value->isInt())
          return integer(value->getInt(), variable->getType());
        if (value->isFloat())
          return floating(value->getFloat(), variable->getType(), ref->getExprLoc());
      }
    }
    if (const DeviceSymbol *symbol = module_.symbol(variable))
      return symbolAccess(*symbol, ref);
    if (isManagedVariable(*variable)) {
      useManagedVariable(variable);
      return "(*" + managedName(variable->getCanonicalDecl()) + ")";
    }
    if (module_.rejectedSymbol(variable))
      return "0"; // its declaration was reported
    if (isDeviceSymbolVariable(*variable))
      return unsupported(ref,
                         std::string(variable->hasAttr<clang::CUDAConstantAttr>() ? "__constant__"
                                                                                  : "__device__") +
                             " variable '" + name +
                             "' without a definition in this file (separate compilation)");
    return unsupported(ref, "global variable '" + name + "'");
  }
  if (variable->isStaticLocal())
    return unsupported(ref, "static local variable '" + name + "'");
  std::string printed = localName(variable);
  if (isLaneVariable(variable)) { // one element per lane
    if (!inLanes_)
      return unsupported(ref, "reading the per-lane variable '" + name +
                                  "' outside a lane loop (cucl internal error)");
    printed += "[cucl_l]";
  }
  if (variable->getType()->isReferenceType() && !valueReferences_.count(variable))
    return "(*" + printed + ")";
  return printed;
}

// The variable as an lvalue in its segment: `(*(T __space *)(segment + offset))`
// (bool stored as uchar: OpenCL gives bool no size). __constant__ data is read
// through the CUCL_CONSTANT view; where the program takes its address (a
// pointer, a reference argument, a member call) the segment's __global view
// gives a pointer the rest of the emitter already handles.
std::string FunctionEmitter::symbolAccess(const DeviceSymbol &symbol,
                                          const clang::DeclRefExpr *ref) {
  spec_.usesSymbols = true;
  AddressSpace space = AddressSpace::Global;
  std::string segment = "cucl_device_symbols";
  if (symbol.constant) {
    bool read = onlyRead(ref);
    space = read ? AddressSpace::Constant : AddressSpace::Global;
    segment = read ? "cucl_constant_symbols" : "cucl_constant_symbols_g";
  }
  clang::QualType type = storedType(symbol.variable->getType());
  return "(*(" + types_.typeName(context_.getPointerType(type), space, ref->getExprLoc()) + ")(" +
         segment + " + " + std::to_string(symbol.offset) + "))";
}

// A derived-to-base conversion: the base members along the cast's path
// (record_emitter.h), as an lvalue, or its address for a pointer.
std::string FunctionEmitter::baseSubobject(const clang::CastExpr *castExpr) {
  const clang::Expr *sub = castExpr->getSubExpr();
  bool pointer = castExpr->getType()->isPointerType();
  clang::QualType from = pointer ? sub->getType()->getPointeeType() : sub->getType();
  const clang::CXXRecordDecl *current = from->getAsCXXRecordDecl();
  std::string access = pointer ? "(*" + exprTop(sub) + ")" : expr(sub);
  for (const clang::CXXBaseSpecifier *base : castExpr->path()) {
    const clang::CXXRecordDecl *baseDecl = base->getType()->getAsCXXRecordDecl();
    if (!current || !baseDecl || baseDecl->isEmpty())
      return unsupported(castExpr, "a conversion to an empty base class");
    access = "(" + access + ")." + RecordEmitter::baseFieldName(current, base);
    current = baseDecl;
  }
  return pointer ? "(&" + access + ")" : access;
}

clang::QualType FunctionEmitter::storedType(clang::QualType type) {
  if (!context_.getBaseElementType(type)->isBooleanType())
    return type;
  clang::QualType byte = context_.UnsignedCharTy;
  if (type.isConstQualified() || context_.getBaseElementType(type).isConstQualified())
    byte.addConst();
  if (auto *array = context_.getAsConstantArrayType(type))
    return context_.getConstantArrayType(byte, array->getSize(), nullptr, clang::ArrayType::Normal,
                                         0);
  return byte;
}

// A file-scope variable's qualified name as an identifier (`ns::x` -> `ns__x`).
std::string FunctionEmitter::qualifiedIdentifier(const clang::VarDecl *variable) {
  std::string name;
  for (char c : variable->getQualifiedNameAsString())
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

std::string FunctionEmitter::managedName(const clang::VarDecl *variable) {
  return "cucl_managed_" + qualifiedIdentifier(variable);
}

std::string FunctionEmitter::managedPointerType(const clang::VarDecl *variable,
                                                const std::string &declarator) {
  return types_.declare(context_.getPointerType(storedType(variable->getType())), declarator,
                        AddressSpace::Global, variable->getLocation());
}

void FunctionEmitter::useManagedVariable(const clang::VarDecl *variable) {
  variable = variable->getCanonicalDecl();
  for (const clang::VarDecl *known : spec_.managedVariables)
    if (known == variable)
      return;
  spec_.managedVariables.push_back(variable);
}

// True when the value at `ref` is only read: loaded (possibly through member
// and element accesses) or copied by a trivial copy constructor.
bool FunctionEmitter::onlyRead(const clang::Expr *ref) {
  const clang::Expr *node = ref;
  while (true) {
    clang::DynTypedNodeList parents = context_.getParents(*node);
    if (parents.size() != 1)
      return false;
    const auto *parent = parents[0].get<clang::Expr>();
    if (!parent)
      return false;
    if (llvm::isa<clang::ParenExpr>(parent)) {
      node = parent;
      continue;
    }
    if (auto *member = llvm::dyn_cast<clang::MemberExpr>(parent)) {
      if (member->isArrow() || !llvm::isa<clang::FieldDecl>(member->getMemberDecl()))
        return false;
      node = parent;
      continue;
    }
    if (auto *cast = llvm::dyn_cast<clang::ImplicitCastExpr>(parent)) {
      if (cast->getCastKind() == clang::CK_LValueToRValue)
        return true;
      if (cast->getCastKind() == clang::CK_NoOp) {
        node = parent;
        continue;
      }
      if (cast->getCastKind() != clang::CK_ArrayToPointerDecay)
        return false;
      clang::DynTypedNodeList above = context_.getParents(*cast);
      const auto *subscript =
          above.size() == 1 ? above[0].get<clang::ArraySubscriptExpr>() : nullptr;
      if (!subscript || subscript->getBase() != cast)
        return false;
      node = subscript;
      continue;
    }
    if (auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(parent))
      return construct->getConstructor()->isCopyOrMoveConstructor() &&
             construct->getConstructor()->isTrivial();
    return false;
  }
}

std::string FunctionEmitter::cast(const clang::CastExpr *castExpr) {
  const clang::Expr *sub = castExpr->getSubExpr();
  switch (castExpr->getCastKind()) {
  case clang::CK_NullToPointer:
    return "0";
  case clang::CK_DerivedToBase:
  case clang::CK_UncheckedDerivedToBase:
    return baseSubobject(castExpr);
  case clang::CK_BaseToDerived:
  case clang::CK_Dynamic:
    return unsupported(castExpr, "a cast between base and derived classes");
  case clang::CK_ConstructorConversion:
  case clang::CK_UserDefinedConversion:
    if (sub->getType().getCanonicalType().getUnqualifiedType() ==
        castExpr->getType().getCanonicalType().getUnqualifiedType())
      return expr(sub);
    return unsupported(castExpr, "a user-defined conversion");
  case clang::CK_FunctionToPointerDecay:
    return unsupported(castExpr, "a function pointer");
  case clang::CK_ToUnion:
  case clang::CK_VectorSplat:
  case clang::CK_MemberPointerToBoolean:
    return unsupported(castExpr, "this conversion");
  default:
    break;
  }
  // OpenCL C rejects a floating-point condition in '?:', so the implicit
  // float-to-bool test is spelled out (NaN != 0 is true, as in C++).
  if (castExpr->getCastKind() == clang::CK_FloatingToBoolean &&
      llvm::isa<clang::ImplicitCastExpr>(castExpr))
    return "(" + expr(sub) + " != 0)";
  if (castExpr->getCastKind() == clang::CK_LValueToRValue && isStoredPointer(sub))
    return loadStoredPointer(sub);
  if (castExpr->getCastKind() == clang::CK_IntegralToPointer) // a device address
    return nearPointer("(ulong)(" + exprTop(sub) + ")", castExpr->getType(),
                       castExpr->getExprLoc());
  if (llvm::isa<clang::ImplicitCastExpr>(castExpr))
    return expr(sub); // C performs the same conversion implicitly
  clang::QualType type = castExpr->getType();
  if (type->isVoidType())
    return "((void)" + expr(sub) + ")";
  if (!type->isScalarType())
    return expr(sub); // records, references: a copy or a no-op
  AddressSpace space = type->isPointerType() ? pointee(castExpr) : AddressSpace::Private;
  return "((" + types_.typeName(type, space, castExpr->getExprLoc()) + ")" + expr(sub) + ")";
}

std::string FunctionEmitter::initList(const clang::InitListExpr *list, bool braced) {
  if (list->getType()->isScalarType())
    return list->getNumInits() ? expr(list->getInit(0)) : "0";
  std::string text = "{";
  for (unsigned i = 0; i < list->getNumInits(); ++i) {
    const clang::Expr *init = list->getInit(i);
    if (i)
      text += ", ";
    if (auto *nested = llvm::dyn_cast<clang::InitListExpr>(init->IgnoreImplicit()))
      text += initList(nested, true);
    else if (llvm::isa<clang::ImplicitValueInitExpr>(init) && !init->getType()->isScalarType())
      text += "{0}";
    else if (init->getType()->isPointerType() && llvm::isa<clang::ImplicitValueInitExpr>(init))
      text += "0"; // a null device address
    else if (init->getType()->isPointerType() && !init->getType()->isFunctionPointerType())
      text += storedPointer(init);
    else
      text += exprTop(init);
  }
  if (list->getNumInits() == 0)
    text += "0";
  text += "}";
  if (braced)
    return text;
  return "((" + types_.typeName(list->getType(), AddressSpace::Private, list->getExprLoc()) + ")" +
         text + ")";
}

std::optional<std::vector<AddressSpace>> FunctionEmitter::argumentSpaces(const UserCall &target,
                                                                         bool final) {
  std::vector<AddressSpace> spaces;
  auto add = [&](const clang::Expr *arg, bool isLvalue) {
    std::optional<AddressSpace> space =
        isLvalue ? inference_.storageSpace(arg) : inference_.pointeeSpace(arg);
    if (!space) {
      if (final)
        diagnostics_.unsupported(
            arg->getExprLoc(),
            "a pointer whose address space cannot be inferred (loaded from memory, "
            "or a pointer to pointer)");
      return false;
    }
    if (*space == AddressSpace::Unknown) {
      if (!final)
        return false;
      space = AddressSpace::Private;
    }
    spaces.push_back(*space);
    return true;
  };
  // A temporary object has no address in C: its member function gets a copy
  // (space Unknown marks that variant; changes to a temporary are lost anyway).
  if (target.object && !target.objectIsPointer && isTemporaryObject(target.object))
    spaces.push_back(AddressSpace::Unknown);
  else if (target.object && !add(target.object, !target.objectIsPointer))
    return std::nullopt;
  const clang::FunctionDecl *callee = target.callee;
  for (unsigned i = 0; i < callee->getNumParams() && i < target.args.size(); ++i) {
    const clang::ParmVarDecl *parameter = callee->getParamDecl(i);
    if (!isSpaceParameter(parameter))
      continue;
    // A const reference to a temporary, or to storage whose space cannot be
    // inferred, gets the by-value clone (Unknown marks that slot).
    if (isConstReferenceParameter(parameter) &&
        (passesConstReferenceByValue(target.args[i]) || !inference_.storageSpace(target.args[i]))) {
      spaces.push_back(AddressSpace::Unknown);
      continue;
    }
    if (!add(target.args[i], parameter->getType()->isReferenceType()))
      return std::nullopt;
  }
  return spaces;
}

std::optional<FunctionEmitter::UserCall>
FunctionEmitter::resolveUserCall(const clang::CallExpr *callExpr) {
  const clang::FunctionDecl *callee = callExpr->getDirectCallee();
  const clang::FunctionDecl *definition = nullptr;
  if (!callee || !callee->hasBody(definition) || isSystemDecl(context_, callee) ||
      callee->getBuiltinID() != 0 || callee->hasAttr<clang::CUDAGlobalAttr>())
    return std::nullopt;
  UserCall target;
  target.callee = definition;
  target.args.assign(callExpr->arg_begin(), callExpr->arg_end());
  auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(callee);
  if (!method || method->isStatic())
    return target;
  if (method->isVirtual() || llvm::isa<clang::CXXConstructorDecl>(method) ||
      llvm::isa<clang::CXXDestructorDecl>(method))
    return std::nullopt;
  if (auto *member = llvm::dyn_cast<clang::CXXMemberCallExpr>(callExpr)) {
    target.object = member->getImplicitObjectArgument();
    auto *calleeExpr = llvm::dyn_cast<clang::MemberExpr>(member->getCallee()->IgnoreParens());
    target.objectIsPointer = calleeExpr && calleeExpr->isArrow();
    return target;
  }
  if (llvm::isa<clang::CXXOperatorCallExpr>(callExpr) && !target.args.empty()) {
    target.object = target.args.front(); // `a op b` with a member operator: a is the object
    target.args.erase(target.args.begin());
    return target;
  }
  return std::nullopt;
}

std::optional<AddressSpace> FunctionEmitter::callResultSpace(const clang::CallExpr *callExpr) {
  std::optional<UserCall> target = resolveUserCall(callExpr);
  if (!target)
    return std::nullopt;
  std::optional<std::vector<AddressSpace>> spaces = argumentSpaces(*target, false);
  if (!spaces)
    return AddressSpace::Unknown; // not known yet: the next round will tell
  Specialization *specialization = module_.specialize(
      target->callee, *spaces, callExpr->getExprLoc(), ExecMode::Thread, spec_.scratch);
  if (!specialization)
    return AddressSpace::Unknown;
  return specialization->returnSpace;
}

std::string FunctionEmitter::call(const clang::CallExpr *callExpr) {
  const clang::FunctionDecl *callee = callExpr->getDirectCallee();
  if (!callee)
    return unsupported(callExpr, "a call through a function pointer");
  if (auto *member = llvm::dyn_cast<clang::CXXMemberCallExpr>(callExpr)) {
    // `dim3 t = threadIdx` converts the whole built-in through an operator.
    if (auto *object = llvm::dyn_cast_or_null<clang::DeclRefExpr>(
            member->getImplicitObjectArgument()
                ? member->getImplicitObjectArgument()->IgnoreParenImpCasts()
                : nullptr))
      if (isIndexVariable(object->getDecl()->getNameAsString()) &&
          isSystemDecl(context_, object->getDecl()))
        return unsupported(callExpr, "'" + object->getDecl()->getNameAsString() +
                                         "' as a whole (use .x/.y/.z)");
  }
  if (auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(callee)) {
    // `a = b` on a struct is a call to its trivial assignment operator.
    if (method->isTrivial() &&
        (method->isCopyAssignmentOperator() || method->isMoveAssignmentOperator()) &&
        callExpr->getNumArgs() == 2) {
      std::string target = expr(callExpr->getArg(0));
      return "(" + target + " = " + expr(callExpr->getArg(1)) + ")";
    }
    if (method->isVirtual())
      return unsupported(callExpr, "a virtual function call");
  }
  if (callee->hasAttr<clang::CUDAGlobalAttr>())
    return unsupported(callExpr, "a kernel launch from device code");
  if (std::optional<UserCall> target = resolveUserCall(callExpr))
    return userCall(callExpr, *target);
  if (llvm::isa<clang::CXXMethodDecl>(callee))
    return unsupported(callExpr, "a call to member function '" + callee->getNameAsString() +
                                     "' without a body");
  if (isTextureFunction(callee))
    return textureCall(callExpr, callee);
  std::vector<const clang::Expr *> args(callExpr->arg_begin(), callExpr->arg_end());
  return builtinCall(callExpr, callee, args);
}

// A user-defined constructor is emitted as a factory returning the object
// by value (see FunctionEmitter::emit), so a construction is a plain call.
std::string FunctionEmitter::constructorCall(const clang::CXXConstructExpr *construct) {
  const clang::CXXConstructorDecl *constructor = construct->getConstructor();
  const clang::FunctionDecl *definition = nullptr;
  std::string record = constructor->getParent()->getNameAsString();
  if (construct->getType()->isArrayType())
    return unsupported(construct, "an array of objects with a constructor ('" + record + "')");
  if (!constructor->hasBody(definition) || isSystemDecl(context_, constructor))
    return unsupported(construct, "a call to constructor '" + record + "' without a body");
  UserCall target;
  target.callee = definition;
  target.args.assign(construct->arg_begin(), construct->arg_end());
  return userCall(construct, target);
}

std::string FunctionEmitter::userCall(const clang::Expr *callExpr, const UserCall &target) {
  const clang::FunctionDecl *callee = target.callee;
  if (callee->isVariadic())
    return unsupported(callExpr, "a call to a variadic function");
  std::optional<std::vector<AddressSpace>> spaces = argumentSpaces(target, true);
  if (!spaces)
    return "0";
  Specialization *specialization =
      module_.specialize(callee, *spaces, callExpr->getExprLoc(), ExecMode::Thread, spec_.scratch);
  if (!specialization)
    return "0";
  if (laneMode()) {
    // In a lane loop: the callee runs for one lane; one that reads threadIdx
    // or blockDim gets the lane (warp-level callees were run before the loop).
    if (specialization->usesWarpFeatures || specialization->usesBarrier)
      return unsupported(callExpr, "a call with warp-level operations where cucl cannot separate "
                                   "it from the statement around it");
    if (specialization->usesThreadIndex)
      specialization = module_.specialize(callee, *spaces, callExpr->getExprLoc(), ExecMode::Lane,
                                          spec_.scratch);
    if (!specialization)
      return "0";
  }
  useSpecializationShared(*specialization);
  spec_.callees.push_back(specialization);
  if (!laneMode() && specialization->usesBarrier && !specialization->usesWarpFeatures &&
      divergentAt(callExpr))
    spec_.usesWarpFeatures = true; // a barrier under divergent control: see builtinCall
  std::string text = specialization->name + "(";
  bool first = true;
  auto append = [&](const std::string &argument) {
    text += (first ? "" : ", ") + argument;
    first = false;
  };
  size_t slot = 0; // index into *spaces, which has one entry per space parameter (and the object)
  if (target.object) {
    ++slot;
    if (target.objectIsPointer)
      append(exprTop(target.object));
    else if (isTemporaryObject(target.object)) // passed by value (see argumentSpaces)
      append(exprTop(target.object));
    else
      append(addressOf(target.object));
  }
  for (unsigned i = 0; i < target.args.size(); ++i) {
    const clang::ParmVarDecl *parameter =
        i < callee->getNumParams() ? callee->getParamDecl(i) : nullptr;
    bool byPointer = false;
    if (parameter && isSpaceParameter(parameter)) {
      AddressSpace space = slot < spaces->size() ? (*spaces)[slot] : AddressSpace::Private;
      ++slot;
      byPointer = parameter->getType()->isReferenceType() && space != AddressSpace::Unknown;
    }
    if (byPointer)
      append(addressOf(target.args[i]));
    else
      append(exprTop(target.args[i]));
  }
  for (const clang::VarDecl *shared : specialization->sharedVariables) {
    std::string hoisted = module_.sharedName(shared);
    append(spec_.isKernel ? "&" + hoisted : hoisted);
  }
  if (specialization->usesDynamicShared)
    append("cucl_dynamic_shared");
  if (specialization->usesVoteCounter)
    append(spec_.isKernel ? "&cucl_vote_counter" : "cucl_vote_counter");
  if (specialization->usesStatus && specialization->mode == ExecMode::Thread) {
    append("cucl_status");
    append("cucl_launch");
  }
  if (specialization->usesMemcheck && specialization->mode == ExecMode::Thread)
    append(laneMode() ? "cucl_w->mc" : "cucl_mc");
  if (usesScratch(*specialization) && specialization->mode == ExecMode::Thread)
    append(scratchArgument());
  for (const std::string &resource : resourceParameters(*specialization, false))
    append(resource);
  if (specialization->mode == ExecMode::Lane) {
    append("cucl_w");
    append(inLanes_ || spec_.mode == ExecMode::Lane ? "cucl_l" : "0u"); // uniform: any lane
  }
  text += ")";
  if (callee->getReturnType()->isReferenceType())
    return "(*" + text + ")";
  return text;
}

std::string FunctionEmitter::builtinCall(const clang::CallExpr *callExpr,
                                         const clang::FunctionDecl *callee,
                                         llvm::ArrayRef<const clang::Expr *> args) {
  std::string name = callee->getNameAsString();
  std::string signature = signatureOf(callee);
  if (module_.floatModel().fastFunctions)
    if (const std::string *intrinsic = fastMathIntrinsic(name, signature))
      name = *intrinsic;
  const BuiltinMapping *mapping = findBuiltin(name, signature);
  if (!mapping) {
    bool known = false;
    for (const BuiltinMapping &row : builtinMappings())
      known |= row.cudaName == name;
    if (known)
      return unsupported(callExpr, "'" + name + "(" + signature + ")'");
    if (!isSystemDecl(context_, callee) && !isDeviceRuntimeDecl(context_, callee) &&
        callee->getBuiltinID() == 0 && !callee->hasBody())
      return unsupported(callExpr, "calling '" + name + "' without its definition in this file");
    return unsupported(callExpr, "function '" + name + "'");
  }
  if (mapping->laneOp == LaneOp::LaneMask)
    return laneMaskValue(name);
  if (mapping->laneOp == LaneOp::GridValid) {
    // Only lane mode receives the launch's cooperative block count.
    spec_.usesWarpFeatures = true;
    if (!laneMode())
      return "0"; // a draft: the kernel is emitted again in lane mode
    spec_.usesGridSync = true;
    return "(cucl_w->grid_blocks != 0u)";
  }
  if (mapping->category == BuiltinCategory::Warp || mapping->laneOp != LaneOp::None) {
    if (laneMode()) // lane mode runs them before the statement (function_emitter_warp.cpp)
      return unsupported(callExpr, "'" + name +
                                       "' where cucl cannot separate it from the statement "
                                       "around it");
    if (mapping->category == BuiltinCategory::Warp) {
      // This draft is never used: the kernel is emitted again in lane mode.
      spec_.usesWarpFeatures = true;
      return "0";
    }
    spec_.usesBarrier = true;
    // A barrier that threads of one block may reach differently: lane mode
    // checks it (CUDA leaves it undefined; an OpenCL device may hang).
    if (divergentAt(callExpr))
      spec_.usesWarpFeatures = true;
  }
  // Arguments converted to the CUDA parameter types, as C++ did implicitly.
  std::vector<std::string> printed;
  for (unsigned i = 0; i < args.size(); ++i) {
    const clang::Expr *arg = args[i];
    if (i >= callee->getNumParams()) { // variadic (printf)
      const clang::Expr *value = arg->IgnoreImpCasts();
      if (value->getType()->isSpecificBuiltinType(clang::BuiltinType::Float)) {
        // C's default promotion to double, where the device has double.
        module_.requireDefinition("CUCL_VARARG_FLOAT", "");
        printed.push_back("CUCL_VARARG_FLOAT(" + exprTop(value) + ")");
      } else {
        printed.push_back(exprTop(value));
      }
      continue;
    }
    clang::QualType parameter =
        callee->getParamDecl(i)->getType().getCanonicalType().getUnqualifiedType();
    const clang::Expr *bare = arg->IgnoreImpCasts();
    if (parameter->isPointerType() || parameter->isReferenceType() ||
        bare->getType().getCanonicalType().getUnqualifiedType() == parameter)
      printed.push_back(exprTop(arg));
    else
      printed.push_back("(" + types_.typeName(parameter, AddressSpace::Private, arg->getExprLoc()) +
                        ")" + expr(bare));
  }
  // The spaces pointer arguments point to select per-space helper variants.
  std::vector<AddressSpace> spaces;
  for (const clang::Expr *arg : args)
    spaces.push_back(arg->getType()->isPointerType() ? pointee(arg) : AddressSpace::Private);
  if (mapping->category == BuiltinCategory::Atomic && !printed.empty() && module_.memcheck())
    printed[0] = checkedAtomicPointer(args[0], printed[0]);
  if (mapping->category == BuiltinCategory::Atomic) {
    AddressSpace space = spaces.empty() ? AddressSpace::Private : spaces[0];
    if (space != AddressSpace::Global && space != AddressSpace::Local)
      return unsupported(callExpr, "an atomic operation on private memory");
  }
  if (!mapping->helper.empty()) {
    std::string helper = mapping->helper;
    if (helper.size() > 2 && helper.compare(helper.size() - 2, 2, "$L") == 0)
      helper = helper.substr(0, helper.size() - 2) + (laneMode() ? "_lane" : "");
    module_.requireHelper(helper, spaces);
  }

  std::string text;
  const std::string &format = mapping->opencl;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '$' || i + 1 >= format.size()) {
      text += format[i];
      continue;
    }
    char next = format[i + 1];
    if (next == '*') {
      for (size_t a = 0; a < printed.size(); ++a)
        text += (a ? ", " : "") + printed[a];
      ++i;
    } else if (next == 'R' || next == 'F' || next == 'L') {
      // The launch's status record ($R), the context a failure is recorded
      // with ($F) and the suffix of the helper for it ($L): lane mode keeps
      // them in the warp state.
      spec_.usesStatus = true;
      if (next == 'R')
        text += laneMode() ? "cucl_w->status" : "cucl_status";
      else if (next == 'F')
        text += failureArguments();
      else
        text += failureSuffix();
      ++i;
    } else if (next == 'V') {
      // The block-wide __local counter of __syncthreads_count & co.
      spec_.usesVoteCounter = true;
      text += spec_.isKernel ? "&cucl_vote_counter" : "cucl_vote_counter";
      ++i;
    } else if (next == 'S' && i + 2 < format.size() && format[i + 2] >= '0' &&
               format[i + 2] <= '9') {
      size_t index = static_cast<size_t>(format[i + 2] - '0');
      text += helperSpaceName(index < spaces.size() ? spaces[index] : AddressSpace::Global);
      i += 2;
    } else if (next >= '0' && next <= '9') {
      size_t index = static_cast<size_t>(next - '0');
      text += index < printed.size() ? printed[index] : "0";
      ++i;
    } else {
      text += format[i];
    }
  }
  return text;
}

std::string FunctionEmitter::failureArguments() {
  spec_.usesStatus = true;
  std::string lane = inLanes_ || spec_.mode == ExecMode::Lane ? "cucl_l" : "0u";
  return laneMode() ? "cucl_w, " + lane : "cucl_status, cucl_launch";
}

// __lanemask_lt & co.: a per-lane value, also outside lane mode.
std::string FunctionEmitter::laneMaskValue(const std::string &name) {
  std::string lane = "cucl_l";
  if (!laneMode()) {
    spec_.usesThreadIndex = true;
    lane = "((uint)(get_local_id(0) + get_local_size(0) * (get_local_id(1) + get_local_size(1) * "
           "get_local_id(2))) & 31u)";
  }
  std::string below = "((1u << " + lane + ") - 1u)";
  std::string upTo = "((2u << " + lane + ") - 1u)"; // 2u << 31 wraps to 0: all lanes
  if (name == "__lanemask_lt")
    return below;
  if (name == "__lanemask_le")
    return upTo;
  if (name == "__lanemask_eq")
    return "(1u << " + lane + ")";
  if (name == "__lanemask_ge")
    return "(~" + below + ")";
  return "(~" + upTo + ")";
}

// The object of a member call that C cannot take the address of: a
// temporary (also one C++ materialized to bind the implicit `this`).
bool isTemporaryObject(const clang::Expr *object) {
  const clang::Expr *e = object->IgnoreParens();
  while (auto *cast = llvm::dyn_cast<clang::ImplicitCastExpr>(e)) {
    if (cast->getCastKind() != clang::CK_NoOp)
      break;
    e = cast->getSubExpr()->IgnoreParens();
  }
  return !e->isLValue() || llvm::isa<clang::MaterializeTemporaryExpr>(e);
}

const BuiltinMapping *builtinRowFor(const clang::FunctionDecl *callee) {
  return findBuiltin(callee->getNameAsString(), signatureOf(callee));
}

} // namespace cucl::translate
