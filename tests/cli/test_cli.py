"""The `clean` command line on bad input, faults and signals: one clear stderr line,
a documented exit code, never a traceback, never a half-written output file."""
from __future__ import annotations

import codecs
import errno
import json
import os
import signal
import stat
import subprocess
import sys
import threading

import pytest

from _clihelp import (cli_main as main, ROOT, assert_no_noise, assert_one_line, cmd, default_sigint, env, run_clean,
                      temp_leftovers, wait_until_reading_stdin)
from cleaner.cli import inputs  # read_input: the reader whose open() is replaced
from cleaner.cli import main as cli
from cleaner.api import Cleaner
from cleaner.cli.output import OutputError, open_output

BODY = ("The city council approved the new budget on Tuesday after a long debate that lasted "
        "well into the night, officials said, adding that the vote was closer than expected.")
DOC = f"Council approves budget\n\n{BODY}\n\nRead more\n"



@pytest.fixture
def doc(tmp_path):
    p = tmp_path / "doc.txt"
    p.write_text(DOC, encoding="utf-8")
    return p


# ------------------------------------------------------------------ exit codes
def test_exit_codes_are_documented():
    doc = cli.__doc__
    for code in (cli.EXIT_OK, cli.EXIT_INPUT, cli.EXIT_USAGE, cli.EXIT_RULES, cli.EXIT_OUTPUT,
                 cli.EXIT_INTERNAL, cli.EXIT_INTERRUPTED, cli.EXIT_TERMINATED):
        assert f"\n  {code} " in doc
    assert (cli.EXIT_OK, cli.EXIT_INPUT, cli.EXIT_USAGE, cli.EXIT_RULES) == (0, 1, 2, 3)
    assert (cli.EXIT_OUTPUT, cli.EXIT_INTERNAL, cli.EXIT_INTERRUPTED, cli.EXIT_TERMINATED) == (4, 5, 130, 143)
    help_text = cli.build_parser().format_help()
    assert "exit codes" in help_text and "130" in help_text


def test_ok(doc):
    rc, out, err = main("--lang", "en", doc)
    assert rc == 0 and err == ""
    assert out.startswith("Council approves budget\n\n") and "Read more" not in out


# ------------------------------------------------------------------ bad input
def test_binary_file(tmp_path):
    p = tmp_path / "img.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    rc, out, err = main("--lang", "en", p)
    assert rc == cli.EXIT_INPUT and out == ""
    assert_one_line(err, str(p), "binary", "byte offset 8")


def test_invalid_utf8_names_the_byte_offset(tmp_path):
    p = tmp_path / "latin1.txt"
    data = "Zürich cafés\n\n".encode("latin-1")
    p.write_bytes(data)
    rc, out, err = main("--lang", "en", p)
    assert rc == cli.EXIT_INPUT and out == ""
    assert_one_line(err, str(p), "invalid UTF-8 at byte offset 1", "--encoding-errors replace")


