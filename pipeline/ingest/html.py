"""HTML ingest (issue #6): not built yet."""

from __future__ import annotations

from pathlib import Path

from ..errors import Code, InputError
from .base import RawDocument


def read_html(path: Path) -> RawDocument:
    raise InputError(Code.UNSUPPORTED_FORMAT, "html input is not supported yet", path=str(path))
