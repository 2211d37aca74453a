"""Replays the inputs the translator fuzzer once failed on (tests/fuzz/crashes):
each must now be rejected with a diagnostic (status 1) or translate to OpenCL C
that the OpenCL driver builds; a crash, a hang or OpenCL that does not build
fails. Usage: replay_reproducers.py CUCL_TRANSLATE CUCL_CLCHECK DIR SCRATCH"""
import glob
import os
import subprocess
import sys

translate, clcheck, directory, scratch = sys.argv[1:5]
os.makedirs(scratch, exist_ok=True)
failures = 0
inputs = sorted(glob.glob(os.path.join(directory, "*.cu")))
for path in inputs:
    name = os.path.basename(path)
    out = os.path.join(scratch, name + ".cl")
    try:
        result = subprocess.run([translate, path, "--device-only", "-o", out],
                                capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        print(f"{name}: translation timed out")
        failures += 1
        continue
    if result.returncode == 1 and "error:" in result.stderr:
        print(f"{name}: rejected")
        continue
    if result.returncode != 0:
        print(f"{name}: translator exited with {result.returncode}:\n{result.stderr[-2000:]}")
        failures += 1
        continue
    built = subprocess.run([clcheck, out], capture_output=True, text=True, timeout=600)
    if built.returncode != 0:
        print(f"{name}: accepted, but its OpenCL C does not build:\n{built.stderr[-2000:]}")
        failures += 1
        continue
    print(f"{name}: translated and built")
print(f"{len(inputs)} reproducers, {failures} failing")
sys.exit(1 if failures else 0)
