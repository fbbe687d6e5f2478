"""Documented limits (pipeline/limits.py): refused with their own code before the work starts."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pipeline import parse_file, parse_text
from pipeline.cli import main
from pipeline.errors import Code, InputError
from pipeline.limits import ALL, CHARS, PAGES, UNPACKED, reraise_out_of_memory

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ROOT / "tests" / "fixtures" / "formats"


def _code(call, *args) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as err:
        call(*args)
    return err.value.code.value


def test_text_over_the_character_limit_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    big.write_text("一" * 1000, encoding="utf-8")  # 3000 bytes
    monkeypatch.setenv(CHARS.env, "500")  # 3000 bytes > 4 × 500: cannot fit in any encoding
    assert _code(parse_file, big) == Code.TOO_MANY_CHARS.value
    monkeypatch.setenv(CHARS.env, "900")  # 3000 bytes may hold 900 characters: decoded, then counted
    with pytest.raises(InputError) as err:
        parse_file(big)
    assert err.value.code is Code.TOO_MANY_CHARS and "1,000 > 900" in err.value.detail
    monkeypatch.setenv(CHARS.env, "1000")
    assert parse_file(big).text.startswith("一")


def test_parse_text_counts_characters_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CHARS.env, "10")
    assert _code(parse_text, "一、总体要求\n全区生产总值达到829.92亿元。") == Code.TOO_MANY_CHARS.value


def test_pdf_over_the_page_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PAGES.env, "3")
    with pytest.raises(InputError) as err:
        parse_file(FORMATS / "qingpu.pdf")  # 18 pages
    assert err.value.code is Code.TOO_MANY_PAGES and "18 > 3" in err.value.detail


def _docx_with_body(xml_bytes: int) -> bytes:
    """A DOCX (a copy of a fixture) whose document.xml is padded to `xml_bytes` with a comment:
    small on disk, large unpacked."""
    out = io.BytesIO()
    with zipfile.ZipFile(FORMATS / "notice12.docx") as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data += b"<!--" + b"x" * xml_bytes + b"-->"
            dst.writestr(info.filename, data)
    return out.getvalue()


def test_docx_unpacking_past_the_limit_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(_docx_with_body(3 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    monkeypatch.setenv(UNPACKED.env, "2")
    with pytest.raises(InputError) as err:
        parse_file(path)
    assert err.value.code is Code.UNPACKED_TOO_LARGE and "> 2.0 MB" in err.value.detail
    monkeypatch.setenv(UNPACKED.env, "10")
    assert parse_file(path).source.format == "docx"


def test_html_page_past_the_unpacked_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>" + "正文。" * 400_000 + "</p></body></html>", encoding="utf-8")
    monkeypatch.setenv(UNPACKED.env, "1")
    assert _code(parse_file, path) == Code.UNPACKED_TOO_LARGE.value


def test_limit_flags_and_bad_values_are_one_coded_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for limit in ALL:  # a flag sets its variable for the process (workers inherit it): restore after
        monkeypatch.setenv(limit.env, str(limit.default))
    doc = tmp_path / "a.txt"
    doc.write_text("一、总体要求\n全区生产总值达到829.92亿元。\n", encoding="utf-8")
    assert main(["parse", str(doc), "-o", str(tmp_path / "a.json"), "--max-chars", "5"]) == 3
    assert capsys.readouterr().err.startswith("gazette: error E009 ")
    assert main(["parse", str(doc), "-o", str(tmp_path / "a.json"), "--max-pages", "0"]) == 2
    assert "E401" in capsys.readouterr().err


def test_parse_text_rejects_bytes_and_lone_surrogates_with_a_typed_error() -> None:
    assert _code(parse_text, "一、总体要求".encode()) == Code.NOT_TEXT.value
    with pytest.raises(InputError) as err:
        parse_text("一、总体\ud800要求")
    assert err.value.code is Code.NOT_TEXT and "U+D800 at 4" in err.value.detail
    assert _code(parse_text, "一、总体要求", "name\udcff") == Code.NOT_TEXT.value


def test_libxml2_allocation_failure_is_a_memory_error_not_a_damaged_file() -> None:
    from lxml import etree

    try:
        etree.fromstring(b"<a><b></a>")
    except etree.XMLSyntaxError as exc:
        reraise_out_of_memory(exc)  # a real syntax error stays what it is
        syntax = exc
    assert syntax.code != 2
    syntax.code = 2  # what libxml2 reports when malloc fails under an address-space cap
    with pytest.raises(MemoryError):
        reraise_out_of_memory(syntax)


_UNDER_CAP = """
import resource, sys
from pathlib import Path
from pipeline.batch.work import Task, convert_one, limit_memory
size = int(open("/proc/self/status").read().split("VmSize:")[1].split()[0])  # kB in use now
limit_memory(size // 1024 + 120)  # 120 MB of headroom: far too little for 40 MB of XML
out = convert_one(Task(input=sys.argv[1], output=sys.argv[2]))
print(out.code)
"""


def test_max_memory_overrun_on_a_docx_is_e306_not_e111(tmp_path: Path) -> None:
    path = tmp_path / "big.docx"
    out = io.BytesIO()
    with zipfile.ZipFile(FORMATS / "notice12.docx") as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":  # 40 MB of real paragraphs: a big tree
                text = data.decode("utf-8")
                start, end = text.index("<w:body>") + len("<w:body>"), text.rindex("<w:sectPr")
                para = "<w:p><w:r><w:t>全区生产总值达到829.92亿元。</w:t></w:r></w:p>"
                data = (text[:start] + para * (40_000_000 // len(para)) + text[end:]).encode("utf-8")
            dst.writestr(info.filename, data)
    path.write_bytes(out.getvalue())
    run = subprocess.run([sys.executable, "-c", _UNDER_CAP, str(path), str(tmp_path / "big.json")],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.stdout.strip() == Code.BATCH_MEMORY.value, run.stdout + run.stderr[-2000:]
