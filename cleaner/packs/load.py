"""Read and validate rule packs (TOML) into Rules: every error names the file and the rule.

A pack is a folder of `*.toml` files (the built-in one is `rules/`, one folder per
category and one file per language). Each file may set defaults in `[pack]` and
lists rules in `[[rule]]`. A user's pack may come from anyone, so loading it is
bounded: only regular files inside the folder (no symlink out of it, no FIFO, no
device), at most MAX_PACK_BYTES each, and patterns whose repeats would compile to
gigabytes are refused (cleaner/packs/budget.py). Everything wrong with a pack is a
RulePackError whose message names the file and, where there is one, the rule, so
the command line can say what to fix in one line (exit 3).

User packs are compiled here, at load, so a bad pattern is reported before any
document is read; the built-in ones are compiled on first use (LazyPattern).
"""
from __future__ import annotations

import os
import pathlib
import stat
import tomllib

import regex

from cleaner.packs import budget as pattern_budget
from cleaner.packs.rule import Rule
from cleaner.paths import builtin_rules_dir

ACTIONS = ("drop_line", "drop_region", "trim_suffix", "flag")
REGIONS = ("list", "article", "appeal", "tail")
WHERE = ("any", "lead", "tail", "title", "body")
META_KEYS = ("date", "byline")
KNOWN_KEYS = {
    "id", "category", "lang", "action", "region", "pattern", "contains", "continue",
    "max_words", "min_words", "where", "case_sensitive", "meta", "description",
    "kind", "attach_caption", "stop",
}


class RulePackError(ValueError):
    """A malformed rule pack; the message names the file and the problem."""


# Top-level folders of rules/ that hold data for code, not rule packs: the flag
# detectors' (cleaner/flags/), the structural mechanisms' (cleaner/mechanisms/) and
# the cue lexicons of the cue lines (cleaner/mechanisms/cue_lines.py).
DATA_FOLDERS = ("flags", "mechanisms", "cues")

MAX_REPEAT = 1000  # a{10000000} would compile to gigabytes; no real rule needs more
# ... and nested counts multiply: ((a{1000}){1000}){1000}. The built-in patterns stay under
# 4,000 (pattern_budget.size); 100,000 compiles in about 50 MB.
MAX_PATTERN_SIZE = 100_000
MAX_PACK_BYTES = 1 << 20  # one pack file; the built-in ones are under 6 KB
_COUNT = regex.compile(r"\{\s*(\d*)\s*(?:,\s*(\d*)\s*)?\}")  # (?x) allows a{ 100 }


def _compile(pattern, where: str, flags: int = 0, lazy: bool = False):
    """A rule's pattern compiled (or, built-in, a LazyPattern); every way it can fail,
    an oversized pattern included, is a RulePackError that says where."""
    if not isinstance(pattern, str):
        raise RulePackError(f"{where}: patterns must be strings, not {type(pattern).__name__}")
    for m in _COUNT.finditer(pattern):
        if any(g and int(g) > MAX_REPEAT for g in m.groups()):
            raise RulePackError(f"{where}: repeat count in {m.group(0)} exceeds {MAX_REPEAT}")
    if lazy:  # built-in: trusted, and compiled by the test suite
        return LazyPattern(pattern, flags)
    try:
        size = pattern_budget.size(pattern, flags)
        if size > MAX_PATTERN_SIZE:
            raise RulePackError(f"{where}: pattern too big: its counted repeats multiply to about {size:,} "
                                f"steps (at most {MAX_PATTERN_SIZE:,})")
        return regex.compile(pattern, flags)
    except regex.error as exc:  # noqa: PERF203
        raise RulePackError(f"{where}: invalid pattern: {exc}") from None
    except (MemoryError, RecursionError, OverflowError, ValueError) as exc:
        if isinstance(exc, RulePackError):
            raise
        raise RulePackError(f"{where}: pattern cannot be compiled: {type(exc).__name__}: {exc}") from None


