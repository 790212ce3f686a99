"""The main-text finder on synthetic raw page text (menus, banners, teasers,
footers around an article) and on clean text it must leave alone."""
import dataclasses
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.mechanisms import mainfinder
from cleaner.mechanisms.mainfinder import DEFAULT, FinderOptions, find_boilerplate, looks_like_page
from cleaner.mechanisms.mainfinder import features
from cleaner.paths import load_data
from cleaner.text.segment import split_lines

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MENU = ["Home", "News", "World", "Politics", "Business", "Tech", "Science", "Health",
        "Sports", "Arts", "Books", "Style", "Food", "Travel", "Opinion", "Video",
        "Podcasts", "Newsletters", "Sign In", "Subscribe", "Search", "Menu"]
COOKIE = ("We use cookies to improve your experience on our site and to show you "
          "personalised advertising. By continuing you agree to our use of cookies.")
TITLE = "City council approves new plan for river park - The Example Times"
ARTICLE = [
    "City council approves new plan for river park",
    "By Jane Doe",
    "The city council voted on Tuesday to approve a long-debated plan that will turn the "
    "old industrial waterfront into a public park, ending a dispute that had divided "
    "residents for almost a decade.",
    "The plan, which was first proposed in 2015, will cost about 40 million dollars and is "
    "expected to be finished by the end of 2027, according to the city's budget office.",
    "“This is a great day for everyone who lives here,” the mayor said.",
    "Supporters say the park will bring people back to a part of the city that has been "
    "empty for years, while critics worry that the cost will be higher than the estimate "
    "and that the money would be better spent on schools and roads.",
    "The plan includes:",
    "- a walking path along the water",
    "- a playground for small children",
    "- a new bridge for bikes and people on foot",
    "Work on the first part of the park is set to begin in the spring, and the council "
    "said it would hold a public meeting next month to answer questions from residents "
    "about the schedule and the cost of the project.",
]
FOOTER = ["Related stories", "Mayor Faces Budget Questions", "Storm Hits Coastal Towns",
          "New Stadium Opens Downtown", "About Us", "Contact", "Careers", "Advertise",
          "Privacy Policy", "Terms of Use", "Cookie Settings", "Site Map",
          "© 2024 The Example Times. All rights reserved."]


def _page(header, article, footer):
    body = header + [""] + article + [""] + footer
    return "\n".join(body)


def _dropped(lines, ranges):
    out = set()
    for first, last, _cat, _rule in ranges:
        out.update(range(first, last + 1))
    return out


def _check_ranges(lines, ranges, title_index=None):
    prev_last = -1
    for first, last, cat, rule in ranges:
        assert 0 <= first <= last < len(lines)
        assert first > prev_last
        prev_last = last
        assert cat in ("navigation", "related")
        assert rule in mainfinder.RULES
        assert mainfinder.RULES[rule][0] == cat
        if title_index is not None:
            assert not first <= title_index <= last


def _drops(lines, **thresholds):
    """The lines find_boilerplate drops from an English page whose first line is its
    title (with DEFAULT's `thresholds` replaced)."""
    options = dataclasses.replace(DEFAULT, **thresholds)
    return _dropped(lines, find_boilerplate(lines, "en", title_index=0, options=options))


def _index_of(lines, text):
    return next(l.index for l in lines if l.text == text)


def test_page_keeps_article_drops_furniture():
    header = [TITLE, ""] + MENU + ["", COOKIE, "Accept", "Skip to content"] + MENU[:10]
    raw = _page(header, ARTICLE, FOOTER)
    lines = split_lines(raw)
    assert looks_like_page(lines, "en")
    ranges = find_boilerplate(lines, "en", title_index=0)
    _check_ranges(lines, ranges, 0)
    dropped = _dropped(lines, ranges)
    # every paragraph, the one-line quote and the list inside the article stay
    for text in ARTICLE[2:]:
        assert _index_of(lines, text) not in dropped, text
    # menus, the cookie banner and the footer go
    for text in MENU + [COOKIE] + FOOTER:
        for l in lines:
            if l.text == text:
                assert l.index in dropped, text
    assert 0 not in dropped
    rules = {r for _, _, _, r in ranges}
    assert "mainfinder.header" in rules and ("mainfinder.footer" in rules or "mainfinder.far_island" in rules)


