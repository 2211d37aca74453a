// Stream attributes (CUDA 12's launch attribute ids and values under their
// stream names): stored per stream and read back, checked as CUDA documents
// them; plus the other L2 persistence calls, accepted as no-ops.
#include "test_kernels.h"

#include <limits>

namespace {

class StreamAttributes : public ::testing::Test {
protected:
  void SetUp() override {
    cudaGetLastError();
    ASSERT_EQ(cudaSuccess, cudaStreamCreate(&stream));
  }
  void TearDown() override {
    EXPECT_EQ(cudaSuccess, cudaStreamDestroy(stream));
    cudaGetLastError();
  }

  static cudaStreamAttrValue zeroed() {
    cudaStreamAttrValue value;
    std::memset(&value, 0, sizeof value);
    return value;
  }
  static cudaStreamAttrValue window(float hitRatio, cudaAccessProperty hit,
                                    cudaAccessProperty miss) {
    cudaStreamAttrValue value = zeroed();
    value.accessPolicyWindow.base_ptr = reinterpret_cast<void *>(0x1000);
    value.accessPolicyWindow.num_bytes = 1 << 20;
    value.accessPolicyWindow.hitRatio = hitRatio;
    value.accessPolicyWindow.hitProp = hit;
    value.accessPolicyWindow.missProp = miss;
    return value;
  }

  cudaStream_t stream = nullptr;
};

// Writes `raw` into an enum member without loading it through the enum type.
template <class Enum> void setRaw(Enum *member, int raw) {
  static_assert(sizeof(Enum) == sizeof(int), "an int-sized enum");
  std::memcpy(member, &raw, sizeof raw);
}

} // namespace

TEST_F(StreamAttributes, NamesAreTheLaunchAttributes) {
  static_assert(sizeof(cudaStreamAttrValue) == 64, "CUDA layout");
  EXPECT_EQ(cudaLaunchAttributeAccessPolicyWindow, cudaStreamAttributeAccessPolicyWindow);
  EXPECT_EQ(cudaLaunchAttributeSynchronizationPolicy, cudaStreamAttributeSynchronizationPolicy);
  EXPECT_EQ(cudaLaunchAttributePriority, cudaStreamAttributePriority);
  EXPECT_EQ(cudaLaunchAttributeMemSyncDomainMap, cudaStreamAttributeMemSyncDomainMap);
  EXPECT_EQ(cudaLaunchAttributeMemSyncDomain, cudaStreamAttributeMemSyncDomain);
}

TEST_F(StreamAttributes, DefaultsOfAFreshStream) {
  cudaStreamAttrValue value = window(0.5f, cudaAccessPropertyPersisting, cudaAccessPropertyNormal);
  CUDA_OK(cudaStreamGetAttribute(stream, cudaStreamAttributeAccessPolicyWindow, &value));
  EXPECT_EQ(nullptr, value.accessPolicyWindow.base_ptr);
  EXPECT_EQ(0u, value.accessPolicyWindow.num_bytes);
  EXPECT_EQ(0.0f, value.accessPolicyWindow.hitRatio);
  EXPECT_EQ(cudaAccessPropertyNormal, value.accessPolicyWindow.hitProp);
  CUDA_OK(cudaStreamGetAttribute(stream, cudaStreamAttributeSynchronizationPolicy, &value));
  EXPECT_EQ(cudaSyncPolicyAuto, value.syncPolicy);
  value.priority = 5;
  CUDA_OK(cudaStreamGetAttribute(stream, cudaStreamAttributePriority, &value));
  EXPECT_EQ(0, value.priority);
  CUDA_OK(cudaStreamGetAttribute(stream, cudaStreamAttributeMemSyncDomain, &value));
  EXPECT_EQ(cudaLaunchMemSyncDomainDefault, value.memSyncDomain);
}

