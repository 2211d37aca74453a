#include "backend/kernel_fault_guard.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <dlfcn.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <ucontext.h>
#include <unistd.h>

#include "backend/faulting_instruction.h"

// Everything the handler touches is preallocated and lock-free (but for
// dladdr, which takes the loader's lock: a kernel never holds it).
namespace cucl::backend {
namespace {

constexpr std::size_t kRecords = 256; // faults kept in detail (a ring)
// Wild accesses land in sink blocks: 64 KiB windows that all map the same
// few physical pages (one memfd), so a kernel sweeping a wild range costs
// one fault per block, not per access, and no memory per block. 16,384
// blocks (1 GiB of address space) at most, well inside vm.max_map_count.
constexpr std::size_t kSinkBlockBytes = std::size_t(64) << 10;
constexpr std::size_t kSinkBlocks = 16384;

struct FaultRecord {
  std::atomic<std::uint64_t> sequence{0}; // 1 + the fault's index; 0: empty
  KernelFault fault;
};

struct GuardState {
  struct sigaction previousSegv {};
  struct sigaction previousBus {};
  std::uintptr_t lowestMappable = 65536;
  std::uintptr_t pageSize = 4096;
  std::atomic<std::uint64_t> faults{0};
  FaultRecord records[kRecords];
  int sinkFile = -1; // kSinkBlockBytes of zeroes every sink block maps
  // An inaccessible range the runtime owns (its device address range):
  // sinks may replace its pages, which go back to inaccessible afterwards.
  std::atomic<std::uintptr_t> ownedBase{0};
  std::atomic<std::uintptr_t> ownedEnd{0};
  std::atomic<std::size_t> sinkCount{0};
  struct Sink {
    std::atomic<std::uintptr_t> base{0};
    std::atomic<std::size_t> bytes{0};
  } sinks[kSinkBlocks];
};

// libc's sigaction and signal: this file exports its own (below), which the
// rest of the process reaches first.
using SigactionFunction = int (*)(int, const struct sigaction *, struct sigaction *);
using SignalFunction = sighandler_t (*)(int, sighandler_t);
SigactionFunction libcSigaction = nullptr;
SignalFunction libcSignal = nullptr;
std::atomic<bool> guardActive{false};

__attribute__((constructor)) void findLibcSignalFunctions() {
  libcSigaction = reinterpret_cast<SigactionFunction>(dlsym(RTLD_NEXT, "sigaction"));
  libcSignal = reinterpret_cast<SignalFunction>(dlsym(RTLD_NEXT, "signal"));
}

// The exported functions below can be called before that constructor ran (a
// sanitizer runtime starting up, the constructors of libraries initialized
// before this one): then libc's functions are looked up on each call. What
// they run on that path is not instrumented by ThreadSanitizer, whose
// start-up (which installs its own handlers) is what calls them.
#define CUCL_BEFORE_SANITIZER_START __attribute__((no_sanitize("thread")))
CUCL_BEFORE_SANITIZER_START SigactionFunction nextSigaction() {
  return libcSigaction != nullptr
             ? libcSigaction
             : reinterpret_cast<SigactionFunction>(dlsym(RTLD_NEXT, "sigaction"));
}
CUCL_BEFORE_SANITIZER_START SignalFunction nextSignal() {
  return libcSignal != nullptr ? libcSignal
                               : reinterpret_cast<SignalFunction>(dlsym(RTLD_NEXT, "signal"));
}

GuardState &state() {
  static GuardState *guard = new GuardState; // leaked: handlers outlive exit
  return *guard;
}

bool endsWith(const char *text, std::size_t length, const char *suffix) {
  std::size_t n = std::strlen(suffix);
  return length >= n && std::memcmp(text + length - n, suffix, n) == 0;
}

// PoCL loads each kernel as a shared object from its kernel cache
// ("<cache>/kcache/<hash>/<kernel>/<shape>/<kernel>.so"), with entry points
// `_pocl_kernel_<name>[_workgroup[_fast]]`.
bool inKernelCode(std::uintptr_t pc, char (&name)[sizeof(KernelFault::kernel)]) {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void *>(pc), &info) == 0 || info.dli_fname == nullptr ||
      std::strstr(info.dli_fname, "/kcache/") == nullptr)
    return false;
  const char *symbol = info.dli_sname != nullptr ? info.dli_sname : "";
  static const char kPrefix[] = "_pocl_kernel_";
  if (std::strncmp(symbol, kPrefix, sizeof kPrefix - 1) == 0)
    symbol += sizeof kPrefix - 1;
  std::size_t length = std::strlen(symbol);
  for (const char *suffix : {"_workgroup_fast", "_workgroup"})
    if (endsWith(symbol, length, suffix)) {
      length -= std::strlen(suffix);
      break;
    }
  length = std::min(length, sizeof name - 1);
  std::memcpy(name, symbol, length);
  name[length] = '\0';
  return true;
}

