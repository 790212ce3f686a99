"""Languages: naming a text's language, and what the rest of the cleaner needs to know about one.

    detect          detect_language(text): the ISO 639-1 code of a text, or 'und'
    scripts         the Unicode script of a letter; letters per script, the dominant one
    vote            the stopword vote that names most Latin and Cyrillic texts without langdetect
    langdetect_run  langdetect run deterministically, stopped once its answer is settled
    langdetect_fast langdetect's Detector with its text preparation in C-level calls (speed only)
    codes           language codes: users' and corpora's (deu, pt-BR, deu_Latn) to ours (de)
    stopwords       the vendored jusText stopword lists
"""

#: how many languages a per-language cache keeps (least recently used dropped first):
#: records in thousands of languages, or junk tags through the API, must not grow a
#: worker's memory without bound; a dropped language is rebuilt the same on next use
CACHED_LANGUAGES = 32
