// Pointers held in device memory (docs/design.md, "Pointers in device
// memory"): a list built on the host and walked by a kernel, a list and a tree
// built by kernels and checked on the host, structs of pointers passed by
// value (nested, with arrays of pointers), float** batches, a pointer-valued
// __device__ variable, a __shared__ pointer, local arrays of pointers,
// constructors storing pointers, pointer arithmetic on stored pointers, and
// integer round trips. Addresses a kernel stores are the ones cudaMalloc
// returned, and a kernel that stores pointers fails cleanly where the
// device's addresses are not shared.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// RUN: env CUCL_DEVICE_ADDRESSES=arena CUCL_ARENA_BYTES=268435456 %t | FileCheck %s
// RUN: %not env CUCL_DEVICE_ADDRESSES=reserved %t 2>&1 | FileCheck %s --check-prefix=RESERVED
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s --check-prefix=EMIT < %t.cl
//
// CHECK: host list: 55
// CHECK: kernel list: addresses match, sum 45
// CHECK: tree: 127 nodes, depth sum 642, addresses match
// CHECK: particles: correct
// CHECK: batched: correct
// CHECK: symbol: correct
// CHECK: shared pointer: correct
// CHECK: local pointer array: correct
// CHECK: constructor: correct
// CHECK: arithmetic: correct
// CHECK: integers: correct
// CHECK: chained: correct
// CHECK: swap: correct
// CHECK: unaligned allocations: addresses match
// CHECK: done
//
// RESERVED: kernel sumList stores pointers in device memory, which needs shared virtual memory
// RESERVED: sumList: operation not supported
//
// A stored pointer is a ulong device address; loads go through the heap.
// EMIT-DAG: struct Node {
// EMIT-DAG: ulong next;
// EMIT-DAG: __global uchar *cucl_far_to_near(
// EMIT: __kernel void sumList({{.*}}__global uchar *cucl_heap, ulong cucl_heap_origin)
// EMIT: __kernel void batchedScale_float(__global ulong *rows__base, ulong rows__off, {{.*}})
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define CHECK(call)                                                                                \
  do {                                                                                             \
    cudaError_t status_ = (call);                                                                  \
    if (status_ != cudaSuccess) {                                                                  \
      std::printf("%s: %s\n", #call, cudaGetErrorString(status_));                                \
      std::exit(1);                                                                                \
    }                                                                                              \
  } while (0)
#define LAUNCHED(name)                                                                             \
  do {                                                                                             \
    cudaError_t status_ = cudaDeviceSynchronize();                                                 \
    if (status_ == cudaSuccess)                                                                    \
      status_ = cudaGetLastError();                                                                \
    if (status_ != cudaSuccess) {                                                                  \
      std::printf("%s: %s\n", name, cudaGetErrorString(status_));                                  \
      std::exit(1);                                                                                \
    }                                                                                              \
  } while (0)

struct Node {
  int value;
  Node *next;
};

__global__ void sumList(const Node *head, int *out) {
  int sum = 0;
  for (const Node *node = head; node != nullptr; node = node->next)
    sum += node->value;
  *out = sum;
}

__global__ void linkList(Node *nodes, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    nodes[i].value = i;
    nodes[i].next = i + 1 < n ? &nodes[i + 1] : nullptr;
  }
}

// A complete binary tree in a node pool, linked by one thread per node.
struct TreeNode {
  TreeNode *left, *right, *parent;
  int depth;
};

__global__ void buildTree(TreeNode *pool, int count) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= count)
    return;
  TreeNode *self = pool + i;
  self->left = 2 * i + 1 < count ? pool + 2 * i + 1 : nullptr;
  self->right = 2 * i + 2 < count ? &pool[2 * i + 2] : nullptr;
  self->parent = i > 0 ? pool + (i - 1) / 2 : nullptr;
}

__global__ void depths(TreeNode *pool, int count) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= count)
    return;
  int depth = 0;
  for (TreeNode *up = pool[i].parent; up; up = up->parent)
    ++depth;
  pool[i].depth = depth;
}

// Structs of pointers by value, nested, with an array of pointers.
struct Vectors {
  float *x, *v;
};
struct Particles {
  Vectors state;
  const float *mass;
  float *extra[2];
  int n;
};

