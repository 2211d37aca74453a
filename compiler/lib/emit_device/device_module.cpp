// The module emitter: names every kernel, emits each one (and, on demand, the
// device-function specializations, records and helpers it needs), then
// assembles one OpenCL C 1.2 program with definitions before their uses.
#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>

// Clang first: cucl/module_abi.h (via device_module.h) brings host_defines.h,
// whose __noinline__ macro would break LLVM's own __attribute__((__noinline__)).
#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/Basic/SourceManager.h>

#include "emit_device/device_module.h"

#include "analyse/device_diagnostics.h"
#include "emit_device/builtin_helpers.h"
#include "emit_device/function_emitter.h"
#include "emit_device/opencl_names.h"
#include "emit_device/record_emitter.h"
#include "emit_device/type_printer.h"
#include "memcheck_runtime.cl.h"
#include "texture_runtime.cl.h"
#include "warp_runtime.cl.h"

namespace cucl::translate {
namespace {

class ModuleEmitter : public ModuleServices {
public:
  ModuleEmitter(clang::ASTContext &context, bool memcheck)
      : memcheck_(memcheck), context_(context), diagnostics_(context),
        types_(context, diagnostics_), records_(context, diagnostics_, names_, types_),
        symbols_(DeviceSymbolTable::collect(context, diagnostics_)) {
    types_.setRecordNamer([this](const clang::RecordDecl *record, clang::SourceLocation use) {
      return records_.nameOf(record, use);
    });
  }

