#!/usr/bin/env bash
# One command from a fresh Debian 12 machine: installs dependencies, builds cucl
# and runs the whole test suite (runtime GoogleTests, translator lit tests,
# samples end to end) under ctest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CUCL_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cd "$build"
ctest --output-on-failure -j "${CUCL_TEST_JOBS:-2}"
