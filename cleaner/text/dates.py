"""meta.date as ISO 8601, with the page's own string kept in meta.date_text.

A dateline rule stores what the page wrote ("June 28, 2024", "3. März 2024",
"05/10/2018"); the HTML path stores trafilatura's "2019-11-19". One report
format needs one date format, so `normalize_meta` writes `date` as YYYY-MM-DD
(with THH:MM when the string has a time) and keeps the original in `date_text`.
A string it cannot read for certain, such as 05/10/2018 on an English page (May or
October?), leaves `date` null: a wrong date is worse than none. Month names are
data (cleaner/data/months.toml).
"""
from __future__ import annotations

import datetime as _dt
import functools
import pathlib
import re
import tomllib

from cleaner.paths import package_data

_MONTHS_FILE = package_data("months.toml")

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?")
_NUMERIC = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*([ap])\.?m\b\.?)?", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+\.?|\d+", re.UNICODE)


@functools.lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    table: dict[str, int] = {}
    for forms in tomllib.loads(_MONTHS_FILE.read_text(encoding="utf-8")).values():
        for month, names in enumerate(forms, 1):
            for name in names.split():
                if table.setdefault(name, month) != month:
                    raise ValueError(f"months.toml: {name!r} means two months")
    return table


def _make(year: int, month: int, day: int, time: re.Match | tuple | None = None) -> str | None:
    try:
        day_iso = _dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    if time is None:
        return day_iso
    hour, minute, half = int(time[1]), int(time[2]), (time[3] or "").lower()
    if half and 1 <= hour <= 12:
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour < 24 and minute < 60:
        return f"{day_iso}T{hour:02d}:{minute:02d}"
    return day_iso


def to_iso(text: str, lang: str | None = None) -> str | None:
    """ISO 8601 for a date as a page writes it, or None when it cannot be read for certain."""
    if not isinstance(text, str):
        return None
    m = _ISO.search(text)
    if m:
        time = (None, m.group(4), m.group(5), None) if m.group(4) else None   # "2018-08-25 15:24"
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), time)
    time = _TIME.search(text)
    m = _NUMERIC.search(text)
    if m:
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if m.group(2) == "." or a > 12 or a == b:
            return _make(year, b, a, time)                 # day first (dots: always)
        if b > 12:
            return _make(year, a, b, time)                 # month first
        return None if lang in (None, "en") else _make(year, b, a, time)   # US or not: unknown
    return _from_words(_TIME.sub(" ", text), time)


def _from_words(text: str, time) -> str | None:
    months = _months()
    month = year = day = None
    for tok in _WORD.findall(text.lower()):
        if tok.isdigit():
            n = int(tok)
            if len(tok) == 4 and year is None:
                year = n
            elif len(tok) <= 2 and day is None and 1 <= n <= 31:
                day = n
        elif month is None and tok.rstrip(".") in months:
            month = months[tok.rstrip(".")]
    if month is None or year is None or day is None:
        return None
    return _make(year, month, day, time)


def normalize_meta(meta: dict) -> None:
    """In place: meta["date"] -> ISO 8601 or None, the original string -> meta["date_text"]
    (None when there is no date: the key is always there)."""
    text = meta.get("date") or None
    meta["date_text"] = text
    meta["date"] = to_iso(text, meta.get("lang")) if text else None
