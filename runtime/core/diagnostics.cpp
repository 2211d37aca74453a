#include "core/diagnostics.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace cucl {

bool verbose() {
  static const bool enabled = [] {
    const char *value = std::getenv("CUCL_VERBOSE");
    return value != nullptr && *value != '\0' && std::strcmp(value, "0") != 0;
  }();
  return enabled;
}

void verboseLog(const char *format, ...) {
  if (!verbose())
    return;
  std::va_list args;
  va_start(args, format);
  std::fputs("cucl: ", stderr);
  std::vfprintf(stderr, format, args);
  std::fputc('\n', stderr);
  va_end(args);
}

} // namespace cucl
