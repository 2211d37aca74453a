/*
 * The header nvcc includes into every .cu file: the runtime C API plus the
 * C++ conveniences CUDA provides (typed cudaMalloc, cudaLaunchKernel taking a
 * kernel, ...). Compiles with a plain C or C++ compiler too. The include
 * guard is NVIDIA's: helper headers test it.
 */
#ifndef __CUDA_RUNTIME_H__
#define __CUDA_RUNTIME_H__

/* nvcc's cuda_runtime.h makes these available to every .cu file (through its
 * math and common-function headers), and real programs rely on it. */
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#if defined(__cplusplus)
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#endif

#include "driver_functions.h"
#include "driver_types.h"
#include "host_defines.h"
#include "library_types.h" /* cudaDataType_t and friends, as NVIDIA's cuda_runtime.h offers */
#include "vector_functions.h"
#include "vector_types.h"
#if defined(__cplusplus) && (defined(__CUDACC__) || defined(__CUDA__))
#include "cucl/host_min_max.h" /* as nvcc gives .cu files */
#endif
#include "channel_descriptor.h" /* cudaCreateChannelDesc<T>() (C++) */
#include "cuda_runtime_api.h"
#include "cuda_surface_types.h" /* surface<T, dim> (C++ compiled as CUDA) */
#include "cuda_texture_types.h" /* texture<T, dim, mode> (C++ compiled as CUDA) */

#if defined(__cplusplus)

// CUDA 11's signature, which CUDA 12 and later keep as this overload: no node
// is ever blamed and the log stays empty (errors come back as the status).
static __inline__ __host__ cudaError_t cudaGraphInstantiate(cudaGraphExec_t *pGraphExec,
                                                            cudaGraph_t graph,
                                                            cudaGraphNode_t *pErrorNode,
                                                            char *pLogBuffer, size_t bufferSize) {
  if (pErrorNode != NULL)
    *pErrorNode = NULL;
  if (pLogBuffer != NULL && bufferSize > 0)
    pLogBuffer[0] = '\0';
  return cudaGraphInstantiate(pGraphExec, graph, 0ULL);
}

template <class T> static __inline__ __host__ cudaError_t cudaMalloc(T **devPtr, size_t size) {
  return ::cudaMalloc(reinterpret_cast<void **>(devPtr), size);
}

template <class T>
static __inline__ __host__ cudaError_t cudaMallocHost(T **ptr, size_t size,
                                                      unsigned int flags = 0) {
  return ::cudaHostAlloc(reinterpret_cast<void **>(ptr), size, flags);
}

template <class T>
static __inline__ __host__ cudaError_t cudaHostAlloc(T **ptr, size_t size, unsigned int flags) {
  return ::cudaHostAlloc(reinterpret_cast<void **>(ptr), size, flags);
}

template <class T>
static __inline__ __host__ cudaError_t cudaHostGetDevicePointer(T **pDevice, void *pHost,
                                                                unsigned int flags) {
  return ::cudaHostGetDevicePointer(reinterpret_cast<void **>(pDevice), pHost, flags);
}

/* Launch a kernel given as a function (the stub nvcc or cucl registered). */
template <class T>
static __inline__ __host__ cudaError_t cudaLaunchKernel(T *func, dim3 gridDim, dim3 blockDim,
                                                        void **args, size_t sharedMem = 0,
                                                        cudaStream_t stream = 0) {
  return ::cudaLaunchKernel(reinterpret_cast<const void *>(func), gridDim, blockDim, args,
                            sharedMem, stream);
}

/* cudaLaunchKernelEx(&config, kernel, args...): each argument converted to
 * the kernel's parameter type, as a launch with <<<>>> converts it. */
template <typename... ExpTypes, typename... ActTypes>
static __inline__ __host__ cudaError_t cudaLaunchKernelEx(const cudaLaunchConfig_t *config,
                                                          void (*kernel)(ExpTypes...),
                                                          ActTypes &&...args) {
  return [&](ExpTypes... converted) {
    void *pointers[] = {&converted..., nullptr};
    return ::cudaLaunchKernelExC(config, reinterpret_cast<const void *>(kernel), pointers);
  }(static_cast<ActTypes &&>(args)...);
}

