#!/usr/bin/env python
"""Off-topic appendices on real text: glue another article's tail onto real gold bodies.

    python benchmarks/offtopic.py /work/shared/benchmarks/aeb /work/shared/benchmarks/wcxb-dev [--seed 19]

For every English gold body of 4+ paragraphs (the article), builds:

* glued: the last 1-3 paragraphs of another, unrelated body (little content-word
  overlap) appended, a third of them before a final byline or share line;
* control "untouched": the article as it is;
* control "own-section": the article with its own last 1-3 paragraphs set off
  as a section (two blank lines before them): a tail that continues its topic.

Reports the share of glued paragraphs removed as off-topic (a `suspected_offtopic`
flag over one counts half), the share of article paragraphs lost to off-topic
removals, and the off-topic removals and flags on the controls. Deterministic for a seed.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _realtext import bodies, paragraphs  # noqa: E402

from cleaner.api import clean  # noqa: E402
from cleaner.lang.stopwords import stopwords  # noqa: E402

ENDINGS = ("Share this article", "Reporting by Anna Keller; Editing by Mark Potter",
           "Follow us on Twitter and Facebook.", "Copyright 2019 The Associated Press. All rights reserved.")
WORD = re.compile(r"[a-z]{4,}")
MAX_RELATED = 0.08   # Jaccard of content words: above this, two bodies may share a topic


def vocab(text: str) -> set[str]:
    stop = stopwords("en")
    return {w[:5] for w in WORD.findall(text.lower()) if w not in stop}


def build(docs, rng: random.Random):
    """Yield (case, text, spans of article paragraphs, spans of glued paragraphs)."""
    arts = [(k, paragraphs(b)) for k, lang, b in docs if lang == "en"]
    arts = [(k, ps) for k, ps in arts if len(ps) >= 4 and sum(len(p.split()) for p in ps) >= 120]
    vocabs = [vocab(" ".join(ps)) for _, ps in arts]
    for n, (key, ps) in enumerate(arts):
        yield ("untouched",) + _layout([(p, "a") for p in ps])
        k = rng.randint(1, min(3, len(ps) - 3))
        yield ("own-section",) + _layout([(p, "a") for p in ps[:-k]] + [("", "gap")] + [(p, "a") for p in ps[-k:]])
        others = [m for m in range(len(arts)) if m != n
                  and len(vocabs[n] & vocabs[m]) / max(1, len(vocabs[n] | vocabs[m])) < MAX_RELATED]
        if not others:
            continue
        donor = arts[rng.choice(others)][1]
        tail = [p for p in donor[-rng.randint(1, 3):]]
        items = [(p, "a") for p in ps] + [(p, "g") for p in tail]
        if rng.random() < 1 / 3:
            items.append((rng.choice(ENDINGS), "end"))
        yield ("glued",) + _layout(items)


def _layout(items):
    text, art, glued = "", [], []
    for p, role in items:
        if role == "gap":
            text += "\n"
            continue
        if text:
            text += "\n\n"
        start = len(text)
        text += p
        (art if role == "a" else glued if role == "g" else []).append((start, len(text)))
    return text + "\n", art, glued


def covered(spans, start: int, end: int) -> bool:
    """Most of [start, end) lies in the union of spans."""
    inside = sum(max(0, min(end, b) - max(start, a)) for a, b in spans)
    return inside * 2 > end - start


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--show", action="store_true", help="print every control hit")
    args = ap.parse_args(argv)
    for folder in args.folders:
        rng = random.Random(args.seed)
        stats = {c: [0, 0.0, 0, 0, 0, 0] for c in ("glued", "untouched", "own-section")}
        # per case: documents, glued credit, glued paragraphs, article paragraphs lost, article paragraphs, docs hit
        for case, text, art, glued in build(bodies(folder), rng):
            r = clean(text, input="article")
            gone = [(x.start, x.end) for x in r.removed if x.category == "offtopic"]
            sus = [(f.start, f.end) for f in r.flags if f.kind == "suspected_offtopic"]
            s = stats[case]
            s[0] += 1
            s[2] += len(glued)
            s[1] += sum(1.0 if covered(gone, a, b) else 0.5 if covered(sus, a, b) else 0.0 for a, b in glued)
            lost = sum(covered(gone, a, b) for a, b in art)
            s[3] += lost
            s[4] += len(art)
            hit = bool(lost) or (case != "glued" and bool(gone or sus))
            s[5] += hit
            if args.show and hit and case != "glued":
                print(f"  {case} hit:", [text[a:b][:80] for a, b in gone + sus])
        name = os.path.basename(os.path.normpath(folder))
        g = stats["glued"]
        print(f"{name}: glued {g[0]} documents, {g[2]} glued paragraphs: "
              f"caught {g[1] / max(1, g[2]):.3f} (removed 1, suspected 0.5)")
        for case in ("glued", "untouched", "own-section"):
            s = stats[case]
            print(f"  {case:12s} article paragraphs lost {s[3]}/{s[4]} = {100 * s[3] / max(1, s[4]):.2f}%, "
                  f"documents with an off-topic removal/flag on the article: {s[5]}/{s[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
