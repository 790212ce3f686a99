"""The literal prefilter without the standard library's private regex parser.

cleaner/packs/re_syntax.py reaches `re._parser` (or `sre_parse`) through one
accessor, `stdlib_parser()`. Should a Python come without it, or should parsing
or the analysis fail, a pattern gets no prefilter and its rule is always
searched: slower, with the same results. These tests force that fallback.
"""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import regex

from cleaner.api import Cleaner
from cleaner.packs import prefilter, re_syntax
from cleaner.packs.load import builtin_rules, parse_rule
from cleaner.packs.matcher import LineMatcher
from cleaner.text.segment import split_lines

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"


def _fixture_texts() -> list[pathlib.Path]:
    """Seeds, pages and one text per language pack (inputs only, not the expected outputs)."""
    paths = [p for folder in ("seeds", "pages", "lang") for p in sorted((FIXTURES / folder).glob("*.txt"))
             if not p.name.endswith((".expected.txt", ".gold.txt"))]
    assert len(paths) > 25
    return paths


def test_the_accessor_finds_the_stdlib_parser():
    parser = re_syntax.stdlib_parser()
    assert parser is not None and parser.__name__ in ("re._parser", "sre_parse")
    assert prefilter.build(regex.compile("^(?:tags?|topics?):"))[0] == "prefix"


def test_no_usable_parser_module_means_no_parser():
    assert re_syntax.find_stdlib_parser(("re._no_such_parser",)) is None            # renamed again
    assert re_syntax.find_stdlib_parser(("re._no_such_parser", "json")) is None     # no parse, no opcodes
    assert re_syntax.find_stdlib_parser(("re._no_such_parser", "re._parser")) is not None


def test_without_the_parser_a_pattern_has_no_prefilter_and_the_rule_still_matches(monkeypatch):
    monkeypatch.setattr(re_syntax, "stdlib_parser", lambda: None)
    pattern = regex.compile(r"^(?:tags?|topics?):")
    assert prefilter.build(pattern) is None
    assert prefilter.required_sets(regex.compile(r"\((?:ap|afp)\)")) == []
    rule = parse_rule({"id": "u.tags", "category": "navigation", "pattern": pattern.pattern}, {}, "test")
    assert rule.prefilter() is None
    assert rule.search("Tags: a, b", "tags: a, b") and not rule.search("The tags", "the tags")
    line = split_lines("Some prose about tags.")[0]
    assert LineMatcher([rule]).candidates(line) == [rule]   # no literal known: always a candidate


class _BrokenParser:
    """A parser module whose private API changed: parse raises, or returns another shape."""

    def __init__(self, result):
        self.result = result

    def parse(self, source, flags=0):
        if isinstance(self.result, BaseException):
            raise self.result
        return self.result


def test_a_parser_that_fails_or_changed_gives_no_prefilter(monkeypatch):
    pattern = regex.compile(r"\b(?:roku|app store|google play)\b")
    for result in (RuntimeError("changed"), TypeError("changed"), RecursionError(), object(), None):
        monkeypatch.setattr(re_syntax, "stdlib_parser", lambda r=result: _BrokenParser(r))
        assert prefilter.build(pattern) is None, result
        assert prefilter.required_sets(pattern) == [], result


_WITHOUT_PARSER = """
import json, sys
from cleaner.packs import re_syntax
calls = []
re_syntax.stdlib_parser = lambda: calls.append(1)   # the accessor finds no parser
from cleaner.api import Cleaner
cleaner = Cleaner()
reports = [cleaner.clean(open(p, encoding="utf-8").read()).to_dict() for p in sys.argv[1:]]
assert calls, "the accessor was never asked"
assert all(rule.prefilter() is None for rule in cleaner.ruleset.rules)
json.dump(reports, sys.stdout)
"""


def test_cleaning_is_the_same_without_the_prefilter():
    """The full reports (text, removals, flags, meta) with the prefilter and, in a
    fresh process where the accessor finds no parser (no cache holds a prefilter
    from before), without it."""
    paths = _fixture_texts()
    cleaner = Cleaner()
    with_prefilter = [cleaner.clean(p.read_text(encoding="utf-8")).to_dict() for p in paths]
    assert sum(rule.prefilter() is not None for rule in builtin_rules()) > 300
    env = dict(os.environ, PYTHONPATH=str(ROOT))   # this tree's cleaner, not an installed one
    env.pop("CLEANER_TEST_FAULT", None)
    run = subprocess.run([sys.executable, "-c", _WITHOUT_PARSER, *map(str, paths)], capture_output=True,
                         text=True, cwd=ROOT, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    without = json.loads(run.stdout)
    assert len(without) == len(paths)
    for path, report, other in zip(paths, with_prefilter, without):
        assert json.loads(json.dumps(report)) == other, path.name