__global__ void integrate(Particles p, float dt) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < p.n) {
    p.state.x[i] += p.state.v[i] * dt / p.mass[i];
    p.extra[i % 2][i] = p.state.x[i];
  }
}

template <typename T> __global__ void batchedScale(T **rows, int cols, T factor) {
  T *row = rows[blockIdx.x];
  for (int j = threadIdx.x; j < cols; j += blockDim.x)
    row[j] *= factor;
}

__device__ float *table;
__device__ int *counters[4];

__global__ void readTable(float *out) {
  out[threadIdx.x] = table[threadIdx.x] * 2.0f;
  atomicAdd(counters[threadIdx.x % 4], 1);
}

__global__ void sharedPointer(float *const *sources, float *out) {
  __shared__ float *chosen;
  if (threadIdx.x == 0)
    chosen = sources[blockIdx.x];
  __syncthreads();
  out[blockIdx.x * blockDim.x + threadIdx.x] = chosen[threadIdx.x];
}

__device__ float sumOf(float *const *arrays, int count, int i) {
  float sum = 0.0f;
  for (int k = 0; k < count; ++k)
    sum += arrays[k][i];
  return sum;
}

__global__ void localPointerArray(float *a, float *b, float *c, float *out) {
  float *arrays[3] = {a, b, c};
  float *reversed[3];
  for (int k = 0; k < 3; ++k)
    reversed[k] = arrays[2 - k];
  int i = threadIdx.x;
  out[i] = sumOf(arrays, 3, i) + reversed[0][i];
}

struct Span {
  float *data;
  int size;
  __device__ Span(float *d, int n) : data(d), size(n) {}
  __device__ float &operator[](int i) { return data[i]; }
};

__global__ void viaConstructor(float *data, int n) {
  Span span(data, n);
  int i = threadIdx.x;
  if (i < span.size)
    span[i] = i * 3.0f;
}

struct Cursor {
  float *at;
};

__global__ void arithmetic(Cursor *cursors, float *out) {
  Cursor &cursor = cursors[threadIdx.x];
  cursor.at += 2;       // two elements
  ++cursor.at;          // one more
  float *was = cursor.at++;
  cursor.at -= 1;       // back to `was`
  out[threadIdx.x] = *was + (cursor.at == was ? 1000.0f : 0.0f);
}

__global__ void integers(float *data, unsigned long long *addresses, float *out) {
  int i = threadIdx.x;
  uintptr_t address = reinterpret_cast<uintptr_t>(data + i);
  addresses[i] = address;
  out[i] = *reinterpret_cast<float *>(address) + 0.5f;
}

// Assignments to stored pointers used as values, and a function returning a
// reference to a stored pointer (as `View<float *>::operator[]` does).
__device__ float *&slotOf(float **slots, int i) { return slots[i]; }

__global__ void chained(TreeNode *pool, float **slots, float *out) {
  pool[0].left = pool[0].right = pool + 1;
  TreeNode *second = (pool[1].left = pool + 2);
  second->parent = nullptr;
  slotOf(slots, 0) = slotOf(slots, 1) + 1;
  out[threadIdx.x] = slotOf(slots, 0)[threadIdx.x];
}

__global__ void swapPair(float **pair) {
  float *first = pair[0];
  pair[0] = pair[1];
  pair[1] = first;
}

__global__ void storeAddresses(float **slots, float **targets, int n) {
  int i = threadIdx.x;
  if (i < n)
    slots[i] = targets[i] + 1;
}

