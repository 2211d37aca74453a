#include "analyse/device_symbols.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/Support/MathExtras.h>

#include "analyse/type_contents.h"

namespace cucl::translate {
namespace {

template <typename AttrT> bool hasExplicit(const clang::Decl &decl) {
  const auto *attr = decl.getAttr<AttrT>();
  return attr && !attr->isImplicit();
}

bool isManaged(const clang::VarDecl &variable) {
  if (variable.hasAttr<clang::HIPManagedAttr>())
    return true;
  for (const auto *annotation : variable.specific_attrs<clang::AnnotateAttr>())
    if (annotation->getAnnotation() == "cucl_managed")
      return true;
  return false;
}

class SymbolCollector : public clang::RecursiveASTVisitor<SymbolCollector> {
public:
  explicit SymbolCollector(clang::ASTContext &context) : context_(context) {}

  // Variable templates count by their instantiations, not the pattern.
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitVarDecl(clang::VarDecl *variable) {
    if (variable->isTemplated())
      return true;
    if (!variable->isThisDeclarationADefinition() ||
        context_.getSourceManager().isInSystemHeader(variable->getLocation()))
      return true;
    if (isDeviceSymbolVariable(*variable))
      found.push_back(variable);
    else if (isManagedVariable(*variable))
      managed.push_back(variable);
    return true;
  }

  std::vector<const clang::VarDecl *> found;
  std::vector<const clang::VarDecl *> managed;

private:
  clang::ASTContext &context_;
};

} // namespace

bool isManagedVariable(const clang::VarDecl &variable) {
  return variable.hasGlobalStorage() && !variable.isLocalVarDeclOrParm() && isManaged(variable);
}

bool isDeviceSymbolVariable(const clang::VarDecl &variable) {
  if (!variable.hasGlobalStorage() || variable.isLocalVarDeclOrParm() ||
      variable.isStaticDataMember() || isManaged(variable) ||
      variable.hasAttr<clang::CUDASharedAttr>())
    return false;
  return hasExplicit<clang::CUDAConstantAttr>(variable) ||
         hasExplicit<clang::CUDADeviceAttr>(variable);
}

DeviceSymbolTable DeviceSymbolTable::collect(clang::ASTContext &context,
                                             DeviceDiagnostics &diagnostics) {
  SymbolCollector collector(context);
  collector.TraverseDecl(context.getTranslationUnitDecl());
  DeviceSymbolTable table;
  table.managed_ = collector.managed;
  uint64_t segmentEnd[2] = {0, 0};
  for (const clang::VarDecl *variable : collector.found) {
    clang::QualType type = variable->getType();
    const char *keyword =
        variable->hasAttr<clang::CUDAConstantAttr>() ? "__constant__" : "__device__";
    std::string what = std::string(keyword) + " variable '" + variable->getNameAsString() + "'";
    if (type->isDependentType() || type->isIncompleteType()) {
      diagnostics.unsupported(variable->getLocation(), what + " of incomplete type");
      table.rejected_.insert(variable->getCanonicalDecl());
      continue;
    }
    DeviceSymbol symbol;
    symbol.variable = variable;
    symbol.constant = variable->hasAttr<clang::CUDAConstantAttr>();
    symbol.size = static_cast<uint64_t>(context.getTypeSizeInChars(type).getQuantity());
    // CUDA's alignment, at least 16 bytes so vector loads of any element work.
    uint64_t alignment =
        std::max<uint64_t>(16, static_cast<uint64_t>(context.getDeclAlign(variable).getQuantity()));
    uint64_t &end = segmentEnd[symbol.constant ? 1 : 0];
    symbol.offset = llvm::alignTo(end, alignment);
    end = symbol.offset + symbol.size;
    table.byCanonical_[variable->getCanonicalDecl()] = table.symbols_.size();
    table.symbols_.push_back(symbol);
  }
  return table;
}

bool DeviceSymbolTable::rejected(const clang::VarDecl *variable) const {
  return rejected_.count(variable->getCanonicalDecl()) != 0;
}

const DeviceSymbol *DeviceSymbolTable::find(const clang::VarDecl *variable) const {
  auto found = byCanonical_.find(variable->getCanonicalDecl());
  return found == byCanonical_.end() ? nullptr : &symbols_[found->second];
}

} // namespace cucl::translate
