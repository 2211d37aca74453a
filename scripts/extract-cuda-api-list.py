#!/usr/bin/env python3
"""Writes the list of API functions, by area, of a CUDA library from an
installed CUDA toolkit's header (names and area titles only: the facts the
coverage tables in docs/*-coverage.md are measured against).

    scripts/extract-cuda-api-list.py /usr/local/cuda/include/cuda_runtime_api.h \
        > docs/data/cuda-runtime-api.txt
    scripts/extract-cuda-api-list.py /usr/local/cuda/include/curand.h \
        > docs/data/curand-api.txt
    scripts/extract-cuda-api-list.py /usr/local/cuda/include/cublas_api.h \
        > docs/data/cublas-api.txt

The library follows from the header's name (--library cudart|curand|cublas
overrides it). Run it again for a new CUDA release;
scripts/update-runtime-api-doc.py then regenerates the tables. Output: a
`# <library> <version>` line, then one `<area>\t<function>` line per function
(further `#` lines are notes), in the header's order within each area. Names
are the symbols the library exports, so a table is a plain set comparison.
"""
import argparse
import os
import re

# --- CUDA runtime (cuda_runtime_api.h): its Doxygen groups are the areas. ---

GROUP = re.compile(r"\\defgroup (CUDART_\w+) (.+?)\s*(\*/)?\s*$")
REOPEN = re.compile(r"\\addtogroup (CUDART_\w+)")
FUNCTION = re.compile(r"extern\s+__host__[^;(]*?\b(cuda[A-Za-z0-9_]+)\s*\(")
VERSION = re.compile(r"#define\s+CUDART_VERSION\s+(\d+)")


def cuda_version(text):
    version = VERSION.search(text)
    number = int(version.group(1)) if version else 0
    return f"CUDA {number // 1000}.{number % 1000 // 10}"


def cudart(text):
    """(area, function) pairs of cuda_runtime_api.h, and its version."""
    functions = []
    # Areas nest (`\defgroup` ... `@{` ... `@}`): the innermost open one.
    areas = ["Other"]
    pending = None
    titles = {}
    seen = set()
    # Declarations span lines: join each statement up to its ';' or '{'.
    statement = ""
    for line in text.splitlines():
        group = GROUP.search(line)
        if group:
            titles[group.group(1)] = pending = group.group(2).strip()
        reopened = REOPEN.search(line)
        if reopened:
            pending = titles.get(reopened.group(1), reopened.group(1))
        if "@{" in line and pending:
            areas.append(pending)
            pending = None
        elif "@}" in line and len(areas) > 1:
            areas.pop()
        area = areas[-1]
        if "extern" in line or statement:
            statement += " " + line.strip()
            if ";" in line or "{" in line:
                match = FUNCTION.search(statement)
                if match and match.group(1) not in seen:
                    seen.add(match.group(1))
                    functions.append((area, match.group(1)))
                statement = ""
    return cuda_version(text), functions, []


# --- cuRAND and cuBLAS: every exported function carries the library's calling
# convention macro (CURANDAPI, CUBLASWINAPI); inline helpers do not. ---

def declarations(text, macro):
    """(line, function) for each declaration marked with `macro`; the return
    type and the name may sit on different lines, so statements are joined."""
    name = re.compile(macro + r"\s+(\w+)\s*\(")
    statement = ""
    for number, line in enumerate(text.splitlines()):
        if line.lstrip().startswith("#"):
            continue  # the macro's own #define
        if macro in line and not statement and "static" not in line:
            statement = line
        elif statement:
            statement += " " + line.strip()
        if statement and (";" in line or "{" in line):
            match = name.search(statement)
            if match:
                yield number, match.group(1)
            statement = ""


