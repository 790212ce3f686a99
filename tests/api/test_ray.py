"""The README's Slurm and Ray snippets take their executors' real arguments, and the step runs
under RayPipelineExecutor on a local Ray cluster (issue 18: the Ray snippet passed Slurm's
partition and an "H:MM:SS" time, and Ray takes seconds)."""
from __future__ import annotations

import ast
import gzip
import inspect
import json
import os
import pathlib
import re
import subprocess
import sys

import pytest

pytest.importorskip("datatrove")

ROOT = pathlib.Path(__file__).resolve().parents[2]
TEXT = ("Storm closes roads\n\n"
        "Heavy rain closed several roads across the region on Tuesday, officials said today.\n\n"
        "Share this article\n\n"
        "Crews worked through the night to clear fallen trees from the main routes.")


def _executor_calls():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for block in re.findall(r"```python\n(.*?)```", readme, re.S):
        for node in ast.walk(ast.parse(block)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "").endswith("PipelineExecutor"):
                stub = lambda *a, **k: None   # noqa: E731 - readers, writers, steps
                names = {"JsonlReader": stub, "JsonlWriter": stub, "CleanerStep": stub}
                kwargs = {kw.arg: eval(compile(ast.Expression(kw.value), "README", "eval"), names)
                          for kw in node.keywords}
                yield node.func.id, kwargs


def test_readme_executor_snippets_take_their_executors_arguments():
    import datatrove.executor as executors

    calls = dict(_executor_calls())
    assert {"SlurmPipelineExecutor", "RayPipelineExecutor"} <= set(calls)
    for name, kwargs in calls.items():
        inspect.signature(getattr(executors, name).__init__).bind(None, **kwargs)
    assert isinstance(calls["RayPipelineExecutor"]["time"], int)          # seconds
    assert re.fullmatch(r"\d+:\d\d:\d\d", calls["SlurmPipelineExecutor"]["time"])


def test_ray_extra_is_declared():
    import tomllib
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert any(dep.startswith("datatrove[ray]") for dep in extras["ray"])
    assert any(dep.startswith("datatrove[s3]") for dep in extras["s3"])


def test_step_under_ray_local_mode(tmp_path):
    pytest.importorskip("ray")
    src, dst = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    ids = []
    for s in range(2):
        with open(src / f"shard{s}.jsonl", "w", encoding="utf-8") as fh:
            for i in range(3):
                ids.append(f"{s}-{i}")
                fh.write(json.dumps({"id": ids[-1], "text": TEXT.replace("Storm", f"Storm {s}-{i}")}) + "\n")
    env = {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"}
    env["PYTHONPATH"] = str(ROOT)
    r = subprocess.run([sys.executable, str(ROOT / "examples" / "datatrove_pipeline.py"), str(src), str(dst),
                        "--tasks", "2", "--workers", "2", "--lang", "eng", "--executor", "ray", "--time", "600",
                        "--mem-per-cpu-gb", "0.5"], capture_output=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    docs = [json.loads(line) for f in sorted(dst.glob("*.jsonl.gz")) for line in gzip.open(f, "rt", encoding="utf-8")]
    assert sorted(d["id"] for d in docs) == sorted(ids)
    for d in docs:
        assert "Share this article" not in d["text"] and d["text"].startswith("Storm ")
        assert d["metadata"]["clean"]["meta"]["lang"] == "en"
