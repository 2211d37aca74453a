#!/usr/bin/env python3
"""Writes the list of CUDA runtime API functions, by area, from an installed
CUDA toolkit's cuda_runtime_api.h (names and area titles only: the facts the
coverage table in docs/runtime-api-coverage.md is measured against).

    scripts/extract-cuda-api-list.py /usr/local/cuda/include/cuda_runtime_api.h \
        > docs/data/cuda-runtime-api.txt

Run it again for a new CUDA release; scripts/update-runtime-api-doc.py then
regenerates the table. Output: a `# CUDA <version>` line, then one
`<area>\t<function>` line per function, in the header's order.
"""
import re
import sys

GROUP = re.compile(r"\\defgroup (CUDART_\w+) (.+?)\s*(\*/)?\s*$")
REOPEN = re.compile(r"\\addtogroup (CUDART_\w+)")
FUNCTION = re.compile(r"extern\s+__host__[^;(]*?\b(cuda[A-Za-z0-9_]+)\s*\(")
VERSION = re.compile(r"#define\s+CUDART_VERSION\s+(\d+)")


def main(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    version = VERSION.search(text)
    major, minor = (int(version.group(1)) // 1000, int(version.group(1)) % 1000 // 10) if version else (0, 0)
    print(f"# CUDA {major}.{minor}")
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
                    print(f"{area}\t{match.group(1)}")
                statement = ""


if __name__ == "__main__":
    main(sys.argv[1])
