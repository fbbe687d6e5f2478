"""Plain text hard-wrapped at a fixed width (text pulled out of a PDF, a mail client's 72 columns):
find the width and re-join the wrapped paragraphs.

The width is the commonest length of the longer lines; the text counts as wrapped only when many
lines have that length (a text with one paragraph per line has lengths all over the place). A line
of the full width continues on the next line, as a PDF line that reaches the right margin does
(pdf_lines.py), unless the next line is blank or indented, opens a heading, a list item or a date
line (line_starts.py), or either line is a table row. A text cut at exactly the width (every full
line has it) allows no slack; one wrapped by a layout engine lets a full line run two characters
short (punctuation kept off a line start).

Re-joining only takes characters out (the line break and the spaces before it), never puts one in,
so the offset map is a list of (offset in the re-joined text, characters taken out before it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from .line_starts import INDENT, starts_block

MIN_LINE = 8  # shorter lines (titles, signatures, table cells) say nothing about the width
MIN_WIDTH, MAX_WIDTH = 16, 120
MIN_WRAPPED = 5  # lines at the width needed before a text counts as wrapped
MIN_SHARE = 0.3  # share of the longer lines at the width
SLACK = 2


def display_width(line: str) -> int:
    """Width in ems as a page sets it: ASCII (digits, Latin, half-width punctuation) takes half."""
    return (2 * len(line) - sum(1 for ch in line if ch < "\x80") + 1) // 2


Measure = Callable[[str], int]
MEASURES: tuple[Measure, ...] = (len, display_width)  # a cut after N characters, or at a page's margin


def wrap_width(lines: list[str]) -> tuple[Measure, int, int] | None:
    """(measure, width, slack) of a hard-wrapped text, or None when its lines are not cut at one
    width. A text cut after N characters has lines of N characters; one set on a page has lines of
    one width in ems, however many digits they hold. The measure under which more lines share the
    width wins."""
    best: tuple[int, Measure, int, int] | None = None
    for measure in MEASURES:
        lengths = Counter(n for ln in lines if (n := measure(ln)) >= MIN_LINE)
        if not lengths:
            return None
        width, _ = max(lengths.items(), key=lambda kv: (kv[1], kv[0]))
        near = sum(n for length, n in lengths.items() if width - SLACK <= length <= width + SLACK)
        if not MIN_WIDTH <= width <= MAX_WIDTH or near < MIN_WRAPPED or near < MIN_SHARE * sum(lengths.values()):
            continue
        exact = lengths[width] >= 0.9 * near
        if best is None or near > best[0]:
            best = near, measure, width, 0 if exact else SLACK
    return None if best is None else best[1:]


def _table_row(line: str) -> bool:
    inner = line.strip()
    return "|" in inner or "\t" in inner


def _row_open(row: str, closed: bool, cells: int) -> bool:
    """A table row cut before its end: rows of this table close with a bar (`| a | b |`, or the
    row above did) and this one has not reached its closing bar (or the bars of the row above)."""
    inner = row.strip()
    return (closed or inner.startswith("|")) and (not inner.endswith("|") or inner.count("|") < cells)


def rejoin_hard_wraps(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with wrapped paragraphs re-joined, and the offset map: (offset in the result,
    characters removed right before it) for every join. Unwrapped text comes back unchanged."""
    lines = text.split("\n")
    got = wrap_width([ln.rstrip() for ln in lines])
    if got is None:
        return text, []
    measure, width, slack = got
    out: list[str] = []
    removed: list[tuple[int, int]] = []
    pos = 0  # length of the result so far
    row = ""  # the logical line so far (a wrapped paragraph or table row)
    closed, cells = False, 0  # did the last whole table row end with a bar, and how many it had
    for i, line in enumerate(lines):
        body = line if _table_row(row + line) else line.rstrip()  # a cell's padding stays
        row += body
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and _continues(measure(line), measure(body), row, nxt, (width, slack), (closed, cells)):
            out.append(body)
            pos += len(body)
            removed.append((pos, len(line) - len(body) + 1))
            continue
        if _table_row(row):
            closed, cells = row.strip().endswith("|"), row.count("|")
        row = ""
        out.append(line if nxt is None else line + "\n")
        pos += len(out[-1])
    return "".join(out), removed


def _continues(printed: int, content: int, row: str, nxt: str, wrap: tuple[int, int], table: tuple[bool, int]) -> bool:
    """Does the logical line `row` go on in `nxt`? `printed` and `content` are the widths of its last
    printed line with and without trailing spaces."""
    head = nxt.strip()
    width, slack = wrap
    if not any(width - slack <= n <= width + width // 2 for n in (printed, content)):
        return False
    if not head or INDENT.match(nxt):
        return False
    if _table_row(row):  # a row of a table that closes its rows goes on until its closing bar
        return _row_open(row, *table) and (table[0] or not head.startswith("|"))
    if _table_row(nxt) or starts_block(head):
        return False
    return not row.lstrip().startswith("#")
