// CUDA graphs (core/graph.h, core/graph_exec.h, core/stream_capture.h):
// stream capture in its three modes and across streams, the node API, edges
// and queries, cloning, instantiation and replay (1,000 times, checked),
// changes to executable graphs, whole-graph update, and what capture forbids.
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

#include "test_kernels.h"

using namespace test_kernels;

namespace {

class Graph : public ::testing::Test {
protected:
  void SetUp() override {
    registerAll();
    cudaGetLastError();
    ASSERT_EQ(cudaSuccess, cudaStreamCreate(&stream));
  }
  void TearDown() override {
    cudaStreamDestroy(stream);
    cudaGetLastError();
  }
  cudaStream_t stream = nullptr;
};

constexpr int kN = 256;

cudaError_t launchAddOne(int *p, int n, cudaStream_t stream) {
  void *args[] = {&p, &n};
  return cudaLaunchKernel(&test_kernels::addOne, dim3((n + 63) / 64), dim3(64), args, 0, stream);
}

cudaKernelNodeParams addOneParams(int **p, int *n) {
  static thread_local void *args[2];
  args[0] = p;
  args[1] = n;
  cudaKernelNodeParams params{};
  params.func = const_cast<char *>(&test_kernels::addOne);
  params.gridDim = dim3((*n + 63) / 64);
  params.blockDim = dim3(64);
  params.kernelParams = args;
  return params;
}

void CUDART_CB countCall(void *counter) {
  ++*static_cast<std::atomic<int> *>(counter);
}

std::vector<int> download(const int *device, int n) {
  std::vector<int> host(n, -1);
  EXPECT_EQ(cudaSuccess, cudaMemcpy(host.data(), device, n * sizeof(int), cudaMemcpyDeviceToHost));
  return host;
}

// Captures: clear, three increments, copy out, a host function counting runs.
TEST_F(Graph, CapturedWorkReplaysAThousandTimes) {
  int *d = nullptr, *total = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&d, kN * sizeof(int)));
  ASSERT_EQ(cudaSuccess, cudaMalloc(&total, kN * sizeof(int)));
  ASSERT_EQ(cudaSuccess, cudaMemset(total, 0, kN * sizeof(int)));
  int *pinned = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMallocHost(&pinned, kN * sizeof(int)));
  std::atomic<int> runs{0};

  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeGlobal));
  ASSERT_EQ(cudaSuccess, cudaMemsetAsync(d, 0, kN * sizeof(int), stream));
  for (int i = 0; i < 3; ++i)
    ASSERT_EQ(cudaSuccess, launchAddOne(d, kN, stream));
  ASSERT_EQ(cudaSuccess, launchAddOne(total, kN, stream)); // never cleared: counts replays
  ASSERT_EQ(cudaSuccess,
            cudaMemcpyAsync(pinned, d, kN * sizeof(int), cudaMemcpyDeviceToHost, stream));
  ASSERT_EQ(cudaSuccess, cudaLaunchHostFunc(stream, countCall, &runs));
  cudaGraph_t graph = nullptr;
  ASSERT_EQ(cudaSuccess, cudaStreamEndCapture(stream, &graph));
  ASSERT_NE(nullptr, graph);
  EXPECT_EQ(0, runs.load()) << "captured work must not run";
  EXPECT_EQ(std::vector<int>(kN, 0), download(total, kN));

  size_t nodes = 0;
  ASSERT_EQ(cudaSuccess, cudaGraphGetNodes(graph, nullptr, &nodes));
  EXPECT_EQ(7u, nodes);
  size_t edges = 0;
  ASSERT_EQ(cudaSuccess, cudaGraphGetEdges(graph, nullptr, nullptr, &edges));
  EXPECT_EQ(6u, edges); // a chain

  cudaGraphExec_t exec = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphInstantiate(&exec, graph, 0));
  for (int replay = 1; replay <= 1000; ++replay) {
    ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));
    if (replay % 250 == 0) {
      ASSERT_EQ(cudaSuccess, cudaStreamSynchronize(stream));
      for (int i = 0; i < kN; ++i)
        ASSERT_EQ(3, pinned[i]) << "replay " << replay << ", element " << i;
      EXPECT_EQ(replay, runs.load());
      EXPECT_EQ(std::vector<int>(kN, replay), download(total, kN));
    }
  }
  EXPECT_EQ(cudaSuccess, cudaGraphExecDestroy(exec));
  EXPECT_EQ(cudaSuccess, cudaGraphDestroy(graph));
  cudaFree(d);
  cudaFree(total);
  cudaFreeHost(pinned);
}