template <class T>
static __inline__ __host__ cudaError_t cudaLaunchCooperativeKernel(T *func, dim3 gridDim,
                                                                   dim3 blockDim, void **args,
                                                                   size_t sharedMem = 0,
                                                                   cudaStream_t stream = 0) {
  return ::cudaLaunchCooperativeKernel(reinterpret_cast<const void *>(func), gridDim, blockDim,
                                       args, sharedMem, stream);
}

template <class T>
static __inline__ __host__ cudaError_t cudaFuncGetAttributes(struct cudaFuncAttributes *attr,
                                                             T *entry) {
  return ::cudaFuncGetAttributes(attr, reinterpret_cast<const void *>(entry));
}

/* CUDA 12.3+ graph calls with edge data (CUDA 13's only spelling). cucl's
   edges are all default ones: edge data in is checked to be that, edge data
   out is written as that. */
static __inline__ __host__ bool cuclDefaultEdges(const cudaGraphEdgeData *edges, size_t count) {
  for (size_t i = 0; edges != 0 && i < count; ++i)
    if (edges[i].from_port != 0 || edges[i].to_port != 0 ||
        edges[i].type != cudaGraphDependencyTypeDefault)
      return false;
  return true;
}
static __inline__ __host__ void cuclClearEdges(cudaGraphEdgeData *edges, size_t count) {
  for (size_t i = 0; edges != 0 && i < count; ++i)
    edges[i] = cudaGraphEdgeData();
}
static __inline__ __host__ cudaError_t cudaGraphGetEdges(cudaGraph_t graph, cudaGraphNode_t *from,
                                                         cudaGraphNode_t *to,
                                                         cudaGraphEdgeData *edgeData,
                                                         size_t *numEdges) {
  cudaError_t status = ::cudaGraphGetEdges(graph, from, to, numEdges);
  if (status == cudaSuccess && from != 0)
    cuclClearEdges(edgeData, *numEdges);
  return status;
}
static __inline__ __host__ cudaError_t cudaGraphNodeGetDependencies(cudaGraphNode_t node,
                                                                    cudaGraphNode_t *pDependencies,
                                                                    cudaGraphEdgeData *edgeData,
                                                                    size_t *pNumDependencies) {
  cudaError_t status = ::cudaGraphNodeGetDependencies(node, pDependencies, pNumDependencies);
  if (status == cudaSuccess && pDependencies != 0)
    cuclClearEdges(edgeData, *pNumDependencies);
  return status;
}
static __inline__ __host__ cudaError_t
cudaGraphNodeGetDependentNodes(cudaGraphNode_t node, cudaGraphNode_t *pDependentNodes,
                               cudaGraphEdgeData *edgeData, size_t *pNumDependentNodes) {
  cudaError_t status = ::cudaGraphNodeGetDependentNodes(node, pDependentNodes, pNumDependentNodes);
  if (status == cudaSuccess && pDependentNodes != 0)
    cuclClearEdges(edgeData, *pNumDependentNodes);
  return status;
}
static __inline__ __host__ cudaError_t cudaGraphAddDependencies(cudaGraph_t graph,
                                                                const cudaGraphNode_t *from,
                                                                const cudaGraphNode_t *to,
                                                                const cudaGraphEdgeData *edgeData,
                                                                size_t numDependencies) {
  if (!cuclDefaultEdges(edgeData, numDependencies))
    return cudaErrorNotSupported;
  return ::cudaGraphAddDependencies(graph, from, to, numDependencies);
}
static __inline__ __host__ cudaError_t cudaGraphRemoveDependencies(
    cudaGraph_t graph, const cudaGraphNode_t *from, const cudaGraphNode_t *to,
    const cudaGraphEdgeData *edgeData, size_t numDependencies) {
  if (!cuclDefaultEdges(edgeData, numDependencies))
    return cudaErrorNotSupported;
  return ::cudaGraphRemoveDependencies(graph, from, to, numDependencies);
}
static __inline__ __host__ cudaError_t cudaStreamGetCaptureInfo(
    cudaStream_t stream, enum cudaStreamCaptureStatus *captureStatus_out,
    unsigned long long *id_out, cudaGraph_t *graph_out, const cudaGraphNode_t **dependencies_out,
    const cudaGraphEdgeData **edgeData_out, size_t *numDependencies_out) {
  if (edgeData_out != 0)
    *edgeData_out = 0; /* all default edges */
  return ::cudaStreamGetCaptureInfo(stream, captureStatus_out, id_out, graph_out, dependencies_out,
                                    numDependencies_out);
}
static __inline__ __host__ cudaError_t cudaStreamUpdateCaptureDependencies(
    cudaStream_t stream, cudaGraphNode_t *dependencies, const cudaGraphEdgeData *dependencyData,
    size_t numDependencies, unsigned int flags) {
  if (!cuclDefaultEdges(dependencyData, numDependencies))
    return cudaErrorNotSupported;
  return ::cudaStreamUpdateCaptureDependencies(stream, dependencies, numDependencies, flags);
}

