"""Learned article probabilities for the lines of raw page text.

The main-text finder's span search (cleaner/mainfinder.py) was set by hand on
one benchmark; on pages it never saw it cut articles at code blocks, tables,
bullet lists and caption blocks. This module scores every line with a small
model learnt from data (tools/train_linescore.py, on both dev benchmarks,
checked across them) so that the finder can give back the lines it would drop
but that the evidence says are article.

Two passes of logistic regression, as jusText revises a paragraph's class from
its neighbours', but learnt:

1. local: the line's own features (length, stopword density, sentence
   punctuation, links, menu shape, figures, duplicates, ...), what the span
   search decided for it, and window means of those features around it;
2. context: the first pass's probabilities of its neighbours.

The weights are data, in rules/mechanisms/linescore.toml. Inference is pure
Python: a few dozen multiply-adds per line.
"""
from __future__ import annotations

import functools
import math
import operator

from .paths import load_data

#: the local features, in the model's order: cleaner.mainfinder.line_rows writes
#: them, tools/train_linescore.py names them in the weights file
LOCAL = ("len", "words", "density", "terminal", "link", "good", "neargood", "short", "bad",
         "dup1", "dup2", "bullet", "lower", "menu", "no_evidence", "digits", "commas", "colon",
         "blank_before", "word_len", "sentence_inside", "span_weight", "position", "in_span",
         "span_distance", "has_stoplist", "upper_start", "pipe", "old_header", "old_footer",
         "old_far", "old_kept", "after_anchor", "anchor_distance")
#: the local features whose window means are context features
WINDOW_OF = ("len", "density", "terminal", "good", "short", "bad", "menu", "span_weight")
WINDOWS = (1, 3, 8)
STACK_WINDOWS = (1, 2, 4, 8, 16)
_WINDOW_COLS = tuple(LOCAL.index(name) for name in WINDOW_OF)
_GOOD, _LEN = LOCAL.index("good"), LOCAL.index("len")


@functools.lru_cache(maxsize=1)
def model() -> dict:
    """The shipped weights: {"local": {...}, "stacked": {...}, "rescue": threshold}."""
    return load_data("mechanisms", "linescore")


def with_context(rows: list[list[float]]) -> list[list[float]]:
    """Each row followed by the window means (WINDOWS) of WINDOW_OF around it (the
    line itself left out), and the share of good prose before and after it."""
    n = len(rows)
    sums = []
    for c in _WINDOW_COLS:
        acc, s = [0.0], 0.0
        for r in rows:
            s += r[c]
            acc.append(s)
        sums.append((c, acc))
    good, s = [0.0], 0.0
    for r in rows:
        s += r[_GOOD] * math.expm1(r[_LEN])
        good.append(s)
    total = good[-1] or 1.0
    out = []
    for i, r in enumerate(rows):
        extra = []
        for w in WINDOWS:
            a, b = max(0, i - w), min(n, i + w + 1)
            m = b - a - 1 or 1
            for c, acc in sums:
                extra.append((acc[b] - acc[a] - r[c]) / m)
        extra.append(good[i] / total)
        extra.append((total - good[i + 1]) / total)
        out.append(r + extra)
    return out


def stacked(probs: list[float]) -> list[list[float]]:
    """Second-pass features: the line's first-pass probability, its neighbours'
    window means, the highest within 5 lines before and after, and the share of
    probable article before and after it."""
    n = len(probs)
    acc, s = [0.0], 0.0
    for p in probs:
        s += p
        acc.append(s)
    total = max(1.0, acc[n])
    out = []
    for i, p in enumerate(probs):
        row = [p]
        for w in STACK_WINDOWS:
            a, b = max(0, i - w), min(n, i + w + 1)
            row.append((acc[b] - acc[a] - p) / max(1, b - a - 1))
        row.append(max(probs[max(0, i - 5):i], default=0.0))
        row.append(max(probs[i + 1:i + 6], default=0.0))
        row.append(acc[i] / total)
        row.append((acc[n] - acc[i + 1]) / total)
        out.append(row)
    return out


def predict(layer: dict, rows: list[list[float]]) -> list[float]:
    """Logistic regression on standardised rows: `layer` has mean, scale, coef, intercept."""
    mean, scale, coef, b = layer["mean"], layer["scale"], layer["coef"], layer["intercept"]
    w = [c / s for c, s in zip(coef, scale)]
    b0 = b - sum(wi * mi for wi, mi in zip(w, mean))
    out = []
    for r in rows:
        z = b0 + sum(map(operator.mul, w, r))
        out.append(1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0)
    return out


def probabilities(rows: list[list[float]], weights: dict | None = None) -> list[float]:
    """Article probability of each line, from its LOCAL rows (both passes)."""
    weights = weights or model()
    if not rows:
        return []
    p1 = predict(weights["local"], with_context(rows))
    return predict(weights["stacked"], stacked(p1))
