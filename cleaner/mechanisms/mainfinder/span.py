"""Steps 3 and 4 of the main-text finder: the article's run, and what goes.

3. Cohesion: the article is the run of lines with the largest total weight
   (maximum-sum subarray, over weights.py's weights).  A run cannot cross a long
   menu or a link list unless the prose on the far side outweighs it, so teaser
   blocks, comment threads and footers separated from the article by furniture
   fall outside it, while one-line paragraphs, quotes, subheadings and lists
   *inside* the article are kept.  When the page repeats its title (the
   article's headline), the best run starting shortly after a repeat wins unless
   another run is anchor_bonus times stronger.  A list the article announces at
   its end ("Tour dates:" and a block of rows with digits) goes with it.
4. Everything outside the run is dropped; inside it only a long run of pure
   menu lines is.  The title line is never dropped.

Then the learnt line model (linescore.py) revises the decision line by line:
find_boilerplate_explained gives back the lines it finds probably article and
drops the ones it finds improbable.  Precision first: when no run of prose is
found nothing is dropped.
"""
from __future__ import annotations

from cleaner.mechanisms.mainfinder import linescore
from cleaner.mechanisms.mainfinder.features import DIGIT, GOOD, NEARGOOD, classify, line_features, listish
from cleaner.mechanisms.mainfinder.gate import menu_line_test
from cleaner.mechanisms.mainfinder.options import DEFAULT, FinderOptions
from cleaner.mechanisms.mainfinder.weights import weigh

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


def find_boilerplate(lines, lang: str = "", title_index: int | None = None, *,
                     neutral: frozenset[int] = frozenset(),
                     options: FinderOptions | None = None) -> list[tuple[int, int, str, str]]:
    """Ranges (first_line, last_line, category, rule_id) of lines the span search
    drops (steps 1-4; without the learnt rescue, which find_boilerplate_explained adds).

    `lines` are cleaner.text.segment.Line objects, blank ones included (indexes
    are Line.index).  Ranges are sorted and non-overlapping; a range may
    span blank lines between dropped ones.  `title_index`, the line the
    caller treats as the title, is never dropped; its text locates the
    article (the headline repeats it).  When it is None the first non-blank
    line plays that part.  Nothing is dropped when no run of prose is found.
    `options`: the thresholds (None: DEFAULT).
    """
    found = search(lines, lang, title_index, neutral=neutral, options=options)
    return [] if found is None else [r[:4] for r in _to_ranges(found.feats, found.drop)]


class Search:
    """What the span search found on one page: the classified lines (feats), their
    weights, the winning run (first, last: positions in feats), the first title
    repeat (anchor), the lines it would drop (position -> (category, rule)) and the
    options it ran with."""
    __slots__ = ("feats", "weights", "first", "last", "anchor", "drop", "options")


def search(lines, lang: str = "", title_index: int | None = None, *,
           neutral: frozenset[int] = frozenset(),
           options: FinderOptions | None = None) -> Search | None:
    """Steps 1-4 (the package docstring), with the thresholds of `options` (None:
    DEFAULT); None when no run of prose is found."""
    o = DEFAULT if options is None else options
    feats = line_features(lines, lang, o)
    if not feats:
        return None
    classify(feats, o)
    weights = weigh(feats, o, neutral)
    best = _best_span(weights)
    if best is None:
        return None
    anchored = None
    anchors = _title_anchors(feats, title_index, o.max_title_chars, o.max_anchors)
    for f in feats:     # the last use of the lines' tokens: a big page's largest part
        f.toks = None
    max_anchor_distance = o.max_anchor_distance
    for k in anchors:
        cand = _best_span(weights, k + 1, k + 1 + max_anchor_distance)
        if cand is not None and (anchored is None or cand[0] > anchored[0]):
            anchored = cand
    if anchored is not None and anchored[0] * o.anchor_bonus >= best[0]:
        best = anchored
    _, first, last = best
    last = _announced_list_end(feats, last, o.min_announced_rows, o.max_row_words)

    drop: dict[int, tuple[str, str]] = {}   # position in feats -> (category, rule)
    for i in range(first):
        drop[i] = ("navigation", "mainfinder.header")
    max_menu_words = o.max_menu_words
    for i in range(last + 1, len(feats)):
        f = feats[i]
        if f.cls in (GOOD, NEARGOOD) or (f.words > max_menu_words and not f.link):
            drop[i] = ("related", "mainfinder.far_island")
        else:
            drop[i] = ("navigation", "mainfinder.footer")
    # inside the article only a long run of pure menu lines goes
    is_menu = menu_line_test(o)
    min_menu_run = o.min_menu_run
    i = first
    while i <= last:
        if not is_menu(lines[feats[i].idx].text) or listish(feats[i]):
            i += 1
            continue
        j = i
        while j + 1 <= last and is_menu(lines[feats[j + 1].idx].text) and not listish(feats[j + 1]):
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
    found.options = o
    return found


