// One point of the GEMM kernel family (kernels/xgemm.cl): tile sizes,
// vector width, unroll and staging. Parsed from and printed as
// "MR=32,NR=8,VW=16,MWG=32,NWG=256,MDIMC=1,NDIMC=1,KWG=256,KU=1,SA=0,SB=0,KDOT=0"
// (KDOT may be left out: 0).
#ifndef CUCL_CUBLAS_GEMM_GEMM_PARAMS_H
#define CUCL_CUBLAS_GEMM_GEMM_PARAMS_H

#include <cstddef>
#include <optional>
#include <string>

#include "gemm/gemm.h"

namespace cucl::blas {

struct GemmParams {
  int mr = 8, nr = 4;       // register micro tile of one work-item
  int vw = 4;               // vector width along m (1, 2, 4, 8, 16)
  int mwg = 32, nwg = 32;   // tile of C owned by a work-group
  int mdimc = 1, ndimc = 1; // work-group size
  int kwg = 128;            // K chunk (C is updated after each)
  int ku = 1;               // unroll of the k loop
  int sa = 0, sb = 0;       // stage A/B chunks in local memory
  int kdot = 0;             // dot-product form, vectors along k (TN only)

  std::string toString() const;
  static std::optional<GemmParams> parse(const std::string &text);
  bool operator==(const GemmParams &other) const { return toString() == other.toString(); }
};

// What a parameter set needs from a device.
struct DeviceCapacity {
  std::size_t maxWorkGroupSize = 1;
  std::size_t maxWorkItemSizes[2] = {1, 1};
  std::size_t localMemBytes = 0;
};

std::size_t elementBytes(DataType type);
// The type the kernel computes (and keeps alpha/beta) in.
DataType computeType(DataType abType);

// Internally consistent and within the device's limits for this type.
bool isUsable(const GemmParams &params, DataType abType, const DeviceCapacity &device);
// The dot-product form exists only for op(A) = A^T, op(B) = B.
bool suitsTransposes(const GemmParams &params, bool transA, bool transB);

// The -D options that select this member of the family.
std::string buildOptions(const GemmParams &params, DataType abType, DataType cType, bool transA,
                         bool transB);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_GEMM_GEMM_PARAMS_H
