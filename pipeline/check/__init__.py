"""The consistency checker: rounding-aware recomputation of derived figures.

Rules (check/rules/) read the stated figures (check/figures.py) and build drafts that
check/checker.py settles (evidence gate) and numbers. The change relations — growth, change
amounts, percentage-point changes — read the statement layer in check/facts/ instead of raw
text windows: every claim becomes a fact with its label and key (what it is about, with fillers
such as 全年/全市/总 dropped and scope words such as 城镇/规模以上 kept), the year of the bulletin
part that states it (a file often binds several years' bulletins), and its role (a level, or a
change, rate or point change stated with a level in one phrase, or last year's rate in
parentheses). Phrases are read once by adjacency, and levels — text and table rows alike — are
filed by (key, dimension, unit, year), so this year's change finds last year's level by a
lookup and the stage stays linear. A later bulletin's change that misses the earlier bulletin's
preliminary level is a revision (`unverifiable`, with the implied revised base); only a miss by
a power of ten is a misprint. We chose exact keys over fuzzy name matching because a name that
merely ends like another names a narrower indicator as often as the same one; a change whose
level carries another name is paired only when the earlier level printed is the value the change
implies (partial evidence, never an alarm).

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
