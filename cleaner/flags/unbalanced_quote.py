"""unbalanced-quote: a double quote that closes nothing, or opens and is never closed.

Marks get their role from _quotes.scan (position first, then state). A paragraph
that ends inside a quotation is fine when the next paragraph reopens it (starts
with an opening mark, the convention for multi-paragraph quotations) or closes
it; otherwise the opening mark is flagged. Only a quotation that can be a
speaker's words gets that grace: one that opens a paragraph or follows
punctuation ("He said: “We will…", ", “We…"). A mark glued to the word before it
("plans to “release all data") quotes a phrase, which closes in its own
paragraph, so it is flagged even when the next paragraph starts with a quote; so is
a mark after a comma or dash that opens on a lower-case word (", “and at a faster pace").
Marks that quote-style already flags
(wrong direction) still count for balance but are never flagged here too.
Single quotes are not tracked (’ is mostly an apostrophe).
"""
from __future__ import annotations

from cleaner.flags import _quotes
from cleaner.flags._util import make_flag
from cleaner.report import Flag

RULE = "flag.unbalanced_quote"
KIND = "unbalanced-quote"
DESCRIPTION = ("A double quote that closes a quotation that was never opened, or opens one that "
               "is never closed (multi-paragraph quotations reopened at each paragraph are fine).")


def detect(paragraphs, lang: str) -> list[Flag]:
    conv = _quotes.conventions(lang)
    scans = _quotes.scan(paragraphs, lang)
    flags: list[Flag] = []

    def flag_open(mark: _quotes.QuoteMark, why: str) -> None:
        if not _quotes.is_wrong(mark, conv):
            p = paragraphs[mark.para]
            flags.append(make_flag(p, mark.pos, mark.end, KIND, RULE, why))

    for ps in scans:
        for m in ps.inherited:
            if (m.partner is None and not ps.reopened) or _quotes_a_phrase(paragraphs[m.para].raw, m.pos):
                flag_open(m, f"{m.char} opens a quotation that is never closed")
        for m in ps.marks:
            if m.role == "close" and m.partner is None:
                flag_open(m, f"{m.char} closes a quotation that was never opened")
    if scans:
        for m in scans[-1].open_at_end:
            flag_open(m, f"{m.char} opens a quotation that is never closed")
    return flags


def _quotes_a_phrase(raw: str, pos: int) -> bool:
    """Does the opening mark at `pos` follow a word, with only a space between
    ("plans to “release")? Then it quotes a phrase, not a speaker's paragraphs.
    So does a mark inside the sentence, after a comma or a dash, that opens on a
    lower-case word (", “and at an ever faster pace"): a speaker's paragraphs open
    on a capital."""
    before = raw[:pos]
    stripped = before.rstrip()
    if len(stripped) == len(before):
        return False
    if stripped[-1:].isalnum():
        return True
    return stripped[-1:] in _MID_SENTENCE and raw[pos + 1:pos + 2].islower()


_MID_SENTENCE = ",;—–"
