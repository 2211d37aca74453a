// Twin of histogram256: per-group bins in local memory with local atomics,
// merged into the global bins with global atomics.
__kernel void histogram256(__global const uchar *data, int n, __global uint *bins) {
  __local uint local_bins[256];
  int lid = get_local_id(0), lsize = get_local_size(0);
  for (int i = lid; i < 256; i += lsize)
    local_bins[i] = 0;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (int i = get_global_id(0); i < n; i += get_global_size(0))
    atomic_add(&local_bins[data[i]], 1u);
  barrier(CLK_LOCAL_MEM_FENCE);
  for (int i = lid; i < 256; i += lsize)
    atomic_add(&bins[i], local_bins[i]);
}
