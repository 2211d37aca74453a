#!/usr/bin/env bash
# Configures and builds cucl into ${CUCL_BUILD_DIR:-build} (Ninja, all targets).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CUCL_BUILD_DIR:-$root/build}"
jobs="${CUCL_JOBS:-$(nproc)}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
cmake --build "$build" -j "$jobs"
