"""Tests for the flag detectors (cleaner/flags/) and their data (rules/flags/).

Every detector has cases that must flag and cases that must not. The five seed
articles' kept text is copied below: the only flags on them are the labelled ones.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.flags import DETECTORS, FLAG_RULES, detect_flags, rule_ids
from cleaner.report import Flag
from cleaner.text.segment import split_lines


def paras(text: str):
    return [ln for ln in split_lines(text) if not ln.blank]


def found(text: str, lang: str = "en", disabled=frozenset()) -> list[tuple[str, str]]:
    flags = detect_flags(paras(text), lang, disabled)
    for f in flags:
        assert text[f.start:f.end] == f.text
    return [(f.kind, f.text) for f in flags]


# ---------------------------------------------------------------- the interface

def test_registry_and_rule_list():
    assert set(DETECTORS) == {"quote_style", "unbalanced_quote", "doubled_word", "fragment",
                              "mojibake", "foreign_language"}
    assert [r["id"] for r in FLAG_RULES] == [
        "flag.quote_style", "flag.unbalanced_quote", "flag.doubled_word", "flag.fragment",
        "flag.mojibake", "flag.foreign_language"]
    assert [r["kind"] for r in FLAG_RULES] == [
        "quote-style", "unbalanced-quote", "doubled-word", "fragment", "mojibake", "foreign-language"]
    assert all(r["description"] for r in FLAG_RULES)
    assert rule_ids() == [r["id"] for r in FLAG_RULES]


def test_flag_offsets_point_into_the_input():
    text = "Title line\n\n\u00a0  He said “yes“ and the the rest.\r\nItâ€™s fine.\n"
    flags = detect_flags(paras(text), "en")
    assert [(f.kind, f.text, f.rule) for f in flags] == [
        ("quote-style", "“", "flag.quote_style"),
        ("doubled-word", "the the", "flag.doubled_word"),
        ("mojibake", "â€™", "flag.mojibake"),
    ]
    for f in flags:
        assert isinstance(f, Flag)
        assert text[f.start:f.end] == f.text
    assert flags[0].start == text.index("“", text.index("yes"))
    assert [f.start for f in flags] == sorted(f.start for f in flags)


def test_disabled_rules():
    text = "He said “yes“ and the the rest."
    assert found(text) == [("quote-style", "“"), ("doubled-word", "the the")]
    assert found(text, disabled=frozenset({"flag.doubled_word"})) == [("quote-style", "“")]
    assert found(text, disabled=frozenset({"flag.quote_style"})) == [("doubled-word", "the the")]
    # kinds are accepted too; unknown ids are ignored
    assert found(text, disabled=frozenset({"doubled-word", "flag.nonsense"})) == [("quote-style", "“")]
    assert found(text, disabled=frozenset(r["id"] for r in FLAG_RULES)) == []
    # fnmatch patterns over rule ids, as the engine's RuleSet.disabled may hold them
    assert found(text, disabled=frozenset({"flag.*"})) == []
    assert found(text, disabled=frozenset({"flag.doubled_*"})) == [("quote-style", "“")]
    assert found(text, disabled=frozenset({"donation.*"})) == [("quote-style", "“"), ("doubled-word", "the the")]


def test_empty_and_blank_input():
    assert detect_flags([], "en") == []
    assert detect_flags(split_lines(""), "en") == []
    assert detect_flags(split_lines("\n \n\u00a0\n"), "und") == []


# ---------------------------------------------------------------- data-driven cases

# (lang, text, expected [(kind, flagged text)]); an empty list means: no flag at all.
CASES = [
    # quote-style: must flag
    ("en", "It is enshrined in the UN Charter,“ Stoltenberg claimed.\n\n“Yes.”",
     [("quote-style", "“")]),
    ("en", "security between the regions ” more and more interconnected”.", [("quote-style", "”")]),
    ("en", "He said ”yes” and left.", [("quote-style", "”")]),
    ("en", "He called it “a lie.“ Then he left.", [("quote-style", "“")]),
    ("de", "Er sagte “Hallo” und ging.", [("quote-style", "“")]),
    ("pl", "Powiedział ”tak” i wyszedł.", [("quote-style", "”")]),
    ("fr", "Il a dit »Bonjour« et il est parti.", [("quote-style", "»"), ("quote-style", "«")]),
    # quote-style: must not flag
    ("de", "Er sagte: „Hallo“ und ging.", []),
    ("de", "Er sagte: »Hallo« und ging.", []),
    ("de", "Die Opposition sprach von einem „Gesetz gegen die Bürger“.", []),
    ("fr", "Il a dit « Bonjour » et il est parti.", []),
    ("fr", "Il a dit «\u00a0Bonjour\u00a0» et il est parti.", []),
    ("fr", "Il a dit «\u202fBonjour\u202f», puis «Au revoir».", []),
    ("pl", "Powiedział „tak” i wyszedł.", []),
    ("uk", "Він сказав «так» і пішов, а потім „ні“.", []),
    ("ru", "Он сказал «да» и ушёл.", []),
    ("es", "«Es una reforma», afirmó. Lo calificaron de “histórico”.", []),
    ("nl", "Hij zei „ja” en toen “nee”.", []),
    ("sv", "Han sa ”ja” och gick.", []),
    ("en", "He said “yes” and left.", []),
    ("und", "He said ”yes“ and left.", []),
    ("en", "Home » News » World", []),
    ("pt", "Colunistas »", []),
    # unbalanced-quote
    ("en", "South Korea has an advanced defense industry. You have big amounts of ammunition and all "
           "the things that Ukraine needs, but of course, it’s for South Korea to make those decisions,” "
           "Stoltenberg said.",
     [("unbalanced-quote", "”")]),
    ("en", "“Open quote never closed in this paragraph.", [("unbalanced-quote", "“")]),
    ("en", "He said yes.\" Then he left.", [("unbalanced-quote", '"')]),
    ("en", "“Para one.\n\nPara two has no quote at all.\n\nThird.", [("unbalanced-quote", "“")]),
    ("en", "“We should not have some kind of moral equivalence between North Korea’s support to Russia "
           "and potential support from South Korea to Ukraine because this is war aggression.\n"
           "Russia has violated law, attacked a neighbor, so support to Russia’s illegal war is illegal. "
           "Support for Ukraine defending itself is legal. It is enshrined in the UN Charter,“ "
           "Stoltenberg claimed.",
     [("quote-style", "“")]),
    ("en", "“Para one continues\n\n“and para two reopens\n\n“and three closes.”", []),
    ("en", "“Para one continues\n\nand para two closes,” he said.", []),
    ("en", "The minister said: “We will not stop here.\n\n“And we will go on,” she added.", []),
    # a quote glued to the word before it quotes a phrase: it closes in its paragraph,
    # even when the next paragraph starts with a quotation of its own
    ("en", "The team plans to “release all of the data next year.\n\n“We are proud,” the lead author said.",
     [("unbalanced-quote", "“")]),
    ("en", "He said \"yes\" and left, standing 5'10\" tall with a 12” screen.", []),
    ("en", "\"I bought it,” he said, “and it was worth it.\"", []),
    ("en", "“It was an attempt to mislead voters,’’ Will Moy said.", []),
    ("en", "North Korea called Stoltenberg’s visit a “prelude to confrontation and war as it brings "
           "the dark clouds of a ‘new Cold War’ to the Asia-Pacific region.”", []),
    ("en", "Kim praised Putin for his “correct decision and guidance... to foil the hostile forces’ "
           "escalating threats.”", []),
    ("en", "When critics say we are ‘doing too little,’ they ignore the ’90s numbers.", []),
    ("ru", "«Сетевое издание «Woman'sDay.ru» Свидетельство о регистрации.", []),
    # doubled-word
    ("en", "Sharing my full letter on the the sentencing.", [("doubled-word", "the the")]),
    ("en", "The the cat sat.", [("doubled-word", "The the")]),
    ("de", "Er entschied sich für ein ein duales Studium.", [("doubled-word", "ein ein")]),
    ("en", "to bring deliver timely news", [("doubled-word", "bring deliver")]),
    ("en", "He knew that that was wrong, and he had had enough.", []),
    ("de", "Die Verbände, die die Reform kritisiert hatten, und der der Partei nahe Verein.", []),
    ("fr", "Nous nous sommes vus et vous vous êtes tus.", []),
    ("en", "Bora Bora is nice; he scored 5 5 times; Walla Walla.", []),
    ("en", "You can help build bridges, go get it, come see us, and stay put.", []),
    ("en", "to give support, to run back home, to take leave of, to read write and count", []),
    ("id", "Biasa biasa saja, kata para ulama ulama itu.", []),
    ("en", "that, that is", []),
    # fragment
    ("en", "and warned on Sunday that the Biden administration would face unspecified “undesirable” "
           "consequences if it continued to expand. “spontaneous rumours”.",
     [("fragment", ". “spontaneous rumours”.")]),
    ("en", "He left.. Then he came back.", [("fragment", "..")]),
    ("en", "media, etc.. requires a plan", [("fragment", "..")]),
    ("en", "one,, two", [("fragment", ",,")]),
    ("en", "one ,. two", [("fragment", ",.")]),
    ("en", "He said “, and then left”.", [("fragment", "“,")]),
    ("en", "Wait... what? Wait… what? And so on.... Fine.", []),
    ("en", "Pages 1..5 and etc., then the dot \".\" char.", []),
    ("en", "the U.S. “special forces”. Then Mr. “Smith”.", []),
    ("en", "He said: “Go home.” Then he left. “Why?” she asked.", []),
    ("fr", "Pourquoi ? Parce que ! Il dit : « oui » ; puis « non ».", []),
    ("fr", "« Nous devons redonner du temps aux soignants », a déclaré la ministre.", []),
    ("ko", "‘스탠딩 업’, 고루했던 KBS 예능국의 아..", []),
    # mojibake
    ("en", "Itâ€™s a cafÃ© in MÃ¼nchen", [("mojibake", "â€™"), ("mojibake", "Ã©"), ("mojibake", "Ã¼")]),
    ("en", "â€œQuoteâ€\u009d here", [("mojibake", "â€œ"), ("mojibake", "â€\u009d")]),
    ("en", "Price:Â\u00a0100 and 100Â km", [("mojibake", "Â\u00a0"), ("mojibake", "Â")]),
    ("en", "ï»¿Hello", [("mojibake", "ï»¿")]),
    ("en", "bad \ufffd\ufffd char", [("mojibake", "\ufffd\ufffd")]),
    ("en", "Ã¢â‚¬â„¢ twice", [("mojibake", "Ã¢â‚¬â„¢")]),
    ("de", "Ã–sterreich und GrÃ¶ÃŸe", [("mojibake", "Ã–"), ("mojibake", "Ã¶ÃŸ")]),
    ("pl", "WÅ‚adysÅ‚aw", [("mojibake", "Å‚"), ("mojibake", "Å‚")]),
    ("fr", "voilÃ  tout", [("mojibake", "Ã")]),
    ("de", "„Spaß“ und „Fuß“ und ÄRGER", []),
    ("pt", "SÃO PAULO e NÃO, disse: “AMANHÔ.", [("unbalanced-quote", "“")]),
    ("it", "«Così è…» disse, «perché…»", []),
    ("fr", "CAFÉ\u00a0: ouvert, À\u00a0bientôt", []),
    ("de", "Grüß\u00adgott und Straße\u00a05", []),
    ("tr", "KÜÇÜK’ün evi", []),
    ("es", "¡Hola! ¿Qué tal? Año 2024, señor Muñoz.", []),
]


@pytest.mark.parametrize("lang,text,expected", CASES, ids=[f"{i}-{c[0]}" for i, c in enumerate(CASES)])
def test_cases(lang, text, expected):
    assert found(text, lang) == expected


# ---------------------------------------------------------------- foreign language

EN = ("The government said on Monday that it would continue to support the reform programme "
      "despite the opposition in parliament.")
DE = ("Die Bundesregierung hat am Montag angekündigt, dass sie die Reform trotz des Widerstands "
      "der Opposition fortsetzen wird.")
FR = ("Le gouvernement a annoncé lundi qu'il poursuivrait le programme de réformes malgré "
      "l'opposition du parlement.")
UK = ("Уряд у понеділок заявив, що продовжить підтримувати програму реформ, незважаючи на опір "
      "опозиції в парламенті.")
RU = ("Правительство в понедельник заявило, что продолжит поддерживать программу реформ, несмотря "
      "на сопротивление оппозиции.")


@pytest.mark.parametrize("doc_lang,first,second,detected", [
    ("en", EN, DE, "de"), ("en", EN, FR, "fr"), ("en", EN, UK, "uk"),
    ("uk", UK, RU, "ru"), ("uk", UK, EN, "en"), ("de", DE, EN, "en"),
])
def test_foreign_paragraph_flagged(doc_lang, first, second, detected):
    text = first + "\n\n" + second + "\n"
    flags = detect_flags(paras(text), doc_lang)
    assert [(f.kind, f.text) for f in flags] == [("foreign-language", second)]
    assert f"'{detected}'" in flags[0].message
    assert flags[0].start == text.index(second)


@pytest.mark.parametrize("doc_lang,text", [
    ("en", EN + "\n\n" + EN),
    ("de", DE),
    ("en", "Die Regierung sagt nein"),                                  # too short
    ("en", "Jens Stoltenberg, Yoon Suk Yeol, Park Jin, Kim Jong Un, Vladimir Putin, Maria Zakharova"),
    ("en", "2019 2020 2021 2022 2023 2024 2025 2026 2027 2028 https://example.com/a/b/c www.x.org"),
    ("und", EN + "\n\n" + DE),                                          # no document language
    ("en", "Tags: lc 500 lexus lc lexus lc 500 lexus lc convertible"),
])
def test_foreign_not_flagged(doc_lang, text):
    assert [f for f in detect_flags(paras(text), doc_lang) if f.kind == "foreign-language"] == []


def test_foreign_cheap_test_gates_langdetect(monkeypatch):
    from cleaner.lang import langdetect_run as langmod

    calls = []
    real = langmod.langdetect_probs
    monkeypatch.setattr(langmod, "langdetect_probs", lambda *a, **k: calls.append(a) or real(*a, **k))
    text = "\n\n".join([EN] * 30 + [DE])
    flags = detect_flags(paras(text), "en")
    assert [f.kind for f in flags] == ["foreign-language"]
    assert len(calls) == 1          # only the German paragraph went to langdetect


# ---------------------------------------------------------------- seed articles

SEED_000 = """\
NATO Secretary General calls on South Korea to help Ukraine with weapons