  DeviceModule run(const std::vector<const clang::FunctionDecl *> &kernels) {
    DeviceModule module;
    for (const DeviceSymbol &symbol : symbols_.all())
      module.symbols.push_back({symbol.variable, symbol.variable->getNameAsString(), symbol.size,
                                symbol.offset,
                                symbol.constant ? CUCL_SYMBOL_CONSTANT : CUCL_SYMBOL_DEVICE});
    for (const clang::VarDecl *variable : symbols_.managed())
      module.symbols.push_back(
          {variable, variable->getNameAsString(),
           static_cast<uint64_t>(context_.getTypeSizeInChars(variable->getType()).getQuantity()), 0,
           CUCL_SYMBOL_MANAGED});
    // Kernels are named first so they keep their CUDA names where possible.
    std::vector<std::unique_ptr<Specialization>> kernelSpecs;
    for (const clang::FunctionDecl *kernel : kernels) {
      auto spec = std::make_unique<Specialization>();
      spec->function = kernel;
      spec->isKernel = true;
      spec->name = names_.unique(baseName(kernel));
      kernelSpecs.push_back(std::move(spec));
    }
    bool lanes = false;
    bool symbols = false;
    std::vector<std::unique_ptr<Specialization>> scratchSpecs(kernelSpecs.size());
    for (size_t index = 0; index < kernelSpecs.size(); ++index) {
      std::unique_ptr<Specialization> &spec = kernelSpecs[index];
      EmittedKernel kernel;
      kernel.decl = spec->function;
      kernel.openclName = spec->name;
      emitKernel(*spec, &kernel);
      if (spec->usesWarpFeatures) {
        // Warp-level code: the kernel runs in lane mode, one work-item per warp.
        auto warp = std::make_unique<Specialization>();
        warp->function = spec->function;
        warp->isKernel = true;
        warp->mode = ExecMode::Warp;
        warp->name = spec->name;
        kernel = EmittedKernel{};
        kernel.decl = spec->function;
        kernel.openclName = spec->name;
        emitKernel(*warp, &kernel);
        kernel.flags |= CUCL_KERNEL_WARP_LANES | CUCL_KERNEL_STATUS;
        if (warp->usesGridSync)
          kernel.flags |= CUCL_KERNEL_GRID_SYNC;
        spec = std::move(warp);
        lanes = true;
      }
      if (spec->scratchBytes > 0) {
        // Large local arrays: also a variant holding them in scratch memory,
        // which the runtime launches where the device cannot hold them.
        auto scratch = std::make_unique<Specialization>();
        scratch->function = spec->function;
        scratch->isKernel = true;
        scratch->mode = spec->mode;
        scratch->scratch = true;
        scratch->name = names_.unique(spec->name + "__scratch");
        EmittedKernel scratchKernel;
        scratchKernel.decl = spec->function;
        // Code the scratch variant cannot express (a pointer to a large or a
        // small array) leaves the kernel with its private variant only.
        unsigned errors = diagnostics_.errorCount();
        std::vector<SpecializationKey> made;
        diagnostics_.setQuiet(true);
        madeQuietly_ = &made;
        emitKernel(*scratch, &scratchKernel);
        madeQuietly_ = nullptr;
        diagnostics_.setQuiet(false);
        if (diagnostics_.errorCount() == errors) {
          kernel.scratchName = scratch->name;
          kernel.scratchBytes = scratchKernel.scratchBytes;
          kernel.flags |= CUCL_KERNEL_SCRATCH;
          scratchSpecs[index] = std::move(scratch);
        } else {
          diagnostics_.forgetErrorsAfter(errors);
          for (const SpecializationKey &key : made) // emitted again where needed
            specializations_.erase(key);
        }
      }
      if (spec->usesStatus)
        kernel.flags |= CUCL_KERNEL_STATUS;
      if (spec->usesMemcheck)
        kernel.flags |= CUCL_KERNEL_MEMCHECK | CUCL_KERNEL_STATUS;
      if (spec->usesSymbols) {
        kernel.flags |= CUCL_KERNEL_SYMBOLS;
        symbols = true;
      }
      module.kernels.push_back(std::move(kernel));
    }

    std::string source = "/* OpenCL C 1.2 generated by cucl-translate. Do not edit. */\n";
    if (memcheck_) // the runtime tells checked modules from others by it
      source += std::string("/* ") + CUCL_MEMCHECK_MODULE_MARKER + " */\n";
    module.usesDouble = types_.usesDouble();
    if (module.usesDouble)
      source += "#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n";
    if (symbols) // the runtime defines it as __global for oversized __constant__ data
      source += "#ifndef CUCL_CONSTANT\n#define CUCL_CONSTANT __constant\n#endif\n";
    if (lanes)
      source += "\n" + warpRuntime();
    if (definitionNames_.count("CUCL_VARARG_FLOAT"))
      source += "#if defined(cl_khr_fp64)\n"
                "#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n"
                "#define CUCL_VARARG_FLOAT(x) ((double)(x))\n"
                "#else\n"
                "#define CUCL_VARARG_FLOAT(x) (x)\n"
                "#endif\n";
    if (types_.usesTextures())
      source += "\n" + std::string(opencl::texture_runtime);
    source += "\n" + records_.definitions();
    for (const auto &[helper, spaces] : helpers_)
      source += helperDefinition(helper, spaces) + "\n";
    if (memcheckThread_ || memcheckLanes_)
      source += "\n" + memcheckRuntime();
    source += definitions_;
    // Only what the kernels reach, callees first: no prototypes needed, and
    // the Thread-mode first drafts of lane-mode code are left out. With
    // several kernels each function is guarded by the kernels that reach it,
    // so a driver that rejects one kernel's code can still build each other
    // kernel on its own (-DCUCL_ONLY_KERNEL=<index>, include/cucl/module_abi.h).
    std::map<const Specialization *, std::set<size_t>> reachedBy;
    for (size_t i = 0; i < kernelSpecs.size(); ++i) {
      markReachable(*kernelSpecs[i], i, reachedBy);
      if (scratchSpecs[i]) // the same kernel: built with it
        markReachable(*scratchSpecs[i], i, reachedBy);
    }
    std::set<const Specialization *> emitted;
    for (size_t i = 0; i < kernelSpecs.size(); ++i)
      for (const Specialization *spec : {kernelSpecs[i].get(), scratchSpecs[i].get()})
        if (spec)
          appendReachable(*spec, emitted, kernelSpecs.size() > 1 ? &reachedBy : nullptr, source);
    module.openclSource = std::move(source);
    module.ok = !diagnostics_.hasErrors();
    return module;
  }

  bool memcheck() const override { return memcheck_; }

  unsigned memcheckWhere(clang::SourceLocation location) override {
    const clang::SourceManager &sources = context_.getSourceManager();
    clang::PresumedLoc presumed = sources.getPresumedLoc(sources.getExpansionLoc(location));
    if (presumed.isInvalid())
      return 0;
    auto [known, added] =
        memcheckFiles_.emplace(presumed.getFilename(), unsigned(memcheckFiles_.size()));
    unsigned file = std::min(known->second, 0x7ffu);
    return std::min(presumed.getLine(), 0xfffffu) | (file << 20);
  }

