"""Project and task lists copied one cell per line (序号 | 项目类型 | 项目名称 | 具体内容 | 目标).

Their cells are words and sentences, so the value-driven aligner has nothing to go by; what
orders them is the 序号 (1, 2, 3 … each starts a row), group rows (`一` / `水安全`, `一、…`,
`行动一:…`), a short label right before a 序号 (the 任务类型 cell of a column left of 序号, or a
group name) and the width of the header. A row short of cells left out merged cells: a 类型
column on its left, a 牵头/推进单位 column on its right. A sentence is a cell while its row is
still open; once a row is full, anything but a new row, a group row or (without 序号) a short
cell ends the table — so the paragraph after the list is not swallowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .table_columns import Role, header_role
from .table_lines import Line, TextCell, is_note, is_page_furniture, trimmed

_SEQ = re.compile(r"\d{1,3}")
_NUMERAL = re.compile(r"[一二三四五六七八九十]{1,3}")
# a group row: `一、优化营商环境`, `行动一:再造发展新极行动`, `第二部分 …`
_LEAD = re.compile(r"(行动|任务|专项|领域)?[一二三四五六七八九十]{1,3}[、.:]|第[一二三四五六七八九十]{1,3}(部分|类|项|篇|章)")
_HEADING = re.compile(r"^(第[一二三四五六七八九十百\d]+[章节篇条]|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|附件|附表)")
# who does it: a 牵头单位 cell names offices (区规划资源局、各相关街镇); a 类型 label does not
_ORG = re.compile(r"局|委|办|厅|处|街道|街镇|镇|乡|集团|公司|政府|中心|专班|单位|部门|各区|管委会|院|所|站")
# a deadline cell: 2026年12月, 2026—2028年, 持续推进, 长期, 年底前
_WHEN = re.compile(r"^\S{0,12}(\d{4}\s*年|年底|年内|月底|季度|持续|长期|常态|逐年)\S{0,8}$")
_SHORT = 30  # a row name, a unit, a deadline: not a paragraph
_LABEL = 16  # a 类型 label or group name before a 序号


@dataclass
class ListLayout:
    """Where a list's 序号, merged 类型 and 单位 columns and its deadline column are."""

    width: int
    seq: int | None = None
    categories: list[int] = field(default_factory=list)
    owners: list[int] = field(default_factory=list)
    period: int | None = None

    @property
    def merged(self) -> set[int]:
        return set(self.categories) | set(self.owners)


def layout_of(header: list[TextCell]) -> ListLayout:
    roles = [header_role(c.text) for c in header]
    lay = ListLayout(width=len(header))
    lay.seq = roles.index(Role.SEQ) if Role.SEQ in roles else None
    lay.categories = [i for i, r in enumerate(roles) if r is Role.CATEGORY]
    lay.owners = [i for i, (r, c) in enumerate(zip(roles, header, strict=True))
                  if r is Role.NOTE and re.search(r"单位|部门|主体", c.text)]
    lay.period = roles.index(Role.PERIOD) if Role.PERIOD in roles else None
    return lay


@dataclass
class ListRow:
    cells: list[int] = field(default_factory=list)  # indices into the table's cells
    group: bool = False  # a group row (`一` / `水安全`): names the rows below it
    lead: bool = False  # starts with its 类型 label, the column left of 序号

    def own(self) -> int:
        return len(self.cells) - self.lead


@dataclass
class ListBody:
    cells: list[TextCell] = field(default_factory=list)
    rows: list[ListRow] = field(default_factory=list)
    last_line: int = 0


def _items(lines: list[Line], k: int, grouped: bool) -> list[tuple[TextCell, int]]:
    """Cells from lines[k:] (a run of non-blank lines each when cells are blank-separated) with
    the index of their last line."""
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


