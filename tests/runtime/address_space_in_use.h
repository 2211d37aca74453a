// The address space the test process maps now (/proc/self/statm): what the
// memory-limit tests lower RLIMIT_AS relative to.
#ifndef CUCL_TESTS_RUNTIME_ADDRESS_SPACE_IN_USE_H
#define CUCL_TESTS_RUNTIME_ADDRESS_SPACE_IN_USE_H

#include <unistd.h>

#include <cstddef>
#include <cstdio>

inline std::size_t addressSpaceInUse() {
  std::FILE *file = std::fopen("/proc/self/statm", "r");
  unsigned long long pages = 0;
  if (file != nullptr) {
    if (std::fscanf(file, "%llu", &pages) != 1)
      pages = 0;
    std::fclose(file);
  }
  return static_cast<std::size_t>(pages) * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

#endif // CUCL_TESTS_RUNTIME_ADDRESS_SPACE_IN_USE_H
