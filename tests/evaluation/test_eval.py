"""The AEB metric on hand-made cases, and `python -m cleaner.eval` on a 3-page sample."""
from __future__ import annotations

import json
import os
import pickle
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

ROOT = Path(__file__).resolve().parents[2]
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


# --------------------------------------------------------------------------
# own loss (lossIn%), by-rule attribution, several folders, --rules/--disable/--input

def test_lost_in_counts_only_gold_the_input_held():
    s = score_page("a b", "a b c d", "p", input="a b c x")      # avail 3 (a b c), tp 2
    assert s.avail == 3 and s.lost_in == 1
    t = score_page("a b c d", "a b c d e", "q", input="a b c d")  # kept all it had
    assert t.lost_in == 0
    summary = summarize([s, t])
    assert summary["loss_in_tokens"] == 1
    assert summary["loss_in"] == approx(1 / 9)                   # over all 4 + 5 gold tokens


def _removal(start, rule, text):
    from cleaner import Removal
    return Removal(start, start + len(text), "x", rule, text)


def test_attribute_removals_budget_is_the_gold_the_output_misses():
    gold = "alpha beta gamma"
    inp = "alpha beta gamma\nShare this beta\nalpha delta"
    out = "alpha beta gamma"
    removals = [_removal(33, "r.late", "alpha delta"), _removal(17, "r.share", "Share this beta")]
    # the output keeps every gold token: nothing removed was gold
    assert inp[17:32] == "Share this beta" and inp[33:44] == "alpha delta"
    assert ev.attribute_removals(removals, out, gold) == {"r.share": [0, 3], "r.late": [0, 2]}
    # the output misses one "beta" and one "alpha": the first removal (by offset) holding
    # them takes the blame, each budget token once
    out2 = "gamma"
    assert ev.attribute_removals(removals, out2, gold) == {"r.share": [1, 2], "r.late": [1, 1]}
    # a gold token repeated: the budget is a multiset
    assert ev.attribute_removals(removals, out2, gold + " beta delta") == {"r.share": [1, 2], "r.late": [2, 0]}
    assert ev.attribute_removals(removals, out2, gold + " beta beta")["r.share"] == [1, 2]
    assert ev.attribute_removals([], out2, gold) == {}


def test_by_rule_lost_plus_caught_is_the_tokens_removed():
    from cleaner import clean
    r = ev.evaluate(SAMPLE, "residue", ev.clean_fn_for("residue"), by_rule=True)
    gt = ev.load_ground_truth(SAMPLE)
    assert any(row["lost"] for row in r.by_rule)      # the sample has rules that cut gold text
    for s in r.scores:
        result = clean(ev.read_input(SAMPLE, "residue", s.id), body_only=True)
        per_rule = Counter()
        for rem in result.removed:
            per_rule[rem.rule] += len(tokenize(rem.text))
        assert {k: sum(v) for k, v in s.rules.items()} == {k: n for k, n in per_rule.items() if k in s.rules}
        assert set(per_rule) == set(s.rules)
        assert sum(lost for lost, _ in s.rules.values()) <= s.lost_in
        assert gt[s.id]["articleBody"]
    totals = {row["id"]: row for row in r.by_rule}
    for rule, row in totals.items():
        assert row["removed"] == row["lost"] + row["caught"] == sum(
            sum(s.rules[rule]) for s in r.scores if rule in s.rules)
        assert row["pages"] == sum(1 for s in r.scores if rule in s.rules)
    assert [row["removed"] for row in r.by_rule] == sorted((row["removed"] for row in r.by_rule), reverse=True)


def test_input_article_runs_no_main_text_finder():
    page = ev.evaluate(SAMPLE, "fulltext", ev.clean_fn_for("fulltext", input="page"), by_rule=True)
    assert any(row["id"].startswith("mainfinder.") for row in page.by_rule)   # so the test can fail
    fn = ev.clean_fn_for("fulltext", input="article", rules=(str(SAMPLE),), disable=("x.*",))
    assert pickle.loads(pickle.dumps(fn)).keywords == fn.keywords      # so -j N runs it in the pool
    art = ev.evaluate(SAMPLE, "fulltext", ev.clean_fn_for("fulltext", input="article"), by_rule=True, jobs=2)
    assert art.by_rule and not any(row["id"].startswith("mainfinder.") for row in art.by_rule)