TEST_F(Graph, NodesEdgesAndQueries) {
  int *d = nullptr;
  int n = kN;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&d, kN * sizeof(int)));
  std::vector<int> host(kN, 0);
  std::atomic<int> runs{0};
  cudaGraph_t graph = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphCreate(&graph, 0));

  // fill(7) -> {add, add} -> join (empty) -> copy out -> host
  cudaMemsetParams fill{};
  fill.dst = d;
  fill.value = 7;
  fill.elementSize = 4;
  fill.width = kN;
  fill.height = 1;
  cudaGraphNode_t memsetNode, addA, addB, join, copyNode, hostNode;
  ASSERT_EQ(cudaSuccess, cudaGraphAddMemsetNode(&memsetNode, graph, nullptr, 0, &fill));
  cudaKernelNodeParams add = addOneParams(&d, &n);
  ASSERT_EQ(cudaSuccess, cudaGraphAddKernelNode(&addA, graph, &memsetNode, 1, &add));
  ASSERT_EQ(cudaSuccess, cudaGraphAddKernelNode(&addB, graph, &memsetNode, 1, &add));
  cudaGraphNode_t both[] = {addA, addB};
  ASSERT_EQ(cudaSuccess, cudaGraphAddEmptyNode(&join, graph, both, 2));
  ASSERT_EQ(cudaSuccess, cudaGraphAddMemcpyNode1D(&copyNode, graph, &join, 1, host.data(), d,
                                                  kN * sizeof(int), cudaMemcpyDeviceToHost));
  cudaHostNodeParams hostParams{countCall, &runs};
  ASSERT_EQ(cudaSuccess, cudaGraphAddHostNode(&hostNode, graph, &copyNode, 1, &hostParams));

  cudaGraphNodeType type{};
  ASSERT_EQ(cudaSuccess, cudaGraphNodeGetType(join, &type));
  EXPECT_EQ(cudaGraphNodeTypeEmpty, type);
  ASSERT_EQ(cudaSuccess, cudaGraphNodeGetType(copyNode, &type));
  EXPECT_EQ(cudaGraphNodeTypeMemcpy, type);

  size_t count = 0;
  ASSERT_EQ(cudaSuccess, cudaGraphGetRootNodes(graph, nullptr, &count));
  ASSERT_EQ(1u, count);
  cudaGraphNode_t root = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphGetRootNodes(graph, &root, &count));
  EXPECT_EQ(memsetNode, root);
  ASSERT_EQ(cudaSuccess, cudaGraphGetEdges(graph, nullptr, nullptr, &count));
  ASSERT_EQ(6u, count);
  std::vector<cudaGraphNode_t> from(count), to(count);
  ASSERT_EQ(cudaSuccess, cudaGraphGetEdges(graph, from.data(), to.data(), &count));
  int intoJoin = 0;
  for (size_t i = 0; i < count; ++i)
    intoJoin += to[i] == join && (from[i] == addA || from[i] == addB);
  EXPECT_EQ(2, intoJoin);
  ASSERT_EQ(cudaSuccess, cudaGraphNodeGetDependentNodes(memsetNode, nullptr, &count));
  EXPECT_EQ(2u, count);
  cudaGraphNode_t deps[2] = {};
  count = 2;
  ASSERT_EQ(cudaSuccess, cudaGraphNodeGetDependencies(join, deps, &count));
  EXPECT_EQ(2u, count);
  EXPECT_EQ(addA, deps[0]);
  EXPECT_EQ(addB, deps[1]);

  cudaKernelNodeParams readBack{};
  ASSERT_EQ(cudaSuccess, cudaGraphKernelNodeGetParams(addA, &readBack));
  EXPECT_EQ(add.func, readBack.func);
  EXPECT_EQ(add.gridDim.x, readBack.gridDim.x);
  EXPECT_EQ(d, *static_cast<int **>(readBack.kernelParams[0]));
  EXPECT_EQ(kN, *static_cast<int *>(readBack.kernelParams[1]));
  cudaMemsetParams fillBack{};
  ASSERT_EQ(cudaSuccess, cudaGraphMemsetNodeGetParams(memsetNode, &fillBack));
  EXPECT_EQ(7u, fillBack.value);
  cudaMemcpy3DParms copyBack{};
  ASSERT_EQ(cudaSuccess, cudaGraphMemcpyNodeGetParams(copyNode, &copyBack));
  EXPECT_EQ(host.data(), copyBack.dstPtr.ptr);
  EXPECT_EQ(kN * sizeof(int), copyBack.extent.width);

  cudaGraphExec_t exec = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphInstantiate(&exec, graph, 0));
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));
  ASSERT_EQ(cudaSuccess, cudaStreamSynchronize(stream));
  EXPECT_EQ(std::vector<int>(kN, 9), host);
  EXPECT_EQ(1, runs.load());

  // A clone is independent of its original.
  cudaGraph_t copy = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphClone(&copy, graph));
  cudaGraphNode_t addAInCopy = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphNodeFindInClone(&addAInCopy, addA, copy));
  ASSERT_NE(addA, addAInCopy);
  ASSERT_EQ(cudaSuccess, cudaGraphDestroyNode(addAInCopy));
  ASSERT_EQ(cudaSuccess, cudaGraphGetNodes(copy, nullptr, &count));
  EXPECT_EQ(5u, count);
  ASSERT_EQ(cudaSuccess, cudaGraphGetNodes(graph, nullptr, &count));
  EXPECT_EQ(6u, count);
  cudaGraphExec_t copyExec = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphInstantiate(&copyExec, copy, 0));
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(copyExec, stream));
  ASSERT_EQ(cudaSuccess, cudaStreamSynchronize(stream));
  EXPECT_EQ(std::vector<int>(kN, 8), host);

  // Edges can be removed and added again.
  ASSERT_EQ(cudaSuccess, cudaGraphRemoveDependencies(graph, &addA, &join, 1));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphRemoveDependencies(graph, &addA, &join, 1));
  ASSERT_EQ(cudaSuccess, cudaGraphAddDependencies(graph, &addA, &join, 1));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphAddDependencies(graph, &addA, &join, 1));

  cudaGraphExecDestroy(copyExec);
  cudaGraphExecDestroy(exec);
  cudaGraphDestroy(copy);
  cudaGraphDestroy(graph);
  cudaFree(d);
}

