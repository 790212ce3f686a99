"""Issue 16: one JSONL record can never sink a batch, and values pass through unchanged.

Deep nesting (RecursionError in json.loads), integers over 4300 digits (ValueError
from int()), numbers a float would rewrite (1e400 -> Infinity), duplicate keys,
MemoryError while cleaning: in serial mode, in worker mode and in process.
"""
from __future__ import annotations

import json
import os

import pytest
from hypothesis import given, settings, strategies as st

from cleaner.cli import main as cli
from cleaner.cli import jsonscan
from cleaner.cli import record
from cleaner.cli.process import process_line
from cleaner.cli.parallel import FAULT_ENV, Settings, clean_records
from cleaner.options import Options

from _clihelp import ROOT, assert_no_noise, in_process, run_clean

NASTY = ROOT / "fixtures" / "nasty" / "hostile_records.jsonl"
GOOD = json.dumps({"id": 0, "text": "Storm closes roads\n\nHeavy rain closed several roads on Tuesday, "
                   "officials said.\n\nShare this article\n\nCrews cleared the trees overnight."})
DEEP = '{"id": 1, "text": "Deep record\\n\\nIts body stays here.", "d": ' + "[" * 3000 + "]" * 3000 + "}"
BIG_INT = '{"id": 2, "text": "Big number\\n\\nIts body stays here.", "n": ' + "7" * 5000 + "}"
ODD_NUMBERS = '{"id":3,"text":"Odd numbers","x":1e400,"z":1.10,"e":2E5,"m":-0,"k":1,"k":2}'
MODES = [["-j", "1", "--timeout", "0"], ["-j", "1"], ["-j", "2"]]


def _member_text(line: str, key: str) -> list[str]:
    got = jsonscan.members(line)
    assert isinstance(got, list), got
    return [text for k, _, text in got if k == key]


@pytest.mark.parametrize("mode", MODES, ids=["in-process", "one-worker", "two-workers"])
def test_deep_nesting_and_huge_integers_are_cleaned_and_kept_byte_for_byte(tmp_path, mode):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([GOOD, DEEP, BIG_INT, GOOD]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run_clean("--jsonl", "--lang", "en", *mode, str(src), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert_no_noise(r.stderr)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4
    assert _member_text(lines[1], "d") == ["[" * 3000 + "]" * 3000]
    assert _member_text(lines[2], "n") == ["7" * 5000]
    for line in lines[1:3]:
        (report,) = _member_text(line, "clean")
        assert "error" not in json.loads(report) and "Its body stays here." in json.loads(_member_text(line, "text")[0])
    assert "Share this article" not in json.loads(lines[0])["text"] and lines[0] == lines[3]


def test_numbers_and_duplicate_keys_pass_through_as_written_never_as_infinity():
    o = process_line(ODD_NUMBERS, Settings(Options(lang="en")).clean_fn())
    assert o.ok, o.error
    assert "Infinity" not in o.line and "NaN" not in o.line
    for key, text in [("x", "1e400"), ("z", "1.10"), ("e", "2E5"), ("m", "-0")]:
        assert _member_text(o.line, key) == [text]
    assert _member_text(o.line, "k") == ["1", "2"]   # both duplicates, in order
    assert json.loads(_member_text(o.line, "text")[0]) == "Odd numbers"


@pytest.mark.parametrize("bad", ['{"text": "x", "y": NaN}', '{"text": "x", "y": -Infinity}', '{"text": Infinity}'])
def test_nan_and_infinity_are_not_json_and_never_written(bad):
    o = process_line(bad, Settings(Options(lang="en")).clean_fn())
    assert not o.ok and o.error.startswith("not JSON") and not o.internal
    assert json.loads(o.line, parse_constant=_no_constant) == {"raw": bad, "clean": {"error": o.error}}


def _no_constant(name):
    raise AssertionError(f"{name} written")


def test_normal_records_are_written_exactly_as_before():
    rec = {"id": 7, "score": 0.5, "tags": ["a", "b"], "meta": {"n": None, "ok": True}, "text": "Plain\n\nBody."}
    o = process_line(json.dumps(rec, separators=(",", ":")), Settings(Options(lang="en")).clean_fn())
    cleaned = json.loads(o.line)
    assert o.line == json.dumps(cleaned, ensure_ascii=False)   # json.dumps formatting, as before
    assert {k: cleaned[k] for k in rec if k != "text"} == {k: v for k, v in rec.items() if k != "text"}


@pytest.mark.parametrize("exc", [MemoryError, RecursionError])
def test_memory_and_recursion_errors_while_cleaning_cost_only_that_record(exc):
    def boom(text, lang=None):
        raise exc("too much")
    for line in (GOOD, DEEP, BIG_INT):
        o = process_line(line, boom)
        assert not o.ok and o.internal and exc.__name__ in o.error and o.raw == line
        assert _member_text(o.line, "id") == [str(json.loads(jsonscan.members(line)[0][2]))]


def test_the_parent_never_json_loads_a_line_that_killed_a_worker(monkeypatch):
    monkeypatch.setenv(FAULT_ENV, "crash:CRASHME")
    deep_crash = DEEP.replace("Deep record", "CRASHME")
    parent, real_loads = os.getpid(), json.loads

    def loads(text, *args, **kwargs):
        assert not (os.getpid() == parent and "CRASHME" in text), "the parent parsed a line that killed a worker"
        return real_loads(text, *args, **kwargs)
    monkeypatch.setattr(record.json, "loads", loads)
    got = list(clean_records(((line, None) for line in [GOOD, deep_crash, GOOD]), Settings(Options(lang="en")),
                             jobs=2, timeout=30))
    assert [o.ok for o in got] == [True, False, True]
    assert "crashed" in got[1].error and got[1].raw == deep_crash
    assert _member_text(got[1].line, "d") == ["[" * 3000 + "]" * 3000]


def test_cli_in_process_keeps_every_record_of_the_nasty_fixture():
    lines = NASTY.read_bytes().decode("utf-8").split("\n")
    for mode in (["--timeout", "0"], ["-j", "2"]):
        with in_process(NASTY.read_bytes()) as box:
            rc = cli.main(["--lang", "en", "--jsonl", "--quiet", *mode])
        assert rc == 0, box["err"]
        out = box["out"].decode("utf-8").split("\n")[:-1]
        assert len(out) == len([l for l in lines if l.strip()])
        for line in out:
            assert isinstance(jsonscan.members(line), list)  # a JSON object: no NaN or Infinity token


# ---------------------------------------------------------------- the scanner agrees with json
_INVALID = object()


def _json_or_invalid(s):
    try:
        return json.loads(s, parse_constant=_no_nan)
    except (ValueError, RecursionError):
        return _INVALID


def _no_nan(name):
    raise ValueError(name)


json_text = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.text()),
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=3), c, max_size=3),
    max_leaves=8).map(json.dumps)
