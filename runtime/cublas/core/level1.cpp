#include "core/level1.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/arguments.h"
#include "core/kernel_set.h"

namespace cucl::blas {

namespace {

constexpr std::size_t kElementwiseGroup = 64;
constexpr std::size_t kMaxElementwiseGroups = 1024; // then grid-stride
constexpr std::size_t kReduceGroup = 256;           // REDUCE_MAX_WG in the kernels

// Where a scalar result goes: the user's device memory (device pointer
// mode) or, through the handle's scratch, the user's host memory.
struct ResultTarget {
  bool onDevice = false;
  BufferArg device;
  void *host = nullptr;
  std::size_t bytes = 0;
};

template <class Result>
cublasStatus_t resolveTarget(const cublasContext &handle, Result *result, ResultTarget *out) {
  out->host = result;
  out->bytes = sizeof(Result);
  return resolveResult(handle, result, sizeof(Result), &out->onDevice, &out->device);
}

// The answer of a reduction that returns early (0, as cuBLAS reports).
cublasStatus_t writeZero(cublasContext &handle, const ResultTarget &target) {
  if (!target.onDevice) {
    std::memset(target.host, 0, target.bytes);
    return CUBLAS_STATUS_SUCCESS;
  }
  // A byte pattern: any offset is allowed, and zero bytes are 0 and 0.0.
  return enqueueOnStream(
      handle, [&](cl::CommandQueue &queue, const std::vector<cl::Event> *waits, cl::Event *done) {
        return queue.enqueueFillBuffer(target.device.buffer, static_cast<cl_uchar>(0),
                                       target.device.offset, target.bytes, waits, done);
      });
}

std::size_t elementwiseGlobal(std::int64_t n, std::size_t local) {
  std::size_t groups = (static_cast<std::size_t>(n) + local - 1) / local;
  return std::min(groups, kMaxElementwiseGroups) * local;
}

// Byte layout of the handle's scratch for a reduction over `groups` groups:
// partial values (two per group, for nrm2), partial indices (iamax), then
// the result slot of host pointer mode.
struct ScratchLayout {
  explicit ScratchLayout(std::size_t groups)
      : indices(2 * groups * sizeof(double)),
        result((indices + groups * sizeof(int) + 15) / 16 * 16), total(result + 16) {}
  cl_ulong partials = 0;
  cl_ulong indices;
  cl_ulong result;
  std::size_t total;
};

// Two-stage reduction: `partialName` writes one partial per work-group into
// the scratch, `finishName` (one work-group) combines them into the result.
// setPartial(kernel, layout-args) and setFinish(kernel, groups, resultArg)
// set each kernel's arguments.
template <class T, class SetPartial, class SetFinish>
cublasStatus_t reduce(cublasContext &handle, const char *partialName, const char *finishName,
                      std::int64_t n, const ResultTarget &target, SetPartial setPartial,
                      SetFinish setFinish) {
  cl::Event read;
  {
    std::lock_guard<std::mutex> lock(handle.mutex);
    cl::Kernel *partial = nullptr, *finish = nullptr;
    cublasStatus_t status =
        handle.kernels->get(handle, KernelFamily::Level1, precisionOf<T>(), partialName, &partial);
    if (status == CUBLAS_STATUS_SUCCESS)
      status =
          handle.kernels->get(handle, KernelFamily::Level1, precisionOf<T>(), finishName, &finish);
    if (status != CUBLAS_STATUS_SUCCESS)
      return status;

    std::size_t local = workGroupSize(handle, *partial, kReduceGroup);
    std::size_t maxGroups = std::clamp<std::size_t>(4 * std::size_t(handle.computeUnits), 4, 256);
    std::size_t groups = std::min((static_cast<std::size_t>(n) + local - 1) / local, maxGroups);
    std::size_t finishLocal = workGroupSize(handle, *finish, kReduceGroup);
    ScratchLayout layout(groups);
    status = ensureScratch(handle, layout.total);
    if (status != CUBLAS_STATUS_SUCCESS)
      return status;

    if (setPartial(*partial, layout) != CL_SUCCESS)
      return CUBLAS_STATUS_INTERNAL_ERROR;
    status = launchKernel(handle, *partial, groups * local, local);
    if (status != CUBLAS_STATUS_SUCCESS)
      return status;

    BufferArg result = target.onDevice ? target.device : BufferArg{handle.scratch, layout.result};
    if (setFinish(*finish, static_cast<cl_int>(groups), layout, result) != CL_SUCCESS)
      return CUBLAS_STATUS_INTERNAL_ERROR;
    status = launchKernel(handle, *finish, finishLocal, finishLocal);
    if (status != CUBLAS_STATUS_SUCCESS || target.onDevice)
      return status;

    // Host pointer mode: the caller gets the value before we return.
    cl::Buffer scratch = handle.scratch;
    status = enqueueOnStream(
        handle, [&](cl::CommandQueue &queue, const std::vector<cl::Event> *waits, cl::Event *done) {
          cl_int enqueued = queue.enqueueReadBuffer(scratch, CL_FALSE, layout.result, target.bytes,
                                                    target.host, waits, done);
          if (enqueued == CL_SUCCESS)
            read = *done;
          return enqueued;
        });
    if (status != CUBLAS_STATUS_SUCCESS)
      return status;
  }
  return waitForCommand(read); // outside the lock: other threads may go on
}

// Launches one element-wise kernel (axpy, scal) under the handle's mutex.
template <class T, class SetArgs>
cublasStatus_t elementwise(cublasContext &handle, const char *name, std::size_t global,
                           std::size_t local, SetArgs setArgs) {
  return withKernel<T>(handle, KernelFamily::Level1, name, [&](cl::Kernel &kernel) {
    if (setArgs(kernel) != CL_SUCCESS)
      return CUBLAS_STATUS_INTERNAL_ERROR;
    return launchKernel(handle, kernel, global, local);
  });
}

cublasStatus_t resolveVector(const cublasContext &handle, const void *x, std::int64_t n,
                             std::int64_t inc, std::size_t elementSize, BufferArg *out) {
  ByteSpan span;
  if (!vectorSpan(n, inc, elementSize, &span))
    return CUBLAS_STATUS_INVALID_VALUE;
  return resolveDevice(handle, x, span, elementSize, out);
}

} // namespace

template <class T>
cublasStatus_t axpy(cublasContext &handle, int n, const T *alpha, const T *x, int incx, T *y,
                    int incy) {
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || n <= 0)
    return status;
  ScalarArg scalar;
  status = resolveScalar(handle, alpha, &scalar);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  if (!scalar.onDevice && scalar.host == 0)
    return CUBLAS_STATUS_SUCCESS;
  BufferArg xArg, yArg;
  status = resolveVector(handle, x, n, incx, sizeof(T), &xArg);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveVector(handle, y, n, incy, sizeof(T), &yArg);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  // With incy == 0 every term lands in y[0]: one work-item adds them in
  // order, as reference BLAS does, instead of racing.
  std::size_t local = incy == 0 ? 1 : kElementwiseGroup;
  std::size_t global = incy == 0 ? 1 : elementwiseGlobal(n, local);
  return elementwise<T>(handle, "axpy", global, local, [&](cl::Kernel &kernel) {
    return setKernelArgs(kernel, cl_int(n), toKernelArg<T>(scalar), xArg, cl_int(incx), yArg,
                         cl_int(incy));
  });
}