TEST_F(Graph, ExecutableGraphParametersChangeBetweenLaunches) {
  int *a = nullptr, *b = nullptr;
  int n = kN;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&a, kN * sizeof(int)));
  ASSERT_EQ(cudaSuccess, cudaMalloc(&b, kN * sizeof(int)));
  ASSERT_EQ(cudaSuccess, cudaMemset(a, 0, kN * sizeof(int)));
  ASSERT_EQ(cudaSuccess, cudaMemset(b, 0, kN * sizeof(int)));
  cudaGraph_t graph = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphCreate(&graph, 0));
  cudaKernelNodeParams params = addOneParams(&a, &n);
  cudaGraphNode_t kernel = nullptr, fill = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphAddKernelNode(&kernel, graph, nullptr, 0, &params));
  cudaGraphExec_t exec = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphInstantiate(&exec, graph, 0));
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));

  // Another pointer and a smaller n: only b's first half moves.
  int half = kN / 2;
  cudaKernelNodeParams changed = addOneParams(&b, &half);
  ASSERT_EQ(cudaSuccess, cudaGraphExecKernelNodeSetParams(exec, kernel, &changed));
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));
  ASSERT_EQ(cudaSuccess, cudaStreamSynchronize(stream));
  EXPECT_EQ(std::vector<int>(kN, 1), download(a, kN));
  std::vector<int> expected(kN, 0);
  std::fill(expected.begin(), expected.begin() + half, 2);
  EXPECT_EQ(expected, download(b, kN));

  // Disabled, the node does nothing; enabled again, it runs.
  unsigned enabled = 0;
  ASSERT_EQ(cudaSuccess, cudaGraphNodeSetEnabled(exec, kernel, 0));
  ASSERT_EQ(cudaSuccess, cudaGraphNodeGetEnabled(exec, kernel, &enabled));
  EXPECT_EQ(0u, enabled);
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));
  ASSERT_EQ(cudaSuccess, cudaGraphNodeSetEnabled(exec, kernel, 1));
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));
  ASSERT_EQ(cudaSuccess, cudaStreamSynchronize(stream));
  std::fill(expected.begin(), expected.begin() + half, 3);
  EXPECT_EQ(expected, download(b, kN));

  // Bad changes leave the node as it was.
  cudaKernelNodeParams bad = changed;
  bad.blockDim = dim3(0);
  EXPECT_EQ(cudaErrorInvalidConfiguration, cudaGraphExecKernelNodeSetParams(exec, kernel, &bad));
  int *foreign = reinterpret_cast<int *>(0x10);
  cudaKernelNodeParams badPointer = addOneParams(&foreign, &half);
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphExecKernelNodeSetParams(exec, kernel, &badPointer));
  cudaMemsetParams fillParams{a, 0, 5, 4, static_cast<size_t>(kN), 1};
  ASSERT_EQ(cudaSuccess, cudaGraphAddMemsetNode(&fill, graph, nullptr, 0, &fillParams));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphExecKernelNodeSetParams(exec, fill, &changed))
      << "a node added after instantiation is not in the executable graph";
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));
  ASSERT_EQ(cudaSuccess, cudaStreamSynchronize(stream));
  std::fill(expected.begin(), expected.begin() + half, 4);
  EXPECT_EQ(expected, download(b, kN));

  cudaGraphExecDestroy(exec);
  cudaGraphDestroy(graph);
  cudaFree(a);
  cudaFree(b);
}

// Re-captured work with other arguments updates the executable graph in
// place; work of another shape is refused with the reason.
TEST_F(Graph, ExecUpdateTakesNewParametersOfTheSameShape) {
  int *a = nullptr, *b = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&a, kN * sizeof(int)));
  ASSERT_EQ(cudaSuccess, cudaMalloc(&b, kN * sizeof(int)));
  auto capture = [&](int *target, int launches) {
    cudaGraph_t graph = nullptr;
    EXPECT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeThreadLocal));
    EXPECT_EQ(cudaSuccess, cudaMemsetAsync(target, 0, kN * sizeof(int), stream));
    for (int i = 0; i < launches; ++i)
      EXPECT_EQ(cudaSuccess, launchAddOne(target, kN, stream));
    EXPECT_EQ(cudaSuccess, cudaStreamEndCapture(stream, &graph));
    return graph;
  };
  cudaGraph_t first = capture(a, 2);
  cudaGraphExec_t exec = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphInstantiate(&exec, first, 0));
  cudaGraph_t second = capture(b, 2);
  cudaGraphExecUpdateResultInfo info{};
  ASSERT_EQ(cudaSuccess, cudaGraphExecUpdate(exec, second, &info));
  EXPECT_EQ(cudaGraphExecUpdateSuccess, info.result);
  ASSERT_EQ(cudaSuccess, cudaMemset(a, 0x7f, kN * sizeof(int)));
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));
  ASSERT_EQ(cudaSuccess, cudaStreamSynchronize(stream));
  EXPECT_EQ(std::vector<int>(kN, 2), download(b, kN));
  EXPECT_EQ(std::vector<int>(kN, 0x7f7f7f7f), download(a, kN));

  cudaGraph_t longer = capture(a, 3);
  EXPECT_EQ(cudaErrorGraphExecUpdateFailure, cudaGraphExecUpdate(exec, longer, &info));
  EXPECT_EQ(cudaGraphExecUpdateErrorTopologyChanged, info.result);
  // Still the updated graph.
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));
  ASSERT_EQ(cudaSuccess, cudaStreamSynchronize(stream));
  EXPECT_EQ(std::vector<int>(kN, 0x7f7f7f7f), download(a, kN));

  cudaGraph_t other = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphCreate(&other, 0));
  cudaGraphNode_t e1, e2, e3; // the same chain of three, of other types
  ASSERT_EQ(cudaSuccess, cudaGraphAddEmptyNode(&e1, other, nullptr, 0));
  ASSERT_EQ(cudaSuccess, cudaGraphAddEmptyNode(&e2, other, &e1, 1));
  ASSERT_EQ(cudaSuccess, cudaGraphAddEmptyNode(&e3, other, &e2, 1));
  EXPECT_EQ(cudaErrorGraphExecUpdateFailure, cudaGraphExecUpdate(exec, other, &info));
  EXPECT_EQ(cudaGraphExecUpdateErrorNodeTypeChanged, info.result);
  EXPECT_EQ(e1, info.errorNode);

  for (cudaGraph_t g : {first, second, longer, other})
    cudaGraphDestroy(g);
  cudaGraphExecDestroy(exec);
  cudaFree(a);
  cudaFree(b);
}

