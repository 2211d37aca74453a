// Running the tools cuclcc drives, with -v / --dryrun echo.
#pragma once

#include <string>
#include <vector>

namespace cucl::cc {

// The command as a shell would need it quoted (for -v and --dryrun).
std::string shellQuoted(const std::vector<std::string> &command);

// Runs `command` (argv[0] looked up in PATH), inheriting stdout/stderr.
// Returns its exit status, or 127 when it could not be started, 128+N when
// killed by signal N.
int runCommand(const std::vector<std::string> &command);

} // namespace cucl::cc
