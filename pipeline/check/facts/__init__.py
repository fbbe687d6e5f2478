"""The statement layer: stated figures as facts, and the index the change rules look them up in.

A fact is a figure with the label it is stated under (`年末全市常住人口` → key `常住人口`), the
scope words of that label (城镇, 规模以上 …), the year of the bulletin part that states it
(files often bind several years' bulletins), and its role: a level, or a change, rate or
percentage-point change stated right after a level in one phrase, or last year's level said in
parentheses. Phrases are read once by adjacency (phrases.py); levels are filed by key,
dimension, unit and year (index.py), so this year's change finds last year's level by lookup.
"""

from .build import Facts, facts_of
from .model import Fact, Role

__all__ = ["Fact", "Facts", "Role", "facts_of"]
