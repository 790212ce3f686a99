#!/usr/bin/env python
"""Write cleaner/data/langcodes.tsv: every ISO 639 code that names an ISO 639-1 language.

Run when updating: `pip install pycountry && python tools/make_langcodes.py`. The
cleaner reads the table as data (cleaner/lang/codes.py), so it needs no dependency
to take `deu`, `ger` or GlotLID's `eng_Latn` for `de`/`en`.

Rows: code, ISO 639-1 code, English name. The codes are the 639-1 code itself, its
639-2/T (= 639-3) and 639-2/B codes, and, by hand below, the 639-3 individual
languages that language-id tools (GlotLID, fastText's NLLB/FLORES labels) give for
a macrolanguage: `arb` for Arabic, `cmn` for Chinese, `pes` for Persian.
"""
from __future__ import annotations

import pathlib

import pycountry

# 639-3 individual language -> its macrolanguage's 639-1 code
INDIVIDUAL = {
    "arb": "ar", "ary": "ar", "arz": "ar", "apc": "ar", "acm": "ar", "ars": "ar",
    "cmn": "zh", "pes": "fa", "prs": "fa", "nob": "nb", "nno": "nn", "ekk": "et", "lvs": "lv", "swh": "sw",
    "als": "sq", "zsm": "ms", "azj": "az", "azb": "az", "uzn": "uz", "khk": "mn", "npi": "ne",
    "ory": "or", "plt": "mg", "pbt": "ps", "ydd": "yi", "gaz": "om", "quy": "qu", "ckb": "ku",
    "kmr": "ku",
}
# Bokmål and Nynorsk are "no" to the cleaner: langdetect and the stoplists know only that
SAME_AS = {"nb": "no", "nn": "no"}
# codes the cleaner's own language id returns that have no 639-1 code
OWN = {"syr": "Syriac"}


def main() -> None:
    rows: dict[str, tuple[str, str]] = {}
    names: dict[str, str] = {}
    for lang in pycountry.languages:
        two = getattr(lang, "alpha_2", None)
        if not two:
            continue
        names[two] = lang.name
        for code in (two, lang.alpha_3, getattr(lang, "bibliographic", None)):
            if code:
                rows.setdefault(code, (two, lang.name))
    for code, two in INDIVIDUAL.items():
        if code.isalpha():
            rows.setdefault(code, (two, names[two]))
    for code, name in OWN.items():
        rows.setdefault(code, (code, name))
    rows = {code: (SAME_AS.get(two, two), name) for code, (two, name) in rows.items()}
    out = pathlib.Path(__file__).resolve().parent.parent / "cleaner" / "data" / "langcodes.tsv"
    lines = ["# code\tlanguage\tname  (made by tools/make_langcodes.py from pycountry's ISO 639 data)"]
    lines += [f"{code}\t{two}\t{name}" for code, (two, name) in sorted(rows.items())]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(rows)} codes")


if __name__ == "__main__":
    main()
