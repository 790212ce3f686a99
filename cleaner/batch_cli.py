"""`clean --jsonl`: stream records through the cleaner, in order, with a summary."""
from __future__ import annotations

import sys
from collections import Counter

from .batch import process_line
from .cli import EXIT_INPUT, EXIT_OK, InputError, decode
from .output import open_output


def _iter_lines(files, errors):
    for path in files:
        try:
            fh = sys.stdin.buffer if path == "-" else open(path, "rb")
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{path}: is a directory") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
        with fh if path != "-" else _nullctx(fh):
            for n, raw in enumerate(fh, 1):
                try:
                    line = raw.decode("utf-8", errors=errors)
                except UnicodeDecodeError as exc:
                    line = raw.decode("utf-8", errors="replace")
                    yield line.rstrip("\r\n"), f"invalid UTF-8 at byte offset {exc.start} of line {n}"
                    continue
                line = line.rstrip("\r\n")
                if line.strip():
                    yield line, None


class _nullctx:
    def __init__(self, obj):
        self.obj = obj

    def __enter__(self):
        return self.obj

    def __exit__(self, *exc):
        return False


def run_batch(args, cleaner, files) -> int:
    def clean_fn(text):
        return cleaner.clean(text, lang=args.lang, body_only=args.body_only, html=args.html, flags=not args.no_flags)

    docs = 0
    bad = 0
    removals: Counter = Counter()
    flags: Counter = Counter()
    rejects = open_output(args.rejects) if args.rejects else None
    rej = rejects.__enter__() if rejects else None
    status = EXIT_OK
    try:
        with open_output(args.output) as out:
            try:
                for line, decode_error in _iter_lines(files, args.encoding_errors):
                    docs += 1
                    if decode_error:
                        from .batch import error_record
                        outcome_line, ok, report = error_record(line, decode_error), False, None
                    else:
                        o = process_line(line, clean_fn, args.field)
                        outcome_line, ok, report = o.line, o.ok, o.report
                    if not ok:
                        bad += 1
                        if rej is not None:
                            rej.write(line + "\n")
                            continue
                    else:
                        removals.update(r["category"] for r in report["removed"])
                        flags.update(f["kind"] for f in report["flags"])
                    out.write(outcome_line + "\n")
            except InputError as exc:
                print(f"clean: {exc}", file=sys.stderr)
                status = EXIT_INPUT
    finally:
        if rejects:
            rejects.__exit__(*sys.exc_info())
    if not args.quiet:
        print(f"clean: {docs} documents, {bad} errors; removed: "
              + (", ".join(f"{k} {v}" for k, v in sorted(removals.items())) or "none")
              + "; flags: " + (", ".join(f"{k} {v}" for k, v in sorted(flags.items())) or "none"), file=sys.stderr)
    return status
