"""Non-English rule packs: every pack loads, ids are well-formed, and the fixtures in
fixtures/lang/ lose exactly the lines their sidecar .expect.toml lists (with those
categories) while every other non-blank line survives into the cleaned text.

Fixtures are `<lang>_<n>.txt` with `<lang>_<n>.expect.toml` beside them:

    lang = "de"
    drop = [ { line = 3, category = "credit" }, ... ]   # 1-based input lines
    [meta]                                               # optional
    date = "3. März 2024"
    byline = "Anna Schneider"

`lang=` is always passed explicitly, so these tests never depend on language detection.
"""
from __future__ import annotations

import pathlib
import tomllib

import pytest

from cleaner import clean
from cleaner.packs.load import load_dir, load_file
from single_line import PARA as _PARA, check_single_line

ROOT = pathlib.Path(__file__).resolve().parents[2]
RULES = ROOT / "rules"
FIXTURES = ROOT / "fixtures" / "lang"

LANGS = ("de", "fr", "es", "it", "pt", "nl", "pl", "uk", "ru", "tr", "cs")
CATEGORIES = ("credit", "dateline", "related", "donation", "byline", "navigation", "site", "newsletter")

# Pre-existing rules whose id does not start with their category (not part of the
# language packs; kept here so the check below stays strict for everything else).
KNOWN_ID_EXCEPTIONS = {"related.en.originally_published"}  # category = "site"


def _norm(s: str) -> str:
    return " ".join(s.split())


# --------------------------------------------------------------------------- packs

def test_every_rule_file_loads_and_ids_are_unique():
    rules = load_dir(RULES)
    assert rules
    seen: dict[str, str] = {}
    for r in rules:
        assert r.id not in seen, f"duplicate rule id {r.id} in {r.source} and {seen[r.id]}"
        seen[r.id] = r.source
        if r.id in KNOWN_ID_EXCEPTIONS:
            continue
        assert r.id.startswith(r.category + "."), f"{r.id} ({r.source}) does not start with its category {r.category!r}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("category", CATEGORIES)
def test_language_pack_exists_and_is_consistent(lang, category):
    path = RULES / category / f"{lang}.toml"
    assert path.is_file(), f"missing pack {path.relative_to(ROOT)}"
    rules = load_file(path)
    assert rules, f"{path.relative_to(ROOT)} has no rules"
    for r in rules:
        assert r.category == category, f"{r.id}: category {r.category!r} in {category}/ pack"
        assert r.lang == lang, f"{r.id}: lang {r.lang!r} in {lang}.toml"
        assert r.id.startswith(f"{category}.{lang}."), f"{r.id}: expected id {category}.{lang}.<name>"
        assert r.description, f"{r.id}: no description"
        if r.action in ("drop_line", "drop_region"):
            assert r.max_words is not None, f"{r.id}: a drop rule needs a max_words bound"
        if r.region == "appeal":
            assert r.cont is not None, f"{r.id}: an appeal region needs a `continue` pattern"
        if category == "dateline":
            assert r.meta == "date" and "(?P<value>" in r.pattern.pattern, f"{r.id}: dateline rules set meta = date with a value group"
        if category == "byline" and r.meta is not None:
            assert r.meta == "byline" and "(?P<value>" in r.pattern.pattern, f"{r.id}: byline meta needs a value group"


# ------------------------------------------------------------------------ fixtures

def _fixture_names() -> list[str]:
    return sorted(p.stem for p in FIXTURES.glob("*.txt"))


