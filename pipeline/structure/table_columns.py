"""Column roles of a table header: 序号, 类别, 指标, 属性, 单位, 基础值 (year), 目标值 (year) …

Headers vary in wording and order across plans, so each header is matched against an ordered
list of patterns (data, not code); years come from the header (`基础值(2020年)`) or from the
five-year plan it names (“十五五”目标 → 2030, “十四五”现状 → 2025).
"""

from __future__ import annotations

import re
from enum import StrEnum

from ..model import Column
from ..numbers.periods import plan_end_year


class Role(StrEnum):
    SEQ = "seq"
    CATEGORY = "category"
    INDICATOR = "indicator"
    ATTRIBUTE = "attribute"
    UNIT = "unit"
    BASE = "base"
    TARGET = "target"
    GROWTH = "annual_growth"
    CUMULATIVE = "cumulative"
    ACTUAL = "actual"
    PAST_TARGET = "past_target"  # the last plan's goal in a review table (“十三五”目标值)
    LONG_TERM = "long_term"  # a vision beyond the plan's period (2035年 in a “十四五” plan)
    NOTE = "note"
    # project and task lists (序号 | 项目名称 | 建设内容 | 完成时限): a generic table, never indicator rows
    DETAIL = "detail"
    TASK = "task"
    PERIOD = "period"
    # a statistical table (产品名称 | 单位 | 产量 | 比上年增长(%)): mapped, but never an indicator table
    VALUE = "value"
    GROWTH_YOY = "growth_yoy"


# Ordered: the first pattern that matches the (whitespace-free) header wins. 指标类型 holds
# 预期性/约束性, so it is tested before the category's 类型; 指标 alone is the indicator name.
ROLE_PATTERNS: list[tuple[Role, str]] = [
    (Role.SEQ, r"^(序号|编号|序|No\.?)$"),
    (Role.ATTRIBUTE, r"^(指标)?(属性|性质)$|^指标类型$|^(约束性|预期性)(/(约束性|预期性))?$"),
    (Role.UNIT, r"^(计量|指标)?单位$"),
    (Role.GROWTH, r"年均(增长|增速|增幅)"),
    (Role.GROWTH_YOY, r"^(比上年|同比|较上年|比去年)(增长|增减|增幅|±)"),
    (Role.CUMULATIVE, r"^累计"),
    (Role.CATEGORY, r"^(指标)?(类别|类型|领域|分类|类目|板块|维度|方面|大类|门类|一级指标)$|^(项目|任务|工作)(类型|类别|领域)$"),
    (Role.INDICATOR, r"^(主要|具体|二级|三级|规划)?(指标(名称|内容|项|体系)?|名称|项目(名称)?)$|^(产品|行业)名称$"),
    (Role.TARGET, r"目标|预期值|规划值|期末值|^(近期|远期)规划(\(.*\))?$"),
    (Role.BASE, r"基础|基期|基准|基数|现状|现值|起点"),
    (Role.ACTUAL, r"完成值|实际|实绩|达成值"),
    (Role.NOTE, r"完成情况|进展|评价|备注|说明|注释|责任|牵头|主管|来源|口径|^(配合|协办|参与|实施|建设|推进|承办|主办|落实|负责)(单位|部门|主体)$"),
    (Role.TASK, r"^(主要|重点|工作|具体|行动)?(任务|举措|措施)(内容|名称|事项)?$|^(工作|重点)事项$|^重点工作$"),
    (Role.DETAIL, r"^(主要|具体)?(建设|工作|项目|实施|改造|整治)?(内容|规模)$|^项目地点$|^建设(地点|性质)$|^(计划)?总投资"),
    (Role.PERIOD, r"^(完成|建设|实施|起止)(时限|时间|年限|期限|周期)$|^时间(节点|安排)$|^进度安排$|^(开工|竣工)时间$"),
    (Role.VALUE, r"^(产量|数量|绝对数|绝对值|总量|金额|数值|全年|本年)(\(.*\))?$"),
]
_COMPILED = [(role, re.compile(p)) for role, p in ROLE_PATTERNS]
# A header cell spanning the value columns under it (`指标值` over `现状 | 近期规划`): no column.
GROUP_WORDS = frozenset({"指标值", "指标数值", "数值", "规划指标值"})

# five-year plan n: 十一五 = 2006–2010 … 十五五 = 2026–2030; a plan's figures are its end year.
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")
_PLAN = re.compile(r"(十[一二三四五六]五)")
_BARE_YEAR = re.compile(r"^\(?((?:19|20)\d{2})\s*年?(底|末)?\)?(\(.*\))?$")


def squash(text: str) -> str:
    """Header text without whitespace and quotes, so “十五五”目标 reads as 十五五目标."""
    return re.sub(r"[\s“”\"'‘’]", "", text)


def header_year(name: str) -> int | None:
    """The year a header names: 2020年, (2025年), or the end year of a “十X五” plan."""
    m = _YEAR.search(name)
    if m:
        return int(m.group(1))
    p = _PLAN.search(name)
    return plan_end_year(p.group(1)) if p else None


