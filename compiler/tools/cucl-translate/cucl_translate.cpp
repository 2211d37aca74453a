// cucl-translate: one .cu file -> host C++ (nvcc's launch ABI, OpenCL module
// embedded) and/or OpenCL C. A small hand-written option parser keeps the
// nvcc-style spellings (-Idir, -DX=1, -std=c++17) that llvm::cl does not.
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include "driver/translation.h"

namespace {

const char *const usage =
    "usage: cucl-translate FILE.cu [options]\n"
    "  -o FILE            host C++ output (default: stdout; '-' is stdout)\n"
    "  --device-out FILE  also write the OpenCL C program to FILE\n"
    "  --device-only      write only the OpenCL C program (to -o, default stdout)\n"
    "  -I DIR, -IDIR      add an include directory\n"
    "  -D X[=V], -DX[=V]  define a macro\n"
    "  -U X, -UX          undefine a macro\n"
    "  -std=c++NN         C++ standard (default c++17)\n"
    "  --memcheck         kernels check every __global and __shared__ access\n"
    "  --use_fast_math    nvcc's: --ftz=true --prec-div=false --prec-sqrt=false, and\n"
    "                     expf, sinf, ... become __expf, __sinf, ...\n"
    "  --ftz=B --prec-div=B --prec-sqrt=B --fmad=B   nvcc's float options (B: true|false)\n"
    "  --print-clang-args print the Clang arguments used for parsing and exit\n"
    "  --help             show this help\n";

int usageError(const std::string &message) {
  llvm::errs() << "cucl-translate: error: " << message << "\n"
               << "run 'cucl-translate --help' for usage\n";
  return 2;
}

// cucl's headers: the installed copy beside the tool, else the source tree's.
std::string cuclIncludeDir(const char *argv0) {
  std::string exe = llvm::sys::fs::getMainExecutable(argv0, reinterpret_cast<void *>(&usageError));
  if (!exe.empty()) {
    llvm::SmallString<256> installed(
        llvm::sys::path::parent_path(llvm::sys::path::parent_path(exe)));
    llvm::sys::path::append(installed, "include");
    llvm::SmallString<256> marker(installed);
    llvm::sys::path::append(marker, "cuda_runtime.h");
    if (llvm::sys::fs::exists(marker))
      return std::string(installed);
  }
  return CUCL_SOURCE_INCLUDE_DIR;
}

// "--ftz=true" and friends: (option, value), or nothing for other arguments.
struct FloatFlag {
  std::string name;
  bool value;
};
std::optional<FloatFlag> floatFlag(const std::string &arg) {
  for (const char *name : {"--ftz=", "--prec-div=", "--prec-sqrt=", "--fmad="}) {
    std::string prefix = name;
    if (arg.rfind(prefix, 0) != 0)
      continue;
    std::string value = arg.substr(prefix.size());
    if (value == "true" || value == "false")
      return FloatFlag{prefix.substr(0, prefix.size() - 1), value == "true"};
  }
  return std::nullopt;
}

} // namespace

int main(int argc, char **argv) {
  cucl::translate::TranslateOptions options;
  cucl::translate::TranslationOutputs outputs;
  options.cuclIncludeDir = cuclIncludeDir(argv[0]);
  options.clangResourceDir = CUCL_CLANG_RESOURCE_DIR;
  bool deviceOnly = false;
  bool printClangArgs = false;
  std::string output = "-";
  bool fastMath = false;
  std::vector<FloatFlag> explicitFloatFlags; // override --use_fast_math, in any order
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    // Options that take a value, either attached (-Idir) or as the next argument.
    auto value = [&](const std::string &flag, std::string &into) {
      if (arg == flag) {
        if (i + 1 >= argc)
          return false;
        into = argv[++i];
        return true;
      }
      into = arg.substr(flag.size());
      return !into.empty();
    };
    std::string text;
    if (arg == "--help" || arg == "-h") {
      llvm::outs() << usage;
      return 0;
    } else if (arg == "-o") {
      if (!value("-o", output))
        return usageError("-o needs a file name");
    } else if (arg == "--device-out") {
      if (!value("--device-out", outputs.deviceClPath))
        return usageError("--device-out needs a file name");
    } else if (arg == "--device-only") {
      deviceOnly = true;
    } else if (arg == "--memcheck") {
      options.memcheck = true;
    } else if (arg == "--use_fast_math") {
      fastMath = true;
    } else if (auto flag = floatFlag(arg)) {
      explicitFloatFlags.push_back(*flag);
    } else if (arg == "--print-clang-args") {
      printClangArgs = true;
    } else if (arg.rfind("-I", 0) == 0) {
      if (!value("-I", text))
        return usageError("-I needs a directory");
      options.includeDirs.push_back(text);
    } else if (arg.rfind("-D", 0) == 0) {
      if (!value("-D", text))
        return usageError("-D needs a macro name");
      options.defines.push_back(text);
    } else if (arg.rfind("-U", 0) == 0) {
      if (!value("-U", text))
        return usageError("-U needs a macro name");
      options.undefines.push_back(text);
    } else if (arg.rfind("-std=", 0) == 0) {
      std::string standard = arg.substr(5);
      if (standard.rfind("c++", 0) != 0 && standard.rfind("gnu++", 0) != 0)
        return usageError("unsupported language standard '" + standard + "' (use c++NN)");
      options.cxxStandard = standard;
    } else if (arg.size() > 1 && arg[0] == '-') {
      return usageError("unknown option '" + arg + "'");
    } else if (!options.inputPath.empty()) {
      return usageError("more than one input file ('" + options.inputPath + "' and '" + arg + "')");
    } else {
      options.inputPath = arg;
    }
  }
  if (fastMath)
    options.floatModel = cucl::translate::FloatModel::fastMath();
  for (const FloatFlag &flag : explicitFloatFlags) {
    cucl::translate::FloatModel &model = options.floatModel;
    bool &field = flag.name == "--ftz"         ? model.flushDenormals
                  : flag.name == "--prec-div"  ? model.preciseDivide
                  : flag.name == "--prec-sqrt" ? model.preciseSqrt
                                               : model.contract;
    field = flag.value;
  }
  if (printClangArgs) {
    for (const std::string &arg : cucl::translate::clangArgumentsFor(options))
      llvm::outs() << arg << "\n";
    return 0;
  }
  if (options.inputPath.empty())
    return usageError("no input file");
  if (!llvm::sys::fs::exists(options.inputPath)) {
    llvm::errs() << "cucl-translate: error: no such file: '" << options.inputPath << "'\n";
    return 1;
  }
  if (deviceOnly) {
    outputs.deviceClPath = output;
    outputs.hostCppPath.clear();
  } else {
    outputs.hostCppPath = output;
  }
  return cucl::translate::translateFile(options, outputs);
}
