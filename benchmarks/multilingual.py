#!/usr/bin/env python
"""Held-out multilingual cases: how much site furniture goes, and that no article line does.

    python benchmarks/multilingual.py fixtures/multilingual [--json]

Every `<lang>_<n>.txt` in FOLDER has a sidecar `<lang>_<n>.expect.toml` listing the
1-based lines that are boilerplate and their category; every other non-blank line is
article text. Each case is cleaned with `Cleaner().clean(text, lang=<lang>)`; a line
counts as removed when a removal's offsets overlap it. Prints, per language and per
category: boilerplate lines, removed (recall), body lines lost (must be 0),
removals under another category than the sidecar's, and flags raised; then totals.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import sys
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from cleaner.api import Cleaner  # noqa: E402

CATEGORIES = ("navigation", "donation", "newsletter", "related", "credit", "byline", "dateline", "site")


@dataclass
class CaseScore:
    name: str
    lang: str
    drop: dict[int, str]                                     # line -> expected category
    removed: dict[int, set] = field(default_factory=dict)    # line -> categories of removals over it
    lost: list[int] = field(default_factory=list)            # body lines removed
    flags: list[str] = field(default_factory=list)           # "kind: text" of every flag raised

    @property
    def hits(self) -> list[int]:
        return [n for n in self.drop if n in self.removed]

    @property
    def wrong(self) -> list[int]:
        return [n for n in self.hits if self.drop[n] not in self.removed[n]]


def cases(folder) -> list[pathlib.Path]:
    """Every case text in `folder` (sorted), whatever languages it holds."""
    return sorted(pathlib.Path(folder).glob("*.txt"))


def sidecar(txt: pathlib.Path) -> dict:
    return tomllib.loads(txt.with_name(txt.stem + ".expect.toml").read_text(encoding="utf-8"))


def score_case(txt: pathlib.Path, cleaner: Cleaner | None = None, detect: bool = False) -> CaseScore:
    """Score one case; `detect`: let the cleaner find the language, as most users do."""
    cfg = sidecar(txt)
    text = txt.read_text(encoding="utf-8")
    result = (cleaner or Cleaner()).clean(text, lang=None if detect else cfg["lang"])
    lines, spans, pos = text.split("\n"), [], 0
    for line in lines:                       # (start, end) of each line's visible text
        lead = len(line) - len(line.lstrip())
        spans.append((pos + lead, pos + len(line.rstrip())))
        pos += len(line) + 1
    score = CaseScore(txt.stem, cfg["lang"], {d["line"]: d["category"] for d in cfg.get("drop", [])})
    for r in result.removed:
        for n, (a, b) in enumerate(spans, 1):
            if a < b and a < r.end and r.start < b:
                score.removed.setdefault(n, set()).add(r.category)
    score.lost = sorted(n for n in score.removed if n not in score.drop)
    score.flags = [f"{f.kind}: {f.text[:60]}" for f in result.flags]
    return score


def score_folder(folder, detect: bool = False) -> list[CaseScore]:
    cleaner = Cleaner()
    return [score_case(p, cleaner, detect) for p in cases(folder)]


def _row(key, boiler, hit, lost, wrong, flags) -> dict:
    return {"key": key, "boilerplate": boiler, "removed": hit, "recall": round(hit / boiler, 3) if boiler else None,
            "body_lost": lost, "wrong_category": wrong, "flags": flags}


def tables(scores: list[CaseScore]) -> dict:
    by_lang, by_cat = defaultdict(lambda: [0] * 5), defaultdict(lambda: [0] * 5)
    for s in scores:
        t = by_lang[s.lang]
        t[0] += len(s.drop); t[1] += len(s.hits); t[2] += len(s.lost); t[3] += len(s.wrong); t[4] += len(s.flags)
        for n, cat in s.drop.items():
            c = by_cat[cat]
            c[0] += 1
            c[1] += n in s.removed
            c[3] += n in s.removed and cat not in s.removed[n]
    total = [sum(t[i] for t in by_lang.values()) for i in range(5)]
    return {
        "languages": [_row(k, *v) for k, v in sorted(by_lang.items())],
        "categories": [_row(k, *by_cat[k]) for k in CATEGORIES if k in by_cat],
        "total": _row("total", *total),
        "cases": len(scores),
        "body_lost": {s.name: s.lost for s in scores if s.lost},
        "flagged": {s.name: s.flags for s in scores if s.flags},
    }


def _print(t: dict) -> None:
    head = f"{'':<12}{'boiler':>7}{'removed':>8}{'recall':>8}{'lost':>6}{'wrongcat':>9}{'flags':>6}"

    def line(r):
        rec = "-" if r["recall"] is None else f"{r['recall']:.2f}"
        lost = "-" if r["key"] in CATEGORIES else r["body_lost"]
        flags = "-" if r["key"] in CATEGORIES else r["flags"]
        print(f"{r['key']:<12}{r['boilerplate']:>7}{r['removed']:>8}{rec:>8}{lost:>6}{r['wrong_category']:>9}{flags:>6}")

    print(f"{t['cases']} cases\n\nper language\n{head}")
    for r in t["languages"]:
        line(r)
    print(f"\nper category (lost and flags are per language only)\n{head}")
    for r in t["categories"]:
        line(r)
    print()
    line(t["total"])
    for name, lines in t["body_lost"].items():
        print(f"body lost: {name} lines {lines}")
    for name, flags in t["flagged"].items():
        print(f"flagged: {name} {flags}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--json", action="store_true", help="print the tables as JSON")
    ap.add_argument("--detect", action="store_true",
                    help="let the cleaner detect each case's language instead of passing the sidecar's")
    args = ap.parse_args(argv)
    t = tables(score_folder(args.folder, detect=args.detect))
    if args.json:
        print(json.dumps(t, indent=1, ensure_ascii=False))
    else:
        _print(t)
    return 0


if __name__ == "__main__":
    sys.exit(main())
