"""The one place a front end hands an `Options` to `Cleaner.clean`.

The CLI (cleaner/cli/settings.py, documents.py) and the datatrove step build their
Options once and call `clean_with` for every document. Cleaner.clean is gaining an
`options=` parameter; until every tree has it, the options go in as the keywords
it has always taken, so the switch is one line here: `cleaner.clean(text, options=options)`.
"""
from __future__ import annotations

from cleaner.options import Options


def options_kwargs(options: Options) -> dict:
    """The options as Cleaner.clean's keywords (lang, body_only, html, flags, input)."""
    return dict(lang=options.lang, body_only=options.body_only, html=options.html, flags=options.flags,
                input=options.input)


def clean_with(cleaner, text: str, options: Options):
    """`cleaner.clean(text)` with these options: a Result."""
    return cleaner.clean(text, **options_kwargs(options))
