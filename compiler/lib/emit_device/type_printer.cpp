#include "emit_device/type_printer.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclTemplate.h>
#include <llvm/ADT/StringExtras.h>

#include "analyse/type_contents.h"
#include "emit_device/opencl_names.h"

namespace cucl::translate {

std::string TypePrinter::builtinName(const clang::BuiltinType *builtin,
                                     clang::SourceLocation where) {
  switch (builtin->getKind()) {
  case clang::BuiltinType::Void:
    return "void";
  case clang::BuiltinType::Bool:
    return "bool";
  case clang::BuiltinType::Char_S:
  case clang::BuiltinType::SChar:
    return "char";
  case clang::BuiltinType::Char_U:
  case clang::BuiltinType::UChar:
  case clang::BuiltinType::Char8:
    return "uchar";
  case clang::BuiltinType::Short:
    return "short";
  case clang::BuiltinType::UShort:
  case clang::BuiltinType::Char16:
    return "ushort";
  case clang::BuiltinType::Int:
  case clang::BuiltinType::WChar_S:
    return "int";
  case clang::BuiltinType::UInt:
  case clang::BuiltinType::WChar_U:
  case clang::BuiltinType::Char32:
    return "uint";
  case clang::BuiltinType::Long:
  case clang::BuiltinType::LongLong:
    return "long";
  case clang::BuiltinType::ULong:
  case clang::BuiltinType::ULongLong:
    return "ulong";
  case clang::BuiltinType::Float:
    return "float";
  case clang::BuiltinType::Double:
    usesDouble_ = true;
    return "double";
  case clang::BuiltinType::NullPtr:
    return "void *";
  default:
    break;
  }
  diagnostics_.unsupported(where, std::string("type '") +
                                      builtin->getName(context_.getPrintingPolicy()).str() + "'");
  return "int";
}

std::string TypePrinter::declare(clang::QualType type, const std::string &declarator,
                                 AddressSpace pointee, clang::SourceLocation where,
                                 const char *storage) {
  return declareAt(type, declarator, pointee, where, storage, 0, false);
}

std::string TypePrinter::declareStored(clang::QualType type, const std::string &declarator,
                                       clang::SourceLocation where) {
  return declareAt(type, declarator, AddressSpace::Private, where, nullptr, 0, true);
}

std::string TypePrinter::declareAt(clang::QualType type, const std::string &declarator,
                                   AddressSpace pointee, clang::SourceLocation where,
                                   const char *storage, unsigned pointerDepth, bool inMemory) {
  if (textureObjectKind(type) != TextureObjectKind::None) {
    usesTextures_ = true; // opencl/texture_runtime.cl
    return std::string(type.isConstQualified() ? "const " : "") + "cucl_texture" +
           (declarator.empty() || declarator.front() == '[' ? "" : " ") + declarator;
  }
  clang::QualType canonical = type.getCanonicalType();
  const clang::Type *node = canonical.getTypePtr();
  std::string separator = declarator.empty() || declarator.front() == '[' ? "" : " ";
  // Storage and qualifiers of the object itself.
  auto prefix = [&] {
    std::string text;
    if (storage && (std::string(storage) != "__private" || pointerDepth > 0))
      text += std::string(storage) + " ";
    if (canonical.isConstQualified())
      text += "const ";
    if (canonical.isVolatileQualified())
      text += "volatile ";
    return text;
  };

  // A pointer object with its own storage qualifier (a __shared__ pointer)
  // is held in memory too.
  bool inSpace = pointerDepth == 0 && storage && std::string(storage) != "__private";
  if (node->isPointerType() && (pointerDepth > 0 || inMemory || inSpace) &&
      !node->getPointeeType()->isFunctionType())
    // A pointer held in memory (the target of a pointer, an array element, a
    // struct field) is its device address (opencl/pointer_runtime.cl).
    return prefix() + "ulong" + separator + declarator;
  if (node->isPointerType() || node->isReferenceType()) {
    if (pointerDepth > 0)
      diagnostics_.unsupported(where,
                               "a pointer to a reference (type '" + type.getAsString() + "')");
    clang::QualType target = node->getPointeeType();
    if (target->isFunctionType()) {
      diagnostics_.unsupported(where, "a function pointer");
      return "int " + declarator;
    }
    std::string inner = "*";
    if (canonical.isConstQualified())
      inner += "const";
    // __restrict__ tells the OpenCL compiler what it tells nvcc: no aliasing.
    if (canonical.isRestrictQualified() && node->isPointerType())
      inner += std::string(inner.size() > 1 ? " " : "") + "restrict";
    if (!declarator.empty())
      inner += (inner.size() > 1 ? " " : "") + declarator;
    if (target->isArrayType())
      inner = "(" + inner + ")";
    return declareAt(target, inner, AddressSpace::Private, where, addressSpaceQualifier(pointee),
                     pointerDepth + 1, true);
  }

  if (auto *array = llvm::dyn_cast<clang::ConstantArrayType>(node)) {
    std::string inner = declarator + "[" + std::to_string(array->getSize().getZExtValue()) + "]";
    return declareAt(array->getElementType(), inner, pointee, where, storage, pointerDepth, true);
  }
  if (auto *array = llvm::dyn_cast<clang::IncompleteArrayType>(node))
    return declareAt(array->getElementType(), declarator + "[]", pointee, where, storage,
                     pointerDepth, true);

  std::string base;
  if (auto *builtin = llvm::dyn_cast<clang::BuiltinType>(node)) {
    base = builtinName(builtin, where);
  } else if (auto *enumType = llvm::dyn_cast<clang::EnumType>(node)) {
    clang::QualType integer = enumType->getDecl()->getIntegerType();
    base = integer.isNull() ? "int"
                            : declareAt(integer, "", pointee, where, nullptr, pointerDepth, false);
  } else if (auto *record = llvm::dyn_cast<clang::RecordType>(node)) {
    const clang::RecordDecl *decl = record->getDecl();
    base = std::string(decl->isUnion() ? "union " : "struct ") + recordNamer_(decl, where);
  } else {
    diagnostics_.unsupported(where, "type '" + type.getAsString() + "'");
    base = "int";
  }
  // Shared storage qualifiers print before the declarator list; parenthesize
  // "**" cases are not reachable (diagnosed above).
  return prefix() + base + separator + declarator;
}

std::string TypePrinter::mangle(clang::QualType type) {
  clang::QualType canonical = type.getCanonicalType().getUnqualifiedType();
  if (canonical->isPointerType())
    return "ptr_" + mangle(canonical->getPointeeType());
  if (canonical->isReferenceType())
    return "ref_" + mangle(canonical->getPointeeType());
  if (auto *array = llvm::dyn_cast<clang::ConstantArrayType>(canonical.getTypePtr()))
    return "arr" + std::to_string(array->getSize().getZExtValue()) + "_" +
           mangle(array->getElementType());
  if (auto *record = llvm::dyn_cast<clang::RecordType>(canonical.getTypePtr()))
    return recordNamer_(record->getDecl(), clang::SourceLocation());
  if (auto *builtin = llvm::dyn_cast<clang::BuiltinType>(canonical.getTypePtr())) {
    std::string name = builtinName(builtin, clang::SourceLocation());
    return name == "void *" ? "nullptr_t" : name;
  }
  if (auto *enumType = llvm::dyn_cast<clang::EnumType>(canonical.getTypePtr()))
    return sanitizeIdentifier(enumType->getDecl()->getNameAsString());
  return sanitizeIdentifier(canonical.getAsString());
}

std::string TypePrinter::mangle(const clang::TemplateArgumentList &arguments) {
  std::string out;
  for (const clang::TemplateArgument &argument : arguments.asArray()) {
    std::string part;
    switch (argument.getKind()) {
    case clang::TemplateArgument::Type:
      part = mangle(argument.getAsType());
      break;
    case clang::TemplateArgument::Integral: {
      llvm::APSInt value = argument.getAsIntegral();
      if (argument.getIntegralType()->isBooleanType())
        part = value.getBoolValue() ? "true" : "false";
      else if (value.isSigned() && value.isNegative())
        part = "m" + llvm::toString(-value, 10);
      else
        part = llvm::toString(value, 10);
      break;
    }
    case clang::TemplateArgument::Pack:
      for (const clang::TemplateArgument &element : argument.pack_elements())
        if (element.getKind() == clang::TemplateArgument::Type)
          part += (part.empty() ? "" : "_") + mangle(element.getAsType());
      break;
    default:
      part = "arg";
      break;
    }
    if (!part.empty())
      out += "_" + part;
  }
  return out;
}

} // namespace cucl::translate
