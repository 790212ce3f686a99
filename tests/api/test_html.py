"""HTML detection and extraction (cleaner.html.extract)."""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from cleaner.html.extract import HtmlError, extract, looks_like_html

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "fixtures" / "aeb_sample"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Town Council Approves New Bridge | Example News</title>
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2021-03-04T10:00:00Z">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example.com/2021/03/bridge">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Town Council Approves New Bridge</h1>
<p>The town council voted on Tuesday evening to approve the construction of a new pedestrian
bridge across the river, ending a debate that has lasted almost a decade.</p>
<p>Supporters of the project said the bridge would connect the two halves of the town and bring
more visitors to the shops along the waterfront.</p>
<p>Opponents had argued that the money would be better spent on repairing existing roads, but
the motion passed by seven votes to two.</p>
<table><tr><td>Cost</td><td>4.2 million euros</td></tr><tr><td>Completion</td><td>2023</td></tr></table>
</article>
<footer><p>Copyright 2021 Example News. All rights reserved.</p></footer>
</body></html>"""


# --------------------------------------------------------------------------
# looks_like_html

@pytest.mark.parametrize("text", [
    "<!DOCTYPE html><html><body>x</body></html>",
    "\ufeff  \n<!doctype HTML>\n<title>x</title>",
    "<html lang='de'>",
    "<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>",
    "<!-- saved page -->\n<html>",
    "<div class='a'><p>One</p><p>Two</p></div>",
    "Some text first<br>then<br/>lines<br>and<br>more",
    PAGE,
    PAGE.encode("utf-8"),
])
def test_looks_like_html_yes(text):
    assert looks_like_html(text)


@pytest.mark.parametrize("text", [
    "",
    "   ",
    "Plain news text.\n\nSecond paragraph with 3 < 4 and a > b.",
    "A tutorial mentions the <p> tag once, and that is all.",
    "<<<>>> not markup",
    "The <html> of it",     # not at the start, a single tag
    b"\x00\xff",
])
def test_looks_like_html_no(text):
    assert not looks_like_html(text)


def test_looks_like_html_only_reads_the_head():
    assert not looks_like_html("x" * 3000 + "<p>a</p><p>b</p><div>c</div><br>")


# --------------------------------------------------------------------------
# extract on a hand-made page

def test_extract_handmade_page_layout_and_meta():
    text, meta = extract(PAGE)
    blocks = text.split("\n\n")
    assert blocks[0] == "Town Council Approves New Bridge"          # title first
    assert text.startswith(blocks[0] + "\n\n")                        # then a blank line
    assert blocks[1].startswith("The town council voted on Tuesday evening")
    assert "pedestrian bridge across the river" in blocks[1]          # wrapped lines joined
    assert any(b.startswith("Supporters of the project") for b in blocks)
    assert any(b.startswith("Opponents had argued") for b in blocks)
    assert any("4.2 million euros" in b for b in blocks)               # tables kept
    assert text.count("Town Council Approves New Bridge") == 1        # h1 not repeated
    assert "\n\n\n" not in text and not text.endswith("\n")
    assert all(line.strip() == line for line in text.split("\n"))
    assert meta["title"] == "Town Council Approves New Bridge"
    assert meta["date"] == "2021-03-04"
    assert meta["byline"] == "Jane Reporter"
    assert meta["url"] == "https://news.example.com/2021/03/bridge"
    assert meta["sitename"] == "Example News"


def test_extract_accepts_bytes_and_fragments():
    text, _ = extract(PAGE.encode("utf-8"))
    assert "seven votes to two" in text
    text, meta = extract("<div><p>Only a fragment here.</p><p>And a second paragraph.</p></div>")
    assert text == "Only a fragment here.\n\nAnd a second paragraph."
    assert "title" not in meta


def test_extract_bytes_in_a_declared_legacy_encoding():
    page = ('<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head>'
            '<body><p>Le caf\xe9 est ouvert tous les jours de la semaine, m\xeame le dimanche.</p>'
            '</body></html>').encode("latin-1")
    text, meta = extract(page)
    assert meta["title"] == "Café"
    assert "même le dimanche" in text


# --------------------------------------------------------------------------
# extract on a benchmark page

def test_extract_sample_page():
    gt = json.loads((SAMPLE / "ground-truth.json").read_text(encoding="utf-8"))
    pid = "14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f"
    html = gzip.decompress((SAMPLE / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8")
    text, meta = extract(html)
    lines = text.split("\n")
    assert meta["title"] and lines[0] == meta["title"] and lines[1] == ""
    assert "NASA" in meta["title"]
    assert meta.get("date", "").startswith("20")
    gold = gt[pid]["articleBody"]
    words = lambda s: re.findall(r"\w+", s)
    flat = " ".join(words(text))
    for para in [p for p in gold.split("\n") if p.strip()]:
        assert " ".join(words(para)) in flat            # every gold paragraph present


# --------------------------------------------------------------------------
# never raise on junk

@pytest.mark.parametrize("junk", [
    "", "   \n\t", "<html>", "<html></html>", "<", "</p>", "\x00", b"\x00\xff".decode("latin-1"),
    b"\x00\xff".decode("utf-8", errors="replace"), b"\x00\xff", b"", "\ud800<p>x</p>",
    "<html><body>" + "<div>" * 500 + "deep" + "</div>" * 500 + "</body></html>",
    "<html><head><title>Only a title</title></head><body></body></html>",
    "<script>var a = '<p>';</script>",
])
def test_extract_garbage_does_not_raise(junk):
    text, meta = extract(junk)
    assert isinstance(text, str) and isinstance(meta, dict)
    assert "\x00" not in text and "\ufffd" not in text


def test_extract_empty_gives_empty():
    assert extract("") == ("", {})
    assert extract("  \n ") == ("", {})
    assert extract("<html>") == ("", {})
    assert extract(b"\x00\xff") == ("", {})


def test_extract_title_only_page():
    text, meta = extract("<html><head><title>Only a title</title></head><body></body></html>")
    assert meta.get("title") == "Only a title"
    assert text == "Only a title"


@pytest.mark.parametrize("bad", [None, 42, ["<html>"]])
def test_extract_wrong_type_raises_html_error(bad):
    with pytest.raises(HtmlError):
        extract(bad)
    assert issubclass(HtmlError, ValueError)
