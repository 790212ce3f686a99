"""cleaner: strip boilerplate from scraped news text, flag artifacts, keep the body."""
from cleaner.api import Cleaner, clean
from cleaner.report import Flag, Removal, Result
from cleaner._dist import DIST_NAME
from cleaner.packs.load import RulePackError

__version__ = "0.1.0"
__all__ = ["clean", "Cleaner", "Result", "Removal", "Flag", "RulePackError", "DIST_NAME", "__version__"]