def _is_label(t: str, nxt: str, prev: int, row: ListRow | None, lay: ListLayout) -> bool:
    """A short label right before the next 序号: after a done row, or where an open row's next
    cell would be its 单位 (merged above, so left out) and the text names no office."""
    if len(t) > _LABEL or "。" in t or _WHEN.search(t) or not _is_seq(nxt, prev, False):
        return False
    if row is None or row.group or row.own() >= lay.width - (lay.seq or 0):
        return True
    return row.own() + (lay.seq or 0) in lay.owners and not _ORG.search(t)  # a merged 单位 cell left out


def collect(lines: list[Line], k: int, grouped: bool, header: list[TextCell], lay: ListLayout) -> ListBody:
    """The rows of a list table whose body starts at lines[k]."""
    items = _items(lines, k, grouped)
    body = ListBody(last_line=k - 1)
    span = lay.width - (lay.seq or 0)  # cells from the 序号 on
    prev = 0
    i = 0
    while i < len(items):
        cell, last = items[i]
        t = cell.text
        if [c.text for c, _ in items[i : i + lay.width]] == [h.text for h in header]:
            i += lay.width  # the header again after a page break
            continue
        row = body.rows[-1] if body.rows else None
        numbered = row is not None and not row.group and row.own() > 0
        open_row = numbered and row is not None and row.own() < span
        nxt = items[i + 1][0].text if i + 1 < len(items) else ""
        if lay.seq is not None and _is_seq(t, prev, open_row):
            prev = int(t)
            if not (row is not None and row.lead and row.own() == 0):
                body.rows.append(ListRow())
        elif _NUMERAL.fullmatch(t) or _LEAD.match(t):
            body.rows.append(ListRow(group=True))
        elif (row is not None and row.group and len(row.cells) == 1 and _NUMERAL.fullmatch(body.cells[row.cells[0]].text)
              and len(t) <= _SHORT and not _HEADING.match(t)):
            pass  # the group's name after its numeral
        elif _HEADING.match(t) or is_note(t):
            break
        elif lay.seq is not None and _is_label(t, nxt, prev, row, lay):
            body.rows.append(ListRow(lead=True) if lay.seq > 0 else ListRow(group=True))
        elif open_row:
            pass  # a cell of the row, sentences included
        elif lay.seq is None and len(t) <= _SHORT and "。" not in t and (row is None or row.own() >= span):
            body.rows.append(ListRow())
        else:
            break
        body.rows[-1].cells.append(len(body.cells))
        body.cells.append(cell)
        body.last_line = last
        i += 1
    return body


def place(body: ListBody, lay: ListLayout) -> list[list[tuple[int, int]]]:
    """(cell index, column) for every row. A row short of cells left out its merged cells — 类型
    columns on the left first, then 单位 columns from the right: its label keeps the column
    left of 序号, its 序号 its own, a deadline as last cell goes to the deadline column, the rest
    left to right past the merged ones."""
    out: list[list[tuple[int, int]]] = []
    s = lay.seq or 0
    for row in body.rows:
        cells = row.cells
        if row.group or not cells:
            out.append([(c, col) for col, c in enumerate(cells[: lay.width])])
            continue
        placed: list[tuple[int, int]] = []
        if row.lead:
            placed.append((cells[0], max(0, s - 1)))
            cells = cells[1:]
        head = cells[:1] if lay.seq is not None else []
        placed += [(c, s) for c in head]
        rest = cells[len(head):]
        free = list(range(s + len(head), lay.width))
        if lay.period is not None and rest and len(rest) < len(free) and _WHEN.search(body.cells[rest[-1]].text):
            placed.append((rest[-1], lay.period))
            rest, free = rest[:-1], [c for c in free if c != lay.period]
        drop = [c for c in lay.categories if c in free] + [c for c in reversed(lay.owners) if c in free]
        for col in drop[: max(0, len(free) - len(rest))]:
            free.remove(col)
        placed += list(zip(rest, free, strict=False))
        out.append(placed)
    return out
