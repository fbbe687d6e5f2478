"""One module per rule family; each exposes `check(ctx) -> list[Draft]` and owns a RuleCode."""

from __future__ import annotations

from collections.abc import Callable

from ..context import Context, Draft
from . import (
               dates,
               doubling,
               enumeration,
               indicator_table,
               multiple,
               share,
               structure_ratio,
               sum_of_parts,
               text_vs_table,
)

Rule = Callable[[Context], list[Draft]]

RULES: list[Rule] = [
    share.check,
    multiple.check,
    sum_of_parts.check,
    structure_ratio.check,
    doubling.check,
    indicator_table.check,
    text_vs_table.check,
    enumeration.check,
    dates.check,
]
