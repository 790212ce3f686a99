"""What every cleaning process of a batch shares: the settings a worker builds its cleaner from."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to build the same cleaner as the parent."""

    rules: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    lang: str | None = None
    body_only: bool = False
    html: bool | None = None
    flags: object = True            # True/False, "all", "none", "kind,kind" or a tuple of kinds (api.Cleaner.clean)
    field: str = "text"
    lang_field: str | None = None   # a record field that may give its language
    input: str = "auto"             # what the text is: "article", "page" or "auto" (engine.INPUT_KINDS)

    @classmethod
    def from_args(cls, args) -> "Settings":
        return cls(rules=tuple(args.rules), disable=tuple(args.disable), lang=args.lang,
                   body_only=bool(args.body_only), html=args.html, flags=flags_arg(args),
                   field=args.field, lang_field=getattr(args, "lang_field", None),
                   input=getattr(args, "input", "auto"))

    def clean_fn(self, cleaner=None) -> Callable:
        """clean(text, lang=None): the record's own language (from lang_field) if
        given, else --lang, else detected."""
        if cleaner is None:
            from cleaner.api import Cleaner
            cleaner = Cleaner(self.rules, self.disable)

        def clean(text: str, lang: str | None = None):
            return cleaner.clean(text, lang=lang or self.lang, body_only=self.body_only, html=self.html,
                                 flags=self.flags, input=self.input)
        return clean


def flags_arg(args):
    """The CLI's flag choice: `--no-flags` is `--flags none`; default all."""
    if getattr(args, "no_flags", False):
        return "none"
    return getattr(args, "flags", None) or "all"
