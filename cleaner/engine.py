"""The rule engine: mark boilerplate lines, grow regions, find the title, assemble.

Mechanisms live here (line marking, regions, caption attachment, lead captions,
cohesion, the over-removal guard); the phrases they act on live in rules/.
"""
from __future__ import annotations

from dataclasses import dataclass

from cleaner.mechanisms import cohesion
from cleaner.mechanisms import contrast
from cleaner.mechanisms import lead_caption
from cleaner.mechanisms import regions
from cleaner.flags.kinds import wants
from cleaner.packs.matcher import LineMatcher
from cleaner.report import Flag, Removal, Result
from cleaner.packs.rule import Rule, RuleFailure
from cleaner.packs.ruleset import RuleSet
from cleaner.text.segment import Line, norm_to_raw_offsets, normalize_space, raw_span, split_lines
from cleaner.text.shapes import SENTENCE_END

# Mechanism rules: coded, but named, listed and switchable like pack rules.
MECHANISMS = [
    {"id": "credit.caption", "category": "credit", "lang": "*", "action": "mechanism",
     "description": "The caption line next to a standalone photo credit (same block, no blank line between)"},
    {"id": "credit.lead_caption", "category": "credit", "lang": "*", "action": "mechanism",
     "description": "A short verbless descriptive line between the title and the first body paragraph "
                    "(languages with verb cues in rules/mechanisms/lead_caption.toml)"},
    {"id": "related.trailing_list", "category": "related", "lang": "*", "action": "mechanism",
     "description": "Flags (never removes) a bulleted list of short items at the very end, not "
                    "introduced by a colon, as suspected_related: a related list or the article's own list"},
    {"id": "duplicate.repeated_line", "category": "duplicate", "lang": "*", "action": "mechanism",
     "description": "A line of 6+ words that repeats the line right before it verbatim (a caption printed twice): the copy goes"},
    {"id": "offtopic.cohesion", "category": "offtopic", "lang": "*", "action": "mechanism",
     "description": "A trailing block whose vocabulary shares nothing with the title and body"},
    {"id": "offtopic.contrast", "category": "offtopic", "lang": "*", "action": "mechanism",
     "description": "Flags (never removes) the last 1-3 paragraphs as suspected_offtopic when they reuse far "
                    "fewer of the article's words than its own paragraphs do (rules/mechanisms/offtopic.toml)"},
    {"id": "guard.over_removal", "category": "guard", "lang": "*", "action": "mechanism",
     "description": "If rules would remove most of a document, keep the doubtful removals and flag suspected_over_removal"},
]

#: what the caller says the input is (see Engine.run)
INPUT_KINDS = ("auto", "article", "page")


def check_input_kind(kind: str) -> None:
    """ValueError unless `kind` is one of INPUT_KINDS (the engine and the datatrove
    step share the message)."""
    if kind not in INPUT_KINDS:
        raise ValueError(f"input must be one of {', '.join(INPUT_KINDS)}, not {kind!r}")


TAIL_LINES = 3             # where = "tail": among the last this many non-blank lines (after the lead)
TITLE_MAX_WORDS = 22
PROSE_MIN_WORDS = 15
CAPTION_MAX_WORDS = 50
CAPTION_BODY_MAX_WORDS = 30
OVER_REMOVAL_MIN_KEPT = 250   # the guard fires when doubtful removals would leave less body text than this


@dataclass
class Mark:
    category: str
    rule: str
    certain: bool = True  # False for structural guesses the guard may undo
    under: "Mark | None" = None  # the certain mark a region grew over, restored if the guard undoes it
    evidence: dict | None = None  # what a coded mechanism acted on, per line (the report's evidence)

    @property
    def doubtful(self) -> bool:
        return not self.certain and self.under is None


