"""DOCX ingest (issue #6): not built yet."""

from __future__ import annotations

from pathlib import Path

from ..errors import Code, InputError
from .base import RawDocument


def read_docx(path: Path) -> RawDocument:
    raise InputError(Code.UNSUPPORTED_FORMAT, "docx input is not supported yet", path=str(path))
