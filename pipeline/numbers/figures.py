"""The figure grammar: where a number and its unit are printed, read into a `Figure`.

One compiled `regex` pattern, tried left to right: dates, years, 翻番, 百分之…, fractions, ratios,
then the general form `numeral [多|余] [scale] [range] [unit | percent unit | /denominator]`.
A number may be split from its scale or unit by one line break (PDF artefact: `4.27\\n万人`).
Whether a figure is a quantity at all (heading marker, name, table cell) is decided by the caller.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import regex

from .numerals import (
    ARABIC_RE,
    CHINESE_RE,
    CN_CHARS,
    CN_DIGIT_CLASS,
    CN_DIGITS,
    CN_MAX,
    parse_arabic,
    parse_numeral,
)
from .units import PERCENT_RE, SCALE_RE, UNIT_RE, dimension_of
from .units_data import SCALES

NUM = rf"(?:(?<![A-Za-z0-9.]){ARABIC_RE}(?![0-9])|{CHINESE_RE})"
# a Chinese numeral is a figure only with a unit after it: cheap look-ahead before the full form
AHEAD_CLASS = rf"[{CN_CHARS}点至~\-—–多余\n]"
AHEAD_MAX = 2 * CN_MAX + 8  # two numerals of a range, their connector and 多/余
CN_AHEAD = rf"(?=(?:{AHEAD_CLASS}){{0,{AHEAD_MAX}}}(?:{PERCENT_RE}|{UNIT_RE}|分之))"
SEP = r"(?:[~\-—–]|[至到](?!\d{4}年))"
ARABIC_FULL_RE = regex.compile(ARABIC_RE)
RATIO_SEP = "[:∶]"  # U+2236 RATIO survives width folding (8.3∶41.4∶50.3)
# a PDF line break inside an Arabic numeral (1,2\n34亿元, 12.3\n4%): joined only when a scale, unit or
# percent follows and the joined text is a well-formed numeral (checked in _number)
BROKEN = rf"(?<![A-Za-z0-9.,])[0-9][0-9.,]*\n[0-9.,]*[0-9](?=[多余]?(?:{SCALE_RE})?(?:{PERCENT_RE}|{UNIT_RE}))"
MORE = r"(?:多|余)"
# between a number and its scale or unit: one PDF line break (4.27\n万人) or one stray space
# (39.8 万亿元 in a web rendition); never both, never a tab (table columns)
GAP = r"[\n\x20]?"

PATTERN = regex.compile(
    rf"""
    (?P<date>(?:\d{{4}}|[{CN_DIGIT_CLASS}]{{4}})年\d{{1,2}}月(?:\d{{1,2}}日)?
        |(?<![0-9.])\d{{1,2}}月\d{{1,2}}日
        |(?<![0-9.])\d{{4}}[.\-/]\d{{1,2}}[.\-/]\d{{1,2}}(?![0-9]))
    |(?P<month>(?<![0-9.])\d{{1,2}}(?:[-—~至]\d{{1,2}})?月(?!份?[0-9])|(?<![0-9.])\d{{1,2}}[时点]\d{{1,2}}分)
    |(?P<yr1>(?<![0-9.])\d{{4}})年?(?:[-—–~]|至)(?P<yr2>\d{{4}})年
    |(?P<year>(?<![0-9.])\d{{4}}|[{CN_DIGIT_CLASS}]{{4}})年(?!\d)
    |翻了?(?P<dbl>一|两|二|三|1|2|3)?番
    |(?P<pctw>百分之|千分之)(?P<pctn>{NUM})(?:{SEP}(?P=pctw)?(?P<pctn2>{NUM}))?
    |(?P<fden>{NUM})分之(?P<fnum>{NUM})
    |(?P<ratio>(?<![A-Za-z0-9.]){ARABIC_RE}(?:{RATIO_SEP}{ARABIC_RE}){{1,5}})(?![0-9:∶])
    |(?:(?<![{CN_CHARS}])(?P<lo>[一二两三四五六七八])、)?(?:(?=\d)|{CN_AHEAD})(?P<n1>{BROKEN}|{NUM})(?P<m1>{MORE})?{GAP}(?P<s1>{SCALE_RE})?
      (?:(?P<u1>{PERCENT_RE}|{UNIT_RE})?(?P<sep>{SEP})(?P<n2>{NUM})(?P<m2>{MORE})?(?P<s2>{SCALE_RE})?)?
      (?P<m3>{MORE})?
      (?:{GAP}(?P<pu>{PERCENT_RE})
        |{GAP}(?P<u>{UNIT_RE}|分(?=/)|角(?=/))(?:/(?P<du>{UNIT_RE}))?
        |/(?P<pd>\d+)(?P<pds>{SCALE_RE})?(?P<pdu>{UNIT_RE})?)?
    """,
    regex.VERBOSE,
)


@dataclass
class Figure:
    """A printed figure before interpretation: value as printed, unit as printed."""

    start: int
    end: int
    form: str  # number, year, year_range, date, month, doubling, percent_words, fraction, ratio
    value: float | None
    decimals: int = 0
    value_high: float | None = None
    scale: str | None = None
    unit_word: str | None = None  # the unit without scale: 元, 人, %, 倍
    unit: str | None = None  # as printed with the scale: 亿元, 万人
    per: str | None = None  # denominator of a per-unit figure: /10万
    more: str | None = None  # 多/余 printed inside the figure
    chinese: bool = False
    parts: list[float] = field(default_factory=list)
    shared: bool = False  # the unit is the one printed after the last of a coordinated list


def _split_scale(raw: str, scale: str | None) -> tuple[str, str | None]:
    """A Chinese numeral swallows its scale (三万): give 万/亿 back as the scale."""
    if scale or not raw or raw[0].isdigit():
        return raw, scale
    for s in ("万亿", "亿", "万"):
        if raw.endswith(s) and len(raw) > len(s):
            if s == "万" and "亿" in raw[:-1]:
                break  # 二百四十八亿五千万: the 万 is the numeral's own (248.5亿), not a scale
            return raw[: -len(s)], s
    return raw, None


LABEL_BEFORE = "表图第号件页"  # 表1\n2024年: a label number ends its line, the next starts afresh


def _joined(m: regex.Match[str], raw: str) -> str | None:
    """`1,2\n34` → `1,234`; None when the joined text is not one well-formed numeral, or when an
    integer ends a line that is not prose (a label, a short line): then the two are not one figure."""
    if "\n" not in raw:
        return raw
    joined = raw.replace("\n", "")
    if not ARABIC_FULL_RE.fullmatch(joined):
        return None
    if "." not in raw and "," not in raw:
        s = m.start("n1")
        line_start = m.string.rfind("\n", 0, s) + 1
        if s - line_start < 6 or m.string[s - 1] in LABEL_BEFORE or (m.group("u") or "") in {"年", "日"}:
            return None
    return joined


def _number(m: regex.Match[str]) -> Figure | None:
    raw1, scale1 = _split_scale(m.group("n1"), m.group("s1"))
    joined = _joined(m, raw1)
    if joined is None:
        return None
    n1 = parse_numeral(joined)
    if n1 is None:
        return None
    fig = Figure(m.start(), m.end(), "number", n1.value, n1.decimals, chinese=n1.chinese)
    fig.scale = scale1
    fig.more = m.group("m1") or m.group("m2") or m.group("m3")
    if m.group("lo") and not _approx_range(fig, m.group("lo"), joined):
        fig.start = m.start("n1")  # 五、四十个: a list, the figure is the second numeral alone
    if m.group("n2"):
        raw2, scale2 = _split_scale(m.group("n2"), m.group("s2"))
        n2 = parse_numeral(raw2)
        if n2 is None:
            return None
        if scale1 is None and scale2 is not None:
            fig.scale = scale2
        elif scale1 and scale2 and scale1 != scale2:
            return None  # 3万—5亿: not one range
        fig.value_high = n2.value
        fig.decimals = max(n1.decimals, n2.decimals)
        fig.form = "range"
    unit = m.group("pu") or m.group("u") or m.group("u1")
    if unit:
        fig.unit_word = unit + (f"/{m.group('du')}" if m.group("du") else "")
    if m.group("pd") and not (m.group("pds") or m.group("pdu") or unit or fig.scale or fig.value_high is not None):
        # 1/10以上: a plain fraction (0.1), not a number per 10 of nothing
        den = float(m.group("pd"))
        if den == 0 or fig.value is None:
            return None
        return Figure(fig.start, fig.end, "fraction", fig.value / den, parts=[fig.value, den])
    if m.group("pd"):
        fig.per = "/" + m.group("pd") + (m.group("pds") or "") + (m.group("pdu") or "")
    fig.unit = ((fig.scale or "") + (fig.unit_word or "") + (fig.per or "")) or None
    if " " in m.group(0) and (dimension_of(fig.unit_word) or "").startswith("time"):
        return None  # 2020 年, 10 月 1 日: a spaced-out date, never a duration
    return fig


def _approx_range(fig: Figure, lo: str, raw: str) -> bool:
    """四、五十亿元 is 40–50亿元 and 三、五年 3–5年: the first digit stands for the second's place
    (五十 → 四十). False when it is no such range (the second numeral is Arabic or does not start
    with a higher digit)."""
    first = CN_DIGITS.get(raw[0]) if raw else None
    low = CN_DIGITS[lo]
    if not fig.chinese or not first or low >= first or fig.value is None:
        return False
    fig.value, fig.value_high = fig.value / first * low, fig.value
    fig.form = "range"
    return True


def _chinese_year(raw: str) -> int:
    return int("".join(str(CN_DIGITS[c]) for c in raw)) if not raw[0].isdigit() else int(raw)


def read(m: regex.Match[str]) -> Figure | None:
    """Turn one grammar match into a Figure, or None when the numeral is malformed."""
    s, e = m.start(), m.end()
    if m.group("date") or m.group("month"):
        return Figure(s, e, "date" if m.group("date") else "month", None)
    if m.group("yr1"):
        return Figure(s, e, "year_range", float(m.group("yr1")), value_high=float(m.group("yr2")))
    if m.group("year"):
        return Figure(s, e, "year", float(_chinese_year(m.group("year"))), unit_word="年", unit="年")
    if m.group(0).startswith("翻"):
        times = {"一": 1, "1": 1, "两": 2, "二": 2, "2": 2, "三": 3, "3": 3}.get(m.group("dbl") or "一", 1)
        return Figure(s, e, "doubling", float(2**times), unit_word="倍", unit="倍")
    if m.group("pctw"):
        n = parse_numeral(m.group("pctn"))
        if n is None:
            return None
        unit = "%" if m.group("pctw") == "百分之" else "‰"
        fig = Figure(s, e, "percent_words", n.value, n.decimals, unit_word=unit, unit=unit, chinese=n.chinese)
        high = parse_numeral(m.group("pctn2")) if m.group("pctn2") else None
        if high is not None:  # 百分之八至九, 百分之四至百分之五: one range
            fig.form, fig.value_high, fig.decimals = "range", high.value, max(n.decimals, high.decimals)
        return fig
    if m.group("fden"):
        den, num = parse_numeral(m.group("fden")), parse_numeral(m.group("fnum"))
        if den is None or num is None or den.value == 0:
            return None
        return Figure(s, e, "fraction", num.value / den.value, parts=[num.value, den.value])
    if m.group("ratio"):
        terms = regex.split(RATIO_SEP, m.group("ratio"))
        parts = [parse_arabic(p).value for p in terms]
        decimals = max(parse_arabic(p).decimals for p in terms)
        return Figure(s, e, "ratio", None, decimals, parts=parts)
    return _number(m)


# every alternative of PATTERN starts with one of these: jump between them instead of trying
# the whole grammar at every character (4× faster on prose)
START_RE = regex.compile(rf"[0-9{CN_CHARS}翻]")
# Every alternative that starts on a Chinese numeral character needs a character outside
# AHEAD_CLASS (a unit, 分之, 年, 、) within AHEAD_MAX + 1 characters — the units that start inside
# the class (千瓦, 百分点) end outside it one character later. So in a longer run of class
# characters only its last RUN_SKIP starts can match: skipping the others keeps a run of 10⁵
# numeral characters linear instead of trying the grammar at each of them.
RUN_RE = regex.compile(rf"(?:{AHEAD_CLASS})+")
RUN_CHARS = frozenset(CN_CHARS + "点至~-—–多余\n")  # AHEAD_CLASS as a set
RUN_SKIP = AHEAD_MAX + 8


def scan(
    text: str, start: int = 0, end: int | None = None, skip: Callable[[int, int], bool] | None = None
) -> Iterator[Figure]:
    """Every figure the grammar reads in text[start:end], in text order; `skip(start, end)` drops
    a match before it is read (tables, titles)."""
    stop = len(text) if end is None else end
    pos = start
    run_end = -1  # end of the run of AHEAD_CLASS characters the last candidate started
    while True:
        c = START_RE.search(text, pos, stop)
        if c is None:
            return
        if not text[c.start()].isdigit():
            if c.start() >= run_end:
                if c.start() + 1 < stop and text[c.start() + 1] in RUN_CHARS:
                    run = RUN_RE.match(text, c.start(), stop)
                    run_end = run.end() if run else c.start()
                else:  # a run of one (一、二、…): no need to ask the pattern
                    run_end = c.start() + 1
            if run_end - c.start() > RUN_SKIP:
                pos = run_end - RUN_SKIP
                continue
        m = PATTERN.match(text, c.start(), stop)
        if m is None or m.end() == m.start():
            pos = c.start() + 1
            continue
        pos = m.end()
        if skip is not None and skip(m.start(), m.end()):
            continue
        fig = read(m)
        if fig is not None:
            yield fig
        elif "\n" in (m.group("n1") or ""):
            pos = c.start() + 1  # not one numeral across the break: read each side on its own


__all__ = ["Figure", "PATTERN", "SCALES", "read", "scan"]
