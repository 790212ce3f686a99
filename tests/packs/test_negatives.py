"""Hard negatives: real article text that looks like boilerplate must come through whole.

Each fixture in fixtures/negatives/ is an article whose sentences contain trigger
words (donate, Related to this, Read more, bullets, CO2, one-line paragraphs,
correct foreign quotes, timestamps, 'By the end of ...'). Nothing may be removed
and nothing flagged (the German one contains a legitimate 'die die').
"""
import pathlib

import pytest

from cleaner import clean
from cleaner.text.segment import split_lines

NEG = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "negatives"
CASES = sorted(NEG.glob("*.txt"))


def test_enough_negatives():
    assert len(CASES) >= 15


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_negative_kept_whole(path):
    raw = path.read_text(encoding="utf-8")
    result = clean(raw)
    assert result.removed == [], [(r.rule, r.text[:60]) for r in result.removed]
    assert result.flags == [], [(f.kind, f.text) for f in result.flags]
    kept = [l.text for l in split_lines(raw) if not l.blank]
    assert result.text.split("\n\n") == kept


def test_negative_languages_detected():
    langs = {p.stem: clean(p.read_text(encoding="utf-8")).meta["lang"] for p in CASES}
    assert langs["german_quotes"] == "de"
    assert langs["french_quotes"] == "fr"
    assert langs["polish_quotes"] == "pl"
    assert langs["spanish_quotes"] == "es"
    assert langs["charity_drive"] == "en"