  void requireMemcheck(bool lanes) override { (lanes ? memcheckLanes_ : memcheckThread_) = true; }

  void noteMemcheckRanges(size_t globals, size_t locals) override {
    memcheckGlobals_ = std::max(memcheckGlobals_, globals);
    memcheckLocals_ = std::max(memcheckLocals_, locals);
  }

  uint64_t symbolSegmentBytes(unsigned segment) override {
    uint64_t bytes = 0;
    for (const DeviceSymbol &symbol : symbols_.all())
      if (symbol.constant == (segment == CUCL_SYMBOL_CONSTANT))
        bytes = std::max(bytes, symbol.offset + symbol.size);
    return bytes;
  }

  Specialization *specialize(const clang::FunctionDecl *function,
                             const std::vector<AddressSpace> &spaces,
                             clang::SourceLocation callSite, ExecMode mode, bool scratch) override {
    // One specialization per definition, whichever declaration a call names.
    const clang::FunctionDecl *definition = nullptr;
    if (function->hasBody(definition))
      function = definition;
    auto key = std::make_tuple(function, spaces, mode, scratch);
    auto found = specializations_.find(key);
    if (found != specializations_.end()) {
      if (found->second->inProgress) {
        diagnostics_.unsupported(callSite,
                                 "recursion (a call to '" + function->getNameAsString() + "')");
        return nullptr;
      }
      if (scratch && found->second->scratchBytes == 0) // see below
        return specialize(function, spaces, callSite, mode, false);
      return found->second.get();
    }
    auto owned = std::make_unique<Specialization>();
    Specialization *spec = owned.get();
    specializations_[key] = std::move(owned);
    if (madeQuietly_)
      madeQuietly_->push_back(key);
    spec->function = function;
    spec->spaces = spaces;
    spec->mode = mode;
    spec->scratch = scratch;
    static const char *const modeSuffix[] = {"", "_lane", "_warp"};
    std::string name =
        baseName(function) + addressSpaceSuffix(spaces) + modeSuffix[static_cast<int>(mode)];
    spec->name = names_.unique(scratch ? name + "_scratch" : name);
    spec->inProgress = true;
    FunctionEmitter emitter(*this, *spec);
    spec->text = emitter.emit(nullptr);
    spec->inProgress = false;
    // Without large arrays in its calls the scratch variant is the private one.
    if (scratch && spec->scratchBytes == 0) {
      Specialization *same = specialize(function, spaces, callSite, mode, false);
      found = specializations_.find(key);
      found->second->text.clear();
      return same;
    }
    return spec;
  }

  std::string sharedName(const clang::VarDecl *variable) override {
    auto found = sharedNames_.find(variable);
    if (found != sharedNames_.end())
      return found->second;
    std::string name = names_.unique(variable->getNameAsString() + "__shared");
    sharedNames_[variable] = name;
    return name;
  }

  void requireDefinition(const std::string &name, const std::string &text) override {
    if (definitionNames_.insert(name).second)
      definitions_ += text;
  }

  void requireHelper(const std::string &helper, const std::vector<AddressSpace> &spaces) override {
    std::vector<AddressSpace> variant(
        spaces.begin(), spaces.begin() + std::min<size_t>(spaces.size(), helperSpaceCount(helper)));
    helpers_.insert({helper, variant});
  }

  const DeviceSymbol *symbol(const clang::VarDecl *variable) override {
    return symbols_.find(variable);
  }
  bool rejectedSymbol(const clang::VarDecl *variable) override {
    return symbols_.rejected(variable);
  }

  TypePrinter &types() override { return types_; }
  DeviceDiagnostics &diagnostics() override { return diagnostics_; }
  clang::ASTContext &context() override { return context_; }

private:
  void emitKernel(Specialization &spec, EmittedKernel *kernel) {
    spec.inProgress = true;
    FunctionEmitter emitter(*this, spec);
    spec.text = emitter.emit(kernel);
    spec.inProgress = false;
  }

  using Reach = std::map<const Specialization *, std::set<size_t>>;

  static void markReachable(const Specialization &spec, size_t kernel, Reach &reachedBy) {
    if (!reachedBy[&spec].insert(kernel).second)
      return;
    for (const Specialization *callee : spec.callees)
      markReachable(*callee, kernel, reachedBy);
  }

