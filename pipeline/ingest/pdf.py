"""PDF ingest (issue #6): not built yet."""

from __future__ import annotations

from pathlib import Path

from ..errors import Code, InputError
from .base import RawDocument


def read_pdf(path: Path) -> RawDocument:
    raise InputError(Code.UNSUPPORTED_FORMAT, "pdf input is not supported yet", path=str(path))