TEST_F(StreamAttributes, ValuesAreStoredPerStream) {
  cudaStreamAttrValue set = window(0.6f, cudaAccessPropertyPersisting, cudaAccessPropertyStreaming);
  CUDA_OK(cudaStreamSetAttribute(stream, cudaStreamAttributeAccessPolicyWindow, &set));
  cudaStreamAttrValue got = zeroed();
  CUDA_OK(cudaStreamGetAttribute(stream, cudaStreamAttributeAccessPolicyWindow, &got));
  EXPECT_EQ(set.accessPolicyWindow.base_ptr, got.accessPolicyWindow.base_ptr);
  EXPECT_EQ(set.accessPolicyWindow.num_bytes, got.accessPolicyWindow.num_bytes);
  EXPECT_EQ(0.6f, got.accessPolicyWindow.hitRatio);
  EXPECT_EQ(cudaAccessPropertyPersisting, got.accessPolicyWindow.hitProp);
  EXPECT_EQ(cudaAccessPropertyStreaming, got.accessPolicyWindow.missProp);

  set = zeroed();
  set.syncPolicy = cudaSyncPolicyBlockingSync;
  CUDA_OK(cudaStreamSetAttribute(stream, cudaStreamAttributeSynchronizationPolicy, &set));
  set = zeroed();
  set.memSyncDomain = cudaLaunchMemSyncDomainRemote;
  CUDA_OK(cudaStreamSetAttribute(stream, cudaStreamAttributeMemSyncDomain, &set));
  set = zeroed();
  set.memSyncDomainMap.default_ = 0;
  set.memSyncDomainMap.remote = 1;
  CUDA_OK(cudaStreamSetAttribute(stream, cudaStreamAttributeMemSyncDomainMap, &set));

  CUDA_OK(cudaStreamGetAttribute(stream, cudaStreamAttributeSynchronizationPolicy, &got));
  EXPECT_EQ(cudaSyncPolicyBlockingSync, got.syncPolicy);
  CUDA_OK(cudaStreamGetAttribute(stream, cudaStreamAttributeMemSyncDomain, &got));
  EXPECT_EQ(cudaLaunchMemSyncDomainRemote, got.memSyncDomain);
  CUDA_OK(cudaStreamGetAttribute(stream, cudaStreamAttributeMemSyncDomainMap, &got));
  EXPECT_EQ(1, got.memSyncDomainMap.remote);

  // Another stream, and the legacy default stream, keep their own values.
  cudaStream_t other = nullptr;
  CUDA_OK(cudaStreamCreate(&other));
  CUDA_OK(cudaStreamGetAttribute(other, cudaStreamAttributeSynchronizationPolicy, &got));
  EXPECT_EQ(cudaSyncPolicyAuto, got.syncPolicy);
  CUDA_OK(cudaStreamGetAttribute(other, cudaStreamAttributeAccessPolicyWindow, &got));
  EXPECT_EQ(0u, got.accessPolicyWindow.num_bytes);
  CUDA_OK(cudaStreamDestroy(other));
  set = zeroed();
  set.syncPolicy = cudaSyncPolicySpin;
  CUDA_OK(cudaStreamSetAttribute(nullptr, cudaStreamAttributeSynchronizationPolicy, &set));
  CUDA_OK(cudaStreamGetAttribute(cudaStreamLegacy, cudaStreamAttributeSynchronizationPolicy, &got));
  EXPECT_EQ(cudaSyncPolicySpin, got.syncPolicy);
  CUDA_OK(cudaStreamGetAttribute(stream, cudaStreamAttributeSynchronizationPolicy, &got));
  EXPECT_EQ(cudaSyncPolicyBlockingSync, got.syncPolicy);
}

TEST_F(StreamAttributes, PriorityIsClampedToTheSupportedRange) {
  int least = -1, greatest = -1;
  CUDA_OK(cudaDeviceGetStreamPriorityRange(&least, &greatest));
  for (int priority : {-5, 0, 3}) {
    cudaStreamAttrValue value = zeroed();
    value.priority = priority;
    CUDA_OK(cudaStreamSetAttribute(stream, cudaStreamAttributePriority, &value));
    value.priority = 99;
    CUDA_OK(cudaStreamGetAttribute(stream, cudaStreamAttributePriority, &value));
    EXPECT_GE(value.priority, greatest);
    EXPECT_LE(value.priority, least);
    int reported = 99;
    CUDA_OK(cudaStreamGetPriority(stream, &reported));
    EXPECT_EQ(reported, value.priority);
  }
}

TEST_F(StreamAttributes, AHintDoesNotChangeWhatAStreamComputes) {
  test_kernels::registerAll();
  cudaStreamAttrValue value = window(1.0f, cudaAccessPropertyPersisting, cudaAccessPropertyNormal);
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 64 * sizeof(int)));
  value.accessPolicyWindow.base_ptr = d;
  CUDA_OK(cudaStreamSetAttribute(stream, cudaStreamAttributeAccessPolicyWindow, &value));
  CUDA_OK(cudaMemsetAsync(d, 0, 64 * sizeof(int), stream));
  int n = 64;
  void *args[] = {&d, &n};
  CUDA_OK(cudaLaunchKernel(&test_kernels::addOne, dim3(1), dim3(64), args, 0, stream));
  std::vector<int> back(64, -1);
  CUDA_OK(cudaMemcpyAsync(back.data(), d, 64 * sizeof(int), cudaMemcpyDeviceToHost, stream));
  CUDA_OK(cudaStreamSynchronize(stream));
  EXPECT_EQ(std::vector<int>(64, 1), back);
  CUDA_OK(cudaCtxResetPersistingL2Cache());
  CUDA_OK(cudaFree(d));
}

