"""outputs/ holds what `make run` produces for corpus/; this fails when it is stale.

Regenerate with `make run` (or GAZETTE_UPDATE_OUTPUTS=1 pytest tests/test_outputs_fresh.py,
which rewrites the JSON files and then fails on purpose so the flag is never left on).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline import parse_file
from pipeline.export.json_out import document_json, write_atomic

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted(p for p in (ROOT / "corpus").iterdir() if p.is_file() and p.suffix in {".txt", ".md", ".html", ".pdf", ".docx"})
UPDATE = os.environ.get("GAZETTE_UPDATE_OUTPUTS") == "1"


def _comparable(data: dict) -> dict:  # type: ignore[type-arg]
    data = dict(data)
    data["source"] = {k: v for k, v in data["source"].items() if k != "path"}
    return data


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_output_is_fresh(path: Path) -> None:
    out = ROOT / "outputs" / f"{path.stem}.json"
    fresh = document_json(parse_file(path))
    if UPDATE:
        write_atomic(out, fresh)
        pytest.fail(f"rewrote {out.name}; unset GAZETTE_UPDATE_OUTPUTS before committing")
    assert out.exists(), f"{out} missing: run `make run`"
    committed = json.loads(out.read_text(encoding="utf-8"))
    assert _comparable(committed) == _comparable(json.loads(fresh)), f"{out.name} is stale: run `make run`"
