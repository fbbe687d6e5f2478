"""Data: the standard breakdowns of official statistics and the names a whole goes by.

A standard breakdown is exhaustive by definition (GDP = 第一 + 第二 + 第三产业; per-head
disposable income = its four sources; 进出口 = 出口 + 进口), so its parts must add up to the
whole and its shares to 100. A whole is often named once and referred to by another name
(`年末常住人口116.75万人…占总人口比重59.08%`).
"""

from __future__ import annotations

import regex

# parts in the order bulletins list them; each part may be printed with a prefix (人均工资性收入)
STANDARD_BREAKDOWNS: tuple[tuple[str, ...], ...] = (
    ("第一产业", "第二产业", "第三产业"),
    ("工资性收入", "经营净收入", "财产净收入", "转移净收入"),
    ("出口", "进口"),
)
# short forms of a breakdown's names in one list: 第一、二、三产业 / 三次产业 / 一、二、三产业
LIST_FORMS: dict[tuple[str, ...], regex.Pattern[str]] = {
    STANDARD_BREAKDOWNS[0]: regex.compile(r"三次产业|第?一、(?:第?二)、(?:第?三)产业|第一产业、第二产业(?:和|、)第三产业"),
    STANDARD_BREAKDOWNS[1]: regex.compile(r"工资性收入、经营净收入、财产净收入和转移净收入"),
    STANDARD_BREAKDOWNS[2]: regex.compile(r"出口(?:和|、)进口"),
}
# names of one whole: a share of the first may be a share of any other
WHOLE_ALIASES: tuple[tuple[str, ...], ...] = (
    ("总人口", "常住人口", "年末常住人口", "年末总人口"),
    ("可支配收入", "居民人均可支配收入", "全体居民人均可支配收入", "人均可支配收入"),
    ("GDP", "国内生产总值", "地区生产总值", "生产总值"),
)


def aliases(name: str) -> tuple[str, ...]:
    """The other names of the whole `name`, or () when it has none."""
    for group in WHOLE_ALIASES:
        if name in group:
            return tuple(n for n in group if n != name)
    return ()


def breakdown_in(text: str) -> tuple[str, ...] | None:
    """The standard breakdown a list phrase names (三次产业, 第一、二、三产业 …), if any."""
    return next((b for b, form in LIST_FORMS.items() if form.search(text)), None)


def standard_parts(names: list[str]) -> bool:
    """Each name holds the next part of one standard breakdown, in order (人均工资性收入,
    第一产业增加值 …)."""
    return any(len(names) == len(b) and all(p in n for n, p in zip(names, b, strict=True))
               for b in STANDARD_BREAKDOWNS)


# rates defined as the share of one part in its whole: 城镇化率 = 城镇(常住)人口 / 常住人口
DEFINED_SHARES: tuple[tuple[str, str], ...] = (
    ("城镇化率", "城镇"),
)
