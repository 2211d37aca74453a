// cucl passes `const T&` parameters by value (docs/device-support.md). That
// is only correct while the callee cannot change the referent through another
// argument; this check finds the calls where it visibly can (the same
// storage reaches a const reference and a modifiable argument) so they are
// diagnosed instead of silently reading a stale copy.
#pragma once

#include <clang/AST/Expr.h>
#include <clang/AST/Decl.h>

#include <vector>

namespace cucl::translate {

// The argument passed to a by-value const reference parameter that shares its
// root variable with an argument the callee may modify through (a non-const
// reference, a pointer to non-const, or the object of a non-const member
// function); nullptr when there is none. `object` may be null.
const clang::Expr *aliasedConstReferenceArgument(const clang::FunctionDecl *callee, const clang::Expr *object,
                                                 const std::vector<const clang::Expr *> &args);

} // namespace cucl::translate
