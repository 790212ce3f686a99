"""HTML input: detect it cheaply and turn a page into plain text plus metadata.

The extraction is deliberately tuned for RECALL: trafilatura is asked to keep
anything that might be article text (tables included, comments excluded, no
deduplication) because the rule engine runs afterwards and removes the
boilerplate that slipped through.  Losing a paragraph here cannot be undone
later; keeping a stray "Share this article" line can.

Output layout of `extract()`::

    Page title
    <blank line>
    First body paragraph
    <blank line>
    Second body paragraph
    ...

trafilatura is imported lazily inside `extract()` (it takes a few hundred
milliseconds to import), so `looks_like_html()` stays cheap.
"""
from __future__ import annotations

import re

from cleaner.html import check as html_check
from cleaner.text.segment import normalize_space

__all__ = ["HtmlError", "looks_like_html", "extract"]


class HtmlError(ValueError):
    """The input could not be read as HTML at all (wrong type, extractor crash).

    Empty or garbage-but-string input is *not* an error: `extract()` returns
    ``("", {})``-style results for it.
    """


# --------------------------------------------------------------------------
# detection

_HEAD_RE = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
# opening or closing tags that plain prose practically never contains
_TAG_RE = re.compile(
    r"</?(?:p|div|body|head|span|a|br|li|ul|ol|table|tr|td|h[1-6]|article|section|"
    r"header|footer|nav|main|script|style|meta|link|title|img|strong|em|b|i)(?:\s[^<>]*)?/?>",
    re.I,
)
_MIN_TAGS = 4


def looks_like_html(text: str | bytes) -> bool:
    """Cheap guess whether `text` is an HTML document or fragment.

    True when the start (after a BOM, whitespace, an XML declaration or
    comments) is ``<!doctype html`` or ``<html``, or when the first 2 KB hold at
    least four recognisable HTML tags (``<p>``, ``</div>``, ``<body>``, ...).
    A plain-text article that mentions one ``<p>`` tag stays plain text.
    """
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text[:2048]).decode("utf-8", errors="replace")
    if not isinstance(text, str) or not text:
        return False
    head = text[:2048].lstrip("\ufeff")
    if _HEAD_RE.match(head):
        return True
    count = 0
    for _ in _TAG_RE.finditer(head):
        count += 1
        if count >= _MIN_TAGS:
            return True
    return False


# --------------------------------------------------------------------------
# extraction

_WORD = re.compile(r"\w+")
_UNSAFE = re.compile("[\x00\ud800-\udfff]")


# C0/C1 controls and U+FFFD (what undecodable bytes turn into) carry no text
_JUNK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]+")


def _norm(line: str) -> str:
    # the text path's folding: joiners and zero-width characters inside words stay
    return normalize_space(_JUNK.sub("", line))


def _same_text(a: str, b: str) -> bool:
    """Equal up to case, whitespace and punctuation (for title de-duplication)."""
    ta = _WORD.findall(a.casefold())
    return bool(ta) and ta == _WORD.findall(b.casefold())


def _paragraphs(text: str | None) -> list[str]:
    """Non-blank, whitespace-normalised lines of trafilatura's text output."""
    if not text:
        return []
    out = []
    for line in text.splitlines():
        line = _norm(line)
        if line:
            out.append(line)
    return out


def _meta_from(doc) -> dict:
    meta: dict = {}
    if doc is None:
        return meta
    for key, attr in (("title", "title"), ("date", "date"), ("byline", "author"),
                      ("url", "url"), ("sitename", "sitename")):
        value = getattr(doc, attr, None)
        if isinstance(value, str):
            value = _norm(value)
        if value:
            meta[key] = value
    return meta


def _as_document(html: str | bytes) -> str | bytes:
    """Wrap a bare fragment so trafilatura's "is this a document?" check accepts it."""
    probe = html[:4096]
    if isinstance(probe, (bytes, bytearray)):
        probe = bytes(probe).decode("utf-8", errors="replace")
    low = probe.lower()
    if "<html" in low or "<body" in low:
        return html
    if isinstance(html, (bytes, bytearray)):
        return b"<html><body>" + bytes(html) + b"</body></html>"
    return f"<html><body>{html}</body></html>"


def extract(html: str | bytes, *, url: str | None = None) -> tuple[str, dict]:
    """Extract the main text and metadata of an HTML page.

    Returns ``(text, meta)``.  `text` is the page title on the first line, a
    blank line, then the body paragraphs separated by blank lines (no title
    line when none is known; the title is not repeated when the body starts
    with it).  `meta` may hold ``title``, ``date`` (ISO 8601, as trafilatura /
    htmldate give it), ``byline`` (author), ``url`` and ``sitename``; keys
    without a value are left out. It has ``warnings`` when the HTML parser lost
    text (html_check): `text` is then the page's whole visible text.

    Empty, whitespace-only or garbage input gives ``("", {})`` (or just the
    metadata that could be found).  Raises `HtmlError` only when the input is
    not ``str``/``bytes`` or the extractor itself fails.
    """
    if not isinstance(html, (str, bytes, bytearray)):
        raise HtmlError(f"HTML input must be str or bytes, not {type(html).__name__}")
    if isinstance(html, bytearray):
        html = bytes(html)
    if isinstance(html, str):
        # lxml refuses NUL bytes and lone surrogates in str input
        html = _UNSAFE.sub("", html)
    if not html.strip():
        return "", {}

    try:
        import logging

        import trafilatura
        from trafilatura.metadata import extract_metadata
    except ImportError as err:  # pragma: no cover - trafilatura is a dependency
        raise HtmlError(f"HTML input needs trafilatura: {err}") from err

    # trafilatura logs every discarded page at WARNING/ERROR; that is noise here
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)

    doc_input = _as_document(html)
    try:
        doc = trafilatura.bare_extraction(
            doc_input,
            url=url,
            favor_recall=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            with_metadata=True,
            output_format="python",
        )
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as err:  # pragma: no cover - depends on trafilatura internals
        raise HtmlError(f"HTML extraction failed: {type(err).__name__}: {err}") from err

    paragraphs = _paragraphs(getattr(doc, "text", None)) if doc is not None else []
    meta = _meta_from(doc)

    lost = html_check.lost_text(html, doc_input, sum(html_check.count_words(p) for p in paragraphs))
    if lost is not None:  # the parser dropped text: warn, and clean all the visible text instead
        visible, warning = lost
        paragraphs = [p for p in (_norm(block) for block in visible.split("\n\n")) if p]
        meta["warnings"] = [warning]

    if doc is None or not paragraphs:
        # Nothing found by the main extractor: recover what we can rather than lose
        # text.  Metadata from the head, and the page's whole visible text (one
        # paragraph; the engine sorts it out).
        try:
            tree = trafilatura.load_html(doc_input)
            if tree is not None:
                if not meta:
                    meta = _meta_from(extract_metadata(tree, default_url=url))
                rest = _norm(trafilatura.html2txt(tree))
                if rest and _WORD.search(rest):
                    paragraphs = [rest]
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception:  # pragma: no cover - best effort only
            pass

    title = meta.get("title", "")
    if title and paragraphs and _same_text(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    if not paragraphs and not title:
        return "", meta
    blocks = ([title] if title else []) + paragraphs
    return "\n\n".join(blocks), meta
