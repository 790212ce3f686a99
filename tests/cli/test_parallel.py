"""`clean --jsonl -j N`: streaming, ordered, crash- and hang-proof batch cleaning.

Faults are injected with the documented test hook CLEANER_TEST_FAULT (see
cleaner/cli/parallel.py): a worker that gets a record containing the marker dies
(`crash`: os._exit, `segv`: SIGSEGV) or sleeps forever (`hang`).
"""
from __future__ import annotations

import itertools
import json
import os
import pathlib
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from cleaner.cli.parallel import FAULT_ENV, Settings, clean_records
from cleaner.options import Options

ROOT = pathlib.Path(__file__).resolve().parents[2]
EN = Settings(Options(lang="en"))

ARTICLE = ("Storm closes roads across the region\n\n"
           "Heavy rain closed several roads across the region on Tuesday, officials said, and more rain is expected.\n\n"
           "Share this article\n\n"
           "Crews worked through the night to clear fallen trees from the main routes into the city centre.\n")


def good(i, text=ARTICLE):
    return json.dumps({"id": i, "text": text})


def run_cli(args, stdin=None, env_extra=None, timeout=60):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop(FAULT_ENV, None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "cleaner", *args], input=stdin, capture_output=True,
                          env=env, cwd=ROOT, timeout=timeout)


def outs(records, **kw):
    return list(clean_records(((r, None) for r in records), EN, **kw))


# ---------------------------------------------------------------- order and equality
def test_workers_give_the_same_output_in_the_same_order_as_in_process():
    records = [good(i, ARTICLE.replace("Storm", f"Storm {i}")) for i in range(40)] + ["not json", good(40)]
    serial = outs(records, jobs=1, timeout=0)
    parallel = outs(records, jobs=2, timeout=30)
    assert [o.line for o in parallel] == [o.line for o in serial]
    assert [json.loads(o.line).get("id") for o in parallel[:40]] == list(range(40))
    assert "Share this article" not in json.loads(parallel[0].line)["text"]
    assert parallel[40].ok is False and "not JSON" in parallel[40].error


def test_streaming_reads_input_lazily_and_stops_cleanly():
    consumed = itertools.count()

    def endless():
        for i in itertools.count():
            next(consumed)
            yield good(i), None

    gen = clean_records(endless(), EN, jobs=2, timeout=30, window=32)
    first = list(itertools.islice(gen, 5))
    gen.close()  # stops the workers
    assert [json.loads(o.line)["id"] for o in first] == [0, 1, 2, 3, 4]
    assert next(consumed) <= 5 + 32 + 1  # never more than the window ahead


def test_pre_decoded_errors_keep_their_place():
    recs = [(good(0), None), ("bad\ufffd", "invalid UTF-8 at byte offset 3 of line 2"), (good(2), None)]
    got = list(clean_records(iter(recs), EN, jobs=2, timeout=30))
    assert [o.ok for o in got] == [True, False, True]
    assert json.loads(got[1].line) == {"raw": "bad\ufffd", "clean": {"error": "invalid UTF-8 at byte offset 3 of line 2"}}


# ---------------------------------------------------------------- faults
@pytest.mark.parametrize("jobs", [1, 2])
def test_crash_segfault_and_hang_cost_only_their_own_record(monkeypatch, jobs):
    monkeypatch.setenv(FAULT_ENV, "crash:CRASHME,hang:HANGME,segv:SEGVME")
    records = [good(i) for i in range(12)]
    records[2] = good(2, "CRASHME " + ARTICLE)
    records[5] = good(5, "HANGME " + ARTICLE)
    records[9] = good(9, "SEGVME " + ARTICLE)
    got = outs(records, jobs=jobs, timeout=1.0)
    assert len(got) == len(records)
    assert [json.loads(o.line)["id"] for o in got] == list(range(12))
    bad = {i: json.loads(o.line)["clean"]["error"] for i, o in enumerate(got) if not o.ok}
    assert set(bad) == {2, 5, 9}
    assert "crashed" in bad[2] and "exit code 70" in bad[2]
    assert "timed out after 1s" in bad[5]
    assert "SIGSEGV" in bad[9]
    for i in set(range(12)) - {2, 5, 9}:
        rec = json.loads(got[i].line)
        assert "error" not in rec["clean"] and "Share this article" not in rec["text"]
    assert all(got[i].internal for i in bad)
    # the bad record itself passes through unchanged
    assert json.loads(got[2].line)["text"] == "CRASHME " + ARTICLE


def test_cli_fault_hook_end_to_end():
    lines = [good(i) for i in range(6)]
    lines[1] = good(1, "CRASHME")
    lines[4] = good(4, "HANGME")
    r = run_cli(["--jsonl", "-j", "2", "--timeout", "1", "--lang", "en"], stdin="\n".join(lines).encode() + b"\n",
                env_extra={FAULT_ENV: "crash:CRASHME,hang:HANGME"})
    out = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == list(range(6))
    assert [i for i, o in enumerate(out) if "error" in o["clean"]] == [1, 4]
    assert r.returncode == 5  # documented: cleaning crashed on some input, the others went on
    err = r.stderr.decode()
    assert "record 2: cleaning crashed" in err and "record 5: cleaning timed out" in err
    assert "6 documents, 2 errors" in err


