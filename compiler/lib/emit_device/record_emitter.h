// Emits the C structs (and unions) device code uses, in dependency order,
// with CUDA's layout: field order and types are the same, the record's CUDA
// alignment is spelled out, and a compile-time check in the OpenCL source
// fails the OpenCL build if size or alignment ever differ from the host's.
#pragma once

#include <map>
#include <set>
#include <string>

#include <clang/Basic/SourceLocation.h>

#include "analyse/device_diagnostics.h"
#include "emit_device/opencl_names.h"
#include "emit_device/type_printer.h"

namespace clang {
class ASTContext;
class CXXBaseSpecifier;
class CXXRecordDecl;
class FieldDecl;
class RecordDecl;
} // namespace clang

namespace cucl::translate {

class RecordEmitter {
public:
  RecordEmitter(clang::ASTContext &context, DeviceDiagnostics &diagnostics, NameUniquer &names,
                TypePrinter &types)
      : context_(context), diagnostics_(diagnostics), names_(names), types_(types) {}

  // The OpenCL tag of `record` (without `struct`); defines it on first use.
  std::string nameOf(const clang::RecordDecl *record, clang::SourceLocation use);
  // Every definition so far, dependencies first.
  const std::string &definitions() const { return definitions_; }
  // The printed name of a field (renamed if it is an OpenCL reserved word).
  static std::string fieldName(const clang::FieldDecl *field);
  // The member a non-empty base class becomes: bases are laid out first, in
  // order, as the C++ ABI does for classes without virtual bases.
  static std::string baseFieldName(const clang::CXXRecordDecl *derived,
                                   const clang::CXXBaseSpecifier *base);

private:
  void define(const clang::RecordDecl *record, const std::string &name, clang::SourceLocation use);

  clang::ASTContext &context_;
  DeviceDiagnostics &diagnostics_;
  NameUniquer &names_;
  TypePrinter &types_;
  std::map<const clang::RecordDecl *, std::string> names_of_;
  std::set<const clang::RecordDecl *> defining_;
  std::string definitions_;
};

} // namespace cucl::translate
