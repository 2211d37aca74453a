// cuclcc: builds CUDA programs for OpenCL with nvcc's command line.
//   file.cu --cucl-translate--> file.cucl.cpp (+ file.cl) --$CXX -c--> file.o
//   objects --$CXX--> program, linked with cucl's libcudart (rpath set)
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "command_line.h"
#include "depfile.h"
#include "subprocess.h"
#include "tool_paths.h"

namespace fs = std::filesystem;

namespace {

using cucl::cc::DependencyMode;
using cucl::cc::InputKind;
using Command = std::vector<std::string>;

// Splits a command given as one string at blanks (no quoting, like make's $(CXX)).
Command splitWords(const std::string &text) {
  Command words;
  size_t start = text.find_first_not_of(" \t");
  while (start != std::string::npos) {
    size_t end = text.find_first_of(" \t", start);
    words.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    start = end == std::string::npos ? end : text.find_first_not_of(" \t", end);
  }
  if (words.empty())
    words.push_back("c++");
  return words;
}

// CUCL_MEMCHECK=1 at build time turns -memcheck on for every file a build
// translates, without touching its makefiles.
bool memcheckFromEnvironment() {
  const char *value = std::getenv("CUCL_MEMCHECK");
  return value != nullptr && *value != '\0' && std::string(value) != "0";
}

class Driver {
public:
  Driver(const cucl::cc::Options &options, const cucl::cc::ToolPaths &paths)
      : options_(options), paths_(paths) {
    const char *cxx = std::getenv("CXX");
    const char *cc = std::getenv("CC");
    cxx_ = splitWords(!options.hostCompiler.empty() ? options.hostCompiler
                                                    : (cxx && *cxx ? cxx : "c++"));
    cc_ =
        splitWords(!options.hostCompiler.empty() ? options.hostCompiler : (cc && *cc ? cc : "cc"));
  }

  int run() {
    if (!makeWorkDir())
      return 1;
    int status = build();
    std::error_code ignored;
    fs::remove_all(workDir_, ignored);
    return status;
  }

private:
  bool makeWorkDir() {
    const char *tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/cuclcc-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (!mkdtemp(buffer.data())) {
      std::perror("cuclcc: error: cannot create a temporary directory");
      return false;
    }
    workDir_ = buffer.data();
    return true;
  }

  int execute(const Command &command) {
    if (options_.verbose || options_.dryRun)
      std::fprintf(stderr, "#$ %s\n", cucl::cc::shellQuoted(command).c_str());
    if (options_.dryRun)
      return 0;
    return cucl::cc::runCommand(command);
  }

  // Flags every host compile gets: cucl's headers first, then the user's.
  void addPreprocessorFlags(Command &command) const {
    command.push_back("-I" + paths_.includeDir);
    for (const std::string &flag : options_.translateFlags)
      command.push_back(flag);
    for (const std::string &flag : options_.hostFlags)
      command.push_back(flag);
  }

  std::string objectFor(const cucl::cc::Input &input, size_t index) const {
    std::string stem = fs::path(input.path).stem().string();
    if (options_.compileOnly && !options_.output.empty())
      return options_.output;
    if (options_.compileOnly)
      return (options_.objectDir.empty() ? fs::path(stem + ".o")
                                         : fs::path(options_.objectDir) / (stem + ".o"))
          .string();
    return (fs::path(workDir_) / (std::to_string(index) + "_" + stem + ".o")).string();
  }