void record(std::uintptr_t address, std::uintptr_t pc, bool write,
            const char (&name)[sizeof(KernelFault::kernel)]) {
  GuardState &guard = state();
  // Readers look only after the kernel is done, when every record is whole;
  // the sequence tells them which fault a ring slot holds.
  std::uint64_t index = guard.faults.fetch_add(1, std::memory_order_acq_rel);
  FaultRecord &slot = guard.records[index % kRecords];
  slot.sequence.store(0, std::memory_order_release);
  slot.fault.address = address;
  slot.fault.instruction = pc;
  slot.fault.write = write;
  std::memcpy(slot.fault.kernel, name, sizeof name);
  slot.sequence.store(index + 1, std::memory_order_release);
}

bool insideOwnedRange(std::uintptr_t base, std::size_t bytes) {
  GuardState &guard = state();
  return base >= guard.ownedBase.load(std::memory_order_acquire) &&
         base + bytes <= guard.ownedEnd.load(std::memory_order_acquire);
}

bool mapSink(std::uintptr_t base, std::size_t bytes) {
  GuardState &guard = state();
  void *wanted = reinterpret_cast<void *>(base);
  int replace = insideOwnedRange(base, bytes) ? MAP_FIXED : MAP_FIXED_NOREPLACE;
  void *mapped =
      mmap(wanted, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | replace, guard.sinkFile, 0);
  if (mapped == wanted)
    return true;
  if (mapped != MAP_FAILED)
    munmap(mapped, bytes); // a kernel older than MAP_FIXED_NOREPLACE (4.17)
  return false;
}

// Backs the address with a sink: the whole 64 KiB block around it where that
// block is free (or in the owned range), else its page. Never replaces any
// other mapping (a page the process protects stays protected).
bool mapSinkAt(std::uintptr_t address) {
  GuardState &guard = state();
  if (address < guard.lowestMappable || guard.sinkFile < 0)
    return false;
  std::size_t slot = guard.sinkCount.fetch_add(1, std::memory_order_relaxed);
  if (slot >= kSinkBlocks) {
    guard.sinkCount.fetch_sub(1, std::memory_order_relaxed);
    return false;
  }
  std::uintptr_t block = address & ~(kSinkBlockBytes - 1);
  std::uintptr_t page = address & ~(guard.pageSize - 1);
  std::uintptr_t base = 0;
  std::size_t bytes = 0;
  if (block >= guard.lowestMappable && mapSink(block, kSinkBlockBytes))
    base = block, bytes = kSinkBlockBytes;
  else if (mapSink(page, guard.pageSize))
    base = page, bytes = guard.pageSize;
  if (bytes == 0) {
    guard.sinkCount.fetch_sub(1, std::memory_order_relaxed);
    // Another worker mapped it first (EEXIST): retrying the access succeeds.
    return errno == EEXIST;
  }
  guard.sinks[slot].bytes.store(bytes, std::memory_order_relaxed);
  guard.sinks[slot].base.store(base, std::memory_order_release);
  return true;
}

