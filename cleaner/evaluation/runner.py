"""Cleaning functions and the scoring run over a benchmark folder (serial or a process pool)."""
from __future__ import annotations

import functools
import multiprocessing
import pickle
import time
import traceback
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Sequence

from cleaner.evaluation.bench import TRACKS, load_ground_truth, read_input
from cleaner.evaluation.metric import PageScore, attribute_removals, score_page, summarize, summarize_rules

BASELINES = ("none", "trafilatura", "extract")


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
    """Baseline ``extract``: `cleaner.html.extract.extract()` alone (title line included)."""
    from cleaner.html.extract import extract

    return extract(html)[0]


def clean_page(text: str, *, html: bool = False, rules: Sequence[str] = (),
               disable: Sequence[str] = (), input: str = "auto"):
    """The cleaner as eval runs it: body only, the given packs, disabled ids and input kind."""
    from cleaner import clean

    return clean(text, html=html, body_only=True, rules=tuple(rules), disable=tuple(disable), input=input)


def engine_text(text: str):
    return clean_page(text)


def engine_html(html: str):
    return clean_page(html, html=True)


def clean_fn_for(track: str, baseline: str | None = None, *, rules: Sequence[str] = (),
                 disable: Sequence[str] = (), input: str = "auto") -> Callable[[str], object]:
    """The cleaning function `run()` uses for `track` (the engine or a baseline).

    With rules, disable or an input kind other than auto it is a
    ``functools.partial`` of `clean_page`, which pickles for the process pool."""
    if baseline is None:
        if not rules and not disable and input == "auto":
            return engine_html if track == "html" else engine_text
        return functools.partial(clean_page, html=track == "html", rules=tuple(rules),
                                 disable=tuple(disable), input=input)
    if baseline == "none":
        return identity
    if baseline in ("trafilatura", "extract"):
        if track != "html":
            raise ValueError(f"baseline {baseline!r} applies to the html track only")
        return trafilatura_baseline if baseline == "trafilatura" else extract_baseline
    raise ValueError(f"unknown baseline {baseline!r} (baselines: {', '.join(BASELINES)})")


# --------------------------------------------------------------------------
# results

@dataclass
class TrackResult:
    track: str
    scores: list[PageScore]
    summary: dict
    outputs: dict[str, str] = field(default_factory=dict)   # kept only when asked (for --worst)
    seconds: float = 0.0                                     # wall time of the whole track
    bench: str = ""                                          # the folder's name, or "pooled"
    base_scores: list[PageScore] | None = None               # the input as-is, when asked
    base_summary: dict | None = None
    by_rule: list[dict] | None = None                        # summarize_rules(), when asked

    @property
    def delta_f1(self) -> float | None:
        if self.base_summary is None:
            return None
        return self.summary["micro"]["f1"] - self.base_summary["micro"]["f1"]

    def to_dict(self, pages: bool = True) -> dict:
        d = {"track": self.track, "bench": self.bench, "seconds": self.seconds, **self.summary}
        if self.base_summary is not None:
            d["baseline_none"] = {k: v for k, v in self.base_summary.items() if not k.endswith("_ids")}
            d["delta_f1"] = self.delta_f1
        if self.by_rule is not None:
            d["by_rule"] = self.by_rule
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


@dataclass
class _Task:
    bench_dir: str
    track: str
    page_id: str
    gold: str
    clean_fn: Callable[[str], object]
    keep_output: bool = False
    baseline: bool = False     # also score the input as-is
    by_rule: bool = False      # attribute the Result's removals to their rules


def _score_one(task: _Task) -> tuple[PageScore, PageScore | None, str | None]:
    text = read_input(task.bench_dir, task.track, task.page_id)
    error = None
    removals = None
    t0 = time.perf_counter()
    try:
        result = task.clean_fn(text)
        output = _as_text(result)
        removals = getattr(result, "removed", None)
    except Exception as err:  # one bad page must not sink the run; it is reported
        output = ""
        error = f"{type(err).__name__}: {err}"
        error += "\n" + traceback.format_exc(limit=-3)
    seconds = time.perf_counter() - t0
    score = score_page(output, task.gold, task.page_id, input=text)
    score.error = error
    score.seconds = seconds
    if task.by_rule and removals:
        score.rules = attribute_removals(removals, output, task.gold)
    base = score_page(text, task.gold, task.page_id, input=text) if task.baseline else None
    return score, base, (output if task.keep_output else None)