template <class T>
cublasStatus_t scal(cublasContext &handle, int n, const T *alpha, T *x, int incx) {
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || n <= 0 || incx <= 0)
    return status;
  ScalarArg scalar;
  BufferArg xArg;
  status = resolveScalar(handle, alpha, &scalar);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveVector(handle, x, n, incx, sizeof(T), &xArg);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  return elementwise<T>(handle, "scal", elementwiseGlobal(n, kElementwiseGroup), kElementwiseGroup,
                        [&](cl::Kernel &kernel) {
                          return setKernelArgs(kernel, cl_int(n), toKernelArg<T>(scalar), xArg,
                                               cl_int(incx));
                        });
}

template <class T>
cublasStatus_t dot(cublasContext &handle, int n, const T *x, int incx, const T *y, int incy,
                   T *result) {
  ResultTarget target;
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveTarget(handle, result, &target);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  if (n <= 0)
    return writeZero(handle, target);
  BufferArg xArg, yArg;
  status = resolveVector(handle, x, n, incx, sizeof(T), &xArg);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveVector(handle, y, n, incy, sizeof(T), &yArg);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  return reduce<T>(
      handle, "dot_partial", "sum_finish", n, target,
      [&](cl::Kernel &kernel, const ScratchLayout &layout) {
        return setKernelArgs(kernel, cl_int(n), xArg, cl_int(incx), yArg, cl_int(incy),
                             BufferArg{handle.scratch, layout.partials});
      },
      [&](cl::Kernel &kernel, cl_int groups, const ScratchLayout &layout,
          const BufferArg &resultArg) {
        return setKernelArgs(kernel, groups, BufferArg{handle.scratch, layout.partials}, resultArg);
      });
}

