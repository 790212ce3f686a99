"""offtopic.contrast: a last paragraph or three that belongs to another article.

offtopic.cohesion asks a tail to share almost nothing with the article, but two
real news texts always share common words, and it judges only after a section
break. Here the last 1-3 paragraphs are judged at any boundary, by weighing the
evidence of each of their words.

Where the language has a word-frequency list (cleaner/data/wordfreq/, built from
the wordfreq package by tools/build_wordfreq.py), each distinct content word
(stopwords out, 6-letter stems) of the tail is a piece of evidence:

* shared with the article above: log(q / p0), where p0 is the chance that an
  article of that many words uses a word that common by chance (1 - exp(-n f)
  for the word's frequency f in general text) and q that of a word of the same
  topic. Sharing "Kharkiv" weighs much more than sharing "government";
* not shared: log((1 - q) / (1 - p0)), a small step towards "another article".

Two signs of pasted text count too: the tail switches typography (straight to
curly apostrophes or quotes, or back) and the tail quotes a person by a lone
surname that the article never introduced ("Volker said"; news introduces a
person by the full name first). The sum is a log-likelihood ratio: under
`remove_below` the tail is removed, under `flag_below` it is flagged
suspected_offtopic and kept; a tail that is mostly capitalised words (a list of
names, credits) is never judged. The block grows upward (1 to 3 paragraphs) to
the strongest evidence, but a paragraph on top of it is removed with it only if
it adds at least `paragraph_evidence` or shares more with the block below than
with the article above; otherwise it is only flagged.

Without a frequency list (other languages) only the old, weaker test runs and it
never removes: the share of the tail's content words already used above it,
under `ratio` times the lowest such share among the article's own paragraphs,
flags the tail. Limits: rules/mechanisms/offtopic.toml.
"""
from __future__ import annotations

import functools
import math
from importlib import resources
from typing import NamedTuple

import regex

from cleaner.context import Doc, Mark
from cleaner.lang import CACHED_LANGUAGES
from cleaner.mechanisms.cohesion import content_words
from cleaner.mechanisms.registry import Mechanism
from cleaner.paths import load_data
from cleaner.report import Flag
from cleaner.text.segment import Line
from cleaner.lang.stopwords import stopwords

RULE_ID = "offtopic.contrast"
MECHANISMS = [Mechanism(RULE_ID, "offtopic",
                        "Removes, or when less sure flags suspected_offtopic, the last 1-3 paragraphs when their "
                        "words, weighed by rarity, belong to another article (rules/mechanisms/offtopic.toml)")]
_WORD = regex.compile(r"\p{L}+")
_TOKEN = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")
_CURLY_APOSTROPHE = regex.compile(r"\p{Ll}’\p{Ll}")
_STRAIGHT_APOSTROPHE = regex.compile(r"\p{Ll}'\p{Ll}")
_NAME = r"\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?"


