"""Write a Document as JSON: spans checked (full schema validation on demand), written atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..model import Document
from ..schema import check_spans, validate_document_text


def document_json(doc: Document, *, validate: bool = False) -> str:
    """Exactly what the CLI writes: `Document.model_dump_json()`, spans checked against the text.

    The models are the schema's source, so what they dump fits the schema; the tests validate every
    corpus and dev-set output against it. Full validation at run time cost a fifth of the parsing,
    so it runs on demand (`validate=True`, `gazette validate`)."""
    check_spans(doc)
    text = doc.model_dump_json()
    if validate:
        validate_document_text(text)
    return text


def _file_mode() -> int:
    """The mode open() would give a new file (0666 less the umask); mkstemp's 0600 would hide
    outputs from other users of a shared results folder."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


FILE_MODE = _file_mode()


def write_atomic(path: Path, content: str) -> None:
    """temp file in the same directory + rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