TEST_F(StreamAttributes, NullValuesAndUnknownIdsAreInvalid) {
  cudaStreamAttrValue value = zeroed();
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaStreamSetAttribute(stream, cudaStreamAttributeSynchronizationPolicy, nullptr));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaStreamGetAttribute(stream, cudaStreamAttributeSynchronizationPolicy, nullptr));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
  // Launch-only ids, and ids no attribute has.
  for (int id : {int(cudaLaunchAttributeIgnore), int(cudaLaunchAttributeCooperative),
                 int(cudaLaunchAttributeClusterDimension),
                 int(cudaLaunchAttributeClusterSchedulingPolicyPreference),
                 int(cudaLaunchAttributeProgrammaticStreamSerialization),
                 int(cudaLaunchAttributeProgrammaticEvent), 11, -1, 1000}) {
    cudaStreamAttrID attr;
    setRaw(&attr, id);
    EXPECT_EQ(cudaErrorInvalidValue, cudaStreamSetAttribute(stream, attr, &value)) << id;
    EXPECT_EQ(cudaErrorInvalidValue, cudaStreamGetAttribute(stream, attr, &value)) << id;
  }
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
}

TEST_F(StreamAttributes, ValuesCudaRefusesAreInvalid) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  for (float ratio : {-0.1f, 1.5f, nan}) {
    cudaStreamAttrValue value =
        window(ratio, cudaAccessPropertyPersisting, cudaAccessPropertyStreaming);
    EXPECT_EQ(cudaErrorInvalidValue,
              cudaStreamSetAttribute(stream, cudaStreamAttributeAccessPolicyWindow, &value))
        << ratio;
  }
  // missProp must be Normal or Streaming; properties outside the enum.
  cudaStreamAttrValue value =
      window(0.5f, cudaAccessPropertyPersisting, cudaAccessPropertyPersisting);
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaStreamSetAttribute(stream, cudaStreamAttributeAccessPolicyWindow, &value));
  value = window(0.5f, cudaAccessPropertyNormal, cudaAccessPropertyNormal);
  setRaw(&value.accessPolicyWindow.hitProp, 3);
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaStreamSetAttribute(stream, cudaStreamAttributeAccessPolicyWindow, &value));
  value = window(0.5f, cudaAccessPropertyNormal, cudaAccessPropertyNormal);
  setRaw(&value.accessPolicyWindow.missProp, -1);
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaStreamSetAttribute(stream, cudaStreamAttributeAccessPolicyWindow, &value));
  for (int policy : {0, 5}) {
    value = zeroed();
    setRaw(&value.syncPolicy, policy);
    EXPECT_EQ(cudaErrorInvalidValue,
              cudaStreamSetAttribute(stream, cudaStreamAttributeSynchronizationPolicy, &value))
        << policy;
  }
  value = zeroed();
  setRaw(&value.memSyncDomain, 2);
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaStreamSetAttribute(stream, cudaStreamAttributeMemSyncDomain, &value));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
  // A refused value leaves the stored one.
  CUDA_OK(cudaStreamGetAttribute(stream, cudaStreamAttributeSynchronizationPolicy, &value));
  EXPECT_EQ(cudaSyncPolicyAuto, value.syncPolicy);
  CUDA_OK(cudaStreamGetAttribute(stream, cudaStreamAttributeAccessPolicyWindow, &value));
  EXPECT_EQ(0u, value.accessPolicyWindow.num_bytes);
}

TEST_F(StreamAttributes, BadStreamsAreInvalidHandles) {
  cudaStreamAttrValue value = zeroed();
  value.syncPolicy = cudaSyncPolicyYield;
  cudaStream_t gone = nullptr;
  CUDA_OK(cudaStreamCreate(&gone));
  CUDA_OK(cudaStreamDestroy(gone));
  EXPECT_EQ(cudaErrorInvalidResourceHandle,
            cudaStreamSetAttribute(gone, cudaStreamAttributeSynchronizationPolicy, &value));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaGetLastError());
  EXPECT_EQ(cudaErrorInvalidResourceHandle,
            cudaStreamGetAttribute(gone, cudaStreamAttributeSynchronizationPolicy, &value));
  int notAStream = 0;
  EXPECT_EQ(cudaErrorInvalidResourceHandle,
            cudaStreamGetAttribute(reinterpret_cast<cudaStream_t>(&notAStream),
                                   cudaStreamAttributePriority, &value));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaGetLastError());
}

TEST_F(StreamAttributes, PersistingL2LimitIsAccepted) {
  CUDA_OK(cudaDeviceSetLimit(cudaLimitPersistingL2CacheSize, 4096));
  size_t value = 0;
  CUDA_OK(cudaDeviceGetLimit(&value, cudaLimitPersistingL2CacheSize));
  EXPECT_EQ(4096u, value);
  CUDA_OK(cudaCtxResetPersistingL2Cache());
  EXPECT_EQ(cudaErrorUnsupportedLimit,
            cudaDeviceSetLimit(static_cast<cudaLimit>(cudaLimitPersistingL2CacheSize + 1), 1));
}
