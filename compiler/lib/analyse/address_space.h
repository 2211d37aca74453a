// OpenCL address spaces as the device emitter sees them. CUDA pointers carry
// no address space; OpenCL C 1.2 has no generic one, so every pointer the
// emitter prints gets one of these, inferred from where the pointer came from.
#pragma once

#include <string>
#include <vector>

namespace cucl::translate {

enum class AddressSpace : unsigned char {
  Unknown, // nothing known yet (a null pointer, an unassigned variable)
  Private, // locals, by-value parameters
  Global,  // kernel pointer parameters (cudaMalloc memory)
  Local,   // __shared__ variables
  // Reads of __constant__ variables, printed as CUCL_CONSTANT (__constant, or
  // __global for data larger than the device's constant buffers). Never
  // inferred: a pointer into __constant__ data uses the segment's __global view.
  Constant,
};

// The OpenCL qualifier, e.g. "__global"; Unknown prints as __private.
const char *addressSpaceQualifier(AddressSpace space);

// One letter for specialization names: g, l, p; v for Unknown, which a
// specialization uses only for a temporary passed by value (the object of a
// member call, or the argument of a `const T&` parameter).
char addressSpaceLetter(AddressSpace space);

// "__g", "__gl", ...: the suffix of a function specialized for `spaces`
// (empty when the function has no pointer or reference parameters).
std::string addressSpaceSuffix(const std::vector<AddressSpace> &spaces);

} // namespace cucl::translate
