"""Throughput on distinct documents, in CPU seconds of whole process trees (issue 17).

    python benchmarks/throughput.py --distinct BENCH_DIR [BENCH_DIR ...] [--rounds 3]

Why: a corpus that repeats its texts lets the cleaner's caches answer for it, and wall
clock on a shared machine measures the neighbours. So every document here is read once
from the benchmarks (article text: the gold `articleBody` of ground-truth.json and
residue/; page text: fulltext/), exact duplicates dropped, and each system runs as its
own subprocess whose CPU seconds (user + system, from getrusage(RUSAGE_CHILDREN), so
`-j N` workers count too) are taken. The cleaner with every flag, the cleaner with
`--flags none` and jusText on the same text are interleaved, round after round, and the
best round of each counts. The first pass in a fresh process (start-up included) is
reported apart from a warm second pass in the same process.
"""
from __future__ import annotations

import json
import os
import pathlib
import resource
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent

_JUSTEXT = """
import html, json, sys, justext
stop = justext.get_stoplist("English")
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)["text"]
    page = "<html><body>" + "".join(f"<p>{html.escape(x)}</p>" for x in d.splitlines() if x.strip()) + "</body></html>"
    justext.justext(page, stop)
"""

_TWO_PASSES = """
import json, sys, time
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
from cleaner.api import Cleaner
c = Cleaner()
for d in texts:
    c.clean(d)
first = time.process_time()          # the whole process so far: start-up and the first pass
for d in texts:
    c.clean(d)
print(first, time.process_time() - first)
"""


def documents(bench_dirs) -> dict[str, list[str]]:
    """{"article": [...], "page": [...]}: every distinct non-empty text of the benchmarks."""
    tracks: dict[str, dict[str, None]] = {"article": {}, "page": {}}
    for bench in map(pathlib.Path, bench_dirs):
        gt = bench / "ground-truth.json"
        if gt.is_file():
            for entry in json.loads(gt.read_text(encoding="utf-8")).values():
                body = (entry or {}).get("articleBody") or ""
                if body.strip():
                    tracks["article"][body] = None
        for sub, track in (("residue", "article"), ("fulltext", "page")):
            for p in sorted((bench / sub).glob("*.txt")):
                text = p.read_text(encoding="utf-8", errors="replace")
                if text.strip():
                    tracks[track][text] = None
    return {k: list(v) for k, v in tracks.items()}


def mb_of(docs) -> float:
    return sum(len(d.encode("utf-8")) for d in docs) / 1e6


def cpu_of(cmd, env) -> float:
    """CPU seconds (user + system) of `cmd` and every process it started."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def systems(path: str, skip_justext: bool) -> list[tuple[str, list[str]]]:
    clean = [sys.executable, "-m", "cleaner", "--jsonl", "-j", "1", "--quiet", "-o", os.devnull]
    runs = [("clean --jsonl -j 1 (all flags)", clean + [path]),
            ("clean --jsonl -j 1 --flags none", clean + ["--flags", "none", path])]
    if not skip_justext:
        runs.append(("jusText (lines as <p>)", [sys.executable, "-c", _JUSTEXT, path]))
    return runs


def run(bench_dirs, rounds: int = 3, min_mb: float = 40.0, skip_justext: bool = False) -> dict:
    """Print and return {track: {system: best MB/s}}."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    if not skip_justext:
        try:
            import justext  # noqa: F401
        except ImportError:
            print("jusText not installed (pip install justext lxml_html_clean): skipped")
            skip_justext = True
    tracks = documents(bench_dirs)
    total = sum(mb_of(d) for d in tracks.values())
    print(f"distinct documents: {sum(map(len, tracks.values()))}, {total:.1f} MB, none repeated"
          + ("" if total >= min_mb else f" (less than {min_mb:g} MB: the benchmarks hold no more; all of it is used)"),
          flush=True)
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for track, docs in tracks.items():
            if not docs:
                continue
            mb = mb_of(docs)
            path = os.path.join(tmp, f"{track}.jsonl")
            with open(path, "w", encoding="utf-8") as fh:
                for i, d in enumerate(docs):
                    fh.write(json.dumps({"id": i, "text": d}, ensure_ascii=False) + "\n")
            print(f"\n== {track} text: {len(docs)} documents, {mb:.1f} MB", flush=True)
            best: dict[str, float] = {}
            for _ in range(rounds):   # interleaved: each round runs every system once
                for name, cmd in systems(path, skip_justext):
                    cpu = cpu_of(cmd, env)
                    best[name] = min(best.get(name, cpu), cpu)
            for name, cpu in best.items():
                print(f"{name:<34} {cpu:8.2f} CPU s {mb / cpu:7.2f} MB/s", flush=True)
            jt = best.get("jusText (lines as <p>)")
            if jt:
                for name in list(best)[:2]:
                    print(f"  {name} vs jusText: {jt / best[name]:.2f}x")
            out = subprocess.run([sys.executable, "-c", _TWO_PASSES, path], check=True, env=env,
                                 capture_output=True, text=True).stdout.split()
            first, warm = map(float, out[-2:])
            print(f"first pass in a fresh process (start-up included) {first:8.2f} CPU s {mb / first:7.2f} MB/s")
            print(f"warm second pass, same process (text seen)       {warm:8.2f} CPU s {mb / warm:7.2f} MB/s"
                  f"  first/warm: {first / warm:.2f}", flush=True)
            results[track] = {name: mb / cpu for name, cpu in best.items()}
            results[track]["first pass"] = mb / first
            results[track]["warm pass"] = mb / warm
    print(f"(best of {rounds} interleaved rounds, CPU seconds of each process tree)")
    return results