def test_teaser_block_after_article_is_dropped():
    teasers = []
    for i in range(6):
        teasers += [f"Another Story Headline Number {i}",
                    "A short summary of another story that was published on the site today.",
                    f"{i + 2}h ago"]
    header = [TITLE] + MENU
    raw = _page(header, ARTICLE, ["More from the site"] + teasers + FOOTER)
    lines = split_lines(raw)
    dropped = _drops(lines)
    for text in ARTICLE[2:]:
        assert _index_of(lines, text) not in dropped, text
    for l in lines:
        if l.text.startswith("A short summary of another story"):
            assert l.index in dropped


def test_clean_article_is_left_alone():
    raw = "\n\n".join(ARTICLE)
    lines = split_lines(raw)
    assert not looks_like_page(lines, "en")
    # the engine stops at the gate; the finder itself would at most take the byline
    dropped = _drops(lines)
    assert {lines[i].text for i in dropped} <= {"By Jane Doe"}
    no_byline = [ARTICLE[0]] + ARTICLE[2:]
    lines = split_lines("\n".join(no_byline))
    assert find_boilerplate(lines, "en", title_index=0) == []


def test_article_with_one_line_paragraphs_is_not_a_page():
    paras = []
    for i in range(12):
        paras.append(ARTICLE[2 + i % 4])
        paras.append("He declined to comment.")
        paras.append("Why it matters")
    lines = split_lines("\n\n".join(paras))
    assert not looks_like_page(lines, "en")


def test_list_and_table_heavy_text_is_not_a_page():
    rows = [f"| {i} | Driver Name {i} | {5000 - i * 7} | {i % 3} |" for i in range(40)]
    dates = [f"{i}a etapa: {i + 3} de maio – Interlagos" for i in range(1, 15)]
    lines = split_lines("\n".join(["Classificação final:"] + rows + dates))
    assert not looks_like_page(lines, "pt")


GERMAN_MENU = ["Startseite", "Politik", "Wirtschaft", "Kultur", "Sport", "Wissen",
               "Reise", "Auto", "Digital", "Panorama", "Anmelden", "Abonnieren",
               "Suche", "Newsletter", "Podcasts", "Videos", "Meinung", "Karriere",
               "Impressum", "Datenschutz", "Kontakt"]
GERMAN_ARTICLE = [
    "Der Stadtrat hat am Dienstag nach langer Debatte beschlossen, dass das alte "
    "Industriegelände am Fluss in einen öffentlichen Park umgewandelt wird, und damit "
    "einen Streit beendet, der die Bewohner fast zehn Jahre lang gespalten hatte.",
    "Die Kosten werden auf etwa 40 Millionen Euro geschätzt, und die Arbeiten sollen nach "
    "Angaben der Stadt bis Ende des Jahres 2027 abgeschlossen sein.",
    "„Das ist ein guter Tag für die Stadt“, sagte die Bürgermeisterin.",
    "Kritiker befürchten jedoch, dass die Kosten am Ende höher sein werden als geplant und "
    "dass das Geld besser in Schulen und Straßen investiert wäre, die in einem schlechten "
    "Zustand sind.",
]


def test_german_page():
    raw = _page(["Stadtrat beschließt neuen Park - Beispielzeitung"] + GERMAN_MENU,
                GERMAN_ARTICLE, GERMAN_MENU[-8:] + ["© 2024 Beispielzeitung"])
    _assert_article_stays_and_menus_go(raw, "de", GERMAN_ARTICLE, GERMAN_MENU)


RUSSIAN_MENU = ["Главная", "Новости", "Политика", "Экономика", "Общество", "Спорт",
                "Культура", "Наука", "Технологии", "Авто", "Недвижимость", "Туризм",
                "Видео", "Фото", "Подписка", "Войти", "Поиск", "Контакты", "Реклама",
                "Вакансии", "О проекте"]
