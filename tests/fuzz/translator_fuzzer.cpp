// libFuzzer target over the translator (docs/fuzzing.md). An input is the
// text of a .cu file, translated in-process as cucl-translate does (host C++
// and OpenCL C). Rejecting an input is fine; crashing, hanging or failing a
// sanitizer check is a finding, and so is accepting an input whose OpenCL C
// the OpenCL driver then refuses to build (clBuildProgram with the runtime's
// -cl-std=CL1.2, on the first OpenCL device). The translator's diagnostics
// are silenced unless CUCL_FUZZ_VERBOSE=1. Mutations work on tokens and
// lines, mostly, so that mutants still parse and reach the emitter.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#define CL_TARGET_OPENCL_VERSION 120
#include <CL/cl.h>

#include "driver/translation.h"

namespace {

struct Fuzzing {
  std::string directory; // scratch files of this process
  cl_device_id device = nullptr;
  cl_context context = nullptr;
  std::string deviceName;
  bool verbose = false;
};
Fuzzing *fuzzing = nullptr;

[[noreturn]] void fail(const std::string &message) {
  std::fprintf(stderr, "cucl-translator-fuzzer: %s\n", message.c_str());
  std::abort();
}

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Sends stderr to /dev/null while alive (the translator's diagnostics for
// the many inputs it rejects).
class Silence {
public:
  explicit Silence(bool active) {
    if (!active)
      return;
    std::fflush(stderr);
    saved_ = dup(STDERR_FILENO);
    int null = open("/dev/null", O_WRONLY);
    if (saved_ >= 0 && null >= 0)
      dup2(null, STDERR_FILENO);
    if (null >= 0)
      close(null);
  }
  ~Silence() {
    if (saved_ < 0)
      return;
    std::fflush(stderr);
    dup2(saved_, STDERR_FILENO);
    close(saved_);
  }
  Silence(const Silence &) = delete;
  Silence &operator=(const Silence &) = delete;

private:
  int saved_ = -1;
};

// PoCL's LLVM installs its own crash handlers when OpenCL starts up; they
// would end the process on a finding without libFuzzer's report and saved
// input. The handlers in place before OpenCL calls (libFuzzer's, the
// sanitizers', the translator's) are put back after them.
class KeepSignalHandlers {
public:
  KeepSignalHandlers() {
    for (size_t i = 0; i < kSignals.size(); ++i)
      sigaction(kSignals[i], nullptr, &saved_[i]);
  }
  ~KeepSignalHandlers() {
    for (size_t i = 0; i < kSignals.size(); ++i)
      sigaction(kSignals[i], &saved_[i], nullptr);
  }
  KeepSignalHandlers(const KeepSignalHandlers &) = delete;
  KeepSignalHandlers &operator=(const KeepSignalHandlers &) = delete;

private:
  static constexpr std::array<int, 5> kSignals = {SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE};
  std::array<struct sigaction, kSignals.size()> saved_{};
};

// Runs on the first input, once libFuzzer has installed its handlers.
void setUp() {
  KeepSignalHandlers keep;
  fuzzing = new Fuzzing;
  const char *verbose = std::getenv("CUCL_FUZZ_VERBOSE");
  fuzzing->verbose = verbose && *verbose && std::string(verbose) != "0";
  // Every mutant is a new program: keep them out of PoCL's kernel cache.
  setenv("POCL_KERNEL_CACHE", "0", 0);

  const char *tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/cucl-fuzz-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  if (!mkdtemp(name.data()))
    fail("cannot create a scratch directory from " + pattern);
  fuzzing->directory = name.data();
  std::atexit([] {
    std::error_code ignored;
    std::filesystem::remove_all(fuzzing->directory, ignored);
  });

  cl_uint platformCount = 0;
  if (clGetPlatformIDs(0, nullptr, &platformCount) != CL_SUCCESS || platformCount == 0)
    fail("no OpenCL platform");
  std::vector<cl_platform_id> platforms(platformCount);
  clGetPlatformIDs(platformCount, platforms.data(), nullptr);
  for (cl_platform_id platform : platforms) {
    cl_device_id device = nullptr;
    if (clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 1, &device, nullptr) == CL_SUCCESS) {
      fuzzing->device = device;
      break;
    }
  }
  if (!fuzzing->device)
    fail("no OpenCL device");
  char deviceName[256] = {};
  clGetDeviceInfo(fuzzing->device, CL_DEVICE_NAME, sizeof deviceName - 1, deviceName, nullptr);
  fuzzing->deviceName = deviceName;
  cl_int status = CL_SUCCESS;
  fuzzing->context = clCreateContext(nullptr, 1, &fuzzing->device, nullptr, nullptr, &status);
  if (status != CL_SUCCESS)
    fail("cannot create an OpenCL context on '" + fuzzing->deviceName + "'");
}

// Builds the translator's OpenCL C as the runtime would; the build log when
// the driver refuses it.
bool buildOpenCl(const std::string &source, std::string &log) {
  const char *text = source.c_str();
  size_t length = source.size();
  cl_int status = CL_SUCCESS;
  cl_program program = clCreateProgramWithSource(fuzzing->context, 1, &text, &length, &status);
  if (status != CL_SUCCESS) {
    log = "clCreateProgramWithSource failed (" + std::to_string(status) + ")";
    return false;
  }
  status = clBuildProgram(program, 1, &fuzzing->device, "-cl-std=CL1.2", nullptr, nullptr);
  if (status != CL_SUCCESS) {
    size_t size = 0;
    clGetProgramBuildInfo(program, fuzzing->device, CL_PROGRAM_BUILD_LOG, 0, nullptr, &size);
    std::string buildLog(size, '\0');
    clGetProgramBuildInfo(program, fuzzing->device, CL_PROGRAM_BUILD_LOG, size, buildLog.data(),
                          nullptr);
    log = "clBuildProgram failed (" + std::to_string(status) + ") on '" + fuzzing->deviceName +
          "':\n" + buildLog;
  }
  clReleaseProgram(program);
  return status == CL_SUCCESS;
}

// Token-level mutations keep most mutants parseable, so they reach the
// emitter: a token replaced by one of the same kind from the input or by a
// CUDA snippet, an operand wrapped in an operator, lines duplicated, moved or
// dropped. A third of the mutations are libFuzzer's own byte-level ones.
struct Token {
  std::string text;
  char kind; // 'i' identifier or keyword, 'n' number, 'p' punctuation, ' ' space
};

std::vector<Token> tokenize(const std::string &text) {
  std::vector<Token> tokens;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t start = i;
    char kind = 'p';
    if (std::isspace(c)) {
      kind = ' ';
      while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
        ++i;
    } else if (std::isalpha(c) || c == '_') {
      kind = 'i';
      while (i < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_'))
        ++i;
    } else if (std::isdigit(c)) {
      kind = 'n';
      while (i < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '.'))
        ++i;
    } else {
      ++i;
    }
    tokens.push_back({text.substr(start, i - start), kind});
  }
  return tokens;
}

