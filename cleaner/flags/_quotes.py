"""Shared double-quote scanner for quote-style and unbalanced-quote.

Each double quotation mark gets a ROLE (open/close) from its position:

* opening position: preceded by start, blank or one of ([{<—–-/‘‚ and followed
  by something that is not blank or closing punctuation;
* closing position: preceded by a non-blank and followed by end, blank or
  closing punctuation .,;:!?)]}>…—–-/’ or another quote mark.

A mark that fits both or neither (``regions ” more``, ``« Bonjour »``,
``word”word``) takes its role from the state: it closes if a quotation is
open, else it opens. ``how`` records which: 'position', 'spaced' (blank on both
sides, state-decided), 'state' (anything else state-decided) or 'fixed'
(‘‘ and ’’ used as double quotes).

Straight quotes (" and '') alternate, except that one in a clear closing
position with nothing open is a close; a " or ” right after a digit with
nothing open is an inch mark and ignored (5'10", a 12” screen). A guillemet
between blanks is a separator (Home » News), not a quote, except in languages
that space their guillemets (fr; rules/flags/quotes.toml [spacing]). Marks inside
a mojibake run (» of ï»¿) are not quotes either, nor is a mark between two
letters of a script that writes acronyms with it (Hebrew מנכ"ל, צה"ל: a
gershayim typed as a quote; quotes.toml [in_word]), in any document language.

Matching is a stack per document: a close pops the newest open mark of its
family (straight vs typographic), or failing that of the other family. Marks
still open at a paragraph's end are carried into the next paragraph, which
either reopens them (it starts with an opening mark: multi-paragraph
quotations) or may close them; after that they are not carried further.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

import regex

from cleaner.flags import _data, _util
from cleaner.text.shapes import INVISIBLE
from cleaner.lang import CACHED_LANGUAGES

DOUBLE = '"\u201c\u201d\u201e\u201f\u00ab\u00bb'
# Two single quotes standing for a double one: ‘‘…’’ and ''…''.
_PAIRS = ("\u2018\u2018", "\u2019\u2019", "''")
_MARK_RE = re.compile("|".join(_PAIRS) + "|[" + DOUBLE + "]")
_DOUBLE_RE = re.compile("[" + DOUBLE + "]")
_STRAIGHT = frozenset(['"', "''"])
_FIXED = {"\u2018\u2018": "open", "\u2019\u2019": "close"}
_GUILLEMETS = frozenset("\u00ab\u00bb")
_INCH_MARKS = frozenset(['"', "\u201d", "''"])
_OPEN_LEFT = frozenset("([{<\u2014\u2013-/\u2018\u201a")
_CLOSE_RIGHT = frozenset(".,;:!?)]}>\u2026\u2014\u2013-/\u2019'" + DOUBLE)
_ZERO_WIDTH = frozenset(INVISIBLE)
_LEAD_OK = frozenset("-\u2013\u2014\u2022*>\u00b7")  # may precede a reopening mark
_INCH = re.compile(r"\d['\u2032\u2019]\s?\d{1,2}$")


@dataclass(eq=False)
class QuoteMark:
    para: int          # index of the paragraph in the list given to scan()
    pos: int           # offset in the paragraph's raw text
    start: int         # offset in the input
    char: str          # the mark: one character, or two for ‘‘ ’’ ''
    role: str          # 'open' or 'close'
    how: str           # 'position', 'spaced', 'state' or 'fixed' (‘‘ ’’)
    partner: "QuoteMark | None" = None
    collapsed: bool = False   # «A «B» C: closed by the shared »

    @property
    def straight(self) -> bool:
        return self.char in _STRAIGHT

    @property
    def end(self) -> int:
        return self.pos + len(self.char)


@dataclass
class ParaScan:
    marks: list[QuoteMark] = field(default_factory=list)
    inherited: list[QuoteMark] = field(default_factory=list)   # open marks carried in
    reopened: bool = False                                      # starts with an opening mark
    open_at_end: list[QuoteMark] = field(default_factory=list)


def _blank(c: str | None) -> bool:
    return c is None or c.isspace() or c in _ZERO_WIDTH


@functools.lru_cache(maxsize=4096)     # a few hundred (before, after) pairs in practice
def position_role(prev: str | None, nxt: str | None) -> tuple[str | None, str]:
    left_open = _blank(prev) or prev in _OPEN_LEFT
    right_close = _blank(nxt) or nxt in _CLOSE_RIGHT
    if left_open and not right_close:
        return "open", "position"
    if right_close and not left_open:
        return "close", "position"
    if _blank(prev) and _blank(nxt):
        return None, "spaced"
    return None, "state"


# What scan() gives every paragraph without marks and nothing carried into it.
_NO_MARKS = ParaScan()

# The last scan: quote-style, unbalanced-quote and fragment all scan the same
# paragraphs, one after the other. (key, result); replaced whole, so thread-safe.
_last: tuple = (None, None)


def scan(paragraphs, lang: str = "und") -> list[ParaScan]:
    """Roles and matches of every double quote mark, paragraph by paragraph.

    The result is shared between callers (memoised on the paragraphs' offsets and
    raw text): read it, never change it.
    """
    global _last
    key = (lang, tuple([(p.start, p.raw) for p in paragraphs]))
    last_key, last_out = _last
    if last_key == key:
        return last_out
    out = _scan(paragraphs, lang)
    _last = (key, out)
    return out


def forget() -> None:
    """Drop the remembered scan (it holds every paragraph of the document): the
    detectors are done with it when detect_flags returns."""
    global _last
    _last = (None, None)


def _scan(paragraphs, lang: str) -> list[ParaScan]:
    from cleaner.flags import mojibake

    conv = conventions(lang)
    spaced_ok = lang in _spaced_guillemet_langs()
    collapsed = lang in _collapsed_langs()
    out: list[ParaScan] = [_NO_MARKS] * len(paragraphs)
    carry: list[QuoteMark] = []
    last = -1
    raws = [p.raw for p in paragraphs]
    maybe_garbled = set(mojibake.candidates(raws))
    in_word_marks, in_word_letter = _in_word()
    for pi in _with_marks(raws):
        if carry and pi != last + 1:
            # The paragraph after `last` has no mark: a carried quotation is neither
            # closed nor reopened there, and is not carried further.
            out[last + 1] = ParaScan(inherited=list(carry))
            carry = []
        p = paragraphs[pi]
        raw = p.raw
        end = len(raw)
        ps = ParaScan(inherited=list(carry))
        found = _MARK_RE.finditer(raw)
        stack: list[QuoteMark] = list(carry)
        first = True
        garbled = mojibake.runs(raw, lang) if pi in maybe_garbled else []
        garbled_starts = [s for s, _ in garbled]
        # open marks per family, indexed by `straight` (False 0: typographic, True 1: straight)
        n_open = [0, 0]
        for s in stack:
            n_open[s.char in _STRAIGHT] += 1
        for m in found:
            i, j = m.span()
            if garbled:
                g = bisect.bisect_right(garbled_starts, i) - 1
                if g >= 0 and i < garbled[g][1]:
                    continue  # part of a mojibake run (» in ï»¿, „ in â€ž), not a quote
            ch = m.group()
            prev = raw[i - 1] if i > 0 else None
            nxt = raw[j] if j < end else None
            if ch in in_word_marks and prev and nxt and in_word_letter(prev) and in_word_letter(nxt):
                continue  # an acronym's gershayim (מנכ"ל), not a quote
            straight = ch in _STRAIGHT
            fam_open = n_open[straight] > 0
            if ch in _INCH_MARKS and prev is not None and prev.isdigit():
                if not fam_open or (straight and _INCH.search(raw, max(0, i - 6), i)):
                    continue  # inch mark: 5'10", a 12” screen
            if ch in _FIXED:
                role, how = _FIXED[ch], "fixed"
            else:
                role, how = position_role(prev, nxt)
            if ch in _GUILLEMETS and how == "spaced":
                natural = conv.get(ch, frozenset())
                state_role = "close" if n_open[False] else "open"
                if not spaced_ok or (natural and state_role not in natural):
                    continue  # a separator or arrow (Home » News, More »), not a quote
            if first and carry and role != "close" and all(c.isspace() or c in _LEAD_OK for c in raw[:i]):
                # A paragraph opening with a quote mark continues the carried quotation.
                ps.reopened = True
                stack = []
                n_open = [0, 0]
                fam_open = False
                role = "open"
            first = False
            if straight:
                if fam_open:
                    if role != "close":
                        how = "state"
                    role = "close"
                elif not (role == "close" and how == "position"):
                    role = "open"   # a clear close with nothing open stays a close
            elif role is None:
                role = "close" if fam_open else "open"
            mark = QuoteMark(pi, i, p.start + i, ch, role, how)
            ps.marks.append(mark)
            if role == "open":
                stack.append(mark)
                n_open[straight] += 1
                continue
            # Close the newest open mark of the same family (straight / typographic);
            # failing that, of the other one: "…,” and “…," are mixed, not unbalanced.
            for fam in (straight, not straight):
                if n_open[fam]:
                    k = len(stack) - 1
                    while (stack[k].char in _STRAIGHT) != fam:
                        k -= 1
                    opener = stack.pop(k)
                    n_open[fam] -= 1
                    opener.partner = mark
                    mark.partner = opener
                    break
        if collapsed and stack:
            # «A «B» C: Russian-style nesting often drops one of the two closing »».
            last_pair = max((x.pos for x in ps.marks if x.char == "\u00ab" and x.partner is not None
                             and x.partner.para == pi), default=-1)
            keep = []
            for mk in stack:
                if mk.char == "\u00ab" and mk.para == pi and mk.pos < last_pair:
                    mk.collapsed = True
                else:
                    keep.append(mk)
            stack = keep
        # A carried quotation gets one paragraph to be closed or reopened; what is
        # still open after that is not carried again.
        if ps.inherited:
            inherited = set(map(id, ps.inherited))
            ps.open_at_end = [s for s in stack if id(s) not in inherited]
        else:
            ps.open_at_end = stack
        carry = ps.open_at_end
        out[pi] = ps
        last = pi
    if carry and last + 1 < len(paragraphs):
        out[last + 1] = ParaScan(inherited=list(carry))
    return out


def _with_marks(raws: list[str]) -> list[int]:
    """Indices, ascending, of the strings with a _MARK_RE match (each mark is
    much faster to find by str.find than all of them by one `re` search)."""
    return _util.hit_paragraphs(_MARKS, raws)


_MARKS = tuple(DOUBLE) + _PAIRS


@functools.lru_cache(maxsize=1)
def _spaced_guillemet_langs() -> frozenset[str]:
    return frozenset(_data.load("quotes").get("spacing", {}).get("spaced_guillemets", []))


@functools.lru_cache(maxsize=1)
def _collapsed_langs() -> frozenset[str]:
    return frozenset(_data.load("quotes").get("spacing", {}).get("collapsed_nesting", []))


@functools.lru_cache(maxsize=1)
def _in_word():
    """(marks, is_letter): marks that are not quotes between two letters of the
    scripts in quotes.toml [in_word], and the test for such a letter."""
    table = _data.load("quotes").get("in_word", {})
    scripts = [str(s) for s in table.get("scripts", [])]
    marks = frozenset(str(m) for m in table.get("marks", []))
    if not scripts or not marks:
        return frozenset(), lambda c: False
    for name in scripts:
        if not regex.fullmatch(r"[A-Za-z_]+", name):
            raise _data.FlagDataError(f"quotes.toml: [in_word] script {name!r} is not a script name")
    letter = regex.compile("(?V1)[[" + "".join(f"\\p{{Script={n}}}" for n in scripts) + "]&&[\\p{L}\\p{M}]]")
    return marks, functools.lru_cache(maxsize=4096)(lambda c: letter.fullmatch(c) is not None)


def conventions(lang: str) -> dict[str, frozenset[str]]:
    """mark -> the roles ('open'/'close') it has in `lang` ({} if unknown)."""
    return dict(_conventions(lang))


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def _conventions(lang: str) -> dict[str, frozenset[str]]:
    """conventions(lang), read once per language (never change it: copy)."""
    pairs = _data.load("quotes").get("pairs", {}).get(lang, [])
    roles: dict[str, set[str]] = {}
    for pair in pairs:
        if len(pair) != 2:
            raise _data.FlagDataError(f"quotes.toml: pair {pair!r} for {lang} is not two characters")
        roles.setdefault(pair[0], set()).add("open")
        roles.setdefault(pair[1], set()).add("close")
    return {k: frozenset(v) for k, v in roles.items()}


def is_wrong(mark: QuoteMark, conv: dict[str, frozenset[str]]) -> bool:
    """True when `mark` is a known mark of the language used in the other role."""
    if mark.straight or mark.how not in ("position", "spaced"):
        return False
    allowed = conv.get(mark.char)
    return bool(allowed) and mark.role not in allowed
