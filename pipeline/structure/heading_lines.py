"""Lines of the document text with their offsets, and the YAML front matter of scraped pages.

Only '\n' separates lines; a trailing '\r' (CRLF input) and surrounding spaces are not part of a
line's content, so spans never depend on the line ending.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_STRIP = " \t\r\ufeff\u200b"


@dataclass(frozen=True)
class Line:
    index: int
    start: int  # first non-space character
    end: int  # after the last non-space character
    text: str  # text[start:end]


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-blank lines of text[start:end] with stripped content spans."""
    stop = len(text) if end is None else end
    out: list[Line] = []
    pos = start
    while pos < stop:
        nl = text.find("\n", pos, stop)
        line_end = stop if nl < 0 else nl
        raw = text[pos:line_end]
        lead = len(raw) - len(raw.lstrip(_STRIP))
        content = raw.strip(_STRIP)
        if content:
            s = pos + lead
            out.append(Line(len(out), s, s + len(content), content))
        pos = line_end + 1
    return out


@dataclass(frozen=True)
class FrontMatter:
    start: int
    end: int  # after the closing '---' line
    fields: dict[str, tuple[str, int, int]]  # key → (value, start, end) in the text


_FM_FIELD = regex.compile(r"^(?P<key>[^:\n]{1,20}):[ \t]*(?P<value>[^\n]*?)[ \t\r]*$", regex.M)


def front_matter(text: str) -> FrontMatter | None:
    """The `---` … `---` YAML block that opens scraped markdown, if any."""
    m = regex.match(r"[\ufeff \t\r\n]*---[ \t\r]*\n", text)
    if not m:
        return None
    close = regex.compile(r"^---[ \t\r]*$", regex.M).search(text, m.end())
    if not close or close.start() - m.end() > 4000:
        return None
    fields = {}
    for f in _FM_FIELD.finditer(text, m.end(), close.start()):
        fields[f.group("key").strip()] = (f.group("value"), f.start("value"), f.end("value"))
    end = close.end()
    return FrontMatter(m.start(), end + 1 if text[end : end + 1] == "\n" else end, fields)


def body_lines(text: str) -> list[Line]:
    """Lines after any front matter, without the scraper's `>` notes right after it."""
    fm = front_matter(text)
    lines = split_lines(text, fm.end if fm else 0)
    if fm:
        while lines and lines[0].text.startswith(">"):
            lines.pop(0)
    return [Line(i, ln.start, ln.end, ln.text) for i, ln in enumerate(lines)]
