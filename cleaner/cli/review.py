"""Review views: the input with every removal and flag shown in place.

People would rather look than read a JSON report. `explain` renders the input for
a terminal: each removed line carries its rule id and category in a left margin,
a partly removed line is marked under the removed part, and each flag is
underlined (a row of ^ with its kind and message when there is no colour).
`html_page` renders the same as one self-contained page: removals struck through
and coloured by category, flags highlighted, the rule id and its description on
hover, and a summary table per category and rule. Both work from offsets alone,
so they show exactly what the report says.
"""
from __future__ import annotations

import html as _html
from collections import Counter

# ANSI colours per category (terminal) and CSS colours (page); unknown ones get grey.
_ANSI = {"donation": "35", "credit": "36", "related": "34", "navigation": "33", "site": "32",
         "byline": "94", "dateline": "96", "newsletter": "95", "offtopic": "31", "duplicate": "90",
         "guard": "90"}
_CSS = {"donation": "#b0419e", "credit": "#1a8a96", "related": "#3157c4", "navigation": "#b07a00",
        "site": "#2f8a3b", "byline": "#6a5acd", "dateline": "#0a7bbd", "newsletter": "#c2185b",
        "offtopic": "#c62828", "duplicate": "#6d6d6d", "guard": "#6d6d6d"}
_RESET, _STRIKE, _UNDERLINE, _DIM = "\x1b[0m", "\x1b[9m", "\x1b[4;33m", "\x1b[2m"
MARGIN_MAX = 44


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end before its newline."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _clip(spans, start: int, end: int):
    """The parts of `spans` (objects with .start/.end) inside [start, end), as (s, e, span)."""
    for s in spans:
        a, b = max(s.start, start), min(s.end, end)
        if a < b:
            yield a, b, s


def explain(text: str, result, *, color: bool = False) -> str:
    """The input, line by line, with a margin naming the rule that removed each line."""
    removed = sorted(result.removed, key=lambda r: r.start)
    flags = sorted(result.flags, key=lambda f: f.start)
    width = min(MARGIN_MAX, max([len(f"{r.rule} {r.category}") for r in removed] + [8]))
    out = []
    for start, end in _lines(text):
        line = text[start:end]
        cuts = list(_clip(removed, start, end))
        marks = list(_clip(flags, start, end))
        whole = bool(cuts) and _covers(line, start, cuts)
        label = ""
        if cuts:
            r = cuts[0][2]
            label = f"{r.rule} {r.category}"
            if len(label) > width:
                label = label[:width - 1] + "…"
        sign = "-" if whole else ("~" if cuts else " ")
        margin = f"{label:<{width}} │ {sign} "
        if color:
            cat = cuts[0][2].category if cuts else None
            margin = (f"\x1b[{_ANSI.get(cat, '90')}m{margin}{_RESET}" if cat else f"{_DIM}{margin}{_RESET}")
            body = _paint(line, start, cuts, marks)
        else:
            body = line
        out.append(margin + body)
        pad = f"{'':<{width}} │   "
        if cuts and not whole and not color:
            out.append(pad + _under(line, start, [(a, b) for a, b, _ in cuts], "-"))
        for a, b, f in marks:
            note = f"{f.kind}: {f.message} ({f.rule})"
            if color:
                out.append(f"{_DIM}{pad}{' ' * (a - start)}↑ {note}{_RESET}")
            else:
                out.append(pad + _under(line, start, [(a, b)], "^") + " " + note)
    return "\n".join(out).rstrip("\n") + "\n"


def _covers(line: str, start: int, cuts) -> bool:
    """The cuts take every non-blank character of the line."""
    lead = len(line) - len(line.lstrip())
    need = set(range(start + lead, start + len(line.rstrip())))
    for a, b, _ in cuts:
        need.difference_update(range(a, b))
    return not need


def _under(line: str, start: int, spans, char: str) -> str:
    row = [" "] * len(line)
    for a, b in spans:
        for i in range(a - start, b - start):
            row[i] = char
    return "".join(row).rstrip()


def _paint(line: str, start: int, cuts, marks) -> str:
    """ANSI: removed parts struck through in their category's colour, flags underlined."""
    style = [""] * len(line)
    for a, b, r in cuts:
        for i in range(a - start, b - start):
            style[i] = f"\x1b[{_ANSI.get(r.category, '90')}m{_STRIKE}"
    for a, b, _ in marks:
        for i in range(a - start, b - start):
            style[i] += _UNDERLINE
    out, current = [], ""
    for ch, st in zip(line, style):
        if st != current:
            out.append(_RESET if current else "")
            out.append(st)
            current = st
        out.append(ch)
    if current:
        out.append(_RESET)
    return "".join(out)