/* CUDA 13 spells prefetch and advice with a cudaMemLocation only. */
static __inline__ __host__ cudaError_t cudaMemPrefetchAsync(const void *devPtr, size_t count,
                                                            struct cudaMemLocation location,
                                                            unsigned int flags,
                                                            cudaStream_t stream = 0) {
  return ::cudaMemPrefetchAsync_v2(devPtr, count, location, flags, stream);
}
static __inline__ __host__ cudaError_t cudaMemAdvise(const void *devPtr, size_t count,
                                                     enum cudaMemoryAdvise advice,
                                                     struct cudaMemLocation location) {
  return ::cudaMemAdvise_v2(devPtr, count, advice, location);
}

template <class T>
static __inline__ __host__ cudaError_t cudaMallocAsync(T **devPtr, size_t size,
                                                       cudaStream_t stream) {
  return ::cudaMallocAsync(reinterpret_cast<void **>(devPtr), size, stream);
}
template <class T>
static __inline__ __host__ cudaError_t cudaMallocAsync(T **devPtr, size_t size,
                                                       cudaMemPool_t memPool, cudaStream_t stream) {
  return ::cudaMallocFromPoolAsync(reinterpret_cast<void **>(devPtr), size, memPool, stream);
}
template <class T>
static __inline__ __host__ cudaError_t cudaMallocFromPoolAsync(T **devPtr, size_t size,
                                                               cudaMemPool_t memPool,
                                                               cudaStream_t stream) {
  return ::cudaMallocFromPoolAsync(reinterpret_cast<void **>(devPtr), size, memPool, stream);
}

template <class T>
static __inline__ __host__ cudaError_t cudaMallocManaged(T **devPtr, size_t size,
                                                         unsigned int flags = cudaMemAttachGlobal) {
  return ::cudaMallocManaged(reinterpret_cast<void **>(devPtr), size, flags);
}