def find_boilerplate_explained(lines, lang: str = "", title_index: int | None = None, *,
                               neutral: frozenset[int] = frozenset(),
                               rescue: float | None = None,
                               options: FinderOptions | None = None) -> list[tuple[int, int, str, str, dict]]:
    """find_boilerplate's ranges, revised by the learnt line model (cleaner/mechanisms/mainfinder/linescore.py),
    each with the evidence for its lines: the line's class, its weight in the span
    search, the offsets of the run that won (article_run: where the search found the
    article) and the article probability. A line the search would drop but whose
    probability reaches `rescue` (default: the model's) is kept; a line it would keep
    whose probability is under the model's `demote` goes (mainfinder.unlikely_line),
    the title and the lines other rules weigh for nothing (`neutral`) excepted. Each
    range's evidence maps its line indexes to their entries. `options`: the span
    search's thresholds (None: DEFAULT; the model was trained on the defaults)."""
    found = search(lines, lang, title_index, neutral=neutral, options=options)
    if found is None or not found.drop:
        return []
    probs = linescore.probabilities(linescore.line_rows(found, lang, lines), consume=True)
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


def _announced_list_end(feats, last: int, min_rows: int, max_row_words: int) -> int:
    """`last`, or the last row of a list the article announces at its end (a
    lead-in line ending in ':', the run's last line or the one after it, and a
    block of at least min_rows digit-bearing rows of at most max_row_words words)."""
    lead = next((k for k in (last, last + 1) if k < len(feats) and _lead_in(feats[k])), None)
    if lead is None:
        return last
    end, prev = lead, feats[lead].idx
    for k in range(lead + 1, len(feats)):
        row = feats[k]
        if (row.idx != prev + 1 or row.link or row.words > max_row_words
                or not DIGIT.search(row.text)):
            break
        end, prev = k, row.idx
    return end if end - lead >= min_rows else last


def _lead_in(f) -> bool:
    """A line that announces a list: 'The band's 2020 tour dates:'."""
    return not f.link and f.words >= 3 and f.text.rstrip().endswith(":")


def _title_anchors(feats, title_index: int | None, max_title_chars: int, max_anchors: int) -> list[int]:
    """Positions (in feats) of later lines repeating the title line (the
    article's own headline: the article starts shortly after one): at most
    max_anchors of them, none longer than max_title_chars."""
    if title_index is None:
        title_pos = 0
    else:
        title_pos = next((k for k, f in enumerate(feats) if f.idx == title_index), None)
        if title_pos is None:
            return []
    title = feats[title_pos]
    if title.length > max_title_chars or not title.toks:
        return []
    tset = set(title.toks)
    out = []
    for k in range(title_pos + 1, len(feats)):
        f = feats[k]
        if f.length > max_title_chars or not f.toks:
            continue
        if len(f.low) >= 10 and f.low in title.low:
            out.append(k)
        elif len(f.toks) >= 3:
            # the cheap test first: most lines share little with the title
            common = len(tset.intersection(f.toks))
            if common >= 0.5 * len(tset) and common >= 0.8 * len(set(f.toks)):
                out.append(k)
        if len(out) >= max_anchors:
            break
    return out


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
