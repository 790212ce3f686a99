"""Language-independent boilerplate shapes (rules/navigation/_all.toml
navigation.share_row_labelled, rules/credit/_all.toml credit.gallery_counter):
they catch a share bar or a gallery counter whatever the page's language, and a
body sentence that names the same networks, a listicle line, a rating stay."""
from __future__ import annotations

import pytest

from cleaner import clean

BEFORE = ("The minister said on Monday that the plan would be presented to parliament next week, "
          "and that the opposition had been consulted on every point of it.")
AFTER = ("Officials said the numbers were preliminary and could change, as more data from the "
         "regions comes in over the week.")


def _removed(line: str, lang: str | None = None) -> list[str]:
    result = clean(f"Title of the story\n\n{BEFORE}\n\n{line}\n\n{AFTER}\n", lang=lang)
    return [r.rule for r in result.removed if line in r.text]


@pytest.mark.parametrize("line, lang", [
    ("Compartir en: Facebook / X", "es"),
    ("Poleć znajomym: Facebook X", "pl"),
    ("Seguici su: Facebook Instagram Twitter", "it"),
    ("Del artiklen: Facebook · LinkedIn · E-mail", "da"),
    ("Jaa artikkeli: WhatsApp | Telegram | Kopioi linkki", "fi"),
    ("Поделиться: ВКонтакте / Telegram", "ru"),
    ("공유하기: 카카오톡 네이버 facebook", "ko"),
    ("分享到: 微博 微信", "zh"),
])
def test_share_bar_in_any_language(line, lang):
    assert _removed(line, lang), line


@pytest.mark.parametrize("line, lang", [
    ("Foto 3/12", "de"), ("Bild 3 von 12", "de"), ("Фото 3 из 12", "ru"), ("Zdjęcie 3 z 12", "pl"),
    ("写真 3/12", "ja"), ("Kuva 2/8", "fi"), ("Φωτογραφία 4 από 9", "el"), ("Slika 3 od 12", "hr"),
])
def test_gallery_counter_in_any_language(line, lang):
    """A language's own pack may take it first (credit.de.gallery_counter)."""
    assert _removed(line, lang), line


@pytest.mark.parametrize("line", [
    "The charity posted the appeal on Facebook and X, where it was shared thousands of times.",
    "Platforms: Facebook, Instagram",
    "Instagram and Facebook",
    "Follow-up: the WhatsApp group grew to 400 members within a week.",
    "5/5",
    "Rating: 4/5",
    "Dimensions: 10 x 12 x 4 inches",
    "Foto 3/12 zeigt den Bürgermeister vor dem Rathaus.",
])
def test_body_lines_stay(line):
    assert _removed(line) == [], line
