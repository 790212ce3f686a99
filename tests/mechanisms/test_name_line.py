"""byline.name_line: a bare author name beside a removed dateline goes; name-shaped
lines anywhere else stay."""
from __future__ import annotations

from cleaner.api import Cleaner

BODY = ("Der Stadtrat hat am Montagabend nach monatelanger Debatte ein neues Verkehrskonzept "
        "für die Innenstadt beschlossen, das ab dem kommenden Jahr schrittweise umgesetzt werden soll.")
BODY2 = ("Kern des Konzepts ist eine deutliche Ausweitung der Fußgängerzone rund um den Marktplatz "
         "sowie neue Radwege entlang der großen Einfallstraßen der Stadt.")


def _clean(parts, lang="de"):
    text = "\n".join(parts) + "\n"
    return text, Cleaner().clean(text, lang=lang, flags=False)


def test_a_name_above_the_date_goes_as_byline_with_its_evidence():
    text, r = _clean(["Stadtrat beschließt Verkehrskonzept", "Anna Maria Schneider",
                      "Veröffentlicht am 3. März 2024, 10:41 Uhr", "", BODY, "", BODY2])
    gone = {text[x.start:x.end]: x for x in r.removed}
    assert "Anna Maria Schneider" in gone and gone["Anna Maria Schneider"].rule == "byline.name_line"
    assert gone["Anna Maria Schneider"].evidence[0]["rule"].startswith("dateline.")
    assert BODY in r.text and BODY2 in r.text


def test_a_name_with_a_particle_and_an_initial():
    text, r = _clean(["Council backs transport plan", "Published March 3, 2024", "Jan J. van der Berg", "",
                      "The city council approved the new transport plan on Monday after months of debate, "
                      "and the first changes will reach the old town next spring, officials said.", "",
                      "Shopkeepers in the old town have asked for a delivery window in the morning, which the "
                      "plan now includes, and the opposition wants the costs reviewed in the autumn."], lang="en")
    assert "van der Berg" not in r.text


def test_a_name_shaped_line_away_from_a_dateline_stays():
    _, r = _clean(["Stadtrat beschließt Verkehrskonzept", "Anna Schneider", "", BODY, "", "Neue Radwege", "", BODY2])
    assert "Anna Schneider" in r.text and "Neue Radwege" in r.text


def test_a_share_bar_is_not_a_name():
    text, r = _clean(["La start-up lève 45 millions", "Le 22 mai 2024", "Partager Tweeter Partager Envoyer", "",
                      "La jeune pousse lyonnaise a annoncé mercredi une levée de fonds de 45 millions d'euros "
                      "auprès d'un consortium d'investisseurs européens, selon un communiqué."], lang="fr")
    assert not [x for x in r.removed if x.rule == "byline.name_line"]
