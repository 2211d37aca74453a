// References for half_host_test.cpp, each in its own translation unit:
//  - nvidia::  NVIDIA's host implementations from /usr/local/cuda/include
//    (half_nvidia_reference.cpp, built only where those headers exist;
//    their types are renamed there so nothing clashes with cucl's);
//  - cpu::     the x86 F16C and AVX512-BF16 conversion instructions
//    (half_cpu_reference.cpp, compiled with -mf16c / -mavx512bf16).
// Values cross as bit patterns and plain numbers only.
#pragma once

#include <cstdint>

namespace half_reference {

enum Format { kHalf = 0, kBf16 = 1 };
enum Mode { kRn = 0, kRz = 1, kRd = 2, kRu = 3 };
enum IntType { kShort, kUshort, kInt, kUint, kLl, kUll, kChar, kUchar };

// Binary operations on two 16-bit values giving a 16-bit value.
enum BinaryOp {
  kAdd,
  kSub,
  kMul,
  kDiv,
  kAddSat,
  kSubSat,
  kMulSat,
  kMax,
  kMin,
  kMaxNan,
  kMinNan,
  kOperatorAdd,
  kOperatorMul,
  kBinaryOpCount
};
// Comparisons giving a bool (int for kIsInf).
enum CompareOp {
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kEqu,
  kNeu,
  kLtu,
  kLeu,
  kGtu,
  kGeu,
  kOperatorEq,
  kOperatorNe,
  kOperatorLt,
  kOperatorGe,
  kCompareOpCount
};
// Unary operations giving a 16-bit value.
enum UnaryOp { kNeg, kAbs, kOperatorNeg, kUnaryOpCount };
// Operations on pairs (a.x, a.y) and (b.x, b.y) giving a 32-bit result:
// the pair's bits (y << 16 | x), a mask, or a bool.
enum PairOp {
  kAdd2,
  kMul2,
  kEq2,
  kLtu2,
  kEq2Mask,
  kGeu2Mask,
  kBeq2,
  kBneu2,
  kIsNan2,
  kLowHighToHighLow,
  kOperatorEq2,
  kOperatorNe2,
  kPairOpCount
};

namespace nvidia {
bool available();
uint16_t fromFloat(Format format, float f, Mode mode);
float toFloat(Format format, uint16_t h);
uint16_t fromDouble(Format format, double d);
// Only the conversions CUDA offers on the host (all modes for half; to
// nearest for bfloat16).
uint16_t fromInteger(Format format, IntType type, int64_t value, uint64_t unsignedValue, Mode mode);
// The _rz conversions, widened.
int64_t toIntegerRz(Format format, IntType type, uint16_t h);
uint64_t toUllRz(Format format, uint16_t h);
uint16_t binary(Format format, BinaryOp op, uint16_t a, uint16_t b);
int compare(Format format, CompareOp op, uint16_t a, uint16_t b);
int isNan(Format format, uint16_t a);
int isInf(Format format, uint16_t a);
uint16_t unary(Format format, UnaryOp op, uint16_t a);
uint32_t pair(Format format, PairOp op, uint32_t a, uint32_t b);
// The struct's constructors and conversion operators.
uint16_t constructFromFloat(Format format, float f);
uint16_t constructFromDouble(Format format, double d);
uint16_t constructFromInt(Format format, int i);
float convertToFloat(Format format, uint16_t h);
int convertToInt(Format format, uint16_t h);
bool convertToBool(Format format, uint16_t h);
} // namespace nvidia

namespace cpu {
bool hasF16c();
uint16_t f16cFromFloat(float f, Mode mode);
float f16cToFloat(uint16_t h);
bool hasAvx512Bf16();
uint16_t avx512FloatToBf16(float f); // to nearest even; denormals flushed
} // namespace cpu

} // namespace half_reference
