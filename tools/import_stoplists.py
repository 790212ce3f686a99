"""Copy jusText's maintained stoplists into cleaner/data/stoplists/<iso>.txt.

Run once when updating: `pip install justext && python tools/import_stoplists.py`.
jusText is BSD-2-Clause (see cleaner/data/stoplists/LICENSE.justext); we vendor the
lists so the cleaner needs neither jusText nor lxml at run time.
"""
from __future__ import annotations

import importlib.util
import pathlib
import sys

# ISO 639-1 code (as langdetect reports it) -> jusText stoplist name.
NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "kn": "Kannada", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ml": "Malayalam", "mr": "Marathi",
    "ne": "Nepali", "nl": "Dutch", "no": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian",
    "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "tl": "Tagalog",
    "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
}


def main() -> int:
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        print("justext is not installed", file=sys.stderr)
        return 1
    src = pathlib.Path(list(spec.submodule_search_locations)[0]) / "stoplists"
    dst = pathlib.Path(__file__).resolve().parent.parent / "cleaner" / "data" / "stoplists"
    dst.mkdir(parents=True, exist_ok=True)
    for code, name in sorted(NAMES.items()):
        words = (src / f"{name}.txt").read_text(encoding="utf-8")
        (dst / f"{code}.txt").write_text(words, encoding="utf-8")
    print(f"wrote {len(NAMES)} stoplists to {dst}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
