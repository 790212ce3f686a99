"""The `fast` extra (pip install '.[fast]') changes speed, never output: with
langdetect-rs installed every fixture gives the same report, byte for byte, as
the pure path (CLEANER_PURE_PYTHON=1). The benchmark texts are checked the same
way with tools/snapshot_outputs.py (README, "Optional accelerators")."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / "fixtures" / "snapshots" / "outputs.json"


def _env(pure: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "CLEANER_PURE_PYTHON"}
    if pure:
        env["CLEANER_PURE_PYTHON"] = "1"
    env["PYTHONPATH"] = str(ROOT)
    return env


def _backend(pure: bool) -> str:
    code = "from cleaner.lang import langdetect_run as r; print(r.backend())"
    return subprocess.run([sys.executable, "-c", code], env=_env(pure), capture_output=True,
                          text=True, check=True).stdout.strip()


def test_the_pure_path_can_be_forced():
    assert _backend(pure=True) == "langdetect"


@pytest.mark.skipif(subprocess.run([sys.executable, "-c", "import langdetect_rs"],
                                   capture_output=True).returncode != 0,
                    reason="langdetect-rs (the fast extra) is not installed")
def test_langdetect_rs_gives_every_fixture_the_pure_paths_report(tmp_path):
    assert _backend(pure=False) == "langdetect-rs"
    out = {}
    for pure in (True, False):
        target = tmp_path / f"{'pure' if pure else 'fast'}.json"
        subprocess.run([sys.executable, str(ROOT / "tools" / "snapshot_outputs.py"), "--write", str(target),
                        str(ROOT / "fixtures")], env=_env(pure), cwd=ROOT, check=True, capture_output=True)
        out[pure] = target.read_text(encoding="utf-8")
    assert out[True] == out[False]
    assert out[True] == SNAPSHOT.read_text(encoding="utf-8")
