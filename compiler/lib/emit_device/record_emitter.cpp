#include "emit_device/record_emitter.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/RecordLayout.h>

namespace cucl::translate {
namespace {

std::string wantedName(const clang::RecordDecl *record, TypePrinter &types) {
  std::string name = record->getNameAsString();
  if (name.empty())
    if (const clang::TypedefNameDecl *typedefName = record->getTypedefNameForAnonDecl())
      name = typedefName->getNameAsString();
  if (name.empty())
    name = "anonymous_record";
  if (auto *specialization = llvm::dyn_cast<clang::ClassTemplateSpecializationDecl>(record))
    name += types.mangle(specialization->getTemplateArgs());
  return name;
}

} // namespace

std::string RecordEmitter::fieldName(const clang::FieldDecl *field) {
  std::string name = field->getNameAsString();
  if (name.empty())
    name = "cucl_field" + std::to_string(field->getFieldIndex());
  return safeLocalName(name);
}

std::string RecordEmitter::baseFieldName(const clang::CXXRecordDecl *derived,
                                         const clang::CXXBaseSpecifier *base) {
  return "cucl_base" + std::to_string(base - derived->bases_begin());
}

std::string RecordEmitter::nameOf(const clang::RecordDecl *record, clang::SourceLocation use) {
  record = record->getDefinition() ? record->getDefinition() : record;
  auto found = names_of_.find(record);
  if (found != names_of_.end())
    return found->second;
  std::string name = names_.unique(wantedName(record, types_));
  names_of_[record] = name;
  define(record, name, use);
  return name;
}

void RecordEmitter::define(const clang::RecordDecl *record, const std::string &name,
                           clang::SourceLocation use) {
  if (!record->isCompleteDefinition()) {
    diagnostics_.unsupported(use, "incomplete type '" + record->getNameAsString() + "'");
    return;
  }
  defining_.insert(record);
  clang::SourceLocation where = record->getLocation();
  std::string body;
  const clang::ASTRecordLayout &layout = context_.getASTRecordLayout(record);
  if (auto *cxx = llvm::dyn_cast<clang::CXXRecordDecl>(record)) {
    if (cxx->getNumVBases() != 0)
      diagnostics_.unsupported(where, "a struct with a virtual base class ('" + name + "')");
    // Each non-empty base becomes a leading member. The C layout of that is
    // the C++ one unless a derived field sits in a base's tail padding.
    uint64_t end = 0;
    for (const clang::CXXBaseSpecifier &base : cxx->bases()) {
      const clang::CXXRecordDecl *baseDecl = base.getType()->getAsCXXRecordDecl();
      if (!baseDecl || baseDecl->isEmpty() || base.isVirtual())
        continue;
      uint64_t offset = static_cast<uint64_t>(layout.getBaseClassOffset(baseDecl).getQuantity());
      if (offset < end)
        diagnostics_.unsupported(base.getBeginLoc(), "a base class laid out inside another's "
                                                     "tail padding ('" +
                                                         name + "')");
      end =
          offset + static_cast<uint64_t>(context_.getTypeSizeInChars(base.getType()).getQuantity());
      body += "  " +
              types_.declare(base.getType(), baseFieldName(cxx, &base), AddressSpace::Private,
                             base.getBeginLoc()) +
              ";\n";
    }
    if (!record->field_empty() &&
        context_.toCharUnitsFromBits(static_cast<int64_t>(layout.getFieldOffset(0))).getQuantity() <
            static_cast<int64_t>(end))
      diagnostics_.unsupported(
          where, "a struct whose fields sit in its base class's tail padding ('" + name + "')");
    if (cxx->isPolymorphic())
      diagnostics_.unsupported(where, "a struct with virtual functions ('" + name + "')");
    else if (!cxx->hasTrivialDestructor())
      diagnostics_.unsupported(where, "a struct with a destructor ('" + name + "')");
  }
  if (record->hasAttr<clang::PackedAttr>())
    diagnostics_.unsupported(where, "a packed struct ('" + name + "')");

  for (const clang::FieldDecl *field : record->fields()) {
    if (field->isBitField())
      diagnostics_.unsupported(field->getLocation(), "a bit-field");
    if (field->getType()->isReferenceType())
      diagnostics_.unsupported(field->getLocation(), "a struct field of reference type");
    std::string line =
        "  " + types_.declareStored(field->getType(), fieldName(field), field->getLocation());
    if (const auto *aligned = field->getAttr<clang::AlignedAttr>())
      if (!aligned->isAlignmentDependent())
        line += " __attribute__((aligned(" + std::to_string(aligned->getAlignment(context_) / 8) +
                ")))";
    body += line + ";\n";
  }
  if (body.empty())
    body += "  uchar cucl_empty;\n"; // C has no empty structs; C++ gives them size 1
  const char *tag = record->isUnion() ? "union" : "struct";
  uint64_t size = static_cast<uint64_t>(layout.getSize().getQuantity());
  uint64_t align = static_cast<uint64_t>(layout.getAlignment().getQuantity());
  definitions_ += std::string(tag) + " " + name + " {\n" + body + "} __attribute__((aligned(" +
                  std::to_string(align) + ")));\n";
  // Host and device must agree on the layout (by-value kernel arguments,
  // buffers of structs); a mismatch fails the OpenCL build here.
  definitions_ += "typedef char cucl_layout_check_" + name + "[(sizeof(" + tag + " " + name +
                  ") == " + std::to_string(size) + ") ? 1 : -1][(__alignof__(" + tag + " " + name +
                  ") == " + std::to_string(align) + ") ? 1 : -1];\n\n";
  defining_.erase(record);
}

} // namespace cucl::translate
