#!/usr/bin/env python
"""Write cleaner/data/wordfreq/<lang>.tsv: how common each word is in general text.

    pip install wordfreq==3.1.1
    python tools/build_wordfreq.py en

offtopic.contrast (cleaner/mechanisms/contrast.py) weighs a word that a glued tail
shares with the article by how rare the word is in general text: sharing "Kharkiv"
says much more than sharing "government". The frequencies come from the wordfreq
package's "large" list (Wikipedia, subtitles, news, books, web text, Twitter...),
not from any benchmark. One line per word of Zipf frequency >= MIN_ZIPF
(log10 of occurrences per billion words), "word<TAB>zipf" with one decimal, most
common first; a word absent from the file is rarer than MIN_ZIPF. The data is
wordfreq's, under CC-BY-SA 4.0 (cleaner/data/wordfreq/LICENSE.wordfreq).
"""
from __future__ import annotations

import math
import pathlib
import sys

MIN_ZIPF = 3.0
OUT = pathlib.Path(__file__).resolve().parents[1] / "cleaner" / "data" / "wordfreq"


def main(langs: list[str]) -> int:
    import wordfreq
    for lang in langs:
        rows = []
        for word, freq in wordfreq.get_frequency_dict(lang, wordlist="large").items():
            zipf = round(math.log10(freq) + 9, 1)
            if zipf >= MIN_ZIPF and "\t" not in word and "\n" not in word:
                rows.append((-zipf, word))
        rows.sort()
        OUT.mkdir(parents=True, exist_ok=True)
        path = OUT / f"{lang}.tsv"
        path.write_text("".join(f"{w}\t{-z:.1f}\n" for z, w in rows), encoding="utf-8")
        print(f"{path}: {len(rows)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["en"]))
