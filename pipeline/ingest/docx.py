"""DOCX ingest (python-docx): body paragraphs and tables in document order.

- A paragraph is one line. Heading styles (`Heading N`, `标题 N`) or an outline level give a
  heading hint; `Title` does not (it is the document title, not a section).
- Tables become GridTables with `gridSpan` (colspan) and `vMerge` (rowspan) resolved, emitted one
  row per line with cells separated by ` | ` (a merged cell appears once, in its first row).
- Footnotes are kept apart from the body: the reference stays inline as `[n]` (as printed) and the
  notes follow the body after a separator line `----------`, each as `[n] text`.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from ..errors import Code, InputError
from ..model import SourceFormat
from .base import RawDocument
from .emit import GridSlot, TextBuilder, join_pieces, make_source, squeeze
from .text import clean_decoded

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTE_SEPARATOR = "----------"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_TABLE_TITLE = re.compile(r"(表|指标|一览|清单|情况)")


def _run_text(p: Any) -> str:
    out: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == W + "t":
            out.append(el.text or "")
        elif tag == W + "tab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append(" ")
        elif tag == W + "footnoteReference":
            out.append(f"[{el.get(W + 'id')}]")
    return squeeze("".join(out))


def _heading_level(p: Any, styles: dict[str, tuple[str, int | None]]) -> int | None:
    ppr = p.find(W + "pPr")
    if ppr is not None:
        outline = ppr.find(W + "outlineLvl")
        if outline is not None and (val := outline.get(W + "val", "")).isdigit() and int(val) < 9:
            return int(val) + 1
        style = ppr.find(W + "pStyle")
        if style is not None:
            name, level = styles.get(style.get(W + "val", ""), ("", None))
            return level
    return None


def _style_levels(doc: Any) -> dict[str, tuple[str, int | None]]:
    out: dict[str, tuple[str, int | None]] = {}
    for st in doc.styles:
        name = st.name or ""
        m = _HEADING_STYLE.match(name.strip())
        out[st.style_id] = (name, int(m.group(1)) if m else None)
    return out


def _cell_text(tc: Any) -> str:
    return join_pieces([_run_text(p) for p in tc.iter(W + "p")])


def _table_slots(tbl: Any) -> list[GridSlot]:
    """Resolve gridSpan/vMerge into origin cells with row/col spans."""
    slots: list[GridSlot] = []
    open_by_col: dict[int, GridSlot] = {}  # the slot a vMerge continuation extends
    for r, tr in enumerate(tbl.findall(W + "tr")):
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


def _footnotes(doc: Any) -> list[tuple[str, str]]:
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            from lxml import etree

            root = etree.fromstring(rel.target_part.blob)
            notes = []
            for fn in root.findall(W + "footnote"):
                if fn.get(W + "type") in (None, "normal"):
                    text = join_pieces([_run_text(p) for p in fn.iter(W + "p")])
                    if text:
                        notes.append((fn.get(W + "id", ""), text))
            return notes
    return []


def _open(path: Path) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(Code.DOCX_CORRUPT, type(exc).__name__, path=str(path)) from None
    except Exception as exc:  # lxml or zip errors deep inside python-docx: still a damaged file
        raise InputError(Code.DOCX_CORRUPT, f"{type(exc).__name__}: {exc}"[:200], path=str(path)) from None


def read_docx(path: Path) -> RawDocument:
    data = path.read_bytes()
    doc = _open(path)
    styles = _style_levels(doc)
    out = TextBuilder()
    last_line = ""
    for child in doc.element.body.iterchildren():
        if child.tag == W + "p":
            last_line = _run_text(child)
            out.line(last_line, heading=_heading_level(child, styles))
        elif child.tag == W + "tbl":
            title = last_line if last_line and len(last_line) <= 40 and _TABLE_TITLE.search(last_line) else None
            out.grid(_table_slots(child), title=title, layout="docx")
            last_line = ""
    notes = _footnotes(doc)
    if notes:
        out.line(FOOTNOTE_SEPARATOR)
        for num, text in notes:
            out.line(f"[{num}] {text}")
    text, warnings = clean_decoded(out.text)
    if len(text) != len(out.text):
        raise InputError(Code.DOCX_CORRUPT, "control characters changed the text length", path=str(path))
    if not text.strip():
        raise InputError(Code.EMPTY_INPUT, path=str(path))
    source = make_source(data, str(path), SourceFormat.DOCX, "python-docx")
    return RawDocument(text=text, source=source, warnings=warnings, tables=out.tables, heading_hints=out.heading_hints)
