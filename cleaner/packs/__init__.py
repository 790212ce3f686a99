"""The TOML rule packs: read and validate them (load), one rule and its safe search
(rule), which rules are in force (ruleset), bound untrusted patterns (budget), and
match them fast against lines (prefilter over re_syntax's parse trees, matcher)."""
