"""Project and task lists copied one cell per line (序号 | 项目类型 | 项目名称 | 具体内容 | 目标).

Their cells are words and sentences, so the value-driven aligner has nothing to go by; what
orders them is the 序号 (1, 2, 3 … each starts a row), a group row (`一` / `水安全`, or a bare
`水安全` before a 序号) and the width of the header. A row short of cells has merged cells on its
left (a 项目类型 spanning several projects), else an empty cell at its end. A sentence
is a cell while its row is still open; once a row is full, anything but a new row, a group row or
(without 序号) a short cell ends the table — so the paragraph after the list is not swallowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .table_lines import Line, TextCell, is_note, is_page_furniture, trimmed

_SEQ = re.compile(r"\d{1,3}")
_GROUP = re.compile(r"[一二三四五六七八九十]{1,3}|[一二三四五六七八九十]{1,3}[、.]\S{1,16}")
_HEADING = re.compile(r"^(第[一二三四五六七八九十百\d]+[章节篇条]|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|附件|附表)")
# a deadline cell: 2026年12月, 2026—2028年, 持续推进, 长期, 年底前
_WHEN = re.compile(r"^\S{0,12}(\d{4}\s*年|年底|年内|月底|季度|持续|长期|常态|逐年)\S{0,8}$")
_SHORT = 30  # a row name, a unit, a deadline: not a paragraph


@dataclass
class ListRow:
    cells: list[int] = field(default_factory=list)  # indices into the table's cells
    group: bool = False  # a group row (`一` / `水安全`): names the rows below it


@dataclass
class ListBody:
    cells: list[TextCell] = field(default_factory=list)
    rows: list[ListRow] = field(default_factory=list)
    last_line: int = 0


def _items(lines: list[Line], k: int, grouped: bool) -> list[tuple[TextCell, int]]:
    """Cells from lines[k:] (a run of non-blank lines each when cells are blank-separated) with
    the index of their last line; up to a heading or a note."""
    out: list[tuple[TextCell, int]] = []
    j = k
    while j < len(lines):
        if lines[j].blank or is_page_furniture(lines[j].text):
            j += 1
            continue
        first = j
        while grouped and j + 1 < len(lines) and not lines[j + 1].blank:
            j += 1
        text = "\n".join(ln.text for ln in lines[first : j + 1])
        cell = trimmed(text, 0, len(text))
        out.append((TextCell(cell.text, cell.start + lines[first].start, cell.end + lines[first].start), j))
        j += 1
    return out


def _is_seq(text: str, prev: int, open_row: bool) -> bool:
    """A 序号: the next number, or any later one (an excerpt skips rows) once the row is done."""
    if not _SEQ.fullmatch(text):
        return False
    n = int(text)
    return n == prev + 1 or (n > prev and not open_row)


def collect(lines: list[Line], k: int, grouped: bool, header: list[TextCell], has_seq: bool) -> ListBody:
    """The rows of a list table whose body starts at lines[k]."""
    width = len(header)
    items = _items(lines, k, grouped)
    body = ListBody(last_line=k - 1)
    prev = 0
    i = 0
    while i < len(items):
        cell, last = items[i]
        t = cell.text
        if [c.text for c, _ in items[i : i + width]] == [h.text for h in header]:
            i += width  # the header again after a page break
            continue
        row = body.rows[-1] if body.rows else None
        full = row is not None and len(row.cells) >= (2 if row.group else width)
        open_row = row is not None and not row.group and not full
        nxt = items[i + 1][0].text if i + 1 < len(items) else ""
        if has_seq and _is_seq(t, prev, open_row):
            prev = int(t)
            body.rows.append(ListRow())
        elif _GROUP.fullmatch(t):
            body.rows.append(ListRow(group=True))
        elif row is not None and row.group and not full and not _HEADING.match(t) and len(t) <= _SHORT:
            pass  # the group's name after its numeral
        elif _HEADING.match(t) or is_note(t):
            break
        elif open_row:
            pass  # a cell of the row, sentences included
        elif len(t) <= _SHORT and "。" not in t and has_seq and _is_seq(nxt, prev, False):
            body.rows.append(ListRow(group=True))  # `水安全` alone before its first 序号
        elif not has_seq and len(t) <= _SHORT and "。" not in t and (row is None or full):
            body.rows.append(ListRow())
        else:
            break
        body.rows[-1].cells.append(len(body.cells))
        body.cells.append(cell)
        body.last_line = last
        i += 1
    return body


def place(body: ListBody, width: int, has_seq: bool, mergeable: list[int],
          period: int | None = None) -> list[list[tuple[int, int]]]:
    """(cell index, column) for every row. A row short of cells left out its merged cells (a
    类型 column, `mergeable`, spanning several rows) first, then empty ones: its 序号 keeps the
    first column, a deadline as last cell goes to the `period` column (完成时限), the rest left
    to right past the merged ones."""
    out: list[list[tuple[int, int]]] = []
    for row in body.rows:
        cells = row.cells
        if row.group or len(cells) >= width or not cells:
            out.append([(c, col) for col, c in enumerate(cells[:width])])
            continue
        head = cells[:1] if has_seq else []
        rest = cells[len(head):]
        tail: list[tuple[int, int]] = []
        if period is not None and rest and _WHEN.search(body.cells[rest[-1]].text):
            tail, rest = [(rest[-1], period)], rest[:-1]
        skip = set(mergeable[: width - len(cells)]) | {period}
        free = [col for col in range(len(head), width) if col not in skip]
        out.append([(c, 0) for c in head] + list(zip(rest, free, strict=False)) + tail)
    return out
