"""Data-driven flag cases (fixtures/flag_cases/*.toml): a correct quote convention
or a legitimate repeat in its language is never flagged, and a real artifact still
is. Adding a case is a data change."""
from __future__ import annotations

import pathlib
import tomllib

import pytest

from cleaner import clean

CASE_DIR = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "flag_cases"
CASES = [case for path in sorted(CASE_DIR.glob("*.toml"))
         for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]]


def _id(case: dict) -> str:
    return f"{case['lang']}-{'pos' if case['flags'] else 'neg'}-{case['why'][:40]}"


def test_cases_cover_the_languages():
    langs = {c["lang"] for c in CASES if not c["flags"]}
    assert {"da", "sv", "nb", "fi", "he", "ar", "fa", "ja", "zh", "ko", "el", "ro", "hu", "bg", "hr",
            "sk", "sl", "lv", "lt", "et", "cs", "uk"} <= langs
    assert any(c["flags"] and c["lang"] == "en" for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_flag_case(case):
    result = clean(case["text"], lang=case["lang"])
    assert result.removed == [], [(r.rule, r.text[:60]) for r in result.removed]
    got = [(f.kind, f.text) for f in result.flags]
    assert [k for k, _ in got] == case["flags"], (case["why"], got)
    if "marks" in case:
        assert [t for _, t in got] == case["marks"], (case["why"], got)
