// Channel formats of arrays and textures (cudaChannelFormatDesc) as the
// texture runtime stores them: 1, 2 or 4 channels of 1, 2 or 4 bytes each,
// signed, unsigned or float (2-byte float: half).
#ifndef CUCL_CORE_CHANNEL_FORMAT_H
#define CUCL_CORE_CHANNEL_FORMAT_H

#include <cstddef>

#include "core/public_headers.h"

namespace cucl {

struct ChannelFormat {
  unsigned channels = 0;     // 1, 2 or 4
  unsigned channelBytes = 0; // 1, 2 or 4
  unsigned kind = 0;         // cudaChannelFormatKindSigned, Unsigned or Float
  // A CUDA 11.5 normalized kind (cudaChannelFormatKind*Normalized*): 8- or
  // 16-bit integers that always read as normalized floats.
  bool normalized = false;

  std::size_t elementBytes() const { return std::size_t(channels) * channelBytes; }
  bool isInteger() const { return kind != cudaChannelFormatKindFloat; }
  bool operator==(const ChannelFormat &other) const {
    return channels == other.channels && channelBytes == other.channelBytes && kind == other.kind &&
           normalized == other.normalized;
  }
};

// CUDA's formats: x bits in the first channels, then zeros ({x,0,0,0},
// {x,x,0,0} or {x,x,x,x}); 8, 16 or 32 bits for Signed/Unsigned, 16 or 32
// for Float; the normalized kinds with their own bits and channel count.
// Anything else (None, NV12, block-compressed, 3 channels, other widths) ->
// cudaErrorInvalidChannelDescriptor.
cudaError_t channelFormatOf(const cudaChannelFormatDesc &desc, ChannelFormat *out);

// The descriptor a format came from (normalized kinds keep their kind).
cudaChannelFormatDesc channelDescOf(const ChannelFormat &format);

} // namespace cucl

#endif // CUCL_CORE_CHANNEL_FORMAT_H
