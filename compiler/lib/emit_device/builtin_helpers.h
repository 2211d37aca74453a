// OpenCL C definitions of the small helper functions some builtin mappings
// call (CUDA semantics OpenCL 1.2 has no single built-in for). Atomic helpers
// exist once per address space: OpenCL 1.2 has no generic pointers.
#pragma once

#include <string>
#include <vector>

#include "analyse/address_space.h"

namespace cucl::translate {

// How many pointer arguments select the helper's variant: its name has one
// `_<space>` part per such argument (atomics 1, memcpy 2, plain helpers 0).
unsigned helperSpaceCount(const std::string &helper);

// The definition of `helper` for the address spaces of its pointer
// arguments; empty if the helper is unknown.
std::string helperDefinition(const std::string &helper, const std::vector<AddressSpace> &spaces);

// "global", "local" or "private": the part of a helper's name for a space.
std::string helperSpaceName(AddressSpace space);

} // namespace cucl::translate