  int compileCuda(const cucl::cc::Input &input, size_t index, const std::string &object) {
    std::string stem = fs::path(input.path).stem().string();
    // One folder per input: rewritten headers of two .cu files never mix.
    fs::path folder = fs::path(workDir_) / std::to_string(index);
    std::error_code error;
    fs::create_directories(folder, error);
    std::string host = (folder / (stem + ".cucl.cpp")).string();
    std::string device = (folder / (stem + ".cl")).string();

    Command translate = {paths_.translator,
                         input.path,
                         "-o",
                         host,
                         "--device-out",
                         device,
                         "-std=" + options_.cxxStandard};
    translate.insert(translate.end(), options_.translateFlags.begin(),
                     options_.translateFlags.end());
    if (options_.memcheck || memcheckFromEnvironment())
      translate.push_back("--memcheck");
    translate.insert(translate.end(), options_.floatFlags.begin(), options_.floatFlags.end());
    if (int status = execute(translate))
      return status;

    Command compile = cxx_;
    compile.insert(compile.end(),
                   {"-std=" + options_.cxxStandard, "-D__CUDACC__", "-D__NVCC__", "-D__CUCL__"});
    addPreprocessorFlags(compile);
    // The user's own headers, for includes the translator did not rewrite.
    compile.push_back("-iquote");
    compile.push_back(fs::absolute(input.path).parent_path().lexically_normal().string());
    // The host compiler lists what the generated file includes; the rule is
    // then rewritten to name the .cu file and the original headers.
    std::string generatedDeps = (folder / (stem + ".d")).string();
    if (options_.dependencies != DependencyMode::None)
      compile.insert(compile.end(), {hostDependencyFlag(), "-MF", generatedDeps});
    if (onlyDependencies())
      compile.push_back(host);
    else
      compile.insert(compile.end(), {"-c", host, "-o", object});
    if (int status = execute(compile))
      return status;
    if (options_.dependencies != DependencyMode::None && !options_.dryRun &&
        !writeDependencies(input, generatedDeps, host, folder.string(), object))
      return 1;

    if (options_.keep && !options_.dryRun) {
      fs::path beside = !options_.keepDir.empty() ? fs::path(options_.keepDir)
                        : options_.output.empty() ? fs::path(".")
                                                  : fs::path(options_.output).parent_path();
      if (beside.empty())
        beside = ".";
      fs::create_directories(beside, error);
      for (const std::string &file : {host, device}) {
        fs::copy_file(file, beside / fs::path(file).filename(),
                      fs::copy_options::overwrite_existing, error);
        if (error) {
          std::fprintf(stderr, "cuclcc: error: cannot keep '%s': %s\n", file.c_str(),
                       error.message().c_str());
          return 1;
        }
      }
    }
    return 0;
  }

  int compileHost(const cucl::cc::Input &input, const std::string &object) {
    bool isC = input.kind == InputKind::C;
    Command compile = isC ? cc_ : cxx_;
    if (!isC)
      compile.push_back("-std=" + options_.cxxStandard);
    addPreprocessorFlags(compile);
    // Plain C/C++ files: the host compiler writes the depfile itself.
    if (options_.dependencies != DependencyMode::None) {
      compile.push_back(hostDependencyFlag());
      std::string file = dependencyFileFor(input, object);
      if (!file.empty())
        compile.insert(compile.end(), {"-MF", file});
      for (const std::string &target : dependencyTargetsFor(input, object))
        compile.insert(compile.end(), {"-MT", target});
    }
    if (onlyDependencies())
      compile.push_back(input.path);
    else
      compile.insert(compile.end(), {"-c", input.path, "-o", object});
    return execute(compile);
  }

  // -M / -MM: the dependency rule is the only output.
  bool onlyDependencies() const {
    return options_.dependencies == DependencyMode::Only ||
           options_.dependencies == DependencyMode::OnlyNonSystem;
  }

  const char *hostDependencyFlag() const {
    switch (options_.dependencies) {
    case DependencyMode::Only:
      return "-M";
    case DependencyMode::OnlyNonSystem:
      return "-MM";
    case DependencyMode::WithCompileNonSystem:
      return "-MMD";
    default:
      return "-MD";
    }
  }

  // The object a rule names by default: the real one with -c, else NAME.o.
  std::string dependencyObject(const cucl::cc::Input &input, const std::string &object) const {
    if (options_.compileOnly && !onlyDependencies())
      return object;
    return fs::path(input.path).stem().string() + ".o";
  }

