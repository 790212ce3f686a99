"""One output contract (issue 18): --format json is one line per input with meta.file, one
input or many; meta.date is ISO 8601 with the page's string in meta.date_text; rejects
carry their reason; --strict fails a run with bad records; --show-flags in text mode."""
from __future__ import annotations

import json
import tomllib

import pytest

from _clihelp import cli_main as main, ROOT
from cleaner import clean
from cleaner.cli import main as cli
from cleaner.text.dates import to_iso

SEED = ROOT / "fixtures" / "seeds" / "000_0e82d3106cdfd71a.txt"
SEED2 = ROOT / "fixtures" / "seeds" / "002_ec419589a7edd8af.txt"



def test_json_is_one_line_per_input_one_input_or_many():
    _, one, _ = main("--format", "json", SEED)
    _, two, _ = main("--format", "json", SEED, SEED2)
    assert len(one.splitlines()) == 1 and len(two.splitlines()) == 2
    single, first = json.loads(one), json.loads(two.splitlines()[0])
    assert single == first                      # the same shape and content either way
    assert single["meta"]["file"] == str(SEED)
    _, stdin_out, _ = main("--format", "json", stdin=SEED.read_bytes())
    assert json.loads(stdin_out)["meta"]["file"] == "-"


def test_json_unreadable_single_input_still_gives_its_record(tmp_path):
    rc, out, _ = main("--format", "json", tmp_path / "missing.txt")
    assert rc == cli.EXIT_INPUT
    rec = json.loads(out)
    assert rec["meta"]["file"].endswith("missing.txt") and "no such file" in rec["meta"]["error"]


def test_meta_date_is_iso_with_the_page_string_kept():
    meta = clean(SEED.read_text(encoding="utf-8")).meta
    assert (meta["date"], meta["date_text"]) == ("2024-06-28", "June 28, 2024")
    assert clean("No date here.\n\nJust a paragraph of text.").meta["date_text"] is None


@pytest.mark.parametrize("path", sorted((ROOT / "fixtures" / "lang").glob("*.expect.toml")), ids=lambda p: p.stem)
def test_every_language_fixture_date_parses(path):
    want = tomllib.loads(path.read_text(encoding="utf-8")).get("meta", {}).get("date")
    if want is None:
        pytest.skip("no date")
    meta = clean((path.parent / path.name.replace(".expect.toml", ".txt")).read_text(encoding="utf-8")).meta
    assert meta["date_text"] == want
    assert meta["date"] is not None and meta["date"][:4] in want


@pytest.mark.parametrize("text, lang, iso", [
    ("June 28, 2024", "en", "2024-06-28"), ("3. März 2024", "de", "2024-03-03"),
    ("3 de março de 2024", "pt", "2024-03-03"), ("12 января 2024", "ru", "2024-01-12"),
    ("2018-08-25 15:24", "ko", "2018-08-25T15:24"), ("03.03.2024", "tr", "2024-03-03"),
    ("05/10/2018", "pt", "2018-10-05"), ("05/10/2018", "en", None), ("13/10/2018", "en", "2018-10-13"),
    ("Published 9:05 p.m. June 28, 2024", "en", "2024-06-28T21:05"), ("Privacy Policy", "en", None),
    ("February 30, 2024", "en", None),
])
def test_to_iso(text, lang, iso):
    assert to_iso(text, lang) == iso


def test_html_date_has_the_same_shape():
    html = ("<html><head><title>T</title><meta property='article:published_time' content='2019-11-19'>"
            "</head><body><article><h1>Storm closes roads</h1><p>" + "Heavy rain closed roads. " * 20 +
            "</p></article></body></html>")
    meta = clean(html).meta
    assert meta["date"] == "2019-11-19" and meta["date_text"] == "2019-11-19"


def _batch(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": SEED.read_text()}) + "\nnot json\n" +
                   json.dumps({"id": 3, "body": "x"}) + "\n", encoding="utf-8")
    return src


def test_rejects_carry_their_reason(tmp_path):
    rej = tmp_path / "rej.jsonl"
    rc, out, _ = main("--jsonl", "--quiet", "--rejects", rej, _batch(tmp_path))
    assert rc == 0 and len(out.splitlines()) == 1
    recs = [json.loads(line) for line in rej.read_text().splitlines()]
    assert recs[0]["raw"] == "not json" and "not JSON" in recs[0]["clean"]["error"]
    assert recs[1]["id"] == 3 and "no field 'text'" in recs[1]["clean"]["error"]


def test_strict_fails_a_run_with_bad_records(tmp_path):
    src = _batch(tmp_path)
    assert main("--jsonl", "--quiet", src)[0] == 0
    assert main("--jsonl", "--quiet", "--strict", src)[0] == cli.EXIT_STRICT == 6
    assert main("--jsonl", "--quiet", "--strict", "--rejects", tmp_path / "r", src)[0] == 6
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"text": "Hello there."}) + "\n")
    assert main("--jsonl", "--quiet", "--strict", good)[0] == 0
    assert main("--strict", SEED)[0] == cli.EXIT_USAGE


def test_show_flags_on_stderr_in_text_mode():
    rc, out, err = main("--show-flags", SEED)
    assert rc == 0 and out == main(SEED)[1]
    lines = err.splitlines()
    assert lines and all(line.startswith(f"clean: flag: {SEED}:") for line in lines)
    assert "unbalanced-quote" in err
    assert main(SEED)[2] == ""
    assert main("--show-flags", "--format", "json", SEED)[0] == cli.EXIT_USAGE   # not silently ignored
