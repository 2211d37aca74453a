#!/usr/bin/env bash
# Installs every Debian 12 package cucl needs to build, test and benchmark.
# Idempotent: apt-get skips what is already there. Runs apt as root (sudo if needed).
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ python3
  # OpenCL: the ICD loader, headers (C and Khronos C++ bindings), PoCL's CPU device, clinfo
  ocl-icd-opencl-dev opencl-headers opencl-clhpp-headers pocl-opencl-icd clinfo
  # the kernel fault guard decodes the faulting instruction with Capstone
  libcapstone-dev pkg-config
  # the translator: Clang 15 libTooling (the LLVM that PoCL itself uses)
  llvm-15-dev libclang-15-dev libclang-cpp15-dev clang-15
  # OpenMP in translated host code (-Xcompiler -fopenmp): Clang's omp.h for the translator
  libomp-15-dev
  # tests: lit + FileCheck, GoogleTest
  llvm-15-tools libgtest-dev
  # the translator's fuzz target: libFuzzer (libclang_rt.fuzzer, built with clang++-15)
  libclang-common-15-dev
  # libcurand: Joe and Kuo's Sobol direction numbers, read at build time from scipy's copy
  python3-scipy
  # the MPI sample (samples/mpiHaloExchange): Open MPI's headers, libraries and mpirun
  libopenmpi-dev openmpi-bin
  # bench/gemm: the peers it compares with (CLBlast, OpenBLAS) and its plot
  libclblast-dev libopenblas-dev gnuplot-nox
  # cuBLAS tests: LAPACKE as the reference of the batched LU routines
  liblapacke-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
echo "cucl: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
