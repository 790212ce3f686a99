"""HTML input: extract the page's text with trafilatura (extract) and notice when the
parser lost text (check)."""
