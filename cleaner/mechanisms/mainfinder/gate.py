"""Menus, and the gate that tells raw page text from clean article text.

A menu line has a menu item's shape: a few words, no digit, no sentence
punctuation. Raw page text carries navigation, many such lines, in runs; clean
article text, with its one-line paragraphs, subheadings, lists and tables, does
not. looks_like_page is the gate (`--input page` runs the finder regardless;
`--input auto` asks cleaner/mechanisms/input_kind.py, which reads menu_gate and
longest_run on its own navigation lines), and the span search drops a long run of
menu lines even inside the article.
"""
from __future__ import annotations

from typing import Callable

from cleaner.mechanisms.mainfinder.features import DIGIT, is_terminal
from cleaner.mechanisms.mainfinder.options import DEFAULT, FinderOptions


def menu_line_test(options: FinderOptions | None = None) -> Callable[[str], bool]:
    """is_menu_line under `options`' limits (max_menu_line_chars, max_menu_words),
    bound once: the test runs on every line."""
    o = DEFAULT if options is None else options
    max_chars, max_words = o.max_menu_line_chars, o.max_menu_words
    terminal, digit = is_terminal, DIGIT.search

    def is_menu_line(text: str) -> bool:
        """A few words, no digit, no sentence punctuation: a menu item's shape."""
        return (len(text) < max_chars and len(text.split()) <= max_words
                and not terminal(text) and not digit(text))
    return is_menu_line


#: the menu-line test with the default limits
is_menu_line = menu_line_test()


def looks_like_page(lines, lang: str = "", *, options: FinderOptions | None = None) -> bool:
    """Cheap gate: True only for raw page text.

    Raw page text carries navigation: many menu lines (a few words, no
    digit, no sentence punctuation), at least `min_menu_lines` of them, and
    either a run of `min_gate_menu_run` consecutive ones or a share of at
    least `min_menu_share` of the non-blank lines (FinderOptions).  Clean
    article text, with its one-line paragraphs, subheadings, lists and
    tables, does not pass.  `lang` is accepted for symmetry; the gate does
    not need it.
    """
    is_menu = menu_line_test(options)
    return menu_gate([is_menu(ln.text) for ln in lines if ln.text], options=options)


def menu_gate(menu: list[bool], *, options: FinderOptions | None = None) -> bool:
    """looks_like_page's test on the non-blank lines' menu shapes, for a caller that
    has them already (cleaner/mechanisms/input_kind.py)."""
    o = DEFAULT if options is None else options
    count = sum(menu)
    if count < o.min_menu_lines:
        return False
    return longest_run(menu) >= o.min_gate_menu_run or count >= o.min_menu_share * len(menu)


def longest_run(flags: list[bool]) -> int:
    """The longest run of consecutive True values."""
    run = best = 0
    for flag in flags:
        run = run + 1 if flag else 0
        if run > best:
            best = run
    return best
