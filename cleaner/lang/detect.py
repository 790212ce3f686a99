"""Language identification: deterministic, on a bounded sample, cheap first.

`detect_language(text)` returns an ISO 639-1 code or 'und'. It never looks at
more than ~1500 characters: the longest prose lines of the input. When the
sample is almost entirely one non-Latin script the answer comes from the script
itself (Greek, Hebrew, Hangul, kana, Thai, ...: cleaner.lang.scripts) or from
langdetect restricted to that script's few candidates; otherwise langdetect
decides among all languages.

Latin and Cyrillic text is first put to a stopword vote (cleaner.lang.vote, one
dictionary look-up per word): when one language's stopwords clearly outnumber
every other's, that is the answer and langdetect (~3 ms a document) never runs.
Close calls (Spanish/Catalan, Czech/Slovak, Danish/Norwegian, short texts)
still go to langdetect, which runs deterministically and stops once its first
trials settle the answer (cleaner.lang.langdetect_run).
"""
from __future__ import annotations

import itertools
import re

from cleaner.lang.langdetect_run import SAMPLE_CHARS, langdetect_top
from cleaner.lang.scripts import SCRIPT_CANDIDATES, SCRIPT_LANG, dominant_script, script_counts
from cleaner.lang.vote import stopword_vote

__all__ = ["detect_language", "SAMPLE_CHARS"]

_MIN_LETTERS = 20          # below this the text is too small to say anything
_MIN_PROB = 0.5            # langdetect's best guess must reach this on the whole sample
_DOMINANT = 0.8            # share of letters that makes a script "the" script

# Letters that settle a Cyrillic text for languages langdetect has no profile for.
_CYRILLIC_MARKS = (("ђћ", "sr"), ("ў", "be"), ("әғқңөұүһ", "kk"))

# Russian among the other Cyrillic candidates (uk, bg, mk), by its letters, when
# the stopword vote is unsure (Russian and Bulgarian share many stopwords): ы and
# э are about 2% of Russian letters and absent from the others' words; ъ is about
# 2% of Bulgarian letters and rare in Russian. A few quoted Russian words in
# another language stay under the share, and any Ukrainian or Macedonian letter
# leaves the question to langdetect.
_RU_LETTERS = "ыэ"
_RU_MIN_SHARE = 0.01        # of the sample's Cyrillic letters
_RU_MIN_COUNT = 5
_RU_MAX_HARD_SIGN = 0.005   # ъ, as a share of the Cyrillic letters
_NOT_RU_LETTERS = "іїєґѓќѕљњџј"

# A line with 6 or more \w+ runs (found in one pass at most 6 runs long from
# each run start; possessive, so it never backtracks).
_PROSE = re.compile(r"(?<!\w)\w++(?:\W++\w++){5}")


def _sample(text: str, limit: int = SAMPLE_CHARS) -> str:
    """The longest prose-looking lines, up to `limit` characters, in input order.

    Prose lines have 6+ words; when there is none, any line will do. Lines are
    taken longest first (earlier first among equals) until `limit` is reached,
    so only the longest lines need the word count."""
    lines = [ln for ln in map(str.strip, text.splitlines()) if ln]
    if not lines:
        return ""
    # (-len, index) order: reverse=True keeps equal keys in input order
    order = sorted(range(len(lines)), key=list(map(len, lines)).__getitem__, reverse=True)
    prose = (i for i in order if _PROSE.search(lines[i]))
    first = next(prose, None)
    pool = order if first is None else itertools.chain((first,), prose)
    chosen: list[tuple[int, int]] = []      # (line index, characters kept)
    size = 0
    for i in pool:
        if size >= limit:
            break
        n = min(len(lines[i]), limit - size)
        chosen.append((i, n))
        size += n + 1
    return "\n".join(lines[i][:n] for i, n in sorted(chosen))


def _russian_by_letters(low: str, cyrillic: int) -> bool:
    """Whether the lower-cased sample's letters settle Russian (see _RU_LETTERS)."""
    if cyrillic <= 0 or any(ch in low for ch in _NOT_RU_LETTERS):
        return False
    marks = sum(map(low.count, _RU_LETTERS))
    return (marks >= max(_RU_MIN_COUNT, _RU_MIN_SHARE * cyrillic)
            and low.count("ъ") <= _RU_MAX_HARD_SIGN * cyrillic)


def detect_language(text: str) -> str:
    """ISO 639-1 code of `text`'s language, or 'und' when it cannot be told."""
    try:
        return _detect(text)
    except Exception:
        return "und"


def _detect(text: str) -> str:
    if not text:
        return "und"
    sample = _sample(text)
    counts = script_counts(sample)
    if sum(counts.values()) < _MIN_LETTERS:
        return "und"
    script, share = dominant_script(counts)
    if script != "latin" and share >= _DOMINANT:
        if script == "kana":
            return "ja"
        if script == "han":
            return "zh"
        if script in SCRIPT_LANG:
            return SCRIPT_LANG[script]
        if script == "cyrillic":
            low = sample.lower()
            for letters, code in _CYRILLIC_MARKS:
                if any(ch in low for ch in letters):
                    return code
            voted = stopword_vote(sample, script)
            if voted:
                return voted
            if _russian_by_letters(low, counts.get("cyrillic", 0)):
                return "ru"
        if script in SCRIPT_CANDIDATES:
            return langdetect_top(sample, SCRIPT_CANDIDATES[script])
    if script in ("latin", "cyrillic"):
        voted = stopword_vote(sample, script)
        if voted:
            return voted
    return langdetect_top(sample, None, _MIN_PROB)
