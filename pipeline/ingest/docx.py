"""DOCX ingest (python-docx): body paragraphs and tables in document order.

- A paragraph is one line (see docx_text for breaks, tabs, fields, text boxes, tracked changes);
  a paragraph numbered by Word gets its label (`一、`, `1.`) in front (docx_numbering). Heading
  styles (`Heading N`, `标题 N`) or an outline level give a heading hint; `Title` does not.
- Tables become GridTables with `gridSpan` (colspan) and `vMerge` (rowspan) resolved, emitted one
  row per line with cells separated by ` | ` (a merged cell appears once, in its first row). A
  one-column table is a frame (发文机关标识, a layout box): its content is read as body. A table
  continued after a page break with its header row repeated is joined to the part before it.
- Footnotes and endnotes are kept apart from the body: the reference stays inline as `[n]` and the
  notes follow the body after a separator line `----------`, each as `[n] text`.
- A package python-docx refuses (a converter's package listing a part it does not contain) is read
  straight from the ZIP (docx_xml): the same reader on the same XML, engine `docx-xml`, W111.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import limits
from ..errors import Code, InputError
from ..model import SourceFormat, Warning_
from .base import RawDocument
from .docx_numbering import Numbering
from .docx_text import paragraph_lines, plain_text
from .docx_xml import DocxParts, parts_of_document, read_package
from .emit import GridSlot, TextBuilder, join_pieces, make_source
from .text import clean_decoded

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTE_SEPARATOR = "----------"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_TABLE_TITLE = re.compile(r"(表|指标|一览|清单|情况)")
_CONTINUED = re.compile(r"^[(（]?续表\s*\d*[)）]?$")  # 续表 between the parts of a split table


def _heading_level(p: Any, styles: dict[str, int | None]) -> int | None:
    ppr = p.find(W + "pPr")
    if ppr is not None:
        outline = ppr.find(W + "outlineLvl")
        if outline is not None and (val := outline.get(W + "val", "")).isdigit() and int(val) < 9:
            return int(val) + 1
        style = ppr.find(W + "pStyle")
        if style is not None:
            return styles.get(style.get(W + "val", ""))
    return None


def _style_levels(styles: Any | None) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for st in styles.findall(W + "style") if styles is not None else ():
        name = st.find(W + "name")
        m = _HEADING_STYLE.match((name.get(W + "val", "") if name is not None else "").strip())
        out[st.get(W + "styleId", "")] = int(m.group(1)) if m else None
    return out


def _cell_text(tc: Any) -> str:
    return join_pieces([plain_text(p) for p in tc.iter(W + "p")])


def _rows(tbl: Any) -> list[Any]:
    return list(tbl.findall(W + "tr"))


def _table_slots(rows: list[Any]) -> list[GridSlot]:
    """Resolve gridSpan/vMerge into origin cells with row/col spans."""
    slots: list[GridSlot] = []
    open_by_col: dict[int, GridSlot] = {}  # the slot a vMerge continuation extends
    for r, tr in enumerate(rows):
        col = 0
        trpr = tr.find(W + "trPr")
        before = trpr.find(W + "gridBefore") if trpr is not None else None
        if before is not None:
            col += int(before.get(W + "val", "0") or 0)
        for tc in tr.findall(W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span, vmerge = 1, None
            if tcpr is not None:
                gs = tcpr.find(W + "gridSpan")
                if gs is not None:
                    span = int(gs.get(W + "val", "1") or 1)
                vm = tcpr.find(W + "vMerge")
                if vm is not None:
                    vmerge = vm.get(W + "val", "continue")
            if vmerge == "continue" and col in open_by_col:
                open_by_col[col].rowspan = r - open_by_col[col].row + 1
            else:
                slot = GridSlot(_cell_text(tc), r, col, 1, span)
                slots.append(slot)
                open_by_col[col] = slot
            col += span
    return slots


def _is_frame(tbl: Any) -> bool:
    """One cell per row: a box around body text or around another table, not a data grid."""
    return all(len(tr.findall(W + "tc")) <= 1 for tr in _rows(tbl))


def _row_texts(tr: Any) -> list[str]:
    return [_cell_text(tc) for tc in tr.findall(W + "tc")]


@dataclass
class _Body:
    """Body items in order: ("line", text, hint) and ("table", rows, title); tables joined."""

    styles: dict[str, int | None]
    numbering: Numbering
    items: list[tuple[str, Any, Any]] = field(default_factory=list)
    last_line: str = ""
    gap: bool = False  # only empty paragraphs (or 续表) since the last table

    def paragraph(self, p: Any) -> None:
        boxes, lines = paragraph_lines(p)
        for box in boxes:
            self.container(box)
        label = self.numbering.label(p)
        if label and lines:
            lines[0] = label + lines[0]
        hint = _heading_level(p, self.styles)
        for line in lines:
            if self.gap and _CONTINUED.match(line):
                continue
            self.items.append(("line", line, hint))
            self.last_line = line
            self.gap = False

    def table(self, tbl: Any) -> None:
        if _is_frame(tbl):
            for tc in tbl.iter(W + "tc"):
                if tc.getparent().getparent() is tbl:
                    self.container(tc)
            return
        rows = _rows(tbl)
        prev = self.items[-1] if self.items and self.gap else None
        if prev and prev[0] == "table" and rows and _row_texts(rows[0]) == _row_texts(prev[1][0]):
            prev[1].extend(rows[1:])  # the header row repeated on the next page
            return
        line = self.last_line
        title = line if line and len(line) <= 40 and _TABLE_TITLE.search(line) else None
        self.items.append(("table", rows, title))
        self.last_line = ""
        self.gap = True

    def container(self, el: Any) -> None:
        for child in el.iterchildren():
            if child.tag == W + "p":
                self.paragraph(child)
            elif child.tag == W + "tbl":
                self.table(child)
            elif child.tag == W + "sdt":  # content controls wrap ordinary body content
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.container(content)


def _notes(roots: list[Any]) -> list[tuple[str, str]]:
    """Footnotes, then endnotes: (id, text) of every real note."""
    notes: list[tuple[str, str]] = []
    for root in roots:
        kind = root.tag[len(W) : -1]  # footnotes -> footnote
        for fn in root.findall(W + kind):
            if fn.get(W + "type") in (None, "normal"):
                text = join_pieces([plain_text(p) for p in fn.iter(W + "p")])
                if text:
                    notes.append((fn.get(W + "id", ""), text))
    return notes


def _parts(path: Path) -> tuple[DocxParts, str, list[Warning_]]:
    """The package's parts by python-docx, or straight from the ZIP when python-docx refuses it
    (a converter's package that lists a part it does not contain); the engine; a warning."""
    import docx

    try:
        return parts_of_document(docx.Document(str(path))), "python-docx", []
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - any refusal: the direct reader finds the real cause or reads it
        limits.reraise_out_of_memory(exc)
        refused = f"{type(exc).__name__}: {exc}"[:120]
    parts = read_package(path)
    missing = f"lists parts it does not contain ({', '.join(parts.missing[:5])})" if parts.missing else f"was refused by python-docx ({refused})"
    warning = Warning_(code=Code.DOCX_READ_DIRECTLY.value, message=f"the package {missing}: its XML was read directly")
    return parts, "docx-xml", [warning]


def read_docx(path: Path) -> RawDocument:
    limits.check_zip(path)  # before python-docx unpacks anything
    data = path.read_bytes()
    parts, engine, read_warnings = _parts(path)
    body = _Body(_style_levels(parts.styles), Numbering.of(parts.numbering, parts.styles))
    body.container(parts.body)
    out = TextBuilder()
    for kind, value, extra in body.items:
        if kind == "line":
            out.line(value, heading=extra)
        else:
            out.grid(_table_slots(value), title=extra, layout="docx")
    notes = _notes(parts.notes)
    if notes:
        out.line(FOOTNOTE_SEPARATOR)
        for num, text in notes:
            out.line(f"[{num}] {text}")
    text, warnings = clean_decoded(out.text)
    if len(text) != len(out.text):
        raise InputError(Code.DOCX_CORRUPT, "control characters changed the text length", path=str(path))
    if not text.strip():
        raise InputError(Code.EMPTY_INPUT, path=str(path))
    source = make_source(data, str(path), SourceFormat.DOCX, engine)
    return RawDocument(text=text, source=source, warnings=read_warnings + warnings, tables=out.tables, heading_hints=out.heading_hints)
