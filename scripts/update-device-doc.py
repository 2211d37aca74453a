#!/usr/bin/env python3
"""Rewrites the generated builtin table in docs/device-support.md from the
translator's table (build/bin/cucl-device-support --markdown)."""
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
tool = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "build/bin/cucl-device-support"
doc = root / "docs/device-support.md"
text = doc.read_text()
begin = text.index("<!-- BEGIN builtin table")
end_marker = "<!-- END builtin table -->\n"
end = text.index(end_marker) + len(end_marker)
table = subprocess.run([str(tool), "--markdown"], check=True, capture_output=True, text=True).stdout
doc.write_text(text[:begin] + table + text[end:])
