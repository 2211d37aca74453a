# lit configuration for cucl's translator tests. Each test is a .cu file with
# RUN: lines; kernels it emits are built by the real OpenCL driver via
# cucl-clcheck, so a test fails if the emitted OpenCL C does not compile.
import os
import lit.formats

config.name = "cucl-translator"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".cu", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.cucl_binary_dir, "tests", "translator")
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]

tools = config.cucl_tools_dir
config.substitutions.append(("%cucl-translate", os.path.join(tools, "cucl-translate")))
config.substitutions.append(("%cucl-clcheck", os.path.join(tools, "cucl-clcheck")))
config.substitutions.append(("%cuclcc", os.path.join(tools, "cuclcc")))
config.substitutions.append(("%cucl-include", os.path.join(config.cucl_source_dir, "include")))
config.substitutions.append(("FileCheck", config.filecheck))
config.substitutions.append(("%not", os.path.join(config.llvm_tools_dir, "not")))

# Keep the OpenCL device selection and the user's HOME (PoCL's kernel cache).
for name in ["CUCL_DEVICE", "CUCL_MEMCHECK", "CUCL_LOCAL_ARRAYS", "HOME", "XDG_CACHE_HOME", "POCL_CACHE_DIR", "OCL_ICD_VENDORS"]:
    if name in os.environ:
        config.environment[name] = os.environ[name]

# CUCL_MEMCHECK=1 makes cuclcc translate with memcheck (translator-memcheck-everywhere).
if os.environ.get("CUCL_MEMCHECK", "0") not in ("", "0"):
    config.available_features.add("memcheck")

if os.path.exists("/usr/local/cuda/bin/nvcc"):
    config.available_features.add("nvcc")
    config.substitutions.append(("%nvcc", "/usr/local/cuda/bin/nvcc"))
