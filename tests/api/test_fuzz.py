"""Hypothesis fuzzing of the engine, the rule-pack loader and the CLI with hostile input.

Properties (for every input):
* never an uncaught exception (a bad rule pack is a RulePackError naming the file);
* clean(x).text is made only of input text: every paragraph is a whitespace-normalised
  input line, or (the title) a prefix of one;
* every removal/flag has 0 <= start <= end <= len(x) and text == x[start:end];
* idempotent: clean(clean(x).text).text == clean(x).text (built-in rules);
* the CLI reading arbitrary bytes exits 0 or 1 with one stderr line, never crashes.

Example counts are kept moderate so the file runs in well under a minute;
CLEAN_FUZZ_SCALE=20 multiplies them for a long bug hunt.
"""
from __future__ import annotations

import json
import math
import os
import pathlib
import re
import tempfile

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.cli import main as cli
from cleaner.packs.load import KNOWN_KEYS, RulePackError, load_dir
from cleaner.text.segment import normalize_space

from _clihelp import PARAGRAPH_SPLIT, check_result, in_process

SETTINGS = dict(deadline=None, suppress_health_check=list(HealthCheck))
_SCALE = float(os.environ.get("CLEAN_FUZZ_SCALE", "1"))  # e.g. CLEAN_FUZZ_SCALE=20 for a long hunt


def N(n: int) -> int:
    return max(1, int(n * _SCALE))

# ------------------------------------------------------------------ strategies
NEWLINES = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\n\n", "\r\r", "\n\r", "\r\n\r\n", "\n \n"]
SPECIAL = ["\x00", "\x01", "\x07", "\x08", "\x1b", "\x7f", "\x80", "\x9b", "\x9f", "\t", "\x0b", "\x0c",
           "\x1c", "\x1d", "\x1e", "\x1f", "\u00a0", "\u00ad", "\u034f", "\u061c", "\u180e", "\u200b", "\u200c",
           "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2060", "\u2066",
           "\u2067", "\u2068", "\u2069", "\u3000", "\ufeff", "\ufffd", "\ufffe", "\uffff", "\ud800", "\udbff",
           "\udc00", "\udfff", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f1fa\U0001f1e6",
           "e\u0301", "\u0336" * 5, "\U000e0001", "\U0010ffff", "İ", "ß", "ﬁ", "Ω", "\u0130\u0307"]
BOILER = ["Read more", "READ MORE", "Related:", "Related articles", "Share this article", "Share on Facebook",
          "Advertisement", "ADVERTISEMENT", "Sign up for our newsletter", "Subscribe now", "Photo: Reuters",
          "Photo: AP Photo/Jane Doe", "By Jane Doe", "Published June 28, 2024", "Updated 3 hours ago",
          "Follow us on Twitter", "Click here to read more", "© 2024 Example News", "All rights reserved.",
          "Tags: politics, economy", "Comments", "To Top", "Home / World / Europe", "- A linked headline here",
          "Support us on Patreon: patreon.com/x", "www.example.com", "Headline of the story – Site 17",
          "Headline | Example News", "Cookie settings", "Skip to content", "اقرأ أيضا", "阅读更多"]
PROSE = ["The minister said on Monday that the plan would be presented to parliament next week, "
         "and that the opposition had been consulted.",
         "“We will not accept this,” she said, adding that talks would continue through the weekend.",
         "Officials said the numbers were preliminary and could change once all the ballots were counted.",
         "Die Regierung hat am Freitag das Gesetz beschlossen, sagte ein Sprecher in Berlin.",
         "Short line.", "Council approves budget", "市议会周二在经过长时间辩论后批准了新预算。"]

char = st.one_of(st.characters(), st.characters(categories=["Cc", "Cf", "Cs", "Zs", "Zl", "Zp", "Mn", "Co"]),
                 st.sampled_from([c for c in SPECIAL if len(c) == 1]))
wild = st.text(char, max_size=60)


@st.composite
def spiked(draw, base):
    """A boilerplate/prose line with hostile characters spliced in."""
    text = draw(base)
    for _ in range(draw(st.integers(0, 3))):
        i = draw(st.integers(0, len(text)))
        text = text[:i] + draw(st.sampled_from(SPECIAL)) + text[i:]
    return text