class Engine:
    def __init__(self, ruleset: RuleSet):
        self.ruleset = ruleset
        self._by_lang: dict[str, dict[str, list[Rule]]] = {}
        self._matchers: dict[str, LineMatcher] = {}

    def enabled(self, rule_id: str) -> bool:
        return not self.ruleset.is_disabled(rule_id)

    def rules_for(self, lang: str) -> dict[str, list[Rule]]:
        cached = self._by_lang.get(lang)
        if cached is None:
            active = self.ruleset.for_language(lang)
            cached = {
                "title": [r for r in active if r.where == "title"],
                "line": [r for r in active if r.where != "title" and r.action in ("drop_line", "drop_region")],
                "flag": [r for r in active if r.where != "title" and r.action == "flag"],
            }
            self._by_lang[lang] = cached
            self._matchers[lang] = LineMatcher(cached["line"])
        return cached

    # ------------------------------------------------------------------ main
    def run(self, raw: str, lang: str, body_only: bool = False, want_flags=True,
            input_kind: str = "auto") -> Result:
        """Clean `raw`. `input_kind`: "article" (already extracted text: the main-text
        finder never runs), "page" (raw page text: it always runs) or "auto" (decided
        per document on evidence, leaning to "article"; meta["input"] says which).
        `want_flags`: True/False, or the flag kinds wanted (a frozenset; None = all)."""
        check_input_kind(input_kind)
        kinds = None if want_flags is True else frozenset() if want_flags is False else want_flags
        lines = split_lines(raw)
        rules = self.rules_for(lang)
        matcher = self._matchers[lang]
        warnings: list[str] = []
        dead: set[str] = set()
        meta: dict = {"title": None, "date": None, "byline": None, "lang": lang}
        if input_kind == "auto":
            from cleaner.mechanisms import input_kind as auto
            input_kind, meta["input_evidence"] = auto.decide(lines, lang)
        meta["input"] = input_kind

        marks: dict[int, Mark] = {}
        starts: dict[int, Rule] = {}
        first_prose = _first_prose(lines)
        tail_start = _tail_start(lines)
        for line, candidates in matcher.scan(lines):
            rule, m = self._match_line(line, candidates, first_prose, tail_start, dead, warnings)
            if rule is None:
                continue
            marks[line.index] = Mark(rule.category, rule.id)
            if rule.meta and meta.get(rule.meta) is None:
                meta[rule.meta] = _meta_value(m, line)
            if rule.action == "drop_region":
                starts[line.index] = rule

        line_marks = dict(marks)
        title_idx = _find_title(lines, line_marks)
        title_text = None
        removed_extra: list[Removal] = []
        if title_idx is not None:
            title_text, removed_extra = self._trim_title(raw, lines[title_idx], rules["title"], dead, warnings)
            meta["title"] = title_text

        # Structural marks on top of the line marks; if the guard finds they would
        # empty the document, the rule that takes most is suppressed and all
        # structure is recomputed without it (so a second pass decides the same).
        suppressed: set[str] = set()
        flags: list[Flag] = []
        while True:
            marks = dict(line_marks)
            self._structure(lines, starts, marks, rules, title_idx, lang, suppressed, dead, warnings,
                            page=input_kind == "page")
            if title_idx is not None:
                # the title is chosen among the lines no pattern matched, so any mark on it
                # is structural: a region grown over it must not remove the kept title
                marks.pop(title_idx, None)
            if not self.enabled("guard.over_removal"):
                break
            culprit, flag = _guard(lines, marks, title_idx)
            if culprit is None:
                break
            suppressed.add(culprit)
            if flag is not None and not flags and wants(kinds, flag.kind):
                flags.append(flag)

        removed = _removals(raw, lines, marks) + removed_extra
        removed.sort(key=lambda r: (r.start, r.end))

        kept = [l for l in lines if not l.blank and l.index not in marks and l.index != title_idx]
        paragraphs = [l.text for l in kept]
        if title_text and not body_only:
            text = title_text + ("\n\n" + "\n\n".join(paragraphs) if paragraphs else "")
        else:
            text = "\n\n".join(paragraphs)

        if kinds is None or kinds - {"suspected_over_removal"}:
            if self.enabled("related.trailing_list") and wants(kinds, "suspected_related"):
                flags.extend(_trailing_list_flag(raw, lines, marks))
            if self.enabled(contrast.RULE_ID) and wants(kinds, "suspected_offtopic"):
                flags.extend(contrast.flag(raw, lines, marks, title_idx, lang))
            flagged = kept if title_idx is None else [lines[title_idx]] + kept
            flags.extend(self._flags(flagged, lang, rules["flag"], dead, warnings, kinds))
            flags.sort(key=lambda f: (f.start, f.end))
        if warnings:
            meta["warnings"] = warnings
        return Result(text=text, removed=removed, flags=flags, meta=meta)

    def _structure(self, lines, starts, marks, rules, title_idx, lang, suppressed, dead, warnings,
                   page: bool = False) -> None:
        """Regions, captions and the coded mechanisms, minus the suppressed rules."""
        def on(rule_id: str) -> bool:
            return rule_id not in suppressed and self.enabled(rule_id)

        self._grow_regions(lines, {i: r for i, r in starts.items() if on(r.id)}, marks, dead, warnings)
        if on("credit.caption"):
            self._attach_captions(lines, rules["line"], marks)
        if title_idx is not None and on(lead_caption.RULE_ID):
            _mark_lead_caption(lines, title_idx, marks, lang)
        if on("offtopic.cohesion"):
            for k in cohesion.offtopic_tail(lines, marks, title_idx, lang):
                marks[k] = Mark("offtopic", "offtopic.cohesion", certain=False)
        if page and on("mainfinder"):
            self._main_text(lines, marks, title_idx, lang, on)
        # last: two copies become adjacent only once what stood between them is gone
        if on("duplicate.repeated_line"):
            for k in _repeated_lines(lines, marks, title_idx):
                marks[k] = Mark("duplicate", "duplicate.repeated_line", certain=False)

    # ------------------------------------------------------------- matching
    def _match_line(self, line: Line, rules: list[Rule], first_prose: int, tail_start: int,
                    dead: set[str], warnings: list[str]):
        """The first of `rules` (the matcher's candidates for this line, in rule
        order) that matches."""
        for rule in rules:
            if rule.id in dead:
                continue
            if rule.where == "lead" and line.index >= first_prose:
                continue
            if rule.where == "body" and line.index < first_prose:
                continue
            if rule.where == "tail" and (line.index < tail_start or line.index < first_prose):
                continue
            m = _search(rule, line.text, line.low, dead, warnings)
            if m:
                return rule, m
        return None, None

    def _grow_regions(self, lines, starts: dict[int, Rule], marks, dead, warnings) -> None:
        region_starts = {i for i, r in starts.items() if r.region == "article"}
        for i in sorted(starts):
            rule = starts[i]
            if marks.get(i) is None or marks[i].rule != rule.id:
                continue  # swallowed by an earlier region
            try:
                if rule.region == "article":
                    covered = regions.article_region(lines, i, rule, marks, region_starts)
                elif rule.region == "list":
                    covered = regions.list_region(lines, i, rule, marks)
                elif rule.region == "appeal":
                    covered = regions.appeal_region(lines, i, rule, marks)
                else:
                    covered = regions.tail_region(lines, i, rule, marks)
            except RuleFailure as exc:
                _retire(exc, dead, warnings)
                continue
            for k in covered:
                if k != i:
                    prior = marks.get(k)
                    marks[k] = Mark(rule.category, rule.id, certain=False,
                                    under=prior if prior is not None and prior.certain else None)

    def _attach_captions(self, lines, rules: list[Rule], marks) -> None:
        attach = {r.id for r in rules if r.attach_caption}
        if not attach:
            return
        blank_separated = _blank_separated(lines)
        first_prose = _first_prose(lines)
        title_candidate = _first_nonblank(lines)
        for i, mark in list(marks.items()):
            if mark.rule not in attach:
                continue
            for k in (i + 1, i - 1):
                if not (0 <= k < len(lines)):
                    continue
                cand = lines[k]
                if cand.blank or k in marks or cand.words > CAPTION_MAX_WORDS or cand.words < 3:
                    continue
                if k == title_candidate:
                    continue  # the title, not a caption
                # in the lead any adjacent line is the caption; in the body only a short one,
                # so a paragraph glued under a credit line is not taken for one
                if k < first_prose or (blank_separated and cand.words <= CAPTION_BODY_MAX_WORDS):
                    marks[k] = Mark("credit", "credit.caption", certain=False)
                    break

    def _trim_title(self, raw: str, line: Line, rules: list[Rule], dead, warnings):
        """Trim site-name suffixes off the title, repeatedly ('Headline | Section | Site'),
        so that cleaning the output again trims nothing more."""
        title = line.text
        removed: list[Removal] = []
        offsets = None
        changed = True
        while changed:
            changed = False
            for rule in rules:
                words = title.count(" ") + 1
                if rule.id in dead or rule.action != "trim_suffix" or not rule.applies_to(words):
                    continue
                m = _search(rule, title, title.lower(), dead, warnings)
                if not m or m is True or m.start() == 0:
                    continue
                shorter = title[: m.start()].rstrip()
                if len(shorter) == len(title):
                    continue    # an empty match at the end trims nothing (and would never stop)
                offsets = offsets or norm_to_raw_offsets(line.raw)
                a, b = raw_span(offsets, m.start(), len(title))
                start, end = line.start + a, line.start + b
                removed.append(Removal(start, end, rule.category, rule.id, raw[start:end]))
                title = shorter
                changed = True
                break
        return title, removed

    def _main_text(self, lines, marks, title_idx, lang, on) -> None:
        """Raw page text (menus, link lists around the article): the main-text finder."""
        from cleaner.mechanisms.mainfinder import core as mainfinder
        neutral = frozenset(k for k, m in marks.items() if m.category == "credit")
        for first, last, category, rule_id, evidence in mainfinder.find_boilerplate_explained(
                lines, lang, title_index=title_idx, neutral=neutral):
            if not on(rule_id):
                continue
            for k in range(first, last + 1):
                if k != title_idx and k not in marks and not lines[k].blank:
                    marks[k] = Mark(category, rule_id, certain=False, evidence=evidence[k])

    def _flags(self, paragraphs: list[Line], lang: str, flag_rules: list[Rule], dead, warnings,
               kinds: frozenset[str] | None = None) -> list[Flag]:
        out: list[Flag] = []
        try:
            from cleaner.flags import detect_flags
        except ImportError:
            detect_flags = None
        if detect_flags is not None:
            out.extend(detect_flags(paragraphs, lang, disabled=self.ruleset.disabled, kinds=kinds))
        for rule in flag_rules:
            if not wants(kinds, rule.kind):
                continue
            for p in paragraphs:
                if rule.id in dead or not rule.applies_to(p.words):
                    continue
                m = _search(rule, p.text, p.low, dead, warnings)
                if not m:
                    continue
                a, b = (0, len(p.text)) if m is True else (m.start(), max(m.end(), m.start() + 1))
                a, b = raw_span(norm_to_raw_offsets(p.raw), a, min(b, len(p.text)))
                start, end = p.start + a, p.start + b
                out.append(Flag(start, end, rule.kind, rule.id, rule.description or rule.kind,
                                p.raw[start - p.start:end - p.start]))
        return out


