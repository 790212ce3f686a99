"""JSONL records, the rule prefilter (speed without changing results), evil patterns."""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pytest
import regex
from hypothesis import given, settings, strategies as st

from cleaner.packs import prefilter as _prefilter
from cleaner.api import Cleaner
from cleaner.cli.process import REPORT_KEY, error_record, process_line
from cleaner.cli.parallel import Settings
from cleaner.packs.load import builtin_rules
from cleaner.packs.rule import Rule
from cleaner.text.segment import split_lines

ROOT = pathlib.Path(__file__).resolve().parents[2]
EVIL = "(a|aa)+$"  # `regex` optimises (a+)+$ away; this one still backtracks exponentially


def run_cli(args, stdin=b""):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("CLEANER_TEST_FAULT", None)
    return subprocess.run([sys.executable, "-m", "cleaner", *args], input=stdin, capture_output=True,
                          env=env, cwd=ROOT, timeout=60)


# ---------------------------------------------------------------- records
def test_process_line_good_and_bad():
    c = Cleaner()

    def clean(t):
        return c.clean(t, lang="en")
    o = process_line(json.dumps({"id": 7, "text": "Title\n\nAdvertisement\n\nA body line that stays here."}), clean)
    rec = json.loads(o.line)
    assert o.ok and rec["id"] == 7 and "Advertisement" not in rec["text"]
    assert o.categories == tuple(r["category"] for r in rec[REPORT_KEY]["removed"])
    for raw, msg in [("nope", "not JSON"), ("[1]", "not a JSON object"), ('{"a": 1}', "no field 'text'"),
                     ('{"text": 1}', "is int, not a string")]:
        o = process_line(raw, clean)
        assert not o.ok and msg in o.error and o.raw == raw and not o.internal
        assert json.loads(o.line)[REPORT_KEY]["error"] == o.error

    def boom(t):
        raise RuntimeError("bug")
    o = process_line('{"text": "x", "id": 1}', boom)
    assert not o.ok and o.internal and json.loads(o.line) == {"text": "x", "id": 1,
                                                              "clean": {"error": "cleaning failed: RuntimeError: bug"}}


def test_process_line_takes_the_records_language_and_skips_detection(monkeypatch):
    import cleaner.lang.detect

    def no_detection(text):
        raise AssertionError("detected although the record gives its language")
    monkeypatch.setattr(cleaner.lang.detect, "detect_language", no_detection)
    clean = Settings().clean_fn(Cleaner())
    text = "Der Bundestag hat am Dienstag das neue Gesetz mit großer Mehrheit beschlossen."
    for code, used in [("de", "de"), ("pt-BR", "pt"), ("FR", "fr")]:
        o = process_line(json.dumps({"text": text, "language": code}), clean, lang_field="language")
        assert o.ok and json.loads(o.line)[REPORT_KEY]["meta"]["lang"] == used
    # a value that is not a code, or no such field: detected as usual
    monkeypatch.undo()
    for rec in ({"text": text, "language": "German"}, {"text": text, "language": 5}, {"text": text}):
        o = process_line(json.dumps(rec), clean, lang_field="language")
        assert o.ok and json.loads(o.line)[REPORT_KEY]["meta"]["lang"] == "de"


def test_cli_lang_field_per_record_and_lang_as_fallback():
    recs = [{"id": 1, "text": "The council approved the budget on Tuesday after a debate.", "lang": "fr"},
            {"id": 2, "text": "The council approved the budget on Tuesday after a debate.", "lang": "eng_Latn"},
            {"id": 3, "text": "The council approved the budget on Tuesday after a debate."}]
    stdin = "".join(json.dumps(r) + "\n" for r in recs).encode()
    for extra, expected in [([], ["fr", "en", "en"]), (["--lang", "it"], ["fr", "en", "it"])]:  # eng_Latn is English
        out = run_cli(["--jsonl", "--quiet", "--lang-field", "lang", *extra], stdin)
        assert out.returncode == 0, out.stderr
        got = [json.loads(line)[REPORT_KEY]["meta"]["lang"] for line in out.stdout.decode().splitlines()]
        assert got == expected
    out = run_cli(["--lang-field", "lang"], b"text")
    assert out.returncode == 2 and out.stderr.decode().count("\n") == 1 and "--lang-field needs --jsonl" in out.stderr.decode()


def test_error_record_keeps_objects_and_wraps_the_rest():
    assert json.loads(error_record('{"a": 1}', "m")) == {"a": 1, "clean": {"error": "m"}}
    assert json.loads(error_record("x", "m")) == {"raw": "x", "clean": {"error": "m"}}


