"""The pydantic models: the JSON contract (DESIGN §2).

`schemas/document.schema.json` is generated from `Document`; a test fails when it is stale.
Bump SCHEMA_VERSION (semver) whenever the JSON changes: minor for added fields, major for
removed or renamed ones. Every span is [start, end) in Unicode code points of `Document.text`.
"""

from __future__ import annotations

from enum import Enum
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_NAME: Final = "gazette.document"
SCHEMA_VERSION = "1.3.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Span(_Model):
    """Characters [start, end) of the document text; page (1-based) and bbox for PDFs."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = Field(default=None, ge=1, description="1-based page of the first character (PDF)")
    bbox: list[float] | None = Field(
        default=None,
        min_length=4,
        max_length=4,
        description="[x0, top, x1, bottom] in PDF points on `page`, origin top-left",
    )


class Warning_(_Model):
    code: str = Field(description="catalogue code, W…")
    message: str
    span: Span | None = None


# --------------------------------------------------------------------------- source


class SourceFormat(str, Enum):
    TXT = "txt"
    MD = "md"
    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"


class Source(_Model):
    path: str | None = None
    sha256: str = Field(description="SHA-256 of the input bytes")
    format: SourceFormat
    encoding: str | None = Field(default=None, description="detected text encoding (text and HTML inputs)")
    encoding_confidence: Literal["declared", "bom", "valid", "guessed"] | None = None
    pages: int | None = None
    engine: str | None = Field(
        default=None,
        description="which path made the text: pdfium (the PDF's text layer), pdfium+ocr (some pages OCR'd from a "
        "PDFium rendering), python-docx, docx-xml (a package python-docx refused, read from its XML), lxml, text",
    )
    size_bytes: int = 0
    offset_map: list[tuple[int, int]] | None = Field(
        default=None,
        description="characters of the decoded source that plain-text ingest took out (line breaks of hard-wrapped "
        "paragraphs, spaces inside spaced-out digits): (offset in text, characters removed right before it). A text "
        "offset i is source offset i + the removed characters of every entry at or before i (before i for a span's end).",
    )


# --------------------------------------------------------------------------- metadata


class DocNumber(_Model):
    """发文字号 such as 青府发〔2022〕25号."""

    raw: str
    issuer_code: str | None = None
    year: int | None = None
    serial: int | None = None
    span: Span | None = None


class Metadata(_Model):
    notice_title: str | None = None
    title: str | None = None
    doc_number: DocNumber | None = None
    index_number: str | None = None
    disclosure: str | None = None
    issuer: str | None = None
    date: str | None = Field(default=None, description="成文日期 at the signature, ISO YYYY-MM-DD")
    header_date: str | None = Field(default=None, description="a date printed in the header block, ISO")
    print_date: str | None = Field(default=None, description="印发日期 of the 版记 line (… 2025年5月6日印发), ISO; "
                                   "never the 成文日期")
    recipients: str | None = Field(default=None, description="主送机关 as written")
    jurisdiction: str | None = Field(
        default=None,
        description="the place the document speaks for (普陀区, 示例市, 浙江省), from the issuer or title; "
        "cross-document checks compare figures only within one jurisdiction",
    )
    recipients_list: list[str] = Field(default_factory=list)
    spans: dict[str, Span] = Field(default_factory=dict, description="where each field was read")


# --------------------------------------------------------------------------- sections


class Section(_Model):
    id: str
    level: int = Field(ge=1, description="depth in the document's own heading tree, 1 = top")
    marker: str = Field(description="numbering style: 一、 (一) 1. (1) 甲、 附件 # …; 篇/部分/章/节/条 as numbered (第三章); clauses of standards 1 / 1.1 / 1.1.1")
    number: str = Field(description="the number as written, e.g. 一, 1")
    title: str
    span: Span = Field(description="the heading")
    body_span: Span = Field(description="from after the heading to the end of the section")
    parent_id: str | None = None
    run_in: bool = Field(default=False, description="the title ends in 。 and the body follows on the line")


# --------------------------------------------------------------------------- tables


class Relation(str, Enum):
    EQ = "="
    GE = ">="
    LE = "<="
    GT = ">"
    LT = "<"
    APPROX = "~"


class Normalized(_Model):
    value: float
    unit: str


class TableValue(_Model):
    """A base or target cell read into a value."""

    value: float | None = Field(default=None, description="the number as printed, in the row's unit")
    decimals: int | None = None
    year: int | None = None
    relation: Relation = Relation.EQ
    kind: str = Field(default="level", description="level, annual_growth_pct, multiple, cumulative, qualitative")
    raw: str = ""
    text: str | None = Field(default=None, description="qualitative target text (基本消除, 全覆盖)")
    normalized: Normalized | None = None
    note: str | None = Field(default=None, description="footnote marker kept apart from the value")
    value_high: float | None = Field(default=None, description="upper end of a range (5-6, 5~6, [5,6]); `value` is the lower")
    unit: str | None = Field(
        default=None, description="a unit or scale printed in the cell itself (1300亿元, 2.5万); `value` is in the row's unit"
    )
    span: Span | None = None


class Cell(_Model):
    text: str
    column: int = Field(ge=0)
    role: str | None = Field(default=None, description="column role: seq, category, indicator, attribute, unit, base, target, annual_growth, cumulative, actual, past_target, long_term, note, detail, task, period, value, growth_yoy")
    filled: bool = Field(default=False, description="filled down from a merged cell above")
    rowspan: int = Field(default=1, ge=1)
    colspan: int = Field(default=1, ge=1)
    span: Span | None = None


class Column(_Model):
    name: str
    role: str | None = Field(default=None, description="seq, category, indicator, attribute, unit, base, target, annual_growth, cumulative, actual, past_target, long_term, note, detail, task, period, value, growth_yoy; null when the header is not understood")
    year: int | None = None
    span: Span | None = None


class Row(_Model):
    cells: list[Cell] = Field(default_factory=list)
    seq: int | None = None
    category: str | None = None
    indicator: str | None = None
    attribute: str | None = None
    unit: str | None = None
    base: TableValue | None = None
    target: TableValue | None = None
    extra: dict[str, TableValue] = Field(default_factory=dict, description="other value columns by name")
    span: Span | None = None


class Table(_Model):
    id: str
    kind: Literal["indicator", "generic"] = "generic"
    title: str | None = None
    layout: str | None = Field(default=None, description="pipe, markdown, tsv, cell_per_line, pdf_grid, docx, html")
    span: Span
    columns: list[Column] = Field(default_factory=list)
    rows: list[Row] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    section_id: str | None = None


# --------------------------------------------------------------------------- claims


class ClaimKind(str, Enum):
    AMOUNT = "amount"
    COUNT = "count"
    PERCENT = "percent"
    SHARE = "share"
    GROWTH_YOY = "growth_yoy"
    CAGR = "cagr"
    MULTIPLE = "multiple"
    PP_CHANGE = "pp_change"
    TARGET = "target"
    RATIO = "ratio"
    RANGE = "range"
    FRACTION = "fraction"
    PER_UNIT = "per_unit"
    DOUBLING = "doubling"
    YEAR = "year"
    DATE = "date"


class Period(_Model):
    label: str | None = Field(default=None, description="as written: “十三五”期间, 到2025年, 上年")
    start: int | None = None
    end: int | None = None


class Claim(_Model):
    id: str
    span: Span
    raw: str
    value: float | None = Field(description="the number as printed, in `unit`")
    value_high: float | None = Field(default=None, description="upper end of a range")
    decimals: int = Field(default=0, description="printed precision: 80.80 has 2")
    unit: str | None = None
    scale: str | None = Field(default=None, description="万, 亿, 万亿, 千 …")
    normalized: Normalized | None = None
    kind: ClaimKind
    qualifier: str | None = Field(default=None, description="达, 超, 突破, 约, 累计, 年均 … as written")
    bound: Relation = Relation.EQ
    period: Period | None = None
    year: int | None = None
    subject: str | None = None
    metric: str | None = None
    section_id: str | None = None
    table_id: str | None = Field(default=None, description="set when the figure is a table cell")
    approximate: bool = False
    cumulative: bool = False
    negative: bool = Field(default=False, description="下降/减少: the change is a decrease (value stays positive)")
    parts: list[float] = Field(default_factory=list, description="the terms of a ratio such as 2.5:36.7:60.7")
    target: bool = Field(default=False, description="a goal (到2025年…, 目标, 力争), not an outcome")
    dimension: str | None = Field(
        default=None, description="what the unit measures: money, people, count, area, percent, pp, multiple …"
    )
    per: str | None = Field(default=None, description="denominator of a per-unit figure: 每万人, /10万, /人")
    change: bool = Field(default=False, description="the figure is a change (增加3.4万人, 增长5%), not a level")


# --------------------------------------------------------------------------- checks


class Verdict(str, Enum):
    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    UNVERIFIABLE = "unverifiable"


class Severity(str, Enum):
    MINOR = "minor"
    MAJOR = "major"


class Computed(_Model):
    value: float | None = None
    low: float | None = None
    high: float | None = None


class EvidenceStrength(str, Enum):
    """How firmly the document's structure establishes a relation.

    complete: the structure ties the figures exactly (all parts of a named whole, a share of an
    exactly named whole, the same indicator and period); only such a check may be `inconsistent`.
    partial: a plausible pairing that the structure does not close (a list that may be partial,
    a whole found by name only). weak: a pairing by proximity or similarity alone.
    """

    COMPLETE = "complete"
    PARTIAL = "partial"
    WEAK = "weak"


class EvidenceFigure(_Model):
    """One stated figure a check used, with the part it plays in the relation."""

    role: str = Field(description="whole, part, share, level, base, change, rate, reference, target, count, …")
    text: str = Field(description="the figure as printed")
    span: Span
    claim_id: str | None = None


class Evidence(_Model):
    """Why the checker related these figures and how far that relation is established."""

    strength: EvidenceStrength
    basis: str = Field(description="the structure that ties the figures, in words (其中 group, 分别 pairing, …)")
    reason: str | None = Field(default=None, description="why the check stays unverifiable or is only partial")
    figures: list[EvidenceFigure] = Field(default_factory=list)


class ReviewState(str, Enum):
    CONFIRMED = "confirmed"
    FALSE_ALARM = "false-alarm"
    REVISION = "revision"


class Review(_Model):
    """A fact-checker's decision on a check, recorded with `gazette review` (OUT_DIR/reviews.jsonl)."""

    state: ReviewState
    note: str | None = None
    by: str | None = Field(default=None, description="who decided")
    at: str = Field(description="when, ISO 8601 UTC")