# ---------------------------------------------------------------- helpers
def _search(rule: Rule, text: str, low: str, dead: set[str], warnings: list[str]):
    """rule.search(text, low); None, once the rule is retired, when its pattern
    cannot be searched (a timeout, a regex-engine error)."""
    try:
        return rule.search(text, low)
    except RuleFailure as exc:
        _retire(exc, dead, warnings)
        return None


def _retire(exc: RuleFailure, dead: set[str], warnings: list[str]) -> None:
    """Switch a failed rule off for the rest of the document, with a warning naming it."""
    dead.add(exc.rule_id)
    warnings.append(str(exc))


def _first_nonblank(lines: list[Line]) -> int | None:
    for l in lines:
        if not l.blank:
            return l.index
    return None


def _tail_start(lines: list[Line]) -> int:
    """Index of the first of the last TAIL_LINES non-blank lines."""
    seen = 0
    for line in reversed(lines):
        if not line.blank:
            seen += 1
            if seen == TAIL_LINES:
                return line.index
    return 0


def _first_prose(lines: list[Line]) -> int:
    for l in lines:
        if l.words >= PROSE_MIN_WORDS and SENTENCE_END.search(l.text):
            return l.index
    return len(lines)


def _blank_separated(lines: list[Line]) -> bool:
    """True when paragraphs are separated by blank lines (so adjacency means one block)."""
    nonblank = [l for l in lines if not l.blank]
    if len(nonblank) < 3:
        return False
    return sum(1 for l in nonblank[1:] if l.blank_before) >= 0.6 * (len(nonblank) - 1)


