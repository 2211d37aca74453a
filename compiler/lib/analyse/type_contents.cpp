#include "analyse/type_contents.h"

#include <clang/AST/Decl.h>

namespace cucl::translate {

bool containsPointer(clang::QualType type) {
  clang::QualType canonical = type.getCanonicalType();
  if (canonical->isPointerType() || canonical->isReferenceType())
    return true;
  if (auto *array = llvm::dyn_cast<clang::ArrayType>(canonical.getTypePtr()))
    return containsPointer(array->getElementType());
  if (auto *record = canonical->getAsRecordDecl())
    for (const clang::FieldDecl *field : record->fields())
      if (containsPointer(field->getType()))
        return true;
  return false;
}

bool containsBoolField(clang::QualType type) {
  clang::QualType canonical = type.getCanonicalType();
  if (auto *array = llvm::dyn_cast<clang::ArrayType>(canonical.getTypePtr()))
    return containsBoolField(array->getElementType());
  if (auto *record = canonical->getAsRecordDecl()) {
    for (const clang::FieldDecl *field : record->fields())
      if (field->getType()->isBooleanType() || containsBoolField(field->getType()))
        return true;
  }
  return false;
}

} // namespace cucl::translate
