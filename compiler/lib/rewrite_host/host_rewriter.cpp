// Placeholder until the host rewriter lands.
#include "rewrite_host/host_rewriter.h"

namespace cucl::translate {
std::optional<HostOutput> rewriteHost(clang::ASTUnit &, const DeviceModule &) { return std::nullopt; }
} // namespace cucl::translate
