"""A batch output folder never contradicts itself (#14): index.jsonl, the CSVs, summary.json and
the report describe exactly the document JSON files in it, across batches; and what a batch
writes is reproducible byte for byte (timings and resume counts go to the terminal only)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline.batch import BatchOptions, run_batch
from pipeline.batch.index import VOLATILE
from pipeline.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "batch"
NAMES = ["notice-excerpt", "plan-excerpt", "report-excerpt"]


@pytest.fixture
def two_folders(tmp_path: Path) -> tuple[Path, Path]:
    """a/ holds notice and plan, b/ holds report."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    for name in NAMES[:2]:
        shutil.copy(FIXTURES / f"{name}.txt", a)
    shutil.copy(FIXTURES / f"{NAMES[2]}.txt", b)
    return a, b


def _batch(out: Path, *inputs: Path, **kw: Any) -> Any:
    return run_batch(list(inputs), BatchOptions(out_dir=out, jobs=1, stall={}, **kw))


def _index(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()]


def _doc_ids(out: Path, table: str) -> set[str]:
    rows = csv.DictReader(io.StringIO((out / f"{table}.csv").read_text(encoding="utf-8-sig")))
    return {r["doc_id"] for r in rows if r["doc_id"]}


def _story(out: Path) -> dict[str, Any]:
    """What each part of the folder says it holds."""
    index = _index(out)
    report = (out / "report" / "index.html").read_text(encoding="utf-8") if (out / "report").is_dir() else ""
    return {
        "json": sorted(p.stem for p in out.glob("*.json") if p.name != "summary.json"),
        "index": sorted(Path(r["output"]).stem for r in index if r["output"]),
        "claims.csv": sorted(_doc_ids(out, "claims")),
        "indicators.csv ⊆": set(_doc_ids(out, "indicators")) <= set(_doc_ids(out, "claims")),
        "summary": json.loads((out / "summary.json").read_text(encoding="utf-8"))["ok"],
        "report pages": sorted(p.stem for p in (out / "report").glob("*.html") if p.name != "index.html"),
        "report index": sorted(n for n in NAMES + ["extra"] if f'href="{n}.html"' in report),
    }


def _consistent(out: Path, names: list[str], report: bool = True) -> None:
    story = _story(out)
    expected = {"json": names, "index": names, "claims.csv": names, "indicators.csv ⊆": True, "summary": len(names),
                "report pages": names if report else [], "report index": names if report else []}
    assert story == expected


def test_a_second_batch_into_the_folder_keeps_the_first_ones_documents(two_folders: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = two_folders
    out = tmp_path / "out"
    _batch(out, a, report=True)
    _consistent(out, NAMES[:2])
    second = _batch(out, b)  # no --report: the report an earlier batch wrote is refreshed anyway
    assert second.earlier == 2 and len(second.outcomes) == 3
    assert any("--report implied" in n for n in second.notes)
    _consistent(out, NAMES)
    inputs = {Path(r["input"]).parent.name for r in _index(out)}
    assert inputs == {"a", "b"}


def test_an_input_that_now_fails_loses_its_earlier_output(two_folders: tuple[Path, Path], tmp_path: Path) -> None:
    a, _ = two_folders
    out = tmp_path / "out"
    _batch(out, a, report=True)
    (a / "plan-excerpt.txt").write_bytes(b"")
    again = _batch(out, a)
    assert not (out / "plan-excerpt.json").exists()
    assert any(n.startswith("removed plan-excerpt.json") for n in again.notes)
    statuses = {Path(r["input"]).name: (r["status"], r["output"]) for r in _index(out)}
    assert statuses == {"notice-excerpt.txt": ("ok", "notice-excerpt.json"), "plan-excerpt.txt": ("error", None)}
    _consistent(out, ["notice-excerpt"])


def test_a_deleted_output_leaves_the_index(two_folders: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = two_folders
    out = tmp_path / "out"
    _batch(out, a)
    (out / "plan-excerpt.json").unlink()
    _batch(out, b)
    _consistent(out, ["notice-excerpt", "report-excerpt"], report=False)


def test_a_document_json_written_by_parse_is_adopted_and_other_json_named(
    two_folders: tuple[Path, Path], tmp_path: Path
) -> None:
    a, _ = two_folders
    out = tmp_path / "out"
    out.mkdir()
    assert main(["parse", str(FIXTURES / "report-excerpt.txt"), "-o", str(out / "extra.json")]) == 0
    (out / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")
    result = _batch(out, a, report=True)
    assert result.earlier == 1
    (adopted,) = (r for r in _index(out) if r["output"] == "extra.json")
    assert adopted["input"].endswith("report-excerpt.txt") and adopted["status"] == "ok"
    assert adopted["counts"]["claims"] > 0
    assert any(n.startswith("settings.json is not a gazette document") for n in result.notes)
    story = _story(out)
    assert story["json"] == ["extra", "notice-excerpt", "plan-excerpt", "settings"]
    assert story["index"] == story["claims.csv"] == story["report pages"] == ["extra", "notice-excerpt", "plan-excerpt"]


def test_reruns_write_the_same_bytes_and_no_volatile_fields(two_folders: tuple[Path, Path], tmp_path: Path) -> None:
    a, _ = two_folders
    first, second = tmp_path / "first", tmp_path / "second"
    _batch(first, a, report=True)
    resumed = _batch(first, a, report=True)
    assert resumed.resumed == 2
    _batch(second, a, report=True, resume=False)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file() and not p.name.startswith("."))
    assert len(files) >= 10
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel
    for rec in _index(first):
        assert not set(rec) & {*VOLATILE, "pipeline"}
    summary = json.loads((first / "summary.json").read_text(encoding="utf-8"))
    assert "seconds" not in summary and "resumed" not in summary and summary["documents"] == 2


def test_the_terminal_gets_the_timing_and_resume_count(two_folders: tuple[Path, Path], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    a, b = two_folders
    out = tmp_path / "out"
    assert main(["batch", str(a), "-o", str(out), "-j", "1", "-q"]) == 0
    assert main(["batch", str(a), str(b), "-o", str(out), "-j", "1", "-q"]) == 0
    first_line = [line for line in capsys.readouterr().out.splitlines() if line.startswith("documents")][-1]
    assert first_line.startswith("documents  3: ok 3 (resumed 2), error 0, timeout 0  in ")
    assert first_line.endswith(" s")


def test_an_input_named_summary_does_not_collide_with_the_batch_summary(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(FIXTURES / "plan-excerpt.txt", tmp_path / "in" / "summary.txt")
    out = tmp_path / "out"
    _batch(out, tmp_path / "in")
    assert [r["output"] for r in _index(out)] == ["summary.txt.json"]
    assert json.loads((out / "summary.txt.json").read_text(encoding="utf-8"))["schema_version"]
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["documents"] == 1
