"""The input kind (`--input article|page|auto`, `input=`) through every door: the API, the
`clean` command (text, --format json, --jsonl with workers), the datatrove step, and the
`--list-rules` listing of the main-text finder's ids.

The inputs are whole visible page texts (AEB fulltext: menus, footers and all), on which
the main-text finder removes lines, and their extracted residue, which `auto` takes as
article text."""
from __future__ import annotations

import json
import pathlib

import pytest

from _clihelp import ROOT, assert_one_line, run_clean
from cleaner import Cleaner, clean
from cleaner.mechanisms import mainfinder

PAGES = sorted((ROOT / "fixtures" / "aeb_sample" / "fulltext").glob("*.txt"))
RESIDUES = sorted((ROOT / "fixtures" / "aeb_sample" / "residue").glob("*.txt"))


def _read(path: pathlib.Path) -> str:
    return path.read_text(encoding="utf-8")


def finder_rules(removed) -> list[str]:
    """The main-text finder's rule ids among removals (Removal objects or report dicts)."""
    rules = [r["rule"] if isinstance(r, dict) else r.rule for r in removed]
    return [r for r in rules if r.startswith("mainfinder")]


def test_fixtures_are_there():
    assert len(PAGES) >= 3 and len(RESIDUES) >= 3


# ------------------------------------------------------------------ API
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name[:8])
def test_api_article_never_runs_the_finder_page_does(path):
    text = _read(path)
    article = clean(text, input="article")
    page = Cleaner().clean(text, input="page")
    assert article.meta["input"] == "article" and finder_rules(article.removed) == []
    assert page.meta["input"] == "page" and finder_rules(page.removed)
    assert clean(text).meta["input"] in ("article", "page")


def test_api_page_with_the_finder_disabled():
    r = clean(_read(PAGES[0]), input="page", disable=["mainfinder"])
    assert r.meta["input"] == "page" and finder_rules(r.removed) == []


def test_api_bad_value():
    with pytest.raises(ValueError, match="input"):
        clean("Some text.", input="html")
    with pytest.raises(ValueError, match="input"):
        Cleaner().clean("Some text.", input="")


# ------------------------------------------------------------------ CLI
def _json_lines(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines() if line.strip()]


def test_cli_text_mode_passes_the_kind():
    for kind in ("article", "page"):
        r = run_clean("--input", kind, *PAGES)
        assert r.returncode == 0, r.stderr.decode()
        expected = "\f\n".join(clean(_read(p), input=kind).text + "\n" for p in PAGES)
        assert r.stdout.decode("utf-8") == expected, kind


def test_cli_json_article_page_and_default():
    r = run_clean("--format", "json", "--input", "article", *PAGES)
    assert r.returncode == 0, r.stderr.decode()
    docs = _json_lines(r.stdout)
    assert len(docs) == len(PAGES)
    for d in docs:
        assert d["meta"]["input"] == "article" and finder_rules(d["removed"]) == [], d["meta"]["file"]

    # page forces the finder even on extracted text, where auto says article
    assert all(clean(_read(p)).meta["input"] == "article" for p in RESIDUES), "precondition: auto on residue"
    r = run_clean("--format", "json", "--input", "page", *PAGES, *RESIDUES)
    assert r.returncode == 0, r.stderr.decode()
    docs = _json_lines(r.stdout)
    assert [d["meta"]["input"] for d in docs] == ["page"] * (len(PAGES) + len(RESIDUES))
    for d in docs[:len(PAGES)]:
        assert finder_rules(d["removed"]), d["meta"]["file"]

    r = run_clean("--format", "json", *PAGES, *RESIDUES)   # default: auto, decided per document
    assert r.returncode == 0, r.stderr.decode()
    assert [d["meta"]["input"] for d in _json_lines(r.stdout)] == \
        [clean(_read(p)).meta["input"] for p in (*PAGES, *RESIDUES)]


def test_cli_single_json_shows_meta_input():
    r = run_clean("--format", "json", "--input", "article", PAGES[0])
    assert r.returncode == 0, r.stderr.decode()
    report = json.loads(r.stdout)
    assert report["meta"]["input"] == "article" and finder_rules(report["removed"]) == []


@pytest.fixture
def corpus(tmp_path):
    p = tmp_path / "pages.jsonl"
    with open(p, "w", encoding="utf-8") as fh:
        for n, path in enumerate(PAGES * 2):   # more records than one worker's chunk share
            fh.write(json.dumps({"id": n, "text": _read(path)}, ensure_ascii=False) + "\n")
    return p