// side waits for main's event, both work, main waits for side: one graph.
TEST_F(Graph, CaptureForksAndJoinsStreamsThroughEvents) {
  cudaStream_t side = nullptr;
  cudaEvent_t forked = nullptr, joined = nullptr;
  ASSERT_EQ(cudaSuccess, cudaStreamCreateWithFlags(&side, cudaStreamNonBlocking));
  ASSERT_EQ(cudaSuccess, cudaEventCreateWithFlags(&forked, cudaEventDisableTiming));
  ASSERT_EQ(cudaSuccess, cudaEventCreateWithFlags(&joined, cudaEventDisableTiming));
  int *a = nullptr, *b = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&a, kN * sizeof(int)));
  ASSERT_EQ(cudaSuccess, cudaMalloc(&b, kN * sizeof(int)));
  ASSERT_EQ(cudaSuccess, cudaMemset(a, 0, kN * sizeof(int)));
  ASSERT_EQ(cudaSuccess, cudaMemset(b, 0, kN * sizeof(int)));

  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeGlobal));
  ASSERT_EQ(cudaSuccess, launchAddOne(a, kN, stream));
  ASSERT_EQ(cudaSuccess, cudaEventRecord(forked, stream));
  EXPECT_EQ(cudaErrorCapturedEvent, cudaEventQuery(forked));
  ASSERT_EQ(cudaSuccess, cudaStreamWaitEvent(side, forked, 0));
  cudaStreamCaptureStatus status{};
  ASSERT_EQ(cudaSuccess, cudaStreamIsCapturing(side, &status));
  EXPECT_EQ(cudaStreamCaptureStatusActive, status);
  unsigned long long mainId = 0, sideId = 0;
  cudaGraph_t capturing = nullptr;
  const cudaGraphNode_t *deps = nullptr;
  size_t numDeps = 0;
  ASSERT_EQ(cudaSuccess,
            cudaStreamGetCaptureInfo(stream, &status, &mainId, &capturing, &deps, &numDeps));
  EXPECT_EQ(1u, numDeps);
  ASSERT_EQ(cudaSuccess, cudaStreamGetCaptureInfo(side, &status, &sideId));
  EXPECT_EQ(mainId, sideId);
  ASSERT_EQ(cudaSuccess, launchAddOne(b, kN, side));
  ASSERT_EQ(cudaSuccess, launchAddOne(b, kN, side));
  ASSERT_EQ(cudaSuccess, launchAddOne(a, kN, stream));
  ASSERT_EQ(cudaSuccess, cudaEventRecord(joined, side));
  ASSERT_EQ(cudaSuccess, cudaStreamWaitEvent(stream, joined, 0));
  cudaGraph_t graph = nullptr;
  ASSERT_EQ(cudaSuccess, cudaStreamEndCapture(stream, &graph));
  ASSERT_EQ(cudaSuccess, cudaStreamIsCapturing(side, &status));
  EXPECT_EQ(cudaStreamCaptureStatusNone, status);

  size_t roots = 0, nodes = 0;
  ASSERT_EQ(cudaSuccess, cudaGraphGetRootNodes(graph, nullptr, &roots));
  ASSERT_EQ(cudaSuccess, cudaGraphGetNodes(graph, nullptr, &nodes));
  EXPECT_EQ(1u, roots);
  EXPECT_EQ(4u, nodes);
  cudaGraphExec_t exec = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphInstantiate(&exec, graph, 0));
  for (int i = 0; i < 10; ++i)
    ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, side)); // any stream of the device
  ASSERT_EQ(cudaSuccess, cudaStreamSynchronize(side));
  EXPECT_EQ(std::vector<int>(kN, 20), download(a, kN));
  EXPECT_EQ(std::vector<int>(kN, 20), download(b, kN));

  // A fork that never joins back.
  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeGlobal));
  ASSERT_EQ(cudaSuccess, cudaEventRecord(forked, stream));
  ASSERT_EQ(cudaSuccess, cudaStreamWaitEvent(side, forked, 0));
  ASSERT_EQ(cudaSuccess, launchAddOne(b, kN, side));
  cudaGraph_t unjoined = nullptr;
  EXPECT_EQ(cudaErrorStreamCaptureUnjoined, cudaStreamEndCapture(stream, &unjoined));
  EXPECT_EQ(nullptr, unjoined);
  ASSERT_EQ(cudaSuccess, cudaStreamIsCapturing(side, &status));
  EXPECT_EQ(cudaStreamCaptureStatusNone, status);
  cudaGetLastError();

  cudaGraphExecDestroy(exec);
  cudaGraphDestroy(graph);
  cudaEventDestroy(forked);
  cudaEventDestroy(joined);
  cudaStreamDestroy(side);
  cudaFree(a);
  cudaFree(b);
}

TEST_F(Graph, ChildGraphsAndCapturedGraphLaunches) {
  int *d = nullptr;
  int n = kN;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&d, kN * sizeof(int)));
  ASSERT_EQ(cudaSuccess, cudaMemset(d, 0, kN * sizeof(int)));
  cudaGraph_t inner = nullptr, outer = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphCreate(&inner, 0));
  cudaKernelNodeParams add = addOneParams(&d, &n);
  cudaGraphNode_t k1, k2, child, after;
  ASSERT_EQ(cudaSuccess, cudaGraphAddKernelNode(&k1, inner, nullptr, 0, &add));
  ASSERT_EQ(cudaSuccess, cudaGraphAddKernelNode(&k2, inner, &k1, 1, &add));
  ASSERT_EQ(cudaSuccess, cudaGraphCreate(&outer, 0));
  ASSERT_EQ(cudaSuccess, cudaGraphAddChildGraphNode(&child, outer, nullptr, 0, inner));
  ASSERT_EQ(cudaSuccess, cudaGraphAddKernelNode(&after, outer, &child, 1, &add));
  cudaGraph_t embedded = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphChildGraphNodeGetGraph(child, &embedded));
  size_t count = 0;
  ASSERT_EQ(cudaSuccess, cudaGraphGetNodes(embedded, nullptr, &count));
  EXPECT_EQ(2u, count);
  cudaGraphExec_t exec = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphInstantiate(&exec, outer, 0));
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));
  ASSERT_EQ(cudaSuccess, cudaStreamSynchronize(stream));
  EXPECT_EQ(std::vector<int>(kN, 3), download(d, kN));

  // Launching an executable graph into a capture embeds it.
  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeGlobal));
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));
  cudaGraph_t captured = nullptr;
  ASSERT_EQ(cudaSuccess, cudaStreamEndCapture(stream, &captured));
  cudaGraphNode_t first = nullptr;
  count = 1;
  ASSERT_EQ(cudaSuccess, cudaGraphGetRootNodes(captured, &first, &count));
  cudaGraphNodeType type{};
  ASSERT_EQ(cudaSuccess, cudaGraphNodeGetType(first, &type));
  EXPECT_EQ(cudaGraphNodeTypeGraph, type);
  cudaGraphExec_t twice = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphInstantiate(&twice, captured, 0));
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(twice, stream));
  ASSERT_EQ(cudaSuccess, cudaStreamSynchronize(stream));
  EXPECT_EQ(std::vector<int>(kN, 9), download(d, kN));

  cudaGraphExecDestroy(twice);
  cudaGraphExecDestroy(exec);
  for (cudaGraph_t g : {inner, outer, captured})
    cudaGraphDestroy(g);
  cudaFree(d);
}

