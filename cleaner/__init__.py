"""cleaner: strip boilerplate from scraped news text, flag artifacts, keep the body."""
from .api import Cleaner, clean
from .report import Flag, Removal, Result
from ._dist import DIST_NAME
from .rules import RulePackError

__version__ = "0.1.0"
__all__ = ["clean", "Cleaner", "Result", "Removal", "Flag", "RulePackError", "DIST_NAME", "__version__"]