@pytest.mark.parametrize("mode", [("-j", "2"), ("-j", "1", "--timeout", "0")], ids=["j2", "inprocess"])
def test_cli_jsonl_passes_the_kind_to_workers(corpus, mode):
    records = {}
    for kind in ("article", "page"):
        r = run_clean("--jsonl", *mode, "--quiet", "--input", kind, corpus)
        assert r.returncode == 0, r.stderr.decode()
        records[kind] = _json_lines(r.stdout)
        assert [d["id"] for d in records[kind]] == list(range(len(PAGES) * 2))
        assert all(d["clean"]["meta"]["input"] == kind for d in records[kind])
    assert all(finder_rules(d["clean"]["removed"]) == [] for d in records["article"])
    assert all(finder_rules(d["clean"]["removed"]) for d in records["page"])


@pytest.mark.parametrize("args", [("--input", "html"), ("--input=Article",), ("--jsonl", "-j", "2", "--input", "x"),
                                  ("--format", "json", "--input", "")])
def test_cli_bad_value_is_a_usage_error(args):
    r = run_clean(*args, PAGES[0])
    assert r.returncode == 2
    assert r.stdout == b""
    assert_one_line(r.stderr, "--input")


def test_cli_help_lists_the_values():
    r = run_clean("--help")
    assert r.returncode == 0
    assert b"--input article|page|auto" in r.stdout


# ------------------------------------------------------------------ --list-rules
FINDER_IDS = ["mainfinder", *mainfinder.RULES]


def test_finder_ids_are_known():
    assert len(FINDER_IDS) >= 5 and all(i.startswith("mainfinder.") for i in FINDER_IDS[1:])


def test_list_rules_text_lists_the_finder():
    r = run_clean("--list-rules")
    assert r.returncode == 0, r.stderr.decode()
    rows = {line.split()[0]: line for line in r.stdout.decode("utf-8").splitlines() if line.strip()}
    for rule_id in FINDER_IDS:
        assert rule_id in rows, rule_id
        assert "(disabled)" not in rows[rule_id]
    for rule_id, (category, _) in mainfinder.RULES.items():
        assert rows[rule_id].split()[1] == category


def test_list_rules_text_marks_the_switch_off():
    r = run_clean("--list-rules", "--disable", "mainfinder")
    assert r.returncode == 0, r.stderr.decode()
    rows = {line.split()[0]: line for line in r.stdout.decode("utf-8").splitlines() if line.strip()}
    assert all(rows[rule_id].endswith("(disabled)") for rule_id in FINDER_IDS)


def test_list_rules_json_lists_the_finder():
    r = run_clean("--list-rules", "--format", "json")
    assert r.returncode == 0, r.stderr.decode()
    rows = {row["id"]: row for row in json.loads(r.stdout)}
    for rule_id in FINDER_IDS:
        assert rule_id in rows, rule_id
        assert rows[rule_id]["description"]
    for rule_id, (category, _) in mainfinder.RULES.items():
        assert rows[rule_id]["category"] == category


def test_every_rule_a_page_report_holds_is_listed():
    listed = {row["id"] for row in json.loads(run_clean("--list-rules", "--format", "json").stdout)}
    for path in PAGES:
        report = clean(_read(path), input="page").to_dict()
        used = {r["rule"] for r in report["removed"]} | {f["rule"] for f in report["flags"]}
        assert used <= listed, used - listed


# ------------------------------------------------------------------ datatrove step
def test_datatrove_step_passes_the_kind():
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from cleaner.datatrove_step import CleanerStep

    for kind in ("article", "page"):
        step = CleanerStep(input=kind)
        out = list(step.run(iter([Document(text=_read(p), id=p.name) for p in PAGES])))
        assert len(out) == len(PAGES)
        for d in out:
            report = d.metadata["clean"]
            assert report["meta"]["input"] == kind, d.id
            assert bool(finder_rules(report["removed"])) == (kind == "page"), (kind, d.id)


def test_datatrove_step_default_and_bad_value():
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from cleaner.datatrove_step import CleanerStep

    assert CleanerStep().input == "auto"
    doc = Document(text=_read(RESIDUES[0]), id="r")
    list(CleanerStep().run(iter([doc])))
    assert doc.metadata["clean"]["meta"]["input"] == clean(_read(RESIDUES[0])).meta["input"]
    with pytest.raises(ValueError, match="input"):
        CleanerStep(input="html")
