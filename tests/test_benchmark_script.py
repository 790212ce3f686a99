"""The throughput benchmark runs from a fresh clone on the fixtures alone (a smoke
test: it asserts what the script prints, never a time)."""
from __future__ import annotations

import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_throughput_script_reports_each_layer_on_the_fixtures():
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "throughput.py"), "--mb", "0.05", "--layers",
         "--skip-cli", "--skip-justext", "--skip-big"],
        capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "in process (Cleaner.clean)" in out.stdout
    for name in ("everything (as above)", "language given", "language given, flags off"):
        assert re.search(rf"^  {re.escape(name)}\s+[\d.]+ s\s+[\d.]+ MB/s", out.stdout, re.M), name
    assert re.search(r"per MB: language detection -?\d+ ms, flags -?\d+ ms, "
                     r"rules \+ segmentation \+ structure \d+ ms; one re pass \d+ ms", out.stdout)
