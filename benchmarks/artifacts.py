#!/usr/bin/env python
"""Artifact flags on real text: inject one artifact per article into real gold bodies.

    python benchmarks/artifacts.py /work/shared/benchmarks/aeb /work/shared/benchmarks/wcxb-dev [--seed 19]

Kinds: doubled words, wrong-direction quotes, unbalanced quotes, mojibake
(cp1252, latin-1, cp1251, mac_roman) and a foreign sentence (de, fr, es, ru)
inserted inside an English paragraph. Foreign sentences come from the
benchmarks' own non-English bodies when there are any, else from
fixtures/foreign_sentences/. Reports, per kind, the share of injected
artifacts flagged with the right kind over the injected span, and the false
flags per 100k characters on the same bodies untouched. Deterministic for a seed.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _realtext import bodies, join, paragraphs  # noqa: E402

from cleaner.api import clean  # noqa: E402

FOREIGN = ("de", "fr", "es", "ru")
CODEPAGES = ("cp1252", "latin-1", "cp1251", "mac_roman")
KIND = {"doubled": "doubled-word", "quote-direction": "quote-style", "unbalanced": "unbalanced-quote",
        "mojibake": "mojibake"}
FIXTURES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fixtures",
                        "foreign_sentences")
SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"])")
WORD = re.compile(r"\b[a-z]{3,}\b")


def foreign_sentences(docs) -> dict[str, list[str]]:
    """Sentences of 8-30 words per language: the benchmarks' own, else the fixtures'."""
    out: dict[str, list[str]] = defaultdict(list)
    for _, lang, body in docs:
        if lang in FOREIGN:
            for para in paragraphs(body):
                for s in SENT_END.split(para):
                    if 8 <= len(s.split()) <= 30 and s[-1:] in ".!?":
                        out[lang].append(s)
    for lang in FOREIGN:
        with open(os.path.join(FIXTURES, f"{lang}.txt"), encoding="utf-8") as fh:
            out[lang] += [l.strip() for l in fh if l.strip()]
    return out


def _target(paras: list[str], rng: random.Random, min_words: int = 25) -> int | None:
    cands = [i for i, p in enumerate(paras) if len(p.split()) >= min_words and '"' not in p
             and "\u201c" not in p and "\u201d" not in p]
    return rng.choice(cands) if cands else None


def inject(kind: str, paras: list[str], rng: random.Random, foreign: dict) -> tuple[list[str], int, int, int, str]:
    """(new paragraphs, paragraph index, start, end of the artifact within it, label)."""
    i = _target(paras, rng)
    if i is None:
        return paras, -1, 0, 0, kind
    p = paras[i]
    words = list(WORD.finditer(p))
    label = kind
    if len(words) < 8:
        return paras, -1, 0, 0, kind
    if kind == "doubled":
        m = rng.choice(words)
        new = p[:m.end()] + " " + m.group() + p[m.end():]
        a, b = m.start(), m.end() * 2 - m.start() + 1
    elif kind in ("quote-direction", "unbalanced"):
        k = rng.randrange(1, max(2, len(words) - 6))
        s, e = words[k].start(), words[min(k + 4, len(words) - 1)].end()
        if kind == "quote-direction":
            new = p[:s] + "\u201d" + p[s:e] + "\u201c" + p[e:]
            a, b = s, e + 2
        else:
            new = p[:s] + "\u201c" + p[s:]
            a, b = s, s + 1
    elif kind == "mojibake":
        cp = rng.choice(CODEPAGES)
        label = f"mojibake-{cp}"
        m = rng.choice(words)
        phrase = rng.choice(["caf\u00e9", "d\u00e9j\u00e0 vu", "na\u00efve", "r\u00e9sum\u00e9", "\u2014 so-called \u2014"])
        broken = phrase.encode("utf-8").decode(cp, errors="replace")
        new = p[:m.start()] + broken + " " + p[m.start():]
        a, b = m.start(), m.start() + len(broken)
    else:  # foreign-xx
        lang = kind.split("-")[1]
        sent = rng.choice(foreign[lang])
        cuts = [m.end() for m in SENT_END.finditer(p)]
        at = rng.choice(cuts) if cuts else len(p)
        if at == len(p):
            new = p + " " + sent
            a = len(p) + 1
        else:
            new = p[:at] + sent + " " + p[at:]
            a = at
        b = a + len(sent)
    out = list(paras)
    out[i] = new
    return out, i, a, b, label


def offset_of(paras: list[str], i: int) -> int:
    return sum(len(p) + 2 for p in paras[:i])


def hit(flags, kind: str, start: int, end: int) -> bool:
    want = "foreign-language" if kind.startswith("foreign") else KIND[kind]
    return any(f.kind == want and f.start < end and f.end > start for f in flags)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--limit", type=int, default=0, help="English bodies per benchmark (0: all)")
    ap.add_argument("--show", action="store_true", help="print each injected artifact that was not flagged")
    args = ap.parse_args(argv)
    kinds = ["doubled", "quote-direction", "unbalanced", "mojibake"] + [f"foreign-{l}" for l in FOREIGN]
    for folder in args.folders:
        rng = random.Random(args.seed)
        docs = bodies(folder)
        foreign = foreign_sentences(docs)
        english = [d for d in docs if d[1] == "en"]
        if args.limit:
            english = english[:args.limit]
        chars, false = 0, Counter()
        for _, _, body in english:
            text = join(paragraphs(body))
            chars += len(text)
            for f in clean(text, input="article").flags:
                false[f.kind] += 1
        caught, tried = Counter(), Counter()
        for n, (_, _, body) in enumerate(english):
            for extra in range(2):  # two cases of each kind per body cycle
                kind = kinds[(n * 2 + extra) % len(kinds)]
                paras, i, a, b, label = inject(kind, paragraphs(body), rng, foreign)
                if i < 0:
                    continue
                base = offset_of(paras, i)
                flags = clean(join(paras), input="article").flags
                tried[label] += 1
                found = hit(flags, kind, base + a, base + b)
                caught[label] += found
                if args.show and not found:
                    text = join(paras)
                    print(f"  missed {label}: ...{text[max(0, base + a - 60):base + b + 60]!r}...")
        name = os.path.basename(os.path.normpath(folder))
        print(f"{name}: {len(english)} English bodies, {chars} characters")
        for label in sorted(tried):
            print(f"  {label:22s} flagged {caught[label]:3d}/{tried[label]:3d} = {caught[label] / tried[label]:.2f}")
        total = sum(false.values())
        per = ", ".join(f"{k} {v}" for k, v in sorted(false.items()))
        print(f"  flags on untouched bodies: {total} = {total * 1e5 / max(chars, 1):.1f} per 100k chars ({per})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