  static void appendReachable(const Specialization &spec, std::set<const Specialization *> &emitted,
                              const Reach *reachedBy, std::string &source) {
    if (!emitted.insert(&spec).second)
      return;
    for (const Specialization *callee : spec.callees)
      appendReachable(*callee, emitted, reachedBy, source);
    if (!reachedBy) {
      source += spec.text;
      return;
    }
    std::string guard = "#if !defined(CUCL_ONLY_KERNEL)";
    for (size_t kernel : reachedBy->at(&spec))
      guard += " || CUCL_ONLY_KERNEL == " + std::to_string(kernel);
    source += guard + "\n" + spec.text + "#endif\n";
  }

  // The warp runtime with the constants it shares with libcudart.
  static std::string warpRuntime() {
    std::string text;
    auto define = [&](const char *name, unsigned value) {
      text += std::string("#define ") + name + " " + std::to_string(value) + "u\n";
    };
    define("CUCL_STATUS_ERROR", CUCL_STATUS_ERROR);
    define("CUCL_STATUS_LAUNCH", CUCL_STATUS_LAUNCH);
    define("CUCL_STATUS_CHECK", CUCL_STATUS_CHECK);
    define("CUCL_STATUS_BLOCK_X", CUCL_STATUS_BLOCK_X);
    define("CUCL_STATUS_BLOCK_Y", CUCL_STATUS_BLOCK_Y);
    define("CUCL_STATUS_BLOCK_Z", CUCL_STATUS_BLOCK_Z);
    define("CUCL_STATUS_THREAD", CUCL_STATUS_THREAD);
    define("CUCL_STATUS_DETAIL", CUCL_STATUS_DETAIL);
    define("CUCL_CHECK_OWN_LANE", CUCL_CHECK_OWN_LANE);
    define("CUCL_CHECK_ABSENT_LANE", CUCL_CHECK_ABSENT_LANE);
    define("CUCL_CHECK_PARTIAL_BLOCK", CUCL_CHECK_PARTIAL_BLOCK);
    define("CUCL_CHECK_NOT_COOPERATIVE", CUCL_CHECK_NOT_COOPERATIVE);
    define("CUCL_CHECK_GRID_TIMEOUT", CUCL_CHECK_GRID_TIMEOUT);
    define("CUCL_CHECK_TILE_SIZE", CUCL_CHECK_TILE_SIZE);
    define("CUCL_CHECK_ASSERT", CUCL_CHECK_ASSERT);
    define("CUCL_CHECK_TRAP", CUCL_CHECK_TRAP);
    define("CUCL_ERROR_WARP_RULE", cudaErrorIllegalInstruction);
    define("CUCL_ERROR_GRID_RULE", cudaErrorLaunchFailure);
    define("CUCL_ERROR_GRID_TIMEOUT", cudaErrorLaunchTimeout);
    define("CUCL_OP_SHFL", CUCL_OP_SHFL);
    define("CUCL_OP_SHFL_UP", CUCL_OP_SHFL_UP);
    define("CUCL_OP_SHFL_DOWN", CUCL_OP_SHFL_DOWN);
    define("CUCL_OP_SHFL_XOR", CUCL_OP_SHFL_XOR);
    define("CUCL_OP_SYNCTHREADS", CUCL_OP_SYNCTHREADS);
    define("CUCL_OP_GRID_SYNC", CUCL_OP_GRID_SYNC);
    return text + opencl::warp_runtime;
  }