mangled = st.tuples(json_text, st.integers(0, 50), st.sampled_from(["", ",", "]", "}", "{", '"', ":", " ", "NaN",
                                                                    "1e", "-", "01", "\\", "\x01", "tru"]))


bracket_soup = st.text(alphabet='[] ,1{}":a\n', max_size=30)


@settings(max_examples=500, deadline=None)
@given(st.one_of(json_text, mangled.map(lambda t: t[0][:t[1]] + t[2] + t[0][t[1]:]), bracket_soup,
                 bracket_soup.map(lambda t: '{"d":' + t + "}")))
def test_scanner_accepts_exactly_what_json_accepts(s):
    expected = _json_or_invalid(s)
    try:
        got = jsonscan.members(s)
    except jsonscan.NotJSON:
        assert expected is _INVALID, s
        return
    assert expected is not _INVALID, s
    if isinstance(got, list):
        assert isinstance(expected, dict)
        assert [k for k, _, _ in got] == list(expected)
        assert {k: json.loads(v) for k, _, v in got} == expected
    else:
        assert got == type(expected).__name__


def test_record_parse_takes_the_verbatim_path_only_when_needed():
    assert record.parse('{"a": 1.5, "b": [1, 2]}').obj is not None
    for line in (DEEP, BIG_INT, ODD_NUMBERS):
        assert record.parse(line).obj is None


def test_blank_lines_are_no_records_but_are_counted_in_the_summary():
    r = run_clean("--jsonl", "--lang", "en", input=f"{GOOD}\n\n   \n{GOOD}\n".encode())
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 2
    assert r.stderr.decode().rstrip().endswith("; blank lines skipped: 2"), r.stderr


@pytest.mark.parametrize("mode", MODES[::2], ids=["in-process", "two-workers"])
def test_rejects_get_an_undecodable_line_byte_for_byte(tmp_path, mode):
    src = tmp_path / "in.jsonl"
    bad = [b'{"text": "caf\xe9 au lait"}', b"bad \xff\xfe line"]
    src.write_bytes(b"\n".join([bad[0], GOOD.encode(), bad[1]]) + b"\n")
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    r = run_clean("--jsonl", "--lang", "en", *mode, str(src), "-o", str(out), "--rejects", str(rej))
    assert r.returncode == 0, r.stderr
    assert rej.read_bytes() == b"\n".join(bad) + b"\n"
    passed = run_clean("--jsonl", "--lang", "en", *mode, str(src)).stdout.decode("utf-8").splitlines()
    assert json.loads(passed[0])["text"] == "caf\ufffd au lait" and json.loads(passed[2])["raw"] == "bad \ufffd\ufffd line"


@pytest.mark.parametrize("mode", MODES[::2], ids=["in-process", "two-workers"])
def test_rejects_carry_their_reason_and_undecodable_lines_their_bytes(tmp_path, mode):
    """Issue 16 meets issue 18: a decodable bad record goes to --rejects with its reason under
    clean.error (values as written, a lone-surrogate escape kept as the escape); a line that
    is not UTF-8 goes there byte for byte and its reason is said on stderr."""
    src = tmp_path / "in.jsonl"
    lines = [b"not json", b'{"id": 1, "body": "\\ud800", "n": 1.10}', GOOD.encode(), b'{"text": "caf\xe9"}']
    src.write_bytes(b"\n".join(lines) + b"\n")
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    r = run_clean("--jsonl", "--lang", "en", *mode, str(src), "-o", str(out), "--rejects", str(rej))
    assert r.returncode == 0, r.stderr
    got = rej.read_bytes().split(b"\n")
    assert len(got) == 4 and got[3] == b""
    first, second = json.loads(got[0]), json.loads(got[1])
    assert first["raw"] == "not json" and "not JSON" in first["clean"]["error"]
    assert got[1].startswith(b'{"id": 1, "body": "\\ud800", "n": 1.10') and "no field 'text'" in second["clean"]["error"]
    assert got[2] == lines[3]                                   # byte for byte
    assert b"invalid UTF-8 at byte offset" in r.stderr and b"to --rejects as its bytes were" in r.stderr
    assert len(out.read_text().splitlines()) == 1
    strict = run_clean("--jsonl", "--lang", "en", "--quiet", "--strict", *mode, str(src), "-o", str(out),
                       "--rejects", str(rej))
    assert strict.returncode == 6 and strict.stderr == b""