int main() {
  // A list built on the host from device addresses.
  const int n = 10;
  Node *nodes = nullptr;
  CHECK(cudaMalloc(&nodes, n * sizeof(Node)));
  Node host[n];
  for (int i = 0; i < n; ++i) {
    host[i].value = i + 1;
    host[i].next = i + 1 < n ? nodes + i + 1 : nullptr;
  }
  CHECK(cudaMemcpy(nodes, host, sizeof host, cudaMemcpyHostToDevice));
  int *sum = nullptr;
  CHECK(cudaMalloc(&sum, sizeof(int)));
  sumList<<<1, 1>>>(nodes, sum);
  LAUNCHED("sumList");
  int result = 0;
  CHECK(cudaMemcpy(&result, sum, sizeof result, cudaMemcpyDeviceToHost));
  std::printf("host list: %d\n", result);

  // The same list linked by a kernel: the addresses it stored are cudaMalloc's.
  linkList<<<1, 32>>>(nodes, n);
  LAUNCHED("linkList");
  CHECK(cudaMemcpy(host, nodes, sizeof host, cudaMemcpyDeviceToHost));
  bool match = true;
  for (int i = 0; i < n; ++i)
    match &= host[i].next == (i + 1 < n ? nodes + i + 1 : nullptr);
  sumList<<<1, 1>>>(nodes, sum);
  LAUNCHED("sumList");
  CHECK(cudaMemcpy(&result, sum, sizeof result, cudaMemcpyDeviceToHost));
  std::printf("kernel list: %s, sum %d\n", match ? "addresses match" : "ADDRESSES DIFFER", result);

  // A tree built by one kernel, walked upwards by another.
  const int treeNodes = 127;
  TreeNode *pool = nullptr;
  CHECK(cudaMalloc(&pool, treeNodes * sizeof(TreeNode)));
  buildTree<<<4, 32>>>(pool, treeNodes);
  depths<<<4, 32>>>(pool, treeNodes);
  LAUNCHED("tree");
  TreeNode tree[treeNodes];
  CHECK(cudaMemcpy(tree, pool, sizeof tree, cudaMemcpyDeviceToHost));
  int depthSum = 0;
  match = true;
  for (int i = 0; i < treeNodes; ++i) {
    depthSum += tree[i].depth;
    match &= tree[i].left == (2 * i + 1 < treeNodes ? pool + 2 * i + 1 : nullptr);
    match &= tree[i].parent == (i > 0 ? pool + (i - 1) / 2 : nullptr);
  }
  std::printf("tree: %d nodes, depth sum %d, %s\n", treeNodes, depthSum,
              match ? "addresses match" : "ADDRESSES DIFFER");

  // A struct of pointers by value.
  const int count = 1000;
  Particles p{};
  p.n = count;
  float *mass = nullptr;
  CHECK(cudaMalloc(&p.state.x, count * sizeof(float)));
  CHECK(cudaMalloc(&p.state.v, count * sizeof(float)));
  CHECK(cudaMalloc(&mass, count * sizeof(float)));
  CHECK(cudaMalloc(&p.extra[0], count * sizeof(float)));
  CHECK(cudaMalloc(&p.extra[1], count * sizeof(float)));
  p.mass = mass;
  float *values = static_cast<float *>(std::malloc(count * sizeof(float)));
  for (int i = 0; i < count; ++i)
    values[i] = float(i);
  CHECK(cudaMemcpy(p.state.x, values, count * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(p.state.v, values, count * sizeof(float), cudaMemcpyHostToDevice));
  for (int i = 0; i < count; ++i)
    values[i] = 2.0f;
  CHECK(cudaMemcpy(mass, values, count * sizeof(float), cudaMemcpyHostToDevice));
  integrate<<<(count + 127) / 128, 128>>>(p, 0.5f);
  LAUNCHED("integrate");
  bool correct = true;
  CHECK(cudaMemcpy(values, p.state.x, count * sizeof(float), cudaMemcpyDeviceToHost));
  for (int i = 0; i < count; ++i)
    correct &= values[i] == i * 1.25f;
  for (int e = 0; e < 2; ++e) {
    CHECK(cudaMemcpy(values, p.extra[e], count * sizeof(float), cudaMemcpyDeviceToHost));
    for (int i = e; i < count; i += 2)
      correct &= values[i] == i * 1.25f;
  }
  std::printf("particles: %s\n", correct ? "correct" : "WRONG");

  // float** and double** batches: rows in separate allocations.
  const int rows = 5, cols = 40;
  float *rowPointers[rows];
  for (int r = 0; r < rows; ++r) {
    float line[cols];
    for (int j = 0; j < cols; ++j)
      line[j] = float(r + j);
    CHECK(cudaMalloc(&rowPointers[r], sizeof line));
    CHECK(cudaMemcpy(rowPointers[r], line, sizeof line, cudaMemcpyHostToDevice));
  }
  float **deviceRows = nullptr;
  CHECK(cudaMalloc(&deviceRows, sizeof rowPointers));
  CHECK(cudaMemcpy(deviceRows, rowPointers, sizeof rowPointers, cudaMemcpyHostToDevice));
  batchedScale<<<rows, 16>>>(deviceRows, cols, 3.0f);
  double *doubleRow = nullptr, **doubleRows = nullptr;
  CHECK(cudaMalloc(&doubleRow, cols * sizeof(double)));
  CHECK(cudaMemset(doubleRow, 0, cols * sizeof(double)));
  CHECK(cudaMalloc(&doubleRows, sizeof(double *)));
  CHECK(cudaMemcpy(doubleRows, &doubleRow, sizeof(double *), cudaMemcpyHostToDevice));
  batchedScale<<<1, 16>>>(doubleRows, cols, 2.0);
  LAUNCHED("batchedScale");
  correct = true;
  for (int r = 0; r < rows; ++r) {
    float line[cols];
    CHECK(cudaMemcpy(line, rowPointers[r], sizeof line, cudaMemcpyDeviceToHost));
    for (int j = 0; j < cols; ++j)
      correct &= line[j] == 3.0f * float(r + j);
  }
  std::printf("batched: %s\n", correct ? "correct" : "WRONG");

  // Pointer-valued __device__ variables, set with cudaMemcpyToSymbol.
  int *counterMemory = nullptr;
  CHECK(cudaMalloc(&counterMemory, 4 * sizeof(int)));
  CHECK(cudaMemset(counterMemory, 0, 4 * sizeof(int)));
  int *counterPointers[4] = {counterMemory + 3, counterMemory + 2, counterMemory + 1,
                             counterMemory};
  CHECK(cudaMemcpyToSymbol(table, &rowPointers[2], sizeof(float *)));
  CHECK(cudaMemcpyToSymbol(counters, counterPointers, sizeof counterPointers));
  float *out = nullptr;
  CHECK(cudaMalloc(&out, 256 * sizeof(float)));
  readTable<<<1, 32>>>(out);
  LAUNCHED("readTable");
  float got[256];
  int counts[4];
  CHECK(cudaMemcpy(got, out, 32 * sizeof(float), cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(counts, counterMemory, sizeof counts, cudaMemcpyDeviceToHost));
  correct = counts[0] == 8 && counts[3] == 8;
  for (int j = 0; j < 32; ++j)
    correct &= got[j] == 6.0f * float(2 + j);
  float *readBack = nullptr;
  CHECK(cudaMemcpyFromSymbol(&readBack, table, sizeof readBack));
  correct &= readBack == rowPointers[2];
  std::printf("symbol: %s\n", correct ? "correct" : "WRONG");

  // A __shared__ pointer, set by one thread.
  sharedPointer<<<rows, 32>>>(deviceRows, out);
  LAUNCHED("sharedPointer");
  CHECK(cudaMemcpy(got, out, rows * 32 * sizeof(float), cudaMemcpyDeviceToHost));
  correct = true;
  for (int r = 0; r < rows; ++r)
    for (int j = 0; j < 32; ++j)
      correct &= got[r * 32 + j] == 3.0f * float(r + j);
  std::printf("shared pointer: %s\n", correct ? "correct" : "WRONG");

  localPointerArray<<<1, 32>>>(rowPointers[0], rowPointers[1], rowPointers[2], out);
  LAUNCHED("localPointerArray");
  CHECK(cudaMemcpy(got, out, 32 * sizeof(float), cudaMemcpyDeviceToHost));
  correct = true;
  for (int j = 0; j < 32; ++j)
    correct &= got[j] == 3.0f * float(j + j + 1 + j + 2) + 3.0f * float(2 + j);
  std::printf("local pointer array: %s\n", correct ? "correct" : "WRONG");

  viaConstructor<<<1, 64>>>(out, 50);
  LAUNCHED("viaConstructor");
  CHECK(cudaMemcpy(got, out, 50 * sizeof(float), cudaMemcpyDeviceToHost));
  correct = true;
  for (int j = 0; j < 50; ++j)
    correct &= got[j] == j * 3.0f;
  std::printf("constructor: %s\n", correct ? "correct" : "WRONG");

  // Stored pointers moved by whole elements.
  Cursor cursors[8];
  for (int j = 0; j < 8; ++j)
    cursors[j].at = rowPointers[1] + j;
  Cursor *deviceCursors = nullptr;
  CHECK(cudaMalloc(&deviceCursors, sizeof cursors));
  CHECK(cudaMemcpy(deviceCursors, cursors, sizeof cursors, cudaMemcpyHostToDevice));
  arithmetic<<<1, 8>>>(deviceCursors, out);
  LAUNCHED("arithmetic");
  CHECK(cudaMemcpy(got, out, 8 * sizeof(float), cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(cursors, deviceCursors, sizeof cursors, cudaMemcpyDeviceToHost));
  correct = true;
  for (int j = 0; j < 8; ++j) {
    correct &= got[j] == 3.0f * float(1 + j + 3) + 1000.0f;
    correct &= cursors[j].at == rowPointers[1] + j + 3;
  }
  std::printf("arithmetic: %s\n", correct ? "correct" : "WRONG");

  unsigned long long *addresses = nullptr;
  CHECK(cudaMalloc(&addresses, 32 * sizeof(unsigned long long)));
  integers<<<1, 32>>>(rowPointers[4], addresses, out);
  LAUNCHED("integers");
  unsigned long long seen[32];
  CHECK(cudaMemcpy(seen, addresses, sizeof seen, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(got, out, 32 * sizeof(float), cudaMemcpyDeviceToHost));
  correct = true;
  for (int j = 0; j < 32; ++j)
    correct &= seen[j] == reinterpret_cast<uintptr_t>(rowPointers[4] + j) &&
               got[j] == 3.0f * float(4 + j) + 0.5f;
  std::printf("integers: %s\n", correct ? "correct" : "WRONG");

  float **twoSlots = nullptr;
  CHECK(cudaMalloc(&twoSlots, 2 * sizeof(float *)));
  CHECK(cudaMemcpy(twoSlots, rowPointers, 2 * sizeof(float *), cudaMemcpyHostToDevice));
  chained<<<1, 16>>>(pool, twoSlots, out);
  LAUNCHED("chained");
  CHECK(cudaMemcpy(tree, pool, 3 * sizeof(TreeNode), cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(got, out, 16 * sizeof(float), cudaMemcpyDeviceToHost));
  float *slotsBack[2];
  CHECK(cudaMemcpy(slotsBack, twoSlots, sizeof slotsBack, cudaMemcpyDeviceToHost));
  correct = tree[0].left == pool + 1 && tree[0].right == pool + 1 && tree[1].left == pool + 2 &&
            tree[2].parent == nullptr && slotsBack[0] == rowPointers[1] + 1;
  for (int j = 0; j < 16; ++j)
    correct &= got[j] == 3.0f * float(1 + j + 1);
  std::printf("chained: %s\n", correct ? "correct" : "WRONG");

  swapPair<<<1, 1>>>(deviceRows);
  LAUNCHED("swapPair");
  float *swapped[rows];
  CHECK(cudaMemcpy(swapped, deviceRows, sizeof swapped, cudaMemcpyDeviceToHost));
  std::printf("swap: %s\n",
              swapped[0] == rowPointers[1] && swapped[1] == rowPointers[0] ? "correct" : "WRONG");

  // Allocations of odd sizes: every address a kernel computes is the host's.
  const int odd = 16;
  float *targets[odd];
  for (int k = 0; k < odd; ++k)
    CHECK(cudaMalloc(&targets[k], 4 + 52 * k));
  float **deviceTargets = nullptr, **slots = nullptr;
  CHECK(cudaMalloc(&deviceTargets, sizeof targets));
  CHECK(cudaMalloc(&slots, sizeof targets));
  CHECK(cudaMemcpy(deviceTargets, targets, sizeof targets, cudaMemcpyHostToDevice));
  storeAddresses<<<1, 32>>>(slots, deviceTargets, odd);
  LAUNCHED("storeAddresses");
  float *stored[odd];
  CHECK(cudaMemcpy(stored, slots, sizeof stored, cudaMemcpyDeviceToHost));
  match = true;
  for (int k = 0; k < odd; ++k)
    match &= stored[k] == targets[k] + 1 && reinterpret_cast<uintptr_t>(targets[k]) % 256 == 0;
  std::printf("unaligned allocations: %s\n", match ? "addresses match" : "ADDRESSES DIFFER");

  for (int k = 0; k < odd; ++k)
    CHECK(cudaFree(targets[k]));
  CHECK(cudaFree(nodes));
  std::free(values);
  std::printf("done\n");
  return 0;
}
