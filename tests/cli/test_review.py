"""Review views (issue 18): `clean --explain` marks every removed line with its rule id and
category in a margin and underlines flags; `clean --format html` writes a self-contained
page, checked here by parsing it and, where Chromium is installed, by a real screenshot."""
from __future__ import annotations

import html.parser
import json
import shutil
import struct
import subprocess
import zlib

import pytest

from _clihelp import cli_main as main, ROOT
from cleaner.cli import main as cli
from cleaner.api import Cleaner

SEED = ROOT / "fixtures" / "seeds" / "000_0e82d3106cdfd71a.txt"



def _report():
    text = SEED.read_text(encoding="utf-8")
    return text, Cleaner().clean(text)


def test_explain_marks_every_removed_line_with_its_rule():
    text, result = _report()
    rc, out, err = main("--explain", SEED)
    assert rc == 0 and err == ""
    rows = [r for r in out.splitlines() if "│" in r]
    body = [r.split("│", 1)[1][3:] for r in rows]
    flag_rows = [r for r, b in zip(rows, body) if b.strip().startswith("^")]
    lines = [b for r, b in zip(rows, body) if r not in flag_rows]
    assert lines == text.rstrip("\n").split("\n")                 # the whole input, in order
    for r in result.removed:
        first_line = text[r.start:r.end].split("\n")[0]
        assert any(row.startswith(r.rule) and row.endswith(first_line) and f" {r.category} " in row
                   for row in rows), r.rule
    assert len(flag_rows) == len(result.flags)
    assert all("\x1b" not in r for r in rows)                     # no colour off a terminal


def test_explain_colour_only_when_asked_or_on_a_terminal():
    _, plain, _ = main("--explain", SEED)
    _, coloured, _ = main("--explain", "--color", "always", SEED)
    assert "\x1b[9m" in coloured and "\x1b[4;33m" in coloured     # struck through, underlined
    assert "\x1b" not in plain


def test_explain_partial_title_cut(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("Storm closes roads – KGET 17\n\n" + "Heavy rain closed several roads across the region on "
                   "Tuesday, officials said, and crews worked all night. " * 3 + "\n", encoding="utf-8")
    _, out, _ = main("--explain", doc)
    first, marks = out.splitlines()[:2]
    assert first.startswith("site.title_suffix site") and first.endswith("│ ~ Storm closes roads – KGET 17")
    assert marks.endswith("│                     ----------")     # under " – KGET 17"


class _Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.dels, self.marks, self.stack, self.doc_text, self.external = [], [], [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "link", "img", "iframe") or any(v and "://" in v for k, v in attrs if k in ("src", "href")):
            self.external.append(tag)
        if tag == "div" and a.get("class") == "doc":
            self.stack.append("doc")
        elif self.stack:
            self.stack.append(tag)
        if tag == "del":
            self.dels.append(a)
        if tag == "mark":
            self.marks.append(a)

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack:
            self.doc_text.append(data)


def test_html_page_is_self_contained_and_shows_every_removal(tmp_path):
    text, result = _report()
    page = tmp_path / "review.html"
    rc, out, err = main("--format", "html", SEED, "-o", page)
    assert rc == 0 and out == "" and err == ""
    p = _Page()
    p.feed(page.read_text(encoding="utf-8"))
    assert p.external == []
    assert "".join(p.doc_text) == text                              # the input, unchanged
    assert [d["data-rule"] for d in p.dels] == [r.rule for r in sorted(result.removed, key=lambda r: r.start)]
    rows = {r["id"]: r for r in json.loads(main("--list-rules", "--format", "json")[1])}
    for d in p.dels:
        assert d["class"].startswith("c-") and rows[d["data-rule"]]["description"] in d["title"]
    assert [m["data-rule"] for m in p.marks] == [f.rule for f in result.flags]
    html_text = page.read_text(encoding="utf-8")
    assert '<table class="summary">' in html_text and "<th>why</th>" in html_text


def test_explain_html_input_shows_the_extracted_text(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>Storm closes roads</title></head><body><article><h1>Storm closes roads"
                    "</h1><p>" + "Heavy rain closed several roads across the region on Tuesday. " * 6 +
                    "</p><p>Share this article</p><p>Crews worked through the night to clear fallen trees from "
                    "the main routes, officials said.</p></article></body></html>", encoding="utf-8")
    rc, out, err = main("--explain", "--lang", "en", page)
    assert rc == 0, err
    assert "<p>" not in out and "Heavy rain closed" in out


def test_review_modes_refuse_jsonl():
    assert main("--jsonl", "--explain")[0] == cli.EXIT_USAGE
    assert main("--jsonl", "--format", "html")[0] == cli.EXIT_USAGE
    assert main("--explain", "--format", "json", SEED)[0] == cli.EXIT_USAGE


def _png_pixels(data: bytes):
    """(width, height, rows of RGB tuples) of an 8-bit RGB/RGBA PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and ctype in (2, 6)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw, stride, prev, rows = zlib.decompress(idat), width * bpp, bytearray(width * bpp), []
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            pred = {0: 0, 1: a, 2: b, 3: (a + b) // 2}.get(f)
            if f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            line[i] = (line[i] + pred) & 0xFF
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        prev = line
    return width, height, rows


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium)")
def test_html_page_in_headless_chromium(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("Storm closes roads\n\nHeavy rain closed several roads across the region on Tuesday, "
                   "officials said today.\n\nPhoto: Jane Doe / Reuters\n\nCrews worked through the night "
                   "to clear fallen trees from the main routes.\n", encoding="utf-8")
    page = tmp_path / "review.html"
    assert main("--format", "html", "--lang", "en", doc, "-o", page)[0] == 0
    shot = tmp_path / "shot.png"
    r = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--screenshot={shot}", "--window-size=900,900", page.as_uri()],
                       capture_output=True, timeout=120)
    assert shot.exists(), r.stderr.decode()[-2000:]
    width, height, rows = _png_pixels(shot.read_bytes())
    assert (width, height) == (900, 900)
    colours = {px for row in rows for px in row}
    # the credit line is drawn in the credit colour (#1a8a96), struck through
    assert any(abs(r - 0x1a) < 40 and abs(g - 0x8a) < 40 and abs(b - 0x96) < 40 for r, g, b in colours)
    assert len(colours) > 20                                         # text rendered, not a blank page