TEST_F(Graph, EventNodesOrderOtherStreams) {
  int *d = nullptr;
  int n = kN;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&d, kN * sizeof(int)));
  ASSERT_EQ(cudaSuccess, cudaMemset(d, 0, kN * sizeof(int)));
  cudaEvent_t done = nullptr;
  ASSERT_EQ(cudaSuccess, cudaEventCreate(&done));
  cudaGraph_t graph = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphCreate(&graph, 0));
  cudaKernelNodeParams add = addOneParams(&d, &n);
  cudaGraphNode_t kernel, record;
  ASSERT_EQ(cudaSuccess, cudaGraphAddKernelNode(&kernel, graph, nullptr, 0, &add));
  ASSERT_EQ(cudaSuccess, cudaGraphAddEventRecordNode(&record, graph, &kernel, 1, done));
  cudaEvent_t readBack = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphEventRecordNodeGetEvent(record, &readBack));
  EXPECT_EQ(done, readBack);
  cudaGraphExec_t exec = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphInstantiate(&exec, graph, 0));
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));
  ASSERT_EQ(cudaSuccess, cudaEventSynchronize(done));
  EXPECT_EQ(std::vector<int>(kN, 1), download(d, kN));

  // A graph that waits for an event recorded by ordinary stream work.
  cudaStream_t other = nullptr;
  ASSERT_EQ(cudaSuccess, cudaStreamCreate(&other));
  cudaGraph_t waiting = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphCreate(&waiting, 0));
  cudaGraphNode_t wait, then;
  ASSERT_EQ(cudaSuccess, cudaGraphAddEventWaitNode(&wait, waiting, nullptr, 0, done));
  ASSERT_EQ(cudaSuccess, cudaGraphAddKernelNode(&then, waiting, &wait, 1, &add));
  cudaGraphExec_t waitingExec = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphInstantiate(&waitingExec, waiting, 0));
  ASSERT_EQ(cudaSuccess, launchAddOne(d, kN, other));
  ASSERT_EQ(cudaSuccess, cudaEventRecord(done, other));
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(waitingExec, stream));
  ASSERT_EQ(cudaSuccess, cudaStreamSynchronize(stream));
  EXPECT_EQ(std::vector<int>(kN, 3), download(d, kN));

  cudaGraphExecDestroy(waitingExec);
  cudaGraphExecDestroy(exec);
  cudaGraphDestroy(waiting);
  cudaGraphDestroy(graph);
  cudaStreamDestroy(other);
  cudaEventDestroy(done);
  cudaFree(d);
}

TEST_F(Graph, CaptureForbidsWhatWouldRunOrWaitNow) {
  int *d = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&d, kN * sizeof(int)));
  cudaGraph_t graph = nullptr;

  EXPECT_EQ(cudaErrorStreamCaptureUnsupported,
            cudaStreamBeginCapture(nullptr, cudaStreamCaptureModeGlobal));
  EXPECT_EQ(cudaErrorIllegalState, cudaStreamEndCapture(stream, &graph));
  EXPECT_EQ(cudaErrorInvalidValue, cudaStreamBeginCapture(stream, cudaStreamCaptureMode(7)));

  // Synchronizing a capturing stream invalidates the capture.
  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeGlobal));
  EXPECT_EQ(cudaErrorIllegalState, cudaStreamBeginCapture(stream, cudaStreamCaptureModeGlobal));
  ASSERT_EQ(cudaSuccess, launchAddOne(d, kN, stream));
  EXPECT_EQ(cudaErrorStreamCaptureUnsupported, cudaStreamSynchronize(stream));
  cudaStreamCaptureStatus status{};
  ASSERT_EQ(cudaSuccess, cudaStreamIsCapturing(stream, &status));
  EXPECT_EQ(cudaStreamCaptureStatusInvalidated, status);
  EXPECT_EQ(cudaErrorStreamCaptureInvalidated, cudaStreamEndCapture(stream, &graph));
  EXPECT_EQ(nullptr, graph);

  // Work the capture cannot record is refused, not run.
  ASSERT_EQ(cudaSuccess, cudaMemset(d, 0, kN * sizeof(int)));
  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeRelaxed));
  void *pooled = nullptr;
  EXPECT_EQ(cudaErrorStreamCaptureUnsupported, cudaMallocAsync(&pooled, 64, stream));
  EXPECT_EQ(cudaErrorStreamCaptureUnsupported, cudaStreamQuery(stream));
  EXPECT_EQ(cudaErrorStreamCaptureInvalidated, cudaStreamEndCapture(stream, &graph));
  EXPECT_EQ(std::vector<int>(kN, 0), download(d, kN));

  // While a blocking stream captures, the legacy stream would join it; asking
  // about it says so and leaves the capture valid.
  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeRelaxed));
  EXPECT_EQ(cudaErrorStreamCaptureImplicit, cudaStreamIsCapturing(nullptr, &status));
  EXPECT_EQ(cudaErrorStreamCaptureImplicit, cudaStreamGetCaptureInfo(cudaStreamLegacy, &status));
  ASSERT_EQ(cudaSuccess, cudaStreamIsCapturing(stream, &status));
  EXPECT_EQ(cudaStreamCaptureStatusActive, status);
  EXPECT_EQ(cudaErrorStreamCaptureImplicit, launchAddOne(d, kN, nullptr));
  EXPECT_EQ(cudaErrorStreamCaptureInvalidated, cudaStreamEndCapture(stream, &graph));

  // Ending where the capture did not begin.
  cudaStream_t side = nullptr;
  cudaEvent_t event = nullptr;
  ASSERT_EQ(cudaSuccess, cudaStreamCreateWithFlags(&side, cudaStreamNonBlocking));
  ASSERT_EQ(cudaSuccess, cudaEventCreate(&event));
  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeGlobal));
  ASSERT_EQ(cudaSuccess, cudaEventRecord(event, stream));
  ASSERT_EQ(cudaSuccess, cudaStreamWaitEvent(side, event, 0));
  EXPECT_EQ(cudaErrorStreamCaptureUnmatched, cudaStreamEndCapture(side, &graph));
  EXPECT_EQ(cudaErrorStreamCaptureInvalidated, cudaStreamEndCapture(stream, &graph));

  // An event from outside the capture cannot be waited for inside it.
  ASSERT_EQ(cudaSuccess, cudaEventRecord(event, side));
  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeGlobal));
  EXPECT_EQ(cudaErrorStreamCaptureIsolation, cudaStreamWaitEvent(stream, event, 0));
  EXPECT_EQ(cudaErrorStreamCaptureInvalidated, cudaStreamEndCapture(stream, &graph));

  // cudaDeviceSynchronize would wait for work that never runs.
  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeRelaxed));
  EXPECT_EQ(cudaErrorStreamCaptureUnsupported, cudaDeviceSynchronize());
  EXPECT_EQ(cudaErrorStreamCaptureInvalidated, cudaStreamEndCapture(stream, &graph));
  cudaGetLastError();

  cudaEventDestroy(event);
  cudaStreamDestroy(side);
  cudaFree(d);
}

