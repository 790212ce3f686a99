"""Issue 16: outputs are all or nothing, and no write failure is ever exit 0.

A full disk is simulated with /dev/full and with RLIMIT_FSIZE (`ulimit -f`: the
write past the limit fails with EFBIG; Python ignores SIGXFSZ).
"""
from __future__ import annotations

import json
import os
import resource
import subprocess

import pytest

from cleaner.cli import output
from cleaner.cli.output import OutputError, open_outputs

from _clihelp import ROOT, assert_one_line, cmd, env, run_clean, temp_leftovers

LIMIT = 64 * 1024
GOOD = json.dumps({"id": 0, "text": "Storm closes roads\n\nHeavy rain closed several roads on Tuesday, "
                   "officials said, and more rain is expected later in the week.\n\nShare this article"})


def _small_disk():
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


def _corpus(tmp_path, n=2000):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([GOOD] * n + ["not json"]) + "\n", encoding="utf-8")
    return src


def _run(args, stdout=subprocess.PIPE, small_disk=False, **extra_env):
    return subprocess.run(cmd(*args), stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.PIPE,
                          env=env(**extra_env), cwd=ROOT, timeout=120,
                          preexec_fn=_small_disk if small_disk else None)


def test_rejects_failing_leaves_the_output_untouched(tmp_path):
    src = _corpus(tmp_path, 5)
    out = tmp_path / "out.jsonl"
    out.write_text("old output\n")
    r = _run(["--jsonl", "--quiet", "--lang", "en", str(src), "-o", str(out), "--rejects", "/dev/full"])
    assert r.returncode == 4
    assert_one_line(r.stderr, "/dev/full", "cannot write")
    assert out.read_text() == "old output\n" and temp_leftovers(tmp_path) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_output_on_a_full_disk_is_exit_4_and_leaves_both_targets_untouched(tmp_path, jobs):
    src = _corpus(tmp_path)
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    out.write_text("old output\n")
    rej.write_text("old rejects\n")
    r = _run(["--jsonl", "--quiet", "--lang", "en", "-j", jobs, str(src), "-o", str(out), "--rejects", str(rej)],
             small_disk=True)
    assert r.returncode == 4, r.stderr
    assert_one_line(r.stderr, "out.jsonl", "cannot write")
    assert out.read_text() == "old output\n" and rej.read_text() == "old rejects\n"
    assert temp_leftovers(tmp_path) == []


@pytest.mark.parametrize("unbuffered", ["", "1"])
@pytest.mark.parametrize("args", [["--jsonl", "--quiet"], ["--format", "json"], []], ids=["jsonl", "json", "text"])
def test_stdout_on_a_full_disk_is_exit_4_never_a_silent_truncation(tmp_path, unbuffered, args):
    src = tmp_path / ("in.jsonl" if args[:1] == ["--jsonl"] else "in.txt")
    if args[:1] == ["--jsonl"]:
        _corpus(tmp_path).rename(src)
    else:
        src.write_text("Title\n\n" + "".join(f"A body line that stays here, number {i} of many.\n\n"
                                             for i in range(4000)), encoding="utf-8")
    with open(tmp_path / "stdout", "wb") as fh:
        r = _run([*args, "--lang", "en", str(src)], stdout=fh, small_disk=True, PYTHONUNBUFFERED=unbuffered)
    assert r.returncode == 4, r.stderr
    assert_one_line(r.stderr, "stdout: cannot write")


@pytest.mark.parametrize("unbuffered", ["", "1"])
def test_stdout_on_dev_full_is_exit_4(unbuffered):
    with open("/dev/full", "wb") as fh:
        r = _run(["--lang", "en", str(ROOT / "fixtures" / "nasty" / "crlf.txt")], stdout=fh,
                 PYTHONUNBUFFERED=unbuffered)
    assert r.returncode == 4
    assert_one_line(r.stderr, "stdout: cannot write")


def test_a_failed_second_rename_puts_the_first_target_back(tmp_path, monkeypatch):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("old a\n")
    real_replace = os.replace

    def replace(src, dst):
        if str(dst) == str(b):
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst)
    monkeypatch.setattr(output.os, "replace", replace)
    with pytest.raises(OutputError, match="b.jsonl: cannot write"):
        with open_outputs(str(a), str(b)) as (fa, fb):
            fa.write("new a\n")
            fb.write("new b\n")
    assert a.read_text() == "old a\n" and not b.exists() and temp_leftovers(tmp_path) == []


def test_both_targets_written_when_all_goes_well(tmp_path):
    src = _corpus(tmp_path, 3)
    out, rej = tmp_path / "out.jsonl", tmp_path / "rej.jsonl"
    r = run_clean("--jsonl", "--quiet", "--lang", "en", str(src), "-o", str(out), "--rejects", str(rej))
    assert r.returncode == 0 and len(out.read_text().splitlines()) == 3
    rejected = [json.loads(line) for line in rej.read_text().splitlines()]   # with its reason (issue 18)
    assert len(rejected) == 1 and rejected[0]["raw"] == "not json" and rejected[0]["clean"]["error"]
    assert temp_leftovers(tmp_path) == []


def test_list_rules_on_a_full_disk_is_exit_4():
    with open("/dev/full", "wb") as fh:
        r = _run(["--list-rules"], stdout=fh)
    assert r.returncode == 4
    assert_one_line(r.stderr, "stdout: cannot write")


# ---------------------------------------------------------------- closed stderr (2>&-)
def _close_stderr():
    os.close(2)


@pytest.mark.parametrize("extra", [[], ["-j", "2"], ["--progress"], ["-o", "OUT"], ["missing.jsonl"]],
                         ids=["serial", "workers", "progress", "output-file", "missing-input"])
def test_closed_stderr_never_sends_messages_into_the_output(tmp_path, extra):
    src = _corpus(tmp_path, 3)
    out = tmp_path / "out.jsonl"
    extra = [str(out) if a == "OUT" else str(tmp_path / a) if a.endswith(".jsonl") else a for a in extra]
    r = subprocess.run(cmd("--jsonl", "--lang", "en", str(src), *extra), stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, env=env(CLEAN_DEBUG="1"), cwd=ROOT, timeout=120,
                       preexec_fn=_close_stderr)
    written = out.read_bytes() if "-o" in extra else r.stdout
    assert r.returncode == (1 if extra and extra[0].endswith("missing.jsonl") else 0)
    lines = written.decode("utf-8").splitlines()
    assert len(lines) == 4 and all(line.startswith("{") for line in lines), written
    assert b"clean:" not in written and b"Traceback" not in written


def test_big_text_written_in_pieces_is_the_same(monkeypatch):
    """Document mode writes a big text and its JSON a piece at a time (issue 16: no
    whole-document copies): with tiny pieces the output is what one write gives,
    escapes, line separators, astral characters and lone surrogates included."""
    import io
    import random
    from cleaner.cli import documents
    monkeypatch.setattr(documents, "PIECE_CHARS", 7)
    rnd = random.Random(16)
    for n in range(300):
        text = "".join(rnd.choice('ab"\\\n\t\x01é🧰\u2028\ud800') for _ in range(rnd.randint(0, 40)))
        obj = {"text": text, "removed": [{"text": 'x"'}], "flags": [], "meta": {"file": "a"}}
        if n % 3 == 0:
            obj = {"text": text}
        out = io.StringIO()
        documents.write_json(out, obj)
        assert out.getvalue() == documents._dumps(obj)
        out = io.StringIO()
        documents.write_text(out, text)
        assert out.getvalue() == text
