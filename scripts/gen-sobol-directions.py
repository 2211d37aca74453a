#!/usr/bin/env python3
"""Writes the Sobol direction-number data libcurand is built with: the
primitive polynomials and initial direction numbers of Joe and Kuo's
"new-joe-kuo-6.21201" set, the set cuRAND's CURAND_DIRECTION_VECTORS_*_JOEKUO6
name, for the first 20,000 dimensions (cuRAND's limit).

The numbers are not kept in cucl's tree: they are read at build time from
Debian's python3-scipy, which ships the same set (scipy/stats/
_sobol_direction_numbers.npz). An .npz is a zip of .npy arrays; the standard
library reads it, so the build needs no NumPy.

    gen-sobol-directions.py <_sobol_direction_numbers.npz> <output.inc>
"""

import ast
import struct
import sys
import zipfile

DIMENSIONS = 20000
INITIAL = 18  # the most initial numbers a dimension of the set has


def read_npy(archive, name):
    """The int64 array `name` of the archive, as (shape, flat list, fortran)."""
    data = archive.read(name)
    if data[:6] != b"\x93NUMPY":
        raise SystemExit("%s: not an .npy array" % name)
    major = data[6]
    if major == 1:
        (length,) = struct.unpack("<H", data[8:10])
        start = 10
    else:
        (length,) = struct.unpack("<I", data[8:12])
        start = 12
    header = ast.literal_eval(data[start:start + length].decode("latin1"))
    if header["descr"] != "<i8":
        raise SystemExit("%s: expected little-endian int64, got %s" % (name, header["descr"]))
    body = data[start + length:]
    count = len(body) // 8
    values = struct.unpack("<%dq" % count, body)
    return header["shape"], values, header["fortran_order"]


def main():
    source, output = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(source) as archive:
        (dims,), polynomials, _ = read_npy(archive, "poly.npy")
        shape, initial, fortran = read_npy(archive, "vinit.npy")
    rows, columns = shape
    if dims < DIMENSIONS or rows < DIMENSIONS or columns < INITIAL:
        raise SystemExit("%s holds %d dimensions; %d needed" % (source, dims, DIMENSIONS))

    def init(d, j):
        return initial[j * rows + d] if fortran else initial[d * columns + j]

    lines = [
        "// Generated at build time by scripts/gen-sobol-directions.py from",
        "// %s; do not edit." % source,
        "// Joe and Kuo's new-joe-kuo-6.21201 set, first %d dimensions:" % DIMENSIONS,
        "// kPolynomial[d] has the primitive polynomial's coefficients as bits",
        "// (bit s for x^s); kInitial[d] its initial direction numbers m_1..m_s.",
        "// Dimension 0 (van der Corput) has polynomial 1 and every m_i = 1.",
        "#pragma once",
        "#include <cstdint>",
        "namespace cucl::rand::sobol_data {",
        "inline constexpr unsigned kDimensions = %d;" % DIMENSIONS,
        "inline constexpr unsigned kMaxInitial = %d;" % INITIAL,
        "inline constexpr std::uint32_t kPolynomial[kDimensions] = {",
    ]
    for start in range(0, DIMENSIONS, 16):
        lines.append("    " + ", ".join(str(polynomials[d]) for d in range(start, min(start + 16, DIMENSIONS))) + ",")
    lines.append("};")
    lines.append("inline constexpr std::uint32_t kInitial[kDimensions][kMaxInitial] = {")
    for d in range(DIMENSIONS):
        lines.append("    {" + ", ".join(str(init(d, j)) for j in range(INITIAL)) + "},")
    lines.append("};")
    lines.append("} // namespace cucl::rand::sobol_data")
    with open(output, "w") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
