// A small, valid .cu file used by the cuclcc flag tests.
__global__ void add(int *out, int v) { out[threadIdx.x] += v; }

int main() {
  int *d = nullptr;
  add<<<1, 4>>>(d, 1);
  return 0;
}
