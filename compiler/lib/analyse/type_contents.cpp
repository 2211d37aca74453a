#include "analyse/type_contents.h"

#include <clang/AST/Decl.h>
#include <clang/AST/Type.h>

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

TextureObjectKind textureObjectKind(clang::QualType type) {
  while (!type.isNull()) {
    const auto *typedefType = type->getAs<clang::TypedefType>();
    if (!typedefType)
      return TextureObjectKind::None;
    llvm::StringRef name = typedefType->getDecl()->getName();
    if (name == "cudaTextureObject_t")
      return TextureObjectKind::Texture;
    if (name == "cudaSurfaceObject_t")
      return TextureObjectKind::Surface;
    type = typedefType->getDecl()->getUnderlyingType();
  }
  return TextureObjectKind::None;
}

} // namespace cucl::translate
