"""Options that used to be accepted silently: an unknown --disable id, an unknown --lang,
three-letter and GlotLID language codes; --list-rules as JSON and filtered (issue 18)."""
from __future__ import annotations

import json

import pytest

from _clihelp import cli_main as main, ROOT, assert_one_line
from cleaner.cli import main as cli
from cleaner.api import Cleaner
from cleaner.lang.codes import given_code
from cleaner.cli.listing import rule_rows

DE = ROOT / "fixtures" / "lang" / "de_1.txt"



@pytest.mark.parametrize("value", ["credit.en.no_such_rule", "creditt.*", "mainfinderr"])
def test_unknown_disable_is_a_usage_error(value):
    rc, out, err = main("--disable", value, DE)
    assert rc == cli.EXIT_USAGE and out == ""
    assert_one_line(err, "--disable", repr(value))


@pytest.mark.parametrize("value", ["credit.*", "mainfinder", "mainfinder.*", "flag.doubled_word",
                                   "guard.over_removal", "credit.caption"])
def test_known_disable_ids_and_globs_pass(value):
    rc, _, err = main("--disable", value, DE)
    assert rc == 0, err


def test_disable_may_name_a_user_pack_rule(tmp_path):
    pack = tmp_path / "pack" / "donation"
    pack.mkdir(parents=True)
    (pack / "en.toml").write_text('[pack]\ncategory = "donation"\nlang = "en"\n\n[[rule]]\n'
                                  'id = "donation.en.mine"\npattern = "zzz"\ndescription = "x"\n')
    assert main("--rules", tmp_path / "pack", "--disable", "donation.en.mine", DE)[0] == 0


@pytest.mark.parametrize("value", ["xx", "deutsch", "qqq", "x"])
def test_unknown_lang_is_a_usage_error(value):
    rc, out, err = main("--lang", value, DE)
    assert rc == cli.EXIT_USAGE and out == ""
    assert_one_line(err, "--lang", repr(value))


@pytest.mark.parametrize("code", ["deu", "ger", "deu_Latn", "DE", "de-AT"])
def test_three_letter_and_glotlid_codes_mean_the_language(code):
    rc, want, _ = main("--format", "json", "--lang", "de", DE)
    assert rc == 0 and json.loads(want)["removed"]      # German rules fire
    rc, got, err = main("--format", "json", "--lang", code, DE)
    assert rc == 0, err
    assert json.loads(got) == json.loads(want)


@pytest.mark.parametrize("value, expected", [
    ("eng", "en"), ("eng_Latn", "en"), ("deu_Latn", "de"), ("fra", "fr"), ("zho_Hans", "zh"),
    ("cmn_Hani", "zh"), ("arb_Arab", "ar"), ("nob_Latn", "no"), ("ukr_Cyrl", "uk"),
    ("xx", None), ("English", None), ("xxx_Latn", None),
])
def test_record_language_codes(value, expected):
    assert given_code(value) == expected


def test_lang_field_takes_three_letter_codes():
    text = "Der Bundestag hat am Dienstag das neue Gesetz mit großer Mehrheit beschlossen."
    lines = [json.dumps({"text": text, "language": lang}) for lang in ("pol", "deu_Latn", "xx")]
    rc, out, err = main("--jsonl", "--quiet", "--lang-field", "language", "--timeout", "0",
                        stdin="\n".join(lines).encode())
    assert rc == 0, err
    assert [json.loads(line)["clean"]["meta"]["lang"] for line in out.splitlines()] == ["pl", "de", "de"]


def test_list_rules_json_has_every_reported_id():
    rc, out, _ = main("--list-rules", "--format", "json")
    rows = json.loads(out)
    ids = {r["id"] for r in rows}
    assert {"mainfinder", "mainfinder.header", "credit.caption", "guard.over_removal"} <= ids
    assert all(set(r) >= {"id", "category", "lang", "action", "description", "source"} for r in rows)
    cleaner = Cleaner()
    for path in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))[:20]:
        for kind in ("article", "page"):
            r = cleaner.clean(path.read_text(encoding="utf-8"), input=kind)
            assert {x.rule for x in r.removed} | {f.rule for f in r.flags} <= ids, path


def test_list_rules_filters_by_category_and_language():
    rc, out, _ = main("--list-rules", "--format", "json", "--category", "credit", "--lang", "deu")
    rows = json.loads(out)
    assert rows and all(r["category"] == "credit" for r in rows)
    langs = {r["lang"] for r in rows}
    assert "de" in langs and langs <= {"de", "en", "*"}
    rc, out, _ = main("--list-rules", "--category", "credit", "--category", "flag")
    cats = {line.split()[1] for line in out.splitlines()}
    assert cats == {"credit", "flag"}


def test_list_rules_unknown_category():
    rc, out, err = main("--list-rules", "--category", "credits")
    assert rc == cli.EXIT_USAGE and out == ""
    assert_one_line(err, "--category", "'credits'")


def test_rule_rows_are_unique_ids():
    ids = [r["id"] for r in rule_rows(Cleaner())]
    assert len(ids) == len(set(ids))
