#include "rewrite_host/kernel_stub.h"

#include <optional>
#include <string>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/TypeLoc.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>
#include <llvm/Support/raw_ostream.h>

#include "rewrite_host/source_edits.h"

namespace cucl::translate {
namespace {

clang::PrintingPolicy hostPolicy(const clang::ASTContext &context) {
  clang::PrintingPolicy policy(context.getLangOpts());
  policy.SuppressUnwrittenScope = true; // no "(anonymous namespace)::"
  policy.FullyQualifiedName = true;
  return policy;
}

// An unnamed parameter gets a name inserted after its type; only simple
// declarators (no array or function-pointer syntax around the name) qualify.
bool nameableByAppending(const clang::ParmVarDecl &param) {
  clang::TypeLoc loc =
      param.getTypeSourceInfo() ? param.getTypeSourceInfo()->getTypeLoc() : clang::TypeLoc();
  while (!loc.isNull()) {
    if (loc.getAs<clang::ArrayTypeLoc>() || loc.getAs<clang::FunctionTypeLoc>() ||
        loc.getAs<clang::ParenTypeLoc>())
      return false;
    if (auto pointer = loc.getAs<clang::PointerTypeLoc>())
      loc = pointer.getPointeeLoc();
    else if (auto reference = loc.getAs<clang::ReferenceTypeLoc>())
      loc = reference.getPointeeLoc();
    else if (auto qualified = loc.getAs<clang::QualifiedTypeLoc>())
      loc = qualified.getUnqualifiedLoc();
    else
      break;
  }
  return !loc.isNull();
}

// The name of a kernel template's parameter; an unnamed one gets a name
// inserted after its `typename`/type (the stub has to spell it).
std::optional<std::string> templateParameterName(const clang::NamedDecl &param, unsigned index,
                                                 clang::ASTContext &context, EditList &edits) {
  if (!param.getName().empty())
    return param.getName().str();
  bool hasDefault = false;
  if (const auto *type = llvm::dyn_cast<clang::TemplateTypeParmDecl>(&param))
    hasDefault = type->hasDefaultArgument();
  else if (const auto *value = llvm::dyn_cast<clang::NonTypeTemplateParmDecl>(&param))
    hasDefault = value->hasDefaultArgument();
  else
    return std::nullopt; // template template parameter
  clang::SourceManager &sources = context.getSourceManager();
  clang::SourceLocation last = param.getEndLoc();
  if (param.isParameterPack()) {
    // The range of an unnamed pack ends before its `...`: the name goes after it.
    llvm::Optional<clang::Token> next =
        clang::Lexer::findNextToken(last, sources, context.getLangOpts());
    if (!next || next->isNot(clang::tok::ellipsis))
      return std::nullopt;
    last = next->getLocation();
  }
  clang::SourceLocation after =
      clang::Lexer::getLocForEndOfToken(last, 0, sources, context.getLangOpts());
  if (hasDefault || after.isInvalid() || after.isMacroID())
    return std::nullopt;
  std::string name = "cucl_tparam_" + std::to_string(index);
  edits.insert(sources, after, " " + name);
  return name;
}

// `&k`, `&k<T, N>` inside a template, `&k<int>` for an explicit specialization,
// or a cast selecting one of several overloads.
std::string selfReference(const clang::FunctionDecl &kernel, clang::ASTContext &context,
                          EditList &edits, bool &ok) {
  std::string name = kernel.getNameAsString();
  std::string text;
  llvm::raw_string_ostream out(text);
  if (const clang::FunctionTemplateDecl *templ = kernel.getDescribedFunctionTemplate()) {
    out << "&" << name << "<";
    unsigned index = 0;
    for (const clang::NamedDecl *param : *templ->getTemplateParameters()) {
      std::optional<std::string> paramName = templateParameterName(*param, index, context, edits);
      if (!paramName) {
        ok = false;
        return {};
      }
      out << (index ? ", " : "") << *paramName << (param->isParameterPack() ? "..." : "");
      ++index;
    }
    out << ">";
    return out.str();
  }
  if (const clang::TemplateArgumentList *args = kernel.getTemplateSpecializationArgs()) {
    out << "&" << name;
    clang::printTemplateArgumentList(out, args->asArray(), hostPolicy(context));
    return out.str();
  }
  clang::DeclContext::lookup_result found =
      kernel.getDeclContext()->getRedeclContext()->lookup(kernel.getDeclName());
  bool overloaded = std::distance(found.begin(), found.end()) > 1;
  if (!overloaded)
    return "&" + name;
  // Several functions share the name: pick this one by its type.
  out << "static_cast<void (*)(";
  for (unsigned i = 0; i < kernel.getNumParams(); ++i)
    out << (i ? ", " : "") << kernel.getParamDecl(i)->getType().getAsString(hostPolicy(context));
  out << ")>(&" << name << ")";
  return out.str();
}

// Where the definition starts: its first specifier or attribute (`__global__`).
clang::SourceLocation definitionBegin(const clang::FunctionDecl &kernel,
                                      const clang::SourceManager &sources) {
  clang::SourceLocation begin = kernel.getOuterLocStart();
  for (const clang::Attr *attr : kernel.attrs())
    if (attr->getLocation().isValid() &&
        sources.isBeforeInTranslationUnit(attr->getLocation(), begin))
      begin = attr->getLocation();
  return begin;
}

// `[static ]__global__ void name(T0 p0, ...)`, parameters named as the stub
// expects (unnamed ones as cucl_param_<i>).
std::string printedSignature(const clang::FunctionDecl &kernel, const clang::ASTContext &context) {
  std::string text;
  llvm::raw_string_ostream out(text);
  if (kernel.getStorageClass() == clang::SC_Static)
    out << "static ";
  out << "__global__ void " << kernel.getNameAsString() << "(";
  for (unsigned i = 0; i < kernel.getNumParams(); ++i) {
    const clang::ParmVarDecl *param = kernel.getParamDecl(i);
    std::string name =
        param->getName().empty() ? "cucl_param_" + std::to_string(i) : param->getNameAsString();
    out << (i ? ", " : "");
    param->getType().print(out, hostPolicy(context), name);
  }
  out << ")";
  return out.str();
}

} // namespace

bool rewriteKernelDefinition(const clang::FunctionDecl &kernel, clang::ASTContext &context,
                             EditList &edits) {
  clang::SourceManager &sources = context.getSourceManager();
  clang::DiagnosticsEngine &diagnostics = context.getDiagnostics();
  if (llvm::isa<clang::CXXMethodDecl>(kernel)) {
    reportError(
        diagnostics, kernel.getLocation(),
        "__global__ function '" + kernel.getNameAsString() +
            "' is a class member; cucl supports free-function kernels only (not supported yet)");
    return false;
  }
  const clang::Stmt *body = kernel.getBody();
  clang::CharSourceRange bodyRange =
      editableRange(sources, context.getLangOpts(), body->getSourceRange());
  // A kernel generated by a macro (`DEFINE_KERNEL(name)`) whose expansion is
  // exactly the definition: the macro use is replaced by a printed definition.
  clang::CharSourceRange macroUse;
  if (bodyRange.isInvalid()) {
    if (!kernel.getDescribedFunctionTemplate() && !kernel.getTemplateSpecializationArgs())
      macroUse = editableRange(sources, context.getLangOpts(),
                               {definitionBegin(kernel, sources), body->getEndLoc()});
    if (macroUse.isInvalid()) {
      reportError(diagnostics, kernel.getLocation(),
                  "kernel '" + kernel.getNameAsString() +
                      "' is defined inside a macro expansion that holds more than the kernel (or "
                      "is a template); "
                      "cucl cannot rewrite it (define it outside macros, or one kernel per macro)");
      return false;
    }
  }
  bool macroGenerated = macroUse.isValid();

  std::string argList;
  for (unsigned i = 0; i < kernel.getNumParams(); ++i) {
    const clang::ParmVarDecl *param = kernel.getParamDecl(i);
    std::string name = param->getNameAsString();
    if (name.empty() && macroGenerated) {
      name = "cucl_param_" + std::to_string(i); // the printed signature spells it
    } else if (name.empty()) {
      name = "cucl_param_" + std::to_string(i);
      clang::SourceLocation typeEnd = param->getTypeSourceInfo()->getTypeLoc().getEndLoc();
      clang::SourceLocation after =
          clang::Lexer::getLocForEndOfToken(typeEnd, 0, sources, context.getLangOpts());
      if (!nameableByAppending(*param) || after.isInvalid() || after.isMacroID()) {
        reportError(diagnostics, param->getBeginLoc(),
                    "unnamed kernel parameter " + std::to_string(i + 1) +
                        " has a declarator cucl cannot name; give the parameter a name");
        return false;
      }
      edits.insert(sources, after, " " + name);
    }
    argList += (argList.empty() ? "" : ", ") + std::string("(void *)&") + name +
               (param->isParameterPack() ? "..." : "");
  }
  bool hasPack = kernel.getDescribedFunctionTemplate() &&
                 std::any_of(kernel.param_begin(), kernel.param_end(),
                             [](const clang::ParmVarDecl *p) { return p->isParameterPack(); });
  // An empty array is ill-formed: a kernel without parameters (or an empty
  // pack) still needs one element; cudaLaunchKernel reads only as many as
  // the kernel has.
  if (argList.empty() || hasPack)
    argList += argList.empty() ? "nullptr" : ", nullptr";

  bool ok = true;
  std::string self = selfReference(kernel, context, edits, ok);
  if (!ok) {
    reportError(diagnostics, kernel.getLocation(),
                "kernel template '" + kernel.getNameAsString() +
                    "' has an unnamed template parameter cucl cannot name (a template template "
                    "parameter or "
                    "one with a default); give it a name so the launch stub can name the kernel");
    return false;
  }

  std::string stub =
      "{ void *cucl_args[] = {" + argList +
      "}; dim3 cucl_grid, cucl_block; size_t cucl_shmem; cudaStream_t cucl_stream; "
      "if (__cudaPopCallConfiguration(&cucl_grid, &cucl_block, &cucl_shmem, &cucl_stream) != "
      "cudaSuccess) return; (void)cudaLaunchKernel((const void *)" +
      self + ", cucl_grid, cucl_block, cucl_args, cucl_shmem, cucl_stream); }";
  if (macroGenerated) {
    llvm::StringRef original =
        clang::Lexer::getSourceText(macroUse, sources, context.getLangOpts());
    edits.replace(sources, macroUse,
                  padToSameLines(printedSignature(kernel, context) + " " + stub, original));
    return true;
  }
  llvm::StringRef original = clang::Lexer::getSourceText(bodyRange, sources, context.getLangOpts());
  edits.replace(sources, bodyRange, padToSameLines(std::move(stub), original));
  return true;
}

} // namespace cucl::translate
