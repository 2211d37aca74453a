// Address-space inference for one specialization of one device function.
//
// Seeds: the address spaces of the function's pointer and reference
// parameters (chosen by the caller: kernel pointer parameters are
// __global, __shared__ storage is __local, everything else __private). Local
// pointer and reference variables take the space of whatever initializes or
// is assigned to them, iterated to a fixed point; a variable that would need
// two spaces is an error at the offending assignment.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "analyse/address_space.h"
#include "analyse/device_diagnostics.h"

namespace clang {
class CallExpr;
class Expr;
class FunctionDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace cucl::translate {

// True for parameters whose address space is part of a specialization:
// pointers and references.
bool isSpaceParameter(const clang::VarDecl *parameter);
// True for `const T&` parameters of non-pointer type. They are passed by
// pointer when the argument is an lvalue (so reads see current memory even
// when the callee writes the referent through another path) and by value
// when it binds a temporary; the clone for the latter has space Unknown
// (suffix letter 'v') in that parameter's slot.
bool isConstReferenceParameter(const clang::VarDecl *parameter);
// True when an argument for a `const T&` parameter has no address C can
// take: a temporary (`f(x + 1)`, `f(3)`, a converted value) or an lvalue
// form C has no address for (`c ? x : y`, `x = y`, `++x`). It is then passed
// by value.
bool passesConstReferenceByValue(const clang::Expr *argument);
// True when a reference is initialized with a temporary (`const T &r = a + b`):
// the emitter holds such a reference's value in a private variable.
bool bindsTemporary(const clang::Expr *init);
// The slot a pointer lvalue names, past parentheses, no-op casts, `(a = b)`,
// `++a` and `(x, a)` (each of which is the slot `a`).
const clang::Expr *pointerSlot(const clang::Expr *lvalue);
// True when a slot (pointerSlot) holds its pointer in memory, as a device
// address (docs/design.md, "Pointers in device memory"): a field, an element,
// `*pp`, a call returning `T *&`, a __device__, __constant__ or __shared__
// variable. A local pointer variable is not.
bool heldInMemory(const clang::Expr *slot);

class PointerSpaceInference {
public:
  // Address space a call's pointer result points to (or a reference result
  // refers to); nullopt when it cannot be known.
  using CallResultSpace = std::function<std::optional<AddressSpace>(const clang::CallExpr *)>;

  PointerSpaceInference(DeviceDiagnostics &diagnostics, CallResultSpace callResultSpace);

  void seed(const clang::VarDecl *variable, AddressSpace space);
  // The space `this` points to, in a member function's specialization.
  void seedThis(AddressSpace space) { thisSpace_ = space; }
  // A local array the emitter places in the launch's scratch memory: it
  // lives in __global memory.
  void placeInScratch(const clang::VarDecl *array) { scratchArrays_.insert(array); }
  // Infers every local pointer/reference in `function`'s body. False when an
  // error was reported.
  bool run(const clang::FunctionDecl *function);

  // Space that a pointer-typed rvalue points to (reference-typed: refers to).
  std::optional<AddressSpace> pointeeSpace(const clang::Expr *pointer) const;
  // Space an lvalue lives in.
  std::optional<AddressSpace> storageSpace(const clang::Expr *lvalue) const;
  // Space of a pointer variable's pointee or a reference variable's referent.
  AddressSpace variableSpace(const clang::VarDecl *variable) const;
  // Space the function's pointer/reference result points into.
  AddressSpace returnSpace() const { return returnSpace_; }

private:
  struct Constraint {
    const clang::VarDecl *variable; // nullptr: the function's result
    const clang::Expr *source;
    bool sourceIsLvalue; // reference binding: the space the source lives in
  };

  std::optional<AddressSpace> spaceOfPointerStoredAt(const clang::Expr *lvalue) const;
  void collectConstraints(const clang::FunctionDecl *function);

  DeviceDiagnostics &diagnostics_;
  CallResultSpace callResultSpace_;
  std::map<const clang::VarDecl *, AddressSpace> spaces_;
  std::set<const clang::VarDecl *> scratchArrays_;
  std::vector<Constraint> constraints_;
  AddressSpace returnSpace_ = AddressSpace::Unknown;
  AddressSpace thisSpace_ = AddressSpace::Private;
};

} // namespace cucl::translate