# ---------------------------------------------------------------- CLI
def test_summary_is_the_same_for_every_jobs_setting(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([good(i) for i in range(10)] + ["[1]", '{"text": 3}']) + "\n", encoding="utf-8")
    runs = [run_cli(["--jsonl", "--lang", "en", *extra, str(src)])
            for extra in (["-j", "1", "--timeout", "0"], ["-j", "1"], ["-j", "2"])]
    assert len({r.stdout for r in runs}) == 1
    summaries = {r.stderr.decode().strip().splitlines()[-1] for r in runs}
    assert len(summaries) == 1
    (summary,) = summaries
    assert summary.startswith("clean: 12 documents, 2 errors; removed: ")
    assert "navigation" in summary
    assert all(r.returncode == 0 for r in runs)


def test_quiet_and_progress(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(good(i) for i in range(3)) + "\n", encoding="utf-8")
    quiet = run_cli(["--jsonl", "-j", "2", "--quiet", "--progress", "--lang", "en", str(src)])
    assert quiet.stderr == b"" and len(quiet.stdout.splitlines()) == 3
    prog = run_cli(["--jsonl", "-j", "2", "--progress", "--lang", "en", str(src)])
    assert b"clean:" in prog.stderr and b"|" in prog.stderr  # a tqdm bar, then the summary
    plain = run_cli(["--jsonl", "--lang", "en", str(src)])  # stderr is a pipe here: no bar
    assert b"|" not in plain.stderr


def test_rejects_and_output_file(tmp_path):
    src = tmp_path / "in.jsonl"
    bad = ['{"id": 1}', "nope", '{"id": 2, "text": null}']
    src.write_text("\n".join([good(0), *bad, good(3)]) + "\n", encoding="utf-8")
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    r = run_cli(["--jsonl", "-j", "2", "--lang", "en", "-o", str(out), "--rejects", str(rej), str(src)])
    assert r.returncode == 0
    assert [json.loads(l)["id"] for l in out.read_text().splitlines()] == [0, 3]
    rejected = [json.loads(l) for l in rej.read_text().splitlines()]   # with the reason
    assert [r.get("raw", r.get("id")) for r in rejected] == [1, "nope", 2] and all(r["clean"]["error"] for r in rejected)


def test_bad_timeout_is_a_usage_error():
    r = run_cli(["--jsonl", "--timeout", "-1"], stdin=b"")
    assert r.returncode == 2 and b"--timeout" in r.stderr


# ---------------------------------------------------------------- property: records out == records in
_texts = st.lists(st.sampled_from(list("ab Cé.\n") + ["Share this article\n", "Advertisement\n", "日本", "word "]),
                  max_size=40).map("".join)
_bad_lines = st.one_of(
    st.sampled_from(["not json", "{oops", "[1, 2]", "42", '"a string"', "null", "true", '{"id": "x"}']),
    st.builds(lambda v: json.dumps({"text": v}), st.one_of(st.integers(), st.none(), st.lists(st.integers(), max_size=2))),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Zl", "Zp", "Cc")), min_size=1, max_size=20)
    .filter(lambda s: s.strip() and not s.startswith("\ufeff")),
)
_line = st.one_of(st.builds(lambda t, k: json.dumps({"k": k, "text": t}, ensure_ascii=k % 2 == 0), _texts,
                            st.integers(0, 9)), _bad_lines)


def _check(lines, out_lines):
    assert len(out_lines) == len(lines)
    for raw, out in zip(lines, out_lines):
        rec = json.loads(out)
        try:
            src = json.loads(raw)
        except ValueError:
            src = None
        if isinstance(src, dict) and isinstance(src.get("text"), str):
            assert "error" not in rec["clean"]
            assert rec["k"] == src["k"]
        elif isinstance(src, dict):
            assert "error" in rec["clean"]
            assert {k: v for k, v in rec.items() if k != "clean"} == src
        else:
            assert rec["raw"] == raw and "error" in rec["clean"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_line, min_size=1, max_size=12), st.sampled_from([(1, 0), (2, 30)]))
def test_property_in_process(lines, mode):
    jobs, timeout = mode
    got = outs(lines, jobs=jobs, timeout=timeout)
    _check(lines, [o.line for o in got])


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_line, min_size=1, max_size=12))
def test_property_cli(lines):
    r = run_cli(["--jsonl", "-j", "2", "--lang", "en"], stdin=("\n".join(lines) + "\n").encode("utf-8"))
    assert r.returncode == 0, r.stderr
    _check(lines, r.stdout.decode("utf-8").splitlines())
