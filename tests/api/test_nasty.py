"""Committed nasty inputs (fixtures/nasty/) and generated big ones, through the API and the CLI.

Every case: no exception, a documented exit code with at most one stderr line,
offsets that index the input, idempotent text.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

import cleaner
from cleaner.cli import main as cli
from cleaner.cli.inputs import decode

from _clihelp import ROOT, assert_no_noise, assert_one_line, check_result, cmd, env, run_clean

NASTY = ROOT / "fixtures" / "nasty"
FILES = sorted(p.name for p in NASTY.glob("*.txt"))
# strict-mode CLI exit code and the words its one stderr line must hold; everything else exits 0
STRICT_FAILS = {
    "nul_bytes.txt": (cli.EXIT_INPUT, ["binary", "byte offset 23"]),
    "cp1252.txt": (cli.EXIT_INPUT, ["invalid UTF-8", "byte offset 1"]),
    "surrogate_bytes.txt": (cli.EXIT_INPUT, ["invalid UTF-8", "byte offset 31"]),
}
PROSE = ("The minister said on Monday that the plan would be presented to parliament next week, "
         "and that the opposition had been consulted. ")


def test_fixture_set_is_complete_and_small():
    expected = {"zero_width_bidi.txt", "nul_bytes.txt", "crlf.txt", "lone_cr.txt", "mojibake.txt", "emoji_zwj.txt",
                "rtl_arabic.txt", "rtl_hebrew.txt", "cjk_nospace.txt", "html_lookalike.txt", "bom_utf8.txt",
                "whitespace_only.txt"}
    assert expected <= set(FILES)
    assert sum(p.stat().st_size for p in NASTY.iterdir()) < 200_000


def _text(name: str) -> str:
    return decode((NASTY / name).read_bytes(), name, "replace")


# ------------------------------------------------------------------ API
@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("lang", ["en", None])
def test_api(name, lang):
    text = _text(name)
    result = cleaner.clean(text, lang=lang)
    check_result(text, result)
    assert cleaner.clean(result.text, lang=lang).text == result.text
    json.dumps(result.to_dict())  # the report serialises


def test_specifics():
    assert cleaner.clean(_text("whitespace_only.txt"), lang="en").text == ""
    for name in ("crlf.txt", "lone_cr.txt", "mixed_newlines.txt"):
        out = cleaner.clean(_text(name), lang="en").text
        assert "\r" not in out and "\u2028" not in out and "\x85" not in out
        assert out.startswith("Council approves budget\n\n") and "Read more" not in out, name
    bom = cleaner.clean(_text("bom_utf8.txt"), lang="en").text
    assert bom.startswith("Council approves budget") and "\ufeff" not in bom
    look = cleaner.clean(_text("html_lookalike.txt"), lang="en")
    assert look.meta.get("source") != "html"
    assert "a < b > c" in look.text and "if (x<y && y>z)" in look.text
    assert cleaner.clean(_text("bom_utf16le.txt"), lang="en").text.startswith("Council approves budget")


# ------------------------------------------------------------------ CLI
@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("lang", [["--lang", "en"], []])
def test_cli_text(name, lang):
    r = run_clean(*lang, NASTY / name)
    code, words = STRICT_FAILS.get(name, (0, []))
    assert r.returncode == code, r.stderr
    if code:
        assert_one_line(r.stderr, name, *words)
        assert r.stdout == b""
    else:
        assert_no_noise(r.stderr)
        assert all(l.startswith(b"clean: warning: ") for l in r.stderr.splitlines()), r.stderr
        out = r.stdout.decode("utf-8")
        result = cleaner.clean(_text(name), lang=lang[1] if lang else None)
        assert out == result.text + ("\n" if result.text else "")


@pytest.mark.parametrize("name", FILES)
def test_cli_json_report_offsets(name):
    r = run_clean("--lang", "en", "--format", "json", "--encoding-errors", "replace", NASTY / name)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    text = _text(name)
    for entry in report["removed"] + report["flags"]:
        assert 0 <= entry["start"] <= entry["end"] <= len(text)
        assert text[entry["start"]:entry["end"]] == entry["text"]


def test_cli_all_files_at_once():
    r = run_clean("--lang", "en", "--encoding-errors", "replace", *(NASTY / n for n in FILES))
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode("utf-8").count("\f\n") == len(FILES) - 1


def test_cli_jsonl_all_files():
    records = "".join(json.dumps({"name": n, "text": _text(n)}) + "\n" for n in FILES).encode()
    r = run_clean("--lang", "en", "--jsonl", "--quiet", input=records)
    assert r.returncode == 0, r.stderr
    assert_no_noise(r.stderr)
    out = [json.loads(line) for line in r.stdout.split(b"\n") if line]
    assert [o["name"] for o in out] == FILES
    for o in out:
        text = _text(o["name"])
        for entry in o["clean"]["removed"] + o["clean"]["flags"]:
            assert text[entry["start"]:entry["end"]] == entry["text"]


# ------------------------------------------------------------------ generated big cases
def test_two_megabyte_single_line():
    line = (PROSE * (2_000_000 // len(PROSE) + 1))[:2_000_000]
    text = f"Council approves budget\n\n{line}\n\nRead more\n"
    result = cleaner.clean(text, lang="en")
    check_result(text, result)
    assert result.text == f"Council approves budget\n\n{line.strip()}"
    r = run_clean("--lang", "en", input=text.encode())
    assert r.returncode == 0 and r.stdout.decode() == result.text + "\n"
    assert_no_noise(r.stderr)


def test_two_megabyte_cjk_line_without_spaces():
    unit = "市议会周二在经过长时间辩论后批准了新预算官员们表示投票结果比预期更接近"
    text = "市议会批准新预算\n\n" + unit * (2_000_000 // len(unit)) + "\n\n阅读更多\n"
    result = cleaner.clean(text)
    check_result(text, result)
    r = run_clean(input=text.encode())
    assert r.returncode == 0 and r.stdout.decode() == result.text + "\n"


def _read_more_doc(n: int) -> str:
    return f"Council approves budget\n\n{PROSE}\n\n{PROSE}\n\n" + "Read more\n" * n


def test_2000_read_more_lines():
    text = _read_more_doc(2000)
    result = cleaner.clean(text, lang="en")
    check_result(text, result)
    assert "Read more" not in result.text
    r = run_clean("--lang", "en", input=text.encode())
    assert r.returncode == 0 and r.stdout.decode() == result.text + "\n"


_API_CHILD = """
import sys, cleaner
text = sys.stdin.read()
r = cleaner.clean(text, lang="en")
assert all(text[e.start:e.end] == e.text for e in list(r.removed) + list(r.flags))
assert "Read more" not in r.text
print("ok")
"""
BUDGET = 30.0  # seconds for the API and the CLI run (in parallel) on 20,000 lines


def test_20000_read_more_lines():
    """API and CLI on 20,000 `Read more` lines, both within BUDGET (run side by side)."""
    data = _read_more_doc(20_000).encode()
    procs = [subprocess.Popen(p, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env(), cwd=ROOT)
             for p in ([sys.executable, "-c", _API_CHILD], cmd("--lang", "en"))]
    deadline = time.monotonic() + BUDGET
    results = []
    try:
        for p in procs:
            results.append(p.communicate(data, timeout=max(0.1, deadline - time.monotonic())))
    except subprocess.TimeoutExpired:
        for p in procs:
            p.kill()
            p.communicate()
        pytest.fail(f"20,000 'Read more' lines take more than {BUDGET:.0f} s: quadratic again? (it was: "
                    "mainfinder._smooth/_neighbour and engine._grow_regions' per-region dict copy)")
    (api_out, api_err), (cli_out, cli_err) = results
    assert procs[0].returncode == 0 and api_out == b"ok\n", api_err
    assert procs[1].returncode == 0, cli_err
    assert_no_noise(cli_err)
    assert b"Read more" not in cli_out
