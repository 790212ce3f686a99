"""Find the main text in raw page text (jusText-style, on lines instead of HTML blocks).

The input is the visible text of a whole web page, one block per line:
menus, link lists, teasers, cookie notices and footers around one article.

1. Every non-blank line is classified on its own, with jusText's
   thresholds: *bad* (link-like: URLs, "|"/"»" separators, copyright; or
   long but with few stopwords), *short*, *near-good* or *good* (long, with
   the stopword density of running text in the page's language).
2. Each line gets a weight: prose counts for itself (its length, scaled by
   how close its stopword density is to running text's), furniture costs a
   penalty (on a page with almost no long paragraphs, near-good lines
   count fully: that site writes one-sentence paragraphs).  The penalty is
   context-dependent: a furniture line that stands
   alone between paragraphs (a subheading, a photo credit, "Advertisement")
   costs a third of a line in a run of three or more (a menu), and a short
   line shaped like a list item costs less than a menu entry.  Lines that
   repeat earlier text (a metadata blob made of the article's paragraphs)
   count nothing or cost.  Lines a pack rule already removed as photo
   credits (the caller passes them as `neutral`) count nothing either, and
   their neighbours are weighed as if they were not there: a credit block
   between two paragraphs does not split the article.
3. Cohesion: the article is the run of lines with the largest total weight
   (maximum-sum subarray).  A run cannot cross a long menu or a link list
   unless the prose on the far side outweighs it, so teaser blocks, comment
   threads and footers separated from the article by furniture fall outside
   it, while one-line paragraphs, quotes, subheadings and lists *inside*
   the article are kept.  When the page repeats its title (the article's
   headline), the best run starting shortly after a repeat wins unless
   another run is ANCHOR_BONUS times stronger.
4. Everything outside the run is dropped; inside it only a long run of
   pure menu lines is.

jusText's context revision (short and near-good paragraphs take their
neighbours' class) was tried on top of this and measured worse: on page
text, teaser lists contain good-looking lines and the revision spreads
"good" into them.  The run-length-dependent penalty does the useful part of
it (isolated short lines inside prose are cheap).

Entry points: ``looks_like_page`` (a cheap gate: True only for raw page
text, so clean text is never touched) and ``find_boilerplate`` (ranges of
lines to drop).  Precision first: when no run of prose is found nothing is
dropped.  Every threshold is a module constant and a keyword argument.
Linear time.
"""
from __future__ import annotations

import functools
import math
import re

import regex

from cleaner.packs import prefilter as _prefilter
from cleaner.mechanisms.mainfinder import linescore
from cleaner.lang.codes import normalize_code
from cleaner.paths import load_data
from cleaner.lang.stopwords import stopwords
from cleaner.text import shapes
from cleaner.text.scan import indices_holding

# --- line classification: jusText's defaults, in (effective) characters -----
#: a line shorter than this is "short": it is prose only with sentence
#: punctuation and stopwords (jusText's length_low).
MIN_GOOD_CHARS = 70
#: a line at least this long with enough stopwords is "good"; shorter ones
#: are "near-good" (jusText's length_high).
MIN_LONG_CHARS = 200
#: below this stopword density a long line is "bad" (jusText's stopwords_low).
MIN_STOPWORD_DENSITY = 0.30
#: at or above this density a line is good or near-good (jusText's
#: stopwords_high); between the two it is near-good.
MIN_GOOD_STOPWORD_DENSITY = 0.32
#: a line with more than this share of its characters in URLs or e-mail
#: addresses is bad (plain-text analogue of jusText's max_link_density).
MAX_LINK_DENSITY = 0.2
#: a line with at least this many " | ", " » ", " · " separators is a link row.
MIN_SEPARATORS = 2

