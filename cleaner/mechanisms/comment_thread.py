"""navigation.comment_thread: the readers' comments under the article.

A comment is prose, so a thread passes every line-level test; what gives it away
is the meta line each comment repeats: the commenter and a speech verb
("MortimerInMiami says:"), or a relative time stamp ("2 days ago at 08:49 am").
When such short lines repeat (or follow a "34 responses to ..." heading) after the
bulk of the text, the thread runs from the first of them to the end: what follows
a thread on a page is its form and the footer. Patterns and limits are data,
rules/mechanisms/comment_thread.toml; a language without patterns is not judged.
"""
from __future__ import annotations

import functools

import regex

from cleaner.context import Doc, Mark
from cleaner.lang import CACHED_LANGUAGES
from cleaner.mechanisms.registry import Mechanism
from cleaner.paths import load_data

RULE_ID = "navigation.comment_thread"
MECHANISMS = [Mechanism(RULE_ID, "navigation",
                        "Readers' comments after the article: from a '34 responses to ...' heading or the "
                        "first of several short comment meta lines ('<name> says:', '2 days ago') to the end")]


class _Conf:
    """rules/mechanisms/comment_thread.toml, compiled."""

    def __init__(self, data: dict):
        thread = data.get("thread", {})
        self.min_meta = int(thread.get("min_meta", 3))
        self.min_meta_heading = int(thread.get("min_meta_heading", 2))
        self.max_meta_words = int(thread.get("max_meta_words", 14))
        self.min_body_share = float(thread.get("min_body_share", 0.35))
        self.min_body_words = int(thread.get("min_body_words", 80))
        self.tables = {name: {lang: regex.compile(p) for lang, p in data.get(name, {}).items()}
                       for name in ("speech", "relative_time", "heading")}


@functools.lru_cache(maxsize=1)
def _conf() -> _Conf:
    return _Conf(load_data("mechanisms", "comment_thread"))


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def _patterns(lang: str) -> tuple:
    """(meta pattern, heading pattern) for the language and English, each one
    alternation (None when neither language has one)."""
    conf = _conf()
    langs = dict.fromkeys((lang, "en"))
    meta = [conf.tables[t][l].pattern for t in ("speech", "relative_time") for l in langs if l in conf.tables[t]]
    heading = [conf.tables["heading"][l].pattern for l in langs if l in conf.tables["heading"]]
    return _either(meta), _either(heading)


def _either(patterns: list[str]):
    return regex.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def find(doc: Doc, marks: dict[int, Mark]) -> tuple[int, dict] | None:
    """(first line of the thread, evidence), or None.

    An article must stand above the thread: `min_body_words` words, and without a
    heading also `min_body_share` of the text (meta lines at the top are a forum
    exchange the article reports on). The thread runs to the end: asking the meta
    lines to reach it too lost real threads followed by a page's footer."""
    conf = _conf()
    meta_re, heading_re = _patterns(doc.lang)
    if meta_re is None:
        return None
    kept = [l for l in doc.lines if not l.blank and l.index not in marks]
    total = sum(l.words for l in kept)
    if not total:
        return None
    share_words = max(conf.min_body_words, conf.min_body_share * total)
    seen = 0
    heading = None
    meta: list[int] = []
    for l in kept:
        if l.words <= conf.max_meta_words:
            if heading is None and not meta and heading_re is not None and heading_re.search(l.low):
                if seen >= conf.min_body_words:
                    heading = l.index
            elif meta_re.search(l.low):
                if meta or heading is not None or seen >= share_words:
                    meta.append(l.index)
        seen += l.words
    need = conf.min_meta_heading if heading is not None else conf.min_meta
    if len(meta) < need:
        return None
    start = heading if heading is not None else meta[0]
    return start, {"heading": heading is not None, "meta_lines": len(meta),
                   "first_meta": doc.lines[meta[0]].text[:80]}


def mark(doc: Doc, marks: dict[int, Mark]) -> None:
    found = find(doc, marks)
    if found is None:
        return
    start, evidence = found
    for l in doc.lines[start:]:
        if not l.blank and l.index not in marks and l.index != doc.title_idx:
            marks[l.index] = Mark("navigation", RULE_ID, certain=False, evidence=evidence)
            evidence = None     # said once, on the thread's first line