// Hands a fault that is not a kernel's to whatever handled it before us.
void forward(int signal, siginfo_t *info, void *context) {
  GuardState &guard = state();
  const struct sigaction &previous = signal == SIGBUS ? guard.previousBus : guard.previousSegv;
  if ((previous.sa_flags & SA_SIGINFO) != 0 && previous.sa_sigaction != nullptr) {
    previous.sa_sigaction(signal, info, context);
    return;
  }
  if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
    previous.sa_handler(signal);
    return;
  }
  // The default action: returning re-runs the access, which now kills the
  // process as it would have without the guard.
  struct sigaction fallback {};
  fallback.sa_handler = SIG_DFL;
  sigemptyset(&fallback.sa_mask);
  libcSigaction(signal, &fallback, nullptr);
}

void onFault(int signal, siginfo_t *info, void *context) {
  int savedErrno = errno;
  auto *machine = static_cast<ucontext_t *>(context);
  std::uintptr_t pc = faultingInstructionAddress(*machine);
  auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
  char name[sizeof(KernelFault::kernel)];
  // A jump to a bad address leaves nothing to skip to.
  if (pc == 0 || pc == address || !inKernelCode(pc, name)) {
    forward(signal, info, context);
    errno = savedErrno;
    return;
  }
  bool write = faultWasWrite(*machine);
  // A general-protection fault (a non-canonical address) comes with neither
  // the address nor the direction: the instruction has both.
  if (info->si_code == SI_KERNEL)
    decodeFaultingAccess(*machine, &address, &write);
  record(address, pc, write, name);
  bool sinkable =
      signal == SIGSEGV && (info->si_code == SEGV_MAPERR ||
                            (info->si_code == SEGV_ACCERR && insideOwnedRange(address, 1)));
  bool resumed = (sinkable && mapSinkAt(address)) || skipFaultingInstruction(machine);
  if (!resumed)
    forward(signal, info, context);
  errno = savedErrno;
}

bool install() {
  if (const char *off = std::getenv("CUCL_FAULT_GUARD");
      off != nullptr && std::strcmp(off, "0") == 0)
    return false;
  if (libcSigaction == nullptr || !prepareInstructionDecoder())
    return false;
  GuardState &guard = state();
  long page = sysconf(_SC_PAGESIZE);
  if (page > 0)
    guard.pageSize = static_cast<std::uintptr_t>(page);
  if (std::FILE *file = std::fopen("/proc/sys/vm/mmap_min_addr", "r")) {
    unsigned long lowest = 0;
    if (std::fscanf(file, "%lu", &lowest) == 1)
      guard.lowestMappable = std::max<std::uintptr_t>(lowest, guard.pageSize);
    std::fclose(file);
  }
  // The sinks' backing: zeroes that wild writes may dirty (nobody reads
  // them but the faulting kernel).
  guard.sinkFile = memfd_create("cucl-fault-sink", MFD_CLOEXEC);
  if (guard.sinkFile >= 0 && ftruncate(guard.sinkFile, kSinkBlockBytes) != 0) {
    close(guard.sinkFile);
    guard.sinkFile = -1;
  }
  struct sigaction action {};
  action.sa_sigaction = onFault;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  if (libcSigaction == nullptr || libcSigaction(SIGSEGV, &action, &guard.previousSegv) != 0 ||
      libcSigaction(SIGBUS, &action, &guard.previousBus) != 0)
    return false;
  guardActive.store(true, std::memory_order_release);
  return true;
}

} // namespace

bool installKernelFaultGuard() {
  static const bool installed = install();
  return installed;
}

std::uint64_t kernelFaultCount() {
  return state().faults.load(std::memory_order_acquire);
}