# --- weights -------------------------------------------------------------------
#: what one furniture line costs, in characters of prose it cancels.
SHORT_PENALTY = 150.0
#: a run of this many furniture lines costs the full penalty per line;
#: shorter runs cost proportionally less per line (an isolated subheading
#: or credit costs a third).
FULL_PENALTY_RUN = 3
#: a short line shaped like a list item (mostly lower-case words, some
#: stopwords: "Writing a blog post", not "Online Business") costs this
#: share of the penalty: lists inside articles.
LISTISH_FACTOR = 0.6
#: a line marked as a list item ("- ", "• ", "1. ") costs this share.
BULLET_FACTOR = 0.25
#: near-good lines count this share of their length ...
NEARGOOD_WEIGHT = 0.5
#: ... and short prose lines (sentence punctuation, stopwords, at least
#: MIN_PROSE_WORDS words) this share.
SHORT_WEIGHT = 0.5
MIN_PROSE_WORDS = 3
#: a long line poor in stopwords that is still a whole sentence (no link share,
#: sentence punctuation at its end, at least this many words: "Argentina got
#: past Chile 3-0, with Pella beating Jarry 6-4, 6-3.") weighs nothing: names
#: and scores are no evidence of prose, and no evidence of furniture either.
MIN_NAMED_SENTENCE_WORDS = 12
#: a row of figures (at least this many numbers, one of them a price, a
#: percentage or a decimal: a table row, a price, a ticker) weighs nothing
#: either, where it would weigh like furniture; so does an interview's turn,
#: a line opening with one capital letter and a colon ("Q: Favorite books?",
#: "A: Lebron James", "F:", "P:", "В:"). See _no_evidence.
MIN_FIGURES = 2
#: a page with fewer good lines than this (short paragraphs throughout)
#: counts its near-good and short prose lines fully.
MIN_GOOD_LINES = 5
#: a line whose word 4-grams are at least this share found in two or more
#: earlier lines is a blob repeating them (weighs like furniture).
MIN_DUP_SHARE = 0.8

# --- the title anchor ------------------------------------------------------------
#: the best run starting within MAX_ANCHOR_DISTANCE non-blank lines after a
#: repeat of the page's title wins unless another run scores more than
#: ANCHOR_BONUS times as much.
ANCHOR_BONUS = 3.0
MAX_ANCHOR_DISTANCE = 40
#: at most this many title repeats are tried (keeps the search linear).
MAX_ANCHORS = 8
#: a title, and a line repeating it, is at most this long.
MAX_TITLE_CHARS = 300

# --- a list the article announces ------------------------------------------------------
#: the article's run is followed by a line ending in ':' ("Tour dates:") and a
#: block of rows, each with a digit (dates, scores, prices), with no blank line
#: between: the rows are the list the article announced and go with it, when
#: there are at least this many ...
MIN_ANNOUNCED_ROWS = 3
#: ... of at most this many words each.
MAX_ROW_WORDS = 30

# --- menus and the gate -----------------------------------------------------------
#: a menu line has at most this many words, fewer than MAX_MENU_LINE_CHARS
#: characters, no digit and no sentence punctuation.
MAX_MENU_WORDS = 4
MAX_MENU_LINE_CHARS = 40
#: inside the article, a run of at least this many menu lines is dropped.
MIN_MENU_RUN = 8
#: looks_like_page needs at least this many menu lines ...
MIN_MENU_LINES = 20
#: ... and either a run of at least this many consecutive ones ...
MIN_GATE_MENU_RUN = 8
#: ... or this share of the non-blank lines being menu lines.
MIN_MENU_SHARE = 0.3

#: rule ids find_boilerplate reports, with their category.
RULES = {
    "mainfinder.header": ("navigation", "before the article: menus, headers, cookie notices"),
    "mainfinder.footer": ("navigation", "after the article: menus, link lists, footers"),
    "mainfinder.far_island": ("related", "prose after the article and away from it: teasers, comments"),
    "mainfinder.short_run": ("navigation", "a long run of menu lines inside the article"),
    "mainfinder.unlikely_line": ("navigation", "a line the span search kept but the learnt line model "
                                 "gives an article probability under `demote` (share bars, captions, "
                                 "teasers inside the article run)"),
}

BAD, SHORT, NEARGOOD, GOOD = "bad", "short", "neargood", "good"

_TOKEN = regex.compile(r"\w+")
# _TOKEN on ASCII text, where `re` is faster and \w means the same.
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9_]+")
_URL = regex.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+\b"
                     r"|\b[\w-]+\.(?:com|org|net|co\.uk|html?|php)\b\S*")
