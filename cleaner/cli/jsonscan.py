"""A strict JSON syntax scanner that never recurses and never converts a number.

`json.loads` can be killed by one record: nesting deeper than the recursion
limit raises RecursionError, an integer literal over 4300 digits raises
ValueError, and `1e400` silently becomes `inf`. Batch mode must neither lose
such a record nor change its values, so this scanner only checks the syntax
(RFC 8259: no NaN, no Infinity) with an explicit stack, and reports where each
top-level member's key and value lie in the line. Values are then copied as the
original text. Strings are still read by the C `scanstring` of the json module.
"""
from __future__ import annotations

import re
from json.decoder import scanstring

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_LITERALS = ("true", "false", "null")
_OPEN_RUN = re.compile(r"\[(?:[ \t\n\r]*\[)*")
_CLOSE_RUN = re.compile(r"\](?:[ \t\n\r]*\])*")
_TYPE_OF_FIRST = {"{": "dict", "[": "list", '"': "str", "t": "bool", "f": "bool", "n": "NoneType"}


class NotJSON(ValueError):
    """The line is not JSON; `msg` and `colno` as in json.JSONDecodeError."""

    def __init__(self, msg: str, pos: int):
        super().__init__(f"{msg}: column {pos + 1}")
        self.msg = msg
        self.pos = pos
        self.colno = pos + 1


def type_name(value_text: str) -> str:
    """The Python type json.loads would give a scanned value (for messages)."""
    first = value_text[:1]
    if first in _TYPE_OF_FIRST:
        return _TYPE_OF_FIRST[first]
    return "float" if any(c in value_text for c in ".eE") else "int"


def _ws(s: str, pos: int) -> int:
    return _WS.match(s, pos).end()


def _string(s: str, pos: int) -> int:
    """End of the string that starts at s[pos] == '"'."""
    try:
        return scanstring(s, pos + 1, True)[1]
    except ValueError as exc:  # JSONDecodeError: unterminated, bad escape, control character
        raise NotJSON(getattr(exc, "msg", str(exc)), getattr(exc, "pos", pos)) from None


def _key(s: str, pos: int) -> tuple[int, int]:
    """(start, end) of a member name at pos (after whitespace), and checks the ':' after it."""
    pos = _ws(s, pos)
    if s[pos:pos + 1] != '"':
        raise NotJSON("Expecting property name enclosed in double quotes", pos)
    end = _string(s, pos)
    colon = _ws(s, end)
    if s[colon:colon + 1] != ":":
        raise NotJSON("Expecting ':' delimiter", colon)
    return pos, end


def skip_value(s: str, pos: int) -> tuple[int, int]:
    """(start, end) of the JSON value at pos (leading whitespace skipped), however deep.

    The open containers are a run-length stack ([closer, count]), and runs of `[` or
    `]` are taken by one regex match each, so `[[[[...]]]]` a million deep costs a
    few regex calls, not a Python step per bracket."""
    closers: list[list] = []   # [closer, how many], innermost last
    pos = _ws(s, pos)
    start = pos
    while True:
        c = s[pos:pos + 1]
        if c == '"':
            pos = _string(s, pos)
        elif c in ("{", "["):
            if c == "[":
                run = _OPEN_RUN.match(s, pos)
                k = run.group().count("[")
                if k > 1:   # each outer `[` holds the next one as its first value
                    _push(closers, "]", k - 1)
                    pos = run.end() - 1
            inner = _ws(s, pos + 1)
            close = "}" if c == "{" else "]"
            if s[inner:inner + 1] == close:
                pos = inner + 1
            else:
                _push(closers, close, 1)
                if c == "{":
                    inner = _ws(s, _key(s, inner)[1]) + 1
                pos = _ws(s, inner)
                continue
        else:
            m = _NUMBER.match(s, pos)
            if m:
                pos = m.end()
            else:
                word = next((w for w in _LITERALS if s.startswith(w, pos)), None)
                if word is None:
                    raise NotJSON("Expecting value", pos)
                pos += len(word)
        # a value ended: close containers, or go on after a comma
        while closers:
            pos = _ws(s, pos)
            c = s[pos:pos + 1]
            top = closers[-1]
            if c == top[0]:
                k = 1
                if c == "]":
                    run = _CLOSE_RUN.match(s, pos)
                    k = min(run.group().count("]"), top[1])
                    pos = run.start() + _nth_end(run.group(), k)
                else:
                    pos += 1
                top[1] -= k
                if not top[1]:
                    closers.pop()
                continue
            if c != ",":
                raise NotJSON("Expecting ',' delimiter", pos)
            pos += 1
            if top[0] == "}":
                pos = _ws(s, _key(s, pos)[1]) + 1
            pos = _ws(s, pos)
            break
        else:
            return start, pos


def _push(closers: list, closer: str, n: int) -> None:
    if closers and closers[-1][0] == closer:
        closers[-1][1] += n
    else:
        closers.append([closer, n])


def _nth_end(run: str, k: int) -> int:
    """The offset just after the k-th `]` of a run of brackets and whitespace."""
    if k == run.count("]"):
        return len(run)
    i = -1
    for _ in range(k):
        i = run.index("]", i + 1)
    return i + 1


def members(line: str) -> list[tuple[str, str, str]] | str:
    """The top-level members of a JSON object line as (key, key text, value text), in
    order, duplicates kept; or, for valid JSON that is not an object, its type name.
    Raises NotJSON."""
    pos = _ws(line, 0)
    if line[pos:pos + 1] != "{":
        start, end = skip_value(line, pos)
        _end_of_line(line, end)
        return type_name(line[start:end])
    out: list[tuple[str, str, str]] = []
    pos = _ws(line, pos + 1)
    if line[pos:pos + 1] == "}":
        _end_of_line(line, pos + 1)
        return out
    while True:
        k0, k1 = _key(line, pos)
        v0, v1 = skip_value(line, _ws(line, k1) + 1)
        key_text = line[k0:k1]
        out.append((scanstring(key_text, 1, True)[0], key_text, line[v0:v1]))
        pos = _ws(line, v1)
        c = line[pos:pos + 1]
        if c == "}":
            _end_of_line(line, pos + 1)
            return out
        if c != ",":
            raise NotJSON("Expecting ',' delimiter", pos)
        pos += 1


def _end_of_line(line: str, pos: int) -> None:
    pos = _ws(line, pos)
    if pos != len(line):
        raise NotJSON("Extra data", pos)
