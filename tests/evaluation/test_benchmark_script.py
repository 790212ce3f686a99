"""The throughput benchmark runs from a fresh clone on the fixtures alone (a smoke
test: it asserts what the script prints, never a time)."""
from __future__ import annotations

import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


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


def test_distinct_mode_reports_cpu_seconds_per_track_and_the_first_pass():
    """--distinct (issue 17): distinct texts only, CPU seconds, all flags and none, both tracks."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "throughput.py"), "--distinct", str(ROOT / "fixtures" / "aeb_sample"),
         "--rounds", "1", "--skip-justext"],
        capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert re.search(r"^distinct documents: \d+, [\d.]+ MB, none repeated \(less than 40 MB", out.stdout, re.M)
    for track in ("article", "page"):
        assert f"== {track} text:" in out.stdout
    for name in (r"clean --jsonl -j 1 \(all flags\)", "clean --jsonl -j 1 --flags none",
                 r"first pass in a fresh process \(start-up included\)", "warm second pass"):
        assert len(re.findall(rf"^{name}.*\s[\d.]+ CPU s\s+[\d.]+ MB/s", out.stdout, re.M)) == 2, name
    assert "best of 1 interleaved rounds, CPU seconds" in out.stdout


def test_distinct_documents_are_each_read_once():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from distinct import documents
    tracks = documents([ROOT / "fixtures" / "aeb_sample", ROOT / "fixtures" / "aeb_sample"])
    assert tracks["article"] and tracks["page"]
    for docs in tracks.values():
        assert len(docs) == len(set(docs))