The NATO Secretary General said that the Alliance would welcome South Korea’s decision to provide Ukraine with lethal aid.

Jens Stoltenberg said in an interview with the South Korean Yonhap news agency that the Republic of Korea had everything it needed for Ukraine.

NATO Secretary General Jens Stoltenberg also said that NATO would welcome any major support from South Korea to help Ukraine in the fight against Russia, pointing out that issues like North Korean threats and the war in Ukraine show that ensuring security was not bound by region.

South Korea has an advanced defense industry. You have big amounts of ammunition and all the things that Ukraine needs, but of course, it’s for South Korea to make those decisions,” Stoltenberg said.

At the same time, the NATO Secretary General emphasized that there was no moral equivalence between North Korea’s support for Russia and South Korea’s potential support for Ukraine.
"""

SEED_001 = """\
Yonhap: South Korea’s arms supply for Ukraine is legal, unlike North Korea’s aid to Russia, says Stoltenberg
Following a strategic partnership between Russia and North Korea, South Korea is considering supplying weapons to Ukraine. NATO's Jens Stoltenberg supports this move, highlighting the legality of aiding Ukraine's defense against Russia's illegal invasion.
South Korea’s potential arms support for Ukraine should not be equated with North Korea’s suspected munitions delivery to Russia, as Russia’s invasion is illegal, stated NATO Secretary General Jens Stoltenberg, as per the South Korean Yonhap news agency.
On 20 June, South Korea strongly condemned a strategic partnership agreement signed by the leaders of Russia and North Korea, stating that it violates United Nations sanctions. In response, Seoul’s presidential office said it would review the possibility of supplying weapons to Ukraine.
Cooperation between two dictatorships could potentially lead to a conflict between Seoul and Pyongyang, which could decrease Ukraine’s support, as it happened after Hamas attacked Israel in 2023.
Stoltenberg said NATO would welcome “any major support” from South Korea to Ukraine, adding that North Korean threats and the war in Ukraine show that ensuring security is not bound by region.
“We should not have some kind of moral equivalence between North Korea’s support to Russia and potential support from South Korea to Ukraine because this is war aggression.
Russia has violated law, attacked a neighbor, so support to Russia’s illegal war is illegal. Support for Ukraine defending itself is legal. It is enshrined in the UN Charter,“ Stoltenberg claimed.
Earlier, Russian ruler Vladimir Putin warned South Korea it would be making “a big mistake” if it sent weapons to Ukraine.
Meanwhile, a South Korean TV channel reported that North Korea may deploy large-scale military engineering forces to the occupied Donetsk Oblast as early as July 2024. The channel cites a South Korean government official as its source.
"""

SEED_002 = """\
NATO chief calls on Seoul to send military support to Ukraine