const char *const snippets[] = {"threadIdx.x",
                                "blockIdx.x * blockDim.x + threadIdx.x",
                                "warpSize",
                                "0",
                                "1",
                                "-1",
                                "2.5f",
                                "0.5",
                                "1u",
                                "0xffffffffu",
                                "255",
                                "n",
                                "i",
                                "x",
                                "(float)",
                                "(int)",
                                "(double)",
                                "sizeof(int)",
                                "__syncthreads();",
                                "__shfl_down_sync(0xffffffff, x, 1)",
                                "atomicAdd(p, 1)",
                                "sqrtf(x)",
                                "fminf(x, 1.0f)",
                                "min(a, b)",
                                "__popc(x)",
                                "make_float3(1, 2, 3)",
                                "*p",
                                "p[i]",
                                "&x",
                                "x ? y : z",
                                "(a, b)",
                                "a && b",
                                "a || b",
                                "!a",
                                "~a",
                                "a << 3",
                                "a % 7",
                                "return;",
                                "break;",
                                "continue;",
                                "if (x) ",
                                "for (int j = 0; j < 4; ++j) ",
                                "while (x--) ",
                                "__shared__ int s[32];",
                                "int t = 0;",
                                "const",
                                "static",
                                "auto",
                                "unsigned",
                                "long long",
                                "short",
                                "char",
                                "bool",
                                "true",
                                "false",
                                "nullptr",
                                "this",
                                "struct",
                                "template <typename T>",
                                "T",
                                "::",
                                "->",
                                "."};

