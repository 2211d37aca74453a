// Analyse layer: pairs the kernels of the device-side parse with those of the
// host-side parse. Device code is emitted from the device view (__CUDA_ARCH__
// defined) but registered and launched through the host view's declarations,
// so each kernel (or template instantiation) must exist in both, with the same
// mangled name and the same parameter sizes, as CUDA itself requires.
#pragma once

#include <optional>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace cucl::translate {

// For each of `deviceKernels` (from collectKernels on `device`), the host
// view's declaration of the same kernel, in the same order. Reports a
// `file:line:col: error:` for a kernel found on one side only, or whose
// by-value parameter sizes differ, and then returns nothing.
std::optional<std::vector<const clang::FunctionDecl *>> matchHostKernels(
    clang::ASTContext &device, const std::vector<const clang::FunctionDecl *> &deviceKernels,
    clang::ASTContext &host, const std::vector<const clang::FunctionDecl *> &hostKernels);

} // namespace cucl::translate