SEOUL, South Korea (AP) — NATO Secretary General Jens Stoltenberg on Monday called on South Korea to provide direct military support to Ukraine, saying Kiev urgently needs weapons to fight a prolonged Russian invasion.

South Korea, a growing arms exporter with a large U.S.-backed military, has provided humanitarian aid and other support to Ukraine while joining U.S.-led economic sanctions against Moscow. But the country has not directly delivered weapons to Ukraine, citing a long-standing policy of not supplying weapons to countries actively involved in the conflict.

Speaking at a forum in Seoul, Stoltenberg urged South Korea to “step up the specific issue of military support.” He noted that several NATO members and allies, including Germany, Norway and Sweden, have changed their policy of not exporting arms to countries in conflict to support Ukraine.

“If we believe in freedom, if we believe in democracy, if we don’t want autocracy and tyranny to win, then they need weapons. That’s the reality,” said Stoltenberg, who arrived in South Korea on Sunday on a trip that also includes Japan.

On Monday, Stoltenberg also met with South Korean President Yoon Suk Yeol. They discussed South Korea’s commitment to support Ukraine and NATO’s possible role in deterring North Korea from its growing nuclear ambitions after an unprecedented number of ballistic missile tests in 2022, Yoon’s office said.

South Korean officials have not confirmed any specific talks about sending weapons to Ukraine.

