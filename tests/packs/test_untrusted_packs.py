"""Issue 16: a rule pack from anyone is safe to load.

Only regular files inside the pack folder, at most 1 MiB each; a cap on what a
pattern's nested counted repeats unroll to; every compile failure is exit 3 with
one line; control characters of pack text are escaped by --list-rules. The CLI
cases run under RLIMIT_AS, so a pattern that would take gigabytes fails fast
instead of taking the machine's memory.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess

import pytest
import regex

from cleaner.packs import budget as pattern_budget
from cleaner.packs import load as rules
from cleaner.packs.load import RulePackError, load_dir

from _clihelp import ROOT, assert_one_line, cmd, env

RULE = '[[rule]]\nid = "{id}"\ncategory = "site"\nlang = "en"\npattern = \'{pattern}\'\n'
BUDGET = 2 << 30


def _limited():
    resource.setrlimit(resource.RLIMIT_AS, (BUDGET, BUDGET))


def _run(*args, timeout=60):
    return subprocess.run(cmd(*args), stdin=subprocess.DEVNULL, capture_output=True, env=env(), cwd=ROOT,
                          timeout=timeout, preexec_fn=_limited)


def _pack(tmp_path, pattern, name="en.toml"):
    pack = tmp_path / "pack"
    pack.mkdir(exist_ok=True)
    (pack / name).write_text(RULE.format(id="user.bomb", pattern=pattern), encoding="utf-8")
    return pack


@pytest.mark.parametrize("pattern", ["((a{1000}){1000}){1000}", "(?x)a{ 100000000 }", "(?x)(a{ 999 }){ 999 }",
                                     "(?:(?:x{100}){100}){100}y"])
def test_repeat_bombs_are_refused_at_load(tmp_path, pattern):
    r = _run("--rules", _pack(tmp_path, pattern), "--list-rules")
    assert r.returncode == 3, r.stderr
    assert_one_line(r.stderr, "en.toml", "user.bomb")


def test_the_size_counts_nested_repeats_through_the_real_parser():
    assert pattern_budget.size("((a{1000}){1000}){1000}") > 10 ** 9
    assert pattern_budget.size("(?x)a{ 100000000 }") > 10 ** 8
    assert pattern_budget.size("[(]a{5}") < 20          # a paren in a set is no group
    assert pattern_budget.size(r"\(a{5}\)") < 20
    for rule in rules.builtin_rules():
        for pat in (rule.pattern, rule.cont, rule.stop):
            if pat is not None:
                assert pattern_budget.size(pat.pattern, pat.flags) <= rules.MAX_PATTERN_SIZE, rule.id


@pytest.mark.parametrize("exc", [MemoryError, RecursionError, OverflowError])
def test_any_compile_failure_is_a_rule_pack_error(tmp_path, monkeypatch, exc):
    def fail(*args, **kwargs):
        raise exc("boom")
    monkeypatch.setattr(rules.regex, "compile", fail)
    with pytest.raises(RulePackError, match="user.bomb"):
        load_dir(_pack(tmp_path, "plain"))


def test_deep_nesting_in_a_pattern_or_in_toml_is_exit_3(tmp_path):
    r = _run("--rules", _pack(tmp_path, "(" * 20000 + "a" + ")" * 20000), "--list-rules")
    assert r.returncode == 3, r.stderr
    assert_one_line(r.stderr, "en.toml")
    deep = tmp_path / "deep"
    deep.mkdir()
    (deep / "en.toml").write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    r = _run("--rules", deep, "--list-rules")
    assert r.returncode == 3, r.stderr
    assert_one_line(r.stderr, "en.toml")


def test_a_symlink_out_of_the_pack_is_refused(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    outside = tmp_path / "elsewhere.toml"
    outside.write_text(RULE.format(id="user.ok", pattern="x"))
    (pack / "a.toml").symlink_to(outside)
    r = _run("--rules", pack, "--list-rules")
    assert r.returncode == 3
    assert_one_line(r.stderr, "a.toml", "outside the pack folder")
    (pack / "a.toml").unlink()
    (pack / "b.toml").symlink_to("/dev/zero")
    r = _run("--rules", pack, "--list-rules")
    assert r.returncode == 3
    assert_one_line(r.stderr, "b.toml", "outside the pack folder")


def test_a_symlink_inside_the_pack_is_fine(tmp_path):
    pack = _pack(tmp_path, "inside", name="real.toml.txt")
    (pack / "en.toml").symlink_to(pack / "real.toml.txt")
    assert [r.id for r in load_dir(pack)] == ["user.bomb"]


def test_a_fifo_does_not_hang_the_load(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    os.mkfifo(pack / "en.toml")
    r = _run("--rules", pack, "--list-rules", timeout=30)
    assert r.returncode == 3
    assert_one_line(r.stderr, "en.toml", "not a regular file")


def test_a_pack_file_over_the_size_cap_is_refused(tmp_path):
    pack = _pack(tmp_path, "x")
    with open(pack / "en.toml", "a") as fh:
        fh.write("# " + "x" * rules.MAX_PACK_BYTES + "\n")
    r = _run("--rules", pack, "--list-rules")
    assert r.returncode == 3
    assert_one_line(r.stderr, "en.toml", "larger than")


def test_list_rules_escapes_control_characters_of_pack_text(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "en.toml").write_text('[[rule]]\nid = "user.evil"\ncategory = "site\\u001b[2J"\nlang = "en"\n'
                                  'pattern = "x"\ndescription = "red \\u001b[31mtext\\u0007 \\u009b1m \\u202eevil"\n')
    r = _run("--rules", pack, "--list-rules")
    assert r.returncode == 0, r.stderr
    line = next(l for l in r.stdout.decode().splitlines() if l.startswith("user.evil"))
    assert "\\x1b[31mtext\\x07" in line and "\\x9b1m" in line and "\\u202eevil" in line and "site\\x1b[2J" in line
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in r.stdout.decode()
    r = _run("--rules", pack, "--list-rules", "--format", "json")
    (row,) = [row for row in json.loads(r.stdout) if row["id"] == "user.evil"]
    assert row["description"] == "red \x1b[31mtext\x07 \x9b1m \u202eevil"   # the same text, escaped in JSON
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in r.stdout.decode()