RUSSIAN_ARTICLE = [
    "Городской совет во вторник после долгих споров одобрил план, по которому старая "
    "промышленная зона на берегу реки будет превращена в общественный парк, и это решение "
    "завершило спор, который почти десять лет разделял жителей города.",
    "Как сообщили в мэрии, стоимость проекта составит около 40 миллионов рублей, а работы "
    "должны быть закончены к концу 2027 года.",
    "«Это хороший день для всех нас», — сказала мэр.",
    "Однако критики опасаются, что в итоге расходы окажутся выше, чем планировалось, и что "
    "эти деньги лучше было бы потратить на школы и дороги, которые давно нуждаются в ремонте.",
]


def test_russian_page():
    raw = _page(["Совет одобрил новый парк - Пример"] + RUSSIAN_MENU,
                RUSSIAN_ARTICLE, RUSSIAN_MENU[-10:])
    _assert_article_stays_and_menus_go(raw, "ru", RUSSIAN_ARTICLE, RUSSIAN_MENU)


def _assert_article_stays_and_menus_go(raw: str, lang: str, article: list[str], menu: list[str]) -> None:
    """A page in `lang` is taken for one, its article paragraphs stay and every copy
    of a menu line goes."""
    lines = split_lines(raw)
    assert looks_like_page(lines, lang)
    dropped = _dropped(lines, find_boilerplate(lines, lang, title_index=0))
    for text in article:
        assert _index_of(lines, text) not in dropped, text
    for text in menu:
        for l in lines:
            if l.text == text:
                assert l.index in dropped, text


def test_language_without_stoplist():
    # no stopword list for "xx" (nor for Japanese): sentence punctuation decides
    header = [TITLE] + MENU
    raw = _page(header, ARTICLE, FOOTER)
    lines = split_lines(raw)
    dropped = _dropped(lines, find_boilerplate(lines, "xx", title_index=0))
    for text in ARTICLE[2:6]:
        assert _index_of(lines, text) not in dropped, text
    assert _index_of(lines, "Politics") in dropped
    ja_article = ["東京都は火曜日、川沿いの古い工場地帯を公園に変える計画を正式に承認した。住民の間では十年近く議論が続いていた。",
                  "計画の費用はおよそ四十億円で、二〇二七年末までに完成する予定だと市の担当者は説明した。",
                  "反対派は、費用が見積もりより膨らむことを心配しており、学校や道路に使うべきだと主張している。"]
    raw = _page(["公園計画を承認 - 例新聞"] + MENU, ja_article, FOOTER)
    lines = split_lines(raw)
    dropped = _dropped(lines, find_boilerplate(lines, "ja", title_index=0))
    for text in ja_article:
        assert _index_of(lines, text) not in dropped, text
    assert _index_of(lines, "Politics") in dropped


def test_empty_and_tiny_inputs():
    for raw in ["", "\n", "\n\n\n", "One line only.", "Home", "   "]:
        lines = split_lines(raw)
        assert looks_like_page(lines, "en") in (False, True)
        ranges = find_boilerplate(lines, "en")
        _check_ranges(lines, ranges)
        ranges = find_boilerplate(lines, "en", title_index=0)
        _check_ranges(lines, ranges, 0)
    assert find_boilerplate([], "en") == []
    assert not looks_like_page([], "en")


def test_thresholds_are_options():
    for name in ("min_good_chars", "min_long_chars", "min_stopword_density",
                 "min_good_stopword_density", "max_link_density", "min_menu_lines",
                 "min_gate_menu_run", "min_menu_share", "max_anchor_distance"):
        assert hasattr(DEFAULT, name)
    assert FinderOptions() == DEFAULT and DEFAULT.min_good_chars == 70   # jusText's length_low
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT.min_good_chars = 1
    lines = split_lines(_page([TITLE] + MENU, ARTICLE, FOOTER))
    # a gate that demands more menu lines than the page has stays shut
    assert looks_like_page(lines, "en")
    assert not looks_like_page(lines, "en", options=dataclasses.replace(DEFAULT, min_menu_lines=1000))
    # the dearer furniture is, the less of the page the article can span
    default = _drops(lines)
    dear = dataclasses.replace(DEFAULT, short_penalty=5000.0)
    strict = _dropped(lines, find_boilerplate(lines, "en", title_index=0, options=dear))
    assert default < strict
    assert _index_of(lines, ARTICLE[2]) not in strict