line = st.one_of(wild, st.sampled_from(BOILER), st.sampled_from(PROSE), spiked(st.sampled_from(BOILER)),
                 spiked(st.sampled_from(PROSE)))
nl = st.sampled_from(NEWLINES)
doc = st.lists(st.tuples(line, nl), max_size=16).map(lambda xs: "".join(a + b for a, b in xs))


# ------------------------------------------------------------------ engine: text
@settings(max_examples=N(150), **SETTINGS)
@given(doc)
@example("\ud800\n\nRead more\n")
@example("\x00\r\x85\u2028\u2029\r\n")
@example("Title\u200b\n\n" + PROSE[0] + "\n\n" + "\u202eRead more\u202c\n")
def test_arbitrary_unicode(text):
    result = cleaner.clean(text, lang="en")
    check_result(text, result)


_H = "Headline of the story – Site 17"
_IDEMPOTENCE_CASE = f"{_H}\n{_H}\n{PROSE[1]}\n{PROSE[0]}\n{PROSE[0]}\n"


@settings(max_examples=N(150), **SETTINGS)
@given(doc)
@example(_IDEMPOTENCE_CASE)
def test_idempotent(text):
    once = cleaner.clean(text, lang="en").text
    assert cleaner.clean(once, lang="en").text == once


_TITLE_UNDER_REGION = ("You may also like...\nCouncil approves new budget for schools\n\n"
                       f"{PROSE[0]}\n\n{PROSE[2]}\n")


@settings(max_examples=N(150), **SETTINGS)
@given(doc)
@example(_TITLE_UNDER_REGION)
def test_removals_never_cover_the_kept_title(text):
    """The audit trail is exact: a line the output keeps (the title) is in no removal."""
    result = cleaner.clean(text, lang="en")
    title = result.meta["title"]
    if not title:
        return
    for r in result.removed:
        lines = [normalize_space(ln) for ln in r.text.splitlines()]
        assert not any(ln.startswith(title) for ln in lines if ln), (title, r)


@settings(max_examples=N(100), **SETTINGS)
@given(doc)
def test_idempotent_blank_separated(text):
    """Idempotence where the input already has the output's shape (paragraphs split by blank lines)."""
    text = "\n\n".join(normalize_space(p) for p in PARAGRAPH_SPLIT.split(text) if normalize_space(p))
    once = cleaner.clean(text, lang="en").text
    assert cleaner.clean(once, lang="en").text == once


@settings(max_examples=N(60), **SETTINGS)
@given(doc, st.booleans())
def test_language_detection_and_options_never_crash(text, body_only):
    pytest.importorskip("cleaner.lang.detect")
    result = cleaner.clean(text, body_only=body_only)
    check_result(text, result)
    result = cleaner.clean(text, lang="en", flags=False, html=False, body_only=body_only)
    check_result(text, result)


@settings(max_examples=N(80), **SETTINGS)
@given(st.lists(st.tuples(line.filter(lambda s: not PARAGRAPH_SPLIT.search(s)), nl), min_size=1, max_size=12))
def test_newline_kind_does_not_matter(parts):
    """\\r, \\r\\n, \\u2028, \\x85 ... are all just line ends: the same lines give the same text."""
    def one_newline(sep):
        return "\n" * len(PARAGRAPH_SPLIT.findall(sep)) or sep  # keep the number of line breaks
    mixed = "".join(a + b for a, b in parts)
    plain = "".join(a + one_newline(b) for a, b in parts)
    assert cleaner.clean(mixed, lang="en").text == cleaner.clean(plain, lang="en").text


@settings(max_examples=N(6), **SETTINGS)
@given(st.text(char, min_size=1, max_size=12), st.sampled_from([" ", "", "\u200b", "\t", "\u00a0", ". "]),
       st.sampled_from(["\n", "\r\n", "\r"]))
def test_one_megabyte_lines(word, sep, newline):
    # flags=False: the artifact detectors take ~10 s per MB of one-letter words (reported);
    # the text, removals and idempotence do not depend on them.
    unit = word + sep
    big = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    text = f"Council approves budget{newline}{newline}{big}{newline}{newline}{PROSE[0]}{newline}Read more{newline}"
    result = cleaner.clean(text, lang="en", flags=False)
    check_result(text, result)
    assert cleaner.clean(result.text, lang="en", flags=False).text == result.text


