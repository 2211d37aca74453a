// Prints canonical Clang types as OpenCL C 1.2 declarations. User typedef
// names never reach the output (CUDA code often typedefs `uint` or `half`,
// which OpenCL C already defines); pointers carry an explicit address space;
// records print as `struct <unique name>` and are queued for definition.
#pragma once

#include <functional>
#include <string>

#include <clang/AST/Type.h>
#include <clang/Basic/SourceLocation.h>

#include "analyse/address_space.h"
#include "analyse/device_diagnostics.h"

namespace clang {
class ASTContext;
class RecordDecl;
class TemplateArgumentList;
} // namespace clang

namespace cucl::translate {

class TypePrinter {
public:
  using RecordNamer = std::function<std::string(const clang::RecordDecl *, clang::SourceLocation)>;

  TypePrinter(clang::ASTContext &context, DeviceDiagnostics &diagnostics)
      : context_(context), diagnostics_(diagnostics) {}
  void setRecordNamer(RecordNamer namer) { recordNamer_ = std::move(namer); }

  // A declaration of `declarator` (a name, or empty for a type name) of
  // `type`. `storage` qualifies the object itself (e.g. __local for a shared
  // array), `pointee` the first pointer level. References print as pointers.
  std::string declare(clang::QualType type, const std::string &declarator, AddressSpace pointee,
                      clang::SourceLocation where, const char *storage = nullptr);
  // A declaration of an object held in memory (a struct field): a pointer in
  // it, as in arrays and behind pointers, is its device address (`ulong`).
  std::string declareStored(clang::QualType type, const std::string &declarator,
                            clang::SourceLocation where);
  // A type name for casts: declare(type, "", pointee).
  std::string typeName(clang::QualType type, AddressSpace pointee, clang::SourceLocation where) {
    return declare(type, "", pointee, where);
  }

  // An identifier fragment for a type or template argument list, for names
  // of template instantiations (`float`, `uint`, `ptr_float`, `16`, `m1`).
  std::string mangle(clang::QualType type);
  std::string mangle(const clang::TemplateArgumentList &arguments);

  bool usesDouble() const { return usesDouble_; }
  bool usesTextures() const { return usesTextures_; }
  void useTextures() { usesTextures_ = true; } // a texture reference needs no printed type

private:
  std::string declareAt(clang::QualType type, const std::string &declarator, AddressSpace pointee,
                        clang::SourceLocation where, const char *storage, unsigned pointerDepth,
                        bool inMemory);
  std::string builtinName(const clang::BuiltinType *builtin, clang::SourceLocation where);

  clang::ASTContext &context_;
  DeviceDiagnostics &diagnostics_;
  RecordNamer recordNamer_;
  bool usesDouble_ = false;
  bool usesTextures_ = false; // texture/surface objects: the texture runtime
};

} // namespace cucl::translate