def _picklable(obj) -> bool:
    try:
        pickle.dumps(obj)
        return True
    except Exception:
        return False


def make_pool(jobs: int) -> ProcessPoolExecutor:
    """The process pool `evaluate` runs pages in.  concurrent.futures, not
    multiprocessing.Pool: when a worker dies (killed, out of memory) Pool.map waits
    forever; the executor raises BrokenProcessPool."""
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context())


def evaluate(bench_dir: str | Path, track: str, clean_fn: Callable[[str], object], *,
             jobs: int = 1, ids: Iterable[str] | None = None,
             keep_outputs: bool = False, ground_truth: dict | None = None,
             baseline: bool = False, by_rule: bool = False,
             executor: Executor | None = None) -> TrackResult:
    """Run `clean_fn` on every page of `track` and score it against the gold text.

    `clean_fn` takes the page input (str; decoded HTML for the html track) and
    returns a str or an object with a ``.text`` str (e.g. `cleaner.clean`'s
    Result).  An exception in `clean_fn` scores that page as empty output and
    is recorded in ``PageScore.error``.  With ``jobs > 1`` (or an `executor`)
    pages are scored in a process pool (needs a picklable `clean_fn`, e.g. a
    module-level function or a ``functools.partial`` of one; otherwise the run
    is serial).  `baseline`: also score the input as-is (``base_scores``).
    `by_rule`: attribute the tokens of the Result's removals to their rules
    (``PageScore.rules``, ``TrackResult.by_rule``).
    """
    if track not in TRACKS:
        raise ValueError(f"unknown track {track!r} (tracks: {', '.join(TRACKS)})")
    gt = ground_truth if ground_truth is not None else load_ground_truth(bench_dir)
    page_ids = sorted(gt) if ids is None else [i for i in ids]
    missing = [i for i in page_ids if i not in gt]
    if missing:
        raise KeyError(f"page ids not in ground truth: {', '.join(missing[:5])}")
    tasks = [_Task(str(bench_dir), track, pid, gt[pid].get("articleBody") or "", clean_fn,
                   keep_outputs, baseline, by_rule) for pid in page_ids]
    t0 = time.perf_counter()
    parallel = (executor is not None or jobs > 1) and len(tasks) > 1 and _picklable(clean_fn)
    if parallel:
        chunksize = max(1, len(tasks) // (max(jobs, 2) * 4))
        if executor is not None:
            results = list(executor.map(_score_one, tasks, chunksize=chunksize))
        else:
            with make_pool(min(jobs, len(tasks))) as pool:
                results = list(pool.map(_score_one, tasks, chunksize=chunksize))
    else:
        results = [_score_one(t) for t in tasks]
    seconds = time.perf_counter() - t0
    scores = [r[0] for r in results]
    outputs = {s.id: out for s, _, out in results if out is not None}
    base_scores = [r[1] for r in results] if baseline else None
    return TrackResult(track, scores, summarize(scores), outputs, seconds, Path(bench_dir).name,
                       base_scores, summarize(base_scores) if baseline else None,
                       summarize_rules(scores) if by_rule else None)


def pool_results(results: Sequence[TrackResult], names: Sequence[str] | None = None) -> TrackResult:
    """One track over several folders: the pages of all of them, counts summed,
    macro over all pages.  Page ids become ``name/id`` (ids may repeat across folders)."""
    if not results:
        raise ValueError("nothing to pool")
    names = list(names) if names is not None else [r.bench for r in results]

    def tagged(name: str, scores: list[PageScore]) -> list[PageScore]:
        return [replace(s, id=f"{name}/{s.id}") for s in scores]

    scores = [s for name, r in zip(names, results) for s in tagged(name, r.scores)]
    with_base = all(r.base_scores is not None for r in results)
    base = [s for name, r in zip(names, results) for s in tagged(name, r.base_scores)] if with_base else None
    with_rules = all(r.by_rule is not None for r in results)
    outputs = {f"{name}/{k}": v for name, r in zip(names, results) for k, v in r.outputs.items()}
    return TrackResult(results[0].track, scores, summarize(scores), outputs,
                       sum(r.seconds for r in results), "pooled",
                       base, summarize(base) if with_base else None,
                       summarize_rules(scores) if with_rules else None)


__all__ = ["BASELINES", "identity", "trafilatura_baseline", "extract_baseline", "clean_page",
           "engine_text", "engine_html", "clean_fn_for", "TrackResult", "evaluate", "make_pool",
           "pool_results"]