def test_linear_enough():
    raw = _page([TITLE] + MENU, ARTICLE, FOOTER)
    big = "\n".join([raw] * 150)   # ~250 KB
    lines = split_lines(big)
    t = time.perf_counter()
    looks_like_page(lines, "en")
    find_boilerplate(lines, "en", title_index=0)
    assert time.perf_counter() - t < 5.0


BOILER = MENU + FOOTER + ["Share this with Facebook", "https://example.com/a/b", "Read more »",
                          "News | World | Europe", "12 comments", "Advertisement"]
line = st.one_of(st.sampled_from(BOILER), st.sampled_from(ARTICLE + GERMAN_ARTICLE),
                 st.text(max_size=120))
sep = st.sampled_from(["\n", "\n\n", "\r\n", "\u00a0\n"])
doc = st.lists(st.tuples(line, sep), max_size=40).map(lambda xs: "".join(a + b for a, b in xs))


@FAST
@given(doc, st.sampled_from(["en", "de", "ru", "ja", "xx", ""]), st.booleans())
def test_arbitrary_text_never_raises_and_ranges_are_valid(raw, lang, with_title):
    lines = split_lines(raw)
    looks_like_page(lines, lang)
    title = None
    if with_title:
        title = next((l.index for l in lines if l.text), None)
    ranges = find_boilerplate(lines, lang, title_index=title)
    _check_ranges(lines, ranges, title)
    for first, last, _, _ in ranges:
        assert not lines[first].blank and not lines[last].blank


def _link_flags(texts, lang):
    lines = split_lines("\n".join(texts))
    options = dataclasses.replace(DEFAULT, max_link_density=0.5, min_separators=2)
    return [f.link for f in features.line_features(lines, lang, options)]


def test_a_copyright_notice_in_the_pages_language_counts_as_furniture():
    notices = {"en": "The Example Times. All rights reserved.",
               "de": "Beispielzeitung GmbH. Alle Rechte vorbehalten.",
               "pt": "Exemplo Notícias. Todos os direitos reservados.",
               "ru": "Пример. Все права защищены.",
               "ko": "엔터미디어, 무단전재 및 재배포금지",
               "ja": "記事の無断転載を禁じます"}
    prose = "The council voted on Tuesday to approve the plan for the park by the river."
    for lang, notice in notices.items():
        assert _link_flags([prose, notice], lang) == [False, True], lang
    # the symbols and English hold on every page; another language's notice does not
    assert _link_flags(["Copyright 2024 Beispielzeitung", "Ⓒ 2024 엔터미디어"], "de") == [True, True]
    assert _link_flags(["Beispielzeitung GmbH. Alle Rechte vorbehalten."], "fr") == [False]


def test_every_language_of_the_copyright_data_compiles_with_literal_cues():
    for lang in load_data("mechanisms", "mainfinder")["copyright"]:
        pattern, cues = features._copyright(lang)
        assert cues, lang       # a literal screen: lines without a cue are never searched


# Short paragraphs (one sentence each, under MIN_LONG_CHARS) split by blocks of
# photo credits and embed buttons: the shape of a BBC page.
SPLIT_ARTICLE_HEAD = [
    "A row involving a singer, her former record label and two politicians looks like it is ending.",
    "The group that owns most of her music says she will be allowed to play her old songs on Sunday.",
    "The singer got high profile support last week, after she accused them of trying to stop her.",
    "But the company says that she did not need their permission to perform in the first place.",
]
SPLIT_ARTICLE_TAIL = [
    "Her first six albums were released through the label, which was bought out earlier this year.",
    "In a post at the time she described this as the worst case scenario for her and her music.",
    "The label has twice denied doing anything wrong, and said so again in a statement on Friday.",
    "Now they have put out another statement, this time directly to the organisers of the show.",
    "The company that runs the awards denies that any agreement was ever reached with the label.",
]
CREDITS = ["Image copyright Getty Images", "Image copyright @label @label", "Report",
           "Image copyright @label @label", "Report"]


