"""mojibake: UTF-8 text decoded as cp1252/latin-1 (â€™ â€œ Ã© Ã¼ Â  ï»¿), U+FFFD, and
through the other code pages of rules/flags/mojibake.toml (cp1251 вЂ”, mac_roman ‚Äî).

Each run of consecutive mojibake units is one flag. A unit is a lead character
(Â..ß, à..ï, ð..ô) followed by as many "continuation" characters (what UTF-8
continuation bytes 0x80-0xBF look like in cp1252/latin-1) as its byte would need.
The second character's class decides how sure we are: a symbol (© ¼ ¶ € ™ ...)
after a lead is never correct text; a quote or dash after a word-final capital
can be (Portuguese AMANHÔ, German Fuß“), so those need more evidence.
See rules/flags/mojibake.toml.
"""
from __future__ import annotations

import functools
import re

from cleaner.flags import _data, _util
from cleaner.flags._util import make_flag
from cleaner.report import Flag
from cleaner.lang import CACHED_LANGUAGES

RULE = "flag.mojibake"
KIND = "mojibake"
DESCRIPTION = ("UTF-8 text decoded as cp1252/latin-1 (â€™, Ã©, Â followed by NBSP, ï»¿), as cp1251 "
               "(вЂ”, cafГ©) or mac_roman (‚Äî, caf√©), and the replacement character U+FFFD.")


