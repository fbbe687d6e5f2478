"""The CLI: one coded line on stderr and an exit code for every bad input, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, timeout=120)


def test_parse_writes_valid_json(tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    assert main(["parse", str(sample_path), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["metadata"]["doc_number"]["raw"] == "青府发〔2022〕25号"
    assert main(["validate", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"{out}: valid"


def test_parse_to_stdout(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(sample_path), "-o", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"].startswith("关于印发")


def _file(directory: Path, name: str, content: bytes) -> Path:
    path = directory / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("make", "code", "exit_code"),
    [
        (lambda d: d / "missing.txt", "E001", 3),
        (lambda d: d, "E002", 3),
        (lambda d: _file(d, "empty.txt", b""), "E003", 3),
        (lambda d: _file(d, "bin.txt", b"\x00\x01\x02" * 300), "E004", 3),
        (lambda d: _file(d, "bad.txt", bytes([0x81, 0x20, 0xFF, 0xFE, 0x80]) * 50), "E005", 3),
    ],
)
def test_bad_inputs_give_one_coded_line(tmp_path: Path, make, code: str, exit_code: int, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    assert main(["parse", str(path), "-o", str(tmp_path / "o.json")]) == exit_code
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"gazette: error {code} ")
    assert "Traceback" not in err[0]


def test_validate_rejects_garbage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["validate", str(bad)]) == 4
    assert capsys.readouterr().err.startswith("gazette: error E204 ")


def test_every_command_has_help_with_example() -> None:
    from pipeline.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    names = list(sub.choices)  # type: ignore[union-attr]
    assert {"parse", "schema", "validate"} <= set(names)
    for name in names:
        text = sub.choices[name].format_help()  # type: ignore[index]
        assert "example" in text, name
        assert f"gazette {name}" in text, name


def test_module_entry_point_runs() -> None:
    res = run("--version")
    assert res.returncode == 0
    assert res.stdout.startswith("gazette ")


def test_non_utf8_file_name_is_shown_readably(tmp_path: Path) -> None:
    import os

    name = os.fsdecode(b"\xb9\xfa.txt")  # 国.txt in GBK, as zips made on Windows carry it
    (tmp_path / name).write_bytes("一、总则\n".encode())
    out = tmp_path / "o.json"
    assert main(["parse", str(tmp_path / name), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["source"]["path"].endswith("/国.txt")
    from pipeline.export.json_out import FILE_MODE

    assert out.stat().st_mode & 0o777 == FILE_MODE  # as open() would make it, not mkstemp's 0600


def test_too_long_digit_run_is_no_claim() -> None:
    from pipeline import parse_text
    from pipeline.export.json_out import document_json

    doc = parse_text("增长" + "9" * 400 + "%。")
    document_json(doc)  # validates: no inf/null value sneaks into the JSON
    assert doc.claims == []
