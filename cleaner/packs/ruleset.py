"""The rules in force: the built-in packs plus the user's, minus the disabled ones.

Loading and validating pack files is cleaner/packs/load.py; a single rule and its
safe search is cleaner/packs/rule.py. This module only decides which rules apply:
a user rule with a built-in id replaces it, `--disable` takes ids or globs, and
each document's language selects its own rules first.
"""
from __future__ import annotations

import fnmatch
import pathlib
from dataclasses import dataclass, field
from typing import Iterable

from cleaner.packs.load import RulePackError, builtin_rules, check_unique, load_dir
from cleaner.packs.rule import Rule


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)
    disabled: frozenset[str] = frozenset()

    def is_disabled(self, rule_id: str) -> bool:
        return any(rule_id == d or fnmatch.fnmatchcase(rule_id, d) for d in self.disabled)

    def for_language(self, lang: str) -> list[Rule]:
        """Rules for `lang`, plus language-independent ones and English (the web's
        lingua franca for site furniture), minus the disabled ones."""
        order = {lang: 0, "*": 1, "en": 2}
        active = [r for r in self.rules if r.lang in order and not self.is_disabled(r.id)]
        # the document's own language first: its packs know its typography (French "Photo : AFP")
        return sorted(active, key=lambda r: order[r.lang])

    def languages(self) -> list[str]:
        return sorted({r.lang for r in self.rules} - {"*"})


def build_ruleset(extra_dirs: Iterable[str | pathlib.Path] = (), disable: Iterable[str] = ()) -> RuleSet:
    """Built-in rules, plus user packs (a user rule with a built-in id replaces it)."""
    rules = list(builtin_rules())
    for d in extra_dirs:
        try:
            user = load_dir(pathlib.Path(d))
        except (MemoryError, RecursionError) as exc:
            raise RulePackError(f"{d}: cannot be loaded: {type(exc).__name__}") from None
        check_unique(user, str(d))
        ids = {r.id for r in user}
        rules = [r for r in rules if r.id not in ids] + user
    return RuleSet(rules=rules, disabled=frozenset(disable))
