"""Hypothesis: hostile JSONL records and full disks (issue 16), in the style of test_fuzz.py.

* records out == records in, in order, whatever a record holds (nesting thousands
  deep, integers of thousands of digits, numbers a float rewrites, duplicate keys);
* every key the cleaner does not own comes out as it was written;
* a full disk under -o or --rejects is exit 4 and leaves both targets untouched.
"""
from __future__ import annotations

import json
import os
import pathlib
import tempfile

from hypothesis import given, settings, strategies as st

from cleaner.cli import main as cli
from cleaner.cli import jsonscan
from cleaner.cli import record

from _clihelp import in_process

SETTINGS = dict(deadline=None, max_examples=int(40 * float(os.environ.get("CLEAN_FUZZ_SCALE", "1"))))
TEXTS = st.sampled_from(["Title\n\nA body line that stays here.", "Share this article", "", "日本語の文章。",
                         "Advertisement\n\nThe council met on Monday."])
deep = st.integers(1, 3000).flatmap(lambda n: st.sampled_from(["[" * n + "]" * n,
                                                               '{"a":' * n + "1" + "}" * n,
                                                               "[" * n + "1" + "]" * n]))
big_int = st.integers(1, 6000).map(lambda n: "-" * (n % 2) + "9" * n)
odd_number = st.sampled_from(["1e400", "-1e400", "1E5", "1.10", "-0", "0.0", "1e-400", "2.50e+3", "-0.0"])
plain = st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=5),
                  st.booleans(), st.none()).map(json.dumps)
value = st.one_of(deep, big_int, odd_number, plain)


@st.composite
def records(draw):
    members = [(draw(st.sampled_from(["id", "x", "y", "n"])), draw(value)) for _ in range(draw(st.integers(0, 4)))]
    members.insert(draw(st.integers(0, len(members))), ("text", json.dumps(draw(TEXTS))))
    sep = draw(st.sampled_from([", ", ",", " ,  "]))
    return "{" + sep.join(f'"{k}":{v}' for k, v in members) + "}"


line = st.one_of(records(), st.sampled_from(["not json", "[1e400]", '{"text": NaN}', '{"text": 5}']))


def _members(line):
    got = jsonscan.members(line)
    assert isinstance(got, list)
    return got


@settings(**SETTINGS)
@given(st.lists(line, min_size=1, max_size=6))
def test_records_out_equal_records_in_and_values_keep_their_text(lines):
    with in_process(("\n".join(lines) + "\n").encode()) as box:
        rc = cli.main(["--lang", "en", "--jsonl", "--quiet", "--timeout", "0"])
    assert rc == 0, box["err"]
    out = box["out"].decode("utf-8").split("\n")[:-1]
    assert len(out) == len(lines)
    for src, got in zip(lines, out):
        members = _members(got)   # valid JSON, no NaN or Infinity
        try:
            rec = record.parse(src)
        except ValueError:
            assert json.loads(got)["raw"] == src
            continue
        found, text = rec.get("text")
        if not isinstance(text, str) or isinstance(text, record.Raw):
            continue
        assert "error" not in json.loads(dict((k, v) for k, _, v in members)["clean"])
        if rec.obj is None:  # the verbatim path: every other member exactly as written
            want = [(k, v) for k, _, v in _members(src) if k not in ("text", "clean")]
            assert [(k, v) for k, _, v in members if k not in ("text", "clean")] == want
        else:
            assert {k: v for k, v in json.loads(got).items() if k not in ("text", "clean")} == \
                   {k: v for k, v in rec.obj.items() if k not in ("text", "clean")}


@settings(**SETTINGS)
@given(st.lists(line, min_size=1, max_size=6), st.booleans())
def test_a_full_disk_under_either_output_leaves_both_untouched(lines, rejects_full):
    with tempfile.TemporaryDirectory() as tmp:
        out, rej = pathlib.Path(tmp, "out.jsonl"), pathlib.Path(tmp, "rej.jsonl")
        out.write_text("old out\n")
        rej.write_text("old rejects\n")
        args = ["-o", str(out), "--rejects", "/dev/full"] if rejects_full else ["-o", "/dev/full", "--rejects", str(rej)]
        with in_process(("\n".join(lines) + "\n").encode()) as box:
            rc = cli.main(["--lang", "en", "--jsonl", "--quiet", "--timeout", "0", *args])
        bad = sum(1 for l in lines if not _cleanable(l))
        if (rejects_full and not bad) or (not rejects_full and bad == len(lines)):
            assert rc == 0, box["err"]   # nothing went to the full disk: all went well
            return
        assert rc == cli.EXIT_OUTPUT, box["err"]
        assert box["err"].count("\n") == 1 and box["err"].startswith("clean: /dev/full: cannot write")
        assert out.read_text() == "old out\n" and rej.read_text() == "old rejects\n"
        assert sorted(os.listdir(tmp)) == ["out.jsonl", "rej.jsonl"]


def _cleanable(line):
    try:
        found, text = record.parse(line).get("text")
    except ValueError:
        return False
    return isinstance(text, str) and not isinstance(text, record.Raw)
