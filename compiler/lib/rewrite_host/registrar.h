// The module registrar appended to the main file: the OpenCL C program as
// text, one cuclKernelArgInfo array per kernel, and a static object that
// registers the module and every kernel (keyed by its stub's address) at load
// time and unregisters the module at exit (include/cucl/module_abi.h).
#pragma once

#include <string>

#include <llvm/ADT/StringRef.h>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace cucl::translate {

struct DeviceModule;

// A C++ expression for the address of `kernel` (a plain kernel or a template
// instantiation) valid at file scope of the main file: `&::ns::k<float, 256>`.
std::string kernelAddressExpression(const clang::FunctionDecl &kernel,
                                    const clang::ASTContext &context);

// `text` as a brace-enclosed list of string-literal pieces (one per line,
// long lines split), portable to any C++ compiler: no raw strings, every
// non-printable byte, quote, backslash and `?` escaped.
std::string stringLiteralPieces(llvm::StringRef text);

// The registrar source for `device`, for the module named `moduleName`.
std::string moduleRegistrar(const DeviceModule &device, llvm::StringRef moduleName,
                            const clang::ASTContext &context);

} // namespace cucl::translate