// Global mode forbids unsafe calls in every thread whose mode is global;
// thread-local forbids them in the capturing thread only; relaxed in none.
TEST_F(Graph, CaptureModesDecideWhoMayAllocate) {
  cudaGraph_t graph = nullptr;
  void *p = nullptr;
  auto mallocInOtherThread = [&](cudaStreamCaptureMode threadMode) {
    cudaError_t result = cudaErrorUnknown;
    std::thread([&] {
      cudaStreamCaptureMode mode = threadMode;
      EXPECT_EQ(cudaSuccess, cudaThreadExchangeStreamCaptureMode(&mode));
      void *q = nullptr;
      result = cudaMalloc(&q, 64);
      cudaFree(q);
    }).join();
    return result;
  };

  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeGlobal));
  EXPECT_EQ(cudaSuccess, mallocInOtherThread(cudaStreamCaptureModeRelaxed));
  EXPECT_EQ(cudaErrorStreamCaptureUnsupported, mallocInOtherThread(cudaStreamCaptureModeGlobal));
  EXPECT_EQ(cudaErrorStreamCaptureInvalidated, cudaStreamEndCapture(stream, &graph));

  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeThreadLocal));
  EXPECT_EQ(cudaSuccess, mallocInOtherThread(cudaStreamCaptureModeGlobal));
  EXPECT_EQ(cudaErrorStreamCaptureUnsupported, cudaMalloc(&p, 64));
  EXPECT_EQ(cudaErrorStreamCaptureInvalidated, cudaStreamEndCapture(stream, &graph));

  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeRelaxed));
  EXPECT_EQ(cudaSuccess, cudaMalloc(&p, 64));
  EXPECT_EQ(cudaSuccess, cudaFree(p));
  ASSERT_EQ(cudaSuccess, cudaStreamEndCapture(stream, &graph));
  cudaGraphDestroy(graph);

  // Only the thread that began a non-relaxed capture ends it.
  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeGlobal));
  std::thread([&] {
    cudaGraph_t stolen = nullptr;
    EXPECT_EQ(cudaErrorStreamCaptureWrongThread, cudaStreamEndCapture(stream, &stolen));
  }).join();
  ASSERT_EQ(cudaSuccess, cudaStreamEndCapture(stream, &graph));
  cudaGraphDestroy(graph);

  // The calling thread's own mode: relaxed lets it allocate during its capture.
  cudaStreamCaptureMode mode = cudaStreamCaptureModeRelaxed;
  ASSERT_EQ(cudaSuccess, cudaThreadExchangeStreamCaptureMode(&mode));
  EXPECT_EQ(cudaStreamCaptureModeGlobal, mode);
  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeGlobal));
  EXPECT_EQ(cudaSuccess, cudaMalloc(&p, 64));
  EXPECT_EQ(cudaSuccess, cudaFree(p));
  ASSERT_EQ(cudaSuccess, cudaStreamEndCapture(stream, &graph));
  ASSERT_EQ(cudaSuccess, cudaThreadExchangeStreamCaptureMode(&mode));
  cudaGraphDestroy(graph);
  EXPECT_EQ(cudaErrorInvalidValue, cudaThreadExchangeStreamCaptureMode(nullptr));
  cudaGetLastError();
}