def test_one_megabyte_line_with_flags():
    big = (PROSE[0] + " ") * (1_000_000 // (len(PROSE[0]) + 1))
    text = f"Council approves budget\n\n{big}\n\nRead more\n"
    result = cleaner.clean(text, lang="en")
    check_result(text, result)
    assert result.text.startswith("Council approves budget\n\n" + PROSE[0])


@settings(max_examples=N(5), **SETTINGS)
@given(st.sampled_from(BOILER), st.integers(1000, 2000), st.sampled_from(["\n", "\n\n", "\r\n", "\u2028"]),
       st.booleans())
def test_boilerplate_repeated_thousands_of_times(phrase, n, newline, interleave):
    block = (phrase + newline) * n if not interleave else (phrase + newline + PROSE[0] + newline) * (n // 4)
    text = f"Council approves budget{newline}{newline}{PROSE[0]}{newline}{newline}{block}{PROSE[2]}{newline}"
    result = cleaner.clean(text, lang="en")
    check_result(text, result)
    assert cleaner.clean(result.text, lang="en").text == result.text


# ------------------------------------------------------------------ CLI: bytes
def _expected_decode_error(data: bytes) -> int | None:
    """The byte offset the CLI must name in strict mode, or None if the bytes are fine."""
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                data.decode(codec)
                return None
            except UnicodeDecodeError as exc:
                return exc.start
    if b"\x00" in data:
        return data.index(b"\x00")
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as exc:
        return exc.start


raw_bytes = st.one_of(
    st.binary(max_size=300),
    doc.map(lambda s: s.encode("utf-8", "surrogatepass")),  # lone surrogates as CESU-8 bytes
    st.tuples(doc, st.binary(max_size=4), doc).map(
        lambda t: t[0].encode("utf-8", "replace") + t[1] + t[2].encode("utf-8", "replace")),
    doc.map(lambda s: b"\xef\xbb\xbf" + s.encode("utf-8", "replace")),
    st.sampled_from([b"\xed\xa0\x80", b"\xc0\x80", b"\xf4\x90\x80\x80", b"\xff\xfe\x00", b"\xfe\xff\xd8\x00",
                     b"\xef\xbb\xbf\xff", b"\x00", b"\r", b"\xc2\x85\xe2\x80\xa8"]),
)


@settings(max_examples=N(120), **SETTINGS)
@given(raw_bytes, st.sampled_from([[], ["--format", "json"], ["--body-only"], ["--no-html"]]))
def test_cli_reading_arbitrary_bytes(data, extra):
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "in.txt"
        path.write_bytes(data)
        with in_process() as box:
            rc = cli.main(["--lang", "en", *extra, str(path)])
        expected = _expected_decode_error(data)
        if expected is None:
            assert rc == 0, box["err"]
            assert box["err"] == "" or all(l.startswith("clean: warning: ") for l in box["err"].splitlines())
        else:
            assert rc == cli.EXIT_INPUT
            if extra == ["--format", "json"]:   # one object per input, an unreadable one too
                assert "error" in json.loads(box["out"])["meta"]
            else:
                assert box["out"] == b""
            lines = box["err"].splitlines()
            assert len(lines) == 1 and f"byte offset {expected}" in lines[0], lines
        box["out"].decode("utf-8")  # output is always valid UTF-8

        with in_process() as box:
            rc = cli.main(["--lang", "en", "--encoding-errors", "replace", *extra, str(path)])
        assert rc == 0, box["err"]
        box["out"].decode("utf-8")


@settings(max_examples=N(60), **SETTINGS)
@given(st.lists(st.one_of(doc, st.integers(), st.none(), st.lists(st.integers(), max_size=2)), min_size=1,
                max_size=5),
       st.booleans())
def test_cli_jsonl_hostile_records(values, break_one):
    lines = [json.dumps({"id": i, "text": v}) for i, v in enumerate(values)]  # lone surrogates as \\ud800 escapes
    if break_one:
        lines.append('{"text": "unterminated')
    with in_process(("\n".join(lines) + "\n").encode()) as box:
        rc = cli.main(["--lang", "en", "--jsonl", "--quiet", "--timeout", "0"])  # in-process: fast
    assert rc == 0, box["err"]
    out = [json.loads(l) for l in box["out"].decode("utf-8").split("\n") if l]  # not splitlines: \u2028 is data
    assert len(out) == len(lines)  # nothing lost, same order
    for i, v in enumerate(values):
        assert out[i]["id"] == i
        if not isinstance(v, str):
            assert "error" in out[i]["clean"]


# ------------------------------------------------------------------ rule packs
EVIL = ["(a+)+$", "(a|aa)+$", "(.*a){12}", "(x+x+)+y", "^(\\w+\\s?)*$", "(?:a|a?)+b", "(.*)*x", "(\\s*.*)*z",
        "^(([a-z])+.)+[A-Z]([a-z])+$", "(e|ee)+f", "(?:(?:.*){5}){5}q"]
INVALID = ["(", "[", ")", "a{2,1}", "\\", "(?P<x", "*", "(?P<value>a)(?P<value>b)", "(?<=a+)b", "\\p{Nope}",
           "[[:nope:]]", "(?z)", "a{e<=x}"]
VALID = ["read more", "^share", "^(?:related|see also)\\b", "(?P<value>\\d{4})", "\\bphoto:", "", "^", "$", ".",
         "(?i)READ", "^by (?P<value>.+)$", " - [^-]+$", "(?s).*", "\\L<x>", "(?r)ore", "(?V1)[[a-z]--[aeiou]]+"]
SAFE_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
SAFE_KEY = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=12)
pattern = st.one_of(st.sampled_from(EVIL + INVALID + VALID), SAFE_TEXT.filter(lambda p: not re.search(r"\d{5}", p)))
scalar = st.one_of(st.booleans(), st.integers(-2 ** 63, 2 ** 63 - 1), st.sampled_from([10 ** 18, 2 ** 63 - 1, 0, -1]),
                   st.floats(), SAFE_TEXT)
value = st.recursive(scalar, lambda c: st.lists(c, max_size=3) | st.dictionaries(SAFE_TEXT, c, max_size=2),
                     max_leaves=4)
KEYS = sorted(KNOWN_KEYS)
VALID_VALUES = {
    "action": st.sampled_from(["drop_line", "drop_region", "trim_suffix", "flag", "explode"]),
    "region": st.sampled_from(["list", "article", "appeal", "tail", "nope"]),
    "where": st.sampled_from(["any", "lead", "tail", "title", "body", "nowhere"]),
    "meta": st.sampled_from(["date", "byline", "title"]),
    "max_words": st.one_of(st.integers(0, 50), st.sampled_from([10 ** 18, 2 ** 63 - 1, -5])),
    "min_words": st.integers(0, 5),
    "case_sensitive": st.booleans(),
    "attach_caption": st.booleans(),
    "kind": st.sampled_from(["oddity", "x"]),
    "contains": st.one_of(st.lists(st.sampled_from(["read", "more", "share", "", "ß"]), max_size=3),
                          st.sampled_from(["read", ""])),
    "continue": pattern,
    "stop": pattern,
    "lang": st.sampled_from(["en", "*", "de", "xx"]),
    "category": st.sampled_from(["nav", "related", ""]),
    "description": SAFE_TEXT,
}


@st.composite
def rule_table(draw):
    rule = {"id": draw(st.one_of(st.sampled_from(["u.a", "u.b", "u.c", "navigation.en.read_more"]),
                                 SAFE_TEXT)),
            "category": draw(st.sampled_from(["nav", "related", "credit"])),
            "pattern": draw(pattern)}
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=4, unique=True)):
        strat = VALID_VALUES.get(key, value)
        rule[key] = draw(st.one_of(strat, value) if draw(st.integers(0, 4)) == 0 else strat)
    if draw(st.integers(0, 9)) == 0:
        rule[draw(SAFE_KEY.filter(lambda k: k not in KNOWN_KEYS))] = draw(value)
    if draw(st.integers(0, 9)) == 0:
        del rule[draw(st.sampled_from(sorted(rule)))]
    return rule