def test_cli_bad_utf8_and_missing_file_do_not_stop_the_batch(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": 0, "text": "Hello there."}\n{"id": 1, "text": "\xff"}\n\n{"id": 2, "text": "More."}\n')
    r = run_cli(["--jsonl", "--lang", "en", str(tmp_path / "missing.jsonl"), str(src)])
    out = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert [o.get("id") for o in out] == [0, 1, 2]  # the bad line, decoded with U+FFFD, keeps its fields
    assert "invalid UTF-8" in out[1]["clean"]["error"]
    assert r.returncode == 1 and b"missing.jsonl: no such file" in r.stderr
    assert b"3 documents, 1 errors" in r.stderr


# ---------------------------------------------------------------- evil pattern
def _evil_pack(tmp_path):
    d = tmp_path / "evil"
    d.mkdir()
    (d / "evil.toml").write_text(f"[[rule]]\nid = \"test.evil\"\ncategory = \"navigation\"\npattern = '{EVIL}'\n",
                                 encoding="utf-8")
    return d


DOC = "A title\n\n" + "a" * 40 + "!\n\nThe body of the article is a sentence that stays in place.\n"


def test_evil_user_pattern_times_out_and_is_reported(tmp_path):
    res = Cleaner([str(_evil_pack(tmp_path))]).clean(DOC, lang="en")
    assert any("test.evil" in w and "timed out" in w for w in res.meta["warnings"])
    assert "The body of the article" in res.text


def test_evil_user_pattern_through_the_cli(tmp_path):
    pack = _evil_pack(tmp_path)
    doc = tmp_path / "doc.txt"
    doc.write_text(DOC, encoding="utf-8")
    r = run_cli(["--rules", str(pack), "--lang", "en", str(doc)])
    assert r.returncode == 0 and b"The body of the article" in r.stdout
    assert b"warning" in r.stderr and b"test.evil" in r.stderr
    r = run_cli(["--jsonl", "-j", "2", "--rules", str(pack), "--lang", "en"],
                stdin=(json.dumps({"text": DOC}) + "\n").encode())
    rec = json.loads(r.stdout)
    assert any("test.evil" in w for w in rec["clean"]["meta"]["warnings"])
    assert b"warning: record 1: rule test.evil timed out" in r.stderr and b"warnings: 1" in r.stderr


@pytest.mark.parametrize("pattern", ["$", "\\s*$", "(?=$)", "x*$"])
def test_a_title_suffix_pattern_that_matches_empty_at_the_end_trims_nothing(tmp_path, pattern):
    """It used to loop for ever, growing a list of empty removals (gigabytes)."""
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "p.toml").write_text(f'[[rule]]\nid = "u.empty_end"\ncategory = "site"\npattern = \'{pattern}\'\n'
                                 'where = "title"\naction = "trim_suffix"\n', encoding="utf-8")
    for title in ("0", "A long headline about the council budget vote"):
        r = run_cli(["--rules", str(pack), "--lang", "en", "--format", "json"],
                    stdin=f"{title}\n\nThe body of the article stays here, long enough.\n".encode())
        assert r.returncode == 0, r.stderr
        rec = json.loads(r.stdout)
        assert not [x for x in rec["removed"] if x["rule"] == "u.empty_end"]
        assert rec["text"].startswith(title)


class _EngineFailure:
    """A compiled pattern whose search fails inside the regex engine, as some
    `regex` versions do for a\\G{e<=1} ("invalid RE code")."""

    def search(self, *args, **kwargs):
        raise RuntimeError("invalid RE code")


def test_pattern_the_engine_cannot_search_is_reported_by_id_not_raised(tmp_path):
    """A rule whose search raises in the engine (its line pattern or its appeal's
    `continue` pattern) is switched off with a warning naming it; the document is
    still cleaned by the other rules."""
    d = tmp_path / "broken"
    d.mkdir()
    (d / "broken.toml").write_text(
        "[[rule]]\nid = \"test.broken\"\ncategory = \"navigation\"\npattern = 'body'\n"
        "[[rule]]\nid = \"test.cont\"\ncategory = \"donation\"\naction = \"drop_region\"\n"
        "region = \"appeal\"\npattern = '^you could close this page'\ncontinue = 'support'\n", encoding="utf-8")
    cleaner = Cleaner([str(d)])
    for rule in cleaner.ruleset.rules:
        if rule.id == "test.broken":
            rule.pattern = _EngineFailure()
        if rule.id == "test.cont":
            rule.cont = _EngineFailure()
    doc = DOC + "\nYou could close this page.\n\nOr you could support a newsroom like ours today.\n\nRead more\n"
    res = cleaner.clean(doc, lang="en")
    warned = res.meta.get("warnings", [])
    assert any("test.broken" in w and "regex engine" in w and "invalid RE code" in w for w in warned), warned
    assert any("test.cont" in w and "regex engine" in w for w in warned), warned
    assert "The body of the article" in res.text
    assert "You could close this page." not in res.text       # the appeal's first line still goes
    assert "Read more" not in res.text                        # and the built-in rules still run


