"""The metric: tokens, shingles, per-page counts, summaries, and per-rule attribution."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Iterable, Sequence

LOST_RECALL = 0.9
SHINGLE_N = 4

_TOKEN_RE = re.compile(r"\w+")


def tokenize(text: str | None) -> list[str]:
    """Runs of ``\\w+`` (Unicode, case kept)."""
    return _TOKEN_RE.findall(text or "")


def shingles(tokens: Sequence[str], n: int = SHINGLE_N) -> Counter:
    """Multiset of consecutive n-token tuples; fewer than n tokens -> one shingle of all."""
    tokens = tuple(tokens)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tokens])
    return Counter(tokens[i:i + n] for i in range(len(tokens) - n + 1))


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return _div(2 * p * r, p + r)


def _overlap(out: Counter, gold: Counter) -> tuple[int, int, int]:
    n_out = sum(out.values())
    n_gold = sum(gold.values())
    if len(out) > len(gold):
        tp = sum(min(c, out[k]) for k, c in gold.items() if k in out)
    else:
        tp = sum(min(c, gold[k]) for k, c in out.items() if k in gold)
    return tp, n_out - tp, n_gold - tp


@dataclass
class PageScore:
    """Counts for one page; P/R/F1 are derived."""

    id: str
    tp: int
    fp: int
    fn: int
    s_tp: int      # shingle counts
    s_fp: int
    s_fn: int
    avail: int | None = None     # gold tokens present in the input (multiset), if known
    error: str | None = None     # the cleaning function raised (output taken as empty)
    seconds: float = 0.0         # time spent in the cleaning function
    # rule id -> [lost, caught] tokens of its removals on this page (with by-rule attribution)
    rules: dict[str, list[int]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.tp + self.fp == 0

    @property
    def precision(self) -> float:
        return _div(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return 0.0 if self.empty else _div(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def input_recall(self) -> float:
        """Recall against the gold tokens the input actually holds (1.0 if unknown/none)."""
        if self.avail is None:
            return self.recall
        if self.avail == 0:
            return 1.0
        return 0.0 if self.empty else min(1.0, self.tp / self.avail)

    @property
    def lost_in(self) -> int:
        """Gold tokens the input held and the output does not (never below 0)."""
        avail = self.tp + self.fn if self.avail is None else self.avail
        return max(0, avail - self.tp)

    @property
    def s_precision(self) -> float:
        return _div(self.s_tp, self.s_tp + self.s_fp)

    @property
    def s_recall(self) -> float:
        return _div(self.s_tp, self.s_tp + self.s_fn)

    def to_dict(self) -> dict:
        d = asdict(self)
        d.update(precision=self.precision, recall=self.recall, f1=self.f1,
                 input_recall=self.input_recall, lost_in=self.lost_in,
                 s_precision=self.s_precision, s_recall=self.s_recall)
        return d


def score_page(output: str | None, gold: str | None, page_id: str = "",
               input: str | None = None) -> PageScore:
    """Token and shingle counts of one output against its gold text.

    With `input`, also counts how many gold tokens the input holds at all
    (``avail``), so a cleaner is not blamed for text the input never had.
    """
    out_tokens = tokenize(output)
    gold_counts = Counter(tokenize(gold))
    tp, fp, fn = _overlap(Counter(out_tokens), gold_counts)
    s_tp, s_fp, s_fn = _overlap(shingles(out_tokens), shingles(tokenize(gold)))
    avail = None
    if input is not None:
        avail = _overlap(Counter(tokenize(input)), gold_counts)[0]
    return PageScore(page_id, tp, fp, fn, s_tp, s_fp, s_fn, avail)


def summarize(scores: Iterable[PageScore]) -> dict:
    """Micro, macro and shingle scores plus the lost-page count over `scores`."""
    scores = list(scores)
    n = len(scores)
    tp = sum(s.tp for s in scores)
    fp = sum(s.fp for s in scores)
    fn = sum(s.fn for s in scores)
    micro_p, micro_r = _div(tp, tp + fp), _div(tp, tp + fn)
    with_output = [s for s in scores if s.s_tp + s.s_fp > 0]
    sh_p = _div(sum(s.s_precision for s in with_output), len(with_output))
    sh_r = _div(sum(s.s_recall for s in scores), n)
    lost = [s.id for s in scores if s.recall < LOST_RECALL]
    lost_in = [s.id for s in scores if s.input_recall < LOST_RECALL]
    avail = sum(s.tp + s.fn if s.avail is None else s.avail for s in scores)
    return {
        "pages": n,
        "micro": {"precision": micro_p, "recall": micro_r, "f1": _f1(micro_p, micro_r),
                  "tp": tp, "fp": fp, "fn": fn},
        "macro": {"precision": _div(sum(s.precision for s in scores), n),
                  "recall": _div(sum(s.recall for s in scores), n),
                  "f1": _div(sum(s.f1 for s in scores), n)},
        "shingle": {"precision": sh_p, "recall": sh_r, "f1": _f1(sh_p, sh_r),
                    "pages_with_output": len(with_output)},
        "lost": len(lost),
        "lost_ids": lost,
        # the same, measured against the gold tokens the input contains: what the
        # cleaner itself lost (the residue inputs lack some gold text)
        "lost_vs_input": len(lost_in),
        "lost_vs_input_ids": lost_in,
        "input_recall": _div(tp, avail),
        # own loss: gold tokens the input held that the output lacks, over all gold tokens
        "loss_in": _div(sum(s.lost_in for s in scores), tp + fn),
        "loss_in_tokens": sum(s.lost_in for s in scores),
        "empty": sum(1 for s in scores if s.empty),
        "errors": sum(1 for s in scores if s.error),
        "clean_seconds": sum(s.seconds for s in scores),
    }


# --------------------------------------------------------------------------
# per-rule attribution (--by-rule)

def attribute_removals(removals: Iterable, output: str | None, gold: str | None) -> dict[str, list[int]]:
    """Rule id -> [lost, caught]: the tokens of each rule's removals that were gold or not.

    The budget B is the multiset of gold tokens the output misses (gold minus
    output).  Walking the removals in offset order, a token of a removal's text
    that still has budget in B is lost (and uses that budget up); any other
    token was boilerplate caught.  So lost + caught = the tokens removed; and
    when output and removals are disjoint parts of the input (the text tracks),
    the lost tokens of all rules add up to at most the page's ``lost_in``.
    """
    budget = Counter(tokenize(gold)) - Counter(tokenize(output))
    out: dict[str, list[int]] = {}
    for r in sorted(removals, key=lambda r: (r.start, r.end)):
        counts = out.setdefault(r.rule, [0, 0])
        for tok in tokenize(r.text):
            if budget[tok] > 0:
                budget[tok] -= 1
                counts[0] += 1
            else:
                counts[1] += 1
    return out


def summarize_rules(scores: Iterable[PageScore]) -> list[dict]:
    """Per rule over `scores`: tokens removed, lost (gold), caught (not gold), precision,
    pages it removed something on; sorted by tokens removed, most first (then id)."""
    table: dict[str, list[int]] = {}
    for s in scores:
        for rule, (lost, caught) in s.rules.items():
            row = table.setdefault(rule, [0, 0, 0])
            row[0] += lost
            row[1] += caught
            row[2] += 1
    rows = [{"id": rule, "removed": lost + caught, "lost": lost, "caught": caught,
             "precision": _div(caught, lost + caught) if lost + caught else None, "pages": pages}
            for rule, (lost, caught, pages) in table.items()]
    rows.sort(key=lambda r: (-r["removed"], r["id"]))
    return rows
