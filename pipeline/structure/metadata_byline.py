"""Signature forms on one line: what documents without a notice carry instead of a signature block.

- a bulletin's byline under its title: `某某市统计局  2025年3月20日` (joint issuers spaced apart);
- a regulation's promulgation note: `(2021年12月1日某某市人民政府令第25号公布 根据…修正)`, whose
  公布/发布 clause gives the date and the decree number (令第N号);
- the 版记 line `某某区人民政府办公室  2025年5月6日印发`: the printing date, never the 成文日期.

Each reader takes one line's content and returns spans relative to it (None when it does not fit).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from . import metadata_patterns as P
from .dates import DATE_RE, find_dates, parse_date


@dataclass(frozen=True)
class Part:
    value: str
    start: int  # offsets into the line
    end: int


@dataclass(frozen=True)
class Decree:
    date: Part
    number: Part | None  # 某某市人民政府令第25号
    issuer_code: str | None  # 某某市人民政府令
    serial: int | None
    issuer: Part | None  # the organ that issued the decree, when its full name is printed


_BYLINE = regex.compile(rf"(?P<organ>\S.*?)\s+(?P<date>{DATE_RE.pattern})", regex.VERBOSE)
# the note may name an amending decision whose title holds parentheses (〈…规定（试行）〉)
_DECREE_NOTE = regex.compile(r"[(（](?P<body>(?:[^()（）]|[(（][^()（）]{1,30}[)）]){6,600})[)）]")
# clauses of the note: split at punctuation, or at a space before the next date or 根据
_CLAUSE = regex.compile(r"(?:(?!\s+(?:(?:19|20)\d{2}\s*年|根据))[^,，;；])+")
_DECREE_NO = regex.compile(r"(?P<code>(?P<organ>[\p{Han}]{2,30}?)令)\s*第\s*(?P<serial>\d{1,5})\s*号")
_PRINTED = regex.compile(rf"(?P<organ>\S.*?)\s+(?P<date>{DATE_RE.pattern})\s*印\s*发", regex.VERBOSE)


def _organ_ok(s: str) -> bool:
    return bool(P.ORGAN.fullmatch(s)) and not P.PUNCT_IN_PROSE.search(s)


def byline(line: str) -> tuple[Part, Part] | None:
    """(issuer, date) of `ORGAN[ ORGAN…]  DATE` filling the line."""
    m = _BYLINE.fullmatch(line)
    if not m or not _organ_ok(m.group("organ")):
        return None
    iso = parse_date(m.group("date"))
    if iso is None:
        return None
    return Part(m.group("organ"), *m.span("organ")), Part(iso, *m.span("date"))


def decree(line: str) -> Decree | None:
    """The 公布 (else 发布/颁布/通过) clause of a promulgation note in parentheses."""
    m = _DECREE_NOTE.fullmatch(line)
    if not m:
        return None
    clauses = list(_CLAUSE.finditer(line, m.start("body"), m.end("body")))
    for verbs in (("公布", "发布", "颁布"), ("通过",)):
        for c in clauses:
            if not c.group().endswith(verbs) or not (dates := find_dates(line, c.start(), c.end())):
                continue
            d = dates[0]
            no = _DECREE_NO.search(line, d.end, c.end())
            if no is None:
                return Decree(Part(d.iso, d.start, d.end), None, None, None, None)
            organ = no.group("organ")
            issuer = Part(organ, *no.span("organ")) if _organ_ok(organ) else None
            return Decree(Part(d.iso, d.start, d.end), Part(no.group(), *no.span()), no.group("code"),
                          int(no.group("serial")), issuer)
    return None


def printed(line: str) -> tuple[Part, Part] | None:
    """(organ, date) of the 版记 line `ORGAN  DATE印发`."""
    m = _PRINTED.fullmatch(line)
    if not m or not _organ_ok(m.group("organ")) or (iso := parse_date(m.group("date"))) is None:
        return None
    return Part(m.group("organ"), *m.span("organ")), Part(iso, *m.span("date"))
