#!/usr/bin/env bash
# One command from a fresh Debian 12 machine: installs dependencies, builds cucl,
# runs every sample on the default OpenCL device and prints a table of results.
# Exits non-zero if any sample fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CUCL_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

# A sample is a folder samples/<name>/ holding <name>.cu (as in samples/CMakeLists.txt).
samples=()
for dir in "$root"/samples/*/; do
  name=$(basename "$dir")
  if [ -f "$dir/$name.cu" ]; then samples+=("$name"); fi
done
failures=0
printf '\n%-18s %-8s %8s  %s\n' "sample" "result" "seconds" "device"
printf '%-18s %-8s %8s  %s\n' "------" "------" "-------" "------"
for sample in "${samples[@]}"; do
  log="$build/samples/$sample.log"
  start=$(date +%s.%N)
  run=("$build/samples/$sample")
  if [ -f "$root/samples/$sample/mpi-ranks" ]; then
    # An MPI sample: its ranks under mpirun (as root only with Open MPI's consent).
    run=(env OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
      mpirun -np "$(cat "$root/samples/$sample/mpi-ranks")" --oversubscribe "${run[@]}")
  fi
  if "${run[@]}" >"$log" 2>&1 && grep -q "$sample: PASSED" "$log"; then
    result=PASSED
  else
    result=FAILED
    failures=$((failures + 1))
  fi
  end=$(date +%s.%N)
  device=$(sed -n 's/^Device [0-9]*: \(.*\) (.*/\1/p' "$log" | head -n 1)
  printf '%-18s %-8s %8.2f  %s\n' "$sample" "$result" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" "${device:-?}"
  if [ "$result" = FAILED ]; then sed 's/^/    | /' "$log"; fi
done
echo
if [ "$failures" -ne 0 ]; then
  echo "$failures sample(s) failed"
  exit 1
fi
echo "all ${#samples[@]} samples passed"
