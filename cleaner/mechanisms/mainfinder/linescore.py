"""Learned article probabilities for the lines of raw page text.

The main-text finder's span search (cleaner/mechanisms/mainfinder/span.py) was set by hand on
one benchmark; on pages it never saw it cut articles at code blocks, tables,
bullet lists and caption blocks. This module scores every line with a small
model learnt from data (tools/train_linescore.py, on both dev benchmarks,
checked across them) so that the finder can give back the lines it would drop
but that the evidence says are article.

Two passes of gradient-boosted shallow trees, as jusText revises a paragraph's class
from its neighbours', but learnt:

1. local: the line's own features (length, stopword density, sentence
   punctuation, links, menu shape, figures, duplicates, ...), what the span
   search decided for it, and window means of those features around it;
2. context: the same features and the first pass's probabilities of its neighbours.

The trees are data, in rules/mechanisms/linescore.toml, compiled once into one Python
function per pass (cleaner/mechanisms/mainfinder/treemodel.py): a few hundred comparisons per line.
"""
from __future__ import annotations

import functools
import math
from itertools import accumulate
from typing import TYPE_CHECKING

from cleaner.mechanisms.mainfinder import treemodel
from cleaner.mechanisms.mainfinder.features import (BAD, GOOD, NEARGOOD, SENTENCE_INSIDE, SHORT,
                                                    lang_stopwords, no_evidence)
from cleaner.mechanisms.mainfinder.gate import menu_line_test
from cleaner.paths import load_data

if TYPE_CHECKING:
    from cleaner.mechanisms.mainfinder.span import Search

#: the local features, in the model's order: line_rows writes them, tools/train_linescore.py
#: names them in the weights file
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
# float(flag) for a bool flag, as two shared objects: a row holds a score of them, and
# a big page has 100k rows (memory; and indexing is cheaper than a float() call)
_BOOL = (0.0, 1.0)


def line_rows(found: Search, lang: str, lines) -> list[list[float]]:
    """One row of features per line of found.feats (span.search's result), in the
    order of LOCAL (what the learnt model and tools/train_linescore.py read): the
    line's own features, what the span search decided for it, and where it stands."""
    feats, weights, drop = found.feats, found.weights, found.drop
    first, last, anchor = found.first, found.last, found.anchor
    o = found.options
    is_menu = menu_line_test(o)
    min_named_sentence_words, min_figures = o.min_named_sentence_words, o.min_figures
    has_stoplist = float(bool(lang_stopwords(lang)))
    n = len(feats)
    B = _BOOL
    rows = []
    for k, f in enumerate(feats):
        t = f.text
        cls = f.cls
        rule = drop[k][1] if k in drop else None
        rows.append([
            math.log1p(f.length), math.log1p(f.words), f.density, B[f.terminal], B[f.link],
            B[cls == GOOD], B[cls == NEARGOOD], B[cls == SHORT], B[cls == BAD],
            B[f.dup == 1], B[f.dup == 2], B[f.bullet], f.lower_share,
            B[is_menu(t)], B[no_evidence(f, min_named_sentence_words, min_figures)],
            sum(map(str.isdigit, t)) / max(1, len(t)), t.count(",") / max(1, f.words),
            B[t.rstrip().endswith(":")], B[lines[f.idx].blank_before > 0],
            f.length / max(1, f.words), B[SENTENCE_INSIDE.search(t) is not None],
            max(-1.0, min(1.0, weights[k] / 300.0)), k / max(1, n - 1), B[first <= k <= last],
            math.log1p(first - k if k < first else (k - last if k > last else 0)), has_stoplist,
            B[t[:1].isupper()], B["|" in t],
            B[rule == "mainfinder.header"], B[rule == "mainfinder.footer"],
            B[rule == "mainfinder.far_island"], B[rule is None],
            B[anchor is not None and k > anchor],
            math.log1p(abs(k - anchor)) if anchor is not None else 5.0,
        ])
    return rows



@functools.lru_cache(maxsize=1)
def model() -> dict:
    """The shipped model: {"local": {...}, "stacked": {...}, "rescue": p, "demote": p}."""
    return load_data("mechanisms", "linescore")