# ---------------------------------------------------------------- prefilter == no prefilter
def _fixture_lines():
    out = []
    for p in sorted((ROOT / "fixtures").rglob("*.txt")):
        out += [l for l in split_lines(p.read_text(encoding="utf-8", errors="replace")) if not l.blank]
    return out


def _plain(rule: Rule, line):
    """Rule.search without the prefilter: the reference."""
    sub = line.text if rule.case_sensitive else line.low
    if rule.contains and not any(c in line.low for c in rule.contains):
        return None
    if rule.pattern is None:
        return True
    return rule.pattern.search(sub)


def _span(m):
    return m if m is None or m is True else m.span()


@pytest.mark.slow
def test_prefilter_never_changes_a_builtin_rule_result():
    lines = _fixture_lines()
    assert len(lines) > 300
    rules = builtin_rules()
    assert sum(_prefilter.build(r.pattern) is not None for r in rules) >= len(rules) // 2
    for rule in rules:
        for line in lines:
            assert _span(rule.search(line.text, line.low)) == _span(_plain(rule, line)), (rule.id, line.text)


def test_prefilter_declines_what_re_reads_differently():
    for pat in ["(?i)share", "(?:share){e<=1}", "[[:alpha:]]x", "(?V1)[[a-z]--[b]]x", r"\p{Lu}{2}",
                "(?r)abc", r"\mword\M", "(?i:share) this"]:
        pf = _prefilter.build(regex.compile(pat))
        assert pf is None or pf[0] != "prefix" or all(p.islower() for p in pf[1]), pat
    assert _prefilter.build(regex.compile("(?i)share")) is None
    assert _prefilter.build(regex.compile("(?:share){e<=1}")) is None
    assert _prefilter.build(regex.compile("^(?:tags?|topics?):")) == ("prefix", ("tag:", "tags:", "topic:", "topics:"))


_piece = st.sampled_from(["a", "b", "ab", "ba", "[ab]", "[^a]", ".", r"\s", r"\b", "a?", "(?:ab)?", "b+", "a*",
                          "(?:a|bb)", "(?:a|b.)", "(?:ab|)", "(?=a)", "(?!b)", "(a)", r"\1", "x{2}", "(?:a|b){1,2}",
                          "^", "$"])
_pattern = st.lists(st.lists(_piece, min_size=1, max_size=5).map("".join), min_size=1, max_size=3).map("|".join)


@settings(max_examples=300, deadline=None)
@given(_pattern, st.lists(st.text(alphabet="abx \n", max_size=12), min_size=1, max_size=8))
def test_prefilter_property_never_rejects_a_subject_that_matches(pattern, subjects):
    try:
        compiled = regex.compile(pattern)
    except regex.error:
        return
    pf = _prefilter.build(compiled)
    if pf is None:
        return
    for s in subjects:
        if compiled.search(s):
            assert _prefilter.check(pf, s), (pattern, s, pf)


# ------------------------------------------------------- lazy built-in patterns
def test_every_builtin_pattern_compiles():
    """Built-in patterns compile on first use (start-up speed), so a broken one
    would only show when its language comes up: compile them all here."""
    from cleaner.packs.load import LazyPattern
    lazy = 0
    for rule in builtin_rules():
        for pattern in (rule.pattern, rule.cont, rule.stop):
            if pattern is not None:
                lazy += isinstance(pattern, LazyPattern)
                regex.compile(pattern.pattern, pattern.flags)
    assert lazy > 300


def test_a_user_pack_with_a_bad_pattern_fails_at_load(tmp_path):
    from cleaner.packs.load import RulePackError
    from cleaner.packs.ruleset import build_ruleset
    (tmp_path / "x.toml").write_text('[[rule]]\nid = "u.bad"\ncategory = "navigation"\npattern = "(unclosed"\n')
    try:
        build_ruleset([tmp_path])
    except RulePackError as exc:
        assert "u.bad" in str(exc) and "invalid pattern" in str(exc)
    else:
        raise AssertionError("a bad user pattern must be reported at load")


def test_a_lazy_pattern_pickles_and_matches_like_the_compiled_one():
    import pickle
    from cleaner.packs.load import LazyPattern
    lazy = LazyPattern(r"^photo: (\w+)$")
    copy = pickle.loads(pickle.dumps(lazy))
    for p in (lazy, copy):
        assert p.search("photo: reuters").group(1) == "reuters"
        assert p.search("a photo: x y") is None


def test_output_records_stay_one_line_for_splitlines_readers():
    text = "Body line one\u2028still one\x85and\u2029more. " * 3
    line = json.dumps({"id": 1, "text": text}, ensure_ascii=False)
    out = process_line(line, Cleaner().clean)
    assert out.ok and len(out.line.splitlines()) == 1
    assert "\u2028" not in out.line and "\x85" not in out.line and "\u2029" not in out.line
    assert json.loads(out.line)["text"]  # still valid JSON with the text in it