# ------------------------------------------------------------------ HTML page
_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}
h1{font-size:1.3em} h2{font-size:1.1em;margin-top:2em} table{border-collapse:collapse;margin:.5em 0}
td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left;vertical-align:top} th{background:#f3f3f3}
.doc{border:1px solid #ddd;padding:.8em 1em;white-space:pre-wrap;font-family:ui-monospace,monospace;
font-size:13px;line-height:1.45;background:#fcfcfc}
del{text-decoration:line-through;text-decoration-thickness:2px;opacity:.85}
del:hover{opacity:1;background:#f0f0f0}
mark{background:#ffe58a;border-bottom:2px solid #e0a800}
.sw{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-.1em;margin-right:.3em}
.meta td:first-child{font-weight:600}
"""


def _css_rules() -> str:
    return "".join(f"del.c-{cat}{{color:{col};text-decoration-color:{col}}}\n" for cat, col in _CSS.items())


def _esc(s) -> str:
    return _html.escape(str(s), quote=True)


def _document_html(text: str, result, describe: dict) -> str:
    """The input as HTML: removals in <del>, flags in <mark>, both with a hover title."""
    events = []   # (offset, order, tag)
    for r in result.removed:
        tip = f"{r.rule} ({r.category}): {describe.get(r.rule, '')}".strip()
        events.append((r.start, 1, f'<del class="c-{_esc(r.category)}" data-rule="{_esc(r.rule)}" title="{_esc(tip)}">'))
        events.append((r.end, 0, "</del>"))
    for f in result.flags:
        tip = f"{f.kind}: {f.message} ({f.rule})"
        events.append((f.start, 2, f'<mark data-rule="{_esc(f.rule)}" title="{_esc(tip)}">'))
        events.append((f.end, -1, "</mark>"))
    events.sort(key=lambda e: (e[0], e[1]))
    out, pos = [], 0
    # Flags sit in kept text and removals cover whole lines or title tails, so tags nest;
    # should a flag straddle a removal's edge, close and reopen it to keep the HTML valid.
    open_tags: list[str] = []
    for offset, order, tag in events:
        out.append(_esc(text[pos:offset]))
        pos = offset
        if tag.startswith("</"):
            name = tag[2:-1]
            reopen = []
            while open_tags and not open_tags[-1].startswith(f"<{name}"):
                t = open_tags.pop()
                out.append(f"</{t[1:].split()[0].rstrip('>')}>")
                reopen.append(t)
            if open_tags:
                open_tags.pop()
                out.append(tag)
            for t in reversed(reopen):
                out.append(t)
                open_tags.append(t)
        else:
            out.append(tag)
            open_tags.append(tag)
    out.append(_esc(text[pos:]))
    return "".join(out)


def _summary(result, describe: dict) -> str:
    by_cat: Counter = Counter()
    chars: Counter = Counter()
    by_rule: Counter = Counter()
    for r in result.removed:
        by_cat[r.category] += 1
        chars[r.category] += r.end - r.start
        by_rule[(r.rule, r.category)] += 1
    rows = "".join(
        f'<tr><td><span class="sw" style="background:{_CSS.get(c, "#888")}"></span>{_esc(c)}</td>'
        f"<td>{n}</td><td>{chars[c]}</td></tr>" for c, n in sorted(by_cat.items()))
    rule_rows = "".join(
        f"<tr><td><code>{_esc(rule)}</code></td><td>{_esc(cat)}</td><td>{n}</td><td>{_esc(describe.get(rule, ''))}</td></tr>"
        for (rule, cat), n in sorted(by_rule.items()))
    flags: Counter = Counter((f.kind, f.rule) for f in result.flags)
    flag_rows = "".join(f"<tr><td>{_esc(k)}</td><td><code>{_esc(rule)}</code></td><td>{n}</td></tr>"
                        for (k, rule), n in sorted(flags.items()))
    head = ('<table class="summary"><tr><th>category</th><th>removals</th><th>characters</th></tr>'
            f"{rows or '<tr><td colspan=3>nothing removed</td></tr>'}</table>")
    parts = []
    if rule_rows:
        parts.append("<table><tr><th>rule</th><th>category</th><th>removals</th><th>why</th></tr>"
                     f"{rule_rows}</table>")
    if flag_rows:
        parts.append(f"<table><tr><th>flag</th><th>rule</th><th>count</th></tr>{flag_rows}</table>")
    return head, "\n".join(parts)


def html_section(name: str, text: str, result, describe: dict) -> str:
    meta = result.meta
    meta_rows = "".join(f"<tr><td>{_esc(k)}</td><td>{_esc(meta.get(k))}</td></tr>"
                        for k in ("title", "date", "date_text", "byline", "lang", "input") if meta.get(k))
    head, details = _summary(result, describe)
    return (f'<section><h2>{_esc(name)}</h2><table class="meta">{meta_rows}</table>\n{head}\n'
            f'<div class="doc">{_document_html(text, result, describe)}</div>\n{details}</section>')


def html_page(sections: list[str], title: str = "clean: review") -> str:
    """A self-contained page (no script, no external resource) around html_section()s."""
    legend = " ".join(f'<span class="sw" style="background:{col}"></span>{cat}' for cat, col in _CSS.items())
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{_esc(title)}</title><style>{_STYLE}{_css_rules()}</style></head><body>"
            f"<h1>{_esc(title)}</h1><p>Struck through: removed, coloured by category ({legend}). "
            "Highlighted: flagged. Hover a span for its rule and why.</p>\n"
            + "\n".join(sections) + "\n</body></html>\n")


def descriptions(rows) -> dict:
    """rule id -> description, from listing.rule_rows()."""
    return {r["id"]: r.get("description", "") for r in rows}
