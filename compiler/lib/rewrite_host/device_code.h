// Device-only code on the host side: a plain C++ compiler must not see
// __device__ function bodies (they use threadIdx, __syncthreads, ...), so
// they are blanked to the same number of lines. __host__ __device__
// functions stay: their keywords expand to nothing.
#pragma once

namespace clang {
class ASTContext;
class FunctionDecl;
class VarDecl;
} // namespace clang

namespace cucl::translate {

class EditList;

// True for a function the user marked __device__ but not __host__.
bool isDeviceOnly(const clang::FunctionDecl &function);

// Queues blanking of a device-only function definition (with its template
// header). Returns false after reporting an error.
bool blankDeviceFunction(const clang::FunctionDecl &function, clang::ASTContext &context,
                         EditList &edits);

} // namespace cucl::translate
