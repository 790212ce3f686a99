"""The `clean` command line.

Every failure is ONE line on stderr starting with `clean: ` and a documented
exit code, never a traceback (set CLEAN_DEBUG=1 to see one for internal errors).

Exit codes (the most severe one wins when several things went wrong):

  0    ok (also: the reader of our stdout went away, as in `clean big.txt | head -1`)
  1    some input could not be read or decoded: missing file, directory, permission
       denied, binary data, invalid UTF-8 (the others were still processed)
  2    usage error: unknown option, bad option value
  3    bad rule pack (--rules): the message names the file and the problem
  4    the output could not be written (-o/--rejects/stdout: no such folder, disk
       full, permission denied); -o and --rejects are all or nothing together, an
       existing output file is left untouched
  5    internal error: cleaning crashed on some input (a bug; that input is passed
       through unchanged and the others were still processed)
  6    --strict only: some JSONL record was rejected or failed (not JSON, no such field,
       a worker crash or timeout) and nothing worse happened
  130  interrupted (SIGINT / Ctrl-C); no output file is left half-written
  143  terminated (SIGTERM); no output file is left half-written

With several FILEs the output holds one document per FILE, in order, separated by
a form-feed line (text); --format json writes one JSON object per line per input,
one input or many (meta.file names it); an input that cannot be read gives an empty
document (text) or a record with meta.error (json).
"""
from __future__ import annotations

import argparse
import os
import re
import signal
import sys

from cleaner import DIST_NAME
from cleaner import __version__
from cleaner.flags.kinds import FLAG_KINDS
from cleaner.cli.inputs import BadGzip, InputError, decode, gunzip
from cleaner.cli.output import OutputError
from cleaner.packs.ruleset import RulePackError

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_RULES, EXIT_OUTPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4, 5
EXIT_STRICT = 6
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143

_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")  # C0, C1, bidi


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main process so `finally`/cleanup code runs (no temp file left)."""


def say(message: str) -> None:
    """Print `clean: message` as exactly one line on stderr; never raises."""
    line = _CONTROL.sub(lambda m: repr(m.group())[1:-1], str(message))
    err = sys.stderr
    if err is None:  # closed (`2>&-`): print(file=None) would write to stdout, into the output
        return
    try:
        err.write(f"clean: {line}\n")
        err.flush()
    except (OSError, ValueError, AttributeError):
        pass  # stderr closed: nothing else we can do


def _hold_standard_fds() -> None:
    """Open /dev/null on a closed fd 0, 1 or 2 (`2>&-`). Else the next file or pipe we
    open gets that number, and whatever writes to "stderr" (a worker's last words, a C
    library) writes into our output file or a worker's pipe. sys.stderr stays None."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                null = os.open(os.devnull, os.O_RDWR)
            except OSError:
                return
            if null != fd:
                os.dup2(null, fd)
                os.close(null)


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, documented exit code
        say(f"error: {message} (see clean --help)")
        self.exit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    from cleaner.engine import INPUT_KINDS
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


# ------------------------------------------------------------------ input
def read_input(path: str, errors: str) -> str:
    """A document's text from a file or '-' (stdin), gunzipped and decoded; InputError
    (one line for stderr) when it cannot be read or decoded."""
    try:
        if path == "-":
            if sys.stdin is None:
                raise InputError("-: cannot read: stdin is closed")
            data = sys.stdin.buffer.read()
        else:
            if os.path.isdir(path):
                raise InputError(f"{path}: is a directory (clean DIR -o OUTDIR cleans a folder)")
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
    except ValueError as exc:  # e.g. stdin closed under us
        raise InputError(f"{path}: cannot read: {exc}") from None
    name = "<stdin>" if path == "-" else path
    try:
        data = gunzip(data)   # page.html.gz: by its magic bytes, never decoded as text
    except BadGzip as exc:
        raise InputError(f"{name}: cannot read: {exc}") from None
    return decode(data, name, errors)


# ------------------------------------------------------------------ signals
class _Signals:
    """SIGTERM -> Terminated in the main process (so temp files are removed), restored on exit.

    Forked children (worker processes) inherit the Python handler; there it restores
    the default action and re-sends the signal, so workers die as if unhandled.
    """

    def __init__(self):
        self.pid = os.getpid()
        self.old = None

    def _on_term(self, signum, frame):
        if os.getpid() != self.pid:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise Terminated()

    def __enter__(self):
        try:
            self.old = signal.signal(signal.SIGTERM, self._on_term)
        except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM
            self.old = None
        return self

    def __exit__(self, *exc):
        if self.old is not None:
            try:
                signal.signal(signal.SIGTERM, self.old)
            except (ValueError, OSError):
                pass
        return False


