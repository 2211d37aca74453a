// Stream attributes: cudaStreamSetAttribute / cudaStreamGetAttribute with the
// ids streams take (access policy window, synchronization policy, priority,
// memory synchronization domain and its map). The values are checked as
// CUDA documents them, stored per stream and reported back; they have no
// effect on OpenCL (core/stream_attributes.h).
#include "api/api_support.h"
#include "api/enum_argument.h"

#include <cstring>

#include "core/stream.h"

namespace {

using cucl::Device;

bool streamAttribute(int id) {
  switch (id) {
  case cudaLaunchAttributeAccessPolicyWindow:
  case cudaLaunchAttributeSynchronizationPolicy:
  case cudaLaunchAttributePriority:
  case cudaLaunchAttributeMemSyncDomainMap:
  case cudaLaunchAttributeMemSyncDomain:
    return true;
  default:
    return false;
  }
}

// The member `id` names, copied into a zeroed value (enum members read as
// the ints the caller stored); cudaErrorInvalidValue for a value CUDA refuses.
cudaError_t checkedValue(int id, const cudaLaunchAttributeValue &in,
                         cudaLaunchAttributeValue *out) {
  std::memset(out, 0, sizeof *out);
  switch (id) {
  case cudaLaunchAttributeAccessPolicyWindow: {
    const cudaAccessPolicyWindow &window = in.accessPolicyWindow;
    int hit = cucl::enumArgument(window.hitProp), miss = cucl::enumArgument(window.missProp);
    if (!(window.hitRatio >= 0.0f && window.hitRatio <= 1.0f) || hit < cudaAccessPropertyNormal ||
        hit > cudaAccessPropertyPersisting ||
        (miss != cudaAccessPropertyNormal && miss != cudaAccessPropertyStreaming))
      return cudaErrorInvalidValue;
    out->accessPolicyWindow = window;
    return cudaSuccess;
  }
  case cudaLaunchAttributeSynchronizationPolicy: {
    int policy = cucl::enumArgument(in.syncPolicy);
    if (policy < cudaSyncPolicyAuto || policy > cudaSyncPolicyBlockingSync)
      return cudaErrorInvalidValue;
    out->syncPolicy = in.syncPolicy;
    return cudaSuccess;
  }
  case cudaLaunchAttributePriority:
    // Clamped to the range cudaDeviceGetStreamPriorityRange reports, [0, 0],
    // as CUDA clamps priorities.
    out->priority = 0;
    return cudaSuccess;
  case cudaLaunchAttributeMemSyncDomainMap:
    out->memSyncDomainMap = in.memSyncDomainMap;
    return cudaSuccess;
  default: { // cudaLaunchAttributeMemSyncDomain
    int domain = cucl::enumArgument(in.memSyncDomain);
    if (domain != cudaLaunchMemSyncDomainDefault && domain != cudaLaunchMemSyncDomainRemote)
      return cudaErrorInvalidValue;
    out->memSyncDomain = in.memSyncDomain;
    return cudaSuccess;
  }
  }
}

} // namespace

CUCL_API cudaError_t cudaStreamSetAttribute(cudaStream_t hStream, cudaStreamAttrID attr,
                                            const cudaStreamAttrValue *value) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    int id = cucl::enumArgument(attr);
    if (value == nullptr || !streamAttribute(id))
      return cudaErrorInvalidValue;
    CUstream_st *stream = nullptr;
    cudaError_t status = cucl::resolveStream(hStream, device, &stream);
    if (status != cudaSuccess)
      return status;
    cudaLaunchAttributeValue stored;
    status = checkedValue(id, *value, &stored);
    if (status == cudaSuccess)
      stream->attributes.set(static_cast<cudaLaunchAttributeID>(id), stored);
    return status;
  });
}

CUCL_API cudaError_t cudaStreamGetAttribute(cudaStream_t hStream, cudaStreamAttrID attr,
                                            cudaStreamAttrValue *value_out) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    int id = cucl::enumArgument(attr);
    if (value_out == nullptr || !streamAttribute(id))
      return cudaErrorInvalidValue;
    CUstream_st *stream = nullptr;
    cudaError_t status = cucl::resolveStream(hStream, device, &stream);
    if (status == cudaSuccess)
      *value_out = stream->attributes.get(static_cast<cudaLaunchAttributeID>(id));
    return status;
  });
}
