"""`clean --jsonl`: stream records through the cleaner, in order, with a summary.

One code path for every -j: records are read lazily from the inputs, cleaned by
`parallel.clean_records` (in this process for -j 1 --timeout 0, else in worker
processes with crash and hang protection) and written in input order; the
summary on stderr counts documents, errors, removals per category and flags per
kind. A progress bar goes to stderr when it is a terminal (or with --progress),
never with --quiet, which also silences the summary and the warnings.
"""
from __future__ import annotations

import os
import re
import sys
from collections import Counter

from cleaner.cli.exits import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, EXIT_STRICT, say
from cleaner.cli.inputs import InputError, open_binary, sniff_stream
from cleaner.cli.output import open_outputs
from cleaner.cli.parallel import DEFAULT_TIMEOUT, clean_records


def _iter_lines(files, errors, on_error, sizes=None, blanks=None):
    """(line, error-or-None) for every non-blank input line, file after file.
    A file that cannot be opened is reported through on_error and skipped. A blank
    line (only whitespace) is no record: it is counted in `blanks` (a Counter), for
    the summary, and skipped."""
    for path in files:
        try:
            if path == "-":
                if sys.stdin is None:
                    raise InputError("-: cannot read: stdin is closed")
                fh = sniff_stream(sys.stdin.buffer)   # gzip read transparently
            elif os.path.isdir(path):
                raise InputError(f"{path}: is a directory")
            else:
                fh = open_binary(path)   # gzip read transparently
        except InputError as exc:
            on_error(str(exc))
            continue
        except FileNotFoundError:
            on_error(f"{path}: no such file")
            continue
        except PermissionError:
            on_error(f"{path}: permission denied")
            continue
        except OSError as exc:
            on_error(f"{path}: cannot read: {exc.strerror or exc}")
            continue
        try:
            n = 0
            for raw in fh:
                n += 1
                if sizes is not None:
                    sizes.append(len(raw))
                try:
                    line = raw.decode("utf-8", errors=errors)
                except UnicodeDecodeError as exc:  # its bytes kept as surrogate escapes, for --rejects
                    line = raw.decode("utf-8", errors="surrogateescape").rstrip("\r\n")
                    yield line, f"invalid UTF-8 at byte offset {exc.start} of line {n}"
                    continue
                line = line.rstrip("\r\n")
                if n == 1 and line.startswith("\ufeff"):
                    line = line[1:]
                if line.strip():
                    yield line, None
                elif blanks is not None:
                    blanks["blank"] += 1
        except OSError as exc:
            on_error(f"{path}: cannot read: {exc.strerror or exc}")
        finally:
            if fh is not sys.stdin.buffer:
                fh.close()


def _progress_bar(args, files):
    """A tqdm bar over input bytes on stderr, or None."""
    if getattr(args, "quiet", False) or sys.stderr is None:
        return None
    if not (getattr(args, "progress", False) or (sys.stderr is not None and sys.stderr.isatty())):
        return None
    from cleaner.cli.progress import SimpleBar, total_bytes
    try:
        from tqdm import tqdm
    except ImportError:   # tqdm is optional: a plain bar instead
        return SimpleBar.for_files(files)
    tqdm.monitor_interval = 0  # no monitor thread
    return tqdm(total=total_bytes(files), unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr,
                desc="clean", dynamic_ncols=True, mininterval=0.5)


class Summary:
    """Counts for the end-of-run line on stderr."""

    def __init__(self):
        self.docs = 0
        self.errors = 0
        self.internal = 0
        self.removals: Counter = Counter()
        self.flags: Counter = Counter()
        self.warnings: Counter = Counter()
        self.skipped: Counter = Counter()   # "blank": blank input lines, not records

    def add(self, o) -> None:
        self.docs += 1
        if not o.ok:
            self.errors += 1
            self.internal += bool(o.internal)
            return
        self.removals.update(o.categories)
        self.flags.update(o.kinds)

    def line(self) -> str:
        def fmt(c):
            return ", ".join(f"{k} {v}" for k, v in sorted(c.items())) or "none"
        warn = f"; warnings: {sum(self.warnings.values())}" if self.warnings else ""
        blank = f"; blank lines skipped: {self.skipped['blank']}" if self.skipped["blank"] else ""
        return (f"{self.docs} documents, {self.errors} errors; removed: {fmt(self.removals)}; "
                f"flags: {fmt(self.flags)}{warn}{blank}")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _reject_line(o) -> str:
    """What --rejects gets for a bad record: the record (its values as written) with its
    reason under clean.error. A line that was not valid UTF-8 goes there as its bytes were
    (carried as surrogate escapes, which the rejects file writes back as bytes): JSON
    cannot hold them, so its reason is said on stderr instead. A lone surrogate in a
    record (from a `\\udXXX` escape) is written as that escape, as on stdout."""
    if o.undecodable and o.raw is not None:
        return o.raw
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", o.line)


def run_batch(args, settings, cleaner, files) -> int:
    """Clean the records of `files` with `settings` (cli/settings.py); the worst exit status."""
    status = EXIT_OK
    quiet = bool(getattr(args, "quiet", False))

    def input_error(message):
        nonlocal status
        say(message)
        status = max(status, EXIT_INPUT)

    timeout = getattr(args, "timeout", DEFAULT_TIMEOUT)
    bar = _progress_bar(args, files)
    sizes: list[int] | None = [] if bar is not None else None
    summary = Summary()
    records = _iter_lines(files, args.encoding_errors, input_error, sizes, summary.skipped)
    outcomes = clean_records(records, settings, jobs=args.jobs, timeout=timeout, cleaner=cleaner,
                             warn=None if quiet else (lambda message: say(f"warning: {message}")))
    try:
        paths = [args.output] + ([args.rejects] if args.rejects else [])
        errors = [None, "surrogateescape"]    # rejects: an undecodable line's bytes as they were
        with open_outputs(*paths, errors=errors) as sinks:   # -o and --rejects: all or nothing together
            out, rej = sinks[0], (sinks[1] if args.rejects else None)
            for o in outcomes:
                summary.add(o)
                if bar is not None:
                    bar.update(sum(sizes))
                    sizes.clear()
                for w in o.warnings:
                    if not summary.warnings[w] and not quiet:
                        say(f"warning: record {summary.docs}: {w}")
                    summary.warnings[w] += 1
                if not o.ok:
                    if o.internal:
                        status = max(status, EXIT_INTERNAL)
                        if not quiet:
                            say(f"record {summary.docs}: {o.error}")
                    if rej is not None:
                        if o.undecodable and not quiet:
                            say(f"record {summary.docs}: {o.error} (to --rejects as its bytes were)")
                        rej.write(_reject_line(o) + "\n")
                        continue
                out.write(o.line)     # not o.line + "\n": a big record's line is not copied whole
                out.write("\n")
    finally:
        outcomes.close()
        if bar is not None:
            bar.close()
    if not quiet:
        say(summary.line())
    if getattr(args, "strict", False) and summary.errors and status == EXIT_OK:
        status = EXIT_STRICT   # --strict: a rejected or failed record is a failed run
    return status
