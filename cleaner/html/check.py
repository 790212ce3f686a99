"""Notice when the HTML parser lost text, and recover the page's visible text then.

libxml2 (under lxml, under trafilatura) gives up on a text node or attribute over
10 MB and on nesting 255 elements deep: the page comes out empty, or everything
after the deep point is gone, with no error. Losing text silently is the one
thing the HTML path must not do, so the words of the page are counted twice:
with a plain tag-stripping pass over the source (no parser, no limits) and in
the parsed tree. When the tree holds clearly fewer, the caller warns and cleans
the stripped text instead of the extraction.

Only pages where the extraction kept less than half of the visible words are
parsed a second time, so the common page costs one regex pass.
"""
from __future__ import annotations

import html as htmllib
import re

WARNING = ("the HTML parser lost text ({tree} of {visible} words: a text node or attribute over 10 MB, "
           "or elements nested 255 deep); cleaned the page's visible text instead")

_HIDDEN = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style|noscript|template)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.I | re.S)
_BLOCK = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|nav|main|"
                    r"blockquote|pre|title|dd|dt|dl|figure|figcaption|aside|form|hr)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_BLANKS = re.compile(r"[ \t\r\f\v\u00a0]+")
_WORD = re.compile(r"\w+")
_TREE_SHARE = 0.7     # the tree must hold at least this share of the visible words
_MIN_WORDS = 20       # below this, nothing worth a warning could be lost


def visible_text(source: str) -> str:
    """The text a browser would show, one block per paragraph, without a parser."""
    text = _HIDDEN.sub(" ", source)
    text = _BLOCK.sub("\n", text)
    text = htmllib.unescape(_TAG.sub(" ", text))
    lines = (_BLANKS.sub(" ", line).strip() for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def lost_text(source: str | bytes, doc_input, extracted_words: int) -> tuple[str, str] | None:
    """(visible text, warning) when the parser dropped text of `source`, else None."""
    if isinstance(source, (bytes, bytearray)):
        source = bytes(source).decode("utf-8", errors="replace")
    visible = visible_text(source)
    n_visible = count_words(visible)
    if n_visible < _MIN_WORDS or extracted_words >= n_visible / 2:
        return None
    n_tree = _tree_words(doc_input)
    if n_tree is None or n_tree >= _TREE_SHARE * n_visible:
        return None
    return visible, WARNING.format(tree=n_tree, visible=n_visible)


def _tree_words(doc_input) -> int | None:
    try:
        import trafilatura
        tree = trafilatura.load_html(doc_input)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception:  # pragma: no cover - best effort only
        return None
    if tree is None:
        return 0
    for el in list(tree.iter("script", "style", "noscript", "template")):
        el.drop_tree()
    return sum(count_words(t) for t in tree.itertext() if isinstance(t, str))
