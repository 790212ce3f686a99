"""The distribution name on PyPI, for install hints.

The import package is `cleaner` and the command `clean`, but "cleaner" on PyPI is an
unrelated 2018 project; `pip install cleaner` would fetch that one. Every message
that tells a user what to install names this distribution instead.
"""
DIST_NAME = "newstext-cleaner"