std::string wrapped(const std::string &operand, unsigned choice) {
  switch (choice % 10) {
  case 0:
    return "(" + operand + " + 1)";
  case 1:
    return "-" + operand;
  case 2:
    return "(" + operand + " ? " + operand + " : 0)";
  case 3:
    return "(int)(" + operand + ")";
  case 4:
    return "(" + operand + " && " + operand + ")";
  case 5:
    return "(" + operand + ", " + operand + ")";
  case 6:
    return "(" + operand + " * " + operand + ")";
  case 7:
    return "(" + operand + " = " + operand + ")";
  case 8:
    return "(" + operand + " << 1)";
  default:
    return "((" + operand + "))";
  }
}

std::string mutateTokens(const std::string &text, std::minstd_rand &random) {
  std::vector<Token> tokens = tokenize(text);
  std::vector<size_t> solid;
  for (size_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].kind != ' ')
      solid.push_back(i);
  if (solid.empty())
    return text + snippets[random() % (sizeof snippets / sizeof *snippets)];
  Token &token = tokens[solid[random() % solid.size()]];
  switch (random() % 6) {
  case 0: { // another token of the same kind from the input
    std::vector<size_t> same;
    for (size_t i : solid)
      if (tokens[i].kind == token.kind)
        same.push_back(i);
    token.text = tokens[same[random() % same.size()]].text;
    break;
  }
  case 1:
    token.text = snippets[random() % (sizeof snippets / sizeof *snippets)];
    break;
  case 2:
    if (token.kind == 'i' || token.kind == 'n')
      token.text = wrapped(token.text, static_cast<unsigned>(random()));
    else
      token.text.clear();
    break;
  default: { // lines: duplicate, move, drop
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
      lines.push_back(line);
    if (lines.empty())
      return text;
    size_t from = random() % lines.size(), to = random() % lines.size();
    unsigned how = random() % 3;
    std::string line = lines[from];
    if (how != 0)
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(from));
    if (how != 2)
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(std::min(to, lines.size())), line);
    std::string joined;
    for (const std::string &kept : lines)
      joined += kept + "\n";
    return joined;
  }
  }
  std::string joined;
  for (const Token &kept : tokens)
    joined += kept.text;
  return joined;
}

} // namespace

extern "C" size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t maxSize);

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t maxSize,
                                          unsigned int seed) {
  std::minstd_rand random(seed);
  if (random() % 3 == 0)
    return LLVMFuzzerMutate(data, size, maxSize);
  std::string mutant = mutateTokens(std::string(reinterpret_cast<char *>(data), size), random);
  if (mutant.size() > maxSize)
    mutant.resize(maxSize);
  std::memcpy(data, mutant.data(), mutant.size());
  return mutant.size();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!fuzzing)
    setUp();
  const std::string input = fuzzing->directory + "/input.cu";
  const std::string deviceOut = fuzzing->directory + "/input.cl";
  {
    std::ofstream out(input, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(size));
  }
  std::remove(deviceOut.c_str());

  cucl::translate::TranslateOptions options;
  options.inputPath = input;
  options.cuclIncludeDir = CUCL_SOURCE_INCLUDE_DIR;
  options.clangResourceDir = CUCL_CLANG_RESOURCE_DIR;
  cucl::translate::TranslationOutputs outputs;
  outputs.deviceClPath = deviceOut;
  outputs.hostCppPath = fuzzing->directory + "/host/input.cpp";
  int status = 0;
  {
    Silence silence(!fuzzing->verbose);
    status = cucl::translate::translateFile(options, outputs);
  }
  if (status != 0)
    return 0; // rejected, with diagnostics

  std::string source = readFile(deviceOut);
  std::string log;
  bool built = false;
  {
    KeepSignalHandlers keep;
    Silence silence(!fuzzing->verbose); // the driver's warnings
    built = buildOpenCl(source, log);
  }
  if (!built) {
    std::fprintf(stderr,
                 "cucl-translator-fuzzer: the translator accepted this input, but its OpenCL C "
                 "does not build.\n--- input ---\n%s\n--- OpenCL C ---\n%s\n--- %s\n",
                 std::string(reinterpret_cast<const char *>(data), size).c_str(),
                 source.substr(0, 20000).c_str(), log.substr(0, 20000).c_str());
    std::abort();
  }
  return 0;
}
