"""The view model of one report page: plain data the jinja2 template renders (and escapes).

Nothing here produces HTML: every string is document text or a label, escaped by the
template's autoescape. The text is split into blocks — runs of text, and indicator tables
rendered in place of their source lines when every highlight inside them sits in a cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Check, Document, Section, Table
from .csv_out import SectionFinder
from .report_marks import Colour, MarkIndex, pieces, verdict_counts

SUMMARY_LIMIT = 6  # checks listed in a hover title
NAV_LABEL = 40  # characters of a heading shown in the navigation pane
SHORT_CELL = 6  # cells up to this many characters do not wrap (预期性, 亿元, ≥2000)
TABLE_RESIDUE = " |\t"
CAPTION_WINDOW = 200  # characters before a table searched for its printed title


@dataclass
class PieceView:
    text: str
    cls: str = ""
    marks: str = ""  # space-separated mark keys
    title: str = ""
    anchors: list[str] = field(default_factory=list)


@dataclass
class CellView:
    pieces: list[PieceView]
    cls: str = ""
    colspan: int = 1
    rowspan: int = 1


@dataclass
class TableView:
    index: int  # in Document.tables
    anchor: str
    title: str
    header: list[CellView]
    rows: list[list[CellView]]
    notes: list[str]


@dataclass
class Block:
    kind: str  # "text" or "table"
    pieces: list[PieceView] = field(default_factory=list)
    table: TableView | None = None


@dataclass
class Figure:
    key: str
    raw: str
    role: str  # stated, used, implied from
    colour: str


@dataclass
class EvidenceView:
    strength: str
    basis: str
    reason: str
    figures: list[tuple[str, str]]  # (role, figure as printed)


@dataclass
class CheckView:
    key: str
    id: str
    rule: str
    kind: str
    verdict: str
    stated: str
    computed: str
    explanation: str
    severity: str
    exemption: str
    figures: list[Figure]
    primary: str | None
    evidence: EvidenceView | None = None
    review: str = ""  # confirmed, false-alarm, revision or ""
    review_note: str = ""
    fingerprint: str = ""
    section: str = ""  # the innermost heading the check's first figure sits under


@dataclass
class NavNode:
    anchor: str
    label: str
    red: int
    children: list[NavNode] = field(default_factory=list)


def fmt_num(value: float | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    text = f"{value:.6g}"
    return f"{value:,.0f}" if "e" in text else text


def fmt_computed(chk: Check) -> str:
    comp = chk.computed
    if comp is None:
        return ""
    parts = []
    if comp.value is not None:
        parts.append(fmt_num(comp.value))
    if comp.low is not None or comp.high is not None:
        parts.append(f"[{fmt_num(comp.low) or '−∞'}, {fmt_num(comp.high) or '+∞'}]")
    return " ".join(parts)


class ReportView:
    """Everything the page template needs, computed once from the document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.index = MarkIndex(doc)
        self.section_anchor = {s.id: f"s{i}" for i, s in enumerate(doc.sections)}
        self._sections = SectionFinder([s.model_dump() for s in doc.sections])
        self.checks = [self._check_view(i, c) for i, c in enumerate(doc.checks)]
        self._titles: dict[frozenset[int], str] = {}
        self.blocks = self._blocks()
        self.nav = self._nav()

    # ------------------------------------------------------------------ checks

    def _check_view(self, i: int, chk: Check) -> CheckView:
        links = self.index.links[i]
        figures = []
        for m in links.marks:
            mark = self.index.marks[m]
            role = "implied from" if chk.kind == "implied" else ("stated" if m == links.primary else "used")
            figures.append(Figure(mark.key, mark.raw, role, mark.colour.value))
        primary = self.index.marks[links.primary].key if links.primary is not None else None
        ev = chk.evidence
        evidence = None if ev is None else EvidenceView(
            str(ev.strength), ev.basis, ev.reason or "", [(f.role, f.text) for f in ev.figures])
        return CheckView(
            key=f"k{i}", id=chk.id, rule=chk.rule, kind=chk.kind, verdict=str(chk.verdict),
            stated=fmt_num(chk.stated), computed=fmt_computed(chk), explanation=chk.explanation,
            severity=str(chk.severity or ""), exemption=chk.exemption or "", figures=figures, primary=primary,
            evidence=evidence, review=str(chk.review.state) if chk.review else "",
            review_note=(chk.review.note or "") if chk.review else "", fingerprint=chk.fingerprint or "",
            section=self._section_label(min((s.start for s in chk.spans), default=None)),
        )

    def _section_label(self, pos: int | None) -> str:
        """`一 发展基础` of the innermost section around `pos` (the same lookup as findings.csv)."""
        section = self._sections.at(pos)
        if section is None:
            return ""
        span = section["span"]
        label = f"{section['number']} {section['title']}".strip() if section["title"] else self.doc.text[
            span["start"]:span["end"]].strip()
        return label if len(label) <= NAV_LABEL else label[: NAV_LABEL - 1] + "…"

    def summary(self) -> dict[str, Any]:
        counts = verdict_counts(self.doc.checks)
        checked = sum(counts.values())
        implied = sum(1 for c in self.doc.checks if c.kind == "implied")
        unchecked = sum(1 for m in self.index.marks if m.claim is not None and not m.checks)
        return {
            "checked": checked,
            "implied": implied,
            "claims": len(self.doc.claims),
            "unchecked": unchecked,
            "tables": len(self.doc.tables),
            "sections": len(self.doc.sections),
            **counts,
            "sentence": f"{checked} relations checked, {counts['inconsistent']} inconsistent, "
            f"{implied} implied figures",
        }

    def problems(self) -> list[CheckView]:
        return [c for c in self.checks if c.kind == "check" and c.verdict == "inconsistent"]

    def implied(self) -> list[CheckView]:
        """Figures the text implies but does not state (a base from a level and a multiple, …)."""
        return [c for c in self.checks if c.kind == "implied"]

    def findings(self) -> list[CheckView]:
        """What a fact-checker goes through: inconsistent and unverifiable checks (not implied figures)."""
        return [c for c in self.checks if c.kind == "check" and c.verdict in ("inconsistent", "unverifiable")]

    def data(self) -> dict[str, Any]:
        """Mark → colour, claim facts and check keys, read by the page script (JSON, escaped)."""
        marks = {}
        for mark in self.index.marks:
            claim = mark.claim
            marks[mark.key] = {
                "raw": mark.raw,
                "colour": mark.colour.value,
                "checks": [f"k{i}" for i in mark.checks],
                "claim": None if claim is None else {
                    "id": claim.id, "kind": str(claim.kind), "value": fmt_num(claim.value),
                    "unit": claim.unit or "", "qualifier": claim.qualifier or "",
                },
            }
        return {"marks": marks}

    # ------------------------------------------------------------------ text

    def _title(self, active: frozenset[int]) -> str:
        if active not in self._titles:
            lines = []
            for m in sorted(active):
                mark = self.index.marks[m]
                for i in mark.checks[:SUMMARY_LIMIT]:
                    chk = self.doc.checks[i]
                    lines.append(f"{mark.raw} — {chk.rule}: {chk.verdict}. {chk.explanation}")
                if not mark.checks:
                    lines.append(f"{mark.raw} — not checked")
            self._titles[active] = "\n".join(lines)
        return self._titles[active]

    def _pieces(self, start: int, end: int) -> list[PieceView]:
        marks = self.index.marks
        mark_ids = self.index.marks_within_range(start, end)
        heads = [s for s in self.doc.sections if start <= s.span.start < end]
        layers = [(marks[m].start, marks[m].end) for m in mark_ids]
        layers += [(s.span.start, s.span.end) for s in heads]
        anchors: dict[int, list[str]] = {}
        for m in mark_ids:
            if marks[m].start >= start:  # a mark cut by a block boundary is anchored once
                anchors.setdefault(marks[m].start, []).append(marks[m].key)
        for s in heads:
            anchors.setdefault(s.span.start, []).append(self.section_anchor[s.id])
        out = []
        for p in pieces(start, end, layers):
            active = frozenset(mark_ids[i] for i in p.layers if i < len(mark_ids))
            heading = [heads[i - len(mark_ids)] for i in p.layers if i >= len(mark_ids)]
            cls = [f"h h{min(heading[0].level, 4)}"] if heading else []
            view = PieceView(self.doc.text[p.start:p.end], anchors=anchors.pop(p.start, []))
            if active:
                colour = min((marks[m].colour for m in active), key=list(Colour).index)
                cls.insert(0, f"hl v-{colour.value}")
                if any(marks[m].involved for m in active):
                    cls.append("involved")
                view.marks = " ".join(marks[m].key for m in sorted(active))
                view.title = self._title(active)
            view.cls = " ".join(cls)
            out.append(view)
        return out

    def _blocks(self) -> list[Block]:
        blocks: list[Block] = []
        pos = 0
        for t_index, table in sorted(enumerate(self.doc.tables), key=lambda it: it[1].span.start):
            if table.span.start < pos or not self._renderable(table):
                continue  # overlapping or cell-less tables stay as highlighted source text
            if pos < table.span.start:
                blocks.append(Block("text", self._pieces(pos, table.span.start)))
            blocks.append(Block("table", table=self._table(t_index, table)))
            pos = self._after_table(table.span.end)
        if pos < len(self.doc.text):
            blocks.append(Block("text", self._pieces(pos, len(self.doc.text))))
        return blocks

    def _after_table(self, end: int) -> int:
        """Swallow the closing pipes and spaces a pipe table leaves on its last line (no marks there)."""
        text = self.doc.text
        pos = end
        while pos < len(text) and text[pos] in TABLE_RESIDUE:
            pos += 1
        return pos if not self.index.marks_within_range(end, pos) else end

    def _cell_spans(self, table: Table) -> list[tuple[int, int]]:
        spans = [(c.span.start, c.span.end) for r in table.rows for c in r.cells if c.span]
        return spans + [(c.span.start, c.span.end) for c in table.columns if c.span]

    def _renderable(self, table: Table) -> bool:
        """In place of its lines only if no highlight or heading would be lost outside the cells."""
        if not table.rows:
            return False
        spans = self._cell_spans(table)
        inside = [(m.start, m.end) for m in self.index.marks if table.span.start <= m.start < table.span.end]
        inside += [(s.span.start, s.span.end) for s in self.doc.sections
                   if table.span.start <= s.span.start < table.span.end]
        return all(any(a <= s and e <= b for a, b in spans) for s, e in inside)

    def _cell(self, text: str, span_start: int | None, span_end: int | None, **kw: Any) -> CellView:
        if span_start is None or span_end is None:
            return CellView([PieceView(text)], **kw)
        cell_pieces = self._pieces(span_start, span_end)
        colours = [self.index.marks[m].colour for m in self.index.marks_within_range(span_start, span_end)]
        checked = [c for c in colours if c is not Colour.UNCHECKED]
        cls = f"c-{min(checked, key=list(Colour).index).value}" if checked else ""
        return CellView(cell_pieces, cls=cls, **kw)

    def _table(self, t_index: int, table: Table) -> TableView:
        header = [self._cell(c.name, *(c.span and (c.span.start, c.span.end) or (None, None)))
                  for c in table.columns]
        rows = []
        below: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
        for row in table.rows:
            covered = {col for col, left in below.items() if left > 0}
            below = {col: left - 1 for col, left in below.items() if left > 1}
            cells: list[CellView] = []
            column = 0
            for c in sorted(row.cells, key=lambda c: c.column):
                if c.column in covered:
                    column = c.column + c.colspan
                    continue  # a filled-down copy: the merged cell above draws it
                # pad skipped columns so that values stay under their header
                cells.extend(CellView([], cls="empty") for col in range(column, c.column) if col not in covered)
                span = (c.span.start, c.span.end) if c.span else (None, None)
                view = self._cell(c.text, *span, colspan=c.colspan, rowspan=c.rowspan)
                extra = ["filled"] * c.filled + ["short"] * (len(c.text) <= SHORT_CELL)
                view.cls = " ".join([view.cls, *extra]).strip()
                cells.append(view)
                for col in range(c.column, c.column + c.colspan):
                    if c.rowspan > 1:
                        below[col] = c.rowspan - 1
                column = c.column + c.colspan
            rows.append(cells)
        # notes read from the text are shown there already, with their highlights
        notes = [n for n in table.notes if n not in self.doc.text]
        # a title printed just above the table is already in the text: no second caption
        title = table.title or ""
        if title and title in self.doc.text[max(0, table.span.start - CAPTION_WINDOW):table.span.start]:
            title = ""
        return TableView(t_index, f"t{t_index}", title, header, rows, notes)

    # ------------------------------------------------------------------ navigation

    def _red_in(self, section: Section) -> int:
        start, end = section.span.start, max(section.body_span.end, section.span.end)
        return sum(1 for m in self.index.marks_within_range(start, end)
                   if self.index.marks[m].colour is Colour.INCONSISTENT)

    def _nav(self) -> list[NavNode]:
        nodes: dict[str, NavNode] = {}
        roots: list[NavNode] = []
        for s in self.doc.sections:
            label = self.doc.text[s.span.start:s.span.end].strip() or f"{s.number} {s.title}"
            label = label if len(label) <= NAV_LABEL else label[: NAV_LABEL - 1] + "…"
            node = NavNode(self.section_anchor[s.id], label, self._red_in(s))
            parent = nodes.get(s.parent_id) if s.parent_id else None
            (parent.children if parent else roots).append(node)
            nodes[s.id] = node
        return roots

    def metadata_rows(self) -> list[tuple[str, str]]:
        md = self.doc.metadata
        src = self.doc.source
        rows: Sequence[tuple[str, str | None]] = [
            ("标题 title", md.title),
            ("通知标题 notice title", md.notice_title),
            ("发文字号 document number", md.doc_number.raw if md.doc_number else None),
            ("索引号 index number", md.index_number),
            ("公开属性 disclosure", md.disclosure),
            ("发文机关 issuer", md.issuer),
            ("成文日期 date", md.date),
            ("主送机关 recipients", md.recipients),
            ("source", f"{src.path or '(string)'} · {src.format} · {src.encoding or ''}".strip(" ·")),
            ("sha256", src.sha256[:16] + "…"),
            ("schema", f"{self.doc.schema_name} {self.doc.schema_version}"),
        ]
        return [(k, v) for k, v in rows if v]