def test_invalid_utf8_offset_counts_the_bom(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(codecs.BOM_UTF8 + b"ab\xff")
    rc, _, err = main("--lang", "en", p)
    assert rc == cli.EXIT_INPUT
    assert_one_line(err, "byte offset 5")


def test_encoding_errors_replace_goes_on(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Zürich cafés protest\n\nNUL\x00here\n".encode("latin-1"))
    rc, out, err = main("--lang", "en", "--encoding-errors", "replace", p)
    assert rc == 0 and err == ""
    assert "Z\ufffdrich caf\ufffds protest" in out


def test_utf16_with_bom_is_text(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes(codecs.BOM_UTF16_LE + "Council approves budget\r\n".encode("utf-16-le"))
    rc, out, err = main("--lang", "en", p)
    assert (rc, out, err) == (0, "Council approves budget\n", "")


@pytest.mark.parametrize("content", [b"", b"\n\n", b" \t\r\n\xc2\xa0\n", codecs.BOM_UTF8])
def test_empty_input_empty_output(tmp_path, content):
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    assert main("--lang", "en", p) == (0, "", "")
    assert main("--lang", "en", stdin=content) == (0, "", "")
    assert main("--lang", "en", "--format", "json", p)[0] == 0


def test_empty_input_without_lang(tmp_path):
    assert main(stdin=b"")[:2] == (0, "")


def test_directory(tmp_path):
    rc, out, err = main("--lang", "en", tmp_path)
    assert rc == cli.EXIT_INPUT and out == ""
    assert_one_line(err, str(tmp_path), "is a directory")


def test_missing_file_others_still_processed(tmp_path, doc):
    missing = tmp_path / "nope.txt"
    rc, out, err = main("--lang", "en", missing, doc)
    assert rc == cli.EXIT_INPUT
    assert_one_line(err, str(missing), "no such file")
    # one document per FILE: the unreadable one is empty, the other is cleaned
    first, second = out.split("\f\n")
    assert first == "" and second.startswith("Council approves budget")


def test_missing_file_json_record(tmp_path, doc):
    missing = tmp_path / "nope.txt"
    rc, out, err = main("--lang", "en", "--format", "json", doc, missing)
    assert rc == cli.EXIT_INPUT
    recs = [json.loads(line) for line in out.splitlines()]
    assert [r["meta"]["file"] for r in recs] == [str(doc), str(missing)]
    assert "no such file" in recs[1]["meta"]["error"]


def test_unreadable_file_in_process(monkeypatch, tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("x")

    def deny(path, *a, **k):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(inputs, "open", deny, raising=False)
    rc, out, err = main("--lang", "en", p)
    assert rc == cli.EXIT_INPUT
    assert_one_line(err, str(p), "permission denied")


def test_io_error_while_reading(monkeypatch, tmp_path):
    p = tmp_path / "flaky.txt"
    p.write_text("x")

    def eio(path, *a, **k):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(inputs, "open", eio, raising=False)
    rc, _, err = main("--lang", "en", p)
    assert rc == cli.EXIT_INPUT
    assert_one_line(err, str(p), "Input/output error")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_subprocess(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("x")
    p.chmod(0)
    r = run_clean("--lang", "en", p)
    assert r.returncode == cli.EXIT_INPUT
    assert_one_line(r.stderr, "permission denied")


def test_stdin_closed():
    r = run_clean("--lang", "en", input=None, preexec_fn=lambda: os.close(0))
    assert r.returncode == cli.EXIT_INPUT
    assert_one_line(r.stderr, "stdin")


# ------------------------------------------------------------------ usage
@pytest.mark.parametrize("args, needle", [
    (["--bogus"], "--bogus"),
    (["--format", "xml"], "--format"),
    (["-j", "zero"], "-j"),
    (["-j", "0"], "-j"),
    (["--encoding-errors", "ignore"], "--encoding-errors"),
    (["--lang", "../../etc/passwd"], "--lang"),
    (["--lang", ""], "--lang"),
    (["--rejects", "r.jsonl"], "--rejects"),
    (["--html", "--no-html"], "--no-html"),
])
def test_usage_errors(args, needle):
    rc, out, err = main(*args, stdin=DOC.encode())
    assert rc == cli.EXIT_USAGE and out == ""
    assert_one_line(err, needle)


def test_output_and_rejects_same_file(tmp_path):
    rc, _, err = main("--jsonl", "-o", tmp_path / "a", "--rejects", tmp_path / "a", stdin=b"")
    assert rc == cli.EXIT_USAGE
    assert_one_line(err, "same file")


def test_lang_is_normalised():
    rc, out, _ = main("--lang", "EN-gb", stdin=DOC.encode())
    assert rc == 0 and out.startswith("Council approves budget")


def test_unknown_option_subprocess_has_no_traceback():
    r = run_clean("--no-such-option")
    assert r.returncode == cli.EXIT_USAGE and r.stdout == b""
    assert_one_line(r.stderr, "--no-such-option")


# ------------------------------------------------------------------ rule packs
PACKS = {
    "not_toml": ("x = [\n", "not valid TOML"),
    "bad_regex": ('[[rule]]\nid = "u.x"\ncategory = "u"\npattern = "(unclosed"\n', "invalid pattern"),
    "unknown_key": ('[[rule]]\nid = "u.x"\ncategory = "u"\npattern = "x"\ncolour = "red"\n', "unknown key"),
    "wrong_type": ('[[rule]]\nid = "u.x"\ncategory = "u"\npattern = 5\n', "pattern must be a string"),
    "bad_action": ('[[rule]]\nid = "u.x"\ncategory = "u"\npattern = "x"\naction = "explode"\n', "action"),
    "negative_words": ('[[rule]]\nid = "u.x"\ncategory = "u"\npattern = "x"\nmax_words = -1\n', "max_words"),
    "pack_not_table": ("pack = 5\n", "[pack] must be a table"),
    "rule_not_table": ("rule = [1, 2]\n", "must be a table"),
    "top_level_key": ('hello = "world"\n', "unknown top-level key"),
    "duplicate_id": ('[[rule]]\nid = "u.x"\ncategory = "u"\npattern = "x"\n' * 2, "duplicate rule id"),
}


@pytest.mark.parametrize("name", sorted(PACKS))
def test_malformed_rule_pack(tmp_path, name):
    content, needle = PACKS[name]
    pack = tmp_path / "pack"
    pack.mkdir()
    f = pack / f"{name}.toml"
    f.write_text(content, encoding="utf-8")
    rc, out, err = main("--lang", "en", "--rules", pack, stdin=DOC.encode())
    assert rc == cli.EXIT_RULES and out == ""
    assert_one_line(err, "rule pack error", str(f), needle)


def test_rule_pack_invalid_utf8(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "a.toml").write_bytes(b'[[rule]]\nid = "u.x"\ncategory = "\xff"\npattern = "x"\n')
    rc, _, err = main("--lang", "en", "--rules", pack, stdin=DOC.encode())
    assert rc == cli.EXIT_RULES
    assert_one_line(err, str(pack / "a.toml"), "cannot read")


def test_rule_pack_not_a_folder(tmp_path):
    rc, _, err = main("--lang", "en", "--rules", tmp_path / "missing", stdin=DOC.encode())
    assert rc == cli.EXIT_RULES
    assert_one_line(err, str(tmp_path / "missing"))


def test_rule_pack_error_subprocess(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "a.toml").write_text("x = [\n")
    r = run_clean("--lang", "en", "--rules", pack, input=DOC.encode())
    assert r.returncode == cli.EXIT_RULES
    assert_one_line(r.stderr, "a.toml")


@pytest.mark.parametrize("key, value", [("continue", "5"), ("stop", "[1]"), ("continue", "true")])
def test_rule_pack_non_string_continue(tmp_path, key, value):
    pack = tmp_path / "pack"
    pack.mkdir()
    f = pack / "a.toml"
    f.write_text(f'[[rule]]\nid = "u.x"\ncategory = "u"\npattern = "x"\naction = "drop_region"\n'
                 f'region = "list"\n{key} = {value}\n')
    rc, _, err = main("--lang", "en", "--rules", pack, stdin=DOC.encode())
    assert rc == cli.EXIT_RULES
    assert_one_line(err, str(f), "string")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs RLIMIT_AS")
def test_rule_pack_huge_repeat_count(tmp_path):
    """a{10000000} compiles to gigabytes in `regex` (MemoryError or the OOM killer): rejected up front."""
    import resource

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "a.toml").write_text('[[rule]]\nid = "u.x"\ncategory = "u"\npattern = "a{10000000}"\n')

    def limit():  # keep the child from taking the machine down with it
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))

    r = run_clean("--lang", "en", "--rules", pack, input=DOC.encode(), preexec_fn=limit)
    assert_one_line(r.stderr, "a.toml")
    assert r.returncode == cli.EXIT_RULES


# ------------------------------------------------------------------ internal errors
def test_internal_error_on_one_input_others_processed(monkeypatch, tmp_path, doc):
    boom = tmp_path / "boom.txt"
    boom.write_text("BOOM raw text\n\nkept as is\n")
    real = Cleaner.clean_with

    def clean(self, text, options):
        if "BOOM" in text:
            raise RuntimeError("kaput")
        return real(self, text, options)

    monkeypatch.setattr(Cleaner, "clean_with", clean)
    rc, out, err = main("--lang", "en", boom, doc)
    assert rc == cli.EXIT_INTERNAL
    assert_one_line(err, str(boom), "internal error", "RuntimeError", "kaput")
    first, second = out.split("\f\n")
    assert first == "BOOM raw text\n\nkept as is\n"  # passed through, nothing lost
    assert second.startswith("Council approves budget")

    rc, out, err = main("--lang", "en", "--format", "json", boom)
    assert rc == cli.EXIT_INTERNAL
    rec = json.loads(out)
    assert rec["text"] == "BOOM raw text\n\nkept as is\n" and "kaput" in rec["meta"]["error"]


def test_internal_error_debug_traceback(monkeypatch, doc):
    monkeypatch.setattr(Cleaner, "clean_with", lambda self, text, options: 1 / 0)
    monkeypatch.setenv("CLEAN_DEBUG", "1")
    rc, _, err = main("--lang", "en", doc)
    assert rc == cli.EXIT_INTERNAL
    assert "Traceback" in err and "ZeroDivisionError" in err


def test_internal_error_at_top_level(monkeypatch, doc):
    def broken(self, *a, **k):
        raise ValueError("no rules\nsecond line")

    monkeypatch.setattr(Cleaner, "__init__", broken)
    rc, _, err = main("--lang", "en", doc)
    assert rc == cli.EXIT_INTERNAL
    assert_one_line(err, "internal error", "ValueError", "no rules\\nsecond line")


def test_stderr_messages_stay_one_line(tmp_path):
    p = tmp_path / "new\nline.txt"
    rc, _, err = main("--lang", "en", p)
    assert rc == cli.EXIT_INPUT
    assert_one_line(err, "new\\nline.txt")


# ------------------------------------------------------------------ output files
def test_output_file_written_atomically(tmp_path, doc):
    out = tmp_path / "out.txt"
    rc, stdout, err = main("--lang", "en", "-o", out, doc)
    assert (rc, stdout, err) == (0, "", "")
    assert out.read_text(encoding="utf-8").startswith("Council approves budget")
    assert temp_leftovers(tmp_path) == []
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600


def test_output_file_keeps_mode_of_existing_target(tmp_path, doc):
    out = tmp_path / "out.txt"
    out.write_text("OLD")
    out.chmod(0o640)
    assert main("--lang", "en", "-o", out, doc)[0] == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert out.read_text().startswith("Council")


def test_output_same_as_input(tmp_path, doc):
    assert main("--lang", "en", "-o", doc, doc)[0] == 0
    assert doc.read_text() == f"Council approves budget\n\n{BODY}\n"


def test_output_through_symlink(tmp_path, doc):
    real = tmp_path / "real.txt"
    real.write_text("OLD")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert main("--lang", "en", "-o", link, doc)[0] == 0
    assert link.is_symlink() and real.read_text().startswith("Council")


def test_output_to_fifo_is_not_replaced(tmp_path, doc):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    rc = main("--lang", "en", "-o", fifo, doc)[0]
    reader.join(10)
    assert rc == 0 and got and got[0].startswith(b"Council")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_interrupt_mid_run_leaves_target_untouched(monkeypatch, tmp_path, doc):
    out = tmp_path / "out.txt"
    out.write_text("OLD")
    calls = []
    real = Cleaner.clean_with

    def clean(self, text, options):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(self, text, options)

    monkeypatch.setattr(Cleaner, "clean_with", clean)
    rc, stdout, err = main("--lang", "en", "-o", out, doc, doc, doc)
    assert rc == cli.EXIT_INTERRUPTED and stdout == ""
    assert_one_line(err, "interrupted")
    assert out.read_text() == "OLD"
    assert temp_leftovers(tmp_path) == []


def test_write_failure_leaves_target_untouched(monkeypatch, tmp_path, doc):
    out = tmp_path / "out.txt"
    out.write_text("OLD")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("cleaner.cli.output.os.fsync", full)
    rc, _, err = main("--lang", "en", "-o", out, doc)
    assert rc == cli.EXIT_OUTPUT
    assert_one_line(err, str(out), "No space left on device")
    assert out.read_text() == "OLD"
    assert temp_leftovers(tmp_path) == []


def test_open_output_exception_mid_write(tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("OLD")
    with pytest.raises(RuntimeError):
        with open_output(str(out)) as fh:
            fh.write("half of it" * 10000)
            raise RuntimeError("crash")
    assert out.read_text() == "OLD"
    assert temp_leftovers(tmp_path) == []
    # and a new target never appears at all
    with pytest.raises(KeyboardInterrupt):
        with open_output(str(tmp_path / "new.txt")) as fh:
            fh.write("x")
            raise KeyboardInterrupt
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


@pytest.mark.parametrize("target, needle", [("missing/dir/out.txt", "no such folder"), (".", "is a directory")])
def test_output_cannot_be_written(tmp_path, doc, target, needle):
    rc, _, err = main("--lang", "en", "-o", tmp_path / target, doc)
    assert rc == cli.EXIT_OUTPUT
    assert_one_line(err, "cannot write", needle)


def test_open_output_errors_are_output_errors(tmp_path):
    with pytest.raises(OutputError):
        with open_output(str(tmp_path / "no" / "x")):
            pass


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_stdout_disk_full():
    with open("/dev/full", "wb") as full:
        r = subprocess.run(cmd("--lang", "en"), input=DOC.encode() * 2000, stdout=full,
                           stderr=subprocess.PIPE, env=env(), cwd=ROOT, timeout=120)
    assert r.returncode == cli.EXIT_OUTPUT
    assert_one_line(r.stderr, "No space left on device")


def test_lone_surrogate_from_jsonl_does_not_crash():
    line = b'{"id": 1, "text": "Council \\ud800 approves budget\\n\\nBody \\udfff text"}\n'
    rc, out, err = main("--lang", "en", "--jsonl", "--quiet", stdin=line)
    assert rc == 0 and err == ""
    rec = json.loads(out)
    assert rec["id"] == 1 and "\ud800" in rec["text"] and "\udfff" in rec["text"]


def test_jsonl_invalid_utf8_names_offset():
    rc, out, err = main("--lang", "en", "--jsonl", "--quiet", stdin=b'{"text": "caf\xe9"}\n{"text": "ok"}\n')
    assert rc in (0, 1)
    recs = [json.loads(line) for line in out.splitlines()]
    assert len(recs) == 2 and "byte offset" in recs[0]["clean"]["error"]


def test_jsonl_missing_file_others_processed(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"text": DOC}) + "\n")
    rc, out, err = main("--lang", "en", "--jsonl", "--quiet", tmp_path / "nope.jsonl", good)
    assert rc == cli.EXIT_INPUT
    assert_one_line(err, "nope.jsonl")
    assert len(out.splitlines()) == 1


# ------------------------------------------------------------------ signals
def _slow_stdin_child(*args):
    return subprocess.Popen(cmd(*args), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env(), cwd=ROOT, preexec_fn=default_sigint)


def test_sigint_reaches_the_child_when_the_test_run_ignores_it():
    """`python -m pytest &` runs with SIGINT ignored; the children must not inherit that."""
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        p = _slow_stdin_child("--lang", "en")
    finally:
        signal.signal(signal.SIGINT, old)
    p.stdin.write(b"Council approves\n")
    p.stdin.flush()
    wait_until_reading_stdin(p.pid)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=30)
    assert p.returncode == cli.EXIT_INTERRUPTED, err