# ------------------------------------------------------------------ main
def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _hold_standard_fds()
    with _Signals():
        try:
            status = _dispatch(argv)
            _flush_stdout()  # surface a closed pipe or a full disk here, not at interpreter exit
            return status
        except SystemExit as exc:  # argparse: --help, --version, usage errors
            if exc.code is None or isinstance(exc.code, int):
                return exc.code or EXIT_OK
            say(str(exc.code))
            return EXIT_USAGE
        except Terminated:
            say("terminated")
            return EXIT_TERMINATED
        except KeyboardInterrupt:
            say("interrupted")
            return EXIT_INTERRUPTED
        except BrokenPipeError:
            _silence_stdout()
            return EXIT_OK
        except RulePackError as exc:
            say(f"rule pack error: {exc}")
            return EXIT_RULES
        except OutputError as exc:
            say(str(exc))
            _silence_stdout()  # what stdout could not take must not fail again at exit (exit 120)
            return EXIT_OUTPUT
        except InputError as exc:
            say(str(exc))
            return EXIT_INPUT
        except Exception as exc:  # a bug: still one line, and a documented code
            _internal_error(exc)
            return EXIT_INTERNAL


def _flush_stdout() -> None:
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(exc.errno, f"stdout: cannot write: {exc.strerror or exc}") from None


def _internal_error(exc: BaseException, where: str = "") -> None:
    if os.environ.get("CLEAN_DEBUG") and sys.stderr is not None:
        import traceback
        traceback.print_exception(exc, file=sys.stderr)
    say(f"{where}internal error: {type(exc).__name__}: {exc} (a bug, please report it; "
        "CLEAN_DEBUG=1 shows the traceback)")


def _dispatch(argv: list[str]) -> int:
    if argv[:1] == ["eval"]:
        from cleaner.eval import main as eval_main
        return eval_main(argv[1:])
    args = build_parser().parse_args(argv)
    return _run(args)


def _silence_stdout() -> None:
    """After the reader went away, point stdout at /dev/null so exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _usage(message: str) -> int:
    say(f"error: {message} (see clean --help)")
    return EXIT_USAGE


def _check_args(args) -> str | None:
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


def _run(args) -> int:
    from cleaner.api import Cleaner

    problem = _check_args(args)
    if problem:
        return _usage(problem)
    cleaner = Cleaner(args.rules, args.disable)
    if args.flags is not None:
        if args.no_flags and args.flags.strip() != "none":
            return _usage(f"--no-flags and --flags {args.flags} disagree; give one")
        try:
            cleaner.flag_choice(args.flags)
        except ValueError as exc:
            return _usage(f"--{exc}")
    from cleaner.cli.listing import rule_rows, unmatched
    rows = rule_rows(cleaner) if args.disable or args.list_rules else []
    typos = unmatched(args.disable, rows)
    if typos:   # a typo must not silently switch nothing off
        return _usage(f"--disable: no rule id matches {typos[0]!r}; clean --list-rules lists them")
    if args.list_rules:
        return _list_rules(cleaner, args, rows)
    if args.category:
        return _usage("--category needs --list-rules")
    from cleaner.cli.output import open_output

    files = args.files or ["-"]
    folder = _folder_input(args, files)
    if folder is not None:
        if isinstance(folder, int):
            return folder
        from cleaner.cli.folders import run_folder
        return run_folder(args, cleaner, folder)
    if args.jsonl:
        from cleaner.cli.batch import run_batch
        return run_batch(args, cleaner, files)
    from cleaner.cli.documents import run_documents
    with open_output(args.output) as out:
        return run_documents(args, cleaner, files, out)


def _folder_input(args, files):
    """The input folder of `clean DIR -o OUTDIR`, a usage error's exit code, or None
    (then a folder among the inputs is an unreadable input, as before)."""
    if len(files) != 1 or files[0] == "-" or not os.path.isdir(files[0]) or not args.output:
        return None
    if os.path.exists(args.output) and not os.path.isdir(args.output):
        return _usage(f"-o {args.output}: with a folder as input, -o names a folder")
    if args.rejects:
        return _usage("--rejects takes one file; with a folder as input, bad records pass through")
    return files[0]


def _list_rules(cleaner, args, rows) -> int:
    from cleaner.cli.listing import categories, list_rules, select
    from cleaner.cli.output import open_output
    unknown = sorted(set(args.category) - set(categories(rows)))
    if unknown:
        return _usage(f"--category: no such category: {unknown[0]!r} (one of {', '.join(categories(rows))})")
    with open_output(None) as out:   # stdout: a full disk is exit 4
        list_rules(cleaner, select(rows, args.category, args.lang), args.format, out)
    return EXIT_OK


def entry() -> None:
    """The `clean` command (and `python -m cleaner`): a process of our own."""
    from cleaner.lang import langdetect_run as lang
    lang.FREEZE_AFTER_LOAD = True   # the process is ours: its GC may skip langdetect's profiles
    sys.exit(main())
