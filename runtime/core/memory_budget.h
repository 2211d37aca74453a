// What the process can still back, beyond a device's own size: its
// address-space limit (RLIMIT_AS, `ulimit -v`) and the machine's available
// memory (MemAvailable), which bound every allocation whose memory is host
// memory: page-locked host blocks, and the buffers of devices whose global
// memory is host memory (in-process CPU devices). Per-device accounting of
// live bytes is core/device_memory.h.
//
// Cost on the allocation path: no syscall without a limit (the limit is read
// with getrlimit at most every half second, so a limit the program lowers
// itself applies within that time; the driver refuses cleanly meanwhile); an
// mmap probe (two syscalls, nothing touched) under a limit. MemAvailable is
// read from /proc/meminfo at most every half second, or when a request would
// take most of what the last reading left; cucl's live grants of host memory
// are subtracted from it (in full: see HostMemory in the .cpp).
#ifndef CUCL_CORE_MEMORY_BUDGET_H
#define CUCL_CORE_MEMORY_BUDGET_H

#include <chrono>
#include <cstddef>

namespace cucl {

// Address space kept free under a limit for the driver's and the runtime's
// own working memory (command records, worker threads' heaps, kernel builds),
// so that memory granted up to the limit can still be used.
constexpr std::size_t kAddressSpaceMargin = std::size_t(64) << 20;

// The process's address-space limit (getrlimit, read again when the last
// reading is half a second old), SIZE_MAX when unlimited.
std::size_t addressSpaceLimit();

// Address space left under the limit (reads the limit and /proc/self/statm
// now), SIZE_MAX when unlimited. For queries, not for the allocation path.
std::size_t addressSpaceLeft();

// Whether `bytes` more (plus kAddressSpaceMargin) fit under the limit now:
// true when unlimited, else an mmap probe of that size, released at once.
// When it does not fit while the driver still holds memory cucl has freed
// (below), waits for those releases (briefly) and probes again.
bool addressSpaceFits(std::size_t bytes);

// Host memory the driver holds for buffers cucl has already freed. After
// cudaFree has waited for the device, a driver thread may still drop its last
// reference to a buffer a moment later (PoCL's does, after signalling the
// command's completion), so the memory comes back shortly after the call.
// Tracked only under a limit, where it matters: noteBufferFreed when cucl
// lets such a buffer go (while it still holds it), noteBufferDestroyed from
// the buffer's destructor callback.
void noteBufferFreed(std::size_t bytes);
void noteBufferDestroyed(std::size_t bytes);

// A retry loop's wait for those releases: next() waits until the driver
// destroys one more freed buffer, for at most half a second from the first
// call; false when nothing is pending or the time is up (then retrying is
// pointless).
class DriverReleaseWait {
public:
  bool next();

private:
  bool started_ = false;
  std::chrono::steady_clock::time_point deadline_;
};

// Takes `bytes` of host memory from the budget: false when the machine's
// available memory less cucl's live grants cannot hold them. giveHostMemory
// returns them.
bool takeHostMemory(std::size_t bytes);
void giveHostMemory(std::size_t bytes);

// Both bounds at once for `bytes` of host memory about to be granted:
// takes them from the host-memory budget and checks the address space
// (addressSpaceFits); on failure gives them back, says which bound refused
// under CUCL_VERBOSE=1 (the message starts with `what`) and returns false.
// The probe alone cannot make a device buffer safe: the room may be taken
// before the driver allocates, and a lazy driver (PoCL) would still abort at
// first use; buffers are safe through CL_MEM_ALLOC_HOST_PTR
// (allocateDeviceMemory), with which PoCL allocates in clCreateBuffer and
// refuses cleanly (CL_OUT_OF_HOST_MEMORY).
bool takeHostBacking(std::size_t bytes, const char *what);

// Host memory a new grant may still take (SIZE_MAX when /proc/meminfo has no
// MemAvailable).
std::size_t hostMemoryLeft();

} // namespace cucl

#endif // CUCL_CORE_MEMORY_BUDGET_H