GOLD_A = ("The council met on Tuesday to discuss the new budget for the coming year.\n\n"
          "Members agreed that the library would stay open longer on weekends.")
GOLD_B = ("Rain is expected across the north of the country on Friday, forecasters said.\n\n"
          "Temperatures will fall to single figures by the weekend.")
NEWSLETTER = "Sign up for our newsletter"
NEWSLETTER_RULE = "newsletter.en.signup"


def _make_bench(root: Path, pages: dict[str, tuple[str, str]]) -> Path:
    """An AEB-layout folder: page id -> (gold, input); the same input on residue and fulltext."""
    root.mkdir()
    gt = {pid: {"articleBody": gold, "url": f"https://example.com/{pid}"} for pid, (gold, _) in pages.items()}
    (root / "ground-truth.json").write_text(json.dumps(gt), encoding="utf-8")
    for track in ("residue", "fulltext"):
        (root / track).mkdir()
        for pid, (_, text) in pages.items():
            (root / track / f"{pid}.txt").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def tiny(tmp_path):
    return _make_bench(tmp_path / "tiny", {"a": (GOLD_A, f"{GOLD_A}\n\n{NEWSLETTER}\n"), "b": (GOLD_B, GOLD_B)})


def _main_json(capsys, *args) -> tuple[int, dict, str]:
    rc = ev.main([str(a) for a in args] + ["--json"])
    cap = capsys.readouterr()
    return rc, json.loads(cap.out) if cap.out else {}, cap.err


def test_pooled_counts_are_the_sum_of_the_folders(tiny, capsys):
    rc, doc, err = _main_json(capsys, SAMPLE, tiny, "--track", "residue,fulltext", "--by-rule", "-j", "2")
    assert rc == 0, err
    assert [b["name"] for b in doc["benches"]] == ["aeb_sample", "tiny"]
    assert doc["tracks"] == doc["pooled"]
    for track in ("residue", "fulltext"):
        parts = [b["tracks"][track] for b in doc["benches"]]
        pooled = doc["pooled"][track]
        assert pooled["pages"] == sum(p["pages"] for p in parts) == 5
        for key in ("tp", "fp", "fn"):
            assert pooled["micro"][key] == sum(p["micro"][key] for p in parts)
            assert pooled["baseline_none"]["micro"][key] == sum(p["baseline_none"]["micro"][key] for p in parts)
        assert pooled["loss_in_tokens"] == sum(p["loss_in_tokens"] for p in parts)
        f1s = [ps["f1"] for p in parts for ps in p["page_scores"]]
        assert pooled["macro"]["f1"] == approx(sum(f1s) / len(f1s))        # macro over all pages
        rows = {row["id"]: row for row in pooled["by_rule"]}
        for p in parts:
            for row in p["by_rule"]:
                assert rows[row["id"]]["removed"] >= row["removed"]
        assert sum(r["removed"] for r in rows.values()) == sum(r["removed"] for p in parts for r in p["by_rule"])
    # the known rule on the known boilerplate line: all caught, none lost
    tiny_rows = {row["id"]: row for row in doc["benches"][1]["tracks"]["residue"]["by_rule"]}
    assert tiny_rows == {NEWSLETTER_RULE: {"id": NEWSLETTER_RULE, "removed": 5, "lost": 0, "caught": 5,
                                           "precision": 1.0, "pages": 1}}
    tiny_res = doc["benches"][1]["tracks"]["residue"]
    assert tiny_res["micro"]["f1"] == 1.0 and tiny_res["loss_in"] == 0.0
    assert tiny_res["baseline_none"]["micro"]["fp"] == 5 and tiny_res["delta_f1"] > 0


def test_disable_takes_the_rule_out_of_the_by_rule_table(tiny, capsys):
    rc, doc, err = _main_json(capsys, tiny, "--track", "residue", "--by-rule", "--disable", "newsletter.*")
    assert rc == 0, err
    res = doc["benches"][0]["tracks"]["residue"]
    assert res["by_rule"] == []
    assert res["micro"]["fp"] == 5           # the line stays in the output
    assert doc["disable"] == ["newsletter.*"]


