"""The JSON Schema (2020-12) generated from the models, and validation of emitted JSON."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import Code, ContractError
from .model import SCHEMA_NAME, SCHEMA_VERSION, Document

SCHEMA_FILE = "document.schema.json"


def build_schema() -> dict[str, Any]:
    schema = Document.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://gazette.invalid/schemas/{SCHEMA_NAME}/{SCHEMA_VERSION}/{SCHEMA_FILE}",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(build_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(build_schema())


def validate_json(data: Any) -> None:
    """Raise ContractError E202 (first error) unless `data` fits the schema; E203 on a major mismatch."""
    if isinstance(data, dict):
        version = str(data.get("schema_version", ""))
        if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise ContractError(Code.SCHEMA_INCOMPATIBLE, f"file has {version or 'none'}, this is {SCHEMA_VERSION}")
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(map(str, first.absolute_path)) or "(root)"
        raise ContractError(Code.SCHEMA_INVALID, f"{len(errors)} errors; at {where}: {first.message[:200]}")


def validate_document_text(text: str) -> None:
    """Validate JSON text written from a Document at run time, at ~5% of the cost of parsing it.

    The schema is generated from the models, so pydantic-core's compiled validator for `Document`
    accepts what the schema accepts; running the pure-Python jsonschema validator here cost twice
    the parsing itself. Tests still run `validate_json` on every corpus and dev-set output, and
    `gazette validate` uses it on files of unknown origin.
    """
    from pydantic import ValidationError

    try:
        Document.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "/".join(map(str, first["loc"])) or "(root)"
        raise ContractError(Code.SCHEMA_INVALID, f"{exc.error_count()} errors; at {where}: {first['msg'][:200]}") from None


def check_spans(doc: Document) -> None:
    """Every span must fit the text (spaCy's char_span rule: never a guess)."""
    from .provenance import _spans

    n = len(doc.text)
    for field in ("metadata", "sections", "tables", "claims", "checks"):
        for span in _spans(getattr(doc, field)):
            if not (0 <= span.start <= span.end <= n):
                raise ContractError(Code.SPAN_OUT_OF_RANGE, f"{field}: [{span.start}, {span.end}) in text of {n}")


def write_schema(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    out = directory / SCHEMA_FILE
    out.write_text(schema_text(), encoding="utf-8")
    return out
