"""gazette validate: what the schema cannot say (spans, ids, numbers, hashes), every file reported."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli import main
from pipeline.errors import Code, ContractError
from pipeline.export.json_out import document_json
from pipeline.integrity import problems, validate_document


@pytest.fixture
def data(sample_doc) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return json.loads(document_json(sample_doc))


def _first_with(items: list[dict[str, Any]], key: str) -> dict[str, Any]:
    return next(item for item in items if item.get(key))


def _span_past_text(d: dict[str, Any]) -> None:
    d["claims"][0]["span"]["end"] = len(d["text"]) + 5


def _span_reversed(d: dict[str, Any]) -> None:
    span = d["sections"][1]["body_span"]
    span["start"], span["end"] = span["end"], span["start"]


def _repeated_claim_id(d: dict[str, Any]) -> None:
    d["claims"][1]["id"] = d["claims"][0]["id"]


def _dangling_claim_id(d: dict[str, Any]) -> None:
    d["checks"][0]["claim_ids"].append("c999999")


def _dangling_parent(d: dict[str, Any]) -> None:
    _first_with(d["sections"], "parent_id")["parent_id"] = "s999999"


def _parent_cycle(d: dict[str, Any]) -> None:
    d["sections"][0]["parent_id"] = d["sections"][1]["id"]
    d["sections"][1]["parent_id"] = d["sections"][0]["id"]


def _nan(d: dict[str, Any]) -> None:
    d["claims"][0]["value"] = float("nan")


def _bad_sha(d: dict[str, Any]) -> None:
    d["source"]["sha256"] = "not-a-hash"


@pytest.mark.parametrize(
    ("break_it", "code", "says"),
    [
        (_span_past_text, Code.SPAN_OUT_OF_RANGE, "claims[0].span"),
        (_span_reversed, Code.SPAN_OUT_OF_RANGE, "sections[1].body_span"),
        (_repeated_claim_id, Code.INTEGRITY, "claims[1].id"),
        (_dangling_claim_id, Code.INTEGRITY, "'c999999' names no claim"),
        (_dangling_parent, Code.INTEGRITY, "'s999999' names no section"),
        (_parent_cycle, Code.INTEGRITY, "own ancestor"),
        (_nan, Code.INTEGRITY, "claims[0].value: nan is not a finite number"),
        (_bad_sha, Code.INTEGRITY, "source.sha256"),
    ],
)
def test_schema_valid_but_broken_documents_are_rejected(
    data: dict[str, Any], break_it: Callable[[dict[str, Any]], None], code: Code, says: str
) -> None:
    assert problems(data) == []
    break_it(data)
    with pytest.raises(ContractError) as err:
        validate_document(data)
    assert err.value.code is code and says in err.value.detail, err.value.detail


def test_validate_reports_every_file_and_skips_non_documents(
    tmp_path: Path, data: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _span_past_text(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _nan(data)
    worse = tmp_path / "worse.json"
    worse.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")  # json writes NaN
    summary = tmp_path / "summary.json"
    summary.write_text('{"documents": 3, "ok": 3}', encoding="utf-8")
    assert main(["validate", str(bad), str(good), str(worse), str(summary)]) == 4
    out, err = capsys.readouterr()
    assert out.splitlines() == [f"{good}: valid", f"{summary}: skipped (not a gazette document)"]
    lines = err.splitlines()
    assert [line.split()[2] for line in lines] == ["E201", "E201"] and all(line.startswith("gazette: error ") for line in lines)
    assert "2 problems" in lines[1] and "not a finite number" in lines[1]
    assert main(["validate", str(good), str(summary)]) == 0


def test_report_refuses_a_broken_json_with_a_coded_error(tmp_path: Path, data: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    _dangling_claim_id(data)
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["report", str(path), "-o", str(tmp_path / "x.html")]) == 4
    assert capsys.readouterr().err.startswith("gazette: error E205 ")