// The start nrm2, asum and iamax share: the precision, the result's target,
// BLAS's quick return (n <= 0 or incx <= 0 -> result 0, `*done`), the vector.
template <class T, class Result>
cublasStatus_t startVectorReduction(cublasContext &handle, int n, const T *x, int incx,
                                    Result *result, ResultTarget *target, BufferArg *xArg,
                                    bool *done) {
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveTarget(handle, result, target);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  if (n <= 0 || incx <= 0) {
    *done = true;
    return writeZero(handle, *target);
  }
  return resolveVector(handle, x, n, incx, sizeof(T), xArg);
}

// nrm2 and asum: one vector, a T result, 0 for n <= 0 or incx <= 0.
template <class T>
cublasStatus_t normLike(cublasContext &handle, const char *partialName, const char *finishName,
                        int n, const T *x, int incx, T *result) {
  ResultTarget target;
  BufferArg xArg;
  bool done = false;
  cublasStatus_t status = startVectorReduction(handle, n, x, incx, result, &target, &xArg, &done);
  if (status != CUBLAS_STATUS_SUCCESS || done)
    return status;
  return reduce<T>(
      handle, partialName, finishName, n, target,
      [&](cl::Kernel &kernel, const ScratchLayout &layout) {
        return setKernelArgs(kernel, cl_int(n), xArg, cl_int(incx),
                             BufferArg{handle.scratch, layout.partials});
      },
      [&](cl::Kernel &kernel, cl_int groups, const ScratchLayout &layout,
          const BufferArg &resultArg) {
        return setKernelArgs(kernel, groups, BufferArg{handle.scratch, layout.partials}, resultArg);
      });
}

template <class T>
cublasStatus_t nrm2(cublasContext &handle, int n, const T *x, int incx, T *result) {
  return normLike(handle, "nrm2_partial", "nrm2_finish", n, x, incx, result);
}

template <class T>
cublasStatus_t asum(cublasContext &handle, int n, const T *x, int incx, T *result) {
  return normLike(handle, "asum_partial", "sum_finish", n, x, incx, result);
}

template <class T>
cublasStatus_t iamax(cublasContext &handle, int n, const T *x, int incx, int *result) {
  ResultTarget target;
  BufferArg xArg;
  bool done = false;
  cublasStatus_t status = startVectorReduction(handle, n, x, incx, result, &target, &xArg, &done);
  if (status != CUBLAS_STATUS_SUCCESS || done)
    return status;
  return reduce<T>(
      handle, "iamax_partial", "iamax_finish", n, target,
      [&](cl::Kernel &kernel, const ScratchLayout &layout) {
        return setKernelArgs(kernel, cl_int(n), xArg, cl_int(incx),
                             BufferArg{handle.scratch, layout.partials},
                             BufferArg{handle.scratch, layout.indices});
      },
      [&](cl::Kernel &kernel, cl_int groups, const ScratchLayout &layout,
          const BufferArg &resultArg) {
        return setKernelArgs(kernel, groups, BufferArg{handle.scratch, layout.partials},
                             BufferArg{handle.scratch, layout.indices}, resultArg);
      });
}

// The element-wise kernels over two vectors (copy, swap, rot): one
// work-item when an increment is 0, so that elements are visited in order.
template <class T, class SetRest>
cublasStatus_t twoVectors(cublasContext &handle, const char *name, int n, const T *x, int incx,
                          const T *y, int incy, SetRest setRest) {
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || n <= 0)
    return status;
  BufferArg xArg, yArg;
  status = resolveVector(handle, x, n, incx, sizeof(T), &xArg);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveVector(handle, y, n, incy, sizeof(T), &yArg);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  const bool inOrder = incx == 0 || incy == 0;
  std::size_t local = inOrder ? 1 : kElementwiseGroup;
  std::size_t global = inOrder ? 1 : elementwiseGlobal(n, local);
  return elementwise<T>(handle, name, global, local, [&](cl::Kernel &kernel) {
    cl_int set = setKernelArgs(kernel, cl_int(n), xArg, cl_int(incx), yArg, cl_int(incy));
    return set == CL_SUCCESS ? setRest(kernel) : set;
  });
}