def test_baseline_columns_equal_a_baseline_none_run(capsys):
    rc, doc, err = _main_json(capsys, SAMPLE, "--track", "residue,fulltext")
    assert rc == 0, err
    rc, base, err = _main_json(capsys, SAMPLE, "--track", "residue,fulltext,html", "--baseline", "none")
    assert rc == 0, err
    for track in ("residue", "fulltext"):
        mine = doc["tracks"][track]
        theirs = base["tracks"][track]
        assert mine["baseline_none"]["micro"] == theirs["micro"]
        assert mine["baseline_none"]["macro"] == theirs["macro"]
        assert mine["delta_f1"] == approx(mine["micro"]["f1"] - theirs["micro"]["f1"])
        assert theirs["loss_in"] == 0.0
    assert "baseline_none" not in base["tracks"]["html"]


def _rows(stdout: str) -> dict[tuple[str, str], list[str]]:
    rows = {}
    for line in stdout.splitlines():
        m = re.match(r"(fulltext|residue|html)\s+(\S+)\s+(\d+)\s+\|(.*)", line)
        if m:
            rows[m.group(1), m.group(2)] = [m.group(3)] + [c.split() for c in m.group(4).split("|")]
    return rows


def _clean_eval(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("CLEAN_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "cleaner", "eval", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_clean_eval_text_table_subprocess(tiny, tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "weather.toml").write_text('[pack]\ncategory = "test"\nlang = "en"\n\n[[rule]]\n'
                                       'id = "test.temperatures"\npattern = \'^temperatures will fall\'\n',
                                       encoding="utf-8")
    proc = _clean_eval(SAMPLE, tiny, "--track", "residue", "--by-rule", "-j", "2", "--input", "article",
                       "--rules", pack)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    rows = _rows(proc.stdout)
    assert set(rows) == {("residue", "aeb_sample"), ("residue", "tiny"), ("residue", "pooled")}
    base = _clean_eval(SAMPLE, tiny, "--track", "residue", "--baseline", "none")
    assert base.returncode == 0, base.stderr
    base_rows = _rows(base.stdout)
    for key, cols in rows.items():
        f1, base_f1, delta = float(cols[1][2]), float(cols[4][0]), float(cols[4][1])
        assert base_f1 == float(base_rows[key][1][2])           # same figure as --baseline none
        assert delta == pytest.approx(f1 - base_f1, abs=2e-4)
        assert base_rows[key][4] == ["-", "-"]
    assert rows["residue", "pooled"][0] == "5"
    # the user's rule cut gold text: lost 9 of its 9 tokens on tiny; the pack rule is listed
    table = proc.stdout.split("== by rule: residue on tiny ==")[1]
    lines = {line.split()[0]: line.split()[1:] for line in table.strip().splitlines()[1:3]}
    assert lines["test.temperatures"] == ["9", "9", "0", "0.0000", "1"]
    assert lines[NEWSLETTER_RULE] == ["5", "0", "5", "1.0000", "1"]
    assert "mainfinder." not in proc.stdout


def test_usage_line_and_one_line_errors_subprocess(tiny, tmp_path):
    help_ = _clean_eval("--help")
    assert help_.returncode == 0 and help_.stdout.startswith("usage: clean eval ")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.toml").write_text("x = [\n", encoding="utf-8")
    for args, code, needle in [
        ((tiny, "--rules", bad), 3, "a.toml"),
        ((tiny, "--rules", tmp_path / "nowhere"), 3, "not a folder of rule packs"),
        ((tiny, "--by-rule", "--baseline", "none"), 2, "--by-rule"),
        ((tiny, "--disable", "x.*", "--baseline", "none"), 2, "--disable"),
        ((tiny, "--track", "nope"), 2, "nope"),
        ((tiny, "--input", "nope"), 2, "--input"),
        ((tmp_path / "missing",), 2, "ground-truth.json"),
    ]:
        proc = _clean_eval(*args, "--track", "residue") if "--track" not in args else _clean_eval(*args)
        assert proc.returncode == code, (args, proc.stderr)
        lines = proc.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("clean eval: ") and needle in lines[0], (args, proc.stderr)
        assert proc.stdout == ""


def test_python_m_cleaner_eval_keeps_its_own_usage_line():
    proc = _run_cli("--help")
    assert proc.returncode == 0 and proc.stdout.startswith("usage: python -m cleaner.eval ")
    proc = _run_cli(str(SAMPLE), "--track", "nope")
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [proc.stderr.strip()] and proc.stderr.startswith("python -m cleaner.eval: ")
