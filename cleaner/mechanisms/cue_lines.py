"""<category>.cue_line: a short line made mostly of one category's cue words.

A share bar, a support appeal or a comment widget is worded a hundred ways
("Spread the word: WhatsApp | Telegram", "Apoya nuestro trabajo", "View 48
comments"), but its words come from a small vocabulary. A line is that
category's boilerplate when it is short (two content words at least), is neither
a list item nor a full-stop sentence, holds a strong cue of the category (or only
weak ones, at least three, and nothing else), and nearly all of its content words
are cues (function words and numbers count for nothing either way). So "The
charity asked members to support the appeal" stays: most of its words are not cues.

The cues are data, one file per language (rules/cues/<lang>.toml, one table per
category, with `strong` and `weak` words and `neutral` function words); a word
ending in `*` is a prefix, for inflected languages. `_all.toml` holds what is the
same in every language (social-network names); English cues are tried on a line
the document's language does not claim. In scripts written without spaces
(Japanese, Chinese, Thai) each cue found is a word and the rest is measured in
characters.

A support appeal or newsletter promo of two or three sentences goes as well when
its cues of that category are dense (judge_appeal). A `related` cue line is a
heading ("Most read", "Lesen Sie auch"): the list of headlines under it goes with
it, as under a pack rule's heading.
"""
from __future__ import annotations

import functools
import os
import unicodedata
from dataclasses import dataclass

import regex

from cleaner.context import Doc, Mark
from cleaner.lang import CACHED_LANGUAGES
from cleaner.mechanisms.regions import list_region
from cleaner.mechanisms.registry import Mechanism
from cleaner.paths import DataFileError, builtin_rules_dir, load_data
from cleaner.text.segment import Line
from cleaner.text.shapes import BULLET_MARKER

FOLDER = "cues"
CATEGORIES = ("navigation", "donation", "newsletter", "related", "credit", "site")
RULE_IDS = {c: f"{c}.cue_line" for c in CATEGORIES}
APPEAL_CATEGORIES = ("donation", "newsletter")     # judged on whole sentences too (judge_appeal)
_WHAT = {
    "navigation": "a share bar, comment widget or page tool",
    "donation": "a support or membership appeal",
    "newsletter": "a newsletter, subscription or consent prompt",
    "related": "a 'read also' or 'most read' heading",
    "credit": "a photo or video credit label",
    "site": "a copyright or legal notice",
}
MECHANISMS = [Mechanism(RULE_IDS[c], c,
                        f"A short non-sentence line made mostly of {c} cue words ({_WHAT[c]}), "
                        f"in any word order (cue lexicons in rules/cues/<lang>.toml)")
              for c in CATEGORIES]

_MAX_MEMO = 1 << 15          # words remembered per lexicon
_SPACELESS_CHARS = r"\p{Han}\p{Hiragana}\p{Katakana}ー\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
_SPACELESS = regex.compile(f"[{_SPACELESS_CHARS}]")
# A run of a script written without spaces, or a word of any other script: a Latin
# word inside Chinese text ("订阅Newsletter") is a word of its own. Apostrophes,
# hyphens and Hebrew geresh/gershayim join a word's parts (e-mail, aujourd'hui, דוא"ל).
_WORD = regex.compile(f"[{_SPACELESS_CHARS}\\p{{M}}]+|(?:(?![{_SPACELESS_CHARS}])[^\\W\\d_])+"
                      f"(?:['’\\-\"״׳](?:(?![{_SPACELESS_CHARS}])[^\\W\\d_])+)*")
