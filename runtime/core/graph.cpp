#include "core/graph.h"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

namespace cucl {

namespace {

// Live handles, so that a stale or foreign one is an error, not a crash.
struct GraphHandles {
  std::mutex mutex;
  std::unordered_set<const CUgraph_st *> graphs;
  std::unordered_set<const CUgraphNode_st *> nodes;
  std::unordered_map<CUgraph_st *, std::unique_ptr<CUgraph_st>> adopted;
};
GraphHandles &handles() {
  static GraphHandles *table = new GraphHandles; // leaked: may be used during exit
  return *table;
}

void eraseOne(std::vector<CUgraphNode_st *> &nodes, CUgraphNode_st *node) {
  auto at = std::find(nodes.begin(), nodes.end(), node);
  if (at != nodes.end())
    nodes.erase(at);
}

} // namespace

void KernelNodeLaunch::setArguments(void **args, const std::vector<std::size_t> &sizes) {
  // Copied into new storage first: `args` may be this launch's own pointers
  // (cudaGraphKernelNodeGetParams, then SetParams with what it returned).
  std::vector<std::vector<std::max_align_t>> copies(sizes.size());
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    std::size_t words = (sizes[i] + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t);
    copies[i].resize(std::max<std::size_t>(words, 1));
    if (args != nullptr && args[i] != nullptr)
      std::memcpy(copies[i].data(), args[i], sizes[i]);
  }
  values = std::move(copies);
  pointers.assign(values.size(), nullptr);
  for (std::size_t i = 0; i < values.size(); ++i)
    pointers[i] = values[i].data();
}

KernelNodeLaunch::KernelNodeLaunch(const KernelNodeLaunch &other) {
  *this = other;
}

KernelNodeLaunch &KernelNodeLaunch::operator=(const KernelNodeLaunch &other) {
  if (this == &other)
    return *this;
  func = other.func;
  grid = other.grid;
  block = other.block;
  sharedMem = other.sharedMem;
  values = other.values;
  pointers.resize(values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    pointers[i] = values[i].data();
  return *this;
}

cudaError_t checkGraph(const CUgraph_st *graph) {
  GraphHandles &table = handles();
  std::lock_guard<std::mutex> lock(table.mutex);
  return graph != nullptr && table.graphs.count(graph) != 0 ? cudaSuccess : cudaErrorInvalidValue;
}

cudaError_t checkNode(const CUgraphNode_st *node) {
  GraphHandles &table = handles();
  std::lock_guard<std::mutex> lock(table.mutex);
  return node != nullptr && table.nodes.count(node) != 0 ? cudaSuccess : cudaErrorInvalidValue;
}

std::unique_ptr<CUgraph_st> cloneGraph(const CUgraph_st &graph) {
  auto copy = std::make_unique<CUgraph_st>();
  std::unordered_map<const CUgraphNode_st *, CUgraphNode_st *> copies;
  for (const auto &node : graph.nodes) {
    auto made = std::make_unique<CUgraphNode_st>(*copy, node->type);
    made->clonedFrom = node.get();
    made->parameters() = *node;
    if (node->child != nullptr)
      made->child = cloneGraph(*node->child);
    copies[node.get()] = made.get();
    copy->nodes.push_back(std::move(made));
  }
  for (const auto &node : graph.nodes) {
    CUgraphNode_st *made = copies[node.get()];
    for (CUgraphNode_st *dependency : node->dependencies)
      made->dependencies.push_back(copies[dependency]);
    for (CUgraphNode_st *dependent : node->dependents)
      made->dependents.push_back(copies[dependent]);
  }
  return copy;
}

bool topologicalOrder(const CUgraph_st &graph, std::vector<CUgraphNode_st *> *order) {
  // Kahn's algorithm, taking ready nodes in insertion order.
  std::unordered_map<const CUgraphNode_st *, std::size_t> waiting;
  order->clear();
  for (const auto &node : graph.nodes) {
    waiting[node.get()] = node->dependencies.size();
    if (node->dependencies.empty())
      order->push_back(node.get());
  }
  for (std::size_t next = 0; next < order->size(); ++next)
    for (CUgraphNode_st *dependent : (*order)[next]->dependents)
      if (--waiting[dependent] == 0)
        order->push_back(dependent);
  return order->size() == graph.nodes.size();
}

bool addEdge(CUgraphNode_st *from, CUgraphNode_st *to) {
  if (std::find(to->dependencies.begin(), to->dependencies.end(), from) != to->dependencies.end())
    return false;
  to->dependencies.push_back(from);
  from->dependents.push_back(to);
  return true;
}

bool removeEdge(CUgraphNode_st *from, CUgraphNode_st *to) {
  if (std::find(to->dependencies.begin(), to->dependencies.end(), from) == to->dependencies.end())
    return false;
  eraseOne(to->dependencies, from);
  eraseOne(from->dependents, to);
  return true;
}

cudaGraph_t adoptGraph(std::unique_ptr<CUgraph_st> graph) {
  CUgraph_st *raw = graph.get();
  GraphHandles &table = handles();
  std::lock_guard<std::mutex> lock(table.mutex);
  table.adopted.emplace(raw, std::move(graph));
  return raw;
}

cudaError_t destroyGraph(cudaGraph_t graph) {
  std::unique_ptr<CUgraph_st> owned;
  {
    GraphHandles &table = handles();
    std::lock_guard<std::mutex> lock(table.mutex);
    auto it = table.adopted.find(graph);
    if (it == table.adopted.end())
      return cudaErrorInvalidValue;
    owned = std::move(it->second);
    table.adopted.erase(it);
  } // destroyed outside the lock: its destructor takes it
  return cudaSuccess;
}

} // namespace cucl

