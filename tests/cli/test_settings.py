"""The CLI's one options object: Settings, built once from the arguments, carried to workers."""
from __future__ import annotations

import json
import pickle

from _clihelp import cli_main
from cleaner.api import Cleaner
from cleaner.cli import workerproc
from cleaner.cli.args import build_parser
from cleaner.cli.parallel import clean_records
from cleaner.cli.settings import Settings
from cleaner.options import Options

DOC = ("Council approves budget\n\nThe city council approved the budget on Tuesday after a long debate "
       "about schools and roads.\n\nRead more\n")


def test_from_args_puts_the_per_document_choices_in_one_options():
    args = build_parser().parse_args(["--jsonl", "--lang", "de", "--body-only", "--no-html", "--flags", "mojibake",
                                      "--input", "page", "--field", "body", "--lang-field", "lang",
                                      "--rules", "packs", "--disable", "credit.*"])
    s = Settings.from_args(args)
    assert s.options == Options(lang="de", body_only=True, html=False, flags="mojibake", input="page")
    assert (s.rules, s.disable, s.field, s.lang_field) == (("packs",), ("credit.*",), "body", "lang")
    assert Settings.from_args(build_parser().parse_args(["--no-flags"])).options.flags == "none"
    assert Settings.from_args(build_parser().parse_args([])).options == Options(flags="all")


def test_settings_pickle_for_workers_that_are_not_forked():
    s = Settings(Options(lang="en", flags=("mojibake",), input="article"), rules=(), field="body")
    copy = pickle.loads(pickle.dumps(s, pickle.HIGHEST_PROTOCOL))
    assert copy == s
    assert copy.clean_fn()(DOC).text == s.clean_fn()(DOC).text


def test_the_options_reach_the_cleaner_as_the_keywords_did():
    c = Cleaner()
    options = Options(lang="en", body_only=True, flags="none", input="article")
    keywords = dict(lang="en", body_only=True, html=None, flags="none", input="article")
    assert c.clean_with(DOC, options).to_dict() == c.clean(DOC, **keywords).to_dict()


def test_a_records_language_overrides_the_options_one(monkeypatch):
    seen = []
    real = Cleaner.clean_with

    def spy(self, text, options):
        seen.append(options.lang)
        return real(self, text, options)
    monkeypatch.setattr(Cleaner, "clean_with", spy)
    clean = Settings(Options(lang="en")).clean_fn()
    clean(DOC)
    clean(DOC, "de")
    assert seen == ["en", "de"]


def test_the_command_builds_its_settings_once(monkeypatch, tmp_path):
    built = []
    real = Settings.from_args.__func__

    def counting(cls, args):
        built.append(args)
        return real(cls, args)
    monkeypatch.setattr(Settings, "from_args", classmethod(counting))
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.jsonl", "b.jsonl"):
        (src / name).write_text(json.dumps({"text": DOC}) + "\n", encoding="utf-8")
    rc, _, _ = cli_main("--jsonl", "--quiet", "--lang", "en", src, "-o", tmp_path / "out")
    assert rc == 0 and len(built) == 1
    assert "Read more" not in json.loads((tmp_path / "out" / "a.jsonl").read_text(encoding="utf-8"))["text"]


def test_spawned_workers_clean_as_this_process_does(monkeypatch):
    """forkserver/spawn (macOS, Windows-like starts): the worker gets Settings pickled."""
    import multiprocessing
    monkeypatch.setattr(workerproc, "context", lambda: multiprocessing.get_context("spawn"))
    settings = Settings(Options(lang="en", body_only=True, flags="none"))
    lines = [json.dumps({"id": i, "text": DOC}) for i in range(3)]
    got = [o.line for o in clean_records(((line, None) for line in lines), settings, jobs=1, timeout=60)]
    here = [o.line for o in clean_records(((line, None) for line in lines), settings, jobs=1, timeout=0)]
    assert got == here and all(json.loads(line)["clean"]["removed"] for line in got)