  // The memcheck runtime with the constants it shares with libcudart, sized
  // for the largest view of any kernel; the files its `where` words index,
  // for the runtime's report (include/cucl/module_abi.h).
  std::string memcheckRuntime() const {
    std::string text;
    std::vector<std::string> files(memcheckFiles_.size());
    for (const auto &[name, index] : memcheckFiles_)
      files[index] = name;
    for (size_t i = 0; i < files.size(); ++i) {
      std::string name = files[i];
      for (size_t at = name.find("*/"); at != std::string::npos; at = name.find("*/"))
        name.replace(at, 2, "*_");
      text += "/* cucl-memcheck-file " + std::to_string(i) + " " + name + " */\n";
    }
    auto define = [&](const char *name, unsigned long long value) {
      text += std::string("#define ") + name + " " + std::to_string(value) + "u\n";
    };
    define("CUCL_STATUS_ERROR", CUCL_STATUS_ERROR);
    define("CUCL_STATUS_DETAIL", CUCL_STATUS_DETAIL);
    define("CUCL_STATUS_MC_RANGE", CUCL_STATUS_MC_RANGE);
    define("CUCL_STATUS_MC_OFFSET", CUCL_STATUS_MC_OFFSET);
    define("CUCL_STATUS_MC_BYTES", CUCL_STATUS_MC_BYTES);
    define("CUCL_STATUS_MC_SIZE", CUCL_STATUS_MC_SIZE);
    define("CUCL_STATUS_SINK", CUCL_STATUS_SINK);
    define("CUCL_MC_SINK_BYTES", CUCL_MC_SINK_BYTES);
    define("CUCL_CHECK_MEMORY", CUCL_CHECK_MEMORY);
    define("CUCL_MC_RANGE_NONE", CUCL_MC_RANGE_NONE);
    define("CUCL_ERROR_ILLEGAL_ADDRESS", cudaErrorIllegalAddress);
    text += "#define CUCL_MC_GLOBALS " + std::to_string(memcheckGlobals_) + "\n";
    text += "#define CUCL_MC_LOCALS " + std::to_string(memcheckLocals_) + "\n";
    if (memcheckThread_)
      text += "#define CUCL_MC_THREAD 1\n";
    if (memcheckLanes_)
      text += "#define CUCL_MC_LANES 1\n";
    return text + opencl::memcheck_runtime;
  }

  std::string baseName(const clang::FunctionDecl *function) {
    std::string name;
    if (function->isOverloadedOperator())
      name = operatorName(function->getOverloadedOperator());
    else
      name = function->getNameAsString();
    if (const clang::TemplateArgumentList *arguments = function->getTemplateSpecializationArgs())
      name += types_.mangle(*arguments);
    // Member functions: Record_method (the record's emitted name).
    if (auto *method = llvm::dyn_cast<clang::CXXMethodDecl>(function))
      name = types_.mangle(context_.getRecordType(method->getParent())) + "_" + name;
    return name;
  }

  static std::string operatorName(clang::OverloadedOperatorKind kind) {
    static const std::map<char, const char *> words = {
        {'+', "plus"},    {'-', "minus"}, {'*', "star"}, {'/', "slash"},
        {'%', "percent"}, {'=', "eq"},    {'<', "lt"},   {'>', "gt"},
        {'!', "not"},     {'&', "amp"},   {'|', "pipe"}, {'^', "caret"},
        {'~', "tilde"},   {'[', "index"}, {'(', "call"}, {',', "comma"}};
    std::string name = "operator";
    for (const char *c = clang::getOperatorSpelling(kind); c && *c; ++c) {
      auto word = words.find(*c);
      if (word != words.end())
        name += std::string("_") + word->second;
    }
    return name;
  }

  bool memcheck_;
  bool memcheckThread_ = false, memcheckLanes_ = false; // checks emitted in these modes
  size_t memcheckGlobals_ = 1, memcheckLocals_ = 1;     // the largest view's ranges
  std::map<std::string, unsigned> memcheckFiles_;       // file -> index in `where` words
  clang::ASTContext &context_;
  DeviceDiagnostics diagnostics_;
  NameUniquer names_;
  TypePrinter types_;
  RecordEmitter records_;
  DeviceSymbolTable symbols_;
  using SpecializationKey =
      std::tuple<const clang::FunctionDecl *, std::vector<AddressSpace>, ExecMode, bool>;
  std::map<SpecializationKey, std::unique_ptr<Specialization>> specializations_;
  std::vector<SpecializationKey> *madeQuietly_ = nullptr; // by a speculative emission
  std::map<const clang::VarDecl *, std::string> sharedNames_;
  std::set<std::pair<std::string, std::vector<AddressSpace>>> helpers_;
  std::set<std::string> definitionNames_;
  std::string definitions_; // requireDefinition's, in first-request order
};

} // namespace

DeviceModule emitDeviceModule(clang::ASTContext &context,
                              const std::vector<const clang::FunctionDecl *> &kernels,
                              bool memcheck) {
  ModuleEmitter emitter(context, memcheck);
  return emitter.run(kernels);
}

} // namespace cucl::translate
