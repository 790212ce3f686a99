"""Text ground: lines with their offsets into the input (segment), line shapes
(sentence end, bullet, zero-width), fast scans over many paragraphs, dates."""
