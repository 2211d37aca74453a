// OpenCL C definitions of the small helper functions some builtin mappings
// call (CUDA semantics OpenCL 1.2 has no single built-in for). Atomic helpers
// exist once per address space: OpenCL 1.2 has no generic pointers.
#pragma once

#include <string>

#include "analyse/address_space.h"

namespace cucl::translate {

// True when `helper` is defined per address space (its name has a `_$S0` part).
bool helperTakesAddressSpace(const std::string &helper);

// The definition of `helper` for `space` (ignored by helpers without one);
// empty if the helper is unknown.
std::string helperDefinition(const std::string &helper, AddressSpace space);

// "global" or "local": the part of a helper's name that names its space.
std::string helperSpaceName(AddressSpace space);

} // namespace cucl::translate
