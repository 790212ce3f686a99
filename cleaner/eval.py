"""Score the cleaner on the Article Extraction Benchmark (AEB) layout.

Usage::

    python -m cleaner.eval BENCH_DIR [--track residue,html] [-j 8] [--worst 5] [--json]
    python -m cleaner.eval BENCH_DIR --baseline none          # input as-is
    python -m cleaner.eval BENCH_DIR --baseline trafilatura   # html track, trafilatura.extract()
    python -m cleaner.eval BENCH_DIR --baseline extract       # html track, cleaner.html.extract()

BENCH_DIR holds ``ground-truth.json`` (page id -> {"articleBody": gold, "url": ...})
and one input per page and track: ``fulltext/<id>.txt``, ``residue/<id>.txt``,
``html/<id>.html.gz``.

Metric (per page, tokens = ``re.findall(r"\\w+", text)``, case kept):

* true positives = size of the multiset intersection of output and gold tokens,
  false positives = the remaining output tokens, false negatives = the
  remaining gold tokens;
* MICRO P/R/F1 from the counts summed over pages; MACRO = mean of the per-page
  P/R/F1 (an empty output scores 0 for all three; 0/0 is 0);
* the benchmark's own score: bags of 4-token shingles (a page with fewer than 4
  tokens is one shingle of all its tokens); shingle precision averaged over
  pages whose output has a shingle, shingle recall averaged over all pages, F1
  of those two averages;
* ``lost``: pages with token recall < 0.9 (more than 10% of gold tokens lost);
  ``lostIn`` (``lost_vs_input``): the same against only the gold tokens the
  input contains (multiset intersection of input and gold), i.e. what the
  cleaner itself lost.  Some residue inputs lack part of the gold text, so
  ``lost`` is 8 there even for the identity; ``lostIn`` can reach 0.  For the
  html track the input is raw HTML, so ``lostIn`` is only approximate.
"""
from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import pickle
import re
import sys
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

__all__ = [
    "TRACKS",
    "BASELINES",
    "tokenize",
    "shingles",
    "PageScore",
    "score_page",
    "summarize",
    "TrackResult",
    "load_ground_truth",
    "read_input",
    "evaluate",
    "clean_fn_for",
    "lost_lines",
    "extra_lines",
    "add_arguments",
    "run",
    "main",
]

TRACKS = ("fulltext", "residue", "html")
BASELINES = ("none", "trafilatura", "extract")
LOST_RECALL = 0.9
SHINGLE_N = 4

_TOKEN_RE = re.compile(r"\w+")


# --------------------------------------------------------------------------
# the metric

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
    def s_precision(self) -> float:
        return _div(self.s_tp, self.s_tp + self.s_fp)

    @property
    def s_recall(self) -> float:
        return _div(self.s_tp, self.s_tp + self.s_fn)

    def to_dict(self) -> dict:
        d = asdict(self)
        d.update(precision=self.precision, recall=self.recall, f1=self.f1,
                 input_recall=self.input_recall,
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
        "empty": sum(1 for s in scores if s.empty),
        "errors": sum(1 for s in scores if s.error),
        "clean_seconds": sum(s.seconds for s in scores),
    }


# --------------------------------------------------------------------------
# the benchmark files

def load_ground_truth(bench_dir: str | Path) -> dict[str, dict]:
    """``ground-truth.json``: page id -> {"articleBody": ..., "url": ...}."""
    path = Path(bench_dir) / "ground-truth.json"
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object of page id -> record")
    return data


def input_path(bench_dir: str | Path, track: str, page_id: str) -> Path:
    if track not in TRACKS:
        raise ValueError(f"unknown track {track!r} (tracks: {', '.join(TRACKS)})")
    suffix = ".html.gz" if track == "html" else ".txt"
    return Path(bench_dir) / track / f"{page_id}{suffix}"


def read_input(bench_dir: str | Path, track: str, page_id: str) -> str:
    """The page's input for `track` as text (HTML is gunzipped, decoded as UTF-8)."""
    data = input_path(bench_dir, track, page_id).read_bytes()
    if track == "html":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


# --------------------------------------------------------------------------
# cleaning functions (module level so they pickle for -j)

def identity(text: str) -> str:
    """Baseline ``none``: the input as-is."""
    return text


def trafilatura_baseline(html: str) -> str:
    """Baseline ``trafilatura``: ``trafilatura.extract()`` with its defaults."""
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    return trafilatura.extract(html) or ""


def extract_baseline(html: str) -> str:
    """Baseline ``extract``: `cleaner.html.extract()` alone (title line included)."""
    from cleaner.html import extract

    return extract(html)[0]


def engine_text(text: str):
    from cleaner import clean

    return clean(text, body_only=True)