class Check(_Model):
    id: str
    rule: str = Field(description="rule code, e.g. share, multiple_vs_cagr, sum_of_parts")
    kind: Literal["check", "implied"] = "check"
    verdict: Verdict
    claim_ids: list[str] = Field(default_factory=list)
    spans: list[Span] = Field(default_factory=list, description="every stated figure the check used")
    stated: float | str | None = None
    computed: Computed | None = None
    explanation: str
    severity: Severity | None = None
    exemption: str | None = Field(default=None, description="why a check was relaxed or skipped")
    evidence: Evidence | None = Field(default=None, description="the structure behind the check (schema 1.3.0)")
    fingerprint: str | None = Field(
        default=None,
        description="identifies the check across re-runs and renumbering: rule + its figures' text and context",
    )
    review: Review | None = Field(default=None, description="the latest review decision on this check, if any")


# --------------------------------------------------------------------------- the document


class Document(_Model):
    schema_name: Literal["gazette.document"] = SCHEMA_NAME
    schema_version: str = SCHEMA_VERSION
    source: Source
    text: str
    metadata: Metadata = Field(default_factory=Metadata)
    sections: list[Section] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    warnings: list[Warning_] = Field(default_factory=list)
    provenance: list[PageChars] | None = Field(
        default=None,
        description="PDF only: per page, the text range it covers (boxes are on each item's span)",
    )
    # kept between stages, never serialised: PDF character boxes and font-based heading hints
    _boxes: list | None = PrivateAttr(default=None)
    _heading_hints: dict[int, int] = PrivateAttr(default_factory=dict)


class PageChars(_Model):
    page: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    width: float | None = None
    height: float | None = None


Document.model_rebuild()
