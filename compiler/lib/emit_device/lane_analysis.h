// Syntactic facts about variables that lane mode needs: where an lvalue's
// storage lives, which variables may be reached through a kept address, which
// a statement reads, which kernel parameters a thread writes.
#pragma once

#include <set>

namespace clang {
class Expr;
class Stmt;
class VarDecl;
} // namespace clang

namespace cucl::translate {

// The variable whose storage an lvalue designates (`a`, `a.b`, `a[i]` of an
// array `a`), or nullptr.
const clang::VarDecl *storageRoot(const clang::Expr *e);

// Adds the variables whose address may outlive a statement (taken with `&`,
// an array decaying to a pointer, bound to a reference variable).
void collectEscapes(const clang::Stmt *stmt, std::set<const clang::VarDecl *> &escapes);

// True when `stmt` names `variable`.
bool references(const clang::Stmt *stmt, const clang::VarDecl *variable);

// True when `stmt` may change `parameter` (assignment, ++/--, a non-const
// member call or reference binding).
bool writesParameter(const clang::Stmt *stmt, const clang::VarDecl *parameter);

} // namespace cucl::translate