def engine_html(html: str):
    from cleaner import clean

    return clean(html, html=True, body_only=True)


def clean_fn_for(track: str, baseline: str | None = None) -> Callable[[str], object]:
    """The cleaning function `run()` uses for `track` (engine or a baseline)."""
    if baseline is None:
        return engine_html if track == "html" else engine_text
    if baseline == "none":
        return identity
    if baseline in ("trafilatura", "extract"):
        if track != "html":
            raise ValueError(f"baseline {baseline!r} applies to the html track only")
        return trafilatura_baseline if baseline == "trafilatura" else extract_baseline
    raise ValueError(f"unknown baseline {baseline!r} (baselines: {', '.join(BASELINES)})")


# --------------------------------------------------------------------------
# running

@dataclass
class TrackResult:
    track: str
    scores: list[PageScore]
    summary: dict
    outputs: dict[str, str] = field(default_factory=dict)   # kept only when asked (for --worst)
    seconds: float = 0.0                                     # wall time of the whole track

    def to_dict(self, pages: bool = True) -> dict:
        d = {"track": self.track, "seconds": self.seconds, **self.summary}
        if pages:
            d["page_scores"] = [s.to_dict() for s in self.scores]
        return d


def _as_text(result) -> str:
    if result is None:
        return ""
    if isinstance(result, str):
        return result
    text = getattr(result, "text", None)
    if isinstance(text, str):
        return text
    raise TypeError(f"cleaning function returned {type(result).__name__}, not str or Result")


def _score_one(task: tuple) -> tuple[PageScore, str | None]:
    bench_dir, track, page_id, gold, clean_fn, keep_output = task
    text = read_input(bench_dir, track, page_id)
    error = None
    t0 = time.perf_counter()
    try:
        output = _as_text(clean_fn(text))
    except Exception as err:  # one bad page must not sink the run; it is reported
        output = ""
        error = f"{type(err).__name__}: {err}"
        tb = traceback.format_exc(limit=-3)
        error += "\n" + tb
    seconds = time.perf_counter() - t0
    score = score_page(output, gold, page_id, input=text)
    score.error = error
    score.seconds = seconds
    return score, (output if keep_output else None)


def _picklable(obj) -> bool:
    try:
        pickle.dumps(obj)
        return True
    except Exception:
        return False