def test_credit_lines_the_rules_explained_do_not_split_the_article():
    raw = _page([TITLE, ""] + MENU, SPLIT_ARTICLE_HEAD + CREDITS + SPLIT_ARTICLE_TAIL, FOOTER)
    lines = split_lines(raw)
    credits = frozenset(l.index for l in lines if l.text.startswith("Image copyright"))
    assert looks_like_page(lines, "en")
    without = _drops(lines)
    # weighed as furniture, the block splits the article and one part is lost
    assert any(_index_of(lines, t) in without for t in SPLIT_ARTICLE_HEAD + SPLIT_ARTICLE_TAIL)
    ranges = find_boilerplate(lines, "en", title_index=0, neutral=credits)
    _check_ranges(lines, ranges, 0)
    dropped = _dropped(lines, ranges)
    for text in SPLIT_ARTICLE_HEAD + SPLIT_ARTICLE_TAIL:
        assert _index_of(lines, text) not in dropped, text
    for text in MENU + FOOTER[-6:]:
        assert _index_of(lines, text) in dropped, text


def test_the_engine_tells_the_main_text_finder_which_lines_are_credits():
    raw = _page([TITLE, ""] + MENU, SPLIT_ARTICLE_HEAD + CREDITS + SPLIT_ARTICLE_TAIL, FOOTER)
    res = cleaner.clean(raw, lang="en")
    for text in SPLIT_ARTICLE_HEAD + SPLIT_ARTICLE_TAIL:
        assert text in res.text, text
    assert "Image copyright" not in res.text
    assert {r.rule for r in res.removed if r.text.startswith("Image copyright")} == {"credit.en.image_copyright"}


GALLERY = ["Image 1 of 5", "A crowd gathers outside the hall before the show on Sunday evening.",
           "(Image credit: Jane Roe)",
           "Image 2 of 5", "The singer on stage during her first tour.", "(Photo: Getty Images)",
           "Image 3 of 5", "Fans hold up signs outside the venue.", "(Picture: John Doe)",
           "Image 4 of 5", "Her first album cover.", "(Image credit: Sample Records)",
           "Image 5 of 5", "The hall where the awards take place.", "(Photo credit: Ann Lee)"]
# the rules that tell the gallery's lines apart (photo_credits reads '(Photo: X)' too)
GALLERY_RULES = ("credit.en.gallery_counter", "credit.en.image_credit_line", "credit.en.photo_credits")


def _gallery_page():
    """Page text with blank lines between blocks; each photo's counter, caption
    and credit are one block."""
    gallery = ["\n".join(GALLERY[k:k + 3]) for k in range(0, len(GALLERY), 3)]
    return "\n\n".join([TITLE] + MENU + SPLIT_ARTICLE_HEAD + gallery + SPLIT_ARTICLE_TAIL + FOOTER)


def test_a_photo_gallery_between_paragraphs_does_not_split_the_article():
    """Gallery counters and parenthesised credit lines are credits (their captions
    go with them), so the main-text finder weighs the gallery as nothing."""
    raw = _gallery_page()
    res = cleaner.clean(raw, lang="en")
    for text in SPLIT_ARTICLE_HEAD + SPLIT_ARTICLE_TAIL:
        assert text in res.text, text
    for text in GALLERY:
        assert text not in res.text, text
    rules = {r.rule for r in res.removed if r.text.strip() in GALLERY}
    assert rules == {"credit.en.gallery_counter", "credit.en.image_credit_line", "credit.caption"}
    # without those rules the gallery weighs as furniture and part of the article is lost
    off = cleaner.clean(raw, lang="en", disable=GALLERY_RULES)
    assert any(text not in off.text for text in SPLIT_ARTICLE_HEAD + SPLIT_ARTICLE_TAIL)