_SOUTHEAST_ASIAN = regex.compile(r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_MARKS = regex.compile(r"\p{M}")
_FULL_STOPS = (".", "。", "।", "။")


@dataclass(frozen=True)
class Limits:
    """[limits] of rules/cues/_all.toml: what a cue line may look like."""

    max_words: int          # whitespace words on the line
    max_content: int        # content words (not neutral)
    min_content: int        # a single word is a heading as often as a widget: it stays
    sentence_words: int     # a line of this many words ending in a full stop is a sentence
    min_share: float        # cue words / content words
    chars_per_word: float   # Chinese, Japanese: characters counted as one word
    chars_per_word_sea: float   # Thai, Lao, Khmer, Burmese: base characters (no marks) per word
    weak_only_min: int      # with no strong cue: this many weak cues of one category and nothing else
    appeal_words: tuple[int, int]   # a support appeal: a paragraph of this many words (min, max)
    appeal_min_cues: int    # with this many donation cues, one strong at least
    appeal_min_share: float # that are this share of its content words


class Lexicon:
    """One language's cues (merged with the language-independent ones)."""

    def __init__(self, tables: list[dict]):
        self.strong: dict[str, set[str]] = {c: set() for c in CATEGORIES}
        self.weak: dict[str, set[str]] = {c: set() for c in CATEGORIES}
        self.prefixes: list[tuple[str, str, bool]] = []     # (prefix, category, strong)
        self.spaceless: list[tuple[str, str, bool]] = []    # (cue, category, strong), longest first
        self.neutral: set[str] = set()
        self.spaceless_neutral: list[str] = []
        for table in tables:
            for word in table.get("neutral", {}).get("words", []):
                word = unicodedata.normalize("NFC", word.lower())
                (self.spaceless_neutral.append(word) if _SPACELESS.search(word) else self.neutral.add(word))
            for category in CATEGORIES:
                section = table.get(category, {})
                for strength in ("strong", "weak"):
                    for word in section.get(strength, []):
                        self._add(word.lower(), category, strength == "strong")
        for words in self.weak.values():
            words -= self.neutral      # a function word is never evidence on its own
        # what an appeal needs at least once (judge_appeal's cheap first test)
        self.appeal_strong = frozenset().union(*(self.strong[c] for c in APPEAL_CATEGORIES))
        self.appeal_prefixes = tuple(p for p, c, strong in self.prefixes if strong and c in APPEAL_CATEGORIES)
        self.appeal_spaceless = any(strong and c in APPEAL_CATEGORIES for _, c, strong in self.spaceless)
        self.spaceless.sort(key=lambda cue: -len(cue[0]))
        self.spaceless_neutral.sort(key=len, reverse=True)
        self._memo: dict[str, tuple[str, bool] | None] = {}

    def _add(self, word: str, category: str, strong: bool) -> None:
        word = unicodedata.normalize("NFC", word)
        if _SPACELESS.search(word):
            self.spaceless.append((word, category, strong))
        elif word.endswith("*"):
            self.prefixes.append((word[:-1], category, strong))
        else:
            (self.strong if strong else self.weak)[category].add(word)

    def lookup(self, token: str) -> tuple[str, bool] | None:
        """(category, strong) of a spaced-script word, or None (remembered per word)."""
        try:
            return self._memo[token]
        except KeyError:
            pass
        hit = self._lookup(token)
        if len(self._memo) > _MAX_MEMO:
            self._memo.clear()
        self._memo[token] = hit
        return hit

    def _lookup(self, token: str) -> tuple[str, bool] | None:
        for category in CATEGORIES:
            if token in self.strong[category]:
                return category, True
        for category in CATEGORIES:
            if token in self.weak[category]:
                return category, False
        best = None
        for prefix, category, strong in self.prefixes:
            if token.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
                best = (prefix, category, strong)
        return None if best is None else (best[1], best[2])


@functools.lru_cache(maxsize=1)
def limits() -> Limits:
    data = load_data(FOLDER, "_all").get("limits", {})
    try:
        return Limits(int(data["max_words"]), int(data["max_content"]), int(data["min_content"]),
                      int(data["sentence_words"]), float(data["min_share"]),
                      float(data["chars_per_word"]), float(data["chars_per_word_sea"]),
                      int(data["weak_only_min"]),
                      (int(data["appeal_min_words"]), int(data["appeal_max_words"])),
                      int(data["appeal_min_cues"]), float(data["appeal_min_share"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(f"rules/{FOLDER}/_all.toml [limits]: {exc}") from exc


@functools.lru_cache(maxsize=1)
def languages() -> frozenset[str]:
    """The languages with a cue file."""
    folder = builtin_rules_dir() / FOLDER
    return frozenset(name[:-5] for name in os.listdir(folder)
                     if name.endswith(".toml") and not name.startswith("_"))


@functools.lru_cache(maxsize=CACHED_LANGUAGES)
def lexicon(lang: str) -> Lexicon:
    """The document language's cues and the language-independent ones."""
    tables = [load_data(FOLDER, "_all")]
    if lang in languages():
        tables.append(load_data(FOLDER, lang))
    return Lexicon(tables)


def judge_line(line: Line, lang: str, lim: Limits) -> dict | None:
    """Judge `line` with the document language's cues; failing that with English's
    (share bars and appeals are often left in English on other-language sites), but
    only when the line holds none of the language's own function words: French
    "comment" is "how", Romanian "rate" are instalments."""
    lex = lexicon(lang)
    evidence = judge(line, lex, lim) or judge_appeal(line, lex, lim)
    if evidence is not None or lang == "en" or "en" not in languages():
        return evidence
    if lex.neutral and any(t in lex.neutral for t in words(line.low)):
        return None
    evidence = judge(line, lexicon("en"), lim) or judge_appeal(line, lexicon("en"), lim)
    if evidence is not None:
        evidence["lexicon"] = "en"
    return evidence


def _folded(low: str) -> str:
    return low if low.isascii() else unicodedata.normalize("NFC", low)


def words(low: str) -> list[str]:
    """A lower-cased line's words as the lexicons see them (NFC, punctuation off)."""
    return _WORD.findall(_folded(low))


def judge(line: Line, lex: Lexicon, lim: Limits) -> dict | None:
    """The evidence that `line` is a cue line (category, cues, share), or None."""
    if line.words > lim.max_words or BULLET_MARKER.match(line.text):
        return None     # long, or an item of a list (body lists are article text)
    if line.words >= lim.sentence_words and line.text.endswith(_FULL_STOPS):
        return None
    # at most this many content words may be other than cues (the share cannot be
    # met with more): most lines are given up on at their second ordinary word
    counted = _count(_tokens(line.low, lex), lex, lim, others_allowed=lim.max_content * (1 - lim.min_share))
    if counted is None:
        return None
    counts, cues, content = counted
    if content < lim.min_content or content > lim.max_content:
        return None
    category = max(CATEGORIES, key=lambda c: (counts[c][0], counts[c][1]))   # most cues, then most strong
    share = sum(weight for weight, _ in counts.values()) / content
    if share < lim.min_share:
        return None
    has_strong = any(strong for _, strong in counts.values())
    if not has_strong and not (share >= 1.0 and counts[category][0] >= lim.weak_only_min):
        return None     # weak cues alone name a category only on a line made of nothing else
    return {"category": category, "cues": cues, "share": round(share, 3), "content_words": round(content, 2)}


def _count(tokens, lex: Lexicon, lim: Limits, others_allowed: float = float("inf")):
    """(counts, cues, content) of a line's words: per category [cue weight, strong
    cues], the cues found, and the number of content words (function words count
    for nothing). None as soon as more than `others_allowed` content words are not
    cues."""
    counts = {c: [0.0, 0] for c in CATEGORIES}
    cues: list[str] = []
    content = 0.0
    others = 0.0
    for token in tokens:
        if _SPACELESS.search(token):
            content += _spaceless(token, lex, lim, counts, cues)
            others = content - sum(weight for weight, _ in counts.values())
        else:
            hit = lex.lookup(token)
            if hit is None:
                if token in lex.neutral:
                    continue
                content += 1
                others += 1
            else:
                category, strong = hit
                content += 1
                counts[category][0] += 1
                counts[category][1] += strong
                cues.append(token)
        if others > others_allowed:
            return None
    return counts, cues, content


def _tokens(low: str, lex: Lexicon):
    """The line's words; a hyphenated word no list knows is read as its parts
    (French "abonnez-vous", Portuguese "apoie-nos"), a known one whole ("e-mail")."""
    for token in _WORD.findall(_folded(low)):
        if "-" in token and lex.lookup(token) is None and token not in lex.neutral:
            yield from filter(None, token.split("-"))
        else:
            yield token


def judge_appeal(line: Line, lex: Lexicon, lim: Limits) -> dict | None:
    """A support appeal or a newsletter promo is often two or three sentences
    ("Independent journalism needs your support. Become a member from €4 a month."):
    too long for a cue line, but its cues are dense, where a body sentence about a
    fund drive or a subscription service has one or two among many other words."""
    low_words, high_words = lim.appeal_words
    if not low_words <= line.words <= high_words or BULLET_MARKER.match(line.text):
        return None
    tokens = list(_tokens(line.low, lex))
    if (lex.appeal_strong.isdisjoint(tokens) and not lex.appeal_spaceless
            and not (lex.appeal_prefixes and any(t.startswith(lex.appeal_prefixes) for t in tokens))):
        return None     # no strong donation or newsletter cue: most lines end here
    counts, cues, content = _count(tokens, lex, lim)
    for category in sorted(APPEAL_CATEGORIES, key=lambda c: -counts[c][0]):
        weight, strong = counts[category]
        if strong and weight >= lim.appeal_min_cues and weight >= lim.appeal_min_share * content:
            return {"category": category, "appeal": True, "cues": cues,
                    "share": round(weight / content, 3), "content_words": round(content, 2)}
    return None


def _spaceless(token: str, lex: Lexicon, lim: Limits, counts: dict, cues: list[str]) -> float:
    """Score a run of a script written without spaces in place; return its content
    size in words: each cue found is one word, and what no cue nor function word
    covers counts by its length (base characters: Thai vowel and tone marks are
    not letters of their own)."""
    covered = [False] * len(token)
    for word in lex.spaceless_neutral:
        _cover(token, word, covered)
    hits = 0
    for word, category, strong in lex.spaceless:
        n = _cover(token, word, covered)
        if n:
            counts[category][0] += n
            counts[category][1] += strong
            cues.extend([word] * n)
            hits += n
    rest = "".join(ch for ch, done in zip(token, covered) if not done)
    per_word = lim.chars_per_word_sea if _SOUTHEAST_ASIAN.search(token) else lim.chars_per_word
    return hits + len(_MARKS.sub("", rest)) / per_word


def _cover(token: str, word: str, covered: list[bool]) -> int:
    """Mark the uncovered occurrences of `word` in `token`; how many there were."""
    n = 0
    start = token.find(word)
    while start != -1:
        span = range(start, start + len(word))
        if not any(covered[k] for k in span):
            for k in span:
                covered[k] = True
            n += 1
        start = token.find(word, start + 1)
    return n


def mark(doc: Doc, marks: dict[int, Mark], on) -> None:
    """Mark every kept short line that the cues of the document's language call boilerplate."""
    lim = limits()
    longest = max(lim.max_words, lim.appeal_words[1])     # an appeal may be longer than a cue line
    for line in doc.lines:
        if line.blank or line.index in marks or line.index == doc.title_idx or line.words > longest:
            continue
        evidence = judge_line(line, doc.lang, lim)
        if evidence is None:
            continue
        category = evidence["category"]
        rule_id = RULE_IDS[category]
        if not on(rule_id):
            continue
        marks[line.index] = Mark(category, rule_id, certain=False, evidence=evidence)
        if category == "related":
            # a "most read" heading: the list of headlines under it goes with it
            for k in list_region(doc.lines, line.index, None, marks)[1:]:
                marks[k] = Mark(category, rule_id, certain=False)
