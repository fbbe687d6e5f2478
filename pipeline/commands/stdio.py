"""`-` as a file name: a document (or, for check and report, a gazette JSON) read from standard
input, and output written to standard output. Formats are sniffed from the bytes (PDF, DOCX,
HTML), anything else is plain text.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from ..errors import Code, ContractError, GazetteError
from ..model import Document

STDIO = "-"
STDIN_NAME = "<stdin>"  # what messages call it; the JSON's source.path stays null


def is_stdio(arg: object) -> bool:
    return arg is not None and str(arg) == STDIO


def write_stdout(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def document_of_json(data: Any) -> Document:
    """A gazette JSON (already decoded) as a Document: schema-validated, then spans, ids,
    numbers and hash checked (integrity)."""
    from ..integrity import validate_document

    validate_document(data)
    try:
        return Document.model_validate(data)
    except ValueError as exc:
        raise ContractError(Code.SCHEMA_INVALID, str(exc)[:120]) from None


def _gazette_json(data: bytes) -> Any | None:
    """The decoded JSON when the bytes are a JSON object with a schema_version, else None."""
    if not data.lstrip()[:1] == b"{":
        return None
    try:
        decoded = json.loads(data.decode("utf-8-sig"))
    except ValueError:
        return None
    return decoded if isinstance(decoded, dict) and "schema_version" in decoded else None


def _parse_stdin(data: bytes) -> Document:
    from ..api import parse_bytes

    doc = parse_bytes(data, STDIN_NAME)
    doc.source.path = None  # no file: a made-up name would look like one
    return doc


def read_stdin(from_json: Callable[[Any], Document] | None = None) -> Document:
    """The document on standard input. With `from_json`, a gazette JSON there is loaded by it
    instead of being parsed as text (so `gazette parse - | gazette check -` works)."""
    data = sys.stdin.buffer.read()
    decoded = _gazette_json(data) if from_json is not None else None
    if from_json is None or decoded is None:
        return _parse_stdin(data)
    try:
        return from_json(decoded)
    except GazetteError as exc:
        exc.path = STDIN_NAME
        raise
