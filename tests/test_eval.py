"""The AEB metric on hand-made cases, and `python -m cleaner.eval` on a 3-page sample."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from cleaner import eval as ev
from cleaner.eval import score_page, shingles, summarize, tokenize
from cleaner.evaluation import runner

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "aeb_sample"


def approx(x):
    return pytest.approx(x, abs=1e-12)


# --------------------------------------------------------------------------
# tokens and shingles

def test_tokenize_is_unicode_word_runs_case_kept():
    assert tokenize("Don't stop—the café's 東京 2024!") == ["Don", "t", "stop", "the", "café", "s", "東京", "2024"]
    assert tokenize("") == [] and tokenize(None) == []
    assert tokenize("A a") == ["A", "a"]          # case is not folded
    assert tokenize("snake_case x") == ["snake_case", "x"]   # \w includes "_"


def test_shingles():
    assert shingles(["a", "b", "c", "d", "e"]) == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})
    assert shingles(["a", "b", "c", "d"]) == Counter({("a", "b", "c", "d"): 1})
    assert shingles(["a", "b"]) == Counter({("a", "b"): 1})          # short page: one shingle
    assert shingles([]) == Counter()
    # repeated shingles are counted (bags, not sets)
    assert shingles(list("abababa"))[("a", "b", "a", "b")] == 2


# --------------------------------------------------------------------------
# per page

def test_multiset_counts():
    s = score_page("a a b c", "a b b d")
    assert (s.tp, s.fp, s.fn) == (2, 2, 2)
    assert s.precision == approx(0.5) and s.recall == approx(0.5) and s.f1 == approx(0.5)


def test_repeated_tokens():
    s = score_page("the cat the cat", "the cat sat on the mat")
    assert (s.tp, s.fp, s.fn) == (3, 1, 3)
    assert s.precision == approx(0.75)
    assert s.recall == approx(0.5)
    assert s.f1 == approx(0.6)


def test_exact_match_and_punctuation_ignored():
    s = score_page("Hello,   world!\n\n", "Hello world")
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_empty_output_scores_zero():
    s = score_page("", "some gold text")
    assert (s.tp, s.fp, s.fn) == (0, 0, 3)
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)
    s = score_page("!!! ---", "some gold text")        # no tokens = empty
    assert s.empty and s.f1 == 0.0


def test_page_shingle_counts():
    s = score_page("a b c d e", "a b c d x")
    assert (s.s_tp, s.s_fp, s.s_fn) == (1, 1, 1)
    assert s.s_precision == approx(0.5) and s.s_recall == approx(0.5)
    s = score_page("a b", "a b")                     # short pages: whole tuple
    assert (s.s_tp, s.s_fp, s.s_fn) == (1, 0, 0)


def test_input_recall_counts_only_what_the_input_holds():
    # the input lacks "d"; the output keeps everything the input has of the gold
    s = score_page("a b c", "a b c d", input="x a b c")
    assert s.avail == 3
    assert s.recall == approx(0.75) and s.input_recall == approx(1.0)
    s = score_page("a", "a b c d", input="a b c")
    assert s.input_recall == approx(1 / 3)
    assert score_page("a", "a b", input=None).input_recall == score_page("a", "a b").recall


# --------------------------------------------------------------------------
# over pages

def test_micro_vs_macro_and_empty_page():
    a = score_page("the cat the cat", "the cat sat on the mat", "A")   # tp 3 fp 1 fn 3
    b = score_page("", "gold words", "B")                                # tp 0 fp 0 fn 2
    s = summarize([a, b])
    assert s["pages"] == 2
    assert (s["micro"]["tp"], s["micro"]["fp"], s["micro"]["fn"]) == (3, 1, 5)
    assert s["micro"]["precision"] == approx(3 / 4)
    assert s["micro"]["recall"] == approx(3 / 8)
    assert s["micro"]["f1"] == approx(2 * 0.75 * 0.375 / (0.75 + 0.375))
    assert s["macro"]["precision"] == approx((0.75 + 0) / 2)
    assert s["macro"]["recall"] == approx((0.5 + 0) / 2)
    assert s["macro"]["f1"] == approx((0.6 + 0) / 2)
    assert s["empty"] == 1
    assert s["lost"] == 2 and s["lost_ids"] == ["A", "B"]


def test_micro_weights_by_size_macro_does_not():
    big = score_page(" ".join(["w"] * 90), " ".join(["w"] * 100), "big")     # R 0.9
    small = score_page("x", "x y", "small")                                   # R 0.5
    s = summarize([big, small])
    assert s["micro"]["recall"] == approx(91 / 102)
    assert s["macro"]["recall"] == approx((0.9 + 0.5) / 2)
    assert s["lost"] == 1            # 0.9 is not < 0.9


def test_shingle_summary_precision_skips_empty_outputs():
    a = score_page("a b c d e", "a b c d x", "a")      # shingle P 0.5 R 0.5
    b = score_page("", "p q r s t", "b")               # no output: R 0, excluded from P
    c = score_page("k l", "k l", "c")                  # short page, perfect
    s = summarize([a, b, c])
    sh = s["shingle"]
    assert sh["pages_with_output"] == 2
    assert sh["precision"] == approx((0.5 + 1.0) / 2)
    assert sh["recall"] == approx((0.5 + 0.0 + 1.0) / 3)
    p, r = 0.75, 0.5
    assert sh["f1"] == approx(2 * p * r / (p + r))


def test_summarize_nothing():
    s = summarize([])
    assert s["pages"] == 0 and s["micro"]["f1"] == 0.0 and s["macro"]["f1"] == 0.0


words = st.lists(st.sampled_from(["a", "b", "c", "dd", "Ée", "东"]), max_size=30)


@settings(max_examples=150, deadline=None)
@given(words, words)
def test_counts_partition_the_tokens(out, gold):
    s = score_page(" ".join(out), " ".join(gold))
    assert s.tp + s.fp == len(out)
    assert s.tp + s.fn == len(gold)
    assert s.tp == sum((Counter(out) & Counter(gold)).values())
    swapped = score_page(" ".join(gold), " ".join(out))
    assert (swapped.tp, swapped.fp, swapped.fn) == (s.tp, s.fn, s.fp)
    assert 0.0 <= s.f1 <= 1.0


# --------------------------------------------------------------------------
# lost / left-over lines for --worst

def test_lost_and_extra_lines():
    gold = "First paragraph has several words in it.\nSecond paragraph is also here now.\nShort one"
    out = "Menu Home News\nFirst paragraph has several words in it.\nShort one"
    assert ev.lost_lines(out, gold) == ["Second paragraph is also here now."]
    assert ev.extra_lines(out, gold) == ["Menu Home News"]


# --------------------------------------------------------------------------
# evaluate() on the sample

def _upper_first_line_dropped(text: str) -> str:
    return text.split("\n", 1)[1] if "\n" in text else ""


class _R:
    def __init__(self, text):
        self.text = text


def _result_object(text: str):
    return _R(text)


def _boom(text: str):
    raise RuntimeError("engine exploded")


def _die(text: str):
    os._exit(70)        # a worker killed mid-page (out of memory, a signal)


def test_evaluate_identity_on_sample():
    gt = ev.load_ground_truth(SAMPLE)
    assert len(gt) == 3
    r = ev.evaluate(SAMPLE, "residue", ev.identity)
    assert r.summary["pages"] == 3 and r.summary["errors"] == 0
    # recompute by hand
    for s in r.scores:
        text = (SAMPLE / "residue" / f"{s.id}.txt").read_text(encoding="utf-8")
        again = score_page(text, gt[s.id]["articleBody"])
        assert (s.tp, s.fp, s.fn) == (again.tp, again.fp, again.fn)
    assert r.summary["micro"]["recall"] == approx(1.0)    # the residue holds all gold text here
    assert r.summary["lost_vs_input"] == 0


def test_evaluate_parallel_equals_serial_and_accepts_result_objects():
    serial = ev.evaluate(SAMPLE, "fulltext", _upper_first_line_dropped)
    parallel = ev.evaluate(SAMPLE, "fulltext", _upper_first_line_dropped, jobs=2)
    assert [(s.id, s.tp, s.fp, s.fn) for s in serial.scores] == [(s.id, s.tp, s.fp, s.fn) for s in parallel.scores]
    obj = ev.evaluate(SAMPLE, "residue", _result_object)
    ident = ev.evaluate(SAMPLE, "residue", ev.identity)
    assert obj.summary["micro"] == ident.summary["micro"]


def test_evaluate_records_errors_as_empty_pages():
    r = ev.evaluate(SAMPLE, "residue", _boom)
    assert r.summary["errors"] == 3 and r.summary["empty"] == 3
    assert all("engine exploded" in s.error for s in r.scores)
    assert r.summary["micro"]["f1"] == 0.0


def test_a_worker_that_dies_stops_the_parallel_run_instead_of_hanging():
    with pytest.raises(BrokenProcessPool):
        ev.evaluate(SAMPLE, "residue", _die, jobs=2)


def test_the_cli_reports_a_dead_worker_with_exit_code_5(monkeypatch, capsys):
    monkeypatch.setattr(runner, "clean_fn_for", lambda track, baseline, **kw: _die)
    rc = ev.main([str(SAMPLE), "--track", "residue", "-j", "2"])
    assert rc == 5
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "worker process died" in err[0]


def test_evaluate_html_track_reads_gzip():
    r = ev.evaluate(SAMPLE, "html", ev.identity, keep_outputs=True)
    assert all(out.lstrip().lower().startswith(("<!doctype", "<html")) for out in r.outputs.values())
    assert r.summary["micro"]["recall"] == approx(1.0)


# --------------------------------------------------------------------------
# the command line, as a real subprocess

def _run_cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "cleaner.eval", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_cli_baseline_none_matches_in_process():
    proc = _run_cli(str(SAMPLE.relative_to(ROOT)), "--baseline", "none")
    assert proc.returncode == 0, proc.stderr
    rows = {}
    for line in proc.stdout.splitlines():
        m = re.match(r"(fulltext|residue|html)\s+aeb_sample\s+(\d+)\s+\|(.*)", line)
        if m:
            nums = re.findall(r"\d+\.\d+|\d+", m.group(3))
            rows[m.group(1)] = (int(m.group(2)), [float(x) for x in nums])
    assert set(rows) == {"fulltext", "residue", "html"}
    for track, (pages, nums) in rows.items():
        s = ev.evaluate(SAMPLE, track, ev.identity).summary
        assert pages == s["pages"] == 3
        expected = [s["micro"]["precision"], s["micro"]["recall"], s["micro"]["f1"],
                    s["macro"]["precision"], s["macro"]["recall"], s["macro"]["f1"],
                    s["shingle"]["precision"], s["shingle"]["recall"], s["shingle"]["f1"]]
        assert nums[:9] == pytest.approx([round(x, 4) for x in expected], abs=1e-9)
        # base F1 and ΔF1 are "-" for a baseline; lossIn% is 0 for the input as-is
        assert nums[9] == 0.0 == s["loss_in"]
        assert nums[10:14] == [s["lost"], s["lost_vs_input"], s["empty"], s["errors"]]


def test_cli_json_worst_and_jobs():
    proc = _run_cli(str(SAMPLE), "--baseline", "none", "--track", "residue", "--json",
                    "--worst", "1", "-j", "2")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    s = ev.evaluate(SAMPLE, "residue", ev.identity).summary
    assert doc["pooled"] is None and len(doc["benches"]) == 1
    got = doc["benches"][0]["tracks"]["residue"]
    assert doc["tracks"]["residue"]["micro"] == got["micro"]      # one folder: the overall figure is its own
    assert got["micro"] == s["micro"] and got["macro"] == pytest.approx(s["macro"])
    assert got["shingle"] == pytest.approx(s["shingle"])
    assert len(got["page_scores"]) == 3
    worst = got["worst"]
    assert len(worst["lowest_recall"]) == 1 and len(worst["lowest_precision"]) == 1
    # identity on residue keeps the title line, which is not gold
    assert any(e["extra"] for e in worst["lowest_precision"])


def test_cli_worst_text_and_usage_errors():
    proc = _run_cli(str(SAMPLE), "--baseline", "none", "--track", "residue", "--worst", "2")
    assert proc.returncode == 0, proc.stderr
    assert "lowest recall" in proc.stdout and "lowest precision" in proc.stdout
    assert "+ left:" in proc.stdout
    assert _run_cli(str(SAMPLE), "--baseline", "none", "--track", "nope").returncode == 2
    assert _run_cli(str(SAMPLE), "--baseline", "trafilatura", "--track", "residue").returncode == 2
    assert _run_cli(str(SAMPLE / "missing"), "--baseline", "none").returncode == 2