@st.composite
def valid_rule(draw):
    """A rule the loader accepts (mostly), so the engine really runs user rules, evil patterns included."""
    action = draw(st.sampled_from(["drop_line", "drop_line", "drop_region", "trim_suffix", "flag"]))
    pats = [p for p in EVIL + VALID if p != "\\L<x>"]
    rule = {"id": "u." + draw(st.uuids()).hex[:10], "category": draw(st.sampled_from(["nav", "related", "credit"])),
            "action": action}
    if draw(st.integers(0, 4)):
        rule["pattern"] = draw(st.sampled_from(pats))
    else:
        rule["contains"] = draw(st.lists(st.sampled_from(["read", "more", "share", "ß", "İ", "\u200b"]), min_size=1,
                                         max_size=2))
    if action == "drop_region":
        rule["region"] = draw(st.sampled_from(["list", "article", "appeal", "tail"]))
        for key in ("continue", "stop"):
            if draw(st.booleans()):
                rule[key] = draw(st.sampled_from(pats))
    if action == "trim_suffix":
        rule["where"] = "title"
    elif draw(st.booleans()):
        rule["where"] = draw(st.sampled_from(["any", "lead", "tail", "body"]))
    if action == "flag":
        rule["kind"] = draw(st.sampled_from(["oddity", "x"]))
    for key in draw(st.lists(st.sampled_from(["max_words", "min_words", "case_sensitive", "meta", "attach_caption",
                                              "lang", "description"]), max_size=3, unique=True)):
        rule[key] = draw(VALID_VALUES[key].filter(lambda v: v not in ("title", -5)))
    return rule


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf") if math.isinf(v) else repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {toml_value(x)}" for k, x in v.items()) + "}"


