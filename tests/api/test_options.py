"""One options object: the API takes an Options or the same fields as keywords, never both."""
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_options_object_and_keywords_give_the_same_report():
    from cleaner import clean
    from cleaner.options import Options
    text = (ROOT / "fixtures" / "seeds" / "000_0e82d3106cdfd71a.txt").read_text(encoding="utf-8")
    opts = Options(body_only=True, flags="mojibake", input="article", lang="en")
    assert clean(text, opts).to_dict() == clean(text, body_only=True, flags="mojibake", input="article",
                                                lang="en").to_dict()
    with pytest.raises(TypeError):
        clean(text, opts, body_only=True)
    with pytest.raises(ValueError):
        Options(input="html")
