"""The TOML rule packs: load and validate them (ruleset), bound untrusted patterns
(budget), and match them fast against lines (prefilter, matcher)."""
