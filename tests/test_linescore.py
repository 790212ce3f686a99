"""The main-text finder's learnt line model: the shipped weights fit the features the
finder writes, and every finder removal explains itself with them."""
from __future__ import annotations

import pathlib

import pytest

from cleaner import clean, linescore, mainfinder
from cleaner.engine import _find_title
from cleaner.lang import detect_language
from cleaner.segment import split_lines

PAGES = sorted((pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "aeb_sample" / "fulltext").glob("*.txt"))


def _search(text: str):
    lines, lang = split_lines(text), detect_language(text)
    return lines, lang, mainfinder.search(lines, lang, _find_title(lines, {}))


def test_weights_fit_the_features():
    model = linescore.model()
    assert model["local_features"] == list(linescore.LOCAL)
    lines, lang, found = _search(PAGES[0].read_text(encoding="utf-8"))
    rows = mainfinder.line_rows(found, lang, lines)
    assert len(rows) == len(found.feats) and {len(r) for r in rows} == {len(linescore.LOCAL)}
    widths = {"local": len(linescore.with_context(rows)[0]), "stacked": len(linescore.stacked([0.5])[0])}
    for name, width in widths.items():
        for key in ("mean", "scale", "coef"):
            assert len(model[name][key]) == width, (name, key)
    probs = linescore.probabilities(rows)
    assert len(probs) == len(rows) and all(0.0 <= p <= 1.0 for p in probs)
    assert 0.0 < model["rescue"] < 1.0


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem[:12])
def test_every_finder_removal_carries_its_evidence(path):
    text = path.read_text(encoding="utf-8")
    result = clean(text, input="page")
    finder = [r for r in result.removed if r.rule.startswith("mainfinder.")]
    assert finder, "a whole page with menus loses something to the finder"
    rescue = linescore.model()["rescue"]
    for r in finder:
        lines = [ln for ln in r.text.splitlines() if ln.strip()]
        assert len(r.evidence) == len(lines)
        for ev in r.evidence:
            assert ev["class"] in (mainfinder.GOOD, mainfinder.NEARGOOD, mainfinder.SHORT, mainfinder.BAD)
            assert ev["p_article"] < rescue
            start, end = ev["article_run"]
            assert 0 <= start < end <= len(text)
        assert "evidence" in r.to_dict()
    assert all(r.evidence is None and "evidence" not in r.to_dict()
               for r in result.removed if not r.rule.startswith("mainfinder."))


def test_rescue_only_gives_lines_back():
    """The explained ranges drop a subset of what the span search alone drops."""
    for path in PAGES:
        lines, lang, _ = _search(path.read_text(encoding="utf-8"))
        alone = {k for a, b, *_ in mainfinder.find_boilerplate(lines, lang) for k in range(a, b + 1)}
        rescued = {k for a, b, *_ in mainfinder.find_boilerplate_explained(lines, lang) for k in range(a, b + 1)}
        assert alone and rescued <= alone
