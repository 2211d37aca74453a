// CUCL_VERBOSE=1 diagnostics on stderr (build logs, rejected arguments).
#ifndef CUCL_CORE_DIAGNOSTICS_H
#define CUCL_CORE_DIAGNOSTICS_H

namespace cucl {

bool verbose();
// printf-style; prints "cucl: <message>\n" to stderr when verbose() is on.
void verboseLog(const char *format, ...) __attribute__((format(printf, 1, 2)));

} // namespace cucl

#endif // CUCL_CORE_DIAGNOSTICS_H
