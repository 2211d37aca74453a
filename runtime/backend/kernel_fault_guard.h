// Keeps a faulting kernel from taking the process down on drivers that run
// kernels in-process (PoCL's CPU devices): a wild or null pointer in a kernel
// is a SIGSEGV on one of the driver's worker threads, where CUDA reports a
// sticky cudaErrorIllegalAddress and the program lives on.
//
// The guard's signal handler recognizes a fault in kernel code (code the
// driver loaded from its kernel cache), records it, and lets the work-item
// go on: the unmapped block it touched is backed by a "sink" (all sinks share
// one set of pages, so the kernel reads zeroes or its own wild stores), and
// an access that no page can back (null page, non-canonical address, a page
// the process protects) is skipped, a register it loads reading zero. The
// kernel's results are garbage from then on, as on a GPU; the runtime turns
// the record into the device's sticky error at the next synchronization
// (core/kernel_faults.h). Faults outside kernel code go to the handler that
// was there before, so the program's own crashes stay what they were.
#ifndef CUCL_BACKEND_KERNEL_FAULT_GUARD_H
#define CUCL_BACKEND_KERNEL_FAULT_GUARD_H

#include <cstdint>

namespace cucl::backend {

// The first fault of a series, for messages.
struct KernelFault {
  std::uintptr_t address = 0;     // the address the kernel touched
  std::uintptr_t instruction = 0; // where in the kernel's code
  bool write = false;             // a store (when the CPU says so)
  char kernel[96] = {};           // the kernel's name, as the driver's code names it
};

// Installs the SIGSEGV/SIGBUS handlers once per process (later calls do
// nothing). Returns false where the guard cannot work (an architecture it
// does not know); kernels then fault as before.
bool installKernelFaultGuard();

// Kernel faults handled since the process started.
std::uint64_t kernelFaultCount();

// The first fault handled after the first `seen` faults (false when none).
// Only the first faults of the process are kept in detail.
bool kernelFaultAfter(std::uint64_t seen, KernelFault *out);

// An inaccessible (PROT_NONE) range the runtime owns, in which sinks may
// replace pages: wild accesses near device allocations land in the
// runtime's large reservation of device addresses, and a sink there costs
// one fault per 64 KiB instead of one per access. Released sinks become
// inaccessible again.
void setSinkableRange(std::uintptr_t base, std::size_t bytes);

// Unmaps the sinks made so far. Safe while kernels run: one that
// touches the address again faults again and gets a new page.
void releaseSinkPages();

} // namespace cucl::backend

#endif // CUCL_BACKEND_KERNEL_FAULT_GUARD_H