RESULTS_HEAD = [
    "The home side kept its hopes alive on Tuesday night, and the captain said the team had "
    "never doubted that it could come back after losing the first match of the evening.",
    "It was a long night for everyone who was there, and the players said that they were "
    "tired but happy with what they had done in front of their own fans.",
]
RESULTS = [
    "Argentina comfortably got past Chile 3-0 in Group C, with Guido Pella beating Nicolas Jarry "
    "6-4, 6-3 and Diego Schwartzman defeating Cristian Garin 6-2, 6-2.",
    "Kazakhstan beat the Netherlands 2-1 after Mikhail Kukushkin and Alexander Bublik defeated "
    "Robin Haase and Jean-Julien Rojer 6-4, 7-6 (2) in Group E.",
    "Australia beat Colombia behind Nick Kyrgios' 6-4, 6-4 win over Alejandro Gonzalez and Alex "
    "de Minaur's 6-4, 6-3 victory over Daniel Elahi Galan.",
]
RESULTS_TAIL = [
    "The tournament goes on until Sunday, when the last two teams will meet in the final in "
    "front of what the organisers say will be a full stadium for the first time this year.",
    "Tickets for the final went on sale this week, and the organisers said that most of them "
    "had already been sold to fans who had travelled from all over the country.",
]


def test_sentences_full_of_names_and_scores_do_not_split_the_article():
    """A whole sentence poor in stopwords (a results roundup) weighs nothing, not
    like furniture: the article around it stays one piece."""
    raw = "\n\n".join([TITLE] + MENU + RESULTS_HEAD + RESULTS + RESULTS_TAIL + FOOTER)
    lines = split_lines(raw)
    ranges = find_boilerplate(lines, "en", title_index=0)
    _check_ranges(lines, ranges, 0)
    dropped = _dropped(lines, ranges)
    for text in RESULTS_HEAD + RESULTS + RESULTS_TAIL:
        assert _index_of(lines, text) not in dropped, text
    for text in MENU:
        assert _index_of(lines, text) in dropped, text
    # weighed as furniture (the rule off), the results split the article
    dropped = _drops(lines, min_named_sentence_words=10_000)
    assert any(_index_of(lines, text) in dropped for text in RESULTS_HEAD + RESULTS_TAIL)


TOUR_ROWS = ["June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
             "June 10 -- Credit Union Amphitheatre, Tampa, FL",
             "June 14 -- Bank Amphitheatre, Alpharetta, GA",
             "June 17 -- Bridgestone Arena, Nashville, TN",
             "July 2 -- Mohegan Sun Arena, Uncasville, CT",
             "Aug. 30 -- Pepsi Center, Denver, CO"]


def _list_page(lead_in, rows):
    article = "\n\n".join(SPLIT_ARTICLE_HEAD + SPLIT_ARTICLE_TAIL)
    return ("\n\n".join([TITLE] + MENU) + "\n\n" + article + "\n\n" + "\n".join([lead_in] + rows)
            + "\n\n" + "\n\n".join(FOOTER))


def test_a_list_the_article_announces_goes_with_it():
    lines = split_lines(_list_page("The band's 2020 tour dates:", TOUR_ROWS))
    dropped = _drops(lines)
    for text in SPLIT_ARTICLE_TAIL + ["The band's 2020 tour dates:"] + TOUR_ROWS:
        assert _index_of(lines, text) not in dropped, text
    for text in FOOTER[1:4]:
        assert _index_of(lines, text) in dropped, text
    dropped = _drops(lines, min_announced_rows=1000)
    assert all(_index_of(lines, text) in dropped for text in TOUR_ROWS)


@pytest.mark.parametrize("lead_in,rows", [
    ("More events near you", TOUR_ROWS),                          # no announcement
    ("More from the site:", FOOTER[1:4] + ["Weather Warning Issued", "Road Works Begin"]),  # rows without digits
    ("The band's 2020 tour dates:", TOUR_ROWS[:2]),               # too few rows
])
def test_rows_without_an_announcement_stay_furniture(lead_in, rows):
    lines = split_lines(_list_page(lead_in, rows))
    dropped = _drops(lines)
    assert all(_index_of(lines, text) in dropped for text in rows)


