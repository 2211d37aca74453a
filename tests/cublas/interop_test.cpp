// The runtime's OpenCL interop API (include/cucl/opencl_interop.h), which
// libcublas is built on: device objects, pointer resolution with its error
// codes, and commands enqueued with CUDA stream ordering.
#include <cucl/opencl_interop.h>

#include "blas_test_support.h"

#include <atomic>
#include <chrono>
#include <thread>

namespace {

// Enqueues a marker; remembers its event (retained) for the test.
struct MarkerSubmit {
  cl_event event = nullptr;
  cl_int result = CL_SUCCESS; // what to return instead of enqueueing, when not success
  static cl_int submit(void *user, cl_command_queue queue, cl_uint numWaits, const cl_event *waits,
                       cl_event *done) {
    auto *self = static_cast<MarkerSubmit *>(user);
    if (self->result != CL_SUCCESS)
      return self->result;
    cl_int status = clEnqueueMarkerWithWaitList(queue, numWaits, waits, done);
    if (status == CL_SUCCESS) {
      clRetainEvent(*done);
      self->event = *done;
    }
    return status;
  }
  ~MarkerSubmit() {
    if (event != nullptr)
      clReleaseEvent(event);
  }
  cl_int status() const {
    cl_int execution = 0;
    clGetEventInfo(event, CL_EVENT_COMMAND_EXECUTION_STATUS, sizeof(execution), &execution,
                   nullptr);
    return execution;
  }
};

void waitFor(std::atomic<bool> *flag) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!*flag && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

} // namespace

TEST(Interop, OpenCLDeviceOfACudaDevice) {
  cuclOpenCLDevice device{};
  CUDA_OK(__cuclGetOpenCLDevice(0, &device));
  EXPECT_NE(nullptr, device.platform);
  EXPECT_NE(nullptr, device.device);
  EXPECT_NE(nullptr, device.context);
  cl_platform_id platform = nullptr;
  ASSERT_EQ(CL_SUCCESS, clGetDeviceInfo(device.device, CL_DEVICE_PLATFORM, sizeof(platform),
                                        &platform, nullptr));
  EXPECT_EQ(device.platform, platform);
  int count = 0;
  CUDA_OK(cudaGetDeviceCount(&count));
  EXPECT_EQ(cudaErrorInvalidDevice, __cuclGetOpenCLDevice(count, &device));
  EXPECT_EQ(cudaErrorInvalidDevice, __cuclGetOpenCLDevice(-1, &device));
  EXPECT_EQ(cudaErrorInvalidValue, __cuclGetOpenCLDevice(0, nullptr));
}

TEST(Interop, ResolvesInteriorPointersAndRefusesOthers) {
  char *p = nullptr;
  CUDA_OK(cudaMalloc(reinterpret_cast<void **>(&p), 1000));
  cuclDeviceBuffer found{};
  CUDA_OK(__cuclResolveDevicePointer(p + 10, &found));
  EXPECT_NE(nullptr, found.buffer);
  EXPECT_EQ(10u, found.offset);
  EXPECT_EQ(990u, found.bytesToEnd);
  EXPECT_EQ(0, found.device);
  size_t size = 0;
  ASSERT_EQ(CL_SUCCESS,
            clGetMemObjectInfo(found.buffer, CL_MEM_SIZE, sizeof(size), &size, nullptr));
  EXPECT_GE(size, 1000u);

  int host = 0;
  EXPECT_EQ(cudaErrorInvalidValue, __cuclResolveDevicePointer(&host, &found));
  EXPECT_EQ(cudaErrorInvalidValue, __cuclResolveDevicePointer(nullptr, &found));
  EXPECT_EQ(cudaErrorInvalidValue, __cuclResolveDevicePointer(p, nullptr));
  EXPECT_EQ(cudaErrorInvalidDevicePointer, __cuclResolveDevicePointer(p + 1000, &found));
  CUDA_OK(cudaFree(p));
  EXPECT_EQ(cudaErrorInvalidDevicePointer, __cuclResolveDevicePointer(p, &found));
}

TEST(Interop, EnqueuedCommandsFollowStreamOrder) {
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  std::atomic<bool> release{false};
  CUDA_OK(cudaLaunchHostFunc(
      stream, [](void *flag) { waitFor(static_cast<std::atomic<bool> *>(flag)); }, &release));
  MarkerSubmit marker;
  CUDA_OK(__cuclEnqueueOnStream(0, stream, &MarkerSubmit::submit, &marker));
  ASSERT_NE(nullptr, marker.event);
  // Behind the host function, and the stream now waits for the marker.
  EXPECT_NE(CL_COMPLETE, marker.status());
  EXPECT_EQ(cudaErrorNotReady, cudaStreamQuery(stream));
  release = true;
  CUDA_OK(cudaStreamSynchronize(stream));
  EXPECT_EQ(CL_COMPLETE, marker.status());
  CUDA_OK(cudaStreamDestroy(stream));
}

TEST(Interop, EnqueueErrors) {
  MarkerSubmit marker;
  EXPECT_EQ(cudaErrorInvalidValue, __cuclEnqueueOnStream(0, nullptr, nullptr, &marker));
  EXPECT_EQ(cudaErrorInvalidDevice,
            __cuclEnqueueOnStream(-1, nullptr, &MarkerSubmit::submit, &marker));
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  CUDA_OK(cudaStreamDestroy(stream));
  EXPECT_EQ(cudaErrorInvalidResourceHandle,
            __cuclEnqueueOnStream(0, stream, &MarkerSubmit::submit, &marker));
  marker.result = CL_INVALID_VALUE; // a submit that fails maps as a launch would
  EXPECT_EQ(cudaErrorInvalidValue,
            __cuclEnqueueOnStream(0, cudaStreamLegacy, &MarkerSubmit::submit, &marker));
  EXPECT_EQ(nullptr, marker.event);
  // None of it is recorded as the thread's last error.
  EXPECT_EQ(cudaSuccess, cudaGetLastError());
}

TEST(Interop, StickyErrorQuery) {
  CUDA_OK(__cuclGetDeviceStickyError(0));
  EXPECT_EQ(cudaErrorInvalidDevice, __cuclGetDeviceStickyError(-1));
  EXPECT_EQ(cudaErrorInvalidDevice, __cuclGetDeviceStickyError(1 << 20));
}
