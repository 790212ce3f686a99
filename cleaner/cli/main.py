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

This module is the flow: parse (args.py), check, pick a mode (documents.py,
batch.py, folders.py) and turn what went wrong into one line and an exit code
(exits.py, which every mode imports instead of this module: no import circle).
"""
from __future__ import annotations

import os
import signal
import sys

from cleaner.cli.args import build_parser, check_args
from cleaner.cli.exits import (EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_OUTPUT, EXIT_RULES,
                               EXIT_STRICT, EXIT_TERMINATED, EXIT_USAGE, internal_error, say, usage)
from cleaner.cli.inputs import InputError
from cleaner.cli.output import OutputError
from cleaner.packs.load import RulePackError

# the documented codes, importable from the command's module as before (tests, callers)
__all__ = ["main", "entry", "build_parser", "EXIT_OK", "EXIT_INPUT", "EXIT_USAGE", "EXIT_RULES",
           "EXIT_OUTPUT", "EXIT_INTERNAL", "EXIT_STRICT", "EXIT_INTERRUPTED", "EXIT_TERMINATED"]


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main process so `finally`/cleanup code runs (no temp file left)."""


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
            internal_error(exc)
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


def _run(args) -> int:
    from cleaner.api import Cleaner

    problem = check_args(args)
    if problem:
        return usage(problem)
    cleaner = Cleaner(args.rules, args.disable)
    if args.flags is not None:
        if args.no_flags and args.flags.strip() != "none":
            return usage(f"--no-flags and --flags {args.flags} disagree; give one")
        try:
            cleaner.flag_choice(args.flags)
        except ValueError as exc:
            return usage(f"--{exc}")
    from cleaner.cli.listing import rule_rows, unmatched
    rows = rule_rows(cleaner) if args.disable or args.list_rules else []
    typos = unmatched(args.disable, rows)
    if typos:   # a typo must not silently switch nothing off
        return usage(f"--disable: no rule id matches {typos[0]!r}; clean --list-rules lists them")
    if args.list_rules:
        return _list_rules(cleaner, args, rows)
    if args.category:
        return usage("--category needs --list-rules")
    from cleaner.cli.output import open_output
    from cleaner.cli.settings import Settings

    settings = Settings.from_args(args)   # the one options object every mode cleans with
    files = args.files or ["-"]
    folder = _folder_input(args, files)
    if folder is not None:
        if isinstance(folder, int):
            return folder
        from cleaner.cli.folders import run_folder
        return run_folder(args, settings, cleaner, folder)
    if args.jsonl:
        from cleaner.cli.batch import run_batch
        return run_batch(args, settings, cleaner, files)
    from cleaner.cli.documents import run_documents
    with open_output(args.output) as out:
        return run_documents(args, settings, cleaner, files, out)


def _folder_input(args, files):
    """The input folder of `clean DIR -o OUTDIR`, a usage error's exit code, or None
    (then a folder among the inputs is an unreadable input, as before)."""
    if len(files) != 1 or files[0] == "-" or not os.path.isdir(files[0]) or not args.output:
        return None
    if os.path.exists(args.output) and not os.path.isdir(args.output):
        return usage(f"-o {args.output}: with a folder as input, -o names a folder")
    if args.rejects:
        return usage("--rejects takes one file; with a folder as input, bad records pass through")
    return files[0]


def _list_rules(cleaner, args, rows) -> int:
    from cleaner.cli.listing import categories, list_rules, select
    from cleaner.cli.output import open_output
    unknown = sorted(set(args.category) - set(categories(rows)))
    if unknown:
        return usage(f"--category: no such category: {unknown[0]!r} (one of {', '.join(categories(rows))})")
    with open_output(None) as out:   # stdout: a full disk is exit 4
        list_rules(cleaner, select(rows, args.category, args.lang), args.format, out)
    return EXIT_OK


def entry() -> None:
    """The `clean` command (and `python -m cleaner`): a process of our own."""
    from cleaner.lang import langdetect_run as lang
    lang.FREEZE_AFTER_LOAD = True   # the process is ours: its GC may skip langdetect's profiles
    sys.exit(main())
