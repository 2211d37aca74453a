// Minimal placeholder front end: cucl-translate FILE.cu [-I d] [-D x] [-o host.cpp] [--device-out f.cl] [--device-only]
#include <cstring>
#include <string>

#include "driver/translation.h"

int main(int argc, char **argv) {
  cucl::translate::TranslateOptions options;
  cucl::translate::TranslationOutputs outputs;
  options.cuclIncludeDir = CUCL_SOURCE_INCLUDE_DIR;
  options.clangResourceDir = CUCL_CLANG_RESOURCE_DIR;
  bool deviceOnly = false;
  std::string output;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "-o" && i + 1 < argc) output = argv[++i];
    else if (arg == "--device-out" && i + 1 < argc) outputs.deviceClPath = argv[++i];
    else if (arg == "--device-only") deviceOnly = true;
    else if (arg.rfind("-I", 0) == 0) options.includeDirs.push_back(arg.size() > 2 ? arg.substr(2) : argv[++i]);
    else if (arg.rfind("-D", 0) == 0) options.defines.push_back(arg.size() > 2 ? arg.substr(2) : argv[++i]);
    else options.inputPath = arg;
  }
  if (deviceOnly) outputs.deviceClPath = output.empty() ? "-" : output;
  else outputs.hostCppPath = output.empty() ? "-" : output;
  return cucl::translate::translateFile(options, outputs);
}
