"""What one document may cost, checked before the expensive work starts.

Each limit has a documented default (README, "Limits"), an environment variable and a CLI flag
that sets the variable, so batch workers (forked or spawned) inherit it. A document over a
limit is refused with its own code; nothing is truncated silently.

| limit | default | variable | refused with |
|---|---|---|---|
| file size on disk | 200 MB | GAZETTE_MAX_FILE_MB | E008 |
| unpacked size (DOCX members, HTML page) | 100 MB | GAZETTE_MAX_UNPACKED_MB | E011 |
| characters of document text | 3,000,000 | GAZETTE_MAX_CHARS | E009 |
| pages of a PDF | 1,000 | GAZETTE_MAX_PAGES | E010 |
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import Code, InputError, UsageError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limit:
    name: str  # the CLI flag without dashes
    env: str
    default: int
    unit: int  # bytes per configured unit (MB limits), 1 for counts
    help: str


FILE_SIZE = Limit("max-file-mb", "GAZETTE_MAX_FILE_MB", 200, MB, "largest input file on disk, in MB")
UNPACKED = Limit("max-unpacked-mb", "GAZETTE_MAX_UNPACKED_MB", 100, MB, "largest unpacked content (DOCX members, HTML page), in MB")
CHARS = Limit("max-chars", "GAZETTE_MAX_CHARS", 3_000_000, 1, "most characters of document text")
PAGES = Limit("max-pages", "GAZETTE_MAX_PAGES", 1000, 1, "most pages of a PDF")
ALL = (FILE_SIZE, UNPACKED, CHARS, PAGES)

# the most bytes one character can take in any encoding we decode (UTF-32): a text file larger
# than this many bytes per allowed character is refused without being read
MAX_BYTES_PER_CHAR = 4


def value(limit: Limit) -> int:
    """The limit in bytes (or a count): from its environment variable, else the default."""
    raw = os.environ.get(limit.env, "").strip()
    if not raw:
        return limit.default * limit.unit
    try:
        number = int(raw)
    except ValueError:
        number = -1
    if number <= 0:
        raise UsageError(Code.BAD_ARGUMENT, f"{limit.env}={raw!r}: expected a positive whole number")
    return number * limit.unit


def set_value(limit: Limit, number: int) -> None:
    """Configure a limit for this process and every worker it starts."""
    if number <= 0:
        raise UsageError(Code.BAD_ARGUMENT, f"--{limit.name} {number}: expected a positive whole number")
    os.environ[limit.env] = str(number)


def _shown(limit: Limit, amount: int) -> str:
    return f"{amount / limit.unit:.1f} MB" if limit.unit > 1 else f"{amount:,}"


def _refuse(limit: Limit, code: Code, amount: int, path: str | None, what: str) -> None:
    cap = value(limit)
    if amount > cap:
        raise InputError(code, f"{what} {_shown(limit, amount)} > {_shown(limit, cap)}; see --{limit.name} or {limit.env}", path=path)


def check_file_size(size: int, path: str | None) -> None:
    _refuse(FILE_SIZE, Code.TOO_LARGE, size, path, "file")


def check_text_file_size(size: int, path: str | None) -> None:
    """A text file whose bytes cannot fit the character limit in any encoding: refuse unread."""
    cap = value(CHARS) * MAX_BYTES_PER_CHAR
    if size > cap:
        raise InputError(
            Code.TOO_MANY_CHARS,
            f"{size:,} bytes hold more than {value(CHARS):,} characters; see --{CHARS.name} or {CHARS.env}",
            path=path,
        )


def check_chars(count: int, path: str | None) -> None:
    _refuse(CHARS, Code.TOO_MANY_CHARS, count, path, "characters")


def check_pages(count: int, path: str | None) -> None:
    _refuse(PAGES, Code.TOO_MANY_PAGES, count, path, "pages")


def check_unpacked(size: int, path: str | None) -> None:
    _refuse(UNPACKED, Code.UNPACKED_TOO_LARGE, size, path, "unpacked")


def check_zip(path: Path) -> None:
    """Refuse a ZIP container (DOCX) whose members unpack to more than the limit, from the
    sizes its directory declares; zipfile never returns more than the declared size of a member
    (a member that holds more fails its CRC check), so the declared total bounds what is read."""
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(max(0, info.file_size) for info in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # the reader reports the damage with its own code
    check_unpacked(total, str(path))


XML_ERR_NO_MEMORY = 2  # libxml2's error code when an allocation failed


def reraise_out_of_memory(exc: BaseException) -> None:
    """Raise MemoryError when `exc` is one in disguise: libxml2 reports a failed allocation (an
    address-space cap reached, --max-memory) as XMLSyntaxError code 2, which a reader must not
    call a damaged file."""
    if isinstance(exc, MemoryError):
        raise exc
    if type(exc).__name__ == "XMLSyntaxError" and getattr(exc, "code", None) == XML_ERR_NO_MEMORY:
        raise MemoryError(str(exc)) from exc