def _find_title(lines: list[Line], marks: dict[int, Mark]) -> int | None:
    """The first kept line, when it looks like a headline (short, not a sentence)."""
    for l in lines:
        if l.blank or l.index in marks:
            continue
        if l.text.endswith(("?", "!", "？", "！")):
            return l.index if l.words <= 12 else None
        if l.words <= TITLE_MAX_WORDS and not l.text.endswith((".", ":", ";", ",", "。", "…")):
            return l.index
        return None
    return None


def _mark_lead_caption(lines: list[Line], title_idx: int, marks: dict[int, Mark], lang: str) -> None:
    """The first kept line under the title, if it is a photo caption (cleaner/mechanisms/lead_caption.py)."""
    nxt = _next_kept(lines, title_idx, marks)
    if nxt is None:
        return
    after = _next_kept(lines, nxt, marks)
    if after is not None and lead_caption.is_lead_caption(lines[nxt], lines[after], lang):
        marks[nxt] = Mark("credit", lead_caption.RULE_ID, certain=False)


TRAILING_LIST_MIN_ITEMS = 2
#: a teaser is a headline: an item longer than this is a note or a sentence of the article
TRAILING_ITEM_MAX_WORDS = 16
REPEAT_MIN_WORDS = 6


def _repeated_lines(lines: list[Line], marks: dict[int, Mark], title_idx: int | None) -> list[int]:
    """A kept line that repeats the kept line right before it verbatim (a caption
    printed twice); the first copy stays, so no text is lost. Repeats further apart
    can be deliberate (pull quotes, refrains) and stay."""
    out = []
    prev: Line | None = None
    for l in lines:
        if l.blank or l.index in marks:
            continue
        if l.index == title_idx:
            continue  # the title is trimmed in the output; comparing with it is not stable
        if prev is not None and l.words >= REPEAT_MIN_WORDS and l.text == prev.text:
            out.append(l.index)
        prev = l
    return out