class LazyPattern:
    """A built-in pattern compiled on first use.

    Compiling every pack of every language took ~0.6 s at start-up, in each
    worker; a run sees a few languages. Built-in packs are compiled by the test
    suite, so their errors cannot wait for a user; user packs are compiled at load,
    where a bad pattern is reported with its file and rule."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name):
        """Only for what is not set yet: compile once, then bind the pattern's
        methods as plain attributes so later calls cost no more than on the pattern."""
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = regex.compile(self.pattern, self.flags)
            for method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "split"):
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __reduce__(self):
        return LazyPattern, (self.pattern, self.flags)


def parse_rule(raw: dict, defaults: dict, where: str, lazy: bool = False) -> Rule:
    """One `[[rule]]` table as a Rule, `defaults` being its file's `[pack]` table; every
    error names `where` (the file and rule number) and, once known, the rule's id."""
    if not isinstance(raw, dict):
        raise RulePackError(f"{where}: a rule must be a table")
    unknown = set(raw) - KNOWN_KEYS
    if unknown:
        raise RulePackError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    rid = raw.get("id")
    if not isinstance(rid, str) or not regex.fullmatch(r"[A-Za-z0-9_.\-*]+", rid or ""):
        raise RulePackError(f"{where}: missing or invalid id (letters, digits, . _ -)")
    where = f"{where} ({rid})"
    merged = {**defaults, **raw}
    action = merged.get("action", "drop_line")
    if action not in ACTIONS:
        raise RulePackError(f"{where}: action must be one of {', '.join(ACTIONS)}, not {action!r}")
    category = merged.get("category")
    if not isinstance(category, str) or not category:
        raise RulePackError(f"{where}: missing category")
    lang = merged.get("lang", "*")
    if not isinstance(lang, str):
        raise RulePackError(f"{where}: lang must be a string")
    pattern = merged.get("pattern")
    contains = merged.get("contains", [])
    if isinstance(contains, str):
        contains = [contains]
    if not isinstance(contains, list) or not all(isinstance(c, str) and c for c in contains):
        raise RulePackError(f"{where}: contains must be a list of non-empty strings")
    if pattern is None and not contains:
        raise RulePackError(f"{where}: a rule needs a pattern or contains")
    if pattern is not None and not isinstance(pattern, str):
        raise RulePackError(f"{where}: pattern must be a string")
    region = merged.get("region")
    if action == "drop_region" and region not in REGIONS:
        raise RulePackError(f"{where}: drop_region needs region = one of {', '.join(REGIONS)}")
    if action != "drop_region" and region is not None:
        raise RulePackError(f"{where}: region only goes with action drop_region")
    where_ = merged.get("where", "any")
    if where_ not in WHERE:
        raise RulePackError(f"{where}: where must be one of {', '.join(WHERE)}")
    if action == "trim_suffix" and where_ != "title":
        raise RulePackError(f"{where}: trim_suffix applies to the title: set where = \"title\"")
    meta = merged.get("meta")
    if meta is not None and meta not in META_KEYS:
        raise RulePackError(f"{where}: meta must be one of {', '.join(META_KEYS)}")
    if action == "flag" and not isinstance(merged.get("kind"), str):
        raise RulePackError(f"{where}: a flag rule needs kind = \"...\"")
    for key in ("max_words", "min_words"):
        v = merged.get(key)
        if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0):
            raise RulePackError(f"{where}: {key} must be a non-negative integer")
    cs = bool(merged.get("case_sensitive", False))
    cont = merged.get("continue")
    stop = merged.get("stop")
    return Rule(
        id=rid, category=category, lang=lang, action=action,
        pattern=_compile(pattern, where, lazy=lazy) if pattern is not None else None,
        description=str(merged.get("description", "")),
        contains=tuple(c.lower() for c in contains),
        cont=_compile(cont, where, lazy=lazy) if cont else None,
        stop=_compile(stop, where, lazy=lazy) if stop else None,
        region=region, max_words=merged.get("max_words"), min_words=merged.get("min_words") or 0,
        where=where_, case_sensitive=cs, meta=meta, kind=merged.get("kind"),
        attach_caption=bool(merged.get("attach_caption", False)),
        source=where.split(" ")[0],
    )


