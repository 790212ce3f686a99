"""Unicode scripts: which script a letter is in, how many letters of each a text
has, and which script dominates it.

The names are fine ones ('latin', 'cyrillic', 'han', 'kana', 'devanagari', ...,
the blocks in _RANGES); `script_of` reports the coarse ones (cjk for han, kana
and hangul). Language id (cleaner.lang.detect) and the flags (foreign-language,
fragment) count letters with these. A script that by itself names a language,
or narrows it to a few, is listed here too (SCRIPT_LANG, SCRIPT_CANDIDATES).
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

__all__ = ["fine_script", "letter_script", "script_counts", "dominant_script", "script_of",
           "SCRIPT_LANG", "SCRIPT_CANDIDATES"]

# (first code point, last code point, fine script name); sorted, non-overlapping.
_RANGES: list[tuple[int, int, str]] = sorted([
    (0x0041, 0x005A, "latin"), (0x0061, 0x007A, "latin"), (0x00AA, 0x00AA, "latin"),
    (0x00BA, 0x00BA, "latin"), (0x00C0, 0x00D6, "latin"), (0x00D8, 0x00F6, "latin"),
    (0x00F8, 0x024F, "latin"), (0x0250, 0x02AF, "latin"), (0x1E00, 0x1EFF, "latin"),
    (0x2C60, 0x2C7F, "latin"), (0xA720, 0xA7FF, "latin"), (0xFF21, 0xFF3A, "latin"),
    (0xFF41, 0xFF5A, "latin"),
    (0x0370, 0x03FF, "greek"), (0x1F00, 0x1FFF, "greek"),
    (0x0400, 0x052F, "cyrillic"), (0x1C80, 0x1C8F, "cyrillic"), (0x2DE0, 0x2DFF, "cyrillic"),
    (0xA640, 0xA69F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"), (0xFB1D, 0xFB4F, "hebrew"),
    (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"), (0x08A0, 0x08FF, "arabic"),
    (0xFB50, 0xFDFF, "arabic"), (0xFE70, 0xFEFF, "arabic"),
    (0x0700, 0x074F, "syriac"), (0x0780, 0x07BF, "thaana"),
    (0x0900, 0x097F, "devanagari"), (0x0980, 0x09FF, "bengali"), (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0A80, 0x0AFF, "gujarati"), (0x0B00, 0x0B7F, "oriya"), (0x0B80, 0x0BFF, "tamil"),
    (0x0C00, 0x0C7F, "telugu"), (0x0C80, 0x0CFF, "kannada"), (0x0D00, 0x0D7F, "malayalam"),
    (0x0D80, 0x0DFF, "sinhala"), (0x0E00, 0x0E7F, "thai"), (0x0E80, 0x0EFF, "lao"),
    (0x0F00, 0x0FFF, "tibetan"), (0x1000, 0x109F, "myanmar"), (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, "hangul"), (0x1200, 0x139F, "ethiopic"), (0x1780, 0x17FF, "khmer"),
    (0x3040, 0x30FF, "kana"), (0x3130, 0x318F, "hangul"), (0x31F0, 0x31FF, "kana"),
    (0x3400, 0x4DBF, "han"), (0x4E00, 0x9FFF, "han"), (0xA960, 0xA97F, "hangul"),
    (0xAC00, 0xD7AF, "hangul"), (0xD7B0, 0xD7FF, "hangul"), (0xF900, 0xFAFF, "han"),
    (0xFF66, 0xFF9F, "kana"), (0x20000, 0x2FA1F, "han"),
])
_STARTS = [r[0] for r in _RANGES]

# Fine script -> the coarse name `script_of` reports.
_COARSE = {"latin": "latin", "cyrillic": "cyrillic", "greek": "greek", "arabic": "arabic",
           "hebrew": "hebrew", "han": "cjk", "kana": "cjk", "hangul": "cjk"}

# A script that by itself names the language.
SCRIPT_LANG = {"greek": "el", "hebrew": "he", "hangul": "ko", "thai": "th", "georgian": "ka",
               "armenian": "hy", "bengali": "bn", "gujarati": "gu", "gurmukhi": "pa",
               "tamil": "ta", "telugu": "te", "kannada": "kn", "malayalam": "ml",
               "sinhala": "si", "oriya": "or", "lao": "lo", "khmer": "km", "myanmar": "my",
               "tibetan": "bo", "ethiopic": "am", "thaana": "dv", "syriac": "syr"}

# A script shared by a few languages: langdetect decides, restricted to these.
SCRIPT_CANDIDATES = {"cyrillic": ("ru", "uk", "bg", "mk"), "arabic": ("ar", "fa", "ur"),
                     "devanagari": ("hi", "mr", "ne")}


def fine_script(ch: str) -> str | None:
    """The script of one character (None for non-letters and unknown blocks)."""
    cp = ord(ch)
    i = bisect.bisect_right(_STARTS, cp) - 1
    if i >= 0:
        lo, hi, name = _RANGES[i]
        if cp <= hi:
            return name
    return None


_ASCII_LETTER_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@functools.lru_cache(maxsize=4096)
def letter_script(ch: str) -> str | None:
    """The fine script of one letter ('other' for an unknown block), None for a non-letter."""
    if not ch.isalpha():
        return None
    return fine_script(ch) or "other"


def script_counts(text: str) -> dict[str, int]:
    """Letters per fine script name.

    ASCII letters are counted with one bytes.translate() and the rest by
    distinct character (Counter runs in C), so the cost stays near a few passes
    over the text whatever its script.
    """
    counts: dict[str, int] = {}
    ascii_only = text.isascii()
    # UTF-8 bytes of A-Za-z are those letters and nothing else.
    data = text.encode("ascii") if ascii_only else text.encode("utf-8", "surrogatepass")
    ascii_letters = len(data) - len(data.translate(None, _ASCII_LETTER_BYTES))
    if ascii_letters:
        counts["latin"] = ascii_letters
    if ascii_only:
        return counts
    for ch, n in Counter("".join(_NON_ASCII.findall(text))).items():
        name = letter_script(ch)
        if name is not None:
            counts[name] = counts.get(name, 0) + n
    return counts


def dominant_script(counts: dict[str, int]) -> tuple[str, float]:
    """The script with most letters in `script_counts` output (kana and kanji
    count as one), and its share; ('none', 0.0) for no letters."""
    total = sum(counts.values())
    if not total:
        return "none", 0.0
    cjk = counts.get("han", 0) + counts.get("kana", 0)
    merged = dict(counts)
    if cjk and counts.get("kana", 0):
        # Japanese mixes kana and kanji: one script for dominance purposes.
        merged.pop("han", None)
        merged["kana"] = cjk
    name = max(sorted(merged), key=lambda k: merged[k])
    return name, merged[name] / total


def script_of(text: str) -> str:
    """The dominant script of `text`'s letters.

    One of latin, cyrillic, greek, arabic, hebrew, cjk, other ('other' also when
    there are no letters at all).
    """
    counts = script_counts(text)
    if not counts:
        return "other"
    coarse: dict[str, int] = {}
    for k, v in counts.items():
        c = _COARSE.get(k, "other")
        coarse[c] = coarse.get(c, 0) + v
    return max(sorted(coarse), key=lambda k: coarse[k])
