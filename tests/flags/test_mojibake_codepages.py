"""Mojibake through code pages other than cp1252/latin-1 (rules/flags/mojibake.toml
[codepages]): UTF-8 read as cp1251 or mac_roman is flagged; Cyrillic, Greek and
accented text that is correct never is."""
from __future__ import annotations

import pytest

from cleaner import clean


def _mojibake(text: str, lang: str | None = None) -> list[str]:
    return [f.text for f in clean("A title line\n\n" + text, lang=lang).flags if f.kind == "mojibake"]


@pytest.mark.parametrize("codepage", ["cp1251", "mac_roman"])
@pytest.mark.parametrize("phrase", ["caf\u00e9", "d\u00e9j\u00e0 vu", "\u2014 so-called \u2014", "it\u2019s"])
def test_utf8_read_through_another_code_page_is_flagged(codepage, phrase):
    broken = phrase.encode("utf-8").decode(codepage)
    text = f"The minister said the plan, {broken}, would be presented to parliament next week."
    found = _mojibake(text, "en")
    assert found and all(f in broken for f in found), (broken, found)


def test_russian_read_as_cp1251_is_flagged():
    broken = "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440".encode("utf-8").decode("cp1251")
    assert _mojibake(f"{broken}, the headline said.", "en")


@pytest.mark.parametrize("text,lang", [
    ("\u0415\u0451 \u043c\u0443\u0436 \u0441\u043a\u0430\u0437\u0430\u043b, \u0447\u0442\u043e \u00ab\u041f\u0420\u0418\u0412\u0415\u0422\u00bb \u2014 "
     "\u044d\u0442\u043e \u0441\u043b\u043e\u0432\u043e. \u0412\u0441\u0451 \u0431\u044b\u043b\u043e \u0445\u043e\u0440\u043e\u0448\u043e, \u2116 5.", "ru"),
    ("\u03a4\u03b1 \u03b5\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac \u03ba\u03b5\u03af\u03bc\u03b5\u03bd\u03b1 \u03ba\u03bf\u03c3\u03c4\u03af\u03b6\u03bf\u03c5\u03bd \u20ac5 \u2014 \u03ba\u03b1\u03bb\u03ac.", "el"),
    ("Caf\u00e9 au lait, d\u00e9j\u00e0 vu, na\u00efve \u2014 \u201cquoted\u201d text, Z\u00fcrich, S\u00e3o Paulo.", "en"),
    ("K\u00dc\u00c7\u00dcK\u2019\u00fcn evi b\u00fcy\u00fck.", "tr"),
    ("Der Stra\u00dfenverkehr in M\u00fcnchen \u2013 \u201eso\u201c sagt man \u2013 ist \u00e4u\u00dferst dicht.", "de"),
])
def test_correct_text_is_not_flagged(text, lang):
    assert _mojibake(text, lang) == []