def toml_table(d: dict) -> str:
    return "".join(f"{json.dumps(k, ensure_ascii=False)} = {toml_value(v)}\n" for k, v in d.items())


@st.composite
def pack_file(draw) -> bytes:
    kind = draw(st.integers(0, 9))
    if kind == 0:  # anything at all
        return draw(st.one_of(st.binary(max_size=80), st.text(max_size=80).map(lambda s: s.encode("utf-8", "replace"))))
    parts = []
    if draw(st.booleans()):
        pack = {k: draw(VALID_VALUES.get(k, value)) for k in draw(st.lists(
            st.sampled_from(["category", "lang", "action", "where", "max_words", "junk"]), max_size=3, unique=True))}
        parts.append("[pack]\n" + toml_table(pack))
    if kind == 1:
        parts.append(f"rule = {toml_value(draw(value))}\n")
    else:
        table = valid_rule() if kind >= 5 else rule_table()
        for rule in draw(st.lists(table, min_size=1, max_size=3)):
            parts.append("[[rule]]\n" + toml_table(rule))
    if kind == 2:
        parts.append(toml_table({draw(SAFE_KEY.filter(lambda k: k not in ("pack", "rule"))): draw(value)}))
    return "\n".join(parts).encode("utf-8", "replace")


packs = st.lists(st.tuples(st.sampled_from(["a.toml", "b.toml", "sub/c.toml", "d.toml", "flags/skip.toml", "notes.txt"]),
                           pack_file()), min_size=1, max_size=3, unique_by=lambda t: t[0])


def write_pack(root: pathlib.Path, files) -> pathlib.Path:
    folder = pathlib.Path(tempfile.mkdtemp(dir=root))  # a new folder each time: clean() caches by path
    for name, data in files:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def assert_names_file(exc: RulePackError, folder: pathlib.Path, files) -> None:
    msg = str(exc)
    named = [str(folder / n) for n, _ in files] + [str(folder)]
    assert any(n in msg for n in named), msg


@pytest.fixture(scope="module")
def pack_root():
    with tempfile.TemporaryDirectory(prefix="cleaner-fuzz-packs-") as tmp:
        yield pathlib.Path(tmp)


@settings(max_examples=N(200), **SETTINGS)
@given(packs)
def test_load_dir_on_random_packs(pack_root, files):
    folder = write_pack(pack_root, files)
    try:
        rules = load_dir(folder)
    except RulePackError as exc:
        event("RulePackError")
        assert_names_file(exc, folder, files)
        return
    event(f"loaded {min(len(rules), 3)}+ rules")
    for r in rules:
        assert r.id and r.category


