// A stream's attributes (cudaStreamSetAttribute): CUDA's L2 access policy
// window, synchronization policy, priority and memory synchronization domain
// hints. Stored and reported back only: OpenCL has nothing to apply them to.
#ifndef CUCL_CORE_STREAM_ATTRIBUTES_H
#define CUCL_CORE_STREAM_ATTRIBUTES_H

#include <mutex>

#include "core/public_headers.h"

namespace cucl {

class StreamAttributes {
public:
  // CUDA's defaults: all zero, synchronization policy cudaSyncPolicyAuto.
  StreamAttributes();
  // `id` is one of the ids streams take (the API layer validates it).
  void set(cudaLaunchAttributeID id, const cudaLaunchAttributeValue &value);
  cudaLaunchAttributeValue get(cudaLaunchAttributeID id) const;

private:
  mutable std::mutex mutex_;
  cudaLaunchAttributeValue values_[cudaLaunchAttributeMemSyncDomain + 1];
};

} // namespace cucl

#endif // CUCL_CORE_STREAM_ATTRIBUTES_H
