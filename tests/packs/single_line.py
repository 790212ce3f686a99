"""One labelled line between two ordinary paragraphs under a title, so only the
rules decide: the harness of the single-line pack tests (test_lang_packs.py for the
first twelve languages, test_more_lang_packs.py for the rest)."""
from __future__ import annotations

from cleaner import clean

PARA = ("This ordinary paragraph has well over fifteen words so that the document has real prose "
        "around the line under test, and it ends with a period.")


def _norm(s: str) -> str:
    return " ".join(s.split())


def check_single_line(lang: str, line: str, category: str | None) -> None:
    """`line` goes with `category`, or (None) survives into the text."""
    head = f"Title of the page\n\n{PARA}\n\n"
    r = clean(f"{head}{line}\n\n{PARA}\n", lang=lang)
    start, end = len(head), len(head) + len(line)
    hits = [rm for rm in r.removed if rm.start <= start and end <= rm.end]
    got = hits[0].category if hits else None
    assert got == category, f"{line!r}: got {got} ({hits[0].rule if hits else '-'}), want {category}"
    if category is None:
        assert _norm(line) in {_norm(p) for p in r.text.split("\n\n")}
