"""Numbers: numerals, units, and the numeric claims of a document."""
