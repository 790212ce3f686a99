"""The pipeline: one document in, the clean text, the removals and the flags out.

Stages, in order (numbered the same in Engine.run):
  1. split the input into lines with offsets (text.segment);
  2. decide what the input is, article or page (mechanisms.input_kind), when asked to;
  3. mark the lines a pack rule matches (packs.apply), recording meta values;
  4. find the title and trim its site suffix (title);
  5. structure on top of the line marks: regions grown from drop_region rules,
     captions beside credits, short lines made of one category's cue words, a
     bare author name beside a dateline, the lead caption, a comment thread, an
     off-topic tail, the main-text finder (page text only), repeated lines; then the over-removal guard, which
     may suppress the rule that takes most and have the structure recomputed
     without it (mechanisms.*);
  6. assemble the text and the removals (assemble);
  7. flag what is kept: mechanisms' suspicions, the detectors (flags), pack flag rules.

Phrases and thresholds are data (rules/); each coded mechanism is a module of
cleaner/mechanisms/ with its id in the registry.
"""
from __future__ import annotations

from collections import OrderedDict

from cleaner import assemble, title
from cleaner.context import Doc, Mark
from cleaner.flags import detect_flags
from cleaner.flags.kinds import wants
from cleaner.lang import CACHED_LANGUAGES
from cleaner.mechanisms import caption, cohesion, comment_thread, contrast, cue_lines, guard, lead_caption
from cleaner.mechanisms import mainfinder, name_line, regions, repeated_line, trailing_list
from cleaner.mechanisms.input_kind import decide as decide_input_kind
from cleaner.options import check_input_kind
from cleaner.packs import apply
from cleaner.packs.matcher import LineMatcher
from cleaner.packs.rule import Rule
from cleaner.packs.ruleset import RuleSet
from cleaner.report import Flag, Result
from cleaner.text import scan
from cleaner.text.segment import split_lines


#: how many languages' rules and line matchers an Engine keeps (least recently used
#: dropped first): a stream of records in thousands of languages (or junk tags
#: passed through the API) must not grow a worker's memory without bound
MAX_LANGUAGES = CACHED_LANGUAGES


