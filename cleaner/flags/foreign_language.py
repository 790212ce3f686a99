"""foreign-language: a paragraph, or a run of sentences inside one, written in
another language than the document.

langdetect costs about 1 ms per 300 characters, so it runs only on paragraphs a
cheap test singles out: the paragraph's script differs from the script of the
document's language (Latin vs Cyrillic vs Greek vs ...), or its stopword density
for the document's language is far below normal prose. It must then name a
different language with probability >= 0.9. Short paragraphs, lists of names and
lines of numbers or URLs are never checked. Thresholds: rules/flags/foreign.toml.

The cheap test itself must cost next to nothing per paragraph: it works from
counts over whitespace-separated tokens, each distinct token analysed once
(remembered across documents), and falls back to the word-by-word definition
(suspicious_exact) only when the counts cannot decide. langdetect answers are
remembered, and langdetect stops after its first trials when they leave no
language outside the document's group a chance of reaching the probability a
flag needs (usually after one of its 7 trials: the paragraph is in the
document's language).

This module makes the flags; the parts, one module each:

    _foreign_screen     the cheap test: may a paragraph be in another language?
    _foreign_counts     a paragraph's words, and the packed per-token counts the test reads
    _foreign_judge      langdetect's verdict on a suspicious paragraph or sentence, remembered
    _foreign_sentences  a run of foreign sentences inside a paragraph in the document's language
    _foreign_data       thresholds (rules/flags/foreign.toml), scripts, relatives, stopword sets
"""
from __future__ import annotations

from cleaner.flags import _foreign_sentences
from cleaner.flags._foreign_data import conf, limits, similar
from cleaner.flags._foreign_judge import judge
from cleaner.flags._foreign_screen import suspicious_all, suspicious_exact
from cleaner.flags._util import make_flag, stripped_span
from cleaner.report import Flag

RULE = "flag.foreign_language"
KIND = "foreign-language"
DESCRIPTION = ("A paragraph (8+ words), or a run of sentences (6+ words) inside one, in a language "
               "other than the document's, by a cheap script / stopword test confirmed by langdetect (p >= 0.9).")


def detect(paragraphs, lang: str) -> list[Flag]:
    """Whole paragraphs in another language, then foreign sentences inside the others."""
    if not lang or lang == "und":
        return []
    flags = detect_paragraphs(paragraphs, lang)
    whole = {k for k, p in enumerate(paragraphs) if any(f.start >= p.start and f.end <= p.start + len(p.raw)
                                                         for f in flags)}
    return flags + [make_flag(p, i, j, KIND, RULE,
                              f"sentence looks like '{top}' (p={prob:.2f}), document is '{lang}'")
                    for p, i, j, top, prob in _foreign_sentences.find(paragraphs, lang, whole)]


def detect_paragraphs(paragraphs, lang: str) -> list[Flag]:
    """Paragraphs (8+ words) in another language than `lang`."""
    if not lang or lang == "und":
        return []
    c = conf()
    min_p = float(c.get("min_probability", 0.9))
    max_chars = int(c.get("sample_chars", 600))
    min_found = float(c.get("min_detected_density", 0.15))
    same = similar(lang)
    lim = limits()
    flags: list[Flag] = []
    texts = [p.text for p in paragraphs]
    for p, text, fast in zip(paragraphs, texts, suspicious_all(texts, lang, lim)):
        if not (suspicious_exact(text, lang) if fast is None else fast):
            continue
        judged = judge(text, same, min_p, max_chars, min_found)
        if judged is None:
            continue
        top, prob = judged
        i, j = stripped_span(p.raw)
        flags.append(make_flag(p, i, j, KIND, RULE,
                               f"paragraph looks like '{top}' (p={prob:.2f}), document is '{lang}'"))
    return flags
