"""Read a source file of any supported format into a RawDocument (text + provenance)."""

from __future__ import annotations

from pathlib import Path

from .. import limits
from ..errors import Code, InputError
from .base import RawDocument
from .paths import display_path
from .text import read_text_bytes, read_text_file

__all__ = ["RawDocument", "read_path", "read_text_bytes", "sniff_format"]


def sniff_format(path: Path, head: bytes) -> str:
    """The format by magic bytes first, extension second."""
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"  # a ZIP container; the DOCX reader says E111 when it is not a Word file
    low = head[:2048].lower()
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".shtml", ".xhtml") or b"<html" in low or b"<!doctype html" in low:
        return "html"
    if suffix in (".doc",) and head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    return "text"


def read_path(path: Path) -> RawDocument:
    """Dispatch on the sniffed format. Raises InputError with a catalogue code."""
    spath = display_path(str(path))
    try:
        raw = _read(path, spath)
    except InputError as exc:  # readers name the raw path; show the readable one
        exc.path = spath
        exc.args = (exc.one_line(),)
        raise
    raw.source.path = spath
    return raw


def _read(path: Path, spath: str) -> RawDocument:
    if not path.exists():
        raise InputError(Code.FILE_NOT_FOUND, path=spath)
    if path.is_dir():
        raise InputError(Code.IS_DIRECTORY, path=spath)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise InputError(Code.UNREADABLE, exc.strerror or str(exc), path=spath) from None
    if size == 0:
        raise InputError(Code.EMPTY_INPUT, path=spath)
    limits.check_file_size(size, spath)
    fmt = sniff_format(path, head)
    if fmt == "pdf":
        from .pdf import read_pdf

        return read_pdf(path)
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(path)
    if fmt == "html":
        from .html import read_html

        return read_html(path)
    if fmt == "doc":
        raise InputError(Code.UNSUPPORTED_FORMAT, "legacy .doc: save it as .docx or PDF", path=spath)
    limits.check_text_file_size(size, spath)
    return read_text_file(path)
