"""One call's options, built once by whichever front end the user came through (the
CLI, the Python API, the datatrove step) and passed unchanged to the engine."""
from __future__ import annotations

from dataclasses import dataclass

#: what the caller says the input is: already extracted text, a whole page's text, or decide
INPUT_KINDS = ("auto", "article", "page")


def check_input_kind(kind: str) -> None:
    """ValueError unless `kind` is one of INPUT_KINDS (every front end shares the message)."""
    if kind not in INPUT_KINDS:
        raise ValueError(f"input must be one of {', '.join(INPUT_KINDS)}, not {kind!r}")


@dataclass(frozen=True)
class Options:
    """How to clean a document. The rule packs and disabled ids are not here: they
    belong to the compiled Cleaner, built once for many documents."""

    lang: str | None = None      # None: detect per document
    body_only: bool = False      # leave the title out of the text
    html: bool | None = None     # None: detect HTML input
    flags: object = True         # True/"all", False/"none", "kind,kind" or an iterable of kinds
    input: str = "auto"          # one of INPUT_KINDS

    def __post_init__(self):
        check_input_kind(self.input)