def _trailing_headline_list(lines: list[Line], marks: dict[int, Mark]) -> list[int]:
    """Bulleted headlines at the end of the text: a related list whose heading was lost.

    Body lists are introduced by a line ending in ':' or have items that are
    sentences; teaser lists are bare headlines with nothing after them.
    """
    kept = [l for l in lines if not l.blank and l.index not in marks]
    items: list[Line] = []
    for l in reversed(kept):
        if (regions.BULLET.match(l.text) and l.words <= TRAILING_ITEM_MAX_WORDS
                and not l.text.endswith((".", ";", ":", ",", "↩"))):
            items.append(l)
        else:
            intro = l
            break
    else:
        return []
    if len(items) < TRAILING_LIST_MIN_ITEMS or intro.text.endswith((":", "：")):
        return []
    if len(items) * 2 > len(kept):
        return []  # a document that is mostly a list is its own content
    return [l.index for l in items]


def _trailing_list_flag(raw: str, lines: list[Line], marks: dict[int, Mark]) -> list[Flag]:
    """A trailing list is flagged, not removed: on 971 real pages of two benchmarks its
    removals were half article (pros and cons, steps, reference lists), half teasers."""
    items = _trailing_headline_list(lines, marks)
    if not items:
        return []
    first, last = lines[min(items)], lines[max(items)]
    return [Flag(first.start, last.end, "suspected_related", "related.trailing_list",
                 f"a list of {len(items)} short items ends the text, not introduced by a colon: "
                 "a related list or the article's own", raw[first.start:last.end])]


