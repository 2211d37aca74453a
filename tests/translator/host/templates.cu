// A kernel template's body is rewritten once and names the kernel with the
// template's own parameters; the registrar names every instantiation.
// RUN: %cucl-translate %s -o %t.cpp
// RUN: grep -v '// CHECK' %t.cpp | FileCheck %s
// RUN: c++ -std=c++17 -Wall -Wextra -fsyntax-only -I%cucl-include -D__CUDACC__ -D__NVCC__ -D__CUCL__ %t.cpp

namespace ns {
enum class Mode { Fast, Exact };

// CHECK: template <typename T, int N>
// CHECK-NEXT: __global__ void fill(T *out, T value) { void *cucl_args[] = {(void *)&out, (void *)&value};{{.*}}(void)cudaLaunchKernel((const void *)&fill<T, N>, cucl_grid, cucl_block, cucl_args, cucl_shmem, cucl_stream); }
template <typename T, int N>
__global__ void fill(T *out, T value) {
  __shared__ T tile[N];
  tile[threadIdx.x] = value;
  __syncthreads();
  out[threadIdx.x] = tile[N - 1 - threadIdx.x];
}

// CHECK: __global__ void pick(float *out) {{{.*}}(const void *)&pick<M, Exact>,
template <Mode M, bool Exact>
__global__ void pick(float *out) {
  out[0] = M == Mode::Fast ? 1.0f : (Exact ? 2.0f : 3.0f);
}
} // namespace ns

// CHECK: __global__ void many(Ts... values) { void *cucl_args[] = {(void *)&values..., nullptr};{{.*}}(const void *)&many<Ts...>,
template <typename... Ts>
__global__ void many(Ts... values) {}

template <typename T> void launchFill(T *data) {
  // CHECK: (__cudaPushCallConfiguration(1, 64, 0, 0) ? (void)0 : ns::fill<T, 64>(data, T(1)));
  ns::fill<T, 64><<<1, 64>>>(data, T(1));
}

int main() {
  float *f = nullptr;
  int *i = nullptr;
  // CHECK: (__cudaPushCallConfiguration(1, 256, 0, 0) ? (void)0 : ns::fill<float, 256>(f, 1.0f));
  ns::fill<float, 256><<<1, 256>>>(f, 1.0f);
  launchFill(i);
  ns::pick<ns::Mode::Exact, true><<<1, 1>>>(f);
  many<<<1, 1>>>(1, 2.0);
  many<<<1, 1>>>();
  return 0;
}

// CHECK: cucl module registrar
// CHECK-DAG: __cuclRegisterKernel(module, (const void *)&::ns::fill<float, 256>, "{{[^"]+}}", 2u,
// CHECK-DAG: __cuclRegisterKernel(module, (const void *)&::ns::fill<int, 64>, "{{[^"]+}}", 2u,
// CHECK-DAG: __cuclRegisterKernel(module, (const void *)&::ns::pick<static_cast<::ns::Mode>(1ll), true>, "{{[^"]+}}", 1u,
// CHECK-DAG: __cuclRegisterKernel(module, (const void *)&::many<int, double>, "{{[^"]+}}", 2u,
// CHECK-DAG: __cuclRegisterKernel(module, (const void *)&::many<>, "{{[^"]+}}", 0u,
