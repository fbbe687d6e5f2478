"""One module per rule family; each exposes `check(ctx) -> list[Draft]` and owns a RuleCode."""

from __future__ import annotations

from collections.abc import Callable

from ..context import Context, Draft
from . import (
               cagr_levels,
               change_amount,
               dates,
               doubling,
               enumeration,
               growth_yoy,
               income_sources,
               indicator_table,
               levels_multiple,
               levels_ratio,
               multiple,
               ordinal_count,
               plan_period,
               pp_change,
               rate_difference,
               rate_gap,
               share,
               share_list,
               structure_ratio,
               sum_of_parts,
               text_vs_table,
)

Rule = Callable[[Context], list[Draft]]

RULES: list[Rule] = [
    share.check,
    share_list.check,
    multiple.check,
    levels_multiple.check,
    levels_ratio.check,
    sum_of_parts.check,
    income_sources.check,
    structure_ratio.check,
    doubling.check,
    growth_yoy.check,
    change_amount.check,
    cagr_levels.check,
    pp_change.check,
    rate_difference.check,
    rate_gap.check,
    indicator_table.check,
    text_vs_table.check,
    enumeration.check,
    ordinal_count.check,
    dates.check,
    plan_period.check,
]
