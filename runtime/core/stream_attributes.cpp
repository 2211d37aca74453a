#include "core/stream_attributes.h"

#include <cstring>

namespace cucl {

StreamAttributes::StreamAttributes() {
  std::memset(values_, 0, sizeof values_);
  values_[cudaLaunchAttributeSynchronizationPolicy].syncPolicy = cudaSyncPolicyAuto;
}

void StreamAttributes::set(cudaLaunchAttributeID id, const cudaLaunchAttributeValue &value) {
  std::lock_guard<std::mutex> lock(mutex_);
  values_[id] = value;
}

cudaLaunchAttributeValue StreamAttributes::get(cudaLaunchAttributeID id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return values_[id];
}

} // namespace cucl
