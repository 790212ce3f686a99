"""`related.trailing_list` flags a bulleted list that ends the text and never removes it:
on real pages such a list is as often the article's own (pros and cons, steps) as teasers."""
from __future__ import annotations

from cleaner import clean

BODY = ("Accounting tools for small shops\n\n"
        "We tested eight accounting tools over three months with two small shops and their "
        "bookkeepers, and compared what each costs and what it leaves out.\n\n"
        "The cheapest plan covers invoices and bank feeds, but it has real gaps.\n\nCons\n\n")
CONS = "- Lacks inventory management\n- Provides limited customer support\n- Has functional banking features\n"


def test_a_trailing_list_is_kept_and_flagged():
    text = BODY + CONS
    result = clean(text)
    assert "- Lacks inventory management" in result.text
    assert "- Has functional banking features" in result.text
    assert not [r for r in result.removed if r.rule == "related.trailing_list"]
    flags = [f for f in result.flags if f.rule == "related.trailing_list"]
    assert len(flags) == 1 and flags[0].kind == "suspected_related"
    assert text[flags[0].start:flags[0].end] == flags[0].text == CONS.rstrip("\n")


def test_a_list_announced_by_a_colon_is_not_flagged():
    result = clean(BODY.replace("Cons\n\n", "What it lacks:\n\n") + CONS)
    assert not [f for f in result.flags if f.rule == "related.trailing_list"]


def test_switched_off_and_without_flags_nothing_is_reported():
    assert not [f for f in clean(BODY + CONS, disable=["related.trailing_list"]).flags
                if f.rule == "related.trailing_list"]
    assert clean(BODY + CONS, flags=False).flags == []
