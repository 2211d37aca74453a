// `k<<<g, b, s, st>>>(args)` -> nvcc's launch ABI:
//   (__cudaPushCallConfiguration(g, b, s, st) ? (void)0 : k(args))
// The user's text for the callee, configuration and arguments is kept.
#pragma once

namespace clang {
class ASTContext;
class CUDAKernelCallExpr;
} // namespace clang

namespace cucl::translate {

class EditList;

// Queues the edits for one launch. A launch whose tokens are spelled across
// several macro expansions cannot be rewritten: returns false after an error.
bool rewriteLaunch(const clang::CUDAKernelCallExpr &launch, clang::ASTContext &context,
                   EditList &edits);

} // namespace cucl::translate
