"""Writes a CUDA program whose kernels nest expressions far deeper than OpenCL
compilers accept (Clang-based drivers stop at 256 brackets and overflow their
stack some thousands of operators deep): a 1,500-deep right-nested
conditional whose arms count their own evaluations, 1,000 nested
parentheses, 1,000 nested calls, 5,000 unary operators, short-circuit
operators over 600 nested calls that count, a 3,000-link && chain, the
C++17 order of a comma and of an assignment around deep operands, and a deep
lvalue. The translator splits them into pieces held in temporaries; the
program checks every value and count against the ones computed here.

With --max-nesting FILE LIMIT it instead prints the deepest bracket nesting
of FILE and fails when it passes LIMIT."""
import sys

if len(sys.argv) == 4 and sys.argv[1] == "--max-nesting":
    depth = deepest = 0
    for c in open(sys.argv[2]).read():
        depth += c in "([{"
        depth -= c in ")]}"
        deepest = max(deepest, depth)
    print(f"deepest bracket nesting {deepest}")
    sys.exit(0 if deepest <= int(sys.argv[3]) else 1)

M = 1 << 32

# 1. Conditional: a == j ? (count arm j, v_j) : ... : -1.
ARMS = 1500
values = [(j * 7919) % 1000 for j in range(ARMS)]
conditional = " ".join(f"a == {j} ? (atomicAdd(&arms[{j}], 1), {values[j]}) :" for j in range(ARMS)) + " -1"
inputs = [0, 1, 37, 499, 1000, 1499, 1500, -3]

# 2. Parentheses: ((((x + 3) * 5) ^ 7) - 11)... in 32-bit unsigned arithmetic.
PARENS = 1000
ops = [("+", 3), ("*", 5), ("^", 7), ("-", 11)]
paren_text, paren_value, x0 = "x", 12345, 12345
for i in range(PARENS):
    op, c = ops[i % 4]
    paren_text = f"({paren_text} {op} {c}u)"
    paren_value = {"+": paren_value + c, "*": paren_value * c, "^": paren_value ^ c,
                   "-": paren_value - c}[op] % M

# 3. Calls: step(step(...(x)...)), step(x) = x + 1.
CALLS = 1000
calls_text = "step(" * CALLS + "x" + ")" * CALLS