def _window_bounds(n: int, w: int) -> tuple[list[int], list[int]]:
    """For each of n positions, the start and end (exclusive) of the window of w
    lines either side of it, cut at the edges."""
    edge = min(n, w)
    starts = [0] * edge + list(range(0, n - w))
    ends = list(range(w + 1, n + 1)) + [n] * edge
    return starts, ends


def with_context(rows: list[list[float]], in_place: bool = False) -> list[list[float]]:
    """Each row followed by the window means (WINDOWS) of WINDOW_OF around it (the
    line itself left out), and the share of good prose before and after it.
    Computed a column at a time from prefix sums (linear; no per-cell loop).
    in_place: extend the rows themselves and return them (no copy of every row)."""
    n = len(rows)
    cols = [[r[c] for r in rows] for c in _WINDOW_COLS]
    sums = [list(accumulate(col, initial=0.0)) for col in cols]
    extra = []
    for w in WINDOWS:
        starts, ends = _window_bounds(n, w)
        sizes = [b - a - 1 or 1 for a, b in zip(starts, ends)]
        for col, acc in zip(cols, sums):
            extra.append([(acc[b] - acc[a] - x) / m for a, b, x, m in zip(starts, ends, col, sizes)])
    good = list(accumulate((r[_GOOD] * math.expm1(r[_LEN]) for r in rows), initial=0.0))
    total = good[-1] or 1.0
    extra.append([g / total for g in good[:-1]])
    extra.append([(total - g) / total for g in good[1:]])
    if in_place:
        for r, e in zip(rows, zip(*extra)):
            r.extend(e)
        return rows
    return [[*r, *e] for r, e in zip(rows, zip(*extra))]


def stacked(probs: list[float]) -> list[tuple[float, ...]]:
    """Second-pass features: the line's first-pass probability, its neighbours'
    window means, the highest within 5 lines before and after, and the share of
    probable article before and after it. Column at a time, no per-cell slicing."""
    n = len(probs)
    acc = list(accumulate(probs, initial=0.0))
    total = max(1.0, acc[n])
    cols = [probs]
    for w in STACK_WINDOWS:
        starts, ends = _window_bounds(n, w)
        cols.append([(acc[b] - acc[a] - p) / max(1, b - a - 1) for a, b, p in zip(starts, ends, probs)])
    # probabilities are >= 0, so padding with 0.0 gives the plain maxima (0.0 at the edges)
    ext = [0.0] * 5 + probs + [0.0] * 5
    cols.append(list(map(max, *(ext[k:k + n] for k in range(5)))) if n else [])
    cols.append(list(map(max, *(ext[k:k + n] for k in range(6, 11)))) if n else [])
    cols.append([a / total for a in acc[:-1]])
    cols.append([(acc[n] - a) / total for a in acc[1:]])
    return list(zip(*cols))


def predict(layer: dict, rows: list[list[float]]) -> list[float]:
    """The layer's boosted trees (cleaner/mechanisms/mainfinder/treemodel.py) on each row: its probabilities.
    The compiled function is kept in the layer, so a model compiles once."""
    if not rows:
        return []
    score = layer.get("_score")
    if score is None:
        score = layer["_score"] = treemodel.compile_layer(layer, len(rows[0]))
    return list(map(score, rows))


def probabilities(rows: list[list[float]], weights: dict | None = None, consume: bool = False) -> list[float]:
    """Article probability of each line, from its LOCAL rows (both passes).
    consume: the rows are the caller's no more, and are extended in place (memory:
    a big page's rows are its largest structure)."""
    weights = weights or model()
    if not rows:
        return []
    local = with_context(rows, in_place=consume)
    first = predict(weights["local"], local)
    # second_pass(local, first), extending `local` (its own, or consumed) in place
    for row, extra in zip(local, stacked(first)):
        row.extend(extra)
    return predict(weights["stacked"], local)


def second_pass(local: list[list[float]], probs: list[float]) -> list[list[float]]:
    """The second pass reads each line's first-pass features and the stacked
    probabilities of its neighbourhood."""
    return [[*a, *b] for a, b in zip(local, stacked(probs))]
