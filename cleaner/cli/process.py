"""JSONL batch mode: one record per line in, one per line out, same order.

A record that cannot be cleaned (not JSON, not an object, no such field, field
not a string, a rule that blew up) is never dropped: it passes through unchanged
with an `error` under the report key, or goes to the rejects file.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from cleaner.cli import record
from cleaner.lang.codes import given_code
from cleaner.cli.record import REPORT_KEY, NotJSON, NotObject, Raw

__all__ = ["REPORT_KEY", "Outcome", "error_record", "process_line"]


@dataclass
class Outcome:
    line: str            # the JSON line to write (without newline)
    ok: bool
    report: dict | None  # the report, None on error (and when it came back from a worker)
    error: str | None = None
    categories: tuple[str, ...] = ()   # for the summary: one category per removal
    kinds: tuple[str, ...] = ()        # ... one kind per flag
    warnings: tuple[str, ...] = ()     # ... the report's meta.warnings (e.g. a rule timed out)
    internal: bool = False             # the error is ours (cleaning crashed or timed out), not the record's
    raw: str | None = None             # on error: the input line as read
    undecodable: bool = False          # the line was not valid UTF-8: --rejects gets `raw` (its bytes)


def error_record(raw_line: str, message: str, *, safe: bool = False) -> str:
    """The pass-through form of a bad line: the original record (its values as they
    stood) with an error report. safe: read the line with the non-recursive scanner
    only, for a line that may have killed a worker."""
    return record.error_line(raw_line, message, safe=safe)


def process_line(raw_line: str, clean_fn: Callable, field: str = "text",
                 lang_field: str | None = None) -> Outcome:
    """Clean one JSONL record; never raises for bad records.

    lang_field: a field that may hold the record's language; when it holds an
    ISO 639-1 code (lang.given_code) it is passed on as clean_fn(text, code),
    and the language is not detected. Any other value: detected as usual."""
    try:
        return _process(raw_line, clean_fn, field, lang_field)
    except (MemoryError, RecursionError) as exc:  # the record was too much for us, not a bug in it
        return _fail(raw_line, f"cleaning failed: {type(exc).__name__}: {exc}", internal=True, safe=True)


def _process(raw_line: str, clean_fn: Callable, field: str, lang_field: str | None) -> Outcome:
    try:
        rec = record.parse(raw_line)
    except NotJSON as exc:
        return _fail(raw_line, f"not JSON: {exc.msg} at column {exc.colno}", wrap=True)
    except NotObject as exc:
        return _fail(raw_line, f"not a JSON object but {exc.args[0]}", wrap=True)
    found, value = rec.get(field)
    if not found:
        return _fail(raw_line, f"no field {field!r}", rec=rec)
    if not isinstance(value, str) or isinstance(value, Raw):
        return _fail(raw_line, f"field {field!r} is {record.type_name(value)}, not a string", rec=rec)
    code = None
    if lang_field:
        lang_value = rec.get(lang_field)[1]
        code = None if isinstance(lang_value, Raw) else given_code(lang_value)
    try:
        result = clean_fn(value) if code is None else clean_fn(value, code)
    except Exception as exc:  # one bad record never costs the others
        return _fail(raw_line, f"cleaning failed: {type(exc).__name__}: {exc}", internal=True, rec=rec)
    report = result.to_dict()
    line = rec.dumps(**{field: report.pop("text"), REPORT_KEY: report})
    return Outcome(line, True, report, None,
                   tuple(r["category"] for r in report["removed"]),
                   tuple(f["kind"] for f in report["flags"]),
                   tuple(report["meta"].get("warnings") or ()))


def _fail(raw_line: str, message: str, internal: bool = False, rec=None, safe: bool = False,
          wrap: bool = False) -> Outcome:
    """An error outcome. rec: the line already read (not read again); wrap: it is not a
    JSON object, so it goes under "raw"; else it is read again (safe: scanner only)."""
    if wrap:
        line = record.dumps({"raw": raw_line, REPORT_KEY: {"error": message}})
    elif rec is not None:
        try:
            line = rec.dumps(**{REPORT_KEY: {"error": message}})
        except (MemoryError, RecursionError, ValueError):
            line = record.dumps({"raw": raw_line, REPORT_KEY: {"error": message}})
    else:
        line = error_record(raw_line, message, safe=safe)
    return Outcome(line, False, None, message, internal=internal, raw=raw_line)