@pytest.mark.parametrize("text,expected", [
    ("HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%", True),
    ("DL Larry Ogunjobi 63 85% 1 tackle (1 combined).", True),
    ("$139.00 at Amazon (save $20)", True),
    ("Zalando SE 41,20 +1,5", True),
    ("Page 1 2 3 4", False),              # numbers, but no price, percentage or decimal
    ("June 9 -- Coral Sky Amphitheatre", False),
    ("Ticker Security Last Change Change %", False),
    ("Sign in", False),
])
def test_figures_row(text, expected):
    assert features._figures_row(text, DEFAULT.min_figures) is expected


TICKER = ["Ticker Security Last Change Change %", "HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%",
          "LOW LOWE'S COMPANIES INC. 113.40 -1.62 -1.41%", "TGT TARGET CORP. 107.02 +0.35 +0.33%"]


def test_a_table_of_figures_does_not_split_the_article():
    """Rows of prices and percentages between paragraphs weigh nothing."""
    raw = "\n\n".join([TITLE] + MENU + SPLIT_ARTICLE_HEAD[:2] + ["\n".join(TICKER)]
                      + SPLIT_ARTICLE_HEAD[2:] + SPLIT_ARTICLE_TAIL + FOOTER)
    lines = split_lines(raw)
    dropped = _drops(lines)
    for text in SPLIT_ARTICLE_HEAD + SPLIT_ARTICLE_TAIL + TICKER[1:]:
        assert _index_of(lines, text) not in dropped, text
    dropped = _drops(lines, min_figures=1000)
    assert any(_index_of(lines, text) in dropped for text in SPLIT_ARTICLE_HEAD[:2])


INTERVIEW = ["Q: Favorite childhood memory?", "A: Trip to the coast", "Q: Favorite books?",
             "A: Two old novels", "Q: Favorite athlete?", "A: A tennis player", "Q: Favorite apps?",
             "A: Maps and a weather app"]


def test_an_interviews_short_turns_do_not_split_the_article(monkeypatch):
    raw = "\n\n".join([TITLE] + MENU + SPLIT_ARTICLE_HEAD + INTERVIEW + SPLIT_ARTICLE_TAIL + FOOTER)
    lines = split_lines(raw)
    dropped = _drops(lines)
    for text in SPLIT_ARTICLE_HEAD + INTERVIEW + SPLIT_ARTICLE_TAIL:
        assert _index_of(lines, text) not in dropped, text
    monkeypatch.setattr(features, "_INTERVIEW_TURN", re.compile(r"(?!)"))
    dropped = _drops(lines)
    assert any(_index_of(lines, text) in dropped for text in SPLIT_ARTICLE_HEAD + SPLIT_ARTICLE_TAIL)


@pytest.mark.parametrize("text,turn", [("Q: Favorite books?", True), ("F: Wie ging es weiter?", True),
                                       ("В: Как это было?", True), ("P: ¿Y después?", True),
                                       ("Note: the road is closed", False), ("A:B testing", False),
                                       ("USA: results", False)])
def test_interview_turns(text, turn):
    assert bool(features._INTERVIEW_TURN.match(text)) is turn


def test_the_thresholds_are_checked_data(monkeypatch):
    """rules/mechanisms/mainfinder.toml [finder] holds every field, typed as the constants
    were (a float written as 150 would make integer weights), and nothing else."""
    from cleaner.mechanisms.mainfinder import options
    from cleaner.paths import DataFileError
    table = dict(options._TABLE)
    assert set(table) == {f.name for f in dataclasses.fields(FinderOptions)}
    for change, message in [({"short_penalty": 150}, "short_penalty must be a float"),
                            ({"min_good_chars": 70.0}, "min_good_chars must be an int"),
                            ({"min_goood_chars": 70}, "unknown key(s) min_goood_chars")]:
        monkeypatch.setattr(options, "_TABLE", {**table, **change})
        with pytest.raises(DataFileError, match=re.escape(message)):
            options._check_table()
