"""The CLI: one coded line on stderr and an exit code for every bad input, never a traceback."""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.errors import ContractError, ExitCode, InputError, UsageError

ROOT = Path(__file__).resolve().parent.parent


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


# ---------------------------------------------------------------- conventions (#14): -, -o -, exit codes


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def _without_path(data: dict) -> dict:  # type: ignore[type-arg]
    return {**data, "source": {k: v for k, v in data["source"].items() if k != "path"}}


@pytest.mark.parametrize("name", ["corpus/shili-2024-tongji-gongbao.txt", "tests/fixtures/formats/qingpu-gbk.html"])
def test_parse_reads_standard_input_like_the_file(name: str, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / name
    assert main(["parse", str(path), "-o", "-"]) == 0
    from_file = json.loads(capsys.readouterr().out)
    _stdin(monkeypatch, path.read_bytes())
    assert main(["parse", "-"]) == 0  # no -o: standard output, never a file named -
    from_stdin = json.loads(capsys.readouterr().out)
    assert from_stdin["source"]["path"] is None and from_file["source"]["path"].endswith(path.name)
    assert from_stdin["source"]["format"] == path.suffix[1:]
    assert _without_path(from_stdin) == _without_path(from_file)


def test_empty_standard_input_is_a_coded_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, b"")
    assert main(["parse", "-"]) == ExitCode.INPUT
    assert capsys.readouterr().err.strip() == "gazette: error E003 <stdin>: the input is empty"


def test_check_reads_a_gazette_json_from_standard_input(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    bulletin = ROOT / "corpus" / "shili-2024-tongji-gongbao.txt"
    assert main(["check", str(bulletin), "--json"]) == 0
    want = json.loads(capsys.readouterr().out)
    assert main(["parse", str(bulletin), "-o", "-"]) == 0
    _stdin(monkeypatch, capsys.readouterr().out.encode())
    assert main(["check", "-", "--json", "--strict"]) == ExitCode.FINDINGS  # 89+1100+46 ≠ 1234
    assert json.loads(capsys.readouterr().out) == want
    _stdin(monkeypatch, b'{"schema_version": "1.3.0", "text": 5}')
    assert main(["check", "-"]) == ExitCode.CONTRACT
    assert capsys.readouterr().err.startswith("gazette: error E202 <stdin>: ")


def test_check_jsonl_is_one_object_per_check(capsys: pytest.CaptureFixture[str]) -> None:
    bulletin = str(ROOT / "corpus" / "shili-2024-tongji-gongbao.txt")
    assert main(["check", bulletin, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert main(["check", bulletin, "--jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(listed) >= 10
    assert [json.loads(line) for line in lines] == listed
    assert json.loads(lines[0])["verdict"] == "inconsistent"  # inconsistencies first, as in the table
    with pytest.raises(SystemExit) as both:
        main(["check", bulletin, "--json", "--jsonl"])
    assert both.value.code == ExitCode.USAGE


def test_report_writes_to_standard_output_and_never_a_file_named_dash(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    sample = ROOT / "corpus" / "qingpu-innovation-economy-14th-fyp.txt"
    assert main(["report", str(sample), "-o", "-"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!doctype html>") and "青浦区创新经济" in page
    assert not (tmp_path / "-").exists()
    assert main(["parse", str(sample), "-o", "-"]) == 0
    _stdin(monkeypatch, capsys.readouterr().out.encode())
    assert main(["report", "-"]) == 0  # a gazette JSON on standard input, the page on standard output
    assert capsys.readouterr().out == page
    assert list(tmp_path.iterdir()) == []


def test_schema_to_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.schema import schema_text

    assert main(["schema", "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(schema_text())
    assert main(["schema", "-o", str(tmp_path)]) == 0
    assert json.loads((tmp_path / "document.schema.json").read_text(encoding="utf-8")) == json.loads(schema_text())


def test_batch_refuses_dash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(ROOT / "corpus"), "-o", "-"]) == ExitCode.USAGE
    assert capsys.readouterr().err.startswith("gazette: error E401 ")
    assert not (Path.cwd() / "-").exists()


def test_an_uncoded_exception_is_one_line_and_exit_70(monkeypatch: pytest.MonkeyPatch, sample_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.commands import parse as parse_command

    def boom(path: object) -> None:
        raise RuntimeError("stage exploded")

    monkeypatch.setattr(parse_command, "parse_file", boom)
    assert main(["parse", str(sample_path), "-o", "-"]) == ExitCode.INTERNAL == 70
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("gazette: internal error RuntimeError: stage exploded (a bug")
    monkeypatch.setenv("GAZETTE_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["parse", str(sample_path), "-o", "-"])


def test_exit_codes_are_documented_the_same_in_readme_and_help() -> None:
    from pipeline.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Exit codes", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| `(\d+)` \|", section, flags=re.M)
    assert sorted(map(int, rows)) == sorted(int(c) for c in ExitCode)
    helptext = build_parser().format_help()
    for code in ExitCode:
        assert re.search(rf"^  {int(code)} +\S", helptext, flags=re.M), code
    assert (UsageError.exit_code, InputError.exit_code, ContractError.exit_code) == (2, 3, 4)


def test_every_argument_of_every_command_has_help() -> None:
    from pipeline.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():  # type: ignore[union-attr]
        assert command.description, name
        for action in command._actions:
            assert action.help and action.help != argparse.SUPPRESS, f"{name} {action.dest}"


def test_package_is_typed_and_named_apart_from_the_other_gazette() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert (ROOT / "pipeline" / "py.typed").is_file()
    assert "py.typed" in project["tool"]["setuptools"]["package-data"]["pipeline"]
    name = project["project"]["name"]
    assert name != "gazette" and project["project"]["scripts"] == {"gazette": "pipeline.cli:main"}
    assert f"pip install {name}" in (ROOT / "README.md").read_text(encoding="utf-8")
