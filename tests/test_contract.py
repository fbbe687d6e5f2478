"""The JSON contract: schema freshness, validation of emitted JSON, error catalogue, API reuse."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline import SCHEMA_VERSION, parse_text
from pipeline.errors import MESSAGES, Code, ContractError
from pipeline.export.json_out import document_json
from pipeline.schema import schema_text, validate_json

ROOT = Path(__file__).resolve().parent.parent


def test_committed_schema_is_fresh() -> None:
    committed = (ROOT / "schemas" / "document.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "schemas/ is stale: run `make schema` and commit it"


def test_schema_version_is_semver() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", SCHEMA_VERSION)


def test_error_catalogue_codes_are_unique_and_described() -> None:
    values = [c.value for c in Code]
    assert len(values) == len(set(values))
    assert all(re.fullmatch(r"[EW]\d{3}", v) for v in values)
    assert set(MESSAGES) == set(Code)


def test_emitted_json_validates(sample_doc) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(document_json(sample_doc))
    validate_json(data)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["source"]["encoding"] == "utf-8"
    assert len(data["source"]["sha256"]) == 64


def test_invalid_json_is_rejected(sample_doc) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(document_json(sample_doc))
    data["sections"] = [{"id": "s1"}]
    with pytest.raises(ContractError) as err:
        validate_json(data)
    assert err.value.code == Code.SCHEMA_INVALID
    data["schema_version"] = "0.9.0"
    with pytest.raises(ContractError) as err:
        validate_json(data)
    assert err.value.code == Code.SCHEMA_INCOMPATIBLE


def test_spans_point_into_text(sample_doc) -> None:  # type: ignore[no-untyped-def]
    n = len(sample_doc.text)
    for s in sample_doc.sections:
        assert 0 <= s.span.start < s.span.end <= n
        assert s.title.replace(" ", "")[:2] in sample_doc.text[s.span.start : s.span.end].replace(" ", "")


def test_parse_text_matches_parse_file(sample_text: str, sample_doc) -> None:  # type: ignore[no-untyped-def]
    doc = parse_text(sample_text, name="sample")
    assert doc.text == sample_doc.text
    assert doc.model_dump(exclude={"source"}) == sample_doc.model_dump(exclude={"source"})
