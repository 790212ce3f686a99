"""The main-text finder: on raw page text, keep the article's span and drop the
menus, link lists and footers around it."""

from cleaner.mechanisms.mainfinder.core import RULES as _RULES
from cleaner.mechanisms.registry import Mechanism

MECHANISMS = [Mechanism("mainfinder", ",".join(sorted({c for c, _ in _RULES.values()})),
                        "The main-text finder for raw page text (all of mainfinder.*); it runs with "
                        "--input page, or auto when the text looks like a whole page", action="switch")]
MECHANISMS += [Mechanism(rule_id, category, f"Main-text finder: {description}")
               for rule_id, (category, description) in _RULES.items()]
