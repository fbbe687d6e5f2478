"""Every corpus and dev-set document's JSON fits the JSON Schema (jsonschema, the reference
validator): the guarantee that lets the CLI skip full validation at run time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import parse_file
from pipeline.errors import Code, ContractError
from pipeline.export.json_out import document_json
from pipeline.schema import validate_document_text, validate_json

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "dev").glob("*.txt")) + sorted(
    (ROOT / "tests" / "fixtures" / "dev").glob("*.docx")
)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_output_fits_the_schema(path: Path) -> None:
    text = document_json(parse_file(path), validate=True)
    validate_json(json.loads(text))


def test_runtime_validation_rejects_what_the_schema_rejects(sample_doc) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(document_json(sample_doc))
    data["claims"][0]["span"]["start"] = "x"
    with pytest.raises(ContractError) as err:
        validate_document_text(json.dumps(data))
    assert err.value.code is Code.SCHEMA_INVALID
    with pytest.raises(ContractError):
        validate_json(data)
