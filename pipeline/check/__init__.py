"""The consistency checker: rounding-aware recomputation of derived figures.

Part–whole relations (sum_of_parts, share, shares_total, structure_ratio) do not scan raw text
windows: `paragraphs.py` reads the document's lists once into groups — a whole, its parts with
their names and `(占x%)` shares, the structure that ties them (其中, X中, 按…分, a bracket) and
whether the text marks the list complete (其他, shares totalling 100%, a standard breakdown, a
按Y分 classification). The rules judge over the groups and give each check its `Evidence`: parts
that exceed a whole, or a complete list that falls short, are `inconsistent` on complete evidence;
a shortfall of a list the text does not close is `unverifiable`. We chose one reading of the
structure shared by all these rules over per-rule patterns because a list read once is read the
same way by every rule, and each new way of writing a list is taught in one place.
"""
