#include "command_line.h"

#include <cstdio>
#include <cstdlib>
#include <set>

namespace cucl::cc {

const char *const usageText =
    "usage: cuclcc [options] file.cu [file.cpp file.c file.o lib.a ...]\n"
    "  -c                 compile to object files only\n"
    "  -o FILE            output (executable, or object with -c)\n"
    "  -I DIR  -D X[=V]  -U X   preprocessor flags (translator and host compiler)\n"
    "  -O0..-O3  -g  -w   host compiler optimisation / debug info / no warnings\n"
    "  -std=c++NN         C++ standard (default c++17)\n"
    "  -Xcompiler a,b     pass flags to the host compiler;  -Xlinker a,b  to the linker\n"
    "  -ccbin CXX         host compiler (default $CXX, else c++)\n"
    "  -L DIR  -l LIB     link flags (libcudart is always linked; -lnvToolsExt is not needed)\n"
    "  -x cu|c++|c|none   treat the following inputs as that language\n"
    "  --keep             leave NAME.cl and NAME.cucl.cpp beside the output (--keep-dir DIR: "
    "there)\n"
    "  -odir DIR          with -c: put object files in DIR\n"
    "  -memcheck          kernels check every __global and __shared__ access (also when\n"
    "                     CUCL_MEMCHECK=1 is set); the first bad one is reported\n"
    "  --dryrun           print the commands without running them;  -v  print and run\n"
    "  -MD / -MMD         also write a Make depfile (-MF FILE, -MT TARGET, -MP); -M / -MM: only "
    "it\n"
    "  accepted and ignored: -arch/-code/-gencode/--gpu-architecture (OpenCL builds for the\n"
    "  device at run time), -G, -lineinfo, --expt-relaxed-constexpr,\n"
    "  --expt-extended-lambda, -m64, -Xptxas, -Xcudafe, -maxrregcount, -t/--threads,\n"
    "  -cudart shared, -rdc=false, -Wno-deprecated-gpu-targets\n"
    "  -use_fast_math, --ftz=B, --prec-div=B, --prec-sqrt=B, --fmad=B: as nvcc's (B: true or\n"
    "  false; see docs/device-support.md, \"Fast math\")\n";

namespace {

bool endsWith(const std::string &text, const std::string &suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool startsWith(const std::string &text, const std::string &prefix) {
  return text.rfind(prefix, 0) == 0;
}

std::optional<InputKind> kindOf(const std::string &path) {
  static const char *const cxx[] = {".cpp", ".cc", ".cxx", ".c++", ".C", ".cp"};
  static const char *const objects[] = {".o", ".a", ".so", ".obj"};
  if (endsWith(path, ".cu"))
    return InputKind::Cuda;
  for (const char *suffix : cxx)
    if (endsWith(path, suffix))
      return InputKind::Cxx;
  if (endsWith(path, ".c"))
    return InputKind::C;
  for (const char *suffix : objects)
    if (endsWith(path, suffix) || path.find(std::string(suffix) + ".") != std::string::npos)
      return InputKind::Object;
  return std::nullopt;
}

std::vector<std::string> splitCommas(const std::string &text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos)
      comma = text.size();
    if (comma > start)
      parts.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return parts;
}

bool fail(const std::string &message) {
  std::fprintf(stderr, "cuclcc: error: %s\n", message.c_str());
  return false;
}

} // namespace

std::optional<Options> parseCommandLine(const std::vector<std::string> &args) {
  Options options;
  std::optional<InputKind> forcedKind;
  // nvcc flags that need no action here (device code generation details).
  static const std::set<std::string> ignored = {"-G",
                                                "--device-debug",
                                                "-lineinfo",
                                                "--generate-line-info",
                                                "--expt-relaxed-constexpr",
                                                "-expt-relaxed-constexpr",
                                                "--expt-extended-lambda",
                                                "-expt-extended-lambda",
                                                "--extended-lambda",
                                                "-extended-lambda",
                                                "-m64",
                                                "--machine=64",
                                                "-res-usage",
                                                "--resource-usage",
                                                "-Wno-deprecated-gpu-targets",
                                                "-rdc=false",
                                                "--relocatable-device-code=false",
                                                "-cudart=shared",
                                                "--cudart=shared",
                                                "-Wdefault-stream-launch",
                                                "-Wext-lambda-captures-this",
                                                "-Wmissing-launch-bounds",
                                                "--restrict",
                                                "-restrict"};
  // nvcc flags cucl cannot honour: an error beats a silently different build.
  static const std::set<std::string> unsupported = {"-rdc=true",
                                                    "--relocatable-device-code=true",
                                                    "-dc",
                                                    "--device-c",
                                                    "-dw",
                                                    "--device-w",
                                                    "-dlink",
                                                    "--device-link",
                                                    "-ptx",
                                                    "--ptx",
                                                    "-cubin",
                                                    "--cubin",
                                                    "-fatbin",
                                                    "--fatbin",
                                                    "-E",
                                                    "--preprocess",
                                                    "--run",
                                                    "-run",
                                                    "-lib",
                                                    "--lib",
                                                    "-cudart=static",
                                                    "--cudart=static"};
  // Flags with a value, attached (-Ifoo, -arch=sm_70) or as the next argument.
  struct ValueFlag {
    const char *name;
    bool attachedWithoutEquals; // -Idir style
  };
  static const ValueFlag valueFlags[] = {{"-o", false},
                                         {"--output-file", false},
                                         {"-I", true},
                                         {"--include-path", false},
                                         {"-D", true},
                                         {"--define-macro", false},
                                         {"-U", true},
                                         {"--undefine-macro", false},
                                         {"-L", true},
                                         {"--library-path", false},
                                         {"-l", true},
                                         {"--library", false},
                                         {"-Xcompiler", false},
                                         {"--compiler-options", false},
                                         {"-Xlinker", false},
                                         {"--linker-options", false},
                                         {"-ccbin", false},
                                         {"--compiler-bindir", false},
                                         {"-arch", false},
                                         {"--gpu-architecture", false},
                                         {"-gencode", false},
                                         {"--generate-code", false},
                                         {"-code", false},
                                         {"--gpu-code", false},
                                         {"-Xptxas", false},
                                         {"--ptxas-options", false},
                                         {"-x", false},
                                         {"-cudart", false},
                                         {"--cudart", false},
                                         {"-iquote", false},
                                         {"-isystem", false},
                                         {"--default-stream", false},
                                         {"-Xcudafe", false},
                                         {"-maxrregcount", false},
                                         {"--maxrregcount", false},
                                         {"--ftz", false},
                                         {"-ftz", false},
                                         {"--prec-div", false},
                                         {"-prec-div", false},
                                         {"--prec-sqrt", false},
                                         {"-prec-sqrt", false},
                                         {"--fmad", false},
                                         {"-fmad", false},
                                         {"-t", false},
                                         {"--threads", false},
                                         {"--keep-dir", false},
                                         {"-keep-dir", false},
                                         {"--std", false},
                                         {"-odir", false},
                                         {"--output-directory", false},
                                         {"-MF", true},
                                         {"--dependency-output", false},
                                         {"-MT", true},
                                         {"--dependency-target-name", false}};

  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &arg = args[i];
    // Exact spellings first: -lineinfo and -lib are not -l with a value.
    if (ignored.count(arg)) {
      options.warnings.push_back("ignoring '" + arg + "' (no effect with OpenCL)");
      continue;
    }
    if (arg == "--use_fast_math" || arg == "-use_fast_math") {
      options.floatFlags.push_back("--use_fast_math");
      options.translateFlags.push_back("-D__USE_FAST_MATH__"); // as nvcc defines it
      continue;
    }
    if (unsupported.count(arg)) {
      fail("unsupported option '" + arg +
           "' (cucl compiles each .cu file whole; see docs/cuclcc.md)");
      return std::nullopt;
    }
    // Split a value flag into (name, value).
    std::string flag, value;
    bool isValueFlag = false;
    for (const ValueFlag &candidate : valueFlags) {
      std::string name = candidate.name;
      if (arg == name) {
        if (i + 1 >= args.size()) {
          fail("option '" + name + "' needs a value");
          return std::nullopt;
        }
        flag = name;
        value = args[++i];
      } else if (startsWith(arg, name + "=")) {
        flag = name;
        value = arg.substr(name.size() + 1);
      } else if (candidate.attachedWithoutEquals && startsWith(arg, name) &&
                 arg.size() > name.size()) {
        flag = name;
        value = arg.substr(name.size());
      } else {
        continue;
      }
      isValueFlag = true;
      break;
    }

    if (isValueFlag) {
      if (flag == "-o" || flag == "--output-file") {
        options.output = value;
      } else if (flag == "-I" || flag == "--include-path") {
        options.translateFlags.push_back("-I" + value);
      } else if (flag == "-D" || flag == "--define-macro") {
        options.translateFlags.push_back("-D" + value);
      } else if (flag == "-U" || flag == "--undefine-macro") {
        options.translateFlags.push_back("-U" + value);
      } else if (flag == "-L" || flag == "--library-path") {
        options.linkFlags.push_back("-L" + value);
      } else if (flag == "-l" || flag == "--library") {
        // libcudart is always linked; cucl's NVTX is header-only (no-ops).
        if (value != "cudart" && value != "nvToolsExt")
          options.linkFlags.push_back("-l" + value);
      } else if (flag == "-Xcompiler" || flag == "--compiler-options") {
        for (const std::string &part : splitCommas(value))
          options.hostFlags.push_back(part);
      } else if (flag == "-Xlinker" || flag == "--linker-options") {
        options.linkFlags.push_back("-Wl," + value);
      } else if (flag == "-ccbin" || flag == "--compiler-bindir") {
        options.hostCompiler = value;
      } else if (flag == "--keep-dir" || flag == "-keep-dir") {
        options.keep = true;
        options.keepDir = value;
      } else if (flag == "-MF" || flag == "--dependency-output") {
        options.dependencyFile = value;
      } else if (flag == "-MT" || flag == "--dependency-target-name") {
        options.dependencyTargets.push_back(value);
      } else if (flag == "-odir" || flag == "--output-directory") {
        options.objectDir = value;
      } else if (flag == "--std") {
        if (!startsWith(value, "c++")) {
          fail("unsupported option '" + arg + "' (use -std=c++NN)");
          return std::nullopt;
        }
        options.cxxStandard = value;
      } else if (flag == "-iquote" || flag == "-isystem") {
        options.hostFlags.push_back(flag);
        options.hostFlags.push_back(value);
      } else if (flag == "-x") {
        if (value == "cu")
          forcedKind = InputKind::Cuda;
        else if (value == "c++")
          forcedKind = InputKind::Cxx;
        else if (value == "c")
          forcedKind = InputKind::C;
        else if (value == "none")
          forcedKind.reset();
        else {
          fail("unsupported language '-x " + value + "' (use cu, c++, c or none)");
          return std::nullopt;
        }
      } else if (flag == "-cudart" || flag == "--cudart") {
        if (value != "shared") {
          fail("unsupported option '" + arg +
               "': cucl's runtime is a shared library (use -cudart shared)");
          return std::nullopt;
        }
      } else if (flag == "--ftz" || flag == "-ftz" || flag == "--prec-div" || flag == "-prec-div" ||
                 flag == "--prec-sqrt" || flag == "-prec-sqrt" || flag == "--fmad" ||
                 flag == "-fmad") {
        if (value != "true" && value != "false") {
          fail("option '" + flag + "' takes true or false, not '" + value + "'");
          return std::nullopt;
        }
        options.floatFlags.push_back((startsWith(flag, "--") ? "" : "-") + flag + "=" + value);
      } else if (flag == "--default-stream") {
        if (value != "legacy") {
          fail("unsupported option '--default-stream " + value +
               "' (only the legacy default stream)");
          return std::nullopt;
        }
      } else {
        options.warnings.push_back("ignoring '" + flag + " " + value + "' (no effect with OpenCL)");
      }
      continue;
    }

    if (arg == "-c" || arg == "--compile") {
      options.compileOnly = true;
    } else if (arg == "--keep" || arg == "-keep") {
      options.keep = true;
    } else if (arg == "--memcheck" || arg == "-memcheck") {
      options.memcheck = true;
    } else if (arg == "--dryrun" || arg == "-dryrun") {
      options.dryRun = true;
    } else if (arg == "-v" || arg == "--verbose") {
      options.verbose = true;
    } else if (arg == "-M" || arg == "--generate-dependencies") {
      options.dependencies = DependencyMode::Only;
    } else if (arg == "-MM" || arg == "--generate-nonsystem-dependencies") {
      options.dependencies = DependencyMode::OnlyNonSystem;
    } else if (arg == "-MD" || arg == "--generate-dependencies-with-compile") {
      options.dependencies = DependencyMode::WithCompile;
    } else if (arg == "-MMD" || arg == "--generate-nonsystem-dependencies-with-compile") {
      options.dependencies = DependencyMode::WithCompileNonSystem;
    } else if (arg == "-MP" || arg == "--generate-dependency-targets") {
      options.phonyDependencyTargets = true;
    } else if (arg == "-h" || arg == "--help") {
      std::fputs(usageText, stdout);
      std::exit(0);
    } else if (arg == "-V" || arg == "--version") {
      std::puts("cuclcc: cucl (CUDA on OpenCL) compiler driver, version 0.1.0");
      std::exit(0);
    } else if (startsWith(arg, "-std=")) {
      std::string standard = arg.substr(5);
      if (!startsWith(standard, "c++")) {
        fail("unsupported option '" + arg + "' (use -std=c++NN)");
        return std::nullopt;
      }
      options.cxxStandard = standard;
    } else if (arg == "-O" || (startsWith(arg, "-O") && arg.size() == 3 &&
                               std::string("0123s").find(arg[2]) != std::string::npos)) {
      options.hostFlags.push_back(arg);
    } else if (arg == "-g" || arg == "--debug") {
      options.hostFlags.push_back("-g");
    } else if (arg == "-Wno-deprecated-declarations" || arg == "-Wreorder") {
      options.hostFlags.push_back(arg); // nvcc forwards these host warnings too
    } else if (arg == "-w" || arg == "--disable-warnings") {
      options.hostFlags.push_back("-w");
    } else if (arg == "-shared" || arg == "--shared") {
      options.linkFlags.push_back("-shared");
    } else if (arg == "-pthread") {
      options.hostFlags.push_back(arg);
      options.linkFlags.push_back(arg);
    } else if (startsWith(arg, "-")) {
      fail("unsupported option '" + arg + "' (see 'cuclcc --help')");
      return std::nullopt;
    } else {
      std::optional<InputKind> kind = forcedKind ? forcedKind : kindOf(arg);
      if (!kind) {
        fail("unknown input file type '" + arg + "' (expected .cu, .cpp, .c, .o, .a or .so)");
        return std::nullopt;
      }
      options.inputs.push_back({arg, *kind});
    }
  }
  if (options.inputs.empty()) {
    fail("no input files");
    return std::nullopt;
  }
  size_t compiled = 0;
  for (const Input &input : options.inputs)
    compiled += input.kind != InputKind::Object;
  if (!options.dependencyFile.empty() && options.dependencies == DependencyMode::None) {
    fail("-MF needs -M, -MM, -MD or -MMD");
    return std::nullopt;
  }
  if ((!options.dependencyFile.empty() || !options.dependencyTargets.empty()) && compiled > 1) {
    fail("-MF and -MT need exactly one source file");
    return std::nullopt;
  }
  if (options.compileOnly && !options.output.empty() && compiled > 1) {
    fail("-o with -c needs exactly one source file");
    return std::nullopt;
  }
  return options;
}

} // namespace cucl::cc