  // -MF, else (GCC's rule) the object's name with .d; "" means stdout (-M
  // without -MF or -o).
  std::string dependencyFileFor(const cucl::cc::Input &input, const std::string &object) const {
    if (!options_.dependencyFile.empty())
      return options_.dependencyFile;
    if (onlyDependencies())
      return options_.output;
    return fs::path(dependencyObject(input, object)).replace_extension(".d").string();
  }

  std::vector<std::string> dependencyTargetsFor(const cucl::cc::Input &input,
                                                const std::string &object) const {
    if (!options_.dependencyTargets.empty())
      return options_.dependencyTargets;
    return {dependencyObject(input, object)};
  }

  bool writeDependencies(const cucl::cc::Input &input, const std::string &generatedDeps,
                         const std::string &host, const std::string &folder,
                         const std::string &object) {
    std::ifstream in(generatedDeps);
    std::stringstream text;
    text << in.rdbuf();
    std::optional<cucl::cc::DependencyRule> generated = cucl::cc::parseDepfile(text.str());
    if (!in || !generated) {
      std::fprintf(stderr, "cuclcc: error: the host compiler wrote no dependency rule to '%s'\n",
                   generatedDeps.c_str());
      return false;
    }
    cucl::cc::DependencyRule rule = cucl::cc::mapToUserFiles(*generated, host, input.path, folder,
                                                             dependencyTargetsFor(input, object));
    std::string rendered = cucl::cc::formatDepfile(rule, options_.phonyDependencyTargets);
    std::string file = dependencyFileFor(input, object);
    if (file.empty() || file == "-") {
      std::fputs(rendered.c_str(), stdout);
      return true;
    }
    std::ofstream out(file, std::ios::binary);
    out << rendered;
    out.close();
    if (!out) {
      std::fprintf(stderr, "cuclcc: error: cannot write the dependency file '%s'\n", file.c_str());
      return false;
    }
    return true;
  }

  int build() {
    if (options_.verbose)
      for (const std::string &warning : options_.warnings)
        std::fprintf(stderr, "cuclcc: note: %s\n", warning.c_str());
    std::vector<std::string> objects;
    for (size_t i = 0; i < options_.inputs.size(); ++i) {
      const cucl::cc::Input &input = options_.inputs[i];
      if (input.kind == InputKind::Object) {
        objects.push_back(input.path);
        continue;
      }
      std::string object = objectFor(input, i);
      int status = input.kind == InputKind::Cuda ? compileCuda(input, i, object)
                                                 : compileHost(input, object);
      if (status != 0)
        return status;
      objects.push_back(object);
    }
    if (options_.compileOnly || onlyDependencies())
      return 0;
    Command link = cxx_;
    link.insert(link.end(), objects.begin(), objects.end());
    link.push_back("-o");
    link.push_back(options_.output.empty() ? "a.out" : options_.output);
    for (const std::string &flag : options_.hostFlags)
      link.push_back(flag);
    // cucl's library directory comes before the user's -L flags, so that
    // `-L/usr/local/cuda/lib64 -lcublas` still links cucl's libcublas.
    link.push_back("-L" + paths_.libDir);
    link.insert(link.end(), options_.linkFlags.begin(), options_.linkFlags.end());
    link.insert(link.end(), {"-lcudart", "-Wl,-rpath," + paths_.libDir});
    return execute(link);
  }

  const cucl::cc::Options &options_;
  const cucl::cc::ToolPaths &paths_;
  Command cxx_, cc_; // a compiler may come with a launcher or flags: "ccache g++"
  std::string workDir_;
};

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::fputs(cucl::cc::usageText, stderr);
    return 1;
  }
  std::optional<cucl::cc::Options> options = cucl::cc::parseCommandLine(args);
  if (!options)
    return 1;
  cucl::cc::ToolPaths paths = cucl::cc::locateTools();
  Driver driver(*options, paths);
  int status = driver.run();
  return status == 0 ? 0 : 1;
}