After a meeting with South Korean Foreign Minister Park Jin on Sunday, Stoltenberg mentioned US intelligence reports accusing North Korea of providing weapons to Russia to support its war in Ukraine, which he said underscored how security between the regions ” more and more interconnected”.

Since Russia’s invasion of Ukraine, South Korea has struck major deals to supply NATO-member Poland with tanks, howitzers, fighter jets and other weapons systems. A US official said in November that the United States had agreed to buy 100,000 artillery rounds from South Korean manufacturers to deliver to Ukraine, although South Korean officials said the ammunition was to replenish depleted US supplies.

In an interview with The Associated Press this month, Yoon said South Korean laws, as well as domestic public opinion, make it difficult for his government to arm Ukraine while it is at war. But he expressed openness to more arms deals with the United States in the future, noting that the two allies regularly buy military equipment from each other.

Stoltenberg’s comments at the forum came hours after North Korea condemned his visits to South Korea and Japan, saying NATO was trying to put its “military boots in the region” and trying to pressure America’s Asian allies to provide weapons to Ukraine.

In a statement carried by the state-run Korean Central News Agency, North Korea said increasing cooperation between NATO and US allies in Asia was part of a move to create an “Asian version of NATO” that would raise tensions in the region.

North Korea also issued two separate statements over the weekend condemning the United States for its decision to supply advanced tanks to Ukraine, calling it a sinister move to escalate a “proxy war” aimed at destroying Moscow.

