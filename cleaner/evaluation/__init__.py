"""Score the cleaner on benchmark folders in the Article Extraction Benchmark (AEB) layout.

Usage::

    clean eval BENCH_DIR [BENCH_DIR ...] [--track residue,fulltext] [-j 8] [--worst 5] [--json]
    clean eval BENCH_DIR --by-rule                    # precision of every rule and mechanism
    clean eval BENCH_DIR --rules my_pack/ --disable 'mainfinder.*' --input article
    clean eval BENCH_DIR --baseline none              # input as-is
    clean eval BENCH_DIR --baseline trafilatura       # html track, trafilatura.extract()
    clean eval BENCH_DIR --baseline extract           # html track, cleaner.html.extract.extract()

(``python -m cleaner.eval`` is the same command.)  Each BENCH_DIR holds
``ground-truth.json`` (page id -> {"articleBody": gold, "url": ...}) and one
input per page and track: ``fulltext/<id>.txt``, ``residue/<id>.txt``,
``html/<id>.html.gz``.  The cleaner runs with ``body_only=True`` (the gold has
no headline), plus any ``--rules`` packs, ``--disable`` ids and ``--input`` kind.

Output: per track, one row per folder and, for several folders, a ``pooled``
row (counts summed over all pages of all folders, macro over all pages).

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
* ``base F1`` / ``ΔF1``: the micro F1 of the input as-is (no cleaning; what
  ``--baseline none`` scores) and the cleaner's gain over it, on the same line.
  Residue and fulltext tracks only: raw HTML as-is means nothing ("-");
* ``lossIn%`` (``loss_in``), the cleaner's own loss: gold tokens that were in
  the input and are not in the output, as a share of all gold tokens, i.e.
  sum over pages of max(0, avail - tp) / sum of gold tokens, where ``avail`` is
  the size of the multiset intersection of input and gold tokens.  The
  identity scores 0; gold text the input never had is not counted.  For the
  html track the input is raw HTML, so it is only approximate;
* ``lost``: pages with token recall < 0.9 (more than 10% of gold tokens lost);
  ``lostIn`` (``lost_vs_input``): the same against only the gold tokens the
  input contains, i.e. what the cleaner itself lost.  Some residue inputs lack
  part of the gold text, so ``lost`` is 8 there even for the identity;
  ``lostIn`` can reach 0.

``--by-rule`` (not with --baseline): for every rule and mechanism id that
removed anything, per folder and track, the tokens of its removals that were
gold (``lost``: article text it cut) and that were not (``caught``:
boilerplate), and its precision caught / (caught + lost).  Per page the budget
B is the multiset of gold tokens the output misses (gold minus output); the
Result's removals are walked in offset order, and each token of a removal's
text that still has budget in B is lost (using it up), any other is caught.
So lost + caught = the tokens removed; on the text tracks (output and
removals are disjoint parts of the input) the lost tokens of all rules add up
to at most the lossIn tokens.
Sorted by tokens removed; ``pages`` = pages it removed something on.  The text
report has one table per folder and track; --json also has the pooled one.

--json: ``tracks`` holds the overall figures (the one folder's, or the pooled
ones), ``benches`` each folder's with per-page scores (and ``worst``,
``by_rule``), ``pooled`` the pooled figures (null for one folder).

Exit codes: 0 ok, 1 cleaning raised on some page (scored as empty; one line
per page on stderr, the traceback in --json), 2 usage error (bad option,
missing or malformed benchmark folder), 3 bad rule pack (--rules), 5 a ``-j N``
worker process died (killed, out of memory) or an internal error.  Every
error is one line on stderr.
"""
from __future__ import annotations

from cleaner.evaluation.bench import TRACKS, input_path, load_ground_truth, missing_inputs, read_input
from cleaner.evaluation.cli import add_arguments, main, run
from .metric import (LOST_RECALL, SHINGLE_N, PageScore, attribute_removals, score_page, shingles,
                     summarize, summarize_rules, tokenize)
from cleaner.evaluation.report import extra_lines, lost_lines, worst_report
from .runner import (BASELINES, TrackResult, clean_fn_for, clean_page, engine_html, engine_text,
                     evaluate, extract_baseline, identity, pool_results, trafilatura_baseline)

__all__ = [
    "TRACKS", "BASELINES", "LOST_RECALL", "SHINGLE_N",
    "tokenize", "shingles", "PageScore", "score_page", "summarize",
    "attribute_removals", "summarize_rules",
    "load_ground_truth", "input_path", "read_input", "missing_inputs",
    "TrackResult", "evaluate", "pool_results", "clean_fn_for", "clean_page",
    "identity", "trafilatura_baseline", "extract_baseline", "engine_text", "engine_html",
    "lost_lines", "extra_lines", "worst_report",
    "add_arguments", "run", "main",
]