class Engine:
    """The compiled rule set, with each language's rules and line matcher built once
    (for the MAX_LANGUAGES most recently used languages)."""

    def __init__(self, ruleset: RuleSet):
        self.ruleset = ruleset
        # lang -> (rules by role, line matcher); most recently used last
        self._by_lang: OrderedDict[str, tuple[dict[str, list[Rule]], LineMatcher]] = OrderedDict()

    def enabled(self, rule_id: str) -> bool:
        return not self.ruleset.is_disabled(rule_id)

    def rules_for(self, lang: str) -> dict[str, list[Rule]]:
        return self._compiled(lang)[0]

    def _compiled(self, lang: str) -> tuple[dict[str, list[Rule]], LineMatcher]:
        """The language's rules by role and its line matcher, built on first use."""
        by_lang = self._by_lang
        cached = by_lang.get(lang)
        if cached is None:
            active = self.ruleset.for_language(lang)
            rules = {
                "title": [r for r in active if r.where == "title"],
                "line": [r for r in active if r.where != "title" and r.action in ("drop_line", "drop_region")],
                "flag": [r for r in active if r.where != "title" and r.action == "flag"],
            }
            cached = (rules, LineMatcher(rules["line"]))
            by_lang[lang] = cached     # (a race between threads builds it twice: harmless)
            while len(by_lang) > MAX_LANGUAGES:
                try:
                    by_lang.popitem(last=False)
                except KeyError:
                    break
        else:
            try:
                by_lang.move_to_end(lang)
            except KeyError:           # dropped by another thread meanwhile
                pass
        return cached

    def run(self, raw: str, lang: str, body_only: bool = False, want_flags=True,
            input_kind: str = "auto") -> Result:
        """Clean `raw`. `input_kind`: "article" (already extracted text: the main-text
        finder never runs), "page" (raw page text: it always runs) or "auto" (decided
        per document on evidence, leaning to "article"; meta["input"] says which).
        `want_flags`: True/False, or the flag kinds wanted (a frozenset; None = all)."""
        check_input_kind(input_kind)
        kinds = None if want_flags is True else frozenset() if want_flags is False else want_flags
        # 1. lines
        lines = split_lines(raw)
        rules, matcher = self._compiled(lang)
        doc = Doc(raw, lines, lang, rules,
                  meta={"title": None, "date": None, "byline": None, "lang": lang})
        # 2. article or page
        if input_kind == "auto":
            input_kind, doc.meta["input_evidence"] = decide_input_kind(lines, lang)
        doc.meta["input"] = input_kind
        # 3. pack rules, line by line
        starts = apply.mark_lines(doc, matcher)
        # 4. the title
        doc.title_idx = title.find(lines, doc.marks)
        title_text, title_cuts = None, []
        if doc.title_idx is not None:
            title_text, title_cuts = title.trim(doc, lines[doc.title_idx])
            doc.meta["title"] = title_text
        # 5. structure, under the guard
        marks, guard_flags = self._structure_guarded(doc, starts, kinds, page=input_kind == "page")
        # 6. text and removals
        removed = sorted(assemble.removals(raw, lines, marks) + title_cuts, key=lambda r: (r.start, r.end))
        kept = [l for l in lines if not l.blank and l.index not in marks and l.index != doc.title_idx]
        # 7. flags
        flags = guard_flags
        if kinds is None or kinds - {"suspected_over_removal"}:
            flags.extend(self._flags(doc, marks, kept, kinds))
            flags.sort(key=lambda f: (f.start, f.end))
        # the text last: its copy of the document is not alive while the detectors work
        text = assemble.text(title_text, kept, body_only)
        if doc.warnings:
            doc.meta["warnings"] = doc.warnings
        scan.forget()
        return Result(text=text, removed=removed, flags=flags, meta=doc.meta)

    # ------------------------------------------------------------- stage 5
    def _structure_guarded(self, doc: Doc, starts: dict[int, Rule], kinds, page: bool):
        """Structural marks on top of the line marks. If the guard finds they would
        empty the document, the rule that takes most is suppressed and all structure
        is recomputed without it (so a second pass decides the same)."""
        suppressed: set[str] = set()
        flags: list[Flag] = []
        while True:
            marks = dict(doc.marks)
            self._structure(doc, starts, marks, suppressed, page)
            if doc.title_idx is not None:
                # the title is chosen among the lines no pattern matched, so any mark on it
                # is structural: a region grown over it must not remove the kept title
                marks.pop(doc.title_idx, None)
            if not self.enabled(guard.RULE_ID):
                return marks, flags
            culprit, flag = guard.judge(doc, marks)
            if culprit is None:
                return marks, flags
            suppressed.add(culprit)
            if flag is not None and not flags and wants(kinds, flag.kind):
                flags.append(flag)

    def _structure(self, doc: Doc, starts: dict[int, Rule], marks: dict[int, Mark],
                   suppressed: set[str], page: bool) -> None:
        """Regions, captions and the coded mechanisms, minus the suppressed rules."""
        def on(rule_id: str) -> bool:
            return rule_id not in suppressed and self.enabled(rule_id)

        regions.grow(doc, {i: r for i, r in starts.items() if on(r.id)}, marks)
        if on(caption.RULE_ID):
            caption.attach(doc, marks)
        cue_lines.mark(doc, marks, on)
        if on(name_line.RULE_ID):
            name_line.mark(doc, marks)
        if doc.title_idx is not None and on(lead_caption.RULE_ID):
            lead_caption.mark(doc, marks)
        if on(comment_thread.RULE_ID):
            comment_thread.mark(doc, marks)
        if on(cohesion.RULE_ID):
            cohesion.mark(doc, marks, contrast.confirms_cohesion if on(contrast.RULE_ID) else None)
        if on(contrast.RULE_ID):
            contrast.mark(doc, marks)
        if page and on("mainfinder"):
            mainfinder.mark(doc, marks, on)
        # last: two copies become adjacent only once what stood between them is gone
        if on(repeated_line.RULE_ID):
            repeated_line.mark(doc, marks)

    # ------------------------------------------------------------- stage 7
    def _flags(self, doc: Doc, marks: dict[int, Mark], kept, kinds) -> list[Flag]:
        out: list[Flag] = []
        if self.enabled(trailing_list.RULE_ID) and wants(kinds, "suspected_related"):
            out.extend(trailing_list.flag(doc, marks))
        if self.enabled(contrast.RULE_ID) and wants(kinds, "suspected_offtopic"):
            out.extend(contrast.flag(doc.raw, doc.lines, marks, doc.title_idx, doc.lang))
        flagged = kept if doc.title_idx is None else [doc.lines[doc.title_idx]] + kept
        out.extend(detect_flags(flagged, doc.lang, disabled=self.ruleset.disabled, kinds=kinds))
        out.extend(apply.flag_paragraphs(doc, flagged, kinds))
        return out


__all__ = ["Engine"]
