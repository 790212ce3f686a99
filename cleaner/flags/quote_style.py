"""quote-style: a curly/guillemet double quote used in the wrong role for the language.

English “ is an opening mark: ``in the UN Charter,“ Stoltenberg claimed`` uses it
to close. German „…“ makes the same “ a correct closing mark. Conventions are
data: rules/flags/quotes.toml [pairs]. Only marks whose role is clear from their
position (or that stand between blanks) are judged; the flag spans the mark.
"""
from __future__ import annotations

from cleaner.flags import _quotes
from cleaner.flags._util import make_flag
from cleaner.report import Flag

RULE = "flag.quote_style"
KIND = "quote-style"
DESCRIPTION = ("A typographic double quote used in the wrong role for the document's language "
               "(e.g. English “ closing a quotation, ” opening one).")

_ROLE_WORD = {"open": "opens", "close": "closes"}


def detect(paragraphs, lang: str) -> list[Flag]:
    conv = _quotes.conventions(lang)
    if not conv:
        return []
    flags: list[Flag] = []
    for ps in _quotes.scan(paragraphs, lang):
        for mark in ps.marks:
            if _quotes.is_wrong(mark, conv):
                p = paragraphs[mark.para]
                right = "open" if mark.role == "close" else "close"
                msg = (f"{mark.char} {_ROLE_WORD[mark.role]} a quotation here, but in '{lang}' "
                       f"it is used to {right} one")
                flags.append(make_flag(p, mark.pos, mark.end, KIND, RULE, msg))
    return flags
