"""Writes a CUDA program with a 20,000-term sum and a 2,000-term chain of
mixed additions and subtractions: emission must stay linear in the
expression's length and the OpenCL must stay under the driver's bracket
nesting limit (256 in Clang-based drivers)."""
terms = 20000
chain = 2000
sum_text = " + ".join(f"a[{i % 64}] * {i % 5}" for i in range(terms))
chain_text = "".join(f" {'+' if i % 3 else '-'} {i % 7}" for i in range(chain))
expected_sum = sum(i % 64 * (i % 5) for i in range(terms))
expected_chain = 1 + sum((i % 7) if i % 3 else -(i % 7) for i in range(chain))
print(f"""#include <cstdio>
__global__ void longSum(const int *a, long long *out) {{ out[0] = {sum_text}; }}
__global__ void longChain(int x, int *out) {{ out[0] = x{chain_text}; }}
int main() {{
  int host[64], *a, *chained;
  long long *sum, sumBack = 0;
  for (int i = 0; i < 64; ++i) host[i] = i;
  cudaMalloc(&a, sizeof host);
  cudaMalloc(&sum, sizeof(long long));
  cudaMalloc(&chained, sizeof(int));
  cudaMemcpy(a, host, sizeof host, cudaMemcpyHostToDevice);
  longSum<<<1, 1>>>(a, sum);
  longChain<<<1, 1>>>(1, chained);
  int chainBack = 0;
  cudaMemcpy(&sumBack, sum, sizeof sumBack, cudaMemcpyDeviceToHost);
  cudaMemcpy(&chainBack, chained, sizeof chainBack, cudaMemcpyDeviceToHost);
  std::printf("sum %lld (want {expected_sum}) chain %d (want {expected_chain})\\n", sumBack, chainBack);
  return sumBack == {expected_sum} && chainBack == {expected_chain} ? 0 : 1;
}}""")