template <class T>
cublasStatus_t copy(cublasContext &handle, int n, const T *x, int incx, T *y, int incy) {
  return twoVectors<T>(handle, "copy", n, x, incx, y, incy,
                       [](cl::Kernel &) { return cl_int(CL_SUCCESS); });
}

template <class T>
cublasStatus_t swap(cublasContext &handle, int n, T *x, int incx, T *y, int incy) {
  return twoVectors<T>(handle, "swap", n, x, incx, y, incy,
                       [](cl::Kernel &) { return cl_int(CL_SUCCESS); });
}

template <class T>
cublasStatus_t rot(cublasContext &handle, int n, T *x, int incx, T *y, int incy, const T *c,
                   const T *s) {
  if (n <= 0)
    return checkPrecision<T>(handle);
  ScalarArg cArg, sArg;
  cublasStatus_t status = resolveScalars(handle, c, s, &cArg, &sArg);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  return twoVectors<T>(handle, "rot", n, x, incx, y, incy, [&](cl::Kernel &kernel) {
    cl_uint index = 7; // after n, x (buffer, offset), incx, y (buffer, offset), incy
    cl_int set = detail::setKernelArg(kernel, index, toKernelArg<T>(cArg));
    return set == CL_SUCCESS ? detail::setKernelArg(kernel, index, toKernelArg<T>(sArg)) : set;
  });
}

// Reference BLAS's rotg (kernels/blas_common.cl has the same steps for
// device pointer mode).
template <class T> void rotgOnHost(T *a, T *b, T *c, T *s) {
  const T roe = std::fabs(*a) > std::fabs(*b) ? *a : *b;
  const T scale = std::fabs(*a) + std::fabs(*b);
  if (scale == T(0)) {
    *c = 1;
    *s = 0;
    *a = 0;
    *b = 0;
    return;
  }
  const T ra = *a / scale, rb = *b / scale;
  T r = scale * std::sqrt(ra * ra + rb * rb);
  if (roe < T(0))
    r = -r;
  *c = *a / r;
  *s = *b / r;
  T z = 1;
  if (std::fabs(*a) > std::fabs(*b))
    z = *s;
  else if (*c != T(0))
    z = 1 / *c;
  *a = r;
  *b = z;
}

template <class T> cublasStatus_t rotg(cublasContext &handle, T *a, T *b, T *c, T *s) {
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  if (handle.pointerMode == CUBLAS_POINTER_MODE_HOST) {
    if (!isHostPointer(a) || !isHostPointer(b) || !isHostPointer(c) || !isHostPointer(s))
      return CUBLAS_STATUS_INVALID_VALUE;
    rotgOnHost(a, b, c, s);
    return CUBLAS_STATUS_SUCCESS;
  }
  BufferArg args[4];
  T *pointers[4] = {a, b, c, s};
  for (int i = 0; i < 4 && status == CUBLAS_STATUS_SUCCESS; ++i)
    status = resolveDevice(handle, pointers[i], ByteSpan{0, sizeof(T)}, sizeof(T), &args[i]);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  return elementwise<T>(handle, "rotg", 1, 1, [&](cl::Kernel &kernel) {
    return setKernelArgs(kernel, args[0], args[1], args[2], args[3]);
  });
}

#define CUCL_INSTANTIATE_LEVEL1(T)                                                                 \
  template cublasStatus_t axpy<T>(cublasContext &, int, const T *, const T *, int, T *, int);      \
  template cublasStatus_t scal<T>(cublasContext &, int, const T *, T *, int);                      \
  template cublasStatus_t dot<T>(cublasContext &, int, const T *, int, const T *, int, T *);       \
  template cublasStatus_t nrm2<T>(cublasContext &, int, const T *, int, T *);                      \
  template cublasStatus_t asum<T>(cublasContext &, int, const T *, int, T *);                      \
  template cublasStatus_t iamax<T>(cublasContext &, int, const T *, int, int *);                   \
  template cublasStatus_t copy<T>(cublasContext &, int, const T *, int, T *, int);                 \
  template cublasStatus_t swap<T>(cublasContext &, int, T *, int, T *, int);                       \
  template cublasStatus_t rot<T>(cublasContext &, int, T *, int, T *, int, const T *, const T *);  \
  template cublasStatus_t rotg<T>(cublasContext &, T *, T *, T *, T *);
CUCL_INSTANTIATE_LEVEL1(float)
CUCL_INSTANTIATE_LEVEL1(double)
#undef CUCL_INSTANTIATE_LEVEL1

} // namespace cucl::blas
