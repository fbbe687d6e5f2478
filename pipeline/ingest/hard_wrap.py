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

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .line_starts import INDENT, starts_block

MIN_LINE = 8  # shorter lines (titles, signatures, table cells) say nothing about the width
MIN_WIDTH, MAX_WIDTH = 16, 80  # a PDF page's 30–40 CJK characters to a mail client's 72–80 columns
FRONT_MATTER_LINES = 60
_LATIN_END = re.compile(r"[A-Za-z]$")
_LATIN_START = re.compile(r"[A-Za-z]")
MAX_WHOLE = 0.5  # share of the lines at the width that may end a sentence or a table row
_WHOLE_END = re.compile(r"[。！？!?；;|]\s*$")
LONG = 2 * MAX_WIDTH + 2
_COLUMN_GAP = re.compile(r"(?<=[^\s，。、；：！？,.;:!?])[ \u3000]{2,}(?=\S)")  # not a sentence's loose spacing
MIN_WRAPPED = 5  # lines at the width needed before a text counts as wrapped
MIN_SHARE = 0.3  # share of the longer lines at the width
SLACK = 2


def display_width(line: str) -> int:
    """Width in ems as a page sets it: ASCII (digits, Latin, half-width punctuation) takes half."""
    return (2 * len(line) - len(line.encode("ascii", "ignore")) + 1) // 2


Measure = Callable[[str], int]
MEASURES: tuple[Measure, ...] = (len, display_width)  # a cut after N characters, or at a page's margin


def wrap_width(lines: list[str]) -> tuple[Measure, int, int] | None:
    """(measure, width, slack) of a hard-wrapped text, or None when its lines are not cut at one
    width. A text cut after N characters has lines of N characters; one set on a page has lines of
    one width in ems, however many digits they hold. The measure under which more lines share the
    width wins. Lines at the width that mostly end a sentence (or a table row) are whole lines of
    similar length, not wrapped ones: a wrap falls mid-sentence."""
    best: tuple[int, Measure, int, int] | None = None
    for measure in MEASURES:
        # a line over twice the widest width is long in any measure: count it, do not measure it
        sized = [(n, ln) for ln in lines if (n := measure(ln) if len(ln) <= LONG else LONG) >= MIN_LINE]
        if not sized:
            return None
        lengths = Counter(n for n, _ in sized)
        width, _ = max(lengths.items(), key=lambda kv: (kv[1], kv[0]))
        at_width = [ln for n, ln in sized if width - SLACK <= n <= width + SLACK]
        near = len(at_width)
        if not MIN_WIDTH <= width <= MAX_WIDTH or near < MIN_WRAPPED or near < MIN_SHARE * len(sized):
            continue
        if sum(1 for ln in at_width if _WHOLE_END.search(ln)) > MAX_WHOLE * near:
            continue
        exact = lengths[width] >= 0.9 * near
        if best is None or near > best[0]:
            best = near, measure, width, 0 if exact else SLACK
    return None if best is None else best[1:]


def _table_row(line: str) -> bool:
    """A row of a table: cells between bars or tabs, or set apart by wide gaps (a space-aligned
    table's rows may all have one length, and must not run together)."""
    inner = line.strip()
    return "|" in inner or "\t" in inner or len(_COLUMN_GAP.findall(inner)) >= 2


@dataclass
class _Row:
    """The logical line being re-joined (a wrapped paragraph or table row), kept as the few facts
    the join rules ask about, so that a long paragraph costs no copying."""

    table: bool = False
    bars: int = 0
    head: str = ""  # its first non-space character
    tail: str = ""  # its last non-space character so far

    def add(self, body: str) -> None:
        inner = body.strip()
        self.table = self.table or ("|" in body or "\t" in body if self.head else _table_row(body))
        self.bars += body.count("|")
        self.head = self.head or inner[:1]
        self.tail = inner[-1:] or self.tail

    def open_cells(self, closed: bool, cells: int) -> bool:
        """A table row cut before its end: rows of this table close with a bar (`| a | b |`, or
        the row above did) and this one has not reached its closing bar (or the bars of the row above)."""
        return (closed or self.head == "|") and (self.tail != "|" or self.bars < cells)


def _front_matter_end(lines: list[str]) -> int:
    """Index of the first line after a leading `---` … `---` block (0 when there is none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    close = next((i for i in range(1, min(len(lines), FRONT_MATTER_LINES)) if lines[i].strip() == "---"), None)
    return 0 if close is None else close + 1


def rejoin_hard_wraps(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with wrapped paragraphs re-joined, and the offset map: (offset in the result,
    characters removed right before it) for every join. Unwrapped text comes back unchanged."""
    lines = text.split("\n")
    got = wrap_width([ln.rstrip() for ln in lines])
    if got is None:
        return text, []
    measure, width, slack = got
    fixed = _front_matter_end(lines)  # YAML front matter of scraped markdown: lines of its own
    out: list[str] = []
    removed: list[tuple[int, int]] = []
    pos = 0  # length of the result so far
    row = _Row()
    closed, cells = False, 0  # did the last whole table row end with a bar, and how many it had
    for i, line in enumerate(lines):
        body = line if row.table or _table_row(line) else line.rstrip()  # a cell's padding stays
        row.add(body)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if (nxt is not None and i + 1 >= fixed
                and _continues(measure(line), measure(body), row, nxt, (width, slack), (closed, cells))):
            # two Latin words meet: the line break becomes the space between them, one character
            # for one; elsewhere it goes
            space = _LATIN_END.search(body) is not None and _LATIN_START.match(nxt) is not None
            out.append(body + " " if space else body)
            pos += len(body)
            if gone := len(line) - len(body) + (0 if space else 1):
                removed.append((pos, gone))
            pos += space
            continue
        if row.table:
            closed, cells = row.tail == "|", row.bars
        row = _Row()
        out.append(line if nxt is None else line + "\n")
        pos += len(out[-1])
    return "".join(out), removed


def _continues(printed: int, content: int, row: _Row, nxt: str, wrap: tuple[int, int], table: tuple[bool, int]) -> bool:
    """Does the logical line `row` go on in `nxt`? `printed` and `content` are the widths of its last
    printed line with and without trailing spaces."""
    head = nxt.strip()
    width, slack = wrap
    if not any(width - slack <= n <= width + width // 2 for n in (printed, content)):
        return False
    if not head or INDENT.match(nxt):
        return False
    if row.table:  # a row of a table that closes its rows goes on until its closing bar
        return row.open_cells(*table) and (table[0] or not head.startswith("|"))
    if _table_row(nxt) or starts_block(head):
        return False
    return row.head != "#"
