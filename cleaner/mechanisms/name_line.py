"""byline.name_line: an author's bare name beside the dateline or byline.

Sites set the author's name on a line of its own, without "By", right above or
below the publication date ("Anna Schneider" / "3. März 2024, 10:41"). A name
alone is not enough evidence (a two-word heading looks the same), so the line
must stand next to a line a dateline or byline rule removed, in the lead or among
the last lines. The name shape is letters only: two to four words, each starting
with a capital letter (a particle such as "van", "de" or "bin" may stand between),
an initial allowed, and none of its words a cue word of the page's language or
English (a share bar "Partager Tweeter Envoyer" is name-shaped too). Scripts
without capital letters are not judged.
"""
from __future__ import annotations

import regex

from cleaner.context import Doc, Mark
from cleaner.mechanisms import cue_lines
from cleaner.mechanisms.registry import Mechanism

RULE_ID = "byline.name_line"
MECHANISMS = [Mechanism(RULE_ID, "byline",
                        "A line that is only a person's name (2-4 capitalised words), right next to a "
                        "dateline or byline another rule removed, in the lead or among the last lines")]

_PARTICLE = r"(?:van|von|der|den|de|da|di|del|della|dos|das|du|le|la|bin|binti|ibn|al|el|ten|ter|y|e)"
_NAME_WORD = r"\p{Lu}(?:\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*|\.)"
NAME = regex.compile(rf"^{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{1,3}}$")
NEIGHBOUR_CATEGORIES = ("dateline", "byline")
TAIL_LINES = 3


def mark(doc: Doc, marks: dict[int, Mark]) -> None:
    lines = doc.lines
    nonblank = [l.index for l in lines if not l.blank]
    tail = set(nonblank[-TAIL_LINES:])
    for pos, i in enumerate(nonblank):
        line = lines[i]
        if i in marks or i == doc.title_idx or line.words > 6:
            continue
        if not (i < doc.first_prose or i in tail):
            continue
        if not NAME.match(line.text) or _has_cue(line.low, doc.lang):
            continue    # not name-shaped, or a widget's words ("Partager Tweeter Envoyer")
        neighbours = [nonblank[k] for k in (pos - 1, pos + 1) if 0 <= k < len(nonblank)]
        beside = [k for k in neighbours if k in marks and marks[k].category in NEIGHBOUR_CATEGORIES
                  and marks[k].rule != RULE_ID]
        if beside:
            marks[i] = Mark("byline", RULE_ID, certain=False,
                            evidence={"beside": lines[beside[0]].text[:80], "rule": marks[beside[0]].rule})


def _has_cue(low: str, lang: str) -> bool:
    lexicons = [cue_lines.lexicon(lang)] + ([cue_lines.lexicon("en")] if lang != "en" else [])
    return any(lex.lookup(w) is not None for lex in lexicons for w in cue_lines.words(low))
