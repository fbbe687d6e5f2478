"""Dates that must agree: the header date vs the 成文日期 at the signature, and the year in the
发文字号 (青府发〔2022〕25号) vs the year of that date.

A header date labelled 发布日期 may legitimately follow the signing (publication comes later),
so only a publication before the signing is an error there. A document signed in late December
may carry the next year's number (numbers are given when it is issued): that is unverifiable.
"""

from __future__ import annotations

from datetime import date

from ...model import Severity, Span, Verdict
from ..context import Context, Draft, RuleCode

PUBLISHED_LABELS = ("发布日期", "发布时间", "公开日期", "发布于")


def _parse(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def check(ctx: Context) -> list[Draft]:
    md = ctx.doc.metadata
    signed = _parse(md.date)
    if signed is None:
        return []
    out: list[Draft] = []
    sig_span = md.spans.get("date")
    header = _parse(md.header_date)
    head_span = md.spans.get("header_date")
    if header is not None:
        out.append(_header_vs_signature(ctx, header, head_span, signed, sig_span))
    if md.doc_number is not None and md.doc_number.year is not None:
        num_span = md.doc_number.span or md.spans.get("doc_number")
        out.append(_number_year(md.doc_number.raw, md.doc_number.year, num_span, signed, sig_span))
    return out


def _spans(*spans: Span | None) -> list[Span]:
    return [s for s in spans if s is not None]


def _header_vs_signature(ctx: Context, header: date, head_span: Span | None,
                         signed: date, sig_span: Span | None) -> Draft:
    spans = _spans(head_span, sig_span)
    label = ""
    if head_span is not None:
        label = ctx.text[max(0, head_span.start - 12) : head_span.start]
    published = any(word in label for word in PUBLISHED_LABELS)
    days = (header - signed).days
    base = f"header date {header.isoformat()} vs signature date {signed.isoformat()}"
    if days == 0:
        return Context.draft(RuleCode.DATE_AGREEMENT, Verdict.CONSISTENT, f"{base}: the same day: consistent",
                             extra_spans=spans, stated=header.isoformat())
    if published and days > 0:
        return Context.draft(RuleCode.DATE_AGREEMENT, Verdict.CONSISTENT,
                             f"{base}: published {days} days after signing: consistent",
                             extra_spans=spans, stated=header.isoformat(),
                             exemption="a publication date may follow the signing date")
    why = "published before it was signed" if published else f"they differ by {abs(days)} days"
    return Context.draft(RuleCode.DATE_AGREEMENT, Verdict.INCONSISTENT, f"{base}: {why}: inconsistent",
                         extra_spans=spans, stated=header.isoformat(), severity=Severity.MAJOR)


def _number_year(raw: str, year: int, num_span: Span | None, signed: date, sig_span: Span | None) -> Draft:
    spans = _spans(num_span, sig_span)
    base = f"发文字号 {raw} has year {year}; signed {signed.isoformat()}"
    if year == signed.year:
        return Context.draft(RuleCode.DATE_AGREEMENT, Verdict.CONSISTENT, f"{base}: same year: consistent",
                             extra_spans=spans, stated=year)
    around_new_year = (year == signed.year + 1 and signed.month == 12) or (
        year == signed.year - 1 and signed.month == 1)
    if around_new_year:
        return Context.draft(RuleCode.DATE_AGREEMENT, Verdict.UNVERIFIABLE,
                             f"{base}: around the new year a number may be given when the document is issued",
                             extra_spans=spans, stated=year, exemption="signed around the turn of the year")
    return Context.draft(RuleCode.DATE_AGREEMENT, Verdict.INCONSISTENT, f"{base}: different years: inconsistent",
                         extra_spans=spans, stated=year, severity=Severity.MAJOR)
