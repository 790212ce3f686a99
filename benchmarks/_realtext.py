"""Real article bodies from a benchmark folder's ground-truth.json (gold "articleBody").

Shared by benchmarks/offtopic.py and benchmarks/artifacts.py: both build their
cases from real text, so that a detector is judged on what news really looks like.
"""
from __future__ import annotations

import json
import os

from cleaner.lang import langdetect_run as langmod


def bodies(folder: str) -> list[tuple[str, str, str]]:
    """(benchmark/id, language, body) for every gold body, in id order."""
    with open(os.path.join(folder, "ground-truth.json"), encoding="utf-8") as fh:
        gold = json.load(fh)
    name = os.path.basename(os.path.normpath(folder))
    out = []
    for key in sorted(gold):
        body = (gold[key].get("articleBody") or "").strip()
        if not body:
            continue
        probs = langmod.langdetect_probs(body[:1200], max_chars=1200)
        out.append((f"{name}/{key}", probs[0][0] if probs else "und", body))
    return out


def paragraphs(body: str) -> list[str]:
    return [p.strip() for p in body.split("\n") if p.strip()]


def join(paras: list[str]) -> str:
    return "\n\n".join(paras) + "\n"