def header_role(name: str) -> Role | None:
    """The role of one header cell, or None when it is not a header word we know."""
    s = squash(name)
    if not s or "、" in s:  # `“十五五”发展目标、主要指标`: a title lists, a header cell names one column
        return None
    for role, pat in _COMPILED:
        if pat.search(s):
            return role
    if _BARE_YEAR.match(s):
        return Role.BASE  # a bare year column; `assign_years` decides base or target
    return None


def is_bare_year(name: str) -> bool:
    return bool(_BARE_YEAR.match(squash(name)))


def plan_end(text: str | None) -> int | None:
    """The end year of the five-year plan a document title names (“十四五”规划 → 2025)."""
    p = _PLAN.search(squash(text or ""))
    return plan_end_year(p.group(1)) if p else None


def map_columns(names: list[str], title: str | None = None,
                plan_year: int | None = None) -> list[tuple[Role | None, int | None]]:
    """Role and year of every header. Bare year columns (`2020年 | 2025年`) become base and
    target by order when no explicit target column exists; after an explicit target they hold
    the achieved value (`“十四五”目标值 | 2025年` in a completion table)."""
    roles = [header_role(n) for n in names]
    years = [header_year(n) for n in names]
    cats = [i for i, r in enumerate(roles) if r is Role.CATEGORY]
    if len(cats) > 1 and Role.ATTRIBUTE not in roles:
        for i in cats:  # `指标类别 | … | 类型`: beside a category, 类型 holds 约束性/预期性
            if squash(names[i]) == "类型":
                roles[i] = Role.ATTRIBUTE
    bare = [i for i, n in enumerate(names) if is_bare_year(n)]
    explicit_target = [i for i, r in enumerate(roles) if r is Role.TARGET]
    if bare and not explicit_target:
        last = max(bare, key=lambda i: (years[i] or 0, i))
        if len(bare) > 1:
            roles[last] = Role.TARGET
    elif bare:
        t = explicit_target[0]
        t_year = years[t]
        for i in bare:
            after_target = i > t and (t_year is None or (years[i] or 0) >= t_year)
            roles[i] = Role.ACTUAL if after_target else Role.BASE
    _review(roles, years)
    _long_term(roles, years, plan_year)
    title_year = header_year(title or "")
    for i, r in enumerate(roles):
        if r is Role.TARGET and years[i] is None and title_year:
            years[i] = title_year
    return list(zip(roles, years, strict=True))


def _review(roles: list[Role | None], years: list[int | None]) -> None:
    """A review table (`“十三五”目标值 | 完成值 | “十四五”目标值`): the latest goal is the target,
    earlier goals are past targets, and what the last plan achieved is the new plan's base."""
    targets = [i for i, r in enumerate(roles) if r is Role.TARGET and years[i]]
    if not targets:
        return
    last = max(targets, key=lambda i: (years[i] or 0, i))
    for i in targets:
        if i != last and (years[i] or 0) < (years[last] or 0):
            roles[i] = Role.PAST_TARGET
    for i, r in enumerate(roles):  # `目标值(2025年) | 现状值(2025年)`: what the plan achieved
        if r is Role.BASE and i > last and years[i] == years[last]:
            roles[i] = Role.ACTUAL
    if Role.BASE not in roles:  # `2020年实际 | 2025年目标`: the earlier achievement is the base
        done = [i for i, r in enumerate(roles) if r is Role.ACTUAL and (years[i] or 0) < (years[last] or 0)]
        if done:
            roles[max(done, key=lambda i: years[i] or 0)] = Role.BASE


def _long_term(roles: list[Role | None], years: list[int | None], plan_year: int | None) -> None:
    """`目标值(2025年) | 目标值(2035年)` in a “十四五” plan: the plan's own goal is the target, the
    later one its long-range vision (二〇三五年远景目标), kept apart."""
    goals = [i for i, r in enumerate(roles) if r in (Role.TARGET, Role.PAST_TARGET)]
    if not plan_year or len(goals) < 2 or plan_year not in [years[i] for i in goals]:
        return
    for i in goals:
        if years[i] == plan_year:
            roles[i] = Role.TARGET
        elif (years[i] or 0) > plan_year:
            roles[i] = Role.LONG_TERM


def is_indicator_header(roles: list[Role | None]) -> bool:
    """An indicator table names its indicators and states a base or a target for them."""
    have = set(roles)
    if have & LIST_ROLES:  # `项目名称 | 具体内容 | “十五五”目标`: a project list, its goals are words
        return False
    return Role.INDICATOR in have and bool(have & {Role.TARGET, Role.BASE, Role.GROWTH})


LIST_ROLES = frozenset({Role.DETAIL, Role.TASK})


def is_list_header(roles: list[Role | None]) -> bool:
    """A project or task list: a content or task column and something naming each row."""
    have = set(roles)
    return bool(have & LIST_ROLES) and bool(have & {Role.SEQ, Role.INDICATOR, Role.TASK})


def make_columns(names: list[str], spans: list, title: str | None = None,
                 plan_year: int | None = None) -> list[Column]:
    mapped = map_columns(names, title, plan_year)
    return [
        Column(name=n, role=r.value if r else None, year=y, span=sp)
        for n, (r, y), sp in zip(names, mapped, spans, strict=True)
    ]
