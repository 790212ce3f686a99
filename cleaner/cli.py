"""The `clean` command line.

Exit codes: 0 ok; 1 some input could not be read or decoded (the others were
still processed); 2 usage error; 3 bad rule pack; 130 interrupted.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from . import __version__
from .rules import RulePackError

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_RULES, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class InputError(Exception):
    """An input that cannot be read or decoded; the message is one line for stderr."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, documented exit code
        self.exit(EXIT_USAGE, f"clean: error: {message} (see clean --help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="clean", description="Strip boilerplate from scraped news text, flag artifacts, keep the body. "
                "`clean eval BENCH_DIR` scores the cleaner on a benchmark (see `clean eval --help`).")
    p.add_argument("files", nargs="*", metavar="FILE", help="input files; '-' or none reads stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of stdout")
    p.add_argument("--format", choices=("text", "json"), default="text", help="clean text (default) or the JSON report")
    p.add_argument("--body-only", action="store_true", help="omit the title line")
    p.add_argument("--jsonl", action="store_true", help="batch mode: one JSON record per line in and out")
    p.add_argument("--field", default="text", help="with --jsonl: the field to clean (default: text)")
    p.add_argument("--rejects", metavar="FILE", help="with --jsonl: write bad records here instead of passing them through")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="with --jsonl: worker processes (default 1)")
    p.add_argument("--progress", action="store_true", help="force a progress bar on stderr")
    p.add_argument("--quiet", action="store_true", help="no progress bar, no summary")
    p.add_argument("--rules", action="append", default=[], metavar="DIR", help="add a rule pack folder (repeatable)")
    p.add_argument("--disable", action="append", default=[], metavar="RULE_ID",
                   help="switch a rule off by id or glob, e.g. 'credit.*' (repeatable)")
    p.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    p.add_argument("--lang", help="document language (ISO 639-1); detected when omitted")
    html = p.add_mutually_exclusive_group()
    html.add_argument("--html", dest="html", action="store_true", default=None, help="input is HTML (auto-detected otherwise)")
    html.add_argument("--no-html", dest="html", action="store_false", help="never treat input as HTML")
    p.add_argument("--no-flags", action="store_true", help="skip the artifact detectors")
    p.add_argument("--encoding-errors", choices=("strict", "replace"), default="strict",
                   help="invalid UTF-8: stop with an error (default) or replace and go on")
    p.add_argument("--version", action="version", version=f"clean {__version__}")
    return p


def read_input(path: str, errors: str) -> str:
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            if os.path.isdir(path):
                raise InputError(f"{path}: is a directory")
            with open(path, "rb") as fh:
                data = fh.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode(data, path, errors)


def decode(data: bytes, name: str, errors: str = "strict") -> str:
    if b"\x00" in data[:8192] and errors == "strict" and not _is_utf16(data):
        raise InputError(f"{name}: binary input (NUL bytes); not text")
    try:
        return data.decode("utf-8-sig", errors=errors)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: invalid UTF-8 at byte offset {exc.start}; "
                         "use --encoding-errors replace to go on") from None


def _is_utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["eval"]:
        from .eval import main as eval_main
        return eval_main(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("clean: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except RulePackError as exc:
        print(f"clean: rule pack error: {exc}", file=sys.stderr)
        return EXIT_RULES


def _silence_stdout() -> None:
    """After the reader went away, point stdout at /dev/null so exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


def _run(args) -> int:
    from .api import Cleaner

    if args.jobs < 1:
        print("clean: error: -j must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    cleaner = Cleaner(args.rules, args.disable)
    if args.list_rules:
        return _list_rules(cleaner, args)
    from .output import open_output

    files = args.files or ["-"]
    if args.jsonl:
        from .batch_cli import run_batch
        return run_batch(args, cleaner, files)
    status = EXIT_OK
    with open_output(args.output) as out:
        for n, path in enumerate(files):
            try:
                text = read_input(path, args.encoding_errors)
            except InputError as exc:
                print(f"clean: {exc}", file=sys.stderr)
                status = EXIT_INPUT
                continue
            result = cleaner.clean(text, lang=args.lang, body_only=args.body_only, html=args.html,
                                   flags=not args.no_flags)
            for warning in result.meta.get("warnings", []):
                print(f"clean: warning: {path}: {warning}", file=sys.stderr)
            if args.format == "json":
                obj = result.to_dict()
                if len(files) > 1:
                    obj["meta"]["file"] = path
                out.write(json.dumps(obj, ensure_ascii=False, indent=None if len(files) > 1 else 2) + "\n")
            else:
                if n and len(files) > 1:
                    out.write("\f\n")
                out.write(result.text + ("\n" if result.text else ""))
    return status


def _list_rules(cleaner, args) -> int:
    from .engine import MECHANISMS
    try:
        from .flags import FLAG_RULES
    except ImportError:
        FLAG_RULES = []
    rows = [r.to_listing() for r in cleaner.ruleset.rules]
    rows += [{**m, "source": "(mechanism)"} for m in MECHANISMS]
    rows += [{"id": f["id"], "category": "flag", "lang": "*", "action": "flag", "description": f.get("description", ""),
              "source": "(detector)"} for f in FLAG_RULES]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in sorted(rows, key=lambda r: r["id"]):
        off = " (disabled)" if cleaner.ruleset.is_disabled(r["id"]) else ""
        print(f"{r['id']:<40} {r['category']:<11} {r['lang']:<3} {r['action']:<18} {r['description']}{off}")
    return EXIT_OK


def entry() -> None:
    sys.exit(main())
