"""The Python API: parse a file or a string into a Document, running every stage in order.

ingest → normalise → metadata → sections → tables → claims → checks → provenance boxes.
Each stage is `Document -> Document` and reads only fields of stages before it. Heavy
resources (jieba, compiled grammars) load once per process on first use, so a second call pays
no start-up cost.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from . import limits
from .check.checker import run_checks
from .errors import Code, InputError
from .ingest import RawDocument, read_path
from .ingest.plain import prepare_plain_text
from .ingest.text import clean_decoded
from .model import Document, Source, SourceFormat
from .normalize import normalize
from .numbers.claims import extract_claims
from .provenance import attach_boxes
from .structure.metadata import extract_metadata
from .structure.sections import extract_sections
from .structure.tables import extract_tables

Stage = Callable[[Document], Document]
_SURROGATE = re.compile("[\ud800-\udfff]")

STAGES: list[tuple[str, Stage]] = [
    ("metadata", extract_metadata),
    ("sections", extract_sections),
    ("tables", extract_tables),
    ("claims", extract_claims),
    ("checks", run_checks),
]


def run_stages(doc: Document, *, until: str | None = None) -> Document:
    """Run the structure, numbers and check stages on a normalised document."""
    for name, stage in STAGES:
        doc = stage(doc)
        if name == until:
            break
    return attach_boxes(doc, doc._boxes)


def parse_raw(raw: RawDocument, *, until: str | None = None) -> Document:
    limits.check_chars(len(raw.text), raw.source.path)
    return run_stages(normalize(raw), until=until)


def parse_file(path: str | Path, *, until: str | None = None) -> Document:
    """Parse a .txt/.md/.pdf/.docx/.html file. Raises GazetteError subclasses."""
    return parse_raw(read_path(Path(path)), until=until)


def parse_bytes(data: bytes, name: str, *, until: str | None = None) -> Document:
    """Parse the bytes of a file that is not on this disk (standard input, a cluster task) under
    the file name `name`, whose extension helps sniff the format (magic bytes come first). The
    bytes go to a private temporary folder; `source.path` and any error name `name`."""
    import tempfile

    from .errors import GazetteError

    if not isinstance(data, (bytes, bytearray)):
        raise InputError(Code.NOT_TEXT, f"data is {type(data).__name__}, not bytes: use parse_text for a str", path=name)
    with tempfile.TemporaryDirectory(prefix="gazette-") as tmp:
        path = Path(tmp) / (Path(name).name or "input")
        path.write_bytes(data)
        try:
            doc = parse_file(path, until=until)
        except GazetteError as exc:
            exc.path = name
            raise
    doc.source.path = name
    return doc


def parse_text(text: str, name: str | None = None, *, until: str | None = None) -> Document:
    """Parse a document given as a string (already decoded). Raises InputError E012 for
    anything but a str of valid Unicode (bytes, a lone surrogate), E009 over the character limit."""
    _require_text(text, "text")
    if name is not None:
        _require_text(name, "name")
    limits.check_chars(len(text), name)
    cleaned, warnings = clean_decoded(text)
    if not cleaned.strip():
        raise InputError(Code.EMPTY_INPUT, path=name)
    cleaned, joins, wrapped = prepare_plain_text(cleaned)
    data = text.encode("utf-8")
    source = Source(
        path=name,
        sha256=hashlib.sha256(data).hexdigest(),
        format=SourceFormat.TXT,
        encoding=None,
        engine="string",
        size_bytes=len(data),
        offset_map=joins,
    )
    return parse_raw(RawDocument(text=cleaned, source=source, warnings=warnings + wrapped), until=until)


def _require_text(value: object, what: str) -> None:
    """A str that encodes as UTF-8: bytes must be decoded first (parse_bytes detects the
    encoding), and a lone surrogate (from a bad decode) has no UTF-8 form."""
    if not isinstance(value, str):
        hint = ": decode it first, or use parse_bytes" if isinstance(value, (bytes, bytearray)) else ""
        raise InputError(Code.NOT_TEXT, f"{what} is {type(value).__name__}, not str{hint}")
    bad = _SURROGATE.search(value)
    if bad:
        raise InputError(Code.NOT_TEXT, f"{what} has a lone surrogate U+{ord(bad.group()):04X} at {bad.start()}")
