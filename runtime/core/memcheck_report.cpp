#include "core/memcheck_report.h"

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <set>

#include "core/module_registry.h"

namespace cucl {
namespace {

std::uint64_t wide(const std::array<cl_uint, CUCL_STATUS_WORDS> &words, unsigned at) {
  return std::uint64_t(words[at]) | std::uint64_t(words[at + 1]) << 32;
}

// The range an access was checked against, as the program knows it, and the
// address of its start where the program has one.
std::string rangeName(cl_uint id, std::uint64_t bytes, const LaunchNote &note,
                      std::uintptr_t *start) {
  char text[160];
  *start = 0;
  if (id < 0x10000u) {
    if (id < note.allocations.size())
      *start = note.allocations[id];
    std::snprintf(text, sizeof text,
                  "the allocation of argument %u (%#" PRIxPTR ", %" PRIu64 " bytes)", id, *start,
                  bytes);
  } else if (id == CUCL_MC_RANGE_DEVICE_SYMBOLS) {
    std::snprintf(text, sizeof text, "the module's __device__ variables (%" PRIu64 " bytes)",
                  bytes);
  } else if (id == CUCL_MC_RANGE_CONSTANT_SYMBOLS) {
    std::snprintf(text, sizeof text, "the module's __constant__ variables (%" PRIu64 " bytes)",
                  bytes);
  } else if (id >= CUCL_MC_RANGE_MANAGED && id < CUCL_MC_RANGE_NAMED_GLOBAL) {
    std::snprintf(text, sizeof text, "__managed__ variable %u of the kernel (%" PRIu64 " bytes)",
                  id - CUCL_MC_RANGE_MANAGED, bytes);
  } else if (id == CUCL_MC_RANGE_LOCAL_MEMORY) {
    std::snprintf(text, sizeof text, "the thread's local arrays (%" PRIu64 " bytes)", bytes);
  } else if (id == CUCL_MC_RANGE_LOCAL_ARRAY) {
    std::snprintf(text, sizeof text, "the thread's local array (%" PRIu64 " bytes)", bytes);
  } else if (id == CUCL_MC_RANGE_NAMED_GLOBAL) {
    std::snprintf(text, sizeof text, "the __device__ array (%" PRIu64 " bytes)", bytes);
  } else if (id == CUCL_MC_RANGE_DYNAMIC_SHARED) {
    std::snprintf(text, sizeof text, "the block's dynamic shared memory (%" PRIu64 " bytes)",
                  bytes);
  } else if (id == CUCL_MC_RANGE_NAMED_SHARED) {
    std::snprintf(text, sizeof text, "the __shared__ array (%" PRIu64 " bytes)", bytes);
  } else if (id >= CUCL_MC_RANGE_SHARED && id < CUCL_MC_RANGE_DYNAMIC_SHARED) {
    std::snprintf(text, sizeof text, "__shared__ variable %u of the kernel (%" PRIu64 " bytes)",
                  id - CUCL_MC_RANGE_SHARED, bytes);
  } else {
    std::snprintf(text, sizeof text, "memory of %" PRIu64 " bytes", bytes);
  }
  return text;
}

} // namespace

void noteUncheckedLaunch(const Module &module) {
  static const bool asked = [] {
    const char *value = std::getenv("CUCL_MEMCHECK");
    return value != nullptr && *value != '\0' && std::string(value) != "0";
  }();
  if (!asked)
    return;
  static std::mutex mutex;
  static std::set<const Module *> seen;
  std::lock_guard<std::mutex> lock(mutex);
  if (seen.insert(&module).second &&
      module.source.find(CUCL_MEMCHECK_MODULE_MARKER) == std::string::npos)
    std::fprintf(stderr,
                 "cucl memcheck: %s was translated without memcheck: its kernels run unchecked "
                 "(build it with cuclcc -memcheck, or with CUCL_MEMCHECK=1 set)\n",
                 module.name.c_str());
}

std::string memcheckFileName(const std::string &moduleSource, unsigned index) {
  const std::string marker = "/* cucl-memcheck-file " + std::to_string(index) + " ";
  std::size_t at = moduleSource.find(marker);
  if (at == std::string::npos)
    return "?";
  at += marker.size();
  std::size_t end = moduleSource.find(" */", at);
  return end == std::string::npos ? "?" : moduleSource.substr(at, end - at);
}

std::string describeMemcheckFailure(const std::array<cl_uint, CUCL_STATUS_WORDS> &words,
                                    const LaunchNote &note) {
  cl_uint check = words[CUCL_STATUS_CHECK];
  bool store = (check >> 8) & 1u, shared = (check >> 9) & 1u;
  cl_uint where = words[CUCL_STATUS_DETAIL];
  std::string file =
      note.module != nullptr ? memcheckFileName(note.module->source, (where >> 20) & 0x7ffu) : "?";
  cl_uint thread = words[CUCL_STATUS_THREAD];
  unsigned bx = note.block.x ? note.block.x : 1, by = note.block.y ? note.block.y : 1;
  cl_uint id = words[CUCL_STATUS_MC_RANGE];
  // Local arrays in scratch memory are CUDA's local memory, whatever holds them.
  bool local = id == CUCL_MC_RANGE_LOCAL_ARRAY || id == CUCL_MC_RANGE_LOCAL_MEMORY;
  char head[512];
  std::snprintf(head, sizeof head,
                "invalid %s %s of %u byte%s at %s:%u in kernel %s, thread (%u, %u, %u) of block "
                "(%u, %u, %u): ",
                shared  ? "__shared__"
                : local ? "__local__"
                        : "__global__",
                store ? "write" : "read", words[CUCL_STATUS_MC_SIZE],
                words[CUCL_STATUS_MC_SIZE] == 1 ? "" : "s", file.c_str(), where & 0xfffffu,
                note.kernel.c_str(), thread % bx, thread / bx % by, thread / (bx * by),
                words[CUCL_STATUS_BLOCK_X], words[CUCL_STATUS_BLOCK_Y], words[CUCL_STATUS_BLOCK_Z]);
  auto offset = static_cast<std::int64_t>(wide(words, CUCL_STATUS_MC_OFFSET));
  std::uint64_t bytes = wide(words, CUCL_STATUS_MC_BYTES);
  if (id == CUCL_MC_RANGE_NONE)
    return head + std::string("the address is outside all memory the kernel was given");
  std::uintptr_t start = 0;
  std::string range = rangeName(id, bytes, note, &start);
  char place[320];
  if (offset < 0)
    std::snprintf(place, sizeof place, "%" PRId64 " bytes before the start of %s", -offset,
                  range.c_str());
  else if (std::uint64_t(offset) >= bytes)
    std::snprintf(place, sizeof place, "%" PRIu64 " bytes after the end of %s",
                  std::uint64_t(offset) - bytes, range.c_str());
  else
    std::snprintf(place, sizeof place, "at offset %" PRId64 ", running past the end of %s", offset,
                  range.c_str());
  std::string text = head;
  if (start != 0) {
    char address[64];
    std::snprintf(address, sizeof address, "address %#" PRIxPTR " is ",
                  start + static_cast<std::uintptr_t>(offset));
    text += address;
  }
  return text + place;
}

} // namespace cucl
