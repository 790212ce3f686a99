"""What every cleaning process of a batch shares: the settings a worker builds its cleaner from.

Built once from the command line (`Settings.from_args`), after the usage checks, and
handed to every mode: documents and folders read its `options`, a batch's workers get
the whole object (inherited by fork, pickled for forkserver/spawn, so it holds only
plain values). The per-document choices are one `cleaner.options.Options`, the same
object the Python API and the datatrove step use; the rest is batch-only.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from cleaner.options import Options


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to build the same cleaner as the parent and clean as it would."""

    options: Options = Options()    # lang, body_only, html, flags, input: how to clean each document
    rules: tuple[str, ...] = ()     # rule-pack folders and disabled ids: which Cleaner to build
    disable: tuple[str, ...] = ()
    field: str = "text"             # the record field to clean
    lang_field: str | None = None   # a record field that may give its language

    @classmethod
    def from_args(cls, args) -> "Settings":
        """From parsed, checked arguments (args.lang already normalised by args.check_args)."""
        options = Options(lang=args.lang, body_only=bool(args.body_only), html=args.html, flags=flags_arg(args),
                          input=getattr(args, "input", "auto"))
        return cls(options, rules=tuple(args.rules), disable=tuple(args.disable), field=args.field,
                   lang_field=getattr(args, "lang_field", None))

    def clean_fn(self, cleaner=None) -> Callable:
        """clean(text, lang=None): the record's own language (from lang_field) if
        given, else the options' (--lang), else detected."""
        if cleaner is None:
            from cleaner.api import Cleaner
            cleaner = Cleaner(self.rules, self.disable)
        options = self.options

        def clean(text: str, lang: str | None = None):
            return cleaner.clean_with(text, replace(options, lang=lang) if lang else options)
        return clean


def flags_arg(args):
    """The CLI's flag choice: `--no-flags` is `--flags none`; default all."""
    if getattr(args, "no_flags", False):
        return "none"
    return getattr(args, "flags", None) or "all"
