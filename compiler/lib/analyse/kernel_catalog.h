// Analyse layer: which kernels a translation unit defines.
#pragma once

#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace cucl::translate {

// Every __global__ function of the main file (and its non-system headers)
// that has a body and concrete types: plain kernels, plus every instantiation
// of every kernel template (the ones `<<<>>>` launches or `&k<T>` names).
// Returned in source order, deterministic.
std::vector<const clang::FunctionDecl *> collectKernels(clang::ASTContext &context);

} // namespace cucl::translate