The series of statements underscored North Korea’s alignment with Russia over the war in Ukraine, which Pyongyang blames on the West.

However, the North has repeatedly denied US accusations that it is sending large stockpiles of artillery shells and other munitions to Russia to support its offensive in Ukraine, and warned on Sunday that the Biden administration would face unspecified “undesirable” consequences if it continued to expand. “spontaneous rumours”.
"""

SEED_003 = """\
South Korea says to reconsider supply of weaponry to Ukraine

South Korea says it will review the possibility of supplying weapons to Ukraine, after North Korea and Russia signed a mutual defense pact during President Vladimir Putin's visit to Pyongyang.

Putin and North Korea's leader Kim Jong-un signed the "comprehensive strategic partnership pact" and agreed to provide military assistance if they are ever attacked.

In an official statement released on Thursday, Seoul condemned the agreement, saying it violates United Nations sanctions.

The presidential office said South Korea will reconsider the issue of arms supply to Ukraine, but will maintain strategic ambiguity regarding the types of weapons.

"Specific measures will be revealed later, and it will be interesting to see how Russia responds, rather than revealing our plans in advance," National security adviser Chang Ho-jin told reporters.

Chang said the pact would aid North Korea to enhance its military capabilities. "We plan to reconsider the issue of arms support to Ukraine."

South Korea is an ally of the US-led collective Western countries alliance that has been fighting a proxy war against Russia since Moscow launched its "special military operation" against Ukraine in early 2022.

Kim, an ally of the Russian leader, praised Putin for his “correct decision and guidance... to foil the hostile forces’ escalating threats.”

The North Korean leader promised his Russian counterpart "full support", describing the war in Ukraine as a US “proxy war” aimed at destroying Russia.

