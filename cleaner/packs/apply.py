"""Apply the pack rules to one document: mark the lines a rule matches, and raise
the flags of flag rules on the kept paragraphs.

`where` scopes a rule: "lead" (before the first line of running text), "body"
(from it on), "tail" (among the last TAIL_LINES non-blank lines, after the lead).
A rule with `meta` also records the matched value (a date, a byline) in the
report's meta, the first time it matches.
"""
from __future__ import annotations

from cleaner.context import Doc, Mark
from cleaner.flags.kinds import wants
from cleaner.packs.matcher import LineMatcher
from cleaner.packs.rule import Rule
from cleaner.report import Flag
from cleaner.text.segment import Line, norm_to_raw_offsets, raw_span


def mark_lines(doc: Doc, matcher: LineMatcher) -> dict[int, Rule]:
    """Mark every line the first matching rule claims (into doc.marks); return the
    lines where a drop_region rule matched, with the rule, for the regions to grow."""
    starts: dict[int, Rule] = {}
    for line, candidates in matcher.scan(doc.lines):
        rule, m = first_match(doc, line, candidates)
        if rule is None:
            continue
        doc.marks[line.index] = Mark(rule.category, rule.id)
        if rule.meta and doc.meta.get(rule.meta) is None:
            doc.meta[rule.meta] = meta_value(m, line)
        if rule.action == "drop_region":
            starts[line.index] = rule
    return starts


def first_match(doc: Doc, line: Line, rules: list[Rule]):
    """The first of `rules` (the matcher's candidates for this line, in rule order)
    that matches, with its match; (None, None) if none does."""
    for rule in rules:
        if rule.id in doc.dead:
            continue
        if rule.where == "lead" and line.index >= doc.first_prose:
            continue
        if rule.where == "body" and line.index < doc.first_prose:
            continue
        if rule.where == "tail" and (line.index < doc.tail_start or line.index < doc.first_prose):
            continue
        m = doc.search(rule, line.text, line.low)
        if m:
            return rule, m
    return None, None


def meta_value(m, line: Line) -> str:
    """The `value` group of a meta rule's match, from the line's own text; else the line."""
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


def flag_paragraphs(doc: Doc, paragraphs: list[Line], kinds: frozenset[str] | None) -> list[Flag]:
    """The flags of the language's flag rules (of the wanted kinds) on the kept paragraphs."""
    out: list[Flag] = []
    for rule in doc.rules["flag"]:
        if not wants(kinds, rule.kind):
            continue
        for p in paragraphs:
            if rule.id in doc.dead or not rule.applies_to(p.words):
                continue
            m = doc.search(rule, p.text, p.low)
            if not m:
                continue
            a, b = (0, len(p.text)) if m is True else (m.start(), max(m.end(), m.start() + 1))
            a, b = raw_span(norm_to_raw_offsets(p.raw), a, min(b, len(p.text)))
            start, end = p.start + a, p.start + b
            out.append(Flag(start, end, rule.kind, rule.id, rule.description or rule.kind,
                            p.raw[start - p.start:end - p.start]))
    return out
