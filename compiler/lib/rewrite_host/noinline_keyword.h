// CUDA's `__noinline__` in host output. Clang parses it as a keyword in CUDA
// mode, g++ knows no such keyword, and defining it as a macro breaks
// libstdc++ (which writes `__attribute__((__noinline__))`), so the token
// itself is replaced by GCC's spelling, `__attribute__((noinline))`.
#pragma once

namespace clang {
class ASTContext;
class Decl;
} // namespace clang

namespace cucl::translate {

class EditList;

// Queues the replacement for each `__noinline__` keyword on `decl` (in the
// file, a macro argument or a macro's definition). Returns false after an
// error when the keyword cannot be edited.
bool replaceNoinlineKeywords(const clang::Decl &decl, clang::ASTContext &context, EditList &edits);

} // namespace cucl::translate
