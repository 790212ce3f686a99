"""The `clean` command line's grammar: the argument parser and the usage checks it
cannot express (option combinations, values to normalise).

Kept apart from main.py, which runs the command, so the options read as one list
(`clean --help` is built from it) and main.py stays the flow: parse, check, dispatch.
A usage error is one `clean: error: ...` line and exit 2 (EXIT_USAGE).
"""
from __future__ import annotations

import argparse
import os

from cleaner import DIST_NAME
from cleaner import __version__
from cleaner.cli.exits import usage
from cleaner.flags.kinds import FLAG_KINDS
from cleaner.options import INPUT_KINDS


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, documented exit code (2)
        self.exit(usage(message))


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="clean", description="Strip boilerplate from scraped news text, flag artifacts, keep the body. "
                "`clean eval BENCH_DIR` scores the cleaner on a benchmark (see `clean eval --help`).",
                epilog="exit codes: 0 ok; 1 an input could not be read or decoded (the others were processed); "
                "2 usage error; 3 bad rule pack; 4 output could not be written; 5 internal error on some input "
                "(passed through unchanged); 6 with --strict: a record was rejected or failed; "
                "130 interrupted; 143 terminated. "
                "Errors are one line on stderr; CLEAN_DEBUG=1 adds tracebacks for internal errors.")
    p.add_argument("files", nargs="*", metavar="FILE", help="input files; '-' or none reads stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of stdout")
    p.add_argument("--format", choices=("text", "json", "html"), default="text",
                   help="clean text (default), the JSON report (one line per input), or a self-contained "
                   "HTML review page: the input with removals struck through, flags highlighted, rule and "
                   "reason on hover, a summary table (clean --format html FILE -o review.html)")
    p.add_argument("--explain", action="store_true",
                   help="print the input with each removed line marked by its rule id and category in a "
                   "margin and each flag underlined (coloured on a terminal)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour in --explain: auto = on a terminal unless NO_COLOR is set")
    p.add_argument("--body-only", action="store_true", help="omit the title line")
    p.add_argument("--jsonl", action="store_true", help="batch mode: one JSON record per line in and out")
    p.add_argument("--field", default="text", help="with --jsonl: the field to clean (default: text)")
    p.add_argument("--rejects", metavar="FILE", help="with --jsonl: write bad records here instead of passing them through")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="with --jsonl: worker processes (default 1)")
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                   help="with --jsonl: time limit per record; a record over it (or one that crashes a worker) "
                   "passes through with clean.error (default 60; 0 = none, and with -j 1 cleans in-process)")
    p.add_argument("--strict", action="store_true",
                   help="with --jsonl: exit 6 when any record was rejected or failed (default: exit 0, "
                   "the record passes through or goes to --rejects with clean.error)")
    p.add_argument("--show-flags", action="store_true",
                   help="text output: also print each flag on stderr (FILE:LINE:COL: kind: message)")
    p.add_argument("--progress", action="store_true", help="force a progress bar on stderr")
    p.add_argument("--quiet", action="store_true", help="no progress bar, no summary")
    p.add_argument("--rules", action="append", default=[], metavar="DIR", help="add a rule pack folder (repeatable)")
    p.add_argument("--disable", action="append", default=[], metavar="RULE_ID",
                   help="switch a rule off by id or glob, e.g. 'credit.*' (repeatable)")
    p.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    p.add_argument("--category", action="append", default=[], metavar="CAT",
                   help="with --list-rules: only this category (repeatable)")
    p.add_argument("--lang", help="document language: ISO 639-1 or 639-3 ('de', 'deu', 'deu_Latn'); "
                   "detected when omitted. With --list-rules: only the rules that can fire in it")
    p.add_argument("--lang-field", metavar="FIELD",
                   help="with --jsonl: take each record's language from this field when it holds a "
                   "language code ('en', 'pt-BR', 'eng', 'eng_Latn') instead of detecting it; records "
                   "without one: --lang, else detected")
    html = p.add_mutually_exclusive_group()
    html.add_argument("--html", dest="html", action="store_true", default=None, help="input is HTML (auto-detected otherwise)")
    html.add_argument("--no-html", dest="html", action="store_false", help="never treat input as HTML")
    p.add_argument("--flags", metavar="all|none|KIND[,KIND...]",
                   help="which flags to raise (default all); only the chosen detectors run, so fewer is "
                   f"faster. Kinds: {', '.join(FLAG_KINDS)} (and a user pack's flag kinds)")
    p.add_argument("--no-flags", action="store_true", help="skip the artifact detectors: --flags none")
    p.add_argument("--input", choices=INPUT_KINDS, default="auto",
                   metavar="|".join(sorted(INPUT_KINDS, key=lambda k: k == "auto")),
                   help="what the text is: 'article' = already extracted (an extractor's output, a feed's "
                   "body; the main-text finder never runs), 'page' = all the visible text of a page (the "
                   "main-text finder always runs), 'auto' = decided per document, leaning to article "
                   "(default; meta.input in the report says which)")
    p.add_argument("--encoding-errors", choices=("strict", "replace"), default="strict",
                   help="invalid UTF-8 or NUL bytes: stop with an error naming the byte offset (default), "
                   "or replace invalid bytes with U+FFFD and go on")
    p.add_argument("--version", action="version", version=f"clean {__version__} ({DIST_NAME})")
    return p


def check_args(args) -> str | None:
    """A usage problem argparse cannot see, or None."""
    if args.jobs < 1:
        return "-j must be at least 1"
    if not args.timeout >= 0 or args.timeout == float("inf"):
        return "--timeout must be a number of seconds >= 0"
    if args.lang is not None:
        from cleaner.lang.codes import to_language
        code = to_language(args.lang)
        if code is None:
            return f"--lang: unknown language {args.lang!r} (an ISO 639-1 or 639-3 code: en, deu, eng_Latn)"
        args.lang = code
    if args.jsonl and (args.explain or args.format == "html"):
        return "--explain and --format html take documents, not --jsonl"
    if args.show_flags and (args.jsonl or args.format != "text" or args.explain):
        return "--show-flags is for text output (the JSON report and the review views already show flags)"
    if args.explain and args.format != "text":
        return "--explain prints text; leave out --format"
    if args.strict and not args.jsonl:
        return "--strict needs --jsonl (documents already exit 1 or 5 on failure)"
    if args.rejects and not args.jsonl:
        return "--rejects needs --jsonl"
    if args.lang_field is not None and not args.jsonl:
        return "--lang-field needs --jsonl"
    outs = [p for p in (args.output, args.rejects) if p and p != "-"]
    if len(outs) == 2 and os.path.realpath(outs[0]) == os.path.realpath(outs[1]):
        return "-o and --rejects name the same file"
    return None
