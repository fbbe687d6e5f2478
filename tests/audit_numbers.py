"""Recall and precision audit of the claims stage (issue #3), on whole documents.

Recall: every digit run, and every Chinese-numeral run followed by a scale, unit, measure word,
倍/%/个百分点/成 or 分之, is a candidate. A candidate inside a table, a heading marker, a metadata
field, a year or date claim, or a known not-quantity (document numbers, ordinals, 17号线, 5G, 十四五 …,
listed in NOT_QUANTITY below as data) is set aside; every other candidate is a stated quantity and
must lie inside a claim span — those that do not are the misses.

Precision: every amount/count/percent/target/range claim whose figure reads as a name (ordinals,
line and phase numbers, slogans such as 两个确立, hotlines, letter-joined codes) is listed.

    python -m tests.audit_numbers FILE…        # misses and suspicious claims, with context
    python -m tests.audit_numbers -q FILE…     # figures only
"""

from __future__ import annotations

import argparse
import bisect
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import regex

from pipeline.api import parse_file
from pipeline.model import Claim, Document
from pipeline.numbers.cues import CLAUSE_HEAD, SPAN_YEARS_AFTER, SPAN_YEARS_BEFORE
from pipeline.numbers.numerals import CN_CHARS, CN_DIGIT_CLASS
from pipeline.numbers.regions import TABLE_LINE_RE
from pipeline.numbers.units import PERCENT_RE, SCALE_RE, UNIT_RE
from pipeline.numbers.units_data import ARTICLE_UNITS, CHINESE_EXCLUDED_UNITS, IDIOMS

CN_RUN = rf"[{CN_CHARS}]*[{CN_DIGIT_CLASS}十][{CN_CHARS}]*(?:点[{CN_DIGIT_CLASS}]+)?"
CANDIDATE_RE = regex.compile(
    rf"(?<![0-9.,])\d+(?:[.,]\d+)*"
    rf"|(?:百分之|千分之)?{CN_RUN}(?:分之{CN_RUN}|(?=[多余]?\n?(?:{SCALE_RE})?(?:{PERCENT_RE}|{UNIT_RE})))"
)

# known not-quantities, as data: (reason, pattern); a candidate overlapping a match is set aside
NOT_QUANTITY: list[tuple[str, str]] = [
    ("doc number", r"[〔\[(]\d{4}[〕\])]\s*第?\d+号|\d{4}年第\d+号|[〔\[]\d{4}[〕\]]"),
    ("index number", r"(?:索引号|文号|编号|统一社会信用代码|邮编|邮政编码)[::]?[^\n]*"),
    ("phone/url/id", r"\d{3,4}-\d{5,8}|\d{7,}|https?://\S+|www\.\S+|[A-Za-z0-9_.-]+@[A-Za-z0-9.-]+"),
    ("ordinal", rf"第[\d{CN_CHARS}]+|[\d{CN_CHARS}]+(?:号线|号|届|期工程|期|大(?![于量幅概多约])|级(?!以上))"
                rf"|(?<=[\d{CN_CHARS}]批|首)[\d{CN_CHARS}]+"),
    ("letter-joined", r"[A-Za-z][A-Za-z0-9.+_\-]*\d[A-Za-z0-9]*|\d+[A-Za-z]+[A-Za-z0-9]*"),
    ("rank/version", r"\d+强|\d+\.0(?=版|建设|时代|升级)|\d+\+(?!\d)"),
    ("label", r"(?:表|图|附图|附件|附表|见|注:)\s*\d+|号-\d+|(?m)^[ \t]*\d{1,2}[.、](?!\d)"),
    ("address", r"(?<=[路街巷弄])\d+(?=弄|号|支弄)"),
    ("grade", r"\d+(?:[-—~至]\d+)?级"),
    ("year name", rf"(?<![0-9.])(?:19|20)\d{{2}}(?![0-9.,年]|[多余]|{SCALE_RE}|{UNIT_RE}|{PERCENT_RE})"),
    # the span other figures refer to (pipeline/numbers/cues.py SPAN_*): 过去五年, 五年累计, 三年行动,
    # a Chinese 五年 heading its clause, 极不平凡的五年。
    ("period phrase", rf"(?:{SPAN_YEARS_BEFORE})[\d{CN_CHARS}]+年|[\d{CN_CHARS}]+多?年(?={SPAN_YEARS_AFTER})"
                      rf"|(?:^|(?<=[{CLAUSE_HEAD}]))[{CN_CHARS}]+年(?!以上|以下|以内|左右)|(?<=的)[{CN_CHARS}]+年(?=[。,;!])"),
    ("plan name", rf"[{CN_DIGIT_CLASS}十]{{1,3}}五(?:规划|时期|期间|期末|以来|末|$)|“[^”\n]{{1,24}}”"),
    ("title", r"《[^》\n]{1,80}》"),
    ("note marker", r"[\[(]\d{1,3}[\])]|[①-⑳]"),
    ("clock/time", r"\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}时(?:\d{1,2}分)?"),
    ("month/day", r"\d{1,2}(?:[-—~至]\d{1,2})?月(?:\d{1,2}日)?|\d{1,2}日"),
    ("formula", r"\d+\+[\dA-Za-z]+|\d+\p{Han}{0,2}[×*]\d+"),
    ("idiom", "|".join(regex.escape(i) for i in sorted(IDIOMS, key=len, reverse=True))),
    ("slogan", rf"[{CN_DIGIT_CLASS}十]+(?:个|项|大|张|条|位|件)(?:确立|维护|意识|自信|全面|代表|务必|必须|"
               rf"坚持|一体|一流|倍增|统筹|优先|示范|行动|工程|战略|中心|体系|机制|平台|攻坚|融合|两制)"),
    ("hotline", r"(?:拨打|热线|电话|服务号码)[^\n,。]{0,6}\d{3,5}|\d{3,5}(?=\p{Han}{0,4}(?:热线|平台|电话|号码))"
                r"|(?<=广州|上海|北京|市民|政务)12345"),
    ("article", rf"(?<![{CN_CHARS}\d])一(?=(?:{'|'.join(sorted(ARTICLE_UNITS, key=len, reverse=True))}))"),
    ("place name", rf"[{CN_DIGIT_CLASS}十]+(?:{'|'.join(CHINESE_EXCLUDED_UNITS)})"),
    ("front matter", r"(?m)^(?:---|[a-z_]+:.*|发布日期:.*|官方链接:.*)$"),
]
NOT_QUANTITY_RE = [(reason, regex.compile(p)) for reason, p in NOT_QUANTITY]
# a claim reads as a name when these follow it: 3号线, 十九届, 两个确立, 12345热线
NAME_AFTER_RE = regex.compile(r"号线|号|届|确立|维护|意识|自信|全面|代表|务必|一体|两制|热线")
QUANTITY_KINDS = {"amount", "count", "percent", "target", "range"}