North Korea "expresses full support and solidarity with the Russian government, army and people in carrying out a special military operation in Ukraine to protect their sovereignty, security interests, as well as territorial integrity," Kim said.
"""

SEED_004 = """\
NATO’s Chief Urges South Korea to Step up Military Support for Ukraine

SEOUL (Reuters) — NATO Secretary-General Jens Stoltenberg urged South Korea on Monday to increase military support to Ukraine, citing other countries that have changed their policy of not providing weapons to countries in conflict after Russia’s invasion.

Stoltenberg is in Seoul, the first stop on a trip that will include Japan and is aimed at strengthening ties with U.S. allies in the face of the war in Ukraine and rising competition with China.

In meetings with senior South Korean officials, Stoltenberg argued that events in Europe and North America are interconnected with other regions, and that the alliance wants to help manage global threats by increasing partnerships in Asia.

Speaking at the Chey Institute for Advanced Studies in Seoul, he thanked South Korea for its non-lethal aid to Ukraine, but urged it to do more, adding there is an “urgent need” for ammunition. Russia calls the invasion a “special operation.”

South Korea has signed major deals providing hundreds of tanks, aircraft and other weapons to NATO member Poland since the war began, but South Korean President Yoon Suk-yeol has said that his country’s law against providing arms to countries in conflicts makes providing weapons to Ukraine difficult.

Stoltenberg noted that countries such as Germany, Sweden, and Norway had similar policies but have changed them.

“If we don’t want autocracy and tyranny to win, then (the Ukrainians) need weapons, that’s the reality,” he said.

In a statement carried by state media on Monday, North Korea called Stoltenberg’s visit a “prelude to confrontation and war as it brings the dark clouds of a ‘new Cold War’ to the Asia-Pacific region.”

Last year South Korea opened its first diplomatic mission to NATO, vowing to deepen cooperation on non-proliferation, cyber defense, counter-terrorism, disaster response and other security areas.
"""


# Every flag on the kept text of the seeds: (seed, kind, flagged text, evidence in that line).
SEED_FLAGS = {
    "000": [("unbalanced-quote", "”", "to make those decisions,”")],
    "001": [("quote-style", "“", "UN Charter,“ Stoltenberg")],
    "002": [("quote-style", "”", "” more and more interconnected”"),
            ("fragment", ". “spontaneous rumours”.", "expand. “spontaneous rumours”.")],
    "003": [],
    "004": [],
}
SEEDS = {"000": SEED_000, "001": SEED_001, "002": SEED_002, "003": SEED_003, "004": SEED_004}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_flags_are_exactly_the_labelled_ones(name):
    text = SEEDS[name]
    flags = detect_flags(paras(text), "en")
    assert [(f.kind, f.text) for f in flags] == [(k, t) for k, t, _ in SEED_FLAGS[name]]
    for f, (_, _, evidence) in zip(flags, SEED_FLAGS[name]):
        line_start = text.rfind("\n", 0, f.start) + 1
        line_end = text.find("\n", f.end)
        line = text[line_start:line_end]
        at = line.index(evidence) + line_start
        assert at <= f.start and f.end <= at + len(evidence)   # the flag lies inside the evidence


def test_seed_dropped_donation_line_has_doubled_verbs():
    line = ("This is why our small, cost-effective team depends on the support of readers like you to "
            "bring deliver timely news, quality analysis, and on-the-ground reports.")
    assert found(line) == [("doubled-word", "bring deliver")]


# ---------------------------------------------------------------- properties

_TRICKY = list("“”„‟«»\"'‘’‚ .,;:!?…—–-()[]\n\r\t\u00a0\u202f\u200b\ufeff\ufffd\u0085\u2028"
               "ÂÃâ€™©¼ïð¿ŸœÅ‚ÄÖÜßéàaAzZ059 ") + ["the", "The", "to", "bring", "deliver", "die"]
_LANGS = st.sampled_from(["en", "de", "fr", "pl", "uk", "ru", "es", "sv", "ko", "id", "und", "xx"])


def _check(text: str, lang: str) -> None:
    flags = detect_flags(paras(text), lang)
    assert flags == sorted(flags, key=lambda f: (f.start, f.end, f.kind))
    for f in flags:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert f.rule in rule_ids()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300), _LANGS)
def test_never_raises_on_arbitrary_unicode(text, lang):
    _check(text, lang)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_TRICKY), max_size=120).map("".join), _LANGS)
def test_never_raises_on_quote_and_mojibake_soup(text, lang):
    _check(text, lang)
