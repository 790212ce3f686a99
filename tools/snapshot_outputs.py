"""Fingerprint every output of the cleaner on a set of texts, to prove a refactor changed none.

    python tools/snapshot_outputs.py --write fixtures/snapshots/outputs.json fixtures
    python tools/snapshot_outputs.py --check fixtures/snapshots/outputs.json fixtures
    python tools/snapshot_outputs.py --write /tmp/bench.json ../shared/benchmarks/aeb ../shared/benchmarks/wcxb-dev

Each text file (.txt, .html) under the given folders is cleaned in every input mode
(auto, article, page), and the full JSON report (text, removals with evidence,
flags, meta) is hashed. A benchmark folder (one with ground-truth.json) contributes
its residue/ and fulltext/ texts. --check prints every document whose report changed
and exits 1 if any did. The figures are a contract on behaviour, not on accuracy: a
change meant to move results rewrites the file with --write, and says so.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleaner.api import Cleaner  # noqa: E402

MODES = ("auto", "article", "page")
SUFFIXES = (".txt", ".html")


def texts(root: Path):
    """(key, path) for every text the snapshot covers under `root`, in a stable order."""
    if (root / "ground-truth.json").exists():
        folders = [root / "residue", root / "fulltext"]
    else:
        folders = [root]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in SUFFIXES:
                yield f"{root.name}/{path.relative_to(root).as_posix()}", path


def fingerprint(cleaner: Cleaner, text: str, mode: str) -> str:
    report = cleaner.clean(text, input=mode).to_dict()
    blob = json.dumps(report, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def snapshot(roots: list[Path]) -> dict[str, str]:
    cleaner = Cleaner()
    out: dict[str, str] = {}
    for root in roots:
        for key, path in texts(root):
            text = path.read_text(encoding="utf-8", errors="surrogateescape")
            for mode in MODES:
                out[f"{key}#{mode}"] = fingerprint(cleaner, text, mode)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", metavar="FILE")
    group.add_argument("--check", metavar="FILE")
    ap.add_argument("roots", nargs="+", type=Path)
    args = ap.parse_args(argv)
    now = snapshot(args.roots)
    if args.write:
        Path(args.write).parent.mkdir(parents=True, exist_ok=True)
        Path(args.write).write_text(json.dumps(now, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(now)} reports fingerprinted into {args.write}")
        return 0
    before = json.loads(Path(args.check).read_text(encoding="utf-8"))
    changed = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for key in changed:
        print(f"changed: {key}")
    print(f"{len(now)} reports, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