@dataclass
class Audit:
    path: str
    quantities: int = 0
    covered: int = 0
    misses: list[tuple[int, str, str]] = field(default_factory=list)  # (offset, raw, context)
    set_aside: Counter[str] = field(default_factory=Counter)
    suspects: list[tuple[str, str, str]] = field(default_factory=list)  # (raw, kind, context)
    claims: int = 0


def _spans(doc: Document) -> dict[str, list[tuple[int, int]]]:
    text = doc.text
    out: dict[str, list[tuple[int, int]]] = {
        "table": [(t.span.start, t.span.end) for t in doc.tables]
        + [(m.start(), m.end()) for m in TABLE_LINE_RE.finditer(text)],
        "heading marker": [(s.span.start, s.span.start + len(s.marker) + 2) for s in doc.sections],
        "metadata": [(sp.start, sp.end) for sp in doc.metadata.spans.values()],
        "year/date": [(c.span.start, c.span.end) for c in doc.claims if c.kind in ("year", "date")],
    }
    for reason, rx in NOT_QUANTITY_RE:
        out[reason] = [(m.start(), m.end()) for m in rx.finditer(text)]
    return out


class _Index:
    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.reach = []  # running max of ends: overlap test stays O(log n) with nested spans
        hi = -1
        for _, e in self.spans:
            hi = max(hi, e)
            self.reach.append(hi)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.reach[i] > start


def _context(text: str, start: int, end: int, width: int = 14) -> str:
    return (text[max(0, start - width) : start] + "【" + text[start:end] + "】" + text[end : end + width]).replace(
        "\n", "⏎"
    )


def _suspect(text: str, c: Claim) -> bool:
    """第3个, G60, 1+N, 7×24小时, 五年规划 …; letters count only against a digit (2.2万P is a quantity)."""
    s, e = c.span.start, c.span.end
    prev, nxt = text[s - 1 : s], text[e : e + 1]
    if prev in ("第", "+", "×", "_") or nxt in ("+", "×"):
        return True
    if (prev.isascii() and prev.isalpha() and c.raw[0].isdigit()) or (
        nxt.isascii() and nxt.isalpha() and c.raw[-1].isdigit()
    ):
        return True
    if c.unit == "年" and text.startswith(("规划", "计划", "行动"), e):
        return True
    return bool(NAME_AFTER_RE.match(text, e))


def audit_document(doc: Document, path: str = "") -> Audit:
    text = doc.text
    result = Audit(path, claims=len(doc.claims))
    claimed = _Index([(c.span.start, c.span.end) for c in doc.claims if c.kind not in ("year", "date")])
    asides = [(reason, _Index(spans)) for reason, spans in _spans(doc).items()]
    for m in CANDIDATE_RE.finditer(text):
        s, e = m.span()
        if claimed.overlaps(s, e):
            result.quantities += 1
            result.covered += 1
            continue
        reason = next((r for r, ix in asides if ix.overlaps(s, e)), None)
        if reason:
            result.set_aside[reason] += 1
            continue
        result.quantities += 1
        result.misses.append((s, m.group(0), _context(text, s, e)))
    for c in doc.claims:
        if c.kind not in QUANTITY_KINDS:
            continue
        if _suspect(text, c):
            result.suspects.append((c.raw, c.kind, _context(text, c.span.start, c.span.end)))
    return result


def audit_file(path: Path) -> Audit:
    return audit_document(parse_file(path, until="claims"), str(path))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("-q", "--quiet", action="store_true", help="figures only")
    args = ap.parse_args(argv)
    total_q = total_c = total_s = 0
    for path in args.files:
        a = audit_file(path)
        total_q, total_c, total_s = total_q + a.quantities, total_c + a.covered, total_s + len(a.suspects)
        print(f"{path.name}: {a.covered}/{a.quantities} quantities covered, {len(a.misses)} missed, "
              f"{len(a.suspects)} suspicious claims ({a.claims} claims)")
        if args.quiet:
            continue
        print("  set aside: " + ", ".join(f"{r} {n}" for r, n in a.set_aside.most_common()))
        for off, raw, ctx in a.misses:
            print(f"  MISS   {off:>6} {raw!r:12} {ctx}")
        for raw, kind, ctx in a.suspects:
            print(f"  SUSPECT {kind:8} {raw!r:12} {ctx}")
    if total_q:
        print(f"TOTAL: recall {total_c}/{total_q} = {total_c / total_q:.3f}, {total_s} suspicious claims")


if __name__ == "__main__":
    main()