CUgraphNode_st::CUgraphNode_st(CUgraph_st &owner, cudaGraphNodeType nodeType)
    : graph(owner), type(nodeType) {
  cucl::GraphHandles &table = cucl::handles();
  std::lock_guard<std::mutex> lock(table.mutex);
  table.nodes.insert(this);
}

CUgraphNode_st::~CUgraphNode_st() {
  cucl::GraphHandles &table = cucl::handles();
  std::lock_guard<std::mutex> lock(table.mutex);
  table.nodes.erase(this);
}

CUgraph_st::CUgraph_st() {
  cucl::GraphHandles &table = cucl::handles();
  std::lock_guard<std::mutex> lock(table.mutex);
  table.graphs.insert(this);
}

CUgraph_st::~CUgraph_st() {
  nodes.clear(); // children first: their destructors take the lock too
  cucl::GraphHandles &table = cucl::handles();
  std::lock_guard<std::mutex> lock(table.mutex);
  table.graphs.erase(this);
}

cudaError_t CUgraph_st::add(cudaGraphNodeType type, const cudaGraphNode_t *dependencies,
                            std::size_t count, CUgraphNode_st **out) {
  if (count != 0 && dependencies == nullptr)
    return cudaErrorInvalidValue;
  for (std::size_t i = 0; i < count; ++i) {
    if (cucl::checkNode(dependencies[i]) != cudaSuccess || !owns(dependencies[i]))
      return cudaErrorInvalidValue;
    for (std::size_t j = 0; j < i; ++j)
      if (dependencies[j] == dependencies[i])
        return cudaErrorInvalidValue;
  }
  auto node = std::make_unique<CUgraphNode_st>(*this, type);
  for (std::size_t i = 0; i < count; ++i)
    cucl::addEdge(dependencies[i], node.get());
  *out = node.get();
  nodes.push_back(std::move(node));
  return cudaSuccess;
}

void CUgraph_st::remove(CUgraphNode_st *node) {
  for (CUgraphNode_st *dependency : std::vector<CUgraphNode_st *>(node->dependencies))
    cucl::removeEdge(dependency, node);
  for (CUgraphNode_st *dependent : std::vector<CUgraphNode_st *>(node->dependents))
    cucl::removeEdge(node, dependent);
  nodes.erase(
      std::find_if(nodes.begin(), nodes.end(), [&](const std::unique_ptr<CUgraphNode_st> &held) {
        return held.get() == node;
      }));
}
