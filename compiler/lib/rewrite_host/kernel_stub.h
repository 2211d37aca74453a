// Kernel definitions on the host side: the body becomes nvcc's launch stub,
// which pops the `<<<>>>` configuration and calls cudaLaunchKernel with the
// stub's own address (the key the module registrar uses).
#pragma once

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace cucl::translate {

class EditList;

// Queues the edits turning `kernel` (a plain kernel, a kernel template's
// pattern or an explicit specialization) into its stub. Returns false after
// reporting an error at the definition.
bool rewriteKernelDefinition(const clang::FunctionDecl &kernel, clang::ASTContext &context,
                             EditList &edits);

} // namespace cucl::translate
