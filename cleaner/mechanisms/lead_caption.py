"""credit.lead_caption: a photo caption kept right under the title.

Extractors often keep the caption of the lead photo between the headline and the
first paragraph ("The presidential office building in Seoul, South Korea."). It is
told from a standfirst by shape (short, one sentence, no quote, followed by a long
paragraph) and by having no verb cue of the document's language. The cues and the
limits are data, rules/mechanisms/lead_caption.toml; a language without cues is
not judged, so its line stays (a kept caption costs less than a lost standfirst).
"""
from __future__ import annotations

import functools

import regex

from cleaner.context import Doc, Mark
from cleaner.mechanisms.registry import Mechanism
from cleaner.paths import load_data
from cleaner.text.shapes import SENTENCE_END
from cleaner.text.segment import Line

RULE_ID = "credit.lead_caption"
MECHANISMS = [Mechanism(RULE_ID, "credit",
                        "A short verbless descriptive line between the title and the first body paragraph "
                        "(languages with verb cues in rules/mechanisms/lead_caption.toml)")]
_QUOTES = '"“”„«»'


class _Conf:
    """rules/mechanisms/lead_caption.toml, compiled."""

    def __init__(self, data: dict):
        limits = data.get("lead_caption", {})
        self.min_words = int(limits.get("min_words", 3))
        self.max_words = int(limits.get("max_words", 15))
        self.body_min_words = int(limits.get("body_min_words", 25))
        self.not_caption = regex.compile(limits["not_caption"]) if limits.get("not_caption") else None
        self.verb_cues = {lang: regex.compile(pattern) for lang, pattern in data.get("verb_cues", {}).items()}


@functools.lru_cache(maxsize=1)
def _conf() -> _Conf:
    return _Conf(load_data("mechanisms", "lead_caption"))


def languages() -> frozenset[str]:
    """The languages the mechanism judges (those with verb cues)."""
    return frozenset(_conf().verb_cues)


def is_lead_caption(cand: Line, body: Line, lang: str) -> bool:
    """Is `cand`, the first kept line under the title, a caption, given `body`,
    the kept line after it?"""
    conf = _conf()
    cues = conf.verb_cues.get(lang)
    if cues is None:
        return False
    if not (conf.min_words <= cand.words <= conf.max_words and cand.text.endswith((".", "。"))):
        return False
    if cand.text.count(". ") or any(q in cand.text for q in _QUOTES):
        return False
    if conf.not_caption is not None and conf.not_caption.search(cand.text):
        return False
    if body.words < max(conf.body_min_words, 2 * cand.words) or not SENTENCE_END.search(body.text):
        return False
    return not cues.search(cand.low)


def mark(doc: Doc, marks: dict[int, Mark]) -> None:
    """Mark the first kept line under the title, if it is the lead photo's caption."""
    nxt = doc.next_kept(doc.title_idx, marks)
    if nxt is None:
        return
    after = doc.next_kept(nxt, marks)
    if after is not None and is_lead_caption(doc.lines[nxt], doc.lines[after], doc.lang):
        marks[nxt] = Mark("credit", RULE_ID, certain=False)