bool kernelFaultAfter(std::uint64_t seen, KernelFault *out) {
  GuardState &guard = state();
  std::uint64_t count = guard.faults.load(std::memory_order_acquire);
  // The oldest fault after `seen` still in the ring.
  for (std::uint64_t index = std::max(seen, count > kRecords ? count - kRecords : 0); index < count;
       ++index) {
    FaultRecord &slot = guard.records[index % kRecords];
    if (slot.sequence.load(std::memory_order_acquire) != index + 1)
      continue;
    *out = slot.fault;
    if (slot.sequence.load(std::memory_order_acquire) == index + 1)
      return true;
  }
  return false;
}

void setSinkableRange(std::uintptr_t base, std::size_t bytes) {
  GuardState &guard = state();
  guard.ownedEnd.store(0, std::memory_order_release);
  guard.ownedBase.store(base, std::memory_order_release);
  guard.ownedEnd.store(base + bytes, std::memory_order_release);
}

void releaseSinkPages() {
  GuardState &guard = state();
  std::size_t count = std::min(guard.sinkCount.load(std::memory_order_acquire), kSinkBlocks);
  for (std::size_t i = 0; i < count; ++i) {
    std::uintptr_t base = guard.sinks[i].base.exchange(0, std::memory_order_acq_rel);
    if (base == 0)
      continue;
    std::size_t bytes = guard.sinks[i].bytes.load(std::memory_order_relaxed);
    if (insideOwnedRange(base, bytes))
      mmap(reinterpret_cast<void *>(base), bytes, PROT_NONE,
           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
    else
      munmap(reinterpret_cast<void *>(base), bytes);
  }
  // A sink a worker maps meanwhile may miss the table (it stays mapped, as
  // harmless as while its kernel ran).
  guard.sinkCount.store(0, std::memory_order_release);
}

} // namespace cucl::backend

// Whoever sets a SIGSEGV or SIGBUS handler once the guard is installed (the
// program, or LLVM inside the OpenCL driver, which registers its crash
// handlers when it first compiles a kernel) gets it as the handler the guard
// forwards to: on top, a handler that is not the guard's would see kernel
// faults first (LLVM's unregisters itself on a fault, racing with the
// driver's other workers). What they are told and get back is their own.
namespace {

struct sigaction *forwardedAction(int signal) {
  cucl::backend::GuardState &guard = cucl::backend::state();
  return signal == SIGBUS ? &guard.previousBus : &guard.previousSegv;
}

CUCL_BEFORE_SANITIZER_START bool guarded(int signal) {
  // Nothing is guarded before this library's constructors ran (and
  // std::atomic's functions are instrumented).
  return cucl::backend::libcSigaction != nullptr && (signal == SIGSEGV || signal == SIGBUS) &&
         cucl::backend::guardActive.load(std::memory_order_acquire);
}

} // namespace

extern "C" __attribute__((visibility("default"))) CUCL_BEFORE_SANITIZER_START int
sigaction(int signal, const struct sigaction *action, struct sigaction *old) {
  if (!guarded(signal))
    return cucl::backend::nextSigaction()(signal, action, old);
  struct sigaction *forwarded = forwardedAction(signal);
  if (old != nullptr)
    *old = *forwarded;
  if (action != nullptr)
    *forwarded = *action;
  return 0;
}

extern "C" __attribute__((visibility("default"))) CUCL_BEFORE_SANITIZER_START sighandler_t
signal(int signal, sighandler_t handler) {
  if (!guarded(signal))
    return cucl::backend::nextSignal()(signal, handler);
  struct sigaction *forwarded = forwardedAction(signal);
  // signal() reports a three-argument handler as the address it is.
  sighandler_t previous = forwarded->sa_handler;
  if ((forwarded->sa_flags & SA_SIGINFO) != 0)
    std::memcpy(&previous, &forwarded->sa_sigaction, sizeof previous);
  struct sigaction action {};
  action.sa_handler = handler;
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  *forwarded = action;
  return previous;
}