def _next_kept(lines, i, marks) -> int | None:
    for k in range(i + 1, len(lines)):
        if not lines[k].blank and k not in marks:
            return k
    return None


def _meta_value(m, line: Line) -> str:
    if m is not True and m is not None:
        try:
            value = m.group("value")
        except (IndexError, KeyError):
            value = None
        if value:
            if len(line.low) != len(line.text):  # lower-casing changed lengths (Turkish İ)
                return value.strip()
            # the match ran on the lower-cased line: take the same span from the text
            return line.text[m.start("value"):m.end("value")].strip()
    return line.text


def _guard(lines: list[Line], marks: dict[int, Mark], title_idx) -> tuple[str | None, Flag | None]:
    """Like trafilatura's fallback: never empty a document on doubtful evidence.

    Certain removals (a pattern matched the line itself) always stand. The guard
    judges the doubtful ones (regions, mechanisms, the main-text finder) against
    the text the certain ones leave, and names the rule that takes most, to be
    suppressed; None when enough text stays.
    """
    base = [l for l in lines if not l.blank and l.index != title_idx
            and (l.index not in marks or marks[l.index].doubtful)]
    total = sum(len(l.text) for l in base)
    doubtful = [l.index for l in base if l.index in marks]
    gone = sum(len(lines[k].text) for k in doubtful)
    if not doubtful or total - gone >= OVER_REMOVAL_MIN_KEPT:
        return None, None
    by_rule: dict[str, int] = {}
    for k in doubtful:
        by_rule[marks[k].rule] = by_rule.get(marks[k].rule, 0) + len(lines[k].text)
    culprit = min(by_rule, key=lambda r: (-by_rule[r], r))
    first = lines[min(doubtful)]
    return culprit, Flag(first.start, first.end, "suspected_over_removal", "guard.over_removal",
                         f"rules would have left {total - gone} of {total} characters; "
                         f"kept what {culprit} found doubtful", first.raw)


def _removals(raw: str, lines: list[Line], marks: dict[int, Mark]) -> list[Removal]:
    """Merge marked lines into spans: consecutive lines (blanks between allowed) of one rule."""
    out: list[Removal] = []
    run: list[int] = []
    for i in sorted(marks):
        if run:
            prev = run[-1]
            same = marks[prev].rule == marks[i].rule and marks[prev].category == marks[i].category
            gap_blank = all(lines[k].blank for k in range(prev + 1, i))
            if same and gap_blank:
                run.append(i)
                continue
            out.append(_span(raw, lines, run, marks))
        run = [i]
    if run:
        out.append(_span(raw, lines, run, marks))
    return out


def _span(raw, lines, run, marks) -> Removal:
    first, last = lines[run[0]], lines[run[-1]]
    m = marks[run[0]]
    evidence = [marks[k].evidence for k in run if marks[k].evidence is not None]
    return Removal(first.start, last.end, m.category, m.rule, raw[first.start:last.end],
                   evidence=evidence or None)


__all__ = ["Engine", "MECHANISMS", "normalize_space"]