_SEPARATORS = regex.compile(r"\s[|»·•/]\s|\s[|»·•]|[|»·•]\s")
# Sentence-final punctuation, optionally followed by closing quotes/brackets
# (the definition; _is_terminal tests it without scanning the whole line).
_TERMINAL = regex.compile(r"[.!?…。！？;:][\"'”’»)\]]*$")
_TERMINAL_CHARS = shapes.TERMINAL_CHARS
_CLOSERS = shapes.TERMINAL_CLOSERS
_SENTENCE_INSIDE = regex.compile(r"\w[.!?。！？]\s+\p{Lu}|[。！？]|\w,\s\w")
# Scripts written without spaces between words: a character there carries
# about as much as a short word, so it counts thrice toward the length.
_DENSE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
# A superset of _DENSE (everything from U+0E00 on except U+1E00-U+2E7F:
# Latin/Greek extensions, punctuation, symbols) that the fast `re` engine
# scans, so lines with only accents and curly quotes need no _DENSE scan
# (tests/test_mainfinder_speed.py checks it covers every code point).
_MAYBE_DENSE = re.compile("[\u0e00-\u1dff\u2e80-\U0010ffff]")
_BULLET = shapes.BULLET_MARKER
# (re's \d: Unicode digits of Python's Unicode version, found faster than with
# regex, whose newer tables add the digits of a few recent scripts)
_DIGIT = re.compile(r"\d")
_FIGURE = regex.compile(r"\d+(?:[.,:]\d+)*")
_INTERVIEW_TURN = regex.compile(r"\p{Lu}:\s+\S")
_MONEY_OR_PERCENT = "%$€£¥₽₹"
# Strings one of which a match of _URL / _SEPARATORS (on the lower-cased line)
# must contain: a cheap test before the regex. (_copyright() derives its own.)
_URL_CUES = ("://", "www.", "@", ".com", ".org", ".net", ".co.uk", ".htm", ".php")
_SEPARATOR_CUES = ("|", "»", "·", "•", "/")
# words (whitespace-separated) starting with an upper- / lower-case letter
_UPPER_WORD = regex.compile(r"(?<!\S)\p{Lu}")
_LOWER_WORD = regex.compile(r"(?<!\S)\p{Ll}")


def _tokens(low: str) -> list[str]:
    """_TOKEN.findall(low), with the faster engine when the line is ASCII."""
    return _ASCII_TOKEN.findall(low) if low.isascii() else _TOKEN.findall(low)


def _is_terminal(text: str) -> bool:
    """bool(_TERMINAL.search(text)) without the regex: strip the closing
    quotes and brackets, then look at the last character (the regex is
    tried at every position of the line, this only at its end)."""
    if text.endswith("\n"):    # `$` also matches before a final newline
        text = text[:-1]
    text = text.rstrip(_CLOSERS)
    return bool(text) and text[-1] in _TERMINAL_CHARS


def _dense_chars(text: str) -> int:
    """How many characters of `text` are in a script without spaces; the
    Unicode-script scan runs only when the cheap superset test finds one."""
    if text.isascii() or not _MAYBE_DENSE.search(text):
        return 0
    return len(_DENSE.findall(text))


def _lower_share(text: str) -> float:
    """Share of lower-case among the words starting with a cased letter
    (0.5 when there are none): prose is mostly lower-case words, menus and
    headlines are capitalised."""
    lower = len(_LOWER_WORD.findall(text))
    cased = lower + len(_UPPER_WORD.findall(text))
    return lower / cased if cased else 0.5


class _Feat:
    """What we know about one non-blank line.

    lower_share and bullet are computed on first use: only short lines
    (furniture, menus) and lines without a stopword list need them, and the
    word-case scan is the costliest per-line regex on long prose lines."""
    __slots__ = ("idx", "text", "low", "length", "words", "toks", "density", "_lower_share",
                 "terminal", "link", "cls", "dup", "_bullet")

    @property
    def lower_share(self) -> float:
        if self._lower_share is None:
            self._lower_share = _lower_share(self.text)
        return self._lower_share

    @property
    def bullet(self) -> bool:
        if self._bullet is None:
            self._bullet = bool(_BULLET.match(self.text))
        return self._bullet


def _lang_stopwords(lang: str) -> frozenset[str]:
    if not lang:
        return frozenset()
    return stopwords(normalize_code(lang))


