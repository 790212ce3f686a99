"""One JSONL record, read so that nothing in it is lost or changed on the way out.

The common record goes through `json.loads` and comes back out of `json.dumps`
exactly as before. Whatever that round trip would change or cannot hold takes the
verbatim path instead: nesting deeper than the recursion limit, integers over
4300 digits, numbers a float does not write back the same (`1e400`, `1.10`, `-0`),
and duplicate keys. There the line is read by the non-recursive `jsonscan`, every
member the cleaner does not own is copied as its original text, and only the
cleaned field and the report are written anew. NaN and Infinity are not JSON
(RFC 8259) and never written: a line holding them is "not JSON".
"""
from __future__ import annotations

import json

from cleaner.cli import jsonscan
from cleaner.cli.jsonscan import NotJSON

REPORT_KEY = "clean"

# Line separators JSON allows raw but str.splitlines() (and some JSONL readers) split on:
# written escaped, so one record stays one line for every reader. (json.dumps already
# escapes the C0 ones: \x1c-\x1e.) In valid JSON they can only stand inside strings.
_LINE_SEPARATORS = (("\u2028", "\\u2028"), ("\u2029", "\\u2029"), ("\x85", "\\u0085"))


class NotObject(ValueError):
    """Valid JSON, but not an object; args[0] is its type name."""


class _Verbatim(Exception):
    """The json round trip would change this line: take the verbatim path."""


def dumps(obj) -> str:
    return escape_separators(json.dumps(obj, ensure_ascii=False))


def escape_separators(out: str) -> str:
    for sep, escaped in _LINE_SEPARATORS:
        if sep in out:      # rare: a C-speed search, no copy
            out = out.replace(sep, escaped)
    return out


def _pairs(pairs):
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _Verbatim("duplicate keys")
    return obj


def _float(text: str):
    value = float(text)
    if repr(value) != text:       # 1e400 -> inf, 1.10 -> 1.1, 1E5 -> 100000.0
        raise _Verbatim(text)
    return value


def _int(text: str):
    if len(text) > 4000 or text == "-0":   # int() refuses over 4300 digits; -0 writes back as 0
        raise _Verbatim(text)
    return int(text)


def _constant(name: str):
    raise _Verbatim(name)


class Record:
    """A JSON object line: `obj` (a dict) when it round-trips through json, else its
    members as (key, key text, value text) from the scanner."""

    __slots__ = ("obj", "members")

    def __init__(self, obj: dict | None, members: list | None):
        self.obj = obj
        self.members = members

    def get(self, key: str):
        """(found, value): a string value decoded; any other value as its scanned text
        wrapped in a Raw (verbatim path) or as decoded (json path)."""
        if self.obj is not None:
            return (key in self.obj), self.obj.get(key)
        for k, _, text in reversed(self.members):  # the last one wins, as in json.loads
            if k == key:
                return True, (json.loads(text) if text[:1] == '"' else Raw(text))
        return False, None

    def dumps(self, **updates) -> str:
        """The line with `updates` (key -> Python value) set in place or appended."""
        if self.obj is not None:
            self.obj.update(updates)
            return dumps(self.obj)
        parts = []
        for i, (key, key_text, text) in enumerate(self.members):
            if key in updates:
                if any(k == key for k, _, _ in self.members[i + 1:]):
                    continue  # an earlier duplicate of a key we write: only the last stays
                parts.append(f"{key_text}: {dumps(updates.pop(key))}")
            else:
                parts.append(f"{key_text}: {text}")
        parts += [f"{dumps(k)}: {dumps(v)}" for k, v in updates.items()]
        return escape_separators("{" + ", ".join(parts) + "}")


class Raw(str):
    """A value's JSON text, as it stood in the line (a non-string, read verbatim)."""

    @property
    def type_name(self) -> str:
        return jsonscan.type_name(self)


def parse(line: str, *, safe: bool = False) -> Record:
    """Read a line. Raises NotJSON (with .msg, .colno) or NotObject(type name).
    safe: never call json.loads (the line may have killed a worker): scanner only."""
    if not safe:
        try:
            obj = json.loads(line, object_pairs_hook=_pairs, parse_float=_float, parse_int=_int,
                             parse_constant=_constant)
        except _Verbatim:
            pass
        except RecursionError:
            pass
        except ValueError as exc:  # JSONDecodeError
            raise NotJSON(getattr(exc, "msg", str(exc)), getattr(exc, "pos", 0)) from None
        else:
            if not isinstance(obj, dict):
                raise NotObject(type(obj).__name__)
            return Record(obj, None)
    members = jsonscan.members(line)
    if isinstance(members, str):
        raise NotObject(members)
    return Record(None, members)


def type_name(value) -> str:
    return value.type_name if isinstance(value, Raw) else type(value).__name__


def error_line(raw_line: str, message: str, *, safe: bool = False) -> str:
    """The pass-through form of a bad line: the original record with an error report, or
    `{"raw": line, ...}` when it is not a JSON object."""
    try:
        return parse(raw_line, safe=safe).dumps(**{REPORT_KEY: {"error": message}})
    except (ValueError, RecursionError, MemoryError):
        return dumps({"raw": raw_line, REPORT_KEY: {"error": message}})
