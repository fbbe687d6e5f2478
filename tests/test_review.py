"""Review marks (issue #15): fingerprints that survive renumbering, decisions that survive re-runs."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline import parse_text
from pipeline.cli import main
from pipeline.review import REVIEWS_FILE, ReviewRecord, append_review, latest_reviews

ROOT = Path(__file__).resolve().parent.parent
BULLETIN = ROOT / "corpus" / "shili-2024-tongji-gongbao.txt"
ERROR_TOTAL = "卫生机构1234个"  # the sample bulletin's deliberate error: 89 + 1100 + 46 ≠ 1234


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _inconsistent(out: Path, stem: str) -> list[dict[str, Any]]:
    data = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    return [c for c in data["checks"] if c["verdict"] == "inconsistent" and c["kind"] == "check"]


def test_fingerprint_survives_renumbering_but_not_a_changed_figure() -> None:
    body = "全市共有医院12个，其中三级医院5个、二级医院7个。"
    first = parse_text(body)
    (check,) = [c for c in first.checks if c.rule == "sum_of_parts"]
    # another checked paragraph before it moves the check's id and claim ids, not its fingerprint
    longer = parse_text("全市共有学校30所，其中小学20所、中学10所。\n" + body)
    same = [c for c in longer.checks if c.fingerprint == check.fingerprint]
    assert len(same) == 1 and same[0].id != check.id
    changed = parse_text(body.replace("二级医院7个", "二级医院6个"))
    assert check.fingerprint not in {c.fingerprint for c in changed.checks}


def test_reviews_file_keeps_history_and_the_latest_decision_wins(tmp_path: Path) -> None:
    for state in ("confirmed", "false-alarm"):
        append_review(tmp_path, ReviewRecord(doc="d", fingerprint="abc", state=state, at="2026-01-01T00:00:00+00:00"))
    (tmp_path / REVIEWS_FILE).open("a", encoding="utf-8").write("not json\n")
    latest, problems = latest_reviews(tmp_path)
    assert latest[("d", "abc")].state == "false-alarm"
    assert len((tmp_path / REVIEWS_FILE).read_text(encoding="utf-8").splitlines()) == 3
    assert problems == [f"{REVIEWS_FILE} line 3 is not a review record: ignored"]


def test_review_survives_a_rerun_and_orphans_are_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copy(BULLETIN, src / BULLETIN.name)
    stem = BULLETIN.stem
    assert main(["batch", str(src), "-o", str(out), "-q"]) == 0
    (bad,) = _inconsistent(out, stem)
    assert main(["check", str(out / f"{stem}.json"), "--strict"]) == 1
    capsys.readouterr()

    assert main(["review", str(out), stem, bad["id"], "--as", "false-alarm", "--note", "checked by hand"]) == 0
    assert bad["fingerprint"] in capsys.readouterr().out

    assert main(["batch", str(src), "-o", str(out), "--no-resume", "-q"]) == 0
    (again,) = _inconsistent(out, stem)
    assert again["fingerprint"] == bad["fingerprint"]
    assert again["review"]["state"] == "false-alarm" and again["review"]["note"] == "checked by hand"
    checks = {r["fingerprint"]: r for r in _csv(out / "checks.csv")}
    assert checks[bad["fingerprint"]]["review"] == "false-alarm"
    findings = {r["fingerprint"]: r for r in _csv(out / "findings.csv")}
    assert findings[bad["fingerprint"]]["review"] == "false-alarm"
    assert findings[bad["fingerprint"]]["review_note"] == "checked by hand"
    assert {r["verdict"] for r in findings.values()} <= {"inconsistent", "unverifiable"}
    # the only inconsistency is a reviewed false alarm: --strict passes, on the JSON and beside it
    assert main(["check", str(out / f"{stem}.json"), "--strict"]) == 0
    capsys.readouterr()

    # the figure is corrected: the check is gone and its review is orphaned, not dropped
    text = (src / BULLETIN.name).read_text(encoding="utf-8")
    (src / BULLETIN.name).write_text(text.replace(ERROR_TOTAL, "卫生机构1235个", 1), encoding="utf-8")
    assert main(["batch", str(src), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "review orphaned" in printed and bad["fingerprint"] in printed
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [r["fingerprint"] for r in summary["orphaned_reviews"]] == [bad["fingerprint"]]
    assert main(["review", str(out), "--list"]) == 1
    assert "orphaned" in capsys.readouterr().out


def test_review_of_an_unknown_check_is_one_coded_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copy(BULLETIN, src / BULLETIN.name)
    assert main(["batch", str(src), "-o", str(out), "-q"]) == 0
    capsys.readouterr()
    assert main(["review", str(out), BULLETIN.stem, "k9999", "--as", "confirmed"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gazette: error E602") and err.count("\n") == 1
    assert not (out / REVIEWS_FILE).exists()