@functools.lru_cache(maxsize=None)
def _copyright(lang: str) -> tuple[regex.Pattern, tuple[str, ...] | None]:
    """The copyright-notice pattern for a page in `lang` (rules/mechanisms/mainfinder.toml:
    the symbols, English, and the page's language), and strings one of which each
    match holds (from the pattern's literal prefilter; None: every line is searched)."""
    table = load_data("mechanisms", "mainfinder")["copyright"]
    parts = [table[k] for k in dict.fromkeys(("_all", "en", normalize_code(lang))) if k in table]
    pattern = regex.compile("|".join(f"(?:{p})" for p in parts))
    prefilter = _prefilter.build(pattern)
    return pattern, (_prefilter.literals(prefilter) or None) if prefilter else None


def _features(lines, lang: str, max_link_density: float, min_separators: int) -> list[_Feat]:
    """One _Feat per non-blank line, duplicates marked."""
    stop = _lang_stopwords(lang)
    rows = [ln for ln in lines if ln.text]
    texts = [ln.text for ln in rows]
    # lines where _URL / _SEPARATORS / the copyright notice can match (most have no cue)
    url_lines = set(indices_holding(_URL_CUES, texts))
    sep_lines = set(indices_holding(_SEPARATOR_CUES, texts))
    notice, notice_cues = _copyright(lang)
    copyright_lines = (set(indices_holding(notice_cues, [ln.low for ln in rows])) if notice_cues is not None
                       else range(len(rows)))
    feats: list[_Feat] = []
    for k, ln in enumerate(rows):
        text = ln.text
        f = _Feat()
        f.idx = ln.index
        f.text = text
        f.low = ln.low
        f._lower_share = f._bullet = None
        dense = _dense_chars(text)
        f.length = len(text) + 2 * dense
        words = len(text.split())
        f.words = max(words, f.length // 6) if dense else words
        f.toks = toks = _tokens(ln.low)
        f.terminal = _is_terminal(text)
        if stop and not dense:
            f.density = sum(map(stop.__contains__, toks)) / len(toks) if toks else 0.0
        else:
            # no stopword list, or a script without spaces: a proxy from
            # sentence punctuation and lower-case words
            sentence = f.terminal or bool(_SENTENCE_INSIDE.search(text))
            if sentence and (dense or f.lower_share >= 0.5):
                f.density = 0.4
            elif sentence or f.lower_share >= 0.6:
                f.density = 0.31
            else:
                f.density = 0.1
        url_chars = sum(map(len, _URL.findall(text))) if k in url_lines else 0
        f.link = (url_chars > max_link_density * len(text)
                  or (k in sep_lines and len(_SEPARATORS.findall(text)) >= min_separators)
                  or (k in copyright_lines and bool(notice.search(ln.low))))
        f.dup = 0
        feats.append(f)
    _mark_duplicates(feats)
    return feats


def _mark_duplicates(feats, n: int = 4) -> None:
    """dup = 1: an exact repeat of an earlier line of at least MIN_GOOD_CHARS;
    dup = 2: a line whose word n-grams mostly occur in two or more earlier
    lines (a summary or metadata blob stitched from the article)."""
    grams = [list(zip(*[f.toks[k:] for k in range(n)])) for f in feats]
    # first[g]: the first line holding n-gram g.  Filled from the last line
    # back so the earliest one wins, with dict.update doing the work in C;
    # an n-gram of line pos was seen earlier iff first[g] < pos.
    first: dict[tuple, int] = {}
    for pos in range(len(feats) - 1, -1, -1):
        first.update(dict.fromkeys(grams[pos], pos))
    seen: set[str] = set()
    for pos, f in enumerate(feats):
        text = " ".join(f.toks)
        shingles = grams[pos]
        if f.length >= MIN_GOOD_CHARS and text in seen:
            f.dup = 1
        elif len(shingles) >= 8:
            owners = list(map(first.__getitem__, shingles))
            covered = len(owners) - owners.count(pos)
            if covered >= MIN_DUP_SHARE * len(shingles) and len(set(owners) - {pos}) >= 2:
                f.dup = 2
        seen.add(text)


def _classify(feats, min_good_chars, min_long_chars, min_stopword_density,
              min_good_stopword_density) -> None:
    """jusText's context-free classification."""
    for f in feats:
        if f.link:
            f.cls = BAD
        elif f.length < min_good_chars:
            f.cls = SHORT
        elif f.density >= min_good_stopword_density:
            f.cls = GOOD if f.length >= min_long_chars else NEARGOOD
        elif f.density >= min_stopword_density:
            f.cls = NEARGOOD
        else:
            f.cls = BAD


def _weight(f, p) -> float:
    """Characters of prose a line stands for (negative: furniture)."""
    if f.dup == 2:
        return -p["short_penalty"]
    if f.dup == 1:
        return 0.0
    factor = min(1.0, f.density / p["min_good_stopword_density"])
    if f.cls == GOOD:
        return f.length * factor
    if f.cls == NEARGOOD:
        return f.length * factor * p["neargood_weight"]
    if (f.cls == SHORT and f.terminal and f.words >= MIN_PROSE_WORDS
            and f.density >= p["min_stopword_density"]):
        return f.length * factor * p["short_weight"]
    if f.cls == BAD:
        return -max(p["short_penalty"], f.length * 0.5)
    penalty = p["short_penalty"]
    if f.bullet:
        penalty *= p["bullet_factor"]
    elif _listish(f):
        penalty *= p["listish_factor"]
    return -penalty


def _no_evidence(f) -> bool:
    """A line that is neither prose nor furniture, whatever its features say: a
    whole sentence of names and scores, a row of figures, an interview's turn.
    It weighs nothing, so it never splits the article it stands in."""
    if f.link or f.dup:
        return False
    text = f.text
    if f.cls == BAD and f.terminal and f.words >= MIN_NAMED_SENTENCE_WORDS:
        return True
    return (text[1:2] == ":" and _INTERVIEW_TURN.match(text) is not None) or _figures_row(text)


def _figures_row(text: str) -> bool:
    """A row of figures (MIN_FIGURES): '225.86 -12.99 -5.44%', '63 85% 1 tackle', '$139.00 (save $20)'."""
    if not _DIGIT.search(text):
        return False
    figures = _FIGURE.findall(text)
    return len(figures) >= MIN_FIGURES and (any(c in text for c in _MONEY_OR_PERCENT)
                                           or any("." in n or "," in n for n in figures))


def _listish(f) -> bool:
    return f.density > 0 and f.lower_share >= 0.5 and f.words >= 2


def _line_weights(feats, p) -> list[float]:
    weights = [_weight(f, p) for f in feats]
    for k, f in enumerate(feats):
        if weights[k] < 0 and _no_evidence(f):
            weights[k] = 0.0
    full = max(1, p["full_penalty_run"])
    n = len(weights)
    i = 0
    while i < n:
        if weights[i] >= 0:
            i += 1
            continue
        j = i
        while j + 1 < n and weights[j + 1] < 0:
            j += 1
        scale = min(1.0, (j - i + 1) / full)
        for k in range(i, j + 1):
            weights[k] *= scale
        i = j + 1
    return weights


def _best_span(weights, lo: int = 0, hi: int | None = None):
    """(score, first, last) of the maximum-sum run of weights starting in
    [lo, hi) (anywhere when hi is None); None when no run is positive.

    Past the window a run may not cross a valley deeper than what it has
    gathered (its running sum may not fall to zero): what lies beyond would
    be a run of its own, not a continuation."""
    n = len(weights)
    if hi is None:
        hi = n
    best = None
    cur = 0.0
    start = lo
    for i in range(lo, n):
        w = weights[i]
        if cur <= 0:
            if i >= hi:
                break
            cur, start = w, i
        else:
            cur += w
        if cur > 0 and (best is None or cur > best[0]):
            best = (cur, start, i)
    return best


def _announced_list_end(feats, last: int) -> int:
    """`last`, or the last row of a list the article announces at its end (a
    lead-in line ending in ':', the run's last line or the one after it, and a
    block of digit-bearing rows: see MIN_ANNOUNCED_ROWS)."""
    lead = next((k for k in (last, last + 1) if k < len(feats) and _lead_in(feats[k])), None)
    if lead is None:
        return last
    end, prev = lead, feats[lead].idx
    for k in range(lead + 1, len(feats)):
        row = feats[k]
        if (row.idx != prev + 1 or row.link or row.words > MAX_ROW_WORDS
                or not _DIGIT.search(row.text)):
            break
        end, prev = k, row.idx
    return end if end - lead >= MIN_ANNOUNCED_ROWS else last


def _lead_in(f) -> bool:
    """A line that announces a list: 'The band's 2020 tour dates:'."""
    return not f.link and f.words >= 3 and f.text.rstrip().endswith(":")


def _title_anchors(feats, title_index: int | None) -> list[int]:
    """Positions (in feats) of later lines repeating the title line (the
    article's own headline: the article starts shortly after one)."""
    if title_index is None:
        title_pos = 0
    else:
        title_pos = next((k for k, f in enumerate(feats) if f.idx == title_index), None)
        if title_pos is None:
            return []
    title = feats[title_pos]
    if title.length > MAX_TITLE_CHARS or not title.toks:
        return []
    tset = set(title.toks)
    out = []
    for k in range(title_pos + 1, len(feats)):
        f = feats[k]
        if f.length > MAX_TITLE_CHARS or not f.toks:
            continue
        if len(f.low) >= 10 and f.low in title.low:
            out.append(k)
        elif len(f.toks) >= 3:
            # the cheap test first: most lines share little with the title
            common = len(tset.intersection(f.toks))
            if common >= 0.5 * len(tset) and common >= 0.8 * len(set(f.toks)):
                out.append(k)
        if len(out) >= MAX_ANCHORS:
            break
    return out


def is_menu_line(text: str) -> bool:
    """A few words, no digit, no sentence punctuation: a menu item's shape."""
    return (len(text) < MAX_MENU_LINE_CHARS and len(text.split()) <= MAX_MENU_WORDS
            and not _is_terminal(text) and not _DIGIT.search(text))


def looks_like_page(lines, lang: str = "", *, min_menu_lines: int = MIN_MENU_LINES,
                    min_gate_menu_run: int = MIN_GATE_MENU_RUN,
                    min_menu_share: float = MIN_MENU_SHARE) -> bool:
    """Cheap gate: True only for raw page text.

    Raw page text carries navigation: many menu lines (a few words, no
    digit, no sentence punctuation), at least `min_menu_lines` of them, and
    either a run of `min_gate_menu_run` consecutive ones or a share of at
    least `min_menu_share` of the non-blank lines.  Clean article text, with
    its one-line paragraphs, subheadings, lists and tables, does not pass.
    `lang` is accepted for symmetry; the gate does not need it.
    """
    return menu_gate([is_menu_line(ln.text) for ln in lines if ln.text], min_menu_lines=min_menu_lines,
                     min_gate_menu_run=min_gate_menu_run, min_menu_share=min_menu_share)


def menu_gate(menu: list[bool], *, min_menu_lines: int = MIN_MENU_LINES,
              min_gate_menu_run: int = MIN_GATE_MENU_RUN, min_menu_share: float = MIN_MENU_SHARE) -> bool:
    """looks_like_page's test on the non-blank lines' menu shapes, for a caller that
    has them already (cleaner/mechanisms/input_kind.py)."""
    count = sum(menu)
    if count < min_menu_lines:
        return False
    return longest_run(menu) >= min_gate_menu_run or count >= min_menu_share * len(menu)


def longest_run(flags: list[bool]) -> int:
    """The longest run of consecutive True values."""
    run = best = 0
    for flag in flags:
        run = run + 1 if flag else 0
        if run > best:
            best = run
    return best


def find_boilerplate(lines, lang: str = "", title_index: int | None = None, *,
                     neutral: frozenset[int] = frozenset(), **thresholds) -> list[tuple[int, int, str, str]]:
    """Ranges (first_line, last_line, category, rule_id) of lines the span search
    drops (steps 1-4; without the learnt rescue, which find_boilerplate_explained adds).

    `lines` are cleaner.text.segment.Line objects, blank ones included (indexes
    are Line.index).  Ranges are sorted and non-overlapping; a range may
    span blank lines between dropped ones.  `title_index`, the line the
    caller treats as the title, is never dropped; its text locates the
    article (the headline repeats it).  When it is None the first non-blank
    line plays that part.  Nothing is dropped when no run of prose is found.
    `thresholds` are search()'s keywords.
    """
    found = search(lines, lang, title_index, neutral=neutral, **thresholds)
    return [] if found is None else [r[:4] for r in _to_ranges(found.feats, found.drop)]


class Search:
    """What the span search found on one page: the classified lines (feats), their
    weights, the winning run (first, last: positions in feats), the first title
    repeat (anchor) and the lines it would drop (position -> (category, rule))."""
    __slots__ = ("feats", "weights", "first", "last", "anchor", "drop")


def search(lines, lang: str = "", title_index: int | None = None, *,
           min_good_chars: int = MIN_GOOD_CHARS,
           min_long_chars: int = MIN_LONG_CHARS,
           min_stopword_density: float = MIN_STOPWORD_DENSITY,
           min_good_stopword_density: float = MIN_GOOD_STOPWORD_DENSITY,
           max_link_density: float = MAX_LINK_DENSITY,
           min_separators: int = MIN_SEPARATORS,
           short_penalty: float = SHORT_PENALTY,
           full_penalty_run: int = FULL_PENALTY_RUN,
           listish_factor: float = LISTISH_FACTOR,
           bullet_factor: float = BULLET_FACTOR,
           neargood_weight: float = NEARGOOD_WEIGHT,
           short_weight: float = SHORT_WEIGHT,
           min_good_lines: int = MIN_GOOD_LINES,
           anchor_bonus: float = ANCHOR_BONUS,
           max_anchor_distance: int = MAX_ANCHOR_DISTANCE,
           min_menu_run: int = MIN_MENU_RUN,
           neutral: frozenset[int] = frozenset()) -> Search | None:
    """Steps 1-4 of the module docstring (every threshold a keyword); None when
    no run of prose is found."""
    feats = _features(lines, lang, max_link_density, min_separators)
    if not feats:
        return None
    _classify(feats, min_good_chars, min_long_chars, min_stopword_density,
              min_good_stopword_density)
    params = {
        "short_penalty": short_penalty, "full_penalty_run": full_penalty_run,
        "listish_factor": listish_factor, "bullet_factor": bullet_factor,
        "neargood_weight": neargood_weight,
        "short_weight": short_weight, "min_stopword_density": min_stopword_density,
        "min_good_stopword_density": min_good_stopword_density,
    }
    if sum(1 for f in feats if f.cls == GOOD and not f.dup) < min_good_lines:
        # a site writing one-sentence paragraphs: its near-good lines are
        # its prose and count fully
        params["neargood_weight"] = params["short_weight"] = 1.0
    # Lines a rule already explained as part of an article (a photo credit)
    # count nothing, and the lines around them are weighed as if they were
    # not there: a credit between two paragraphs does not split the article.
    counted_weights = iter(_line_weights([f for f in feats if f.idx not in neutral], params))
    weights = [0.0 if f.idx in neutral else next(counted_weights) for f in feats]
    best = _best_span(weights)
    if best is None:
        return None
    anchored = None
    anchors = _title_anchors(feats, title_index)
    for k in anchors:
        cand = _best_span(weights, k + 1, k + 1 + max_anchor_distance)
        if cand is not None and (anchored is None or cand[0] > anchored[0]):
            anchored = cand
    if anchored is not None and anchored[0] * anchor_bonus >= best[0]:
        best = anchored
    _, first, last = best
    last = _announced_list_end(feats, last)

    drop: dict[int, tuple[str, str]] = {}   # position in feats -> (category, rule)
    for i in range(first):
        drop[i] = ("navigation", "mainfinder.header")
    for i in range(last + 1, len(feats)):
        f = feats[i]
        if f.cls in (GOOD, NEARGOOD) or (f.words > MAX_MENU_WORDS and not f.link):
            drop[i] = ("related", "mainfinder.far_island")
        else:
            drop[i] = ("navigation", "mainfinder.footer")
    # inside the article only a long run of pure menu lines goes
    i = first
    while i <= last:
        if not is_menu_line(lines[feats[i].idx].text) or _listish(feats[i]):
            i += 1
            continue
        j = i
        while j + 1 <= last and is_menu_line(lines[feats[j + 1].idx].text) and not _listish(feats[j + 1]):
            j += 1
        if j - i + 1 >= min_menu_run:
            for k in range(i, j + 1):
                drop[k] = ("navigation", "mainfinder.short_run")
        i = j + 1
    if title_index is not None:
        for i, f in enumerate(feats):
            if f.idx == title_index:
                drop.pop(i, None)
                break
    found = Search()
    found.feats, found.weights, found.first, found.last = feats, weights, first, last
    found.anchor = anchors[0] if anchors else None
    found.drop = drop
    return found


def find_boilerplate_explained(lines, lang: str = "", title_index: int | None = None, *,
                               neutral: frozenset[int] = frozenset(),
                               rescue: float | None = None) -> list[tuple[int, int, str, str, dict]]:
    """find_boilerplate's ranges, revised by the learnt line model (cleaner/mechanisms/mainfinder/linescore.py),
    each with the evidence for its lines: the line's class, its weight in the span
    search, the offsets of the run that won (article_run: where the search found the
    article) and the article probability. A line the search would drop but whose
    probability reaches `rescue` (default: the model's) is kept; a line it would keep
    whose probability is under the model's `demote` goes (mainfinder.unlikely_line),
    the title and the lines other rules weigh for nothing (`neutral`) excepted. Each
    range's evidence maps its line indexes to their entries."""
    found = search(lines, lang, title_index, neutral=neutral)
    if found is None or not found.drop:
        return []
    probs = linescore.probabilities(line_rows(found, lang, lines))
    model = linescore.model()
    threshold = model["rescue"] if rescue is None else rescue
    feats = found.feats
    drop = {i: d for i, d in found.drop.items() if probs[i] < threshold}
    unlikely = (RULES["mainfinder.unlikely_line"][0], "mainfinder.unlikely_line")
    for i, p in enumerate(probs):
        if p < model["demote"] and i not in found.drop and feats[i].idx != title_index \
                and feats[i].idx not in neutral:
            drop[i] = unlikely
    run = [lines[feats[found.first].idx].start, lines[feats[found.last].idx].end]
    evidence = {i: {"class": feats[i].cls, "weight": round(found.weights[i], 1),
                    "p_article": round(probs[i], 3), "article_run": run} for i in drop}
    return _to_ranges(feats, drop, evidence)


def line_rows(found: Search, lang: str, lines) -> list[list[float]]:
    """One row of features per line of found.feats, in the order of linescore.LOCAL
    (what the learnt model and tools/train_linescore.py read): the line's own
    features, what the span search decided for it, and where it stands."""
    feats, weights, drop = found.feats, found.weights, found.drop
    first, last, anchor = found.first, found.last, found.anchor
    has_stoplist = float(bool(_lang_stopwords(lang)))
    n = len(feats)
    rows = []
    for k, f in enumerate(feats):
        t = f.text
        cls = f.cls
        rule = drop[k][1] if k in drop else None
        rows.append([
            math.log1p(f.length), math.log1p(f.words), f.density, float(f.terminal), float(f.link),
            float(cls == GOOD), float(cls == NEARGOOD), float(cls == SHORT), float(cls == BAD),
            float(f.dup == 1), float(f.dup == 2), float(f.bullet), f.lower_share,
            float(is_menu_line(t)), float(_no_evidence(f)),
            sum(map(str.isdigit, t)) / max(1, len(t)), t.count(",") / max(1, f.words),
            float(t.rstrip().endswith(":")), float(lines[f.idx].blank_before > 0),
            f.length / max(1, f.words), float(bool(_SENTENCE_INSIDE.search(t))),
            max(-1.0, min(1.0, weights[k] / 300.0)), k / max(1, n - 1), float(first <= k <= last),
            math.log1p(first - k if k < first else (k - last if k > last else 0)), has_stoplist,
            float(t[:1].isupper()), float("|" in t),
            float(rule == "mainfinder.header"), float(rule == "mainfinder.footer"),
            float(rule == "mainfinder.far_island"), float(rule is None),
            float(anchor is not None and k > anchor),
            math.log1p(abs(k - anchor)) if anchor is not None else 5.0,
        ])
    return rows




def _to_ranges(feats, drop, evidence=None) -> list[tuple[int, int, str, str, dict]]:
    """Merge dropped lines that follow each other (blank lines between them
    included) and share category and rule; each range maps its line indexes to
    their `evidence` (keyed by position in feats), when given."""
    out: list[tuple[int, int, str, str, dict]] = []
    prev = None
    for i in sorted(drop):
        cat, rule = drop[i]
        idx = feats[i].idx
        if out and prev == i - 1 and out[-1][2] == cat and out[-1][3] == rule:
            out[-1] = (out[-1][0], idx, cat, rule, out[-1][4])
        else:
            out.append((idx, idx, cat, rule, {}))
        if evidence is not None:
            out[-1][4][idx] = evidence[i]
        prev = i
    return out