@pytest.mark.parametrize("mode", [[], ["--jsonl"], ["--format", "json"]])
def test_sigint_while_reading_slow_stdin(mode):
    p = _slow_stdin_child("--lang", "en", *mode)
    p.stdin.write(json.dumps({"text": DOC}).encode() + b"\n" if mode == ["--jsonl"] else b"Council approves\n")
    p.stdin.flush()
    wait_until_reading_stdin(p.pid)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=30)
    assert p.returncode == cli.EXIT_INTERRUPTED
    assert_one_line(err, "interrupted")


@pytest.mark.parametrize("sig, code, word", [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
@pytest.mark.parametrize("mode", [[], ["--jsonl"]])
def test_signal_with_output_file_leaves_nothing_behind(tmp_path, sig, code, word, mode):
    out = tmp_path / "out.txt"
    out.write_text("OLD")
    p = _slow_stdin_child("--lang", "en", "--quiet", "-o", out, *mode)
    p.stdin.write((json.dumps({"text": DOC}) + "\n").encode() * 50)
    p.stdin.flush()
    wait_until_reading_stdin(p.pid)
    assert temp_leftovers(tmp_path)  # the temp file exists while it runs
    p.send_signal(sig)
    _, err = p.communicate(timeout=30)
    assert p.returncode == code
    assert_one_line(err, word)
    assert out.read_text() == "OLD"
    assert temp_leftovers(tmp_path) == []


def test_sigterm_handler_is_restored_after_main(doc):
    before = signal.getsignal(signal.SIGTERM)
    main("--lang", "en", doc)
    assert signal.getsignal(signal.SIGTERM) is before


# ------------------------------------------------------------------ closed pipe
def _big_text() -> bytes:
    return "".join(f"Paragraph {i}: the council said on Tuesday that item {i} of the budget was approved.\n\n"
                   for i in range(6000)).encode()


def _big_jsonl() -> bytes:
    return "".join(json.dumps({"id": i, "text": f"Title {i}\n\n{BODY}\n\nRead more\n"}) + "\n"
                   for i in range(2500)).encode()


@pytest.mark.parametrize("mode, make", [([], _big_text), (["--jsonl"], _big_jsonl), (["--jsonl", "--quiet"], _big_jsonl),
                                        (["--format", "json"], _big_text)])
def test_closed_pipe_exits_quietly(tmp_path, mode, make):
    src = tmp_path / "big.in"
    src.write_bytes(make())
    p = subprocess.Popen(cmd("--lang", "en", *mode, src), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env(), cwd=ROOT)
    first = p.stdout.readline()  # `| head -1`
    p.stdout.close()
    err = p.stderr.read()
    p.wait(timeout=120)
    assert first
    assert_no_noise(err)
    assert p.returncode == 0
    if mode != ["--jsonl"]:
        assert err == b""


def test_closed_pipe_shell_head(tmp_path):
    src = tmp_path / "big.txt"
    src.write_bytes(_big_text())
    shell = f"{' '.join(map(_q, cmd('--lang', 'en', src)))} | head -1; echo rc=${{PIPESTATUS[0]}} >&2"
    r = subprocess.run(["bash", "-c", shell], capture_output=True, env=env(), cwd=ROOT, timeout=120)
    assert r.stdout.startswith(b"Paragraph 0")
    assert r.stderr == b"rc=0\n"


def test_closed_pipe_list_rules():
    p = subprocess.Popen(cmd("--list-rules"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env(), cwd=ROOT,
                         bufsize=0)
    p.stdout.read(10)
    p.stdout.close()
    err = p.stderr.read()
    p.wait(timeout=60)
    assert_no_noise(err)
    assert p.returncode == 0


def _q(s: str) -> str:
    import shlex
    return shlex.quote(str(s))


@pytest.mark.parametrize("sig, code, word", [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
def test_signal_to_process_group_with_workers(tmp_path, sig, code, word):
    """Ctrl-C in a terminal signals the whole group, workers included: still one line, no traceback."""
    if not os.path.exists(ROOT / "cleaner" / "parallel.py"):
        pytest.skip("no worker processes yet")
    out = tmp_path / "out.jsonl"
    out.write_text("OLD")
    p = subprocess.Popen(cmd("--lang", "en", "--jsonl", "-j", "2", "--quiet", "-o", out), stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env(), cwd=ROOT, start_new_session=True,
                         preexec_fn=default_sigint)
    p.stdin.write((json.dumps({"text": DOC}) + "\n").encode() * 200)
    p.stdin.flush()
    wait_until_reading_stdin(p.pid)
    os.killpg(p.pid, sig)
    _, err = p.communicate(timeout=60)
    assert p.returncode == code
    assert_one_line(err, word)
    assert out.read_text() == "OLD"
    assert temp_leftovers(tmp_path) == []
