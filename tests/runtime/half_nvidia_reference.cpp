// NVIDIA's host implementations of cuda_fp16.h and cuda_bf16.h, as the
// reference half_host_test.cpp compares cucl's headers with. Built against
// /usr/local/cuda/include only (nothing of it is copied or shipped); the
// types are renamed so they cannot clash with cucl's in the same program.
// Without those headers (CUCL_NVIDIA_HEADERS undefined) only available()
// means anything: it says false, and the comparisons skip.
#include "half_reference.h"

#if defined(CUCL_NVIDIA_HEADERS)
#include <cstring>
#include <utility>

#define __half cucl_nvidia_half
#define __half2 cucl_nvidia_half2
#define __half_raw cucl_nvidia_half_raw
#define __half2_raw cucl_nvidia_half2_raw
#define __nv_bfloat16 cucl_nvidia_bfloat16
#define __nv_bfloat162 cucl_nvidia_bfloat162
#define __nv_bfloat16_raw cucl_nvidia_bfloat16_raw
#define __nv_bfloat162_raw cucl_nvidia_bfloat162_raw
#include <cuda_bf16.h>
#include <cuda_fp16.h>

namespace half_reference::nvidia {
namespace {

__half toHalf(uint16_t bits) {
  return __ushort_as_half(bits);
}
__nv_bfloat16 toBf16(uint16_t bits) {
  return __ushort_as_bfloat16(bits);
}
uint16_t bitsOf(__half h) {
  return __half_as_ushort(h);
}
uint16_t bitsOf(__nv_bfloat16 h) {
  return __bfloat16_as_ushort(h);
}

__half2 toHalf2(uint32_t bits) {
  return __halves2half2(toHalf(uint16_t(bits & 0xffffu)), toHalf(uint16_t(bits >> 16)));
}
__nv_bfloat162 toBf162(uint32_t bits) {
  return __halves2bfloat162(toBf16(uint16_t(bits & 0xffffu)), toBf16(uint16_t(bits >> 16)));
}
uint32_t bitsOf(__half2 h) {
  return uint32_t(bitsOf(__low2half(h))) | (uint32_t(bitsOf(__high2half(h))) << 16);
}
uint32_t bitsOf(__nv_bfloat162 h) {
  return uint32_t(bitsOf(__low2bfloat16(h))) | (uint32_t(bitsOf(__high2bfloat16(h))) << 16);
}

#include "half_dispatch.inc"

} // namespace

bool available() {
  return true;
}

uint16_t fromFloat(Format format, float f, Mode mode) {
  if (format == kHalf) {
    switch (mode) {
    case kRn:
      return bitsOf(__float2half_rn(f));
    case kRz:
      return bitsOf(__float2half_rz(f));
    case kRd:
      return bitsOf(__float2half_rd(f));
    default:
      return bitsOf(__float2half_ru(f));
    }
  }
  switch (mode) {
  case kRn:
    return bitsOf(__float2bfloat16_rn(f));
  case kRz:
    return bitsOf(__float2bfloat16_rz(f));
  case kRd:
    return bitsOf(__float2bfloat16_rd(f));
  default:
    return bitsOf(__float2bfloat16_ru(f));
  }
}

float toFloat(Format format, uint16_t h) {
  return format == kHalf ? __half2float(toHalf(h)) : __bfloat162float(toBf16(h));
}

uint16_t fromDouble(Format format, double d) {
  return format == kHalf ? bitsOf(__double2half(d)) : bitsOf(__double2bfloat16(d));
}

#define NV_HALF_FROM(name, value)                                                                  \
  switch (mode) {                                                                                  \
  case kRn:                                                                                        \
    return bitsOf(__##name##2half_rn(value));                                                      \
  case kRz:                                                                                        \
    return bitsOf(__##name##2half_rz(value));                                                      \
  case kRd:                                                                                        \
    return bitsOf(__##name##2half_rd(value));                                                      \
  default:                                                                                         \
    return bitsOf(__##name##2half_ru(value));                                                      \
  }

uint16_t fromInteger(Format format, IntType type, int64_t value, uint64_t unsignedValue,
                     Mode mode) {
  if (format == kHalf) {
    switch (type) {
    case kShort:
      NV_HALF_FROM(short, static_cast<short>(value))
    case kUshort:
      NV_HALF_FROM(ushort, static_cast<unsigned short>(unsignedValue))
    case kInt:
      NV_HALF_FROM(int, static_cast<int>(value))
    case kUint:
      NV_HALF_FROM(uint, static_cast<unsigned int>(unsignedValue))
    case kLl:
      NV_HALF_FROM(ll, static_cast<long long>(value))
    default:
      NV_HALF_FROM(ull, static_cast<unsigned long long>(unsignedValue))
    }
  }
  switch (type) {
  case kShort:
    return bitsOf(__short2bfloat16_rn(static_cast<short>(value)));
  case kUshort:
    return bitsOf(__ushort2bfloat16_rn(static_cast<unsigned short>(unsignedValue)));
  case kInt:
    return bitsOf(__int2bfloat16_rn(static_cast<int>(value)));
  case kUint:
    return bitsOf(__uint2bfloat16_rn(static_cast<unsigned int>(unsignedValue)));
  case kLl:
    return bitsOf(__ll2bfloat16_rn(static_cast<long long>(value)));
  default:
    return bitsOf(__ull2bfloat16_rn(static_cast<unsigned long long>(unsignedValue)));
  }
}
#undef NV_HALF_FROM

int64_t toIntegerRz(Format format, IntType type, uint16_t h) {
  if (format == kHalf) {
    __half v = toHalf(h);
    switch (type) {
    case kShort:
      return __half2short_rz(v);
    case kUshort:
      return __half2ushort_rz(v);
    case kInt:
      return __half2int_rz(v);
    case kUint:
      return __half2uint_rz(v);
    case kLl:
      return __half2ll_rz(v);
    case kChar:
      return __half2char_rz(v);
    case kUchar:
      return __half2uchar_rz(v);
    default:
      return int64_t(__half2ull_rz(v));
    }
  }
  __nv_bfloat16 v = toBf16(h);
  switch (type) {
  case kShort:
    return __bfloat162short_rz(v);
  case kUshort:
    return __bfloat162ushort_rz(v);
  case kInt:
    return __bfloat162int_rz(v);
  case kUint:
    return __bfloat162uint_rz(v);
  case kLl:
    return __bfloat162ll_rz(v);
  case kChar:
    return __bfloat162char_rz(v);
  case kUchar:
    return __bfloat162uchar_rz(v);
  default:
    return int64_t(__bfloat162ull_rz(v));
  }
}

uint64_t toUllRz(Format format, uint16_t h) {
  return format == kHalf ? __half2ull_rz(toHalf(h)) : __bfloat162ull_rz(toBf16(h));
}

uint16_t binary(Format format, BinaryOp op, uint16_t a, uint16_t b) {
  return format == kHalf ? binaryOp(op, toHalf(a), toHalf(b)) : binaryOp(op, toBf16(a), toBf16(b));
}

int compare(Format format, CompareOp op, uint16_t a, uint16_t b) {
  return format == kHalf ? compareOp(op, toHalf(a), toHalf(b))
                         : compareOp(op, toBf16(a), toBf16(b));
}

int isNan(Format format, uint16_t a) {
  return format == kHalf ? __hisnan(toHalf(a)) : __hisnan(toBf16(a));
}

int isInf(Format format, uint16_t a) {
  return format == kHalf ? __hisinf(toHalf(a)) : __hisinf(toBf16(a));
}

uint16_t unary(Format format, UnaryOp op, uint16_t a) {
  return format == kHalf ? unaryOp(op, toHalf(a)) : unaryOp(op, toBf16(a));
}

uint32_t pair(Format format, PairOp op, uint32_t a, uint32_t b) {
  return format == kHalf ? pairOp(op, toHalf2(a), toHalf2(b)) : pairOp(op, toBf162(a), toBf162(b));
}

uint16_t constructFromFloat(Format format, float f) {
  return format == kHalf ? bitsOf(__half(f)) : bitsOf(__nv_bfloat16(f));
}
uint16_t constructFromDouble(Format format, double d) {
  return format == kHalf ? bitsOf(__half(d)) : bitsOf(__nv_bfloat16(d));
}
uint16_t constructFromInt(Format format, int i) {
  return format == kHalf ? bitsOf(__half(i)) : bitsOf(__nv_bfloat16(i));
}
float convertToFloat(Format format, uint16_t h) {
  return format == kHalf ? static_cast<float>(toHalf(h)) : static_cast<float>(toBf16(h));
}
int convertToInt(Format format, uint16_t h) {
  return format == kHalf ? static_cast<int>(toHalf(h)) : static_cast<int>(toBf16(h));
}
bool convertToBool(Format format, uint16_t h) {
  return format == kHalf ? static_cast<bool>(toHalf(h)) : static_cast<bool>(toBf16(h));
}

} // namespace half_reference::nvidia

#else // no NVIDIA headers: stand-ins that are never called

namespace half_reference::nvidia {
bool available() {
  return false;
}
uint16_t fromFloat(Format, float, Mode) {
  return 0;
}
float toFloat(Format, uint16_t) {
  return 0;
}
uint16_t fromDouble(Format, double) {
  return 0;
}
uint16_t fromInteger(Format, IntType, int64_t, uint64_t, Mode) {
  return 0;
}
int64_t toIntegerRz(Format, IntType, uint16_t) {
  return 0;
}
uint64_t toUllRz(Format, uint16_t) {
  return 0;
}
uint16_t binary(Format, BinaryOp, uint16_t, uint16_t) {
  return 0;
}
int compare(Format, CompareOp, uint16_t, uint16_t) {
  return 0;
}
int isNan(Format, uint16_t) {
  return 0;
}
int isInf(Format, uint16_t) {
  return 0;
}
uint16_t unary(Format, UnaryOp, uint16_t) {
  return 0;
}
uint32_t pair(Format, PairOp, uint32_t, uint32_t) {
  return 0;
}
uint16_t constructFromFloat(Format, float) {
  return 0;
}
uint16_t constructFromDouble(Format, double) {
  return 0;
}
uint16_t constructFromInt(Format, int) {
  return 0;
}
float convertToFloat(Format, uint16_t) {
  return 0;
}
int convertToInt(Format, uint16_t) {
  return 0;
}
bool convertToBool(Format, uint16_t) {
  return false;
}
} // namespace half_reference::nvidia

#endif