TEST_F(Graph, BadNodesAndHandles) {
  int *d = nullptr;
  int n = kN;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&d, kN * sizeof(int)));
  cudaGraph_t graph = nullptr, other = nullptr;
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphCreate(nullptr, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphCreate(&graph, 1));
  ASSERT_EQ(cudaSuccess, cudaGraphCreate(&graph, 0));
  ASSERT_EQ(cudaSuccess, cudaGraphCreate(&other, 0));
  cudaGraphNode_t node = nullptr, foreign = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphAddEmptyNode(&foreign, other, nullptr, 0));

  // Dependencies: of another graph, repeated, missing.
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphAddEmptyNode(&node, graph, &foreign, 1));
  cudaGraphNode_t first = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphAddEmptyNode(&first, graph, nullptr, 0));
  cudaGraphNode_t twice[] = {first, first};
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphAddEmptyNode(&node, graph, twice, 2));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphAddEmptyNode(&node, graph, nullptr, 1));

  // Kernel nodes: unregistered function, bad shape, missing arguments.
  cudaKernelNodeParams params = addOneParams(&d, &n);
  params.func = const_cast<char *>(&test_kernels::notRegistered);
  EXPECT_EQ(cudaErrorInvalidDeviceFunction,
            cudaGraphAddKernelNode(&node, graph, nullptr, 0, &params));
  params = addOneParams(&d, &n);
  params.gridDim = dim3(0);
  EXPECT_EQ(cudaErrorInvalidConfiguration,
            cudaGraphAddKernelNode(&node, graph, nullptr, 0, &params));
  params = addOneParams(&d, &n);
  params.kernelParams = nullptr;
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphAddKernelNode(&node, graph, nullptr, 0, &params));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphAddKernelNode(&node, graph, nullptr, 0, nullptr));

  // Memset and copy nodes past their allocation, or malformed.
  cudaMemsetParams fill{d, 0, 1, 3, 4, 1};
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphAddMemsetNode(&node, graph, nullptr, 0, &fill));
  fill = cudaMemsetParams{d, 0, 1, 4, kN + 1, 1};
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphAddMemsetNode(&node, graph, nullptr, 0, &fill));
  fill = cudaMemsetParams{d, kN * sizeof(int) / 2, 1, 4, kN / 4, 3};
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphAddMemsetNode(&node, graph, nullptr, 0, &fill));
  std::vector<int> host(kN + 1);
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaGraphAddMemcpyNode1D(&node, graph, nullptr, 0, host.data(), d,
                                     (kN + 1) * sizeof(int), cudaMemcpyDeviceToHost));
  EXPECT_EQ(
      cudaErrorInvalidMemcpyDirection,
      cudaGraphAddMemcpyNode1D(&node, graph, nullptr, 0, host.data(), d, 4, cudaMemcpyKind(9)));
  cudaHostNodeParams noFunction{nullptr, nullptr};
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphAddHostNode(&node, graph, nullptr, 0, &noFunction));
  EXPECT_EQ(cudaErrorInvalidResourceHandle,
            cudaGraphAddEventRecordNode(&node, graph, nullptr, 0, nullptr));

  // Wrong node types for getters.
  cudaKernelNodeParams out{};
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphKernelNodeGetParams(first, &out));
  size_t count = 0;
  ASSERT_EQ(cudaSuccess, cudaGraphGetNodes(graph, nullptr, &count));
  EXPECT_EQ(1u, count) << "failed additions leave no node behind";

  // A cycle cannot be instantiated.
  cudaGraphNode_t second = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphAddEmptyNode(&second, graph, &first, 1));
  ASSERT_EQ(cudaSuccess, cudaGraphAddDependencies(graph, &second, &first, 1));
  cudaGraphExec_t exec = nullptr;
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphInstantiate(&exec, graph, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphAddDependencies(graph, &first, &first, 1));
  ASSERT_EQ(cudaSuccess, cudaGraphRemoveDependencies(graph, &second, &first, 1));
  ASSERT_EQ(cudaSuccess, cudaGraphInstantiate(&exec, graph, 0));
  EXPECT_EQ(cudaErrorNotSupported,
            cudaGraphInstantiate(&exec, graph, cudaGraphInstantiateFlagDeviceLaunch));

  // Destroyed handles.
  ASSERT_EQ(cudaSuccess, cudaGraphExecDestroy(exec));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphLaunch(exec, stream));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphExecDestroy(exec));
  ASSERT_EQ(cudaSuccess, cudaGraphDestroy(other));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphDestroy(other));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphNodeGetType(foreign, nullptr));
  cudaGraphNodeType type{};
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphNodeGetType(foreign, &type));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGraphInstantiate(&exec, other, 0));

  cudaGraphDestroy(graph);
  cudaFree(d);
  cudaGetLastError();
}

// The per-thread default stream is a stream of its own: capturable, and
// ordered with the legacy stream.
TEST_F(Graph, PerThreadStreamCaptures) {
  int *d = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&d, kN * sizeof(int)));
  ASSERT_EQ(cudaSuccess, cudaMemset(d, 0, kN * sizeof(int)));
  cudaGraph_t graph = nullptr;
  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(cudaStreamPerThread, cudaStreamCaptureModeGlobal));
  ASSERT_EQ(cudaSuccess, launchAddOne(d, kN, cudaStreamPerThread));
  ASSERT_EQ(cudaSuccess, cudaStreamEndCapture(cudaStreamPerThread, &graph));
  cudaGraphExec_t exec = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphInstantiate(&exec, graph, 0));
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, cudaStreamPerThread));
  ASSERT_EQ(cudaSuccess, launchAddOne(d, kN, nullptr)); // after the graph, on the legacy stream
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, cudaStreamPerThread));
  ASSERT_EQ(cudaSuccess, cudaStreamSynchronize(cudaStreamPerThread));
  EXPECT_EQ(std::vector<int>(kN, 3), download(d, kN));
  // Another thread's per-thread stream is another stream.
  unsigned long long mine = 0, theirs = 0;
  ASSERT_EQ(cudaSuccess, cudaStreamGetId(cudaStreamPerThread, &mine));
  std::thread([&] {
    EXPECT_EQ(cudaSuccess, cudaStreamGetId(cudaStreamPerThread, &theirs));
  }).join();
  EXPECT_NE(mine, theirs);
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaStreamDestroy(cudaStreamPerThread));
  cudaGetLastError();
  cudaGraphExecDestroy(exec);
  cudaGraphDestroy(graph);
  cudaFree(d);
}

