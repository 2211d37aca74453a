// Twin of bfsExpand: one work-item per frontier vertex claims its unvisited
// neighbours with atomic_cmpxchg on their level and appends them to the next
// frontier.
__kernel void bfsExpand(__global const int *rowPtr, __global const int *adj,
                        __global const int *frontier, int frontierSize, __global int *levels,
                        __global int *next, __global int *nextSize, int depth) {
  int i = get_global_id(0);
  if (i >= frontierSize)
    return;
  int u = frontier[i];
  for (int e = rowPtr[u]; e < rowPtr[u + 1]; ++e) {
    int v = adj[e];
    if (levels[v] == -1 && atomic_cmpxchg(&levels[v], -1, depth + 1) == -1) {
      int slot = atomic_add(nextSize, 1);
      next[slot] = v;
    }
  }
}
