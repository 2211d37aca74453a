#include "rewrite_host/host_rewriter.h"

#include <algorithm>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/ASTUnit.h>
#include <clang/Rewrite/Core/Rewriter.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include "emit_device/device_module.h"
#include "rewrite_host/device_code.h"
#include "rewrite_host/header_copies.h"
#include "rewrite_host/kernel_stub.h"
#include "rewrite_host/launch_rewrite.h"
#include "rewrite_host/noinline_keyword.h"
#include "rewrite_host/registrar.h"
#include "rewrite_host/source_edits.h"

namespace cucl::translate {
namespace {

std::string realPath(llvm::StringRef path) {
  llvm::SmallString<256> real;
  if (llvm::sys::fs::real_path(path, real))
    return absolutePath(path);
  return std::string(real);
}

// Which files are the user's: not system headers, not cucl's own headers.
class UserFiles {
public:
  UserFiles(const clang::SourceManager &sources, const HostRewriteOptions &options)
      : sources_(sources) {
    for (const std::string &dir : options.libraryIncludeDirs)
      libraryDirs_.push_back(realPath(dir));
  }

  bool contains(clang::SourceLocation loc) const {
    if (loc.isInvalid())
      return false;
    loc = sources_.getExpansionLoc(loc);
    if (sources_.isInSystemHeader(loc))
      return false;
    clang::FileID id = sources_.getFileID(loc);
    auto known = verdicts_.find(id);
    if (known != verdicts_.end())
      return known->second;
    bool user = false;
    if (const clang::FileEntry *file = sources_.getFileEntryForID(id)) {
      std::string path = realPath(file->tryGetRealPathName().empty() ? file->getName()
                                                                     : file->tryGetRealPathName());
      user = std::none_of(libraryDirs_.begin(), libraryDirs_.end(),
                          [&](const std::string &dir) { return pathIsUnder(path, dir); });
    }
    verdicts_[id] = user;
    return user;
  }

private:
  const clang::SourceManager &sources_;
  std::vector<std::string> libraryDirs_;
  mutable llvm::DenseMap<clang::FileID, bool> verdicts_; // one path lookup per file
};

class HostCodeVisitor : public clang::RecursiveASTVisitor<HostCodeVisitor> {
  using Base = clang::RecursiveASTVisitor<HostCodeVisitor>;

public:
  HostCodeVisitor(clang::ASTContext &context, const UserFiles &userFiles, EditList &edits)
      : context_(context), userFiles_(userFiles), edits_(edits) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool TraverseFunctionDecl(clang::FunctionDecl *function) {
    DeviceScope scope(*this, *function);
    return Base::TraverseFunctionDecl(function);
  }
  bool TraverseCXXMethodDecl(clang::CXXMethodDecl *method) {
    DeviceScope scope(*this, *method);
    return Base::TraverseCXXMethodDecl(method);
  }

  bool VisitFunctionDecl(clang::FunctionDecl *function) {
    // Declarations too: g++ must not see the keyword on any of them.
    if (!function->isTemplateInstantiation() && userFiles_.contains(function->getLocation()))
      ok_ &= replaceNoinlineKeywords(*function, context_, edits_);
    if (!function->doesThisDeclarationHaveABody() || function->isTemplateInstantiation() ||
        !userFiles_.contains(function->getLocation()))
      return true;
    if (function->hasAttr<clang::CUDAGlobalAttr>())
      ok_ &= rewriteKernelDefinition(*function, context_, edits_);
    else if (isDeviceOnly(*function))
      ok_ &= blankDeviceFunction(*function, context_, edits_);
    return true;
  }

  bool VisitCUDAKernelCallExpr(clang::CUDAKernelCallExpr *launch) {
    // Launches in device code (dynamic parallelism) vanish with the body.
    if (deviceDepth_ == 0 && userFiles_.contains(launch->getBeginLoc()))
      ok_ &= rewriteLaunch(*launch, context_, edits_);
    return true;
  }

  bool ok() const { return ok_; }

private:
  // Counts the enclosing kernels and device-only functions.
  struct DeviceScope {
    DeviceScope(HostCodeVisitor &visitor, const clang::FunctionDecl &function)
        : visitor_(visitor),
          device_(function.hasAttr<clang::CUDAGlobalAttr>() || isDeviceOnly(function)) {
      visitor_.deviceDepth_ += device_;
    }
    ~DeviceScope() { visitor_.deviceDepth_ -= device_; }
    HostCodeVisitor &visitor_;
    unsigned device_;
  };

  clang::ASTContext &context_;
  const UserFiles &userFiles_;
  EditList &edits_;
  unsigned deviceDepth_ = 0;
  bool ok_ = true;
};

} // namespace

struct HostRewriter::State {
  State(clang::ASTUnit &unit, const HostRewriteOptions &options)
      : unit(unit), userFiles(unit.getSourceManager(), options) {}
  clang::ASTUnit &unit;
  UserFiles userFiles;
  EditList edits;
  bool planned = false;
};

HostRewriter::HostRewriter(clang::ASTUnit &unit, const HostRewriteOptions &options)
    : state_(std::make_unique<State>(unit, options)) {}

HostRewriter::~HostRewriter() = default;

bool HostRewriter::plan() {
  clang::ASTContext &context = state_->unit.getASTContext();
  HostCodeVisitor visitor(context, state_->userFiles, state_->edits);
  visitor.TraverseDecl(context.getTranslationUnitDecl());
  state_->planned = visitor.ok() && !state_->unit.getDiagnostics().hasErrorOccurred();
  return state_->planned;
}

std::optional<HostOutput> HostRewriter::finish(const DeviceModule &device) {
  if (!state_->planned)
    return std::nullopt;
  clang::ASTUnit &unit = state_->unit;
  clang::SourceManager &sources = unit.getSourceManager();
  HeaderCopies headers(sources, state_->edits.editedFiles());
  headers.redirectIncludes(state_->edits);
  clang::Rewriter rewriter(sources, unit.getLangOpts());
  state_->edits.applyTo(rewriter);
  clang::FileID mainFile = sources.getMainFileID();
  std::string mainPath = fileName(sources, mainFile);

  HostOutput output;
  output.headers = headers.texts(rewriter);
  std::string body = fileText(rewriter, mainFile);
  if (!body.empty() && body.back() != '\n')
    body += '\n';
  output.mainFile = "// Host side of " + mainPath + ", generated by cucl-translate.\n" +
                    "#include <cuda_runtime.h>\n#include <cucl/module_abi.h>\n" +
                    lineDirective(mainPath) + body +
                    moduleRegistrar(device, mainPath, unit.getASTContext());
  return output;
}

std::optional<HostOutput> rewriteHost(clang::ASTUnit &unit, const DeviceModule &device,
                                      const HostRewriteOptions &options) {
  HostRewriter rewriter(unit, options);
  if (!rewriter.plan())
    return std::nullopt;
  return rewriter.finish(device);
}

} // namespace cucl::translate