@settings(max_examples=N(100), **SETTINGS)
@given(packs, doc)
@example([("a.toml", b'[[rule]]\nid = "u.evil"\ncategory = "nav"\npattern = "(a+)+$"\n'
                     b'[[rule]]\nid = "u.evil2"\ncategory = "nav"\npattern = "(x+x+)+y"\naction = "flag"\nkind = "k"\n'
                     b'[[rule]]\nid = "u.t"\ncategory = "site"\npattern = "(.*a){12}"\nwhere = "title"\n'
                     b'action = "trim_suffix"\n')],
         "a" * 40 + "!\n\n" + "x" * 40 + "\n\n" + PROSE[0] + "\n")
def test_clean_with_random_user_packs(pack_root, files, text):
    folder = write_pack(pack_root, files)
    try:
        result = cleaner.clean(text, lang="en", rules=[str(folder)])
    except RulePackError as exc:
        event("RulePackError")
        assert_names_file(exc, folder, files)
        return
    event("cleaned with user rules")
    check_result(text, result)


@settings(max_examples=N(50), **SETTINGS)
@given(packs, doc)
def test_cli_with_random_user_packs(pack_root, files, text):
    folder = write_pack(pack_root, files)
    with in_process(text.encode("utf-8", "replace")) as box:
        rc = cli.main(["--lang", "en", "--rules", str(folder), "--encoding-errors", "replace"])
    assert rc in (0, cli.EXIT_RULES), box["err"]
    if rc == cli.EXIT_RULES:
        lines = box["err"].splitlines()
        assert len(lines) == 1 and lines[0].startswith("clean: rule pack error: ") and str(folder) in lines[0]
        assert box["out"] == b""


# ------------------------------------------------------------------ the pattern prefilter
PF_TOKENS = ["a", "b", "ab", "c", " ", "^", "$", "\\A", "\\Z", "\\b", "\\B", "|", "(", ")", "(?:", "(?=", "(?!",
             "(?<=", "(?<!", "*", "+", "?", "{2}", "{0}", "{1,3}", "{,2}", "{2,}", "*?", "+?", "++", ".", "\\d",
             "\\w", "\\s", "[ab]", "[^a]", "[a-c]", "[[:alpha:]]", "(?i)", "(?i:", "(?m)", "(?s)", "(?x)", "\\n",
             "\n", "#", "\\", "\\1", "(?P<v>", "(?>", "\\p{L}", "{e<=1}", "\\m", "\\M", "\\G", "\\X", "(?r)",
             "(?V1)", "(?f)", "[", "]", "{", "}", ",", "-", "(?|", "(?(1)", "A", "é", "ß", "İ", "ss", "\\x61",
             "\\u0062", "\\141", "(?w)", "\\K", "(*FAIL)", "(?-i:", "(?a)", "&&", "--"]


@settings(max_examples=N(400), **SETTINGS)
@given(st.lists(st.sampled_from(PF_TOKENS), min_size=1, max_size=8).map("".join),
       st.lists(st.text(st.sampled_from(list("abcABé \nßsSİi\u0307x-")), max_size=12), min_size=1, max_size=6))
@example(pat="[a[[:alpha:]]", subjects=["A"])      # a POSIX class in `regex`, characters in `re`
@example(pat="a\\G{e<=1}", subjects=["a", "b"])     # compiles, then "invalid RE code" in some regex versions
def test_rule_prefilter_never_changes_a_match(pat, subjects):
    """Rule.search skips the regex when a literal prefilter says it cannot match: same answer always."""
    from cleaner.packs.rule import Rule

    import regex
    try:
        compiled = regex.compile(pat)
    except (regex.error, ValueError, OverflowError):
        return
    rule = Rule(id="u.x", category="u", lang="*", action="drop_line", pattern=compiled, case_sensitive=True)
    for s in subjects:
        try:
            want = compiled.search(s, timeout=0.05)
        except (TimeoutError, MemoryError, RuntimeError):  # (?R), a\G{e<=1}: not the prefilter's business
            continue
        got = rule.search(s, s.lower())
        assert (got is None) == (want is None), (pat, s)
        if want is not None:
            assert got.span() == want.span()