def _lines_with_offsets(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def test_fixtures_cover_every_language():
    names = _fixture_names()
    for lang in LANGS:
        assert any(n.startswith(lang + "_") for n in names), f"no fixture for {lang}"
    for name in names:
        assert (FIXTURES / f"{name}.expect.toml").is_file(), f"{name}.txt has no .expect.toml sidecar"


@pytest.mark.parametrize("name", _fixture_names())
def test_fixture(name):
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    expect = tomllib.loads((FIXTURES / f"{name}.expect.toml").read_text(encoding="utf-8"))
    lang = expect.get("lang", name.split("_")[0])
    assert lang == name.split("_")[0]
    want = {d["line"]: d["category"] for d in expect.get("drop", [])}

    r = clean(text, lang=lang)
    lines = _lines_with_offsets(text)
    for n in want:
        assert 1 <= n <= len(lines) and lines[n - 1][2].strip(), f"{name}: expected drop on blank/missing line {n}"

    got: dict[int, str] = {}
    for rm in r.removed:
        assert rm.text == text[rm.start:rm.end], f"{name}: removal text does not match its offsets"
        for n, (a, b, raw) in enumerate(lines, 1):
            if not raw.strip():
                continue
            if rm.start <= a and b <= rm.end:
                got[n] = rm.category
            elif rm.start < b and a < rm.end:
                pytest.fail(f"{name}: removal {rm.rule} covers only part of line {n}: {raw!r}")

    diff = []
    for n in sorted(set(want) | set(got)):
        if want.get(n) != got.get(n):
            diff.append(f"line {n}: want {want.get(n)}, got {got.get(n)} ({_rule_for(r, lines, n)}) | {lines[n - 1][2][:90]}")
    assert not diff, f"{name}:\n  " + "\n  ".join(diff)

    kept = {_norm(p) for p in r.text.split("\n\n") if p.strip()}
    for n, (_, _, raw) in enumerate(lines, 1):
        if raw.strip() and n not in want:
            assert _norm(raw) in kept, f"{name}: line {n} did not survive into r.text: {raw[:90]!r}"

    for key, value in expect.get("meta", {}).items():
        got = r.meta.get("date_text" if key == "date" else key)   # meta.date is ISO 8601
        assert got == value, f"{name}: meta[{key!r}] = {got!r}, want {value!r}"


def _rule_for(r, lines, n) -> str:
    a, b, _ = lines[n - 1]
    for rm in r.removed:
        if rm.start <= a and b <= rm.end:
            return rm.rule
    return "-"


# ----------------------------------------------------------------- single lines
# Each line is put between two ordinary paragraphs under a title, so only the rules
# decide (no title, caption or cohesion mechanism is involved).

LINES = [
    # German
    ("de", "Foto: picture alliance/dpa | Michael Kappeler", "credit"),
    ("de", "Bundeskanzler im Bundestag in Berlin. Foto: Kay Nietfeld/dpa", "credit"),
    ("de", "Bild: Imago", "credit"),
    ("de", "Symbolbild", "credit"),
    ("de", "Aktualisiert am 03.03.2024 um 10:41 Uhr", "dateline"),
    ("de", "Stand: 03.03.2024 10:41 Uhr", "dateline"),
    ("de", "Montag, 3. März 2024, 10:41 Uhr", "dateline"),
    ("de", "Das könnte Sie auch interessieren", "related"),
    ("de", "Unterstützen Sie uns mit einem monatlichen Beitrag!", "donation"),
    ("de", "Abonnieren Sie unseren kostenlosen Newsletter.", "newsletter"),
    ("de", "Dieser Artikel ist nur für Abonnenten verfügbar.", "newsletter"),
    ("de", "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.", "newsletter"),
    ("de", "Dieser Artikel erschien zuerst bei Zeit Online.", "site"),
    ("de", "Impressum | Datenschutz", "site"),
    ("de", "Schlagworte: Rente, Bundestag, Haushalt", "navigation"),
    ("de", "Folgen Sie uns auf Facebook und Instagram", "navigation"),
    ("de", "Lesezeit: 4 Min.", "navigation"),
    ("de", "Von Max Mustermann und Erika Musterfrau, Berlin", "byline"),
    ("de", "Autorin: Erika Musterfrau", "byline"),
    ("de", "Lesen Sie auch den Bericht der Kommission, der am Montag veröffentlicht wurde und viele Fragen offen lässt.", None),
    ("de", "Von Krise zu Krise", None),
    ("de", "Von Berlin nach Moskau fuhr der Zug in drei Tagen.", None),
    ("de", "Jetzt spenden die Bürger mehr als je zuvor.", None),
    ("de", "Mehr zum Thema Rente sagte der Minister nicht.", None),
    ("de", "Der Text ist zuerst im Ausschuss beraten worden, bevor er ins Plenum kam.", None),
    ("de", "„Unterstützen Sie uns“, sagte der Bürgermeister zu den Anwohnern.", None),
    # French
    ("fr", "Le président à l'Élysée (Photo AFP)", "credit"),
    ("fr", "Photo d'illustration", "credit"),
    ("fr", "Publié le 03/03/2024 à 10:41, mis à jour le 03/03/2024 à 12:05", "dateline"),
    ("fr", "Le lundi 3 mars 2024 à 10h41", "dateline"),
    ("fr", "Lire aussi | Les agriculteurs reprennent la mobilisation", "related"),
    ("fr", "LIRE AUSSI. Les agriculteurs reprennent la mobilisation", "related"),
    ("fr", "Soutenez le journalisme indépendant en faisant un don dès 1 €.", "donation"),
    ("fr", "Il vous reste 78% de cet article à lire.", "newsletter"),
    ("fr", "Déjà abonné ? Se connecter", "newsletter"),
    ("fr", "Cet article a été initialement publié sur The Conversation.", "site"),
    ("fr", "Par Jean Dupont et Marie Martin, envoyée spéciale à Kiev", "byline"),
    ("fr", "Par la rédaction", "byline"),
    ("fr", "Lire aussi le rapport de la Cour. Il montre que les dépenses ont explosé depuis dix ans.", None),
    ("fr", "Par Jean Dupont, le maire a été informé de la situation la veille au soir.", None),
    ("fr", "Soutenez-nous, a lancé le maire devant les habitants réunis sur la place.", None),
    # Spanish
    ("es", "Imagen de archivo", "credit"),
    ("es", "Actualizado: 03/03/2024 10:41 CET", "dateline"),
    ("es", "LEA TAMBIÉN: El Gobierno aprueba la reforma de las pensiones", "related"),
    ("es", "Hazte socio de elDiario.es y apoya el periodismo independiente.", "donation"),
    ("es", "¿Ya eres suscriptor? Inicia sesión", "newsletter"),
    ("es", "Por Juan Pérez de la Rosa y Ana García | Madrid", "byline"),
    ("es", "Dona la mitad de su sueldo a una ONG, según explicó el propio diputado.", None),
    ("es", "Por la tarde, los diputados votaron la reforma.", None),
    # Italian
    ("it", "Il presidente del Consiglio a Palazzo Chigi (Foto Ansa)", "credit"),
    ("it", "Aggiornato il 03/03/2024 ore 12:05", "dateline"),
    ("it", "LEGGI ANCHE -> Manovra, ecco cosa cambia per le pensioni", "related"),
    ("it", "Riproduzione riservata ©", "site"),
    ("it", "Sei già abbonato? Accedi", "newsletter"),
    ("it", "Di Mario Rossi e Giulia Bianchi", "byline"),
    ("it", "Di Maio ha detto che il governo non cadrà.", None),
    ("it", "Di Maio e Conte", None),
    # Portuguese
    ("pt", "Reprodução/Instagram", "credit"),
    ("pt", "03/03/2024 10h41 - Atualizado há 2 horas", "dateline"),
    ("pt", "Já é assinante? Faça login", "newsletter"),
    ("pt", "Da Redação", "byline"),
    ("pt", "Por João Silva, o caso foi encaminhado à polícia.", None),
    # Dutch
    ("nl", "Premier in de Tweede Kamer. Beeld Jiri Büller", "credit"),
    ("nl", "Beeld ANP / Koen van Weel", "credit"),
    ("nl", "Bijgewerkt: 03-03-2024, 12:05", "dateline"),
    ("nl", "Meer over dit onderwerp", "related"),
    ("nl", "Door Jan de Vries en Anna Bakker, Brussel", "byline"),
    ("nl", "Door de storm vielen veel bomen om.", None),
    ("nl", "Het verhaal is in Amsterdam begonnen, vertelt de schrijver.", None),
    # Polish
    ("pl", "Premier w Sejmie. Fot. PAP/Leszek Szymański", "credit"),
    ("pl", "Aktualizacja: 03.03.2024 10:41", "dateline"),
    ("pl", "ZOBACZ TEŻ: Rząd chce zmian w podatkach", "related"),
    ("pl", "Wesprzyj nas dowolną kwotą – każda wpłata się liczy!", "donation"),
    ("pl", "Oprac. Anna Nowak", "byline"),
    ("pl", "Reklama", "navigation"),
    ("pl", "Wszelkie prawa zastrzeżone", "site"),
    ("pl", "Wesprzyj nas w tej walce, apelował premier do zgromadzonych rolników.", None),
    # Ukrainian
    ("uk", "Президент під час зустрічі у Києві. Фото: Офіс президента", "credit"),
    ("uk", "Фото ілюстративне", "credit"),
    ("uk", "10:41, 3 березня 2024", "dateline"),
    ("uk", "3 березня 2024 р., 10:41", "dateline"),
    ("uk", "Помітили помилку? Виділіть її та натисніть Ctrl+Enter", "site"),
    ("uk", "Підтримайте нас, закликав президент партнерів у своєму зверненні до парламенту.", None),
    # Russian
    ("ru", "Фото: РИА Новости / Иван Петров", "credit"),
    ("ru", "3 марта 2024 года", "dateline"),
    ("ru", "Смотрите также", "related"),
    ("ru", "При использовании материалов ссылка на сайт обязательна.", "site"),
    ("ru", "18+", "site"),
    ("ru", "Автор законопроекта Иван Петров заявил, что документ будет принят.", None),
    # Turkish (str.lower() turns İ into i + U+0307)
    ("tr", "TEMSİLİ GÖRSEL", "credit"),
    ("tr", "Yayınlanma tarihi: 3 Mart 2024 Pazar", "dateline"),
    ("tr", "İLGİLİ HABER: Merkez Bankası faiz kararını açıkladı", "related"),
    ("tr", "İlgili Haberler", "related"),
    ("tr", "Haber Merkezi", "byline"),
    ("tr", "Sitemizde çerezler kullanılmaktadır.", "newsletter"),
    ("tr", "Tüm hakları saklıdır", "site"),
    ("tr", "İlgili haberlerin ardından bakanlık açıklama yaptı.", None),
    # Czech
    ("cs", "Premiér na tiskové konferenci. Foto: ČTK/Michal Kamaryt", "credit"),
    ("cs", "3. 3. 2024 10:41", "dateline"),
    ("cs", "Související články", "related"),
    ("cs", "ČTK", "byline"),
    ("cs", "Tento web používá soubory cookies.", "newsletter"),
    ("cs", "Publikování nebo šíření obsahu je zakázáno bez předchozího souhlasu.", "site"),
    ("cs", "Čtěte také zprávu ministerstva, kterou úřad zveřejnil v pondělí na svém webu.", None),
    ("cs", "Podpořte nás, vyzval premiér občany během projevu.", None),
    # A press release's closing company description (site.<lang>.company_boilerplate, where = "tail")
    ("en", "Acme is a global provider of payment software. Acme is headquartered in Boston and employs around 1,300 people worldwide.", "site"),
    ("en", "Acme is a small firm that has struggled since its founder left, and employees say morale is low.", None),
    ("de", "Acme ist ein führender Anbieter von Zahlungssoftware mit Sitz in Berlin und beschäftigt rund 1.300 Mitarbeiter weltweit.", "site"),
    ("de", "Acme ist ein kleines Unternehmen, das seit dem Weggang des Gründers kämpft.", None),
    ("fr", "Acme est un leader mondial du paiement dont le siège est à Lyon et emploie 1 300 personnes.", "site"),
    ("fr", "Acme est une petite entreprise qui peine depuis le départ de son fondateur.", None),
    ("es", "Acme es un proveedor global de software de pagos con sede en Madrid que emplea a 1.300 personas.", "site"),
    ("es", "Acme es una pequeña empresa que lucha desde la salida de su fundador.", None),
    # A caption printed with its expand/collapse toggle (credit.en.caption_toggle)
    ("en", "Defense Secretary Mark Esper, left, and Defense Minister Ngo Xuan Lich shake hands in Hanoi. less", "credit"),
    ("en", "Defense Secretary Mark Esper, left, and Defense Minister Ngo Xuan Lich shake hands in ... more", "credit"),
    ("en", "The minister said the new rules would matter less than the money, and that voters want more.", None),
    # Newsletter promos (newsletter.en.daily_promo)
    ("en", "Get the day's big stories + fun stuff you love like mock drafts, picks and power rankings.", "newsletter"),
    ("en", "Start your day with the Opening Bell powered by The Water Coolest. Sign up for the free daily newsletter.", "newsletter"),
    ("en", "Start your day with a glass of water, the doctor advised, before any coffee.", None),
    # Comment-form and comment-policy furniture (navigation.<lang>.comment_furniture)
    ("en", "Comments are moderated and will not appear until approved.", "navigation"),
    ("en", "Leave a Reply Cancel reply", "navigation"),
    ("en", "Comments from residents were moderated by the council before the vote.", None),
    ("pt", "ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao usuário não serão aprovados pelo moderador.", "navigation"),
    ("pt", "Os comentários do ministro foram criticados por vários deputados da oposição.", None),
    ("es", "Los comentarios son moderados antes de su publicación.", "navigation"),
    ("es", "Los comentarios del presidente provocaron una fuerte reacción en el Congreso.", None),
    ("it", "Lascia un commento Annulla risposta", "navigation"),
    ("it", "I commenti del ministro sono stati accolti con freddezza dai sindacati.", None),
    ("fr", "Les commentaires sont modérés avant publication.", "navigation"),
    ("fr", "Les commentaires du ministre ont suscité une vive polémique à l'Assemblée.", None),
    ("de", "Kommentare werden vor der Veröffentlichung geprüft.", "navigation"),
    ("de", "Die Kommentare des Ministers sorgten im Bundestag für Empörung.", None),
    ("nl", "Reacties worden gemodereerd.", "navigation"),
    ("nl", "De reacties van de minister vielen slecht bij de oppositie.", None),
    ("pl", "Komentarze są moderowane.", "navigation"),
    ("pl", "Komentarze ministra wywołały burzę w Sejmie.", None),
    ("cs", "Komentáře jsou moderovány.", "navigation"),
    ("cs", "Komentáře ministra vyvolaly ve sněmovně bouři.", None),
    ("ru", "Все комментарии проходят модерацию.", "navigation"),
    ("ru", "Комментарии министра вызвали бурю в парламенте.", None),
    ("uk", "Коментарі проходять модерацію.", "navigation"),
    ("uk", "Коментарі міністра викликали бурю у парламенті.", None),
    ("tr", "Yorumlar onaylandıktan sonra yayınlanır.", "navigation"),
    ("tr", "Bakanın yorumları mecliste tartışma yarattı.", None),
    # Bracketed read-also teasers (related.<lang>.bracketed_teaser)
    ("it", "(Leggi anche su: I Cavalieri dello Zodiaco: ecco gli attori che interpreteranno Pegasus)", "related"),
    ("it", "(Leggi anche il rapporto della Commissione, pubblicato lunedì, che lascia molte domande aperte.)", None),
    ("de", "(Lesen Sie auch: Die Rente steigt im Juli)", "related"),
    ("fr", "[Lire aussi : Les agriculteurs reprennent la mobilisation]", "related"),
    ("es", "(Lea también: El Gobierno aprueba la reforma)", "related"),
    ("pt", "(Leia também: Governo aprova a reforma da previdência)", "related"),
    ("nl", "(Lees ook: Kabinet valt over stikstof)", "related"),
    ("pl", "(Czytaj też: Sejm przyjął ustawę budżetową)", "related"),
    ("cs", "(Čtěte také: Vláda schválila rozpočet)", "related"),
    ("ru", "(Читайте также: Госдума приняла бюджет)", "related"),
    ("uk", "(Читайте також: Рада ухвалила бюджет)", "related"),
    ("tr", "(İlgili haber: Meclis bütçeyi kabul etti)", "related"),
    # Media-tagged headline teasers (related.media_teaser)
    ("en", "Ecoflow River 370 Review: Charge up to 9 devices with this power station [Video]", "related"),
    ("en", "BLACK DEATH PLAGUE fears: Holidaymakers die after eating marmot [INSIGHT]", "related"),
    ("de", "Integrierte Versorgung am Universitätsklinikum Heidelberg (UKHD)", None),
    ("en", "The video was posted online on Tuesday and has been viewed two million times [Video].", None),
    # Shortcodes, image URLs, bare contacts, source lines, (c) captions
    ("en", "[button link=\"http://www.example.co.uk/submit-kit-review/\" type=\"big\"] Send us YOUR kit review[/button]", "navigation"),
    ("en", "[The Palace] The Beauty of Korea Revealed at the Festival", None),
    ("en", "https://static6.example.de/image/5d1ce1ae2516e9500e130fa8-500-250/how-to-retire-early.jpg", "site"),
    ("en", "http://amzn.to/2A5qzvo", None),
    ("en", "paul.takahashi@chron.com", "byline"),
    ("en", "SOURCE: Al Jazeera News", "credit"),
    ("de", "Quelle: dpa", "credit"),
    ("en", "Source: a senior official said the talks would resume next week.", None),
    ("en", "Jewels after Jewels, installation views, photos © Inexhibit, 2018", "credit"),
    ("en", "The museum bought the photos in 2018 from a private collector in Milan.", None),
    # CJK rights notices and date stamps (site.reproduction_prohibited, dateline.cjk_stamp)
    ("ko", "Copyright ⓒ Entermedia.co.kr. 무단전재 및 재배포 금지", "site"),
    ("ko", "기사입력 :[ 2018-08-25 15:24 ]", "dateline"),
    # Company registration ids in footers (site.<lang>.company_id)
    ("pt", "Jaraguá do Sul - SC - CNPJ: 83.102.459/0001-23 - Rua Walter Marquardt, 1111 - Fone: (047) 2106-8000", "site"),
    ("pt", "A empresa, inscrita no CNPJ 83.102.459/0001-23, foi multada pelo Procon na semana passada.", None),
    ("it", "Editore Srl - P.IVA 01234567890 - Via Roma 1, Milano", "site"),
    ("de", "Amtsgericht München | Handelsregister: HRB 123456 | USt-IdNr.: DE123456789", "site"),
    ("pl", "Wydawca Sp. z o.o. - NIP: 123-456-78-90 - KRS: 0000123456", "site"),
    # Post-meta lines (dateline.pt.post_meta, dateline.en.post_meta)
    ("pt", "05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad arrombamento veiculo", "dateline"),
    ("en", "November 18, 2019 - Posted by Jane Doe in Health", "dateline"),
    ("en", "- Published 18 November 2019", "dateline"),
    # English promos and widgets
    ("en", "If you enjoyed this article, we have a proposition for you: Join NRPLUS. Members get all of our content.", "donation"),
    ("en", "If you enjoyed the film, the director said, you will like the sequel even more.", None),
    ("en", "There's plenty more where that came from. Sign up for The Water Coolest today to get the free daily newsletter delivered to your inbox daily.", "newsletter"),
    ("en", "Readers can sign up for the newsletter, which the paper launched in May after a long delay.", None),
    ("en", "Get access to India's fastest growing financial subscriptions service Moneycontrol Pro for as little as Rs 599 for first year. Use the code \"GETPRO\".", "newsletter"),
    ("en", "Get access to the documents was the first demand of the opposition.", None),
    ("en", "Pick Six Newsletter", "newsletter"),
    ("en", "Mike Wall's book, \"Out There\", is out now. Follow him on Twitter @michaeldwall. Follow us on Twitter @Spacedotcom or Facebook.", "byline"),
    ("en", "He urged voters to follow him on the campaign trail through Iowa, Nevada and South Carolina this winter.", None),
    ("en", "The Times is committed to publishing a diversity of letters to the editor. We'd like to hear what you think about this or any of our articles.", "navigation"),
    ("en", "Text size", "navigation"),
    ("en", "You may also like...", "related"),
    ("en", "Popular on IndieWire", "related"),
    ("en", "Popular online games are drawing a younger audience, the study found.", None),
    # photo galleries: counters and parenthesised credit lines, in each language
    ("en", "Image 2 of 5", "credit"),
    ("en", "Photo 1 of / 23", "credit"),
    ("en", "(Image credit: Blue Origin)", "credit"),
    ("en", "(Photo: Damian Dovarganes/AP)", "credit"),
    ("en", "(Graphic: Global assets in 2019 - here)", None),
    ("en", "Image 2 of 5 shows the lander on the lunar surface, the agency said in its statement.", None),
    ("en", "1 of 6", "credit"),
    ("en", "1 / 23", "credit"),
    ("en", "1/2 cup sugar", None),
    ("en", "Back to Gallery", "credit"),
    ("en", "Caption", "credit"),
    ("en", "12 photos", "credit"),
    ("en", "Back to the gallery, the owner said, where the paintings were hung again last week.", None),
    ("en", "Jonathan P. Blair Submitted photo", "credit"),
    ("en", "Main Street in 1952 File photo", "credit"),
    ("en", "He said the court ordered a file photo.", None),
    ("en", "Police released a submitted photo of the two suspects and asked anyone who knew them to call.", None),
    ("en", "Story continues below gallery", "navigation"),
    ("en", "Continue Reading Below", "navigation"),
    ("en", "Article continues after advertisement", "navigation"),
    ("en", "The story continues below the surface of the lake, where divers found the wreck.", None),
    ("de", "Bild 3 von 12", "credit"),
    ("fr", "Photo 3 sur 12", "credit"),
    ("es", "Foto 3 de 12", "credit"),
    ("pt", "Imagem 3 de 12", "credit"),
    ("it", "Foto 3 di 12", "credit"),
    ("nl", "Foto 3 van 12", "credit"),
    ("pl", "Zdjęcie 3 z 12", "credit"),
    ("cs", "Foto 3 z 12", "credit"),
    ("ru", "Фото 3 из 12", "credit"),
    ("uk", "Фото 3 з 12", "credit"),
    ("de", "Bild 3 von 12 Kandidaten wurde am Ende gewählt, sagte der Sprecher der Partei am Abend.", None),
    # breadcrumbs (every language): a trail goes, a body line listing options stays
    ("en", "Home > News > Politics", "navigation"),
    ("de", "Startseite › Politik › Ausland", "navigation"),
    ("en", "November 19, 2019 / 12:21 AM / Updated 14 hours ago", "navigation"),
    ("en", "- Hiking pants (Men’s / Women’s) & shorts (Men’s / Women’s)", None),
    ("en", "(PPF: 150-250 umol m-2s-1 / 250-1,000 foot-candles / 15-20 watts)", None),
    ("en", "Sources: Architectural Digest | Forbes HOME | Angi", None),
    ("en", "Example: Women > Rings > Diamond rings", None),
    ("en", "- More jobs / funding mean more projects / resources", None),
    ("en", "'Taylor Swift | The Eras Tour | The Final Show'", None),
    # payment channels (every language): an appeal's channel goes, a body sentence naming PayPal stays
    ("en", "Support us on Patreon", "donation"),
    ("de", "Spenden an IBAN: DE12 5001 0517 5407 3249 31", "donation"),
    ("en", "If you like our work, support us on Patreon", "donation"),
    ("en", "Donations: Streamers accept tips via PayPal, StreamElements, or Ko-fi links.", None),
    ("en", "- UX designers at PayPal.", None),
]

@pytest.mark.parametrize("lang,line,category", LINES, ids=[f"{l}:{t[:40]}" for l, t, _ in LINES])
def test_single_line(lang, line, category):
    check_single_line(lang, line, category)


def test_tail_rules_only_fire_among_the_last_lines():
    """where = "tail": the company description closing a press release goes, the same
    sentence in the middle of a story stays."""
    company = ("Acme is a global provider of payment software. Acme is headquartered in Boston "
               "and employs around 1,300 people worldwide.")
    paras = [f"{_PARA} Part {n} of the story." for n in (1, 2, 3, 4)]
    at_end = f"Title of the page\n\n{paras[0]}\n\n{paras[1]}\n\n{company}\n"
    assert [rm.rule for rm in clean(at_end, lang="en").removed] == ["site.en.company_boilerplate"]
    in_middle = "\n\n".join(["Title of the page", paras[0], company] + paras[1:]) + "\n"
    r = clean(in_middle, lang="en")
    assert r.removed == [] and company in r.text