@functools.lru_cache(maxsize=1)
def limits() -> dict:
    return load_data("mechanisms", "offtopic")["contrast"]


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def frequencies(lang: str) -> dict[str, float] | None:
    """Zipf frequency (log10 of uses per billion words) of the language's common
    words, from cleaner/data/wordfreq/<lang>.tsv; None without a list."""
    try:
        text = resources.files("cleaner.data").joinpath("wordfreq", f"{lang}.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError, ValueError):
        return None
    out = {}
    for row in text.splitlines():
        word, _, zipf = row.partition("\t")
        out[word] = float(zipf)
    return out


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def stem_frequencies(lang: str, stem: int) -> dict[str, float] | None:
    """Per stem (a word's first `stem` letters), the summed frequency per word of
    all its forms in the list: how likely a text uses the stem in any form."""
    freq = frequencies(lang)
    if freq is None:
        return None
    out: dict[str, float] = {}
    for word, zipf in freq.items():
        if len(word) >= 3 and "'" not in word:
            s = word[:stem]
            out[s] = out.get(s, 0.0) + 10.0 ** (zipf - 9)
    return out


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def _attribution(lang: str) -> tuple[regex.Pattern, regex.Pattern] | None:
    """("Volker said", "said Volker") for the language's verbs of saying; None without them."""
    verbs = limits().get("attribution", {}).get(lang)
    if not verbs:
        return None
    verb = "(?:" + "|".join(regex.escape(v) for v in verbs) + ")"
    return (regex.compile(rf"({_NAME})(?:,[^,.\n]{{1,60}},)? {verb}\b"),
            regex.compile(rf"\b{verb} ({_NAME})\b(?![.\p{{L}}]| \p{{Lu}})"))


def _capitalised(lines: list[Line]) -> float:
    """Share of words that start upper-case: a list of names (thanks, credits) is
    new vocabulary without being another article."""
    words = [w for l in lines for w in _WORD.findall(l.text)]
    return sum(w[0].isupper() for w in words) / len(words) if words else 1.0


def _stems(text: str, stop: frozenset[str], stem: int) -> set[str]:
    """The distinct stems of a paragraph's content words."""
    return {tok[:stem] for tok in _TOKEN.findall(text.lower())
            if len(tok) >= 3 and tok not in stop and "'" not in tok and "’" not in tok}


def _llr(tail: set[str], article: set[str], n: int, freq: dict[str, float], rare: float, q: float) -> float:
    """Evidence that the tail is on the article's topic (> 0) or not (< 0)."""
    total = 0.0
    for s in tail:
        p0 = -math.expm1(-n * freq.get(s, rare))
        on = max(p0, q)
        if s in article:
            total += math.log(on / p0)
        elif p0 < 1.0:
            total += math.log((1 - on) / (1 - p0))
    return total


def _shared(words: set[str], other: set[str], n: int, freq: dict[str, float], rare: float, q: float) -> float:
    """The on-topic evidence alone: the sum of log(q / p0) over the words shared with `other`."""
    total = 0.0
    for s in words & other:
        p0 = -math.expm1(-n * freq.get(s, rare))
        total += math.log(max(p0, q) / p0)
    return total


def _belongs_to_tail(words: dict[int, set[str]], above: set[str], m: int, end: int, kept: list[Line],
                     freq: dict[str, float], rare: float) -> bool:
    """Paragraph m, on top of the tail m+1..end, shares at least as much with the tail
    below as with the article above (`above`: the stems of paragraphs 0..m-1): it
    belongs more to the tail than to the article. (A climate article's last paragraph
    on ocean CO2 shares few words with the rest, and none with another article's tail
    glued under it.)"""
    q = limits()["topic_share"]
    below = set().union(*(words[i] for i in range(m + 1, end)))
    return (_shared(words[m], below, sum(l.words for l in kept[m + 1:end]), freq, rare, q)
            >= _shared(words[m], above, sum(l.words for l in kept[:m]), freq, rare, q))


def _typography_switch(above: str, tail: str) -> bool:
    """The article writes apostrophes or quotes one way and the tail the other."""
    def counts(t):
        return (len(_CURLY_APOSTROPHE.findall(t)), len(_STRAIGHT_APOSTROPHE.findall(t)),
                t.count("“") + t.count("”"), t.count('"'))
    ca, sa, cq, sq = counts(above)
    ct, st, cqt, sqt = counts(tail)
    return ((ca >= 2 and not sa and st and not ct) or (sa >= 2 and not ca and ct and not st)
            or (cq >= 2 and not sq and sqt >= 2 and not cqt) or (sq >= 2 and not cq and cqt >= 2 and not sqt))


def _unintroduced_name(above: str, tail: str, lang: str, freq: dict[str, float], max_zipf: float) -> str:
    """A lone surname the tail quotes ("Volker said") that the article never used
    and the tail does not introduce with a first name; '' if none."""
    pats = _attribution(lang)
    if pats is None:
        return ""
    for pat in pats:
        for m in pat.finditer(tail):
            name = m.group(1)
            if name in above or freq.get(name.lower(), 0.0) >= max_zipf:
                continue
            if regex.search(rf"\p{{Lu}}[\p{{L}}.]*\s+{regex.escape(name)}\b", tail):
                continue                                  # "James Kennedy ... Kennedy said"
            if pat is pats[0] and regex.search(r"\p{Lu}[\p{L}.]*\s$", tail[max(0, m.start(1) - 30):m.start(1)]):
                continue                                  # "John Volker said": introduced here
            return name
    return ""


class Judgement(NamedTuple):
    tail: list[Line]        # the trailing block judged, [] if none
    score: float | None     # its evidence; None without a frequency list (the ratio test's tail: flag only)
    sure: int               # how many of its last paragraphs may be removed


def judge(lines: list[Line], marks: dict, title_idx: int | None, lang: str) -> Judgement:
    """The trailing block (1-3 paragraphs, a short last line such as a byline left
    out) with the strongest evidence of another article, and that evidence (a
    log-likelihood ratio, < 0: off-topic). A paragraph on top of the block that
    adds no evidence and shares more with the article above than with the block
    below may be the article's own (a climate article's last paragraph on ocean
    CO2 above a glued sports tail): it is flagged, never removed."""
    lim = limits()
    kept = [l for l in lines if not l.blank and l.index not in marks and l.index != title_idx]
    end = len(kept)
    if end and kept[-1].words < lim["min_paragraph_words"]:
        end -= 1                      # a final byline or share line
    if end < lim["min_body_paragraphs"] + 1:
        return Judgement([], None, 0)  # (the ratio test needs as many; the list is not even loaded)
    freq = frequencies(lang)
    if freq is None:
        return Judgement(_ratio_tail(lines, marks, title_idx, lang), None, 0)
    stop = stopwords(lang)
    stem = int(lim["stem"])
    per_stem, rare = stem_frequencies(lang, stem), 10.0 ** (lim["rare_zipf"] - 9)
    # Only the last paragraphs can be the tail: the stems of those are kept one set each,
    # the article above them as one union (a set per paragraph of a big document was
    # most of this check's memory).
    max_tail = int(lim["max_tail_paragraphs"])
    head_end = max(0, end - max_tail - 1)
    head: set[str] = set()
    for l in kept[:head_end]:
        head |= _stems(l.text, stop, stem)
    words = {i: _stems(kept[i].text, stop, stem) for i in range(head_end, end)}
    title = _stems(lines[title_idx].text, stop, stem) if title_idx is not None else set()
    best: tuple[float, int] | None = None
    last, sure = None, 0
    for k in range(1, max_tail + 1):
        m = end - k                   # the article: paragraphs [0, m)
        if m < lim["min_body_paragraphs"] or len(words[m]) < lim["min_tail_paragraph_stems"]:
            break
        tail_lines = kept[m:end]
        if _capitalised(tail_lines) > lim["max_capitalised"]:
            continue
        tail = set().union(*(words[i] for i in range(m, end)))
        if len(tail) < lim["min_tail_stems"]:
            continue
        above = head.union(*(words[i] for i in range(head_end, m)))
        score = _evidence(kept[:m], tail_lines, title | above, tail, lang, freq, per_stem, rare)
        if sure == k - 1 and (last is None or score - last < -lim["paragraph_evidence"]
                              or _belongs_to_tail(words, above, m, end, kept, per_stem, rare)):
            sure = k                  # paragraph m adds evidence, or shares more with the tail than with the article
        last = score
        if best is None or score < best[0]:
            best = (score, k)
    if best is None:
        return Judgement([], None, 0)
    return Judgement(kept[end - best[1]:end], best[0], min(sure, best[1]))


def _evidence(article_lines: list[Line], tail_lines: list[Line], article: set[str], tail: set[str],
              lang: str, freq: dict[str, float], per_stem: dict[str, float], rare: float) -> float:
    """The log-likelihood ratio that the tail is on the article's topic (< 0: another article's)."""
    lim = limits()
    score = _llr(tail, article, sum(l.words for l in article_lines), per_stem, rare, lim["topic_share"])
    above = "\n".join(l.text for l in article_lines)
    text = "\n".join(l.text for l in tail_lines)
    if _typography_switch(above, text):
        score -= lim["typography_switch"]
    if _unintroduced_name(above, text, lang, freq, lim["name_max_zipf"]):
        score -= lim["unintroduced_name"]
    return score


def evidence(article_lines: list[Line], tail_lines: list[Line], title: Line | None, lang: str) -> float | None:
    """_evidence for a given split (offtopic.cohesion asks it too); None without a frequency list."""
    freq = frequencies(lang)
    if freq is None:
        return None
    lim = limits()
    stem, stop = int(lim["stem"]), stopwords(lang)
    article = set().union(*(_stems(l.text, stop, stem) for l in article_lines))
    if title is not None:
        article |= _stems(title.text, stop, stem)
    tail = set().union(*(_stems(l.text, stop, stem) for l in tail_lines))
    return _evidence(article_lines, tail_lines, article, tail, lang, freq,
                     stem_frequencies(lang, stem), 10.0 ** (lim["rare_zipf"] - 9))


def confirms_cohesion(lines: list[Line], marks: dict, title_idx: int | None, lang: str, tail: list[int]) -> bool:
    """offtopic.cohesion's tail is removed only if, where the language has a
    word-frequency list, this evidence agrees: the tail's words, weighed by rarity,
    are another article's, the section break itself counting as `section_break` of
    evidence (a log-likelihood ratio, rules/mechanisms/offtopic.toml). Plain overlap alone removed the article's
    own last section in 2 of aeb's 153 own-section controls of benchmarks/offtopic.py;
    seed 000's climate rant has evidence -10.7. Without a list: overlap alone, as before."""
    first = tail[0]
    article = [l for l in lines if not l.blank and l.index < first and l.index not in marks and l.index != title_idx]
    block = [lines[i] for i in tail]
    score = evidence(article, block, lines[title_idx] if title_idx is not None else None, lang)
    lim = limits()
    return score is None or score - lim["section_break"] < lim["remove_below"]


def _ratio_tail(lines: list[Line], marks: dict, title_idx: int | None, lang: str) -> list[Line]:
    """The kept lines of the longest trailing block (1..max_tail_paragraphs prose
    paragraphs, a short last line such as a byline left out) that reuses under
    `ratio` times what the least cohesive article paragraph reuses; [] if none."""
    lim = limits()
    kept = [l for l in lines if not l.blank and l.index not in marks and l.index != title_idx]
    end = len(kept)
    if end and kept[-1].words < lim["min_paragraph_words"]:
        end -= 1                      # a final byline or share line
    stop = stopwords(lang)
    if not stop or end < lim["min_body_paragraphs"] + 1:
        return []
    words = [content_words(l.low, stop) for l in kept[:end]]     # (low is the line lower-cased)
    title = set(content_words(lines[title_idx].low, stop)) if title_idx is not None else set()
    first = _first_paragraph(words)
    own = _own_reuse(words, title, lim["min_paragraph_words"])
    best = 0
    for k in range(1, int(lim["max_tail_paragraphs"]) + 1):
        m = end - k                   # the article: paragraphs [0, m)
        if m < lim["min_body_paragraphs"] or any(len(ws) < lim["min_paragraph_words"] // 2 for ws in words[m:end]):
            break
        flat = [w for ws in words[m:end] for w in ws]
        if len(flat) < lim["min_tail_words"]:
            continue
        reuse = sum(w in title or first[w] < m for w in flat) / len(flat)
        body_own = [r for i, r in own if i < m]
        if len(body_own) >= lim["min_body_scores"] and reuse < lim["ratio"] * min(body_own):
            best = k
    if not best or _capitalised(kept[end - best:end]) > lim["max_capitalised"]:
        return []
    return kept[end - best:end]


def _first_paragraph(words: list[list[str]]) -> dict[str, int]:
    """Each word's first paragraph: a word is used above paragraph m when it is < m.
    (Filled from the last paragraph up, one dict.update in C each: the first wins.)"""
    first: dict[str, int] = {}
    for i in range(len(words) - 1, -1, -1):
        first.update(dict.fromkeys(words[i], i))
    return first


def _own_reuse(words: list[list[str]], title: set[str], min_words: int) -> list[tuple[int, float]]:
    """(i, share) for each paragraph i after the first (of min_words+ content words):
    the share of its words used in the title or a paragraph above it. The same for
    every article length, so it is computed once. (Counted in C: the words not
    reused are those of the set of paragraph i's words minus all above and the title.)"""
    out = []
    above: set[str] = set()
    for i, ws in enumerate(words):
        if i and len(ws) >= min_words:
            new = set(ws).difference(above, title)
            out.append((i, (len(ws) - sum(map(new.__contains__, ws))) / len(ws)))
        above.update(ws)
    return out


def mark(doc: Doc, marks: dict[int, Mark]) -> None:
    """Remove a tail whose evidence is under remove_below (languages with a frequency list only)."""
    j = judge(doc.lines, marks, doc.title_idx, doc.lang)
    if j.score is not None and j.sure and j.score < limits()["remove_below"]:
        for l in j.tail[len(j.tail) - j.sure:]:
            marks[l.index] = Mark("offtopic", RULE_ID, certain=False)


def flag(raw: str, lines: list[Line], marks: dict, title_idx: int | None, lang: str) -> list[Flag]:
    """Flag the judged tail under flag_below, less what mark() removed of it."""
    mine = {i for i, m in marks.items() if m.rule == RULE_ID}
    j = judge(lines, {i: m for i, m in marks.items() if i not in mine} if mine else marks, title_idx, lang)
    tail = [l for l in j.tail if l.index not in mine]
    if not tail or (j.score is not None and j.score >= limits()["flag_below"]):
        return []
    first, last = tail[0], tail[-1]
    why = ("reuse far fewer of the article's words than its own paragraphs do" if j.score is None else
           f"share too few of the article's rarer words (evidence {j.score:.1f})")
    return [Flag(first.start, last.end, "suspected_offtopic", RULE_ID,
                 f"the last {len(tail)} paragraph(s) {why}: perhaps another article's", raw[first.start:last.end])]
