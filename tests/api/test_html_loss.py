"""Issue 16: the HTML path says when the parser loses text, and keeps the visible text.

libxml2 drops a text node or attribute over 10 MB and everything nested 255 deep
or after it, silently. The page then comes back as the visible text, with a
warning in meta.warnings and on stderr.
"""
from __future__ import annotations

import cleaner
from cleaner.html import check as html_check
from cleaner.html.extract import extract

from _clihelp import run_clean

BODY = "".join(f"<p>Paragraph number {i} of the article says something about the council budget vote.</p>"
               for i in range(20))
DEEP = ("<html><body><h1>Budget vote</h1>" + BODY + "<div>" * 300 + "<p>Deep text about the budget.</p>"
        + "</div>" * 300 + BODY.replace("Paragraph number", "Closing paragraph") + "</body></html>")
HUGE_ATTR = ("<html><body><h1>Budget vote</h1><p data-x='" + "x" * 11_000_000 + "'>Hello there</p>" + BODY
             + "</body></html>")


def test_deep_nesting_keeps_the_text_after_the_deep_point_and_warns():
    r = cleaner.clean(DEEP, lang="en")
    assert "Closing paragraph 19" in r.text and "Deep text about the budget." in r.text
    assert any("HTML parser lost text" in w for w in r.meta["warnings"])


def test_an_attribute_over_10_mb_does_not_empty_the_page():
    text, meta = extract(HUGE_ATTR)
    assert "Paragraph number 19 of the article" in text
    assert "HTML parser lost text" in meta["warnings"][0]


def test_cli_says_it_on_stderr(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(DEEP, encoding="utf-8")
    r = run_clean("--lang", "en", str(page))
    assert r.returncode == 0
    assert b"Closing paragraph 19" in r.stdout
    assert b"clean: warning:" in r.stderr and b"HTML parser lost text" in r.stderr


def test_a_normal_page_gets_no_warning_and_no_second_parse(monkeypatch):
    def no_parse(doc):
        raise AssertionError("parsed twice")
    monkeypatch.setattr(html_check, "_tree_words", no_parse)
    page = "<html><body><nav><a>Home</a> <a>News</a></nav><h1>Budget vote</h1>" + BODY + "</body></html>"
    text, meta = extract(page)
    assert "warnings" not in meta and "Paragraph number 19" in text


def test_visible_text_skips_scripts_comments_and_tags():
    assert html_check.visible_text("<p>a &amp; b</p><script>x = 1</script><!-- c --><div>d<br>e</div>") == \
        "a & b\n\nd\n\ne"
