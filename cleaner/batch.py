"""JSONL batch mode: one record per line in, one per line out, same order.

A record that cannot be cleaned (not JSON, not an object, no such field, field
not a string, a rule that blew up) is never dropped: it passes through unchanged
with an `error` under the report key, or goes to the rejects file.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

from .lang import given_code

REPORT_KEY = "clean"


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
    raw: str | None = None             # on error: the input line as read (what --rejects gets)


# Line separators JSON allows raw but str.splitlines() (and some JSONL readers) split on:
# written escaped, so one record stays one line for every reader. (json.dumps already
# escapes the C0 ones: \x1c-\x1e.)
_LINE_SEPARATORS = (("\u2028", "\\u2028"), ("\u2029", "\\u2029"), ("\x85", "\\u0085"))


def _dumps(obj) -> str:
    out = json.dumps(obj, ensure_ascii=False)
    for sep, escaped in _LINE_SEPARATORS:
        if sep in out:      # rare: a C-speed search, no copy
            out = out.replace(sep, escaped)
    return out


def error_record(raw_line: str, message: str) -> str:
    """The pass-through form of a bad line: the original record with an error report."""
    try:
        obj = json.loads(raw_line)
    except ValueError:
        obj = None
    if isinstance(obj, dict):
        obj[REPORT_KEY] = {"error": message}
        return _dumps(obj)
    return _dumps({"raw": raw_line, REPORT_KEY: {"error": message}})


def process_line(raw_line: str, clean_fn: Callable, field: str = "text",
                 lang_field: str | None = None) -> Outcome:
    """Clean one JSONL record; never raises for bad records.

    lang_field: a field that may hold the record's language; when it holds an
    ISO 639-1 code (lang.given_code) it is passed on as clean_fn(text, code),
    and the language is not detected. Any other value: detected as usual."""
    try:
        obj = json.loads(raw_line)
    except ValueError as exc:
        return _fail(raw_line, f"not JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(obj, dict):
        return _fail(raw_line, f"not a JSON object but {type(obj).__name__}")
    if field not in obj:
        return _fail(raw_line, f"no field {field!r}")
    value = obj[field]
    if not isinstance(value, str):
        return _fail(raw_line, f"field {field!r} is {type(value).__name__}, not a string")
    code = given_code(obj.get(lang_field)) if lang_field else None
    try:
        result = clean_fn(value) if code is None else clean_fn(value, code)
    except Exception as exc:  # one bad record never costs the others
        return _fail(raw_line, f"cleaning failed: {type(exc).__name__}: {exc}", internal=True)
    report = result.to_dict()
    obj[field] = report.pop("text")
    obj[REPORT_KEY] = report
    return Outcome(_dumps(obj), True, report, None,
                   tuple(r["category"] for r in report["removed"]),
                   tuple(f["kind"] for f in report["flags"]),
                   tuple(report["meta"].get("warnings") or ()))


def _fail(raw_line: str, message: str, internal: bool = False) -> Outcome:
    return Outcome(error_record(raw_line, message), False, None, message, internal=internal, raw=raw_line)
