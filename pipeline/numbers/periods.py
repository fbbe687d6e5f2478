"""Periods a figure refers to: “十三五”期间 → 2016–2020, “十二五”期末 → 2015, 到2025年, 2020年, 上年."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .numerals import CN_DIGIT_CLASS, parse_chinese

PERIOD_RE = regex.compile(
    rf"""
    (?P<fyp>(?:[“"](?P<qn>[一二三四五六七八九十]{{1,3}})五[”"]|(?P<n>[一二三四五六七八九十]{{1,3}})五(?=期间|时期|期末|末期|以来|规划))
        (?P<fyp_part>期间|时期|期末|末期|以来|初期|期初|规划期|末)?)
    |(?P<to>到|至|截至|截止到?)?(?P<y1>(?<![0-9.])\d{{4}}|[{CN_DIGIT_CLASS}]{{4}})年(?:[-—~至到](?P<y2>\d{{4}})年)?
        (?P<ypart>末|底|年底|年末|前|以来|上半年|全年)?
    |(?P<span>过去|近|这)?(?P<sn>[一二两三四五六七八九十]{{1,2}}|(?<![0-9.])\d{{1,2}})年(?P<span_end>间|来|以来)?(?(span)|(?(span_end)|(?!)))
    |(?<!基础)(?P<rel>上年(?!均)|去年|前年|今年|本年|明年|上年末|去年末|今年以来)
    """,
    regex.VERBOSE,
)

GOAL_BEFORE = ",;。:!?\n ("
GOAL_WORDS = ("力争", "争取", "预计", "计划", "将", "要", "确保", "目标是")
RELATIVE = {"上年": -1, "去年": -1, "前年": -2, "今年": 0, "本年": 0, "明年": 1, "上年末": -1, "去年末": -1,
            "今年以来": 0}


@dataclass(frozen=True)
class PeriodRef:
    start: int  # offset in the text
    end: int
    label: str
    first: int | None
    last: int | None
    future_marker: bool  # 到2025年: a goal


def fyp_years(n: int) -> tuple[int, int]:
    """The n-th five-year plan: from the 3rd (1966–1970) on they run back to back."""
    first = 1966 + 5 * (n - 3)
    return first, first + 4


def plan_end_year(name: str) -> int | None:
    """The last year of a plan named like 十三五 (the n-th plan, written n + 五): 十三五 → 2020."""
    if len(name) < 2 or not name.endswith("五"):
        return None
    n = parse_chinese(name[:-1])
    return fyp_years(int(n.value))[1] if n is not None and n.value >= 3 else None


def find_periods(text: str, start: int, end: int, doc_year: int | None) -> list[PeriodRef]:
    out: list[PeriodRef] = []
    for m in PERIOD_RE.finditer(text, start, end):
        label = m.group(0)
        if m.group("fyp"):
            n = parse_chinese(m.group("qn") or m.group("n"))
            if n is None or not 3 <= n.value <= 20:
                continue
            first, last = fyp_years(int(n.value))
            part = m.group("fyp_part") or ""
            if not part and text.startswith(("规划", "纲要"), m.end()):
                continue  # “十四五”规划 names a plan, it does not date a figure
            if part in {"期末", "末期", "末"}:
                first = last
            elif part in {"初期", "期初"}:
                last = first
            out.append(PeriodRef(m.start(), m.end(), label, first, last, False))
        elif m.group("y1"):
            raw = m.group("y1")
            y1 = int(raw) if raw[0].isdigit() else int(parse_chinese(raw).value)  # type: ignore[union-attr]
            if not 1900 <= y1 <= 2100:
                continue
            y2 = int(m.group("y2")) if m.group("y2") else y1
            # 到2025年 opens a goal only as a clause head (力争到…); 提高到2025年的 is a past level
            to = m.group("to") in {"到", "至"} and (
                m.start() == 0 or text[m.start() - 1] in GOAL_BEFORE or text.endswith(GOAL_WORDS, 0, m.start())
            )
            out.append(PeriodRef(m.start(), m.end(), label, y1, y2, to))
        elif m.group("sn"):
            # 过去五年, 四年间, 五年来: the years before the document's own (a 2026 report looks back on 2021–2025)
            sn = m.group("sn")
            n = parse_chinese(sn) if not sn.isdigit() else None
            years = int(sn) if sn.isdigit() else int(n.value) if n else 0
            if not 1 <= years <= 30:
                continue
            span: tuple[int | None, int | None] = (doc_year - years, doc_year - 1) if doc_year else (None, None)
            out.append(PeriodRef(m.start(), m.end(), label, span[0], span[1], False))
        else:
            rel = m.group("rel")
            year = doc_year + RELATIVE[rel] if doc_year else None
            out.append(PeriodRef(m.start(), m.end(), label, year, year, False))
    return out