def library_version(text, prefix, title, path):
    """`<title> <major>.<minor> (CUDA x.y)`: the CUDA release comes from the
    runtime header next to `path`, as the library header does not say it."""
    parts = [re.search(rf"#define\s+{prefix}_VER_{part}\s+(\d+)", text) for part in ("MAJOR", "MINOR")]
    version = ".".join(part.group(1) if part else "0" for part in parts)
    runtime = os.path.join(os.path.dirname(path), "cuda_runtime_api.h")
    if os.path.exists(runtime):
        version += f" ({cuda_version(open(runtime, encoding='utf-8', errors='replace').read())})"
    return f"{title} {version}"


def ordered(functions, areas):
    """Groups by area in `areas`' order, keeping the header's order within each."""
    return sorted(functions, key=lambda pair: areas.index(pair[0]))


# curand.h has a single Doxygen group, so its functions are grouped by name.
CURAND_AREAS = ["Generator management", "Generation", "Distributions", "Other"]


def curand_area(name):
    if name == "curandGenerateSeeds" or re.match(r"curand(Create|Destroy)Generator|curandSet", name):
        return "Generator management"  # seeding state belongs with the generator's setup
    if name.startswith("curandGenerate"):
        return "Generation"
    if name.endswith("Distribution"):
        return "Distributions"
    return "Other"  # version, quasirandom direction vectors and scramble constants


def curand(text, path):
    functions = [(curand_area(name), name) for _, name in declarations(text, "CURANDAPI")]
    return library_version(text, "CURAND", "cuRAND", path), ordered(functions, CURAND_AREAS), []


# cublas_api.h separates its sections with `/* ---- CUBLAS <title> ---- */`
# comments; batched and LAPACK-like calls are spread over several of them, so
# they are gathered by name into one area.
SECTION = re.compile(r"/\*\s*-+\s*CUBLAS\s+(.+?)\s*-+\s*\*/")
CUBLAS_SECTIONS = {
    "Helper Functions": "Helper and handle functions",
    "BLAS1 Functions": "Level-1",
    "BLAS2 Functions": "Level-2",
    "BLAS3 Functions": "Level-3",
    "BLAS-like Extension": "BLAS-like extensions",
}
CUBLAS_AREAS = list(CUBLAS_SECTIONS.values()) + ["Batched and LAPACK-like"]
CUBLAS_NOTES = [
    "# Names are exported symbols: `_v2` is the symbol cublas_v2.h maps the API name to",
    "# (cublasSgemm -> cublasSgemm_v2); `_64` is the form with 64-bit sizes and indices.",
]


def cublas(text, path):
    sections = []  # (line, area) where each section starts
    for number, line in enumerate(text.splitlines()):
        section = SECTION.search(line)
        if section:
            title = section.group(1)
            sections.append((number, CUBLAS_SECTIONS.get(title, title)))
    functions = []
    for number, name in declarations(text, "CUBLASWINAPI"):
        area = next((area for start, area in reversed(sections) if start < number), "Other")
        if "Batched" in name:
            area = "Batched and LAPACK-like"
        functions.append((area, name))
    # A section a later header adds keeps its own title, after the known ones.
    areas = CUBLAS_AREAS + [area for _, area in functions if area not in CUBLAS_AREAS]
    return library_version(text, "CUBLAS", "cuBLAS", path), ordered(functions, areas), CUBLAS_NOTES


HEADERS = {"cuda_runtime_api.h": "cudart", "curand.h": "curand", "cublas_api.h": "cublas"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", choices=sorted(HEADERS.values()),
                        help="which library the header declares (default: from its name)")
    parser.add_argument("header")
    args = parser.parse_args()
    library = args.library or HEADERS.get(os.path.basename(args.header))
    if not library:
        parser.error(f"which library {args.header} declares: pass --library")
    text = open(args.header, encoding="utf-8", errors="replace").read()
    if library == "cudart":
        version, functions, notes = cudart(text)
    else:
        version, functions, notes = {"curand": curand, "cublas": cublas}[library](text, args.header)
    print(f"# {version}")
    for note in notes:
        print(note)
    for area, name in functions:
        print(f"{area}\t{name}")


if __name__ == "__main__":
    main()