# 4. Unary: - ~ - ~ ... x; -~x == x + 1.
UNARY = 5000
unary_text = "- ~ " * (UNARY // 2) + "x"

# 5. Short-circuit over counting calls.
COUNTED = 600
def counted(counter):
    return f"bump({counter}, " * COUNTED + "a" + ")" * COUNTED
LINKS = 3000
chain = " && ".join(["a > 5"] + [f"bump(&count[4 * i + 2], 0) > 0"] * LINKS)
logical_inputs = [3, 9]

# 6. Order: a comma's left side first; an assignment's right side first.
ORDER = 300
steps = "step(" * ORDER + "{}" + ")" * ORDER

print(f"""#include <cstdio>
__device__ int step(int x) {{ return 2 * x - x + 1; }}
__device__ int bump(int *count, int x) {{ atomicAdd(count, 1); return x + 1; }}

__global__ void conditional(const int *in, int *out, int *arms) {{
  int a = in[threadIdx.x];
  out[threadIdx.x] = {conditional};
}}
__global__ void parens(unsigned x, unsigned *out) {{ out[0] = {paren_text}; }}
__global__ void calls(int x, int *out) {{ out[0] = {calls_text}; }}
__global__ void unary(int x, int *out) {{ out[0] = {unary_text}; }}
__global__ void logical(const int *in, int *count, int *out) {{
  int i = threadIdx.x, a = in[i];
  out[3 * i] = a > 5 && {counted("&count[4 * i]")} > 0;
  out[3 * i + 1] = a > 5 || {counted("&count[4 * i + 1]")} > 0;
  out[3 * i + 2] = {chain};
}}
__global__ void order(int *cell, int *out) {{
  int k = 0;
  out[0] = (cell[0] = 7, {steps.format("cell[0]")});
  out[{steps.format("k")} - {ORDER} + 1] = (k = 1);
  cell[{steps.format("0")} - {ORDER - 1}] += 5;
  int &r = cell[{steps.format("1")} - {ORDER - 1}];
  r = 9;
}}

static int failures = 0;
static void expect(const char *what, long long got, long long want) {{
  if (got != want) {{
    std::printf("%s: %lld, want %lld\\n", what, got, want);
    ++failures;
  }}
}}

int main() {{
  const int inputs[] = {{{", ".join(map(str, inputs))}}};
  const int n = {len(inputs)};
  int *in, *out, *arms;
  cudaMalloc(&in, sizeof inputs);
  cudaMalloc(&out, 16 * sizeof(int));
  cudaMalloc(&arms, {ARMS} * sizeof(int));
  cudaMemcpy(in, inputs, sizeof inputs, cudaMemcpyHostToDevice);
  cudaMemset(arms, 0, {ARMS} * sizeof(int));
  conditional<<<1, n>>>(in, out, arms);
  int results[16], counts[{ARMS}];
  cudaMemcpy(results, out, n * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(counts, arms, sizeof counts, cudaMemcpyDeviceToHost);
  const int want[] = {{{", ".join(str(values[a]) if 0 <= a < ARMS else "-1" for a in inputs)}}};
  for (int i = 0; i < n; ++i) expect("conditional", results[i], want[i]);
  for (int j = 0; j < {ARMS}; ++j) {{
    int taken = 0;
    for (int i = 0; i < n; ++i) taken += inputs[i] == j;
    expect("arm evaluations", counts[j], taken);
  }}

  unsigned *word;
  cudaMalloc(&word, sizeof(unsigned));
  parens<<<1, 1>>>({x0}u, word);
  unsigned parenValue = 0;
  cudaMemcpy(&parenValue, word, sizeof parenValue, cudaMemcpyDeviceToHost);
  expect("parentheses", parenValue, {paren_value}u);

  calls<<<1, 1>>>(5, out);
  unary<<<1, 1>>>(5, out + 1);
  cudaMemcpy(results, out, 2 * sizeof(int), cudaMemcpyDeviceToHost);
  expect("calls", results[0], 5 + {CALLS});
  expect("unary", results[1], 5 + {UNARY // 2});

  const int logicalInputs[] = {{{", ".join(map(str, logical_inputs))}}};
  int *count;
  cudaMalloc(&count, 8 * sizeof(int));
  cudaMemset(count, 0, 8 * sizeof(int));
  cudaMemcpy(in, logicalInputs, sizeof logicalInputs, cudaMemcpyHostToDevice);
  logical<<<1, 2>>>(in, count, out);
  int counters[8];
  cudaMemcpy(results, out, 6 * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(counters, count, sizeof counters, cudaMemcpyDeviceToHost);
  for (int i = 0; i < 2; ++i) {{
    bool big = logicalInputs[i] > 5;
    expect("&& value", results[3 * i], big);
    expect("|| value", results[3 * i + 1], 1);
    expect("&& chain value", results[3 * i + 2], big);
    expect("&& evaluations", counters[4 * i], big ? {COUNTED} : 0);
    expect("|| evaluations", counters[4 * i + 1], big ? 0 : {COUNTED});
    expect("&& chain evaluations", counters[4 * i + 2], big ? {LINKS} : 0);
  }}

  int *cell;
  cudaMalloc(&cell, 4 * sizeof(int));
  cudaMemset(cell, 0, 4 * sizeof(int));
  cudaMemset(out, 0, 16 * sizeof(int));
  order<<<1, 1>>>(cell, out);
  int cells[4];
  cudaMemcpy(results, out, 3 * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(cells, cell, sizeof cells, cudaMemcpyDeviceToHost);
  expect("comma order", results[0], 7 + {ORDER});
  expect("assignment order (right side first)", results[2], 1);
  expect("assignment order (left side not first)", results[1], 0);
  expect("compound assignment to a deep lvalue", cells[1], 5);
  expect("reference to a deep lvalue", cells[2], 9);

  cudaError_t status = cudaDeviceSynchronize();
  expect("status", status, cudaSuccess);
  std::printf("deep expressions: %d mismatches\\n", failures);
  return failures == 0 ? 0 : 1;
}}""")
