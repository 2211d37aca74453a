// Local memory for FunctionEmitter: local arrays too large for private memory
// live in scratch memory the runtime owns, one frame per work-item
// (opencl/scratch_runtime.cl, docs/design.md "Local memory").
#include <algorithm>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>

#include "analyse/type_contents.h"
#include "emit_device/function_emitter.h"
#include "scratch_runtime.cl.h"

namespace cucl::translate {
namespace {

// An array of at least this many bytes goes to scratch memory. NVIDIA's
// compiler keeps no array this large in registers either (255 registers of 4
// bytes): CUDA holds it in local memory, which is global memory as here. On
// CPU devices private arrays take a work-group's worth of the worker's stack.
constexpr uint64_t kScratchArrayBytes = 1024;
// Arrays start at this alignment in their frame, and frames are multiples of
// it: the largest alignment an OpenCL type has (long16, double16).
constexpr uint64_t kScratchAlignment = 128;
// CUDA's limit on local memory per thread (ptxas rejects more).
constexpr uint64_t kCudaLocalMemoryLimit = 512 * 1024;
// The text a Thread-mode kernel's `return;` is emitted with until the kernel
// is complete: whether it must leave its scratch slot first is known only then.
constexpr char kKernelReturnMark[] = "\x01return;";

uint64_t roundUp(uint64_t value, uint64_t multiple) {
  return (value + multiple - 1) / multiple * multiple;
}

// An initializer that leaves every byte zero (`{}`, `{0}`, `{0.0f, 0}`).
bool isZeroInitializer(const clang::Expr *init, const clang::ASTContext &context) {
  init = init->IgnoreImplicit();
  if (llvm::isa<clang::ImplicitValueInitExpr>(init))
    return true;
  if (auto *list = llvm::dyn_cast<clang::InitListExpr>(init)) {
    for (const clang::Expr *element : list->inits())
      if (!isZeroInitializer(element, context))
        return false;
    return !list->hasArrayFiller() || isZeroInitializer(list->getArrayFiller(), context);
  }
  clang::Expr::EvalResult result;
  if (!init->EvaluateAsRValue(result, context) || result.HasSideEffects)
    return false;
  const clang::APValue &value = result.Val;
  if (value.isInt())
    return value.getInt().isZero();
  if (value.isFloat())
    return value.getFloat().isPosZero();
  return false;
}

// The local variables of a body, in declaration order.
class LocalVariables : public clang::RecursiveASTVisitor<LocalVariables> {
public:
  bool VisitVarDecl(clang::VarDecl *variable) {
    if (!llvm::isa<clang::ParmVarDecl>(variable))
      found.push_back(variable);
    return true;
  }
  bool TraverseLambdaExpr(clang::LambdaExpr *) { return true; } // diagnosed by the printer
  std::vector<const clang::VarDecl *> found;
};

} // namespace

bool FunctionEmitter::placedInScratch(const clang::VarDecl *variable) const {
  return scratchOffsets_.count(variable) != 0;
}

// The frame of a function's large arrays; a scratch variant places them
// there. A lane-mode kernel reserves 32 of each (one per lane; a lane's
// array is a row). Lane-mode device functions keep their arrays private, and
// so do arrays with a non-zero initializer (their values would be stored one
// by one).
void FunctionEmitter::planScratch(const clang::CompoundStmt *body) {
  bool warpKernel = spec_.mode == ExecMode::Warp && spec_.isKernel;
  if (spec_.mode != ExecMode::Thread && !warpKernel)
    return;
  const uint64_t copies = warpKernel ? 32 : 1;
  LocalVariables locals;
  locals.TraverseStmt(const_cast<clang::CompoundStmt *>(body));
  for (const clang::VarDecl *variable : locals.found) {
    if (!variable->hasLocalStorage() || variable->hasAttr<clang::CUDASharedAttr>() ||
        variable->hasExternalStorage())
      continue;
    const auto *array = context_.getAsConstantArrayType(variable->getType());
    if (!array || containsBoolField(variable->getType()) ||
        context_.getBaseElementType(variable->getType())->isBooleanType())
      continue;
    uint64_t bytes =
        static_cast<uint64_t>(context_.getTypeSizeInChars(variable->getType()).getQuantity());
    if (bytes < kScratchArrayBytes)
      continue;
    if (const clang::Expr *init = variable->getInit()) {
      auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(init->IgnoreImplicit());
      bool trivial = construct && construct->getConstructor()->isTrivial();
      if (!trivial && !isZeroInitializer(init, context_))
        continue;
    }
    if (spec_.scratch) {
      scratchOffsets_[variable] = ownScratchBytes_;
      inference_.placeInScratch(variable);
    }
    ownScratchBytes_ = roundUp(ownScratchBytes_ + copies * bytes, kScratchAlignment);
    ownThreadBytes_ += bytes;
  }
  spec_.scratchBytes = ownScratchBytes_;
  if (ownScratchBytes_ > 0 && module_.memcheck()) {
    // The scratch variant checks the arrays: both variants take memcheck's
    // arguments, so that they share one argument list.
    spec_.usesMemcheck = true;
    module_.requireMemcheck(warpKernel);
    if (!warpKernel)
      module_.requireHelper("kernel_fail", {});
  }
}

// `name` declared as a `__global` pointer of type `pointer` to the array's
// place in the frame (`scratchPlace`).
std::string FunctionEmitter::scratchPointer(const clang::VarDecl *variable,
                                            clang::QualType pointer) {
  clang::SourceLocation where = variable->getLocation();
  return types_.declare(pointer, localName(variable), AddressSpace::Global, where) + " = (" +
         types_.typeName(pointer, AddressSpace::Global, where) + ")(" + scratchPlace(variable) +
         ")";
}

std::string FunctionEmitter::scratchPlace(const clang::VarDecl *variable) const {
  return "cucl_scratch + " + std::to_string(scratchOffsets_.at(variable)) + "ul";
}

std::string FunctionEmitter::scratchZero(const std::string &at, const clang::VarDecl *variable) {
  return "cucl_scratch_zero(" + at + ", " +
         std::to_string(context_.getTypeSizeInChars(variable->getType()).getQuantity()) + "ul)";
}

// `__global T *a = (__global T *)(cucl_scratch + offset)`: the array's name
// becomes a pointer to its first element, which subscripts and decays alike.
std::string FunctionEmitter::scratchDeclaration(const clang::VarDecl *variable) {
  std::string text = scratchPointer(
      variable,
      context_.getPointerType(context_.getAsArrayType(variable->getType())->getElementType()));
  const clang::Expr *init = variable->getInit();
  if (init && !llvm::isa<clang::CXXConstructExpr>(init->IgnoreImplicit()))
    text += "; " + scratchZero(scratchPlace(variable), variable);
  return text;
}

// A lane-mode kernel's array that each lane keeps (across warp-level
// operations): 32 rows, `name[cucl_l]` the lane's, as for a private lane array.
std::string FunctionEmitter::scratchLaneDeclaration(const clang::VarDecl *variable) {
  clang::Qualifiers dropped;
  return scratchPointer(variable, context_.getPointerType(context_.getUnqualifiedArrayType(
                                      variable->getType(), dropped)));
}

std::string FunctionEmitter::scratchLaneZero(const clang::VarDecl *variable) {
  return scratchZero("(__global uchar *)" + localName(variable) + "[cucl_l]", variable) + ";";
}

// `&a` of an array in scratch memory: the pointer, as a pointer to the array.
std::string FunctionEmitter::scratchArrayAddress(const clang::Expr *array,
                                                 const std::string &pointer) {
  return "((" +
         types_.typeName(context_.getPointerType(array->getType()), AddressSpace::Global,
                         array->getExprLoc()) +
         ")" + pointer + ")";
}

// A callee's frame follows the caller's arrays (lane mode: the warp state's,
// which follows the kernel's arrays; lanes run their calls one after another).
std::string FunctionEmitter::scratchArgument() const {
  if (laneMode())
    return "cucl_w->scratch";
  return ownScratchBytes_ ? "cucl_scratch + " + std::to_string(ownScratchBytes_) + "ul"
                          : "cucl_scratch";
}

void FunctionEmitter::useCalleeScratch(const Specialization &callee) {
  if (callee.scratchBytes == 0)
    return;
  spec_.scratchBytes = std::max(spec_.scratchBytes, ownScratchBytes_ + callee.scratchBytes);
}

void FunctionEmitter::markKernelReturn(std::string &statement) const {
  if (spec_.isKernel && !laneMode() && statement.size() >= 7 &&
      statement.compare(statement.size() - 7, 7, "return;") == 0)
    statement.replace(statement.size() - 7, 7, kKernelReturnMark);
}

// The kernel's frame and the code that takes and leaves its slot; the
// kernel's returns leave it too.
std::string FunctionEmitter::scratchPrologue(EmittedKernel &kernel, std::string &body,
                                             std::string &epilogue) {
  std::string leave = "cucl_scratch_leave(cucl_scratch_pool, cucl_scratch_slot);";
  std::string returned = usesScratch(spec_) ? "{ " + leave + " return; }" : "return;";
  const std::string mark = kKernelReturnMark;
  for (size_t at = body.find(mark); at != std::string::npos; at = body.find(mark, at))
    body.replace(at, mark.size(), returned);
  uint64_t frame = roundUp(spec_.scratchBytes, kScratchAlignment);
  // A thread's share: its own arrays and its calls' (a lane-mode frame holds
  // the kernel's arrays once per lane).
  uint64_t perThread = ownThreadBytes_ + (spec_.scratchBytes - ownScratchBytes_);
  if (perThread > kCudaLocalMemoryLimit)
    diagnostics_.error(spec_.function->getLocation(),
                       "kernel '" + spec_.function->getNameAsString() + "' uses " +
                           std::to_string(perThread) +
                           " bytes of local memory per thread; CUDA allows at most " +
                           std::to_string(kCudaLocalMemoryLimit));
  if (!usesScratch(spec_))
    return "";
  kernel.flags |= CUCL_KERNEL_SCRATCH;
  kernel.scratchBytes = frame;
  module_.requireDefinition("cucl_scratch", opencl::scratch_runtime);
  epilogue = "  " + leave + "\n";
  std::string text = "  __local uint cucl_scratch_slot;\n"
                     "  cucl_scratch_enter(cucl_scratch_pool, cucl_scratch_slots, "
                     "&cucl_scratch_slot);\n"
                     "  barrier(CLK_LOCAL_MEM_FENCE);\n"
                     "  __global uchar *cucl_scratch = cucl_scratch_frame(cucl_scratch_pool, "
                     "cucl_scratch_slots, cucl_scratch_slot, " +
                     std::to_string(frame) + "ul);\n";
  if (laneMode()) // callees' frames follow the kernel's arrays
    text += "  cucl_w->scratch = cucl_scratch + " + std::to_string(ownScratchBytes_) + "ul;\n";
  return text;
}

} // namespace cucl::translate