/* The symbol calls take the device variable itself, as in CUDA. */
template <class T>
static __inline__ __host__ cudaError_t
cudaMemcpyToSymbol(const T &symbol, const void *src, size_t count, size_t offset = 0,
                   enum cudaMemcpyKind kind = cudaMemcpyHostToDevice) {
  return ::cudaMemcpyToSymbol((const void *)&symbol, src, count, offset, kind);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaMemcpyFromSymbol(void *dst, const T &symbol, size_t count, size_t offset = 0,
                     enum cudaMemcpyKind kind = cudaMemcpyDeviceToHost) {
  return ::cudaMemcpyFromSymbol(dst, (const void *)&symbol, count, offset, kind);
}

template <class T>
static __inline__ __host__ cudaError_t cudaMemcpyToSymbolAsync(
    const T &symbol, const void *src, size_t count, size_t offset = 0,
    enum cudaMemcpyKind kind = cudaMemcpyHostToDevice, cudaStream_t stream = 0) {
  return ::cudaMemcpyToSymbolAsync((const void *)&symbol, src, count, offset, kind, stream);
}

template <class T>
static __inline__ __host__ cudaError_t cudaMemcpyFromSymbolAsync(
    void *dst, const T &symbol, size_t count, size_t offset = 0,
    enum cudaMemcpyKind kind = cudaMemcpyDeviceToHost, cudaStream_t stream = 0) {
  return ::cudaMemcpyFromSymbolAsync(dst, (const void *)&symbol, count, offset, kind, stream);
}

template <class T>
static __inline__ __host__ cudaError_t cudaGraphAddMemcpyNodeToSymbol(
    cudaGraphNode_t *pGraphNode, cudaGraph_t graph, const cudaGraphNode_t *pDependencies,
    size_t numDependencies, const T &symbol, const void *src, size_t count, size_t offset,
    enum cudaMemcpyKind kind) {
  return ::cudaGraphAddMemcpyNodeToSymbol(pGraphNode, graph, pDependencies, numDependencies,
                                          (const void *)&symbol, src, count, offset, kind);
}

template <class T>
static __inline__ __host__ cudaError_t cudaGraphAddMemcpyNodeFromSymbol(
    cudaGraphNode_t *pGraphNode, cudaGraph_t graph, const cudaGraphNode_t *pDependencies,
    size_t numDependencies, void *dst, const T &symbol, size_t count, size_t offset,
    enum cudaMemcpyKind kind) {
  return ::cudaGraphAddMemcpyNodeFromSymbol(pGraphNode, graph, pDependencies, numDependencies, dst,
                                            (const void *)&symbol, count, offset, kind);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaGraphMemcpyNodeSetParamsToSymbol(cudaGraphNode_t node, const T &symbol, const void *src,
                                     size_t count, size_t offset, enum cudaMemcpyKind kind) {
  return ::cudaGraphMemcpyNodeSetParamsToSymbol(node, (const void *)&symbol, src, count, offset,
                                                kind);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaGraphMemcpyNodeSetParamsFromSymbol(cudaGraphNode_t node, void *dst, const T &symbol,
                                       size_t count, size_t offset, enum cudaMemcpyKind kind) {
  return ::cudaGraphMemcpyNodeSetParamsFromSymbol(node, dst, (const void *)&symbol, count, offset,
                                                  kind);
}

template <class T>
static __inline__ __host__ cudaError_t cudaGraphExecMemcpyNodeSetParamsToSymbol(
    cudaGraphExec_t hGraphExec, cudaGraphNode_t node, const T &symbol, const void *src,
    size_t count, size_t offset, enum cudaMemcpyKind kind) {
  return ::cudaGraphExecMemcpyNodeSetParamsToSymbol(hGraphExec, node, (const void *)&symbol, src,
                                                    count, offset, kind);
}

template <class T>
static __inline__ __host__ cudaError_t cudaGraphExecMemcpyNodeSetParamsFromSymbol(
    cudaGraphExec_t hGraphExec, cudaGraphNode_t node, void *dst, const T &symbol, size_t count,
    size_t offset, enum cudaMemcpyKind kind) {
  return ::cudaGraphExecMemcpyNodeSetParamsFromSymbol(hGraphExec, node, dst, (const void *)&symbol,
                                                      count, offset, kind);
}

template <class T>
static __inline__ __host__ cudaError_t cudaGetSymbolAddress(void **devPtr, const T &symbol) {
  return ::cudaGetSymbolAddress(devPtr, (const void *)&symbol);
}

template <class T>
static __inline__ __host__ cudaError_t cudaGetSymbolSize(size_t *size, const T &symbol) {
  return ::cudaGetSymbolSize(size, (const void *)&symbol);
}

template <class T>
static __inline__ __host__ cudaError_t cudaMallocPitch(T **devPtr, size_t *pitch, size_t width,
                                                       size_t height) {
  return ::cudaMallocPitch(reinterpret_cast<void **>(devPtr), pitch, width, height);
}

template <class T>
static __inline__ __host__ cudaError_t cudaFuncSetAttribute(T *entry, enum cudaFuncAttribute attr,
                                                            int value) {
  return ::cudaFuncSetAttribute(reinterpret_cast<const void *>(entry), attr, value);
}

template <class T>
static __inline__ __host__ cudaError_t cudaFuncSetCacheConfig(T *func,
                                                              enum cudaFuncCache cacheConfig) {
  return ::cudaFuncSetCacheConfig(reinterpret_cast<const void *>(func), cacheConfig);
}

template <class T>
static __inline__ __host__ cudaError_t cudaOccupancyAvailableDynamicSMemPerBlock(
    size_t *dynamicSmemSize, T func, int numBlocks, int blockSize) {
  return ::cudaOccupancyAvailableDynamicSMemPerBlock(
      dynamicSmemSize, reinterpret_cast<const void *>(func), numBlocks, blockSize);
}
template <class T>
static __inline__ __host__ cudaError_t cudaFuncGetName(const char **name, T *func) {
  return ::cudaFuncGetName(name, reinterpret_cast<const void *>(func));
}

template <class T>
static __inline__ __host__ cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessor(
    int *numBlocks, T func, int blockSize, size_t dynamicSMemSize) {
  return ::cudaOccupancyMaxActiveBlocksPerMultiprocessor(
      numBlocks, reinterpret_cast<const void *>(func), blockSize, dynamicSMemSize);
}

/* The block size with the highest occupancy for `func` (largest wins ties)
 * and the grid size that fills the device with it. */
template <class T>
static __inline__ __host__ cudaError_t cudaOccupancyMaxPotentialBlockSize(
    int *minGridSize, int *blockSize, T func, size_t dynamicSMemSize = 0, int blockSizeLimit = 0) {
  if (minGridSize == 0 || blockSize == 0)
    return cudaErrorInvalidValue;
  struct cudaFuncAttributes attributes;
  cudaError_t status = ::cudaFuncGetAttributes(&attributes, reinterpret_cast<const void *>(func));
  if (status != cudaSuccess)
    return status;
  int device = 0, multiprocessors = 0;
  if ((status = ::cudaGetDevice(&device)) != cudaSuccess ||
      (status = ::cudaDeviceGetAttribute(&multiprocessors, cudaDevAttrMultiProcessorCount,
                                         device)) != cudaSuccess)
    return status;
  int limit = attributes.maxThreadsPerBlock;
  if (blockSizeLimit > 0 && blockSizeLimit < limit)
    limit = blockSizeLimit;
  int bestBlock = 0, bestThreads = 0, bestBlocks = 0;
  for (int candidate = limit; candidate > 0; candidate -= (candidate > 32 ? 32 : candidate)) {
    int blocks = 0;
    status = ::cudaOccupancyMaxActiveBlocksPerMultiprocessor(
        &blocks, reinterpret_cast<const void *>(func), candidate, dynamicSMemSize);
    if (status != cudaSuccess)
      return status;
    if (blocks * candidate > bestThreads) {
      bestThreads = blocks * candidate;
      bestBlock = candidate;
      bestBlocks = blocks;
    }
  }
  *blockSize = bestBlock;
  *minGridSize = bestBlocks * multiprocessors;
  return cudaSuccess;
}

static __inline__ __host__ cudaError_t cudaEventCreate(cudaEvent_t *event, unsigned int flags) {
  return ::cudaEventCreateWithFlags(event, flags);
}

#if defined(__CUDACC__) || defined(__CUDA__)
/* Legacy texture references passed as the texture itself; without a
 * descriptor, the texture's own channelDesc (or the array's format). */
template <class T, int dim, enum cudaTextureReadMode readMode>
static __inline__ __host__ cudaError_t cudaBindTexture(size_t *offset,
                                                       const struct texture<T, dim, readMode> &tex,
                                                       const void *devPtr,
                                                       const struct cudaChannelFormatDesc &desc,
                                                       size_t size = 0xffffffffu) {
  return ::cudaBindTexture(offset, &tex, devPtr, &desc, size);
}

template <class T, int dim, enum cudaTextureReadMode readMode>
static __inline__ __host__ cudaError_t cudaBindTexture(size_t *offset,
                                                       const struct texture<T, dim, readMode> &tex,
                                                       const void *devPtr,
                                                       size_t size = 0xffffffffu) {
  return ::cudaBindTexture(offset, &tex, devPtr, &tex.channelDesc, size);
}

template <class T, int dim, enum cudaTextureReadMode readMode>
static __inline__ __host__ cudaError_t cudaBindTexture2D(
    size_t *offset, const struct texture<T, dim, readMode> &tex, const void *devPtr,
    const struct cudaChannelFormatDesc &desc, size_t width, size_t height, size_t pitch) {
  return ::cudaBindTexture2D(offset, &tex, devPtr, &desc, width, height, pitch);
}

template <class T, int dim, enum cudaTextureReadMode readMode>
static __inline__ __host__ cudaError_t
cudaBindTexture2D(size_t *offset, const struct texture<T, dim, readMode> &tex, const void *devPtr,
                  size_t width, size_t height, size_t pitch) {
  return ::cudaBindTexture2D(offset, &tex, devPtr, &tex.channelDesc, width, height, pitch);
}

template <class T, int dim, enum cudaTextureReadMode readMode>
static __inline__ __host__ cudaError_t
cudaBindTextureToArray(const struct texture<T, dim, readMode> &tex, cudaArray_const_t array,
                       const struct cudaChannelFormatDesc &desc) {
  return ::cudaBindTextureToArray(&tex, array, &desc);
}

template <class T, int dim, enum cudaTextureReadMode readMode>
static __inline__ __host__ cudaError_t
cudaBindTextureToArray(const struct texture<T, dim, readMode> &tex, cudaArray_const_t array) {
  struct cudaChannelFormatDesc desc;
  cudaError_t status = ::cudaGetChannelDesc(&desc, array);
  return status == cudaSuccess ? ::cudaBindTextureToArray(&tex, array, &desc) : status;
}

template <class T, int dim, enum cudaTextureReadMode readMode>
static __inline__ __host__ cudaError_t cudaBindTextureToMipmappedArray(
    const struct texture<T, dim, readMode> &tex, cudaMipmappedArray_const_t mipmappedArray,
    const struct cudaChannelFormatDesc &desc) {
  return ::cudaBindTextureToMipmappedArray(&tex, mipmappedArray, &desc);
}

template <class T, int dim, enum cudaTextureReadMode readMode>
static __inline__ __host__ cudaError_t cudaBindTextureToMipmappedArray(
    const struct texture<T, dim, readMode> &tex, cudaMipmappedArray_const_t mipmappedArray) {
  cudaArray_t levelArray;
  struct cudaChannelFormatDesc desc;
  cudaError_t status = ::cudaGetMipmappedArrayLevel(&levelArray, mipmappedArray, 0);
  if (status == cudaSuccess)
    status = ::cudaGetChannelDesc(&desc, levelArray);
  return status == cudaSuccess ? ::cudaBindTextureToMipmappedArray(&tex, mipmappedArray, &desc)
                               : status;
}

template <class T, int dim, enum cudaTextureReadMode readMode>
static __inline__ __host__ cudaError_t
cudaUnbindTexture(const struct texture<T, dim, readMode> &tex) {
  return ::cudaUnbindTexture(&tex);
}

template <class T, int dim, enum cudaTextureReadMode readMode>
static __inline__ __host__ cudaError_t
cudaGetTextureAlignmentOffset(size_t *offset, const struct texture<T, dim, readMode> &tex) {
  return ::cudaGetTextureAlignmentOffset(offset, &tex);
}
#endif /* __CUDACC__ || __CUDA__ */

#endif /* __cplusplus */

#if defined(__clang__) && defined(__CUDA__)
#include "cucl/device/device_runtime.h" /* translator-only device declarations */
#endif

#endif /* __CUDA_RUNTIME_H__ */
