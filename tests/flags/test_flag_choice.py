"""Flags by choice (issue 17): `--flags all|none|KIND,...`, `clean(flags=)`, the
datatrove step and the batch path; only the chosen detectors run, and `all` is the
old default byte for byte."""
from __future__ import annotations

import json
import pathlib

import pytest

from _clihelp import cli_main as run
from cleaner import flags as flag_pkg
from cleaner.cli import main as cli
from cleaner.api import Cleaner, clean
from cleaner.flags.kinds import FLAG_KINDS, choose_flags
from cleaner.cli.settings import Settings
from cleaner.options import Options

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOC = ("Council approves budget\n\n"
       "The city council approved the the new budget on Tuesday, officials said. Itâ€™s a CafÃ© vote.\n\n"
       "“The vote was closer than expected,” the mayor said. “We will see.\n\n"
       "Read more\n")



def texts():
    """Every fixture and AEB-sample text: what the byte-identity checks run over."""
    paths = sorted(p for p in (ROOT / "fixtures").rglob("*.txt") if p.is_file())
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def test_every_kind_is_listed_once_and_in_help():
    assert len(set(FLAG_KINDS)) == len(FLAG_KINDS)
    assert {m.KIND for m in flag_pkg._MODULES} <= set(FLAG_KINDS)
    assert {"suspected_related", "suspected_over_removal"} <= set(FLAG_KINDS)
    help_text = " ".join(cli.build_parser().format_help().split())
    for kind in FLAG_KINDS:
        assert kind in help_text


def test_choose_flags_values():
    assert choose_flags(True) is None and choose_flags("all") is None
    assert choose_flags(False) == frozenset() == choose_flags("none")
    assert choose_flags("mojibake, fragment") == {"mojibake", "fragment"} == choose_flags(["fragment", "mojibake"])
    for bad in ("mojibak", "fragment,", ["all"], 3):
        with pytest.raises(ValueError):
            choose_flags(bad)


def test_all_is_the_old_default_and_none_is_no_flags():
    c = Cleaner()
    for text in texts()[:60] + [DOC]:
        default = c.clean(text).to_dict()
        assert c.clean(text, flags="all").to_dict() == default
        assert c.clean(text, flags=list(FLAG_KINDS)).to_dict() == default
        off = c.clean(text, flags=False).to_dict()
        assert c.clean(text, flags="none").to_dict() == off and off["flags"] == []
        assert {k: v for k, v in off.items() if k != "flags"} == {k: v for k, v in default.items() if k != "flags"}


def test_one_kind_gives_exactly_its_flags():
    full = clean(DOC, lang="en").flags
    kinds = {f.kind for f in full}
    assert {"doubled-word", "mojibake"} <= kinds
    for kind in kinds:
        assert clean(DOC, lang="en", flags=kind).flags == [f for f in full if f.kind == kind]


def test_only_the_chosen_detectors_run(monkeypatch):
    called = []
    for name, fn in list(flag_pkg.DETECTORS.items()):
        def spy(paragraphs, lang, _name=name, _fn=fn):
            called.append(_name)
            return _fn(paragraphs, lang)
        monkeypatch.setitem(flag_pkg.DETECTORS, name, spy)
    c = Cleaner()
    c.clean(DOC, lang="en", flags="mojibake")
    assert called == ["mojibake"]
    called.clear()
    c.clean(DOC, lang="en", flags="none")
    c.clean(DOC, lang="en", flags="suspected_related")
    assert called == []


def test_cli_flags_all_equals_default_and_none_equals_no_flags(tmp_path):
    p = tmp_path / "doc.txt"
    p.write_text(DOC, encoding="utf-8")
    default = run("--format", "json", p)
    assert default[0] == 0 and json.loads(default[1])["flags"]
    assert run("--format", "json", "--flags", "all", p) == default
    none = run("--format", "json", "--flags", "none", p)
    assert none == run("--format", "json", "--no-flags", p) and json.loads(none[1])["flags"] == []
    rc, out, _ = run("--format", "json", "--flags", "doubled-word", p)
    assert {f["kind"] for f in json.loads(out)["flags"]} == {"doubled-word"}


def test_cli_flags_in_batch_mode(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"text": DOC}) + "\n", encoding="utf-8")
    for jobs in ("1", "2"):
        rc, out, _ = run("--jsonl", "--quiet", "-j", jobs, "--flags", "mojibake", p)
        assert rc == 0 and {f["kind"] for f in json.loads(out)["clean"]["flags"]} == {"mojibake"}
    settings = Settings(Options(flags="none"))
    assert settings.clean_fn()(DOC).flags == []


@pytest.mark.parametrize("args, word", [(["--flags", "mojibak"], "mojibak"),
                                        (["--flags", "fragment,quotes"], "quotes"),
                                        (["--no-flags", "--flags", "all"], "--no-flags")])
def test_cli_unknown_kind_is_a_usage_error(tmp_path, args, word):
    p = tmp_path / "doc.txt"
    p.write_text(DOC, encoding="utf-8")
    rc, out, err = run(*args, p)
    assert rc == 2 and out == ""
    lines = err.decode("utf-8").strip().splitlines() if isinstance(err, bytes) else err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("clean:") and word in lines[0]


def test_user_pack_flag_kind_can_be_chosen(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "x.toml").write_text('[pack]\nlang = "*"\ncategory = "credit"\n[[rule]]\nid = "mine.odd"\naction = "flag"\n'
                                 'kind = "odd-word"\npattern = "zorble"\n', encoding="utf-8")
    c = Cleaner([str(pack)])
    text = "A long sentence about the zorble that the council approved on Tuesday evening."
    assert [f.kind for f in c.clean(text, lang="en", flags="odd-word").flags] == ["odd-word"]
    assert c.clean(text, lang="en", flags="mojibake").flags == []
    with pytest.raises(ValueError):
        Cleaner().clean(text, flags="odd-word")


def test_datatrove_step_flags():
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from cleaner.datatrove_step import CleanerStep

    with pytest.raises(ValueError, match="mojibak"):
        CleanerStep(flags="mojibak")
    for flags, want in ((True, None), ("none", set()), (["mojibake"], {"mojibake"})):
        step = CleanerStep(lang="en", flags=flags)
        (doc,) = step.run(iter([Document(text=DOC, id="a")]))
        kinds = {f["kind"] for f in doc.metadata["clean"]["flags"]}
        assert kinds == want if want is not None else {"doubled-word", "mojibake"} <= kinds


def test_cli_jsonl_bytes_over_every_fixture(tmp_path):
    """The batch output is byte for byte the same for `--flags all` and the default,
    and for `--flags none` and `--no-flags`, over every fixture text."""
    p = tmp_path / "in.jsonl"
    p.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts()), encoding="utf-8")
    default = run("--jsonl", "--quiet", p)
    assert default[0] == 0 and default[1].count("\n") == len(texts())
    assert run("--jsonl", "--quiet", "--flags", "all", p) == default
    none = run("--jsonl", "--quiet", "--flags", "none", p)
    assert none == run("--jsonl", "--quiet", "--no-flags", p) and none != default