// 2-D and 3-D copies and 2-D memsets are captured as copy and memset nodes.
TEST_F(Graph, RectangularCopiesAndMemsetsAreCaptured) {
  constexpr size_t width = 24, height = 5; // bytes, rows
  char *d = nullptr;
  size_t pitch = 0;
  ASSERT_EQ(cudaSuccess, cudaMallocPitch(reinterpret_cast<void **>(&d), &pitch, width, height));
  std::vector<char> in(width * height), out(width * height, 0);
  for (size_t i = 0; i < in.size(); ++i)
    in[i] = static_cast<char>(i);
  cudaGraph_t graph = nullptr;
  ASSERT_EQ(cudaSuccess, cudaStreamBeginCapture(stream, cudaStreamCaptureModeGlobal));
  ASSERT_EQ(cudaSuccess, cudaMemset2DAsync(d, pitch, 0x11, width, height, stream));
  ASSERT_EQ(cudaSuccess, cudaMemcpy2DAsync(d, pitch, in.data(), width, width / 2, height,
                                           cudaMemcpyHostToDevice, stream));
  cudaMemcpy3DParms back{};
  back.srcPtr = make_cudaPitchedPtr(d, pitch, width, height);
  back.dstPtr = make_cudaPitchedPtr(out.data(), width, width, height);
  back.extent = make_cudaExtent(width, height, 1);
  back.kind = cudaMemcpyDeviceToHost;
  ASSERT_EQ(cudaSuccess, cudaMemcpy3DAsync(&back, stream));
  ASSERT_EQ(cudaSuccess, cudaStreamEndCapture(stream, &graph));
  size_t nodes = 0;
  ASSERT_EQ(cudaSuccess, cudaGraphGetNodes(graph, nullptr, &nodes));
  EXPECT_EQ(3u, nodes);
  cudaGraphExec_t exec = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphInstantiate(&exec, graph, 0));
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));
  ASSERT_EQ(cudaSuccess, cudaStreamSynchronize(stream));
  for (size_t y = 0; y < height; ++y)
    for (size_t x = 0; x < width; ++x)
      ASSERT_EQ(x < width / 2 ? in[y * width + x] : char(0x11), out[y * width + x])
          << "row " << y << ", byte " << x;
  cudaGraphExecDestroy(exec);
  cudaGraphDestroy(graph);
  cudaFree(d);
}

// What cudaGraphKernelNodeGetParams returns can be changed and set again.
TEST_F(Graph, KernelParamsReadBackAndSetAgain) {
  int *d = nullptr;
  int n = kN;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&d, kN * sizeof(int)));
  ASSERT_EQ(cudaSuccess, cudaMemset(d, 0, kN * sizeof(int)));
  cudaGraph_t graph = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphCreate(&graph, 0));
  cudaKernelNodeParams params = addOneParams(&d, &n);
  cudaGraphNode_t kernel = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphAddKernelNode(&kernel, graph, nullptr, 0, &params));
  cudaKernelNodeParams readBack{};
  ASSERT_EQ(cudaSuccess, cudaGraphKernelNodeGetParams(kernel, &readBack));
  readBack.gridDim = dim3(1); // the first 64 elements only
  ASSERT_EQ(cudaSuccess, cudaGraphKernelNodeSetParams(kernel, &readBack));
  ASSERT_EQ(cudaSuccess, cudaGraphKernelNodeGetParams(kernel, &readBack));
  EXPECT_EQ(d, *static_cast<int **>(readBack.kernelParams[0]));
  EXPECT_EQ(kN, *static_cast<int *>(readBack.kernelParams[1]));
  cudaGraphExec_t exec = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphInstantiate(&exec, graph, 0));
  ASSERT_EQ(cudaSuccess, cudaGraphExecKernelNodeSetParams(exec, kernel, &readBack));
  ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));
  ASSERT_EQ(cudaSuccess, cudaStreamSynchronize(stream));
  std::vector<int> expected(kN, 0);
  std::fill(expected.begin(), expected.begin() + 64, 1);
  EXPECT_EQ(expected, download(d, kN));
  cudaGraphExecDestroy(exec);
  cudaGraphDestroy(graph);
  cudaFree(d);
}

// Host-to-device and host-to-host copy nodes read host memory when they run.
TEST_F(Graph, CopyNodesReadHostMemoryWhenTheyRun) {
  int *d = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&d, kN * sizeof(int)));
  std::vector<int> in(kN), mid(kN), out(kN);
  cudaGraph_t graph = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphCreate(&graph, 0));
  cudaGraphNode_t toDevice, back, onHost;
  ASSERT_EQ(cudaSuccess, cudaGraphAddMemcpyNode1D(&toDevice, graph, nullptr, 0, d, in.data(),
                                                  kN * sizeof(int), cudaMemcpyHostToDevice));
  ASSERT_EQ(cudaSuccess, cudaGraphAddMemcpyNode1D(&back, graph, &toDevice, 1, mid.data(), d,
                                                  kN * sizeof(int), cudaMemcpyDefault));
  ASSERT_EQ(cudaSuccess, cudaGraphAddMemcpyNode1D(&onHost, graph, &back, 1, out.data(), mid.data(),
                                                  kN * sizeof(int), cudaMemcpyHostToHost));
  cudaGraphExec_t exec = nullptr;
  ASSERT_EQ(cudaSuccess, cudaGraphInstantiate(&exec, graph, 0));
  for (int round = 0; round < 5; ++round) {
    for (int i = 0; i < kN; ++i)
      in[i] = round * 1000 + i;
    ASSERT_EQ(cudaSuccess, cudaGraphLaunch(exec, stream));
    ASSERT_EQ(cudaSuccess, cudaStreamSynchronize(stream));
    EXPECT_EQ(in, out) << "round " << round;
  }
  cudaGraphExecDestroy(exec);
  cudaGraphDestroy(graph);
  cudaFree(d);
}

} // namespace
