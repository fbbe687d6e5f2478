"""Batch conversion (#7): input collection, output names, index, resume, exports, CLI summary."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline.batch import BatchOptions, Status, run_batch
from pipeline.batch.crossdoc import cross_document_checks, normalize_name
from pipeline.batch.index import code_fingerprint
from pipeline.batch.inputs import InputFile, collect, output_names, output_path, sanitize
from pipeline.cli import main
from pipeline.errors import Code, GazetteError, InputError, UsageError
from pipeline.export.csv_out import COLUMNS, csv_text

FIXTURES = Path(__file__).parent / "fixtures" / "batch"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    shutil.copytree(FIXTURES, root)
    return root


def _index(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()]


# ---------------------------------------------------------------- inputs and names


def test_collect_walks_folders_by_extension_and_skips_hidden_and_output(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for rel in ("a/x.txt", "a/b/y.HTML", "a/z.json", "a/.hidden.txt", "a/b/w.pdf", "a/out/old.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    found = collect([tmp_path / "a"], exclude=tmp_path / "a" / "out")
    assert [f.rel for f in found] == ["b/w.pdf", "b/y.HTML", "x.txt"]
    assert [f.rel for f in collect([tmp_path / "a"], globs=["*.pdf"])] == ["b/w.pdf"]


def test_collect_errors_are_coded(tmp_path: Path) -> None:
    with pytest.raises(InputError) as missing:
        collect([tmp_path / "nope"])
    assert missing.value.code is Code.FILE_NOT_FOUND
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError) as none:
        collect([tmp_path / "empty"])
    assert none.value.code is Code.BATCH_NO_INPUTS


def test_output_names_are_unique_and_keep_lone_stems() -> None:
    files = [
        InputFile(Path("r/plan.txt"), "plan.txt"),
        InputFile(Path("r/13_x.html"), "13_x.html"),
        InputFile(Path("r/13_x.txt"), "13_x.txt"),
        InputFile(Path("r/sub/doc.md"), "sub/doc.md"),
        InputFile(Path("s/sub/doc.md"), "sub/doc.md"),
    ]
    names = output_names(files)
    assert names[Path("r/plan.txt")] == "plan"
    assert names[Path("r/13_x.html")] == "13_x.html" and names[Path("r/13_x.txt")] == "13_x.txt"
    a, b = names[Path("r/sub/doc.md")], names[Path("s/sub/doc.md")]
    assert a != b and a.startswith("sub__doc.md-") and b.startswith("sub__doc.md-")
    assert len(set(names.values())) == len(files)


@pytest.mark.parametrize("raw", ["../../etc/passwd", "..", "/abs/path", "a\\..\\b", "名称 (1):*?", "." * 300])
def test_sanitized_names_cannot_escape(tmp_path: Path, raw: str) -> None:
    name = sanitize(raw)
    assert "/" not in name and "\\" not in name and not name.startswith(".") and len(name) <= 130
    assert output_path(tmp_path, name).parent == tmp_path.resolve()


def test_output_path_refuses_a_stem_that_climbs(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as err:
        output_path(tmp_path, "../x")
    assert err.value.code is Code.BATCH_OUTPUT_CONFLICT


# ---------------------------------------------------------------- running, index, resume


def test_batch_writes_one_json_per_input_and_an_index(corpus: Path, tmp_path: Path) -> None:
    (corpus / "broken.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = run_batch([corpus], BatchOptions(out_dir=out, jobs=2, stall={}))
    assert result.statuses == {"ok": 3, "error": 1}
    index = _index(out)
    assert [Path(r["input"]).name for r in index] == ["broken.txt", "notice-excerpt.txt", "plan-excerpt.txt", "report-excerpt.txt"]
    broken = index[0]
    assert (broken["status"], broken["code"], broken["output"]) == ("error", Code.EMPTY_INPUT.value, None)
    for rec in index[1:]:
        data = json.loads((out / rec["output"]).read_text(encoding="utf-8"))
        assert data["source"]["sha256"] == rec["sha256"] and rec["schema_version"] == data["schema_version"]
        assert rec["counts"]["sections"] == len(data["sections"])
    assert sorted(p.name for p in out.glob(".*")) == [".batch.lock", ".resume.jsonl"]  # no journal, no temp files
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert (summary["documents"], summary["ok"], summary["error"], summary["timeout"]) == (4, 3, 1, 0)


def test_resume_skips_unchanged_and_redoes_changed_inputs(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([corpus], BatchOptions(out_dir=out, jobs=1, stall={}))
    first = {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")}
    with (corpus / "notice-excerpt.txt").open("a", encoding="utf-8") as fh:
        fh.write("\n附件:无\n")
    again = run_batch([corpus], BatchOptions(out_dir=out, jobs=1, stall={}))
    resumed = {Path(o.input).name for o in again.outcomes if o.resumed}
    assert resumed == {"plan-excerpt.txt", "report-excerpt.txt"}
    assert all(o.status is Status.OK for o in again.outcomes)
    assert (out / "plan-excerpt.json").stat().st_mtime_ns == first["plan-excerpt.json"]
    assert (out / "notice-excerpt.json").stat().st_mtime_ns != first["notice-excerpt.json"]
    # the index after a resume still lists every input once, with its counts
    assert sorted(r["counts"]["sections"] >= 0 for r in _index(out)) == [True] * 3
    fresh = run_batch([corpus], BatchOptions(out_dir=out, jobs=1, resume=False, stall={}))
    assert not any(o.resumed for o in fresh.outcomes)


def test_resume_redoes_outputs_without_a_record_and_clears_temp_files(corpus: Path, tmp_path: Path) -> None:
    """Killed after the rename but before the journal line: nothing proves which code made it."""
    out = tmp_path / "out"
    run_batch([corpus], BatchOptions(out_dir=out, jobs=1, stall={}))
    lines = (out / "index.jsonl").read_text(encoding="utf-8").splitlines()
    (out / "index.jsonl").write_text("\n".join(lines[1:]) + '\n{"input": "torn', encoding="utf-8")
    (out / ".plan-excerpt.json.abc.tmp").write_text('{"trunc', encoding="utf-8")
    again = run_batch([corpus], BatchOptions(out_dir=out, jobs=1, stall={}))
    assert sorted((Path(o.input).name, o.resumed) for o in again.outcomes) == [
        ("notice-excerpt.txt", False), ("plan-excerpt.txt", True), ("report-excerpt.txt", True)]
    assert not list(out.glob(".*.tmp"))


def test_resume_redoes_outputs_made_by_other_code(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([corpus], BatchOptions(out_dir=out, jobs=1, stall={}))
    records = [json.loads(line) for line in (out / ".resume.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["pipeline"] for r in records} == {code_fingerprint()}
    records[0]["pipeline"] = "0" * 16
    (out / ".resume.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    again = run_batch([corpus], BatchOptions(out_dir=out, jobs=1, stall={}))
    assert [o.resumed for o in sorted(again.outcomes, key=lambda o: o.input)] == [False, True, True]


# ---------------------------------------------------------------- exports


def test_csv_has_bom_header_and_escapes_chinese_text() -> None:
    text = csv_text(["doc_id", "title"], [{"doc_id": "d", "title": "一、发展基础,“十三五”"}])
    assert text.startswith("\ufeffdoc_id,title\r\n")
    assert list(csv.reader(text.lstrip("\ufeff").splitlines()))[1] == ["d", "一、发展基础,“十三五”"]


def test_exports_cover_the_batch(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([corpus], BatchOptions(out_dir=out, jobs=1, stall={}))
    docs = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*-excerpt.json")}
    for name, key in (("sections", "sections"), ("claims", "claims"), ("checks", "checks")):
        raw = (out / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
        assert len(rows) == sum(len(d[key]) for d in docs.values())
        for row in rows:
            item = next(i for i in docs[row["doc_id"]][key] if i["id"] == row[f"{name[:-1]}_id"])
            if "span" in item:
                assert (int(row["start"]), int(row["end"])) == (item["span"]["start"], item["span"]["end"])
    header = (out / "indicators.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",") == COLUMNS["indicators"]


def test_parquet_matches_the_csv_or_is_skipped_with_a_note(corpus: Path, tmp_path: Path) -> None:
    from pipeline.export.csv_out import parquet_available

    result = run_batch([corpus], BatchOptions(out_dir=tmp_path / "o", jobs=1, parquet=True, stall={}))
    if parquet_available():
        import pyarrow.parquet as pq

        claims = pq.read_table(tmp_path / "o" / "claims.parquet")
        csv_rows = list(csv.DictReader(io.StringIO((tmp_path / "o" / "claims.csv").read_text(encoding="utf-8-sig"))))
        assert claims.schema.names == COLUMNS["claims"] and claims.num_rows == len(csv_rows)
    else:
        assert any("pyarrow" in n for n in result.notes)


# ---------------------------------------------------------------- cross-document


def _row(doc: str, indicator: str, value: float, decimals: int, year: int = 2020, unit: str = "亿元") -> dict[str, Any]:
    return {"doc_id": doc, "indicator": indicator, "unit": unit, "base_value": value, "base_decimals": decimals,
            "base_year": year, "base_raw": str(value), "start": 10, "end": 20}


def test_indicator_names_fold_width_brackets_and_footnotes() -> None:
    assert normalize_name("地区生产总值（亿元）") == normalize_name("地区生产总值*") == "地区生产总值"
    assert normalize_name("1. 研发经费支出占比①") == "研发经费支出占比"


def test_cross_document_flags_values_beyond_rounding_only() -> None:
    rows = [
        _row("a", "地区生产总值", 829.92, 2),
        _row("b", "地区生产总值(亿元)", 829.9, 1),  # agrees after rounding
        _row("c", "全社会研发经费支出", 3.1, 1, unit="%"),
        _row("d", "全社会研发经费支出", 3.4, 1, unit="%"),  # disagrees
        _row("e", "全社会研发经费支出", 3.4, 1, year=2025, unit="%"),  # another year
        _row("f", "高新技术企业", 500, 0, unit="家"),
        _row("f", "高新技术企业", 600, 0, unit="家"),  # one document: not cross-document
        _row("g", "公园绿地", 50, 0, unit="万平方米"),
        _row("g", "公园绿地", 58.46, 2, unit="万平方米"),
        _row("h", "公园绿地", 58.46, 2, unit="万平方米"),  # shares a value with g: no conflict
    ]
    checks = cross_document_checks(rows)
    assert len(checks) == 1
    check = checks[0]
    assert (check["rule"], check["verdict"], check["doc_id"]) == ("cross_document", "inconsistent", "c;d")
    assert check["spans"] == "c:10-20;d:10-20" and "2020" in check["explanation"]


def test_cross_document_compares_within_one_jurisdiction_only() -> None:
    rows = [
        {**_row("putuo", "人均公园绿地面积", 6.07, 2, year=2025, unit="平方米"), "jurisdiction": "普陀区"},
        {**_row("minhang", "人均公园绿地面积", 11.1, 1, year=2025, unit="平方米"), "jurisdiction": "闵行区"},
        {**_row("putuo-copy", "人均公园绿地面积", 6.5, 1, year=2025, unit="平方米"), "jurisdiction": "普陀区"},
    ]
    checks = cross_document_checks(rows)
    assert [c["doc_id"] for c in checks] == ["putuo;putuo-copy"]
    assert checks[0]["explanation"].startswith("普陀区 人均公园绿地面积 (2025, 平方米)")


# ---------------------------------------------------------------- CLI


def test_cli_summary_and_exit_code(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 10)
    out = tmp_path / "out"
    code = main(["batch", str(corpus), "-o", str(out), "-j", "2", "-q"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert lines[0].startswith("documents  4: ok 3 (resumed 0), error 1, timeout 0")
    assert lines[4] == "failed     1:"
    assert lines[5].startswith(f"  error   {Code.BINARY_INPUT.value} {corpus / 'binary.txt'}")
    (corpus / "binary.txt").unlink()
    assert main(["batch", str(corpus), "-o", str(out), "-q"]) == 0
    assert capsys.readouterr().out.startswith("documents  3: ok 3 (resumed 3)")


def test_cli_rejects_bad_options(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(corpus), "-o", str(tmp_path), "--jobs", "0"]) == UsageError.exit_code
    assert "E401" in capsys.readouterr().err
    assert main(["batch", str(corpus), "-o", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"]) == UsageError.exit_code
    assert issubclass(UsageError, GazetteError)


def test_two_editions_of_a_plan_that_disagree_on_a_base_value(tmp_path: Path) -> None:
    """The sample and a copy whose 2020 software revenue reads 845.10: one cross_document check."""
    text = (Path(__file__).parent.parent / "corpus" / "qingpu-innovation-economy-14th-fyp.txt").read_text(encoding="utf-8")
    row = "| 软件和信息服务业营业收入 | 预期性 | 亿元 | 829.92 |"
    assert row in text
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(text.replace(row, row.replace("829.92", "845.10")), encoding="utf-8")
    (tmp_path / "in" / "c.txt").write_text(text + "\n", encoding="utf-8")  # same figures: no finding
    result = run_batch([tmp_path / "in"], BatchOptions(out_dir=tmp_path / "out", jobs=2, stall={}))
    assert [(c["doc_id"], c["rule"]) for c in result.cross_checks] == [("a;b;c", "cross_document")]
    assert "2 pair(s)" in result.cross_checks[0]["explanation"]
    assert "软件和信息服务业营业收入 (2020, 亿元)" in result.cross_checks[0]["explanation"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / "checks.csv").read_text(encoding="utf-8-sig"))))
    cross = [r for r in rows if r["rule"] == "cross_document"]
    assert len(cross) == 1 and cross[0]["stated"] == "a: 829.92; b: 845.10; c: 829.92"
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["cross_document_inconsistent"] == 1


def test_shipped_task_parses_bytes_and_returns_the_json(tmp_path: Path) -> None:
    """The Dask path: the worker may not see our disk, so bytes go in and the JSON comes back."""
    from pipeline.batch import Task, convert_one

    data = (FIXTURES / "notice-excerpt.txt").read_bytes()
    remote = tmp_path / "not-on-the-worker" / "out.json"
    outcome = convert_one(Task("far/away/notice-excerpt.txt", str(remote), payload=data))
    assert outcome.status is Status.OK and not remote.exists()
    doc = json.loads(outcome.json_text or "{}")
    assert doc["source"]["path"] == "far/away/notice-excerpt.txt" and outcome.rows is not None
    bad = convert_one(Task("far/away/empty.txt", str(remote), payload=b""))
    assert (bad.code, bad.json_text) == (Code.EMPTY_INPUT.value, None)
    assert bad.message is not None and "far/away/empty.txt" in bad.message


def test_one_batch_at_a_time_per_output_folder(corpus: Path, tmp_path: Path) -> None:
    from pipeline.batch.index import locked

    with locked(tmp_path / "out"):
        with pytest.raises(UsageError) as busy:
            run_batch([corpus], BatchOptions(out_dir=tmp_path / "out", jobs=1, stall={}))
    assert busy.value.code is Code.BATCH_LOCKED
    assert run_batch([corpus], BatchOptions(out_dir=tmp_path / "out", jobs=1, stall={})).statuses == {"ok": 3}


def test_a_gbk_file_name_is_converted_and_shown_in_unicode(tmp_path: Path) -> None:
    """Zips made on Chinese Windows carry GBK file names that are not UTF-8 on Linux."""
    folder = tmp_path / "in"
    folder.mkdir()
    raw_name = os.fsencode(folder) + b"/" + "国务院通知.txt".encode("gbk")
    with open(raw_name, "wb") as fh:
        fh.write((FIXTURES / "notice-excerpt.txt").read_bytes())
    out = tmp_path / "out"
    result = run_batch([folder], BatchOptions(out_dir=out, jobs=1, stall={}))
    assert result.statuses == {"ok": 1}
    assert [o.input for o in result.outcomes] == [str(folder / "国务院通知.txt")]
    data = json.loads((out / "国务院通知.json").read_text(encoding="utf-8"))
    assert data["source"]["path"] == str(folder / "国务院通知.txt")
    again = run_batch([folder], BatchOptions(out_dir=out, jobs=1, stall={}))
    assert [o.resumed for o in again.outcomes] == [True]


def test_an_uncoded_stage_failure_is_recorded_with_its_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.api
    from pipeline.batch import Task, convert_one

    def broken(doc: object) -> object:
        raise ZeroDivisionError("divisor interval contains zero")

    monkeypatch.setattr(pipeline.api, "STAGES", [("metadata", broken)])
    outcome = convert_one(Task(str(FIXTURES / "notice-excerpt.txt"), str(tmp_path / "x.json")))
    assert (outcome.status, outcome.code) == (Status.ERROR, Code.BATCH_STAGE_FAILED.value)
    assert outcome.stage is not None and outcome.stage.startswith("test_batch.py:")
    assert outcome.message is not None and "ZeroDivisionError: divisor interval contains zero" in outcome.message


def test_failing_module_names_the_innermost_stage_module() -> None:
    from pipeline.batch.work import failing_module
    from pipeline.schema import validate_json

    with pytest.raises(GazetteError) as contract:
        validate_json({"schema_version": "99.0.0"})
    assert failing_module(contract.value).startswith("pipeline.schema:")
    with pytest.raises(ValueError) as decoding:
        json.loads("{")
    assert failing_module(decoding.value).startswith("decoder.py:")


def test_a_resumed_output_broken_by_hand_is_left_out_of_the_exports_with_a_note(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([corpus], BatchOptions(out_dir=out, jobs=1, stall={}))
    (out / "plan-excerpt.json").write_text('{"torn', encoding="utf-8")
    again = run_batch([corpus], BatchOptions(out_dir=out, jobs=1, stall={}))
    assert any(n.startswith("plan-excerpt.json left out of the exports") for n in again.notes)
    doc_ids = {r["doc_id"] for r in csv.DictReader(io.StringIO((out / "claims.csv").read_text(encoding="utf-8-sig")))}
    assert "plan-excerpt" not in doc_ids and "notice-excerpt" in doc_ids
