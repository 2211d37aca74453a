// Statements, signatures and the kernel prologue for FunctionEmitter.
#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>
#include <clang/Basic/SourceManager.h>

#include "emit_device/function_emitter.h"

#include "analyse/type_contents.h"
#include "emit_device/opencl_names.h"
#include "emit_device/record_emitter.h"

namespace cucl::translate {
namespace {

bool isVolatilePointee(clang::QualType type) {
  return (type->isPointerType() || type->isReferenceType()) &&
         type->getPointeeType().isVolatileQualified();
}

// Member functions get `cucl_this` as a parameter; constructors create it.
bool isInstanceMethod(const clang::FunctionDecl *function) {
  auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(function);
  return method && !method->isStatic() && !llvm::isa<clang::CXXConstructorDecl>(method);
}

bool isSharedVariable(const clang::VarDecl *variable) {
  return variable->hasAttr<clang::CUDASharedAttr>();
}

} // namespace

FunctionEmitter::FunctionEmitter(ModuleServices &module, Specialization &specialization)
    : module_(module), spec_(specialization), context_(module.context()), types_(module.types()),
      diagnostics_(module.diagnostics()),
      inference_(module.diagnostics(),
                 [this](const clang::CallExpr *callExpr) { return callResultSpace(callExpr); }) {}

void FunctionEmitter::line(const std::string &text) {
  out_ += std::string(indent_ * 2, ' ') + text + "\n";
}

std::string FunctionEmitter::emit(EmittedKernel *kernel) {
  const clang::FunctionDecl *function = spec_.function;
  // Seed the parameters' spaces: kernels' pointers are __global; a device
  // function's come from its specialization.
  size_t next = 0;
  if (isInstanceMethod(function) && !spec_.spaces.empty()) {
    AddressSpace thisSpace = spec_.spaces[next++];
    inference_.seedThis(thisSpace == AddressSpace::Unknown ? AddressSpace::Private : thisSpace);
  }
  for (const clang::ParmVarDecl *parameter : function->parameters()) {
    if (spec_.isKernel) {
      if (parameter->getType()->isPointerType())
        inference_.seed(parameter, AddressSpace::Global);
    } else if (isSpaceParameter(parameter) && next < spec_.spaces.size()) {
      AddressSpace space = spec_.spaces[next++];
      if (space == AddressSpace::Unknown && isConstReferenceParameter(parameter)) {
        valueReferences_.insert(parameter); // the by-value clone: the parameter holds the value
        space = AddressSpace::Private;
      }
      inference_.seed(parameter, space);
    }
  }
  const auto *body = llvm::dyn_cast_or_null<clang::CompoundStmt>(function->getBody());
  if (!body) {
    diagnostics_.unsupported(function->getLocation(),
                             "a function body that is not a block (function-try-block)");
    return "";
  }
  planScratch(body);
  inference_.run(function);
  spec_.returnSpace = inference_.returnSpace();
  if (spec_.mode == ExecMode::Warp)
    return emitWarp(kernel, body);
  auto *constructor = llvm::dyn_cast<clang::CXXConstructorDecl>(function);
  if (constructor)
    constructorPrologue();
  if (isInstanceMethod(function) && !spec_.spaces.empty() &&
      spec_.spaces[0] == AddressSpace::Unknown) {
    auto *method = llvm::cast<clang::CXXMethodDecl>(function);
    line(types_.declare(method->getThisType(), "cucl_this", AddressSpace::Private,
                        function->getLocation()) +
         " = &cucl_self;");
  }
  compoundBody(body);
  if (constructor)
    line("return cucl_self;");
  std::string bodyText = std::move(out_);

  std::string text, epilogue;
  if (spec_.isKernel) {
    std::string prologue;
    std::string scratch = scratchPrologue(*kernel, bodyText, epilogue);
    text = kernelSignature(*kernel, prologue) + " {\n" + prologue;
    // Volatile shared arrays mark warp-synchronous code (steps that rely on
    // 32 threads in lockstep, without barriers): lane mode runs it. A
    // volatile shared scalar (a flag or broadcast value) needs no lockstep.
    for (const clang::VarDecl *shared : spec_.sharedVariables)
      if (shared->getType()->isArrayType() &&
          context_.getBaseElementType(shared->getType()).isVolatileQualified())
        spec_.usesWarpFeatures = true;
    for (const clang::VarDecl *shared : spec_.sharedVariables)
      text += "  " +
              types_.declare(shared->getType(), module_.sharedName(shared), AddressSpace::Private,
                             shared->getLocation(), "__local") +
              ";\n";
    if (spec_.usesVoteCounter)
      text += "  __local int cucl_vote_counter;\n";
    text += scratch + memcheckPrologue(false);
    if (spec_.usesDynamicShared)
      kernel->flags |= CUCL_KERNEL_DYNAMIC_SHARED;
  } else {
    text = deviceSignature() + " {\n";
  }
  return text + bodyText + epilogue + "}\n\n";
}

std::string FunctionEmitter::deviceSignature() {
  const clang::FunctionDecl *function = spec_.function;
  std::vector<std::string> parameters;
  size_t next = 0;
  if (isInstanceMethod(function)) {
    AddressSpace space = next < spec_.spaces.size() ? spec_.spaces[next] : AddressSpace::Private;
    ++next;
    clang::QualType thisType = llvm::cast<clang::CXXMethodDecl>(function)->getThisType();
    if (space == AddressSpace::Unknown) // the object is a temporary, passed by value
      parameters.push_back(types_.declare(thisType->getPointeeType().getUnqualifiedType(),
                                          "cucl_self", AddressSpace::Private,
                                          function->getLocation()));
    else
      parameters.push_back(types_.declare(thisType, "cucl_this", space, function->getLocation()));
  }
  for (const clang::ParmVarDecl *parameter : function->parameters()) {
    std::string name = localName(parameter);
    if (parameter->getName().empty())
      name = "cucl_arg" + std::to_string(parameter->getFunctionScopeIndex());
    clang::QualType type = parameter->getType();
    if (isSpaceParameter(parameter)) {
      AddressSpace space = next < spec_.spaces.size() ? spec_.spaces[next] : AddressSpace::Private;
      ++next;
      if (space == AddressSpace::Unknown && isConstReferenceParameter(parameter)) {
        parameters.push_back(types_.declare(type->getPointeeType(), name, AddressSpace::Private,
                                            parameter->getLocation()));
        continue;
      }
      if (space == AddressSpace::Local && isVolatilePointee(type))
        spec_.usesWarpFeatures = true; // warp-synchronous code: lane mode
      parameters.push_back(types_.declare(type, name, space, parameter->getLocation()));
    } else {
      parameters.push_back(
          types_.declare(type, name, AddressSpace::Private, parameter->getLocation()));
    }
  }
  for (const clang::VarDecl *shared : spec_.sharedVariables)
    parameters.push_back(types_.declare(context_.getPointerType(shared->getType()),
                                        module_.sharedName(shared), AddressSpace::Local,
                                        shared->getLocation()));
  if (spec_.usesDynamicShared)
    parameters.push_back("__local uchar *cucl_dynamic_shared");
  if (spec_.usesVoteCounter)
    parameters.push_back("__local int *cucl_vote_counter");
  if (spec_.usesStatus && spec_.mode == ExecMode::Thread) {
    parameters.push_back("__global uint *cucl_status");
    parameters.push_back("uint cucl_launch");
  }
  if (spec_.usesMemcheck && spec_.mode == ExecMode::Thread)
    parameters.push_back("const __private cucl_mc *cucl_mc");
  if (usesScratch(spec_) && spec_.mode == ExecMode::Thread)
    parameters.push_back("__global uchar *cucl_scratch");
  for (const std::string &resource : resourceParameters(spec_, true))
    parameters.push_back(resource);
  if (spec_.mode == ExecMode::Lane) { // one lane of a lane-mode kernel
    parameters.push_back("__private cucl_warp *cucl_w");
    parameters.push_back("uint cucl_l");
  }
  if (function->isVariadic())
    diagnostics_.unsupported(function->getLocation(), "a variadic function");

  clang::QualType result = function->getReturnType();
  if (auto *constructor = llvm::dyn_cast<clang::CXXConstructorDecl>(function))
    result = context_.getRecordType(constructor->getParent());
  // __forceinline__ / __noinline__ reach the OpenCL compiler as they reach nvcc's.
  std::string text = function->hasAttr<clang::AlwaysInlineAttr>()
                         ? "__attribute__((always_inline)) "
                     : function->hasAttr<clang::NoInlineAttr>() ? "__attribute__((noinline)) "
                                                                : "";
  text += types_.declare(result, spec_.name, spec_.returnSpace, function->getLocation()) + "(";
  for (size_t i = 0; i < parameters.size(); ++i)
    text += (i ? ", " : "") + parameters[i];
  if (parameters.empty())
    text += "void";
  return text + ")";
}

// A kernel parameter's name in the OpenCL signature (and prologue); a lane-mode
// kernel keeps per-lane copies of those its threads write under the CUDA name.
std::string FunctionEmitter::parameterName(const clang::ParmVarDecl *parameter) {
  std::string name = localName(parameter);
  if (parameter->getName().empty())
    name = "cucl_arg" + std::to_string(parameter->getFunctionScopeIndex());
  if (laneParameterCopies_.count(parameter))
    name += "__in";
  return name;
}

std::vector<std::string> FunctionEmitter::resourceParameters(const Specialization &callee,
                                                             bool declared, bool symbolsOnly) {
  std::vector<std::string> parameters;
  if (callee.usesSymbols) {
    if (declared)
      parameters = {"__global uchar *cucl_device_symbols",
                    "CUCL_CONSTANT uchar *cucl_constant_symbols",
                    "__global uchar *cucl_constant_symbols_g"};
    else
      parameters = {"cucl_device_symbols", "cucl_constant_symbols", "cucl_constant_symbols_g"};
  }
  if (callee.usesHeap) {
    parameters.push_back(declared ? "__global uchar *cucl_heap" : "cucl_heap");
    parameters.push_back(declared ? "ulong cucl_heap_origin" : "cucl_heap_origin");
  }
  if (!symbolsOnly) {
    for (const clang::VarDecl *reference : callee.textureReferences)
      parameters.push_back((declared ? "cucl_texture " : "") + textureReferenceName(reference));
    for (const clang::VarDecl *variable : callee.managedVariables)
      parameters.push_back(declared ? managedPointerType(variable, managedName(variable))
                                    : managedName(variable));
  }
  return parameters;
}

std::string FunctionEmitter::kernelSignature(EmittedKernel &kernel, std::string &prologue,
                                             const std::vector<std::string> &extra) {
  const clang::FunctionDecl *function = spec_.function;
  std::vector<std::string> parameters;
  const uint64_t pointerSize =
      static_cast<uint64_t>(context_.getTypeSizeInChars(context_.VoidPtrTy).getQuantity());
  for (const clang::ParmVarDecl *parameter : function->parameters()) {
    std::string name = parameterName(parameter);
    clang::QualType type = parameter->getType();
    clang::SourceLocation where = parameter->getLocation();
    if (type->isPointerType()) {
      kernel.args.push_back({cuclArgGlobalPointer, pointerSize});
      parameters.push_back(types_.declare(type, name + "__base", AddressSpace::Global, where));
      parameters.push_back("ulong " + name + "__off");
      if (spec_.usesMemcheck) // the allocation's bytes from the buffer's start
        parameters.push_back("ulong " + name + "__bytes");
      prologue += "  " + types_.declare(type, name, AddressSpace::Global, where) + " = (" +
                  types_.typeName(type, AddressSpace::Global, where) + ")((__global char *)" +
                  name + "__base + " + name + "__off);\n";
      continue;
    }
    if (type->isReferenceType()) {
      diagnostics_.unsupported(where, "a reference kernel parameter");
      continue;
    }
    if (TextureObjectKind kind = textureObjectKind(type); kind != TextureObjectKind::None) {
      // The texels' buffer and the object's description (include/cucl/module_abi.h).
      kernel.args.push_back(
          {kind == TextureObjectKind::Surface ? cuclArgSurface : cuclArgTexture, pointerSize});
      parameters.push_back("__global uchar *" + name + "__data");
      parameters.push_back("cucl_texture_desc " + name + "__desc");
      prologue += "  " + types_.declare(type, name, AddressSpace::Private, where) + " = {" + name +
                  "__data, " + name + "__desc};\n";
      continue;
    }
    uint64_t size = static_cast<uint64_t>(context_.getTypeSizeInChars(type).getQuantity());
    kernel.args.push_back({cuclArgByValue, size});
    if (containsBoolField(type)) {
      diagnostics_.unsupported(where, "a struct with a bool field passed by value to a kernel");
      continue;
    }
    if (type->isNullPtrType()) {
      // std::nullptr_t: its 8 bytes carry nothing; the kernel sees a null pointer.
      parameters.push_back("ulong " + name + "__arg");
      prologue += "  __global void *" + name + " = 0;\n";
      continue;
    }
    if (type->isBooleanType()) {
      // OpenCL kernels cannot take bool: pass the byte, convert at entry.
      parameters.push_back("uchar " + name + "__arg");
      prologue += "  bool " + name + " = " + name + "__arg;\n";
      continue;
    }
    parameters.push_back(types_.declare(type, name, AddressSpace::Private, where));
  }
  if (spec_.usesDynamicShared)
    parameters.push_back("__local uchar *cucl_dynamic_shared");
  if (spec_.usesDynamicShared && spec_.usesMemcheck)
    parameters.push_back("uint cucl_dynamic_shared_bytes");
  parameters.insert(parameters.end(), extra.begin(), extra.end());
  if (spec_.usesStatus && spec_.mode == ExecMode::Thread) { // lane mode: in `extra`
    parameters.push_back("__global uint *cucl_status");
    parameters.push_back("uint cucl_launch");
  }
  if (spec_.usesSymbols || spec_.usesHeap) // after the ABI's other hidden arguments
    for (const std::string &segment : resourceParameters(spec_, true, true))
      parameters.push_back(segment);
  // Last, the texture references: buffer and description, held as cucl_texture.
  for (const clang::VarDecl *reference : spec_.textureReferences) {
    std::string held = textureReferenceName(reference);
    parameters.push_back("__global uchar *" + held + "__data");
    parameters.push_back("cucl_texture_desc " + held + "__desc");
    prologue += "  cucl_texture " + held + " = {" + held + "__data, " + held + "__desc};\n";
    kernel.textureReferences.push_back(reference);
  }
  // Then the __managed__ variables: buffer and offset of their mapped storage.
  for (const clang::VarDecl *variable : spec_.managedVariables) {
    std::string held = managedName(variable);
    parameters.push_back("__global uchar *" + held + "__base");
    parameters.push_back("ulong " + held + "__off");
    prologue += "  " + managedPointerType(variable, held) + " = (" + managedPointerType(variable) +
                ")(" + held + "__base + " + held + "__off);\n";
    kernel.managedVariables.push_back(variable);
  }
  if (usesScratch(spec_)) { // last: the local-memory pool (include/cucl/module_abi.h)
    parameters.push_back("__global uint *cucl_scratch_pool");
    parameters.push_back("uint cucl_scratch_slots");
  }
  // A variant built for one block size (the runtime's CUCL_REQD_WG_SIZE,
  // include/cucl/module_abi.h) tells the OpenCL compiler its exact work-group.
  // Lane-mode kernels run a warp per work-item, so their groups are not blocks.
  std::string text = spec_.mode == ExecMode::Thread
                         ? "#ifdef CUCL_REQD_WG_SIZE\n"
                           "__attribute__((reqd_work_group_size(CUCL_REQD_WG_SIZE)))\n"
                           "#endif\n"
                         : "";
  text += "__kernel void " + spec_.name + "(";
  for (size_t i = 0; i < parameters.size(); ++i)
    text += (i ? ", " : "") + parameters[i];
  if (parameters.empty())
    text += "void";
  return text + ")";
}

// A constructor's factory starts with the object and its member initializers.
void FunctionEmitter::constructorPrologue() {
  auto *constructor = llvm::cast<clang::CXXConstructorDecl>(spec_.function);
  clang::QualType record = context_.getRecordType(constructor->getParent());
  line(types_.declare(record, "cucl_self", AddressSpace::Private, constructor->getLocation()) +
       ";");
  line(types_.declare(context_.getPointerType(record), "cucl_this", AddressSpace::Private,
                      constructor->getLocation()) +
       " = &cucl_self;");
  for (const clang::CXXCtorInitializer *init : constructor->inits()) {
    if (init->isBaseInitializer() && !init->isBaseVirtual()) {
      // The base member gets the base constructor's object.
      const clang::CXXRecordDecl *derived = constructor->getParent();
      const clang::Type *baseType = init->getBaseClass();
      for (const clang::CXXBaseSpecifier &base : derived->bases()) {
        if (context_.hasSameUnqualifiedType(base.getType(), clang::QualType(baseType, 0))) {
          const clang::Expr *value = init->getInit();
          auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(value->IgnoreImplicit());
          if (base.getType()->getAsCXXRecordDecl()->isEmpty() ||
              (construct && construct->getNumArgs() == 0 &&
               construct->getConstructor()->isTrivial()))
            break; // nothing to store, or left uninitialized as in C++
          line("cucl_this->" + RecordEmitter::baseFieldName(derived, &base) + " = " +
               exprTop(value) + ";");
          break;
        }
      }
      continue;
    }
    const clang::FieldDecl *field = init->getMember();
    if (!field || !init->isMemberInitializer()) {
      diagnostics_.unsupported(init->getSourceLocation().isValid() ? init->getSourceLocation()
                                                                   : constructor->getLocation(),
                               "a base-class or delegating constructor initializer");
      continue;
    }
    const clang::Expr *value = init->getInit();
    if (field->getType()->isArrayType()) {
      diagnostics_.unsupported(constructor->getLocation(),
                               "initializing an array member in a constructor");
      continue;
    }
    if (auto *list = llvm::dyn_cast<clang::InitListExpr>(value->IgnoreImplicit()))
      line("cucl_this->" + RecordEmitter::fieldName(field) + " = " + initList(list, false) + ";");
    else if (auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(value->IgnoreImplicit());
             construct && construct->getNumArgs() == 0 && construct->getConstructor()->isTrivial())
      continue; // trivial default construction: left uninitialized, as in C++
    else if (field->getType()->isPointerType())
      line("cucl_this->" + RecordEmitter::fieldName(field) + " = " + storedPointer(value) + ";");
    else
      line("cucl_this->" + RecordEmitter::fieldName(field) + " = " + exprTop(value) + ";");
  }
}

void FunctionEmitter::compoundBody(const clang::CompoundStmt *body) {
  for (const clang::Stmt *child : body->body())
    statement(child);
}

std::string FunctionEmitter::variableDeclaration(const clang::VarDecl *variable) {
  if (placedInScratch(variable))
    return scratchDeclaration(variable);
  clang::QualType type = variable->getType();
  std::string name = localName(variable);
  const clang::Expr *init = variable->getInit();
  if (type->isReferenceType()) {
    if (bindsTemporary(init)) {
      valueReferences_.insert(variable); // a temporary: hold the value itself
      return types_.declare(type->getPointeeType(), name, AddressSpace::Private,
                            variable->getLocation()) +
             " = " + exprTop(init);
    }
    std::string text =
        types_.declare(type, name, inference_.variableSpace(variable), variable->getLocation());
    return init ? text + " = " + addressOf(init) : text;
  }
  AddressSpace space =
      type->isPointerType() ? inference_.variableSpace(variable) : AddressSpace::Private;
  if (space == AddressSpace::Local && isVolatilePointee(type))
    spec_.usesWarpFeatures = true; // warp-synchronous code: lane mode
  std::string text = types_.declare(type, name, space, variable->getLocation());
  if (!init)
    return text;
  if (auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(init->IgnoreImplicit()))
    if (construct->getNumArgs() == 0 && construct->getConstructor()->isTrivial())
      return text; // trivial default construction: uninitialized, as in C++
  if (auto *list = llvm::dyn_cast<clang::InitListExpr>(init->IgnoreImplicit()))
    return text + " = " + initList(list, !type->isScalarType());
  return text + " = " + exprTop(init);
}

// True when every variable of a declaration statement shares one printed
// base type, so `T a = 1, b = 2` is valid C (for-init needs one declaration).
bool FunctionEmitter::sameDeclarationType(const clang::DeclStmt *decls) {
  clang::QualType first;
  for (const clang::Decl *decl : decls->decls()) {
    auto *variable = llvm::dyn_cast<clang::VarDecl>(decl);
    if (!variable)
      return false;
    clang::QualType type = variable->getType().getCanonicalType();
    if (type->isPointerType() || type->isReferenceType() || type->isArrayType())
      return false;
    if (first.isNull())
      first = type;
    else if (first != type)
      return false;
  }
  return true;
}

void FunctionEmitter::declarations(const clang::DeclStmt *decls) {
  for (const clang::Decl *decl : decls->decls()) {
    auto *variable = llvm::dyn_cast<clang::VarDecl>(decl);
    if (!variable)
      continue; // local typedefs, records, using-declarations: types print canonically
    if (isSharedVariable(variable))
      continue; // hoisted to kernel scope (or a view of the dynamic buffer)
    if (variable->isStaticLocal()) {
      diagnostics_.unsupported(variable->getLocation(), "a static local variable");
      continue;
    }
    if (variable->hasExternalStorage()) {
      diagnostics_.unsupported(variable->getLocation(), "a local extern declaration");
      continue;
    }
    if (isLaneVariable(variable)) { // declared per lane before the lane loop
      std::string init = laneInitialization(variable);
      if (!init.empty())
        line(init);
      continue;
    }
    line(variableDeclaration(variable) + ";");
  }
}

// A loop or branch body: indented one level unless it is a block.
void FunctionEmitter::body(const clang::Stmt *stmt) {
  bool block = stmt && llvm::isa<clang::CompoundStmt>(stmt);
  // `if (c) int x = f();` is C++ (the declaration has its own scope); C
  // takes a declaration only inside braces.
  bool declaration = stmt && llvm::isa<clang::DeclStmt>(stmt);
  if (declaration)
    line("{");
  indent_ += block ? 0 : 1;
  statement(stmt);
  indent_ -= block ? 0 : 1;
  if (declaration)
    line("}");
}

// The OpenCL spelling of a loop's CUDA unroll hint, or empty. `#pragma unroll
// 1` rather than `nounroll`: every OpenCL C compiler knows the first.
std::string FunctionEmitter::unrollPragma(const clang::AttributedStmt *attributed) {
  for (const clang::Attr *attr : attributed->getAttrs()) {
    auto *hint = llvm::dyn_cast<clang::LoopHintAttr>(attr);
    if (!hint)
      continue;
    switch (hint->getOption()) {
    case clang::LoopHintAttr::UnrollCount:
      if (const clang::Expr *value = hint->getValue())
        if (llvm::Optional<llvm::APSInt> count = value->getIntegerConstantExpr(context_))
          return "#pragma unroll " + std::to_string(count->getExtValue());
      return "";
    case clang::LoopHintAttr::Unroll:
      return hint->getState() == clang::LoopHintAttr::Disable ? "#pragma unroll 1"
                                                              : "#pragma unroll";
    default:
      break;
    }
  }
  return "";
}

void FunctionEmitter::statement(const clang::Stmt *stmt) {
  if (inLanes_ && stmt) {
    // Inside a lane loop: jumps out of the lane's statements become masks,
    // and loops and switches opened here own the breaks inside them.
    if ((llvm::isa<clang::ReturnStmt>(stmt) || llvm::isa<clang::BreakStmt>(stmt) ||
         llvm::isa<clang::ContinueStmt>(stmt)) &&
        laneJump(stmt))
      return;
    if (spec_.mode == ExecMode::Warp &&
        (llvm::isa<clang::GotoStmt>(stmt) || llvm::isa<clang::LabelStmt>(stmt))) {
      diagnostics_.unsupported(stmt->getBeginLoc(),
                               "goto in a function with warp-level operations");
      return;
    }
    char nesting = llvm::isa<clang::SwitchStmt>(stmt) ? 's'
                   : llvm::isa<clang::ForStmt>(stmt) || llvm::isa<clang::WhileStmt>(stmt) ||
                           llvm::isa<clang::DoStmt>(stmt) || llvm::isa<clang::CXXForRangeStmt>(stmt)
                       ? 'l'
                       : 0;
    if (nesting) {
      laneNesting_.push_back(nesting);
      printStatement(stmt);
      laneNesting_.pop_back();
      return;
    }
  }
  printStatement(stmt);
}

void FunctionEmitter::printStatement(const clang::Stmt *stmt) {
  if (!stmt)
    return;
  if (auto *compound = llvm::dyn_cast<clang::CompoundStmt>(stmt)) {
    line("{");
    ++indent_;
    compoundBody(compound);
    --indent_;
    line("}");
    return;
  }
  if (auto *decls = llvm::dyn_cast<clang::DeclStmt>(stmt)) {
    declarations(decls);
    return;
  }
  if (auto *e = llvm::dyn_cast<clang::Expr>(stmt)) {
    std::string text = exprStatement(e);
    // A reference-returning call used as a statement: drop the unused `*`.
    auto *callExpr = llvm::dyn_cast<clang::CallExpr>(e->IgnoreImplicit());
    if (callExpr && callExpr->getCallReturnType(context_)->isReferenceType() &&
        text.rfind("*", 0) == 0)
      text = text.substr(1);
    line(text + ";");
    return;
  }
  if (auto *ifStmt = llvm::dyn_cast<clang::IfStmt>(stmt)) {
    if (ifStmt->getInit() || ifStmt->getConditionVariable())
      diagnostics_.unsupported(stmt->getBeginLoc(), "a declaration in an if condition");
    if (ifStmt->isConstexpr()) {
      bool value = false;
      if (ifStmt->getCond()->EvaluateAsBooleanCondition(value, context_)) {
        statement(value ? ifStmt->getThen() : ifStmt->getElse());
        return;
      }
    }
    line("if (" + exprTop(ifStmt->getCond()) + ")");
    body(ifStmt->getThen());
    if (ifStmt->getElse()) {
      line("else");
      body(ifStmt->getElse());
    }
    return;
  }
  if (auto *forStmt = llvm::dyn_cast<clang::ForStmt>(stmt)) {
    if (forStmt->getConditionVariable())
      diagnostics_.unsupported(stmt->getBeginLoc(), "a declaration in a for condition");
    std::string init;
    bool wrapped = false;
    if (auto *decls = llvm::dyn_cast_or_null<clang::DeclStmt>(forStmt->getInit())) {
      if (sameDeclarationType(decls)) {
        for (const clang::Decl *decl : decls->decls()) {
          auto *variable = llvm::cast<clang::VarDecl>(decl);
          std::string full = variableDeclaration(variable);
          if (init.empty()) {
            init = full;
          } else {
            // Same base type: drop it from the later declarators.
            std::string base = types_.declare(variable->getType(), "", AddressSpace::Private,
                                              variable->getLocation());
            init += ", " + (full.rfind(base + " ", 0) == 0 ? full.substr(base.size() + 1) : full);
          }
        }
      } else {
        line("{");
        ++indent_;
        declarations(decls);
        wrapped = true;
      }
    } else if (auto *initExpr = llvm::dyn_cast_or_null<clang::Expr>(forStmt->getInit())) {
      init = exprStatement(initExpr);
    }
    std::string condition = forStmt->getCond() ? exprTop(forStmt->getCond()) : "";
    std::string increment = forStmt->getInc() ? exprStatement(forStmt->getInc()) : "";
    line("for (" + init + "; " + condition + "; " + increment + ")");
    body(forStmt->getBody());
    if (wrapped) {
      --indent_;
      line("}");
    }
    return;
  }
  if (auto *whileStmt = llvm::dyn_cast<clang::WhileStmt>(stmt)) {
    if (whileStmt->getConditionVariable())
      diagnostics_.unsupported(stmt->getBeginLoc(), "a declaration in a while condition");
    line("while (" + exprTop(whileStmt->getCond()) + ")");
    body(whileStmt->getBody());
    return;
  }
  if (auto *doStmt = llvm::dyn_cast<clang::DoStmt>(stmt)) {
    line("do");
    body(doStmt->getBody());
    line("while (" + exprTop(doStmt->getCond()) + ");");
    return;
  }
  if (auto *switchStmt = llvm::dyn_cast<clang::SwitchStmt>(stmt)) {
    if (switchStmt->getInit() || switchStmt->getConditionVariable())
      diagnostics_.unsupported(stmt->getBeginLoc(), "a declaration in a switch condition");
    line("switch (" + exprTop(switchStmt->getCond()) + ")");
    body(switchStmt->getBody());
    return;
  }
  if (auto *caseStmt = llvm::dyn_cast<clang::CaseStmt>(stmt)) {
    if (caseStmt->getRHS())
      diagnostics_.unsupported(stmt->getBeginLoc(), "a case range");
    line("case " + exprTop(caseStmt->getLHS()) + ":");
    statement(caseStmt->getSubStmt());
    return;
  }
  if (auto *defaultStmt = llvm::dyn_cast<clang::DefaultStmt>(stmt)) {
    line("default:");
    statement(defaultStmt->getSubStmt());
    return;
  }
  if (llvm::isa<clang::BreakStmt>(stmt)) {
    line("break;");
    return;
  }
  if (llvm::isa<clang::ContinueStmt>(stmt)) {
    line("continue;");
    return;
  }
  if (llvm::isa<clang::NullStmt>(stmt)) {
    line(";");
    return;
  }
  if (auto *returnStmt = llvm::dyn_cast<clang::ReturnStmt>(stmt)) {
    const clang::Expr *value = returnStmt->getRetValue();
    if (llvm::isa<clang::CXXConstructorDecl>(spec_.function))
      line("return cucl_self;");
    else if (!value || spec_.function->getReturnType()->isVoidType()) {
      std::string text =
          value ? exprTop(value) + ";\n" + std::string(indent_ * 2, ' ') + "return;" : "return;";
      markKernelReturn(text);
      line(text);
    } else if (spec_.function->getReturnType()->isReferenceType())
      line("return " + addressOf(value) + ";");
    else
      line("return " + exprTop(value) + ";");
    return;
  }
  if (auto *gotoStmt = llvm::dyn_cast<clang::GotoStmt>(stmt)) {
    line("goto " + localName(gotoStmt->getLabel()) + ";");
    return;
  }
  if (auto *label = llvm::dyn_cast<clang::LabelStmt>(stmt)) {
    line(localName(label->getDecl()) + ":");
    statement(label->getSubStmt());
    return;
  }
  if (auto *attributed = llvm::dyn_cast<clang::AttributedStmt>(stmt)) {
    // #pragma unroll [N] goes to the OpenCL compiler, in front of the loop
    // the statement became (lane mode may have rewritten it as something else).
    size_t start = out_.size();
    statement(attributed->getSubStmt());
    std::string hint = unrollPragma(attributed);
    size_t first = out_.find_first_not_of(' ', start);
    if (!hint.empty() && first != std::string::npos &&
        (out_.compare(first, 4, "for ") == 0 || out_.compare(first, 6, "while ") == 0 ||
         out_.compare(first, 3, "do ") == 0 || out_.compare(first, 3, "do\n") == 0))
      out_.insert(start, std::string(indent_ * 2, ' ') + hint + "\n");
    return;
  }
  if (auto *rangeFor = llvm::dyn_cast<clang::CXXForRangeStmt>(stmt)) {
    // Over an array: print Clang's desugaring (range reference, begin/end
    // pointers, loop variable), whose spaces the inference already knows.
    if (!rangeFor->getRangeInit()->getType()->isArrayType() || rangeFor->getInit()) {
      diagnostics_.unsupported(stmt->getBeginLoc(), "a range-based for loop over a non-array");
      return;
    }
    line("{");
    ++indent_;
    declarations(llvm::cast<clang::DeclStmt>(rangeFor->getRangeStmt()));
    declarations(llvm::cast<clang::DeclStmt>(rangeFor->getBeginStmt()));
    declarations(llvm::cast<clang::DeclStmt>(rangeFor->getEndStmt()));
    std::string condition = exprTop(rangeFor->getCond());
    std::string increment = exprTop(rangeFor->getInc());
    line("for (; " + condition + "; " + increment + ")");
    line("{");
    ++indent_;
    declarations(rangeFor->getLoopVarStmt());
    statement(rangeFor->getBody());
    --indent_;
    line("}");
    --indent_;
    line("}");
    return;
  }
  if (llvm::isa<clang::CXXTryStmt>(stmt)) {
    diagnostics_.unsupported(stmt->getBeginLoc(), "a try block");
    return;
  }
  if (llvm::isa<clang::AsmStmt>(stmt)) {
    diagnostics_.unsupported(stmt->getBeginLoc(), "inline assembly");
    return;
  }
  diagnostics_.unsupported(stmt->getBeginLoc(),
                           std::string("statement '") + stmt->getStmtClassName() + "'");
}

} // namespace cucl::translate
