"""The registry of coded mechanisms: each module declares its ids here, once.

`--list-rules`, `--disable` (an unknown id is a usage error) and the report all
read the same entries, so an id a report can carry always has one entry and one
module that implements it.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

#: the modules under cleaner/mechanisms/ that declare MECHANISMS, in the order
#: `--list-rules --format json` lists them
MODULES = ("caption", "lead_caption", "cue_lines", "name_line", "comment_thread", "trailing_list", "repeated_line", "cohesion", "contrast", "guard",
           "mainfinder")


@dataclass(frozen=True)
class Mechanism:
    """One coded id: what it removes or flags, and why, for a reader of the report."""

    id: str
    category: str
    description: str
    action: str = "mechanism"   # "switch" for an id that only turns a group of ids off

    def listing(self) -> dict:
        return {"id": self.id, "category": self.category, "lang": "*", "action": self.action,
                "description": self.description, "source": "(mechanism)"}


def mechanisms() -> list[Mechanism]:
    """Every declared mechanism id, module by module."""
    out: list[Mechanism] = []
    for name in MODULES:
        module = importlib.import_module(f"cleaner.mechanisms.{name}")
        out.extend(getattr(module, "MECHANISMS", ()))
    return out