def evaluate(bench_dir: str | Path, track: str, clean_fn: Callable[[str], object], *,
             jobs: int = 1, ids: Iterable[str] | None = None,
             keep_outputs: bool = False, ground_truth: dict | None = None) -> TrackResult:
    """Run `clean_fn` on every page of `track` and score it against the gold text.

    `clean_fn` takes the page input (str; decoded HTML for the html track) and
    returns a str or an object with a ``.text`` str (e.g. `cleaner.clean`'s
    Result).  An exception in `clean_fn` scores that page as empty output and
    is recorded in ``PageScore.error``.  With ``jobs > 1`` pages are scored in
    a process pool (needs a picklable, module-level `clean_fn`; otherwise the
    run is serial).
    """
    if track not in TRACKS:
        raise ValueError(f"unknown track {track!r} (tracks: {', '.join(TRACKS)})")
    gt = ground_truth if ground_truth is not None else load_ground_truth(bench_dir)
    page_ids = sorted(gt) if ids is None else [i for i in ids]
    missing = [i for i in page_ids if i not in gt]
    if missing:
        raise KeyError(f"page ids not in ground truth: {', '.join(missing[:5])}")
    tasks = [(str(bench_dir), track, pid, gt[pid].get("articleBody") or "", clean_fn, keep_outputs)
             for pid in page_ids]
    t0 = time.perf_counter()
    if jobs > 1 and len(tasks) > 1 and _picklable(clean_fn):
        # concurrent.futures, not multiprocessing.Pool: when a worker dies (killed,
        # out of memory) Pool.map waits forever; the executor raises BrokenProcessPool.
        with ProcessPoolExecutor(min(jobs, len(tasks)), mp_context=multiprocessing.get_context()) as pool:
            results = list(pool.map(_score_one, tasks, chunksize=max(1, len(tasks) // (jobs * 4))))
    else:
        results = [_score_one(t) for t in tasks]
    seconds = time.perf_counter() - t0
    scores = [r[0] for r in results]
    outputs = {s.id: out for s, out in results if out is not None}
    return TrackResult(track, scores, summarize(scores), outputs, seconds)


# --------------------------------------------------------------------------
# explaining the worst pages

def _line_coverage(line_tokens: list[str], other_grams: set, other_joined: str) -> float:
    """Share of a line's 4-token shingles found in the other text (short lines: as a phrase)."""
    if not line_tokens:
        return 1.0
    if len(line_tokens) < SHINGLE_N:
        return 1.0 if f" {' '.join(line_tokens)} " in other_joined else 0.0
    grams = [tuple(line_tokens[i:i + SHINGLE_N]) for i in range(len(line_tokens) - SHINGLE_N + 1)]
    return sum(1 for g in grams if g in other_grams) / len(grams)


def _uncovered_lines(text: str, other: str, threshold: float = 0.5) -> list[str]:
    other_tokens = tokenize(other)
    other_grams = set(shingles(other_tokens)) if len(other_tokens) >= SHINGLE_N else set()
    other_joined = f" {' '.join(other_tokens)} "
    out = []
    for line in (text or "").splitlines():
        tokens = tokenize(line)
        if tokens and _line_coverage(tokens, other_grams, other_joined) < threshold:
            out.append(line.strip())
    return out


def lost_lines(output: str, gold: str) -> list[str]:
    """Gold lines mostly missing from the output (under half their shingles found)."""
    return _uncovered_lines(gold, output)


def extra_lines(output: str, gold: str) -> list[str]:
    """Output lines mostly absent from the gold text."""
    return _uncovered_lines(output, gold)


def _clip(s: str, width: int = 110) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _worst_report(result: TrackResult, gt: dict, n: int, samples: int = 4) -> dict:
    """The n pages lowest in recall and the n lowest in precision, with samples."""
    def entry(s: PageScore) -> dict:
        gold = gt[s.id].get("articleBody") or ""
        out = result.outputs.get(s.id, "")
        lost = lost_lines(out, gold)
        extra = extra_lines(out, gold)
        return {"id": s.id, "url": gt[s.id].get("url"), "precision": s.precision,
                "recall": s.recall, "fp": s.fp, "fn": s.fn, "error": s.error,
                "lost": lost[:samples], "lost_total": len(lost),
                "extra": extra[:samples], "extra_total": len(extra)}

    by_recall = sorted(result.scores, key=lambda s: (s.recall, s.id))[:n]
    by_precision = sorted(result.scores, key=lambda s: (s.precision, s.id))[:n]
    return {"lowest_recall": [entry(s) for s in by_recall],
            "lowest_precision": [entry(s) for s in by_precision]}


# --------------------------------------------------------------------------
# printing

_HEADER = (f"{'track':<9} {'pages':>5} | {'micro P':>7} {'R':>6} {'F1':>6} | "
           f"{'macro P':>7} {'R':>6} {'F1':>6} | {'shingle P':>9} {'R':>6} {'F1':>6} | "
           f"{'lost':>4} {'lostIn':>6} {'empty':>5} {'err':>3} {'secs':>6}")


def _row(track: str, s: dict, seconds: float) -> str:
    mi, ma, sh = s["micro"], s["macro"], s["shingle"]
    return (f"{track:<9} {s['pages']:>5} | {mi['precision']:>7.4f} {mi['recall']:>6.4f} {mi['f1']:>6.4f} | "
            f"{ma['precision']:>7.4f} {ma['recall']:>6.4f} {ma['f1']:>6.4f} | "
            f"{sh['precision']:>9.4f} {sh['recall']:>6.4f} {sh['f1']:>6.4f} | "
            f"{s['lost']:>4} {s['lost_vs_input']:>6} {s['empty']:>5} {s['errors']:>3} {seconds:>6.1f}")


def _print_worst(track: str, worst: dict, out) -> None:
    for kind, label in (("lowest_recall", "lowest recall"), ("lowest_precision", "lowest precision")):
        print(f"\n== {track}: {label} ==", file=out)
        for e in worst[kind]:
            print(f"{e['id']}  P={e['precision']:.3f} R={e['recall']:.3f}  "
                  f"(fp={e['fp']} fn={e['fn']})  {e['url'] or ''}", file=out)
            if e["error"]:
                print(f"    ERROR {e['error'].splitlines()[0]}", file=out)
            for line in e["lost"]:
                print(f"    - lost: {_clip(line)}", file=out)
            if e["lost_total"] > len(e["lost"]):
                print(f"    - lost: … {e['lost_total'] - len(e['lost'])} more lines", file=out)
            for line in e["extra"]:
                print(f"    + left: {_clip(line)}", file=out)
            if e["extra_total"] > len(e["extra"]):
                print(f"    + left: … {e['extra_total'] - len(e['extra'])} more lines", file=out)


# --------------------------------------------------------------------------
# command line

def _parse_tracks(values: list[str] | None) -> list[str]:
    if not values:
        return []
    tracks: list[str] = []
    for value in values:
        for t in value.split(","):
            t = t.strip()
            if not t:
                continue
            if t not in TRACKS:
                raise ValueError(f"unknown track {t!r} (tracks: {', '.join(TRACKS)})")
            if t not in tracks:
                tracks.append(t)
    return tracks


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the eval options to `parser` (reused by the ``clean eval`` subcommand)."""
    parser.add_argument("bench_dir", metavar="BENCH_DIR",
                        help="AEB-layout directory (ground-truth.json, fulltext/, residue/, html/)")
    parser.add_argument("--track", action="append", metavar="TRACK",
                        help=f"track(s) to score, comma-separated or repeated: {', '.join(TRACKS)} "
                             "(default: all; html only for --baseline trafilatura/extract)")
    parser.add_argument("--baseline", choices=BASELINES,
                        help="score a baseline instead of the cleaner: none = input as-is, "
                             "trafilatura = trafilatura.extract() defaults (html), "
                             "extract = cleaner.html.extract() alone (html)")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="score pages in N processes (default 1)")
    parser.add_argument("--worst", type=int, default=0, metavar="N",
                        help="list the N pages with the lowest recall and the N with the lowest "
                             "precision, with lost and left-over lines")
    parser.add_argument("--ids", metavar="ID,...",
                        help="score only these page ids (comma-separated)")
    parser.add_argument("--json", action="store_true",
                        help="print machine-readable results (with per-page scores)")
    return parser


def run(args: argparse.Namespace, out=None) -> int:
    """Run the eval for parsed `args`; 0 = ok, 1 = some page raised, 2 = usage error,
    5 = a worker process died (with -j N; `clean`'s code for a crash)."""
    out = out or sys.stdout
    err = sys.stderr
    bench = Path(args.bench_dir)
    try:
        tracks = _parse_tracks(args.track)
    except ValueError as e:
        print(f"cleaner.eval: {e}", file=err)
        return 2
    if not tracks:
        tracks = ["html"] if args.baseline in ("trafilatura", "extract") else list(TRACKS)
    if not (bench / "ground-truth.json").is_file():
        print(f"cleaner.eval: {bench}/ground-truth.json not found", file=err)
        return 2
    try:
        fns = {t: clean_fn_for(t, args.baseline) for t in tracks}
    except ValueError as e:
        print(f"cleaner.eval: {e}", file=err)
        return 2
    if args.baseline is None:
        try:
            from cleaner import clean  # noqa: F401
        except ImportError as e:
            print(f"cleaner.eval: the engine is not importable ({e}); "
                  "use --baseline to score a baseline", file=err)
            return 2
    gt = load_ground_truth(bench)
    ids = None
    if args.ids:
        ids = [i.strip() for i in args.ids.split(",") if i.strip()]
        unknown = [i for i in ids if i not in gt]
        if unknown:
            print(f"cleaner.eval: unknown page ids: {', '.join(unknown)}", file=err)
            return 2
    for t in tracks:
        if not (bench / t).is_dir():
            print(f"cleaner.eval: {bench / t} not found", file=err)
            return 2

    jobs = max(1, args.jobs)
    results: list[TrackResult] = []
    worst: dict[str, dict] = {}
    for t in tracks:
        try:
            r = evaluate(bench, t, fns[t], jobs=jobs, ids=ids,
                         keep_outputs=args.worst > 0, ground_truth=gt)
        except BrokenProcessPool:
            print(f"cleaner.eval: a worker process died while scoring {t} (killed, or out of memory); "
                  "run with -j 1 to find the page", file=err)
            return 5
        results.append(r)
        if args.worst > 0:
            worst[t] = _worst_report(r, gt, args.worst)

    label = args.baseline and f"baseline {args.baseline}" or "cleaner"
    if args.json:
        doc = {"bench_dir": str(bench), "system": label, "jobs": jobs,
               "tracks": {r.track: r.to_dict() for r in results}}
        if worst:
            doc["worst"] = worst
        json.dump(doc, out, indent=1, ensure_ascii=False)
        out.write("\n")
    else:
        print(f"{label} on {bench}", file=out)
        print(_HEADER, file=out)
        for r in results:
            print(_row(r.track, r.summary, r.seconds), file=out)
        for r in results:
            if r.track in worst:
                _print_worst(r.track, worst[r.track], out)
        for r in results:
            for s in r.scores:
                if s.error:
                    print(f"\n{r.track} {s.id}: {s.error}", file=err)
    return 1 if any(r.summary["errors"] for r in results) else 0


def main(argv: list[str] | None = None) -> int:
    parser = add_arguments(argparse.ArgumentParser(
        prog="python -m cleaner.eval",
        description="Score the cleaner (or a baseline) on an AEB-layout benchmark directory."))
    args = parser.parse_args(argv)
    try:
        return run(args)
    except BrokenPipeError:  # e.g. piped into `head`
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
