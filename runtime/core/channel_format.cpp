#include "core/channel_format.h"

#include <cstring>

namespace cucl {

namespace {
// The normalized kinds: Unsigned 8X1 (5) to Signed 16X4 (16).
bool normalizedKind(int kind, ChannelFormat *out) {
  if (kind < cudaChannelFormatKindUnsignedNormalized8X1 ||
      kind > cudaChannelFormatKindSignedNormalized16X4)
    return false;
  int index = kind - cudaChannelFormatKindUnsignedNormalized8X1; // 0..11
  static const unsigned kChannels[3] = {1, 2, 4};
  out->kind = index < 6 ? cudaChannelFormatKindUnsigned : cudaChannelFormatKindSigned;
  out->channelBytes = index % 6 < 3 ? 1 : 2;
  out->channels = kChannels[index % 3];
  out->normalized = true;
  return true;
}
} // namespace

cudaError_t channelFormatOf(const cudaChannelFormatDesc &desc, ChannelFormat *out) {
  int kind = 0;
  std::memcpy(&kind, &desc.f, sizeof kind); // any int a C caller passed
  int bits = desc.x;
  unsigned channels = 0;
  if (desc.y == 0 && desc.z == 0 && desc.w == 0)
    channels = 1;
  else if (desc.y == bits && desc.z == 0 && desc.w == 0)
    channels = 2;
  else if (desc.y == bits && desc.z == bits && desc.w == bits)
    channels = 4;
  else
    return cudaErrorInvalidChannelDescriptor;
  ChannelFormat format;
  if (normalizedKind(kind, &format)) {
    if (format.channels != channels || int(format.channelBytes) * 8 != bits)
      return cudaErrorInvalidChannelDescriptor;
    *out = format;
    return cudaSuccess;
  }
  switch (kind) {
  case cudaChannelFormatKindSigned:
  case cudaChannelFormatKindUnsigned:
    if (bits != 8 && bits != 16 && bits != 32)
      return cudaErrorInvalidChannelDescriptor;
    break;
  case cudaChannelFormatKindFloat:
    if (bits != 16 && bits != 32)
      return cudaErrorInvalidChannelDescriptor;
    break;
  default:
    return cudaErrorInvalidChannelDescriptor;
  }
  format.channels = channels;
  format.channelBytes = static_cast<unsigned>(bits / 8);
  format.kind = static_cast<unsigned>(kind);
  format.normalized = false;
  *out = format;
  return cudaSuccess;
}

cudaChannelFormatDesc channelDescOf(const ChannelFormat &format) {
  int bits = static_cast<int>(format.channelBytes * 8);
  int kind = static_cast<int>(format.kind);
  if (format.normalized) {
    int channelIndex = format.channels == 1 ? 0 : format.channels == 2 ? 1 : 2;
    kind = cudaChannelFormatKindUnsignedNormalized8X1 +
           (format.kind == cudaChannelFormatKindSigned ? 6 : 0) +
           (format.channelBytes == 2 ? 3 : 0) + channelIndex;
  }
  cudaChannelFormatDesc desc;
  desc.x = bits;
  desc.y = format.channels > 1 ? bits : 0;
  desc.z = format.channels > 2 ? bits : 0;
  desc.w = format.channels > 2 ? bits : 0;
  desc.f = static_cast<cudaChannelFormatKind>(kind);
  return desc;
}

} // namespace cucl
