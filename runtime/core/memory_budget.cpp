#include "core/memory_budget.h"

#include "core/diagnostics.h"

#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <mutex>

namespace cucl {

namespace {

using Clock = std::chrono::steady_clock;

// A reading of MemAvailable older than this is taken again before use.
constexpr auto kMaxReadingAge = std::chrono::milliseconds(500);

// MemAvailable in bytes, SIZE_MAX when the kernel does not report it.
std::size_t readMemAvailable() {
  std::FILE *file = std::fopen("/proc/meminfo", "re");
  if (file == nullptr)
    return SIZE_MAX;
  std::size_t bytes = SIZE_MAX;
  char line[128];
  while (std::fgets(line, sizeof line, file) != nullptr) {
    unsigned long long kib = 0;
    if (std::sscanf(line, "MemAvailable: %llu kB", &kib) == 1) {
      bytes = kib > SIZE_MAX / 1024 ? SIZE_MAX : static_cast<std::size_t>(kib) * 1024;
      break;
    }
  }
  std::fclose(file);
  return bytes;
}

// The host memory budget: MemAvailable less every live grant. A grant's pages
// are committed only when touched, and which are is not known, so each live
// grant counts in full; a touched page then counts twice (it is also missing
// from MemAvailable). That binds only on a machine whose available memory is
// not well above the device's size, and there errs on the side of refusing
// rather than letting the kernel's OOM killer end the process later.
struct HostMemory {
  std::mutex mutex;
  bool read = false;
  Clock::time_point readAt;
  std::size_t available = 0; // MemAvailable at readAt
  std::size_t granted = 0;   // live grants

  std::size_t left() const { return available - std::min(granted, available); }
  void refresh(Clock::time_point now) {
    available = readMemAvailable();
    readAt = now;
    read = true;
  }
  // Takes a reading when there is none or it is old; `request` > 0 also when
  // it would take more than half of what the reading leaves (the margin
  // where other processes' use since the reading matters).
  void refreshIfNeeded(std::size_t request) {
    Clock::time_point now = Clock::now();
    if (!read || now - readAt > kMaxReadingAge || (request != 0 && request > left() / 2))
      refresh(now);
  }
};

HostMemory &hostMemory() {
  static HostMemory *state = new HostMemory; // leaked: used during exit
  return *state;
}

// Bytes freed by cucl whose buffers the driver has not destroyed yet.
struct DriverReleases {
  std::mutex mutex;
  std::condition_variable released;
  long long pending = 0;
  unsigned long long destroyed = 0; // counts destructions, to see progress
};

DriverReleases &driverReleases() {
  static DriverReleases *state = new DriverReleases; // leaked: callbacks may come during exit
  return *state;
}

// How long an allocation waits for the driver's releases before it fails.
constexpr auto kReleaseWait = std::chrono::milliseconds(500);

// RLIMIT_AS as last read (SIZE_MAX: unlimited), and when (steady clock ticks).
constexpr Clock::rep kNever = std::numeric_limits<Clock::rep>::min();
std::atomic<std::size_t> cachedLimit{SIZE_MAX};
std::atomic<Clock::rep> limitReadAt{kNever};

std::size_t readAddressSpaceLimit() {
  rlimit limit{};
  std::size_t bytes = SIZE_MAX;
  if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
      limit.rlim_cur < SIZE_MAX)
    bytes = static_cast<std::size_t>(limit.rlim_cur);
  cachedLimit.store(bytes, std::memory_order_relaxed);
  limitReadAt.store(Clock::now().time_since_epoch().count(), std::memory_order_relaxed);
  return bytes;
}

} // namespace

std::size_t addressSpaceLimit() {
  Clock::rep now = Clock::now().time_since_epoch().count();
  Clock::rep readAt = limitReadAt.load(std::memory_order_relaxed);
  if (readAt != kNever &&
      now - readAt <= std::chrono::duration_cast<Clock::duration>(kMaxReadingAge).count())
    return cachedLimit.load(std::memory_order_relaxed);
  return readAddressSpaceLimit();
}

std::size_t addressSpaceLeft() {
  std::size_t limit = readAddressSpaceLimit();
  if (limit == SIZE_MAX)
    return SIZE_MAX;
  std::FILE *file = std::fopen("/proc/self/statm", "re");
  if (file == nullptr)
    return limit;
  unsigned long long pages = 0;
  int fields = std::fscanf(file, "%llu", &pages);
  std::fclose(file);
  if (fields != 1)
    return limit;
  std::size_t used =
      static_cast<std::size_t>(pages) * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return used < limit ? limit - used : 0;
}

bool addressSpaceFits(std::size_t bytes) {
  if (addressSpaceLimit() == SIZE_MAX)
    return true;
  if (bytes > SIZE_MAX - kAddressSpaceMargin)
    return false;
  // An inaccessible, unreserved mapping of the size: it counts against
  // RLIMIT_AS exactly as the real allocation will, and touches nothing.
  std::size_t probe = bytes + kAddressSpaceMargin;
  DriverReleaseWait wait;
  for (;;) {
    void *mapped =
        mmap(nullptr, probe, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (mapped != MAP_FAILED) {
      munmap(mapped, probe);
      return true;
    }
    if (!wait.next())
      return false;
  }
}

void noteBufferFreed(std::size_t bytes) {
  DriverReleases &state = driverReleases();
  std::lock_guard<std::mutex> lock(state.mutex);
  state.pending += static_cast<long long>(bytes);
}

void noteBufferDestroyed(std::size_t bytes) {
  DriverReleases &state = driverReleases();
  {
    std::lock_guard<std::mutex> lock(state.mutex);
    state.pending -= static_cast<long long>(bytes);
    ++state.destroyed;
  }
  state.released.notify_all();
}

bool DriverReleaseWait::next() {
  if (!started_) {
    deadline_ = Clock::now() + kReleaseWait;
    started_ = true;
  }
  DriverReleases &state = driverReleases();
  std::unique_lock<std::mutex> lock(state.mutex);
  if (state.pending <= 0)
    return false;
  unsigned long long seen = state.destroyed;
  return state.released.wait_until(lock, deadline_, [&] { return state.destroyed != seen; });
}

bool takeHostMemory(std::size_t bytes) {
  HostMemory &state = hostMemory();
  std::lock_guard<std::mutex> lock(state.mutex);
  state.refreshIfNeeded(bytes);
  if (state.available != SIZE_MAX && bytes > state.left())
    return false;
  state.granted += bytes;
  return true;
}

void giveHostMemory(std::size_t bytes) {
  HostMemory &state = hostMemory();
  std::lock_guard<std::mutex> lock(state.mutex);
  state.granted -= std::min(bytes, state.granted);
}

std::size_t hostMemoryLeft() {
  HostMemory &state = hostMemory();
  std::lock_guard<std::mutex> lock(state.mutex);
  state.refreshIfNeeded(0);
  return state.available == SIZE_MAX ? SIZE_MAX : state.left();
}

bool takeHostBacking(std::size_t bytes, const char *what) {
  if (!takeHostMemory(bytes)) {
    verboseLog("%s of %zu bytes: the machine's available memory cannot hold it", what, bytes);
    return false;
  }
  if (!addressSpaceFits(bytes)) {
    giveHostMemory(bytes);
    verboseLog("%s of %zu bytes: the process's address-space limit (ulimit -v) cannot hold it",
               what, bytes);
    return false;
  }
  return true;
}

} // namespace cucl
