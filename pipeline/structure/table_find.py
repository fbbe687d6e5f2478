"""Find tables in plain text: pipe and Markdown rows, tab-separated rows, one cell per line.

Each found table is a header (cells) plus a body: a flat stream of cells and, for line
layouts, which cells start a row. A table continues over page furniture (`- 12 -`, `续表`) and
over a repeated header row, so a table broken by a page is one table, not two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .table_columns import (
    GROUP_WORDS,
    Role,
    header_role,
    header_year,
    is_bare_year,
    is_indicator_header,
    is_list_header,
    squash,
)
from .table_generic import collect, layout_of, place
from .table_lines import (
    Line,
    TextCell,
    is_md_separator,
    is_note,
    is_page_furniture,
    is_stop,
    is_title,
    lines_of,
    nonblank,
    notes_after,
    split_cells,
    trimmed,
)


@dataclass
class TextTable:
    layout: str
    header: list[TextCell]
    cells: list[TextCell] = field(default_factory=list)
    row_starts: set[int] | None = None  # None: rows are for the aligner to find
    breaks: set[int] = field(default_factory=set)  # cells after a blank line (soft row starts)
    title: str | None = None
    unit: str | None = None  # from a `单位:亿元` line above the table
    sub: list[TextCell] = field(default_factory=list)  # a second header row (`| | 2020年 | 2025年 |`)
    notes: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    # a project or task list (table_generic.py): (cell index, column) per row, and its group rows
    placed: list[list[tuple[int, int]]] | None = None
    groups: set[int] = field(default_factory=set)
    merged: set[int] = field(default_factory=set)  # columns whose cells span rows (类型, 牵头单位)


def _row_layout(line: str) -> str | None:
    if "\t" in line and len([c for c in line.split("\t") if c.strip()]) >= 2:
        return "tsv"
    if line.count("|") >= 2:
        return "markdown" if line.lstrip().startswith("|") else "pipe"
    return None


_UNIT_LINE = re.compile(r"^\(?(?:计量)?单位\s*[:：]\s*([^()\s]{1,8})\)?$")


def _title_before(lines: list[Line], k: int) -> tuple[str | None, str | None]:
    """The title line above a table and the unit of a `单位:亿元` line between them."""
    unit = None
    for j in range(k - 1, max(-1, k - 5), -1):
        if lines[j].blank:
            continue
        m = _UNIT_LINE.match(lines[j].text.strip())
        if m and unit is None:
            unit = m.group(1)
            continue
        return (lines[j].text.strip() if is_title(lines[j].text) else None), unit
    return None, unit


def _is_sub_header(cells: list[TextCell]) -> bool:
    """A second header row: only header words and years, at least one of them."""
    texts = [c.text for c in cells if c.text]
    return bool(texts) and all(header_role(t) is not None and not t.isdigit() for t in texts)


def _same_texts(a: list[TextCell], b: list[TextCell]) -> bool:
    return [c.text for c in a] == [c.text for c in b]


def _line_table(lines: list[Line], k: int, layout: str) -> tuple[TextTable, int]:
    """The line-layout table whose header is lines[k]; returns it and the next line index."""
    sep = "\t" if layout == "tsv" else "|"
    header = split_cells(lines[k], sep)
    title, unit = _title_before(lines, k)
    table = TextTable(layout=layout, header=header, row_starts=set(), title=title, unit=unit)
    table.start, table.end = header[0].start, header[-1].end
    j, last = k + 1, k
    while j < len(lines):
        text = lines[j].text
        if lines[j].blank or is_page_furniture(text) or is_md_separator(text):
            j += 1
            continue
        if _row_layout(text) is None:
            break
        cells = split_cells(lines[j], sep, outer=layout == "markdown")
        if not table.cells and not table.sub and _is_sub_header(cells):
            table.sub = cells
        elif cells and not _same_texts(cells, header):  # a header repeated after a page break
            assert table.row_starts is not None
            table.row_starts.add(len(table.cells))
            table.cells.extend(cells)
            table.end = cells[-1].end
        j, last = j + 1, j
    notes, after = notes_after(lines, last + 1)
    table.notes = [n.text.strip() for n in notes]
    return table, max(after, last + 1)


def _cell_items(lines: list[Line], k: int, grouped: bool) -> list[tuple[TextCell, int, bool]]:
    """Cells from lines[k:] with the index of their last line and whether a blank line came
    before them: each non-blank line, or (when cells are separated by blank lines) each run of
    non-blank lines, up to a stop line."""
    out: list[tuple[TextCell, int, bool]] = []
    j = k
    after_blank = False
    while j < len(lines):
        if lines[j].blank or is_page_furniture(lines[j].text):
            after_blank = after_blank or lines[j].blank
            j += 1
            continue
        if is_stop(lines[j].text) and not _label_before_row(lines, j):
            break
        first = j
        while grouped and j + 1 < len(lines) and not lines[j + 1].blank and not is_stop(lines[j + 1].text):
            j += 1
        out.append((_cut(lines[first : j + 1]), j, after_blank))
        after_blank = False
        j += 1
    return out


def _label_before_row(lines: list[Line], j: int) -> bool:
    """A short heading-like line (`一、经济发展`) followed by a 序号 is a category row, not the
    end of the table."""
    s = lines[j].text.strip()
    if len(s) > 16 or "。" in s or is_note(s):
        return False
    nxt = next(nonblank(lines, j + 1), None)
    return nxt is not None and lines[nxt].text.strip().isdigit() and len(lines[nxt].text.strip()) <= 3


def _cut(lines: list[Line]) -> TextCell:
    """One cell over consecutive lines, trimmed."""
    start = lines[0].start
    text = "\n".join(ln.text for ln in lines)
    cell = trimmed(text, 0, len(text))
    return TextCell(cell.text, cell.start + start, cell.end + start)


def _header_run(lines: list[Line], k: int) -> tuple[list[tuple[TextCell, int]], bool]:
    """Header cells from lines[k] while each is a header word, with the index of its last line,
    and whether cells are separated by blank lines (then a cell may wrap: `基础值\n(2020年)`)."""
    grouped = k + 1 < len(lines) and (lines[k + 1].blank or _pair_then_blank(lines, k))
    run: list[tuple[TextCell, int]] = []
    j = k
    while j < len(lines):
        if lines[j].blank:
            j += 1
            continue
        first = j
        while grouped and j + 1 < len(lines) and not lines[j + 1].blank:
            j += 1
        if j > first and header_role(_cut(lines[first : j + 1]).text) is None and all(
                header_role(ln.text) for ln in lines[first : j + 1]):
            j = first  # `指标名称` / `指标属性` on adjacent lines: two header cells, not one wrapped
        cell = _cut(lines[first : j + 1])
        if not grouped and header_role(cell.text) is None and not cell.text.isdigit():
            # a header cell wrapped over two lines in a web copy: `“十四五”` then `完成值`
            # (never a first row's 序号: `1` then `地区生产总值年均增速` is data, not a header)
            nxt = next(nonblank(lines, j + 1), None)
            if nxt is not None and nxt == j + 1 and header_role(cell.text + lines[nxt].text.strip()):
                j = nxt
                cell = _cut(lines[first : j + 1])
        if run and squash(cell.text) in GROUP_WORDS:
            j += 1  # `指标值` over `现状 | 近期规划`: a spanning cell, not a column
            continue
        if len(cell.text) > 20 or header_role(cell.text) is None or (not run and header_role(cell.text) is Role.NOTE):
            break  # a table never opens on its remarks column: `“十四五”指标完成情况` is a title
        run.append((cell, j))
        j += 1
    return run, grouped


def _pair_then_blank(lines: list[Line], k: int) -> bool:
    """Cells separated by blank lines whose first two header cells share a block (a web copy
    that lost the line between them): `指标名称` / `指标属性`, a blank line, `目标值(2025年)`."""
    if k + 2 >= len(lines) or lines[k + 1].blank or not lines[k + 2].blank:
        return False
    nxt = next(nonblank(lines, k + 2), None)
    pair = (lines[k].text, lines[k + 1].text)
    return nxt is not None and all(header_role(t) for t in pair) and header_role(lines[nxt].text) is not None


def _year_sub(run: list[tuple[TextCell, int]]) -> tuple[list[tuple[TextCell, int]], list[TextCell]]:
    """`现状 | 近期规划 | (2025年) | (2030年)`: bare years after as many value headers without a
    year are a second header row under them (read as `现状(2025年)`), not columns of their own."""
    names = [c.text for c, _ in run]
    n = 0
    while n < len(run) and is_bare_year(names[len(run) - 1 - n]):
        n += 1
    if not n or n == len(run):
        return run, []
    head = run[: len(run) - n]
    slots = [i for i, (c, _) in enumerate(head)
             if header_role(c.text) in (Role.BASE, Role.TARGET) and header_year(c.text) is None]
    if len(slots) != n:
        return run, []
    sub = [TextCell("", c.start, c.start) for c, _ in head]
    for i, (c, _) in zip(slots, run[len(head):], strict=True):
        sub[i] = c
    return head, sub


def _cell_table(lines: list[Line], k: int, run: list[tuple[TextCell, int]], grouped: bool) -> tuple[TextTable, int]:
    items = _cell_items(lines, run[-1][1] + 1, grouped)
    run, sub = _year_sub(run)
    header = [c for c, _ in run]
    cells: list[TextCell] = []
    breaks: set[int] = set()
    last_line = run[-1][1]
    i = 0
    while i < len(items):
        window = [c for c, _, _ in items[i : i + len(header)]]
        if _same_texts(window, header):  # the header again after a page break
            i += len(header)
            continue
        if items[i][2] and not grouped:  # rows as blocks of lines: a blank line hints a new row
            breaks.add(len(cells))
        cells.append(items[i][0])
        last_line = items[i][1]
        i += 1
    title, unit = _title_before(lines, k)
    table = TextTable(layout="cell_per_line", header=header, cells=cells, row_starts=None, breaks=breaks,
                      title=title, unit=unit, start=header[0].start, sub=sub)
    table.end = cells[-1].end if cells else header[-1].end
    notes, after = notes_after(lines, last_line + 1)
    table.notes = [n.text.strip() for n in notes]
    return table, max(after, last_line + 1)


def _list_table(lines: list[Line], k: int, run: list[tuple[TextCell, int]], grouped: bool) -> tuple[TextTable, int]:
    """A project or task list: rows by 序号 and group rows (table_generic.py)."""
    header = [c for c, _ in run]
    lay = layout_of(header)
    body = collect(lines, run[-1][1] + 1, grouped, header, lay)
    title, unit = _title_before(lines, k)
    table = TextTable(layout="cell_per_line", header=header, cells=body.cells, title=title, unit=unit,
                      start=header[0].start, placed=place(body, lay), merged=lay.merged,
                      groups={i for i, r in enumerate(body.rows) if r.group})
    table.end = body.cells[-1].end if body.cells else header[-1].end
    last = max(body.last_line, run[-1][1])
    notes, after = notes_after(lines, last + 1)
    table.notes = [n.text.strip() for n in notes]
    return table, max(after, last + 1)


def find_text_tables(text: str, taken: list[tuple[int, int]] | None = None) -> list[TextTable]:
    """Every table in `text` outside the `taken` ranges (grids the ingest already found)."""
    lines = lines_of(text)
    taken = taken or []
    out: list[TextTable] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        if line.blank or any(a <= line.start < b for a, b in taken):
            k += 1
            continue
        layout = _row_layout(line.text)
        if layout:
            table, nxt = _line_table(lines, k, layout)
            if table.cells:
                out.append(table)
                k = nxt
                continue
        run, grouped = _header_run(lines, k)
        roles: list[Role | None] = [header_role(c.text) for c, _ in run]
        if len(run) >= 3 and (is_indicator_header(roles) or is_list_header(roles)):
            build = _cell_table if is_indicator_header(roles) else _list_table
            table, nxt = build(lines, k, run, grouped)
            if table.cells:
                out.append(table)
                k = nxt
                continue
        k += 1
    return out
