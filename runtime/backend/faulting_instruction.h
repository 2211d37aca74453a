// The CPU side of the kernel fault guard: where a fault happened, whether it
// was a store, and how to step over the access that faulted. Everything here
// runs inside a signal handler: no allocation, no locks but a spin.
#ifndef CUCL_BACKEND_FAULTING_INSTRUCTION_H
#define CUCL_BACKEND_FAULTING_INSTRUCTION_H

#include <cstdint>

#include <ucontext.h>

namespace cucl::backend {

// Sets up the instruction decoder (once, outside any handler). False on an
// architecture the guard does not know.
bool prepareInstructionDecoder();

std::uintptr_t faultingInstructionAddress(const ucontext_t &context);

// What the CPU reported about the access (false when it does not say).
bool faultWasWrite(const ucontext_t &context);

// The access as the instruction encodes it, for faults the CPU reports
// without an address (a general-protection fault: a non-canonical address).
// `address` is set only where the instruction's registers give it (not for a
// gather's vector of indices); false when the instruction cannot be decoded.
bool decodeFaultingAccess(const ucontext_t &context, std::uintptr_t *address, bool *write);

// Moves the thread past the faulting instruction; general registers it would
// have loaded read zero (so a loop following a wild linked list ends).
// False when the instruction cannot be decoded.
bool skipFaultingInstruction(ucontext_t *context);

} // namespace cucl::backend

#endif // CUCL_BACKEND_FAULTING_INSTRUCTION_H