def _read_pack(path: pathlib.Path) -> str:
    """The text of a pack file that is a regular file of at most MAX_PACK_BYTES: a FIFO
    would hang the load (hence O_NONBLOCK) and /dev/zero would fill the memory."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise RulePackError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise RulePackError(f"{path}: not a regular file")
        try:
            data = fh.read(MAX_PACK_BYTES + 1)
        except OSError as exc:
            raise RulePackError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_PACK_BYTES:
        raise RulePackError(f"{path}: larger than {MAX_PACK_BYTES:,} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RulePackError(f"{path}: cannot read: {exc}") from None


def load_file(path: pathlib.Path, lazy: bool = False) -> list[Rule]:
    text = _read_pack(pathlib.Path(path))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(f"{path}: not valid TOML: {exc}") from None
    except (RecursionError, MemoryError) as exc:
        raise RulePackError(f"{path}: cannot be read as TOML: {type(exc).__name__} (nested too deeply?)") from None
    defaults = data.get("pack", {})
    if not isinstance(defaults, dict):
        raise RulePackError(f"{path}: [pack] must be a table")
    defaults = {k: v for k, v in defaults.items() if k in ("category", "lang", "action", "where", "max_words")}
    rules = data.get("rule", [])
    if not isinstance(rules, list):
        raise RulePackError(f"{path}: use [[rule]] tables for rules")
    extra = set(data) - {"pack", "rule"}
    if extra:
        raise RulePackError(f"{path}: unknown top-level key(s) {', '.join(sorted(extra))}")
    return [parse_rule(r, defaults, f"{path}: rule #{i + 1}", lazy) for i, r in enumerate(rules)]


def load_dir(folder: pathlib.Path, lazy: bool = False) -> list[Rule]:
    """Every rule of a pack folder; `lazy` defers compiling patterns to first use
    (built-in packs only: a user's bad pattern must be reported at load)."""
    folder = pathlib.Path(folder)
    if not folder.is_dir():
        raise RulePackError(f"{folder}: not a folder of rule packs")
    rules: list[Rule] = []
    for path in _pack_files(folder):
        rules.extend(load_file(path, lazy))
    return rules


def _pack_files(folder: pathlib.Path) -> list[pathlib.Path]:
    """The `*.toml` files of a pack folder, sorted. Symlinked folders are not entered,
    and a file that leads outside the folder (a symlink to /etc/..., /dev/zero) is an error:
    a pack may come from anyone."""
    root = os.path.realpath(folder)
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):  # followlinks=False
        rel = pathlib.Path(dirpath).relative_to(folder).parts
        if rel and rel[0] in DATA_FOLDERS:
            dirnames[:] = []  # data for coded detectors and mechanisms, not rules
            continue
        for name in filenames:
            if not name.endswith(".toml"):
                continue
            path = pathlib.Path(dirpath, name)
            real = os.path.realpath(path)
            if os.path.commonpath([root, real]) != root:
                raise RulePackError(f"{path}: leads outside the pack folder (to {real})")
            found.append(path)
    return sorted(found)


_BUILTIN: list[Rule] | None = None


def builtin_rules() -> list[Rule]:
    """The shipped packs, loaded once per process (compiled lazily, ids checked unique)."""
    global _BUILTIN
    if _BUILTIN is None:
        _BUILTIN = load_dir(builtin_rules_dir(), lazy=True)
        check_unique(_BUILTIN, "built-in rules")
    return _BUILTIN


def check_unique(rules: list[Rule], what: str) -> None:
    """Two rules with one id in one pack set is an error: --disable, the listing and a
    user rule replacing a built-in one all go by id."""
    seen: dict[str, str] = {}
    for r in rules:
        if r.id in seen:
            raise RulePackError(f"{r.source}: duplicate rule id {r.id} (also in {seen[r.id]}) in {what}")
        seen[r.id] = r.source