def _cont_chars() -> frozenset[str]:
    out = set()
    for b in range(0x80, 0xC0):
        try:
            out.add(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            pass
        out.add(bytes([b]).decode("latin-1"))
    return frozenset(out)


CONT = _cont_chars()
# Code point ranges only, so the stdlib `re` finds them as the `regex` module would.
_CAND = re.compile("[\u00c2-\u00f4\ufffd\u0080-\u009f]")


@functools.lru_cache(maxsize=None)
def _classes() -> tuple[frozenset[str], frozenset[str]]:
    c = _data.load("mojibake").get("classes", {})
    weak = frozenset(c.get("weak", ""))
    very = c.get("very_weak", [])
    very_weak = frozenset("".join(very) if isinstance(very, list) else very)
    return weak, very_weak


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def _exceptions(lang: str) -> frozenset[str]:
    return frozenset(_data.load("mojibake").get("exceptions", {}).get(lang, []))


def _need(lead: str) -> int:
    cp = ord(lead)
    if 0xC2 <= cp <= 0xDF:
        return 1
    if 0xE0 <= cp <= 0xEF:
        return 2
    if 0xF0 <= cp <= 0xF4:
        return 3
    return 0


def _lower(c: str | None) -> bool:
    return c is not None and c.islower()


def units(raw: str, lang: str = "und") -> list[tuple[int, int, bool]]:
    """(start, end, strong) for every candidate mojibake unit in raw, in order."""
    weak, very_weak = _classes()
    exc = _exceptions(lang)
    if raw.isascii() or not _CAND.search(raw):
        return []           # every unit starts with one of _CAND's characters
    out: list[tuple[int, int, bool]] = []
    n = len(raw)
    pos = 0
    for m in _CAND.finditer(raw):
        i = m.start()
        if i < pos:
            continue
        c = raw[i]
        if c == "\ufffd" or "\u0080" <= c <= "\u009f":
            j = i + 1
            while j < n and raw[j] == c:
                j += 1
            out.append((i, j, True))
            pos = j
            continue
        k = _need(c)
        conts = raw[i + 1:i + 1 + k]
        prev = raw[i - 1] if i > 0 else None
        if len(conts) == k and all(x in CONT for x in conts):
            j = i + 1 + k
            nxt = raw[j] if j < n else None
            if raw[i:j] in exc:
                continue
            if c == "\u00c2":
                strong = True
            elif all(x in very_weak for x in conts):
                strong = c == "\u00c3" and _lower(prev)
            elif all(x in weak or x in very_weak for x in conts):
                strong = (c.isupper() and _lower(prev)) or _lower(nxt)
            else:
                strong = True
            out.append((i, j, strong))
            pos = j
        elif c == "\u00e2" and raw[i + 1:i + 2] == "\u20ac":
            out.append((i, i + 2, True))      # â€ whose third byte was lost
            pos = i + 2
        elif c in "\u00c2\u00c3" and raw[i + 1:i + 2] == " ":
            # Â / Ã before a space that was an NBSP (0xA0) before someone "fixed" it
            if (c == "\u00c2" and not (prev is not None and prev.isupper())) or (c == "\u00c3" and _lower(prev)):
                out.append((i, i + 1, True))
                pos = i + 1
    return out


def runs(raw: str, lang: str = "und") -> list[tuple[int, int]]:
    """(start, end) of every mojibake run in raw (consecutive units, one of them strong)."""
    out: list[list] = []
    for s, e, strong in units(raw, lang):
        if out and out[-1][1] == s:
            out[-1][1] = e
            out[-1][2] = out[-1][2] or strong
        else:
            out.append([s, e, strong])
    return [(s, e) for s, e, strong in out if strong]


# The last candidates() answer: the quote scanner and detect() ask about the
# same paragraphs, one after the other. (raws, result); replaced whole, so thread-safe.
_last: tuple = ((), [])


def candidates(raws: list[str]) -> list[int]:
    """Indices, ascending, of the strings in which units() may find something
    (a _CAND character). Read the result, never change it."""
    global _last
    key = tuple(raws)
    last_key, last_out = _last
    if last_key == key:
        return last_out
    out = _util.hit_paragraphs(_CAND, raws)
    _last = (key, out)
    return out


# A run of non-ASCII characters: what UTF-8 read through another code page becomes.
_NON_ASCII_RUN = re.compile("[^\x00-\x7f]{2,}")
_TYPOGRAPHIC = frozenset("\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u20ac\u2122\u2022\u00a0\u00ab\u00bb")


@functools.lru_cache(maxsize=None)
def _codepages() -> tuple[str, ...]:
    return tuple(_data.load("mojibake").get("codepages", {}).get("other", ()))


@functools.lru_cache(maxsize=None)
def _plausible_ranges() -> tuple[tuple[int, int], ...]:
    spans = _data.load("mojibake").get("codepages", {}).get("plausible", ())
    return tuple((int(a, 16), int(b, 16)) for a, b in (span.split("-") for span in spans))


def _plausible(text: str) -> bool:
    """Every character is one that real text is made of (the ranges in the data):
    what a repaired run gives, unlike a stray Armenian or CJK character."""
    ranges = _plausible_ranges()
    return all(any(a <= ord(c) <= b for a, b in ranges) for c in text)


def codepage_runs(raw: str) -> list[tuple[int, int, str]]:
    """(start, end, code page) of runs that are UTF-8 read through another code page
    (rules/flags/mojibake.toml [codepages]): the whole run, encoded back, is valid
    UTF-8 of fewer characters. Legit text almost never is (a Cyrillic or accented word
    re-encoded breaks UTF-8's byte rules at once); to be sure, the run must also stand
    against an ASCII letter (inside a Latin word: cafГ©), or give typographic marks
    (вЂ” for a dash), or give two characters or more from four or more."""
    out = []
    for m in _NON_ASCII_RUN.finditer(raw):
        run = m.group()
        for cp in _codepages():
            try:
                fixed = run.encode(cp).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if len(fixed) >= len(run) or not fixed.isprintable() or not _plausible(fixed):
                continue
            s, e = m.span()
            beside_latin = (s > 0 and raw[s - 1].isascii() and raw[s - 1].isalpha()) or \
                           (e < len(raw) and raw[e].isascii() and raw[e].isalpha())
            if beside_latin or _TYPOGRAPHIC.intersection(fixed) or (len(fixed) >= 2 and len(run) >= 4):
                out.append((s, e, cp))
                break
    return out


def detect(paragraphs, lang: str) -> list[Flag]:
    flags: list[Flag] = []
    seen: set[int] = set()
    for i in candidates([p.raw for p in paragraphs]):
        p = paragraphs[i]
        seen.add(i)
        for s, e in runs(p.raw, lang):
            flags.append(make_flag(p, s, e, KIND, RULE,
                                   f"looks like UTF-8 read as cp1252/latin-1: {p.raw[s:e]!r}"))
    if _codepages():
        for i, p in enumerate(paragraphs):
            if p.raw.isascii():
                continue
            taken = [(f.start, f.end) for f in flags] if i in seen else []
            for s, e, cp in codepage_runs(p.raw):
                flag = make_flag(p, s, e, KIND, RULE, f"looks like UTF-8 read as {cp}: {p.raw[s:e]!r}")
                if not any(a < flag.end and flag.start < b for a, b in taken):
                    flags.append(flag)
    flags.sort(key=lambda f: (f.start, f.end))
    return flags
