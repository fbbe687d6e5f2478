"""Text ingest: encodings, line ends, zero-width characters, bad inputs."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from pipeline import parse_file
from pipeline.errors import Code, InputError
from pipeline.ingest import read_path
from pipeline.ingest.text import decode_bytes

CHINESE = "关于印发《青浦区创新经济“十四五”规划》的通知\n青府发〔2022〕25号\n一、总体要求\n"


@pytest.mark.parametrize(
    ("data", "encoding", "confidence"),
    [
        (CHINESE.encode("utf-8"), "utf-8", "valid"),
        (codecs.BOM_UTF8 + CHINESE.encode("utf-8"), "utf-8-bom", "bom"),
        (CHINESE.encode("gb18030"), "gb18030", "valid"),
        (CHINESE.encode("gbk"), "gb18030", "valid"),
        (CHINESE.encode("utf-16"), "utf-16-le", "bom"),
        (codecs.BOM_UTF16_BE + CHINESE.encode("utf-16-be"), "utf-16-be", "bom"),
    ],
)
def test_decode_detects_encoding(data: bytes, encoding: str, confidence: str) -> None:
    text, enc, conf, _ = decode_bytes(data)
    assert text == CHINESE
    assert (enc, conf) == (encoding, confidence)


def test_undecodable_bytes_are_a_coded_error() -> None:
    # invalid in UTF-8 and in GB18030, and not text-like
    data = bytes([0x81, 0x20, 0xFF, 0xFE, 0x80]) * 50 + b"\x81"
    with pytest.raises(InputError) as err:
        decode_bytes(data)
    assert err.value.code in (Code.UNDECODABLE, Code.BINARY_INPUT)


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", Code.EMPTY_INPUT), (b"  \n\n ", Code.EMPTY_INPUT), (b"\x00\x01\x02\x03" * 100, Code.BINARY_INPUT)],
)
def test_bad_files(tmp_path: Path, content: bytes, code: Code) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_path(f)
    assert err.value.code == code
    assert str(f) in err.value.one_line()


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_path(tmp_path / "nope.txt")
    assert err.value.code == Code.FILE_NOT_FOUND
    with pytest.raises(InputError) as err:
        read_path(tmp_path)
    assert err.value.code == Code.IS_DIRECTORY


def test_zero_width_and_crlf_are_cleaned(tmp_path: Path) -> None:
    f = tmp_path / "zw.txt"
    f.write_bytes("一、总\u200b体要求\r\n(一)指导思想\r二、目标\r\n".encode())
    raw = read_path(f)
    assert raw.text == "一、总体要求\n(一)指导思想\n二、目标\n"
    assert [w.code for w in raw.warnings] == ["W002"]


def _variants(text: str) -> dict[str, bytes]:
    fullwidth = text.translate({ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789()"})
    return {
        "gb18030": text.encode("gb18030"),
        "utf16": text.encode("utf-16"),
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "bom": codecs.BOM_UTF8 + text.encode("utf-8"),
        "fullwidth": fullwidth.encode("utf-8"),
    }


@pytest.mark.parametrize("variant", ["gb18030", "utf16", "crlf", "bom", "fullwidth"])
def test_sample_variants_give_same_structure(tmp_path: Path, sample_text: str, sample_doc, variant: str) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / f"sample-{variant}.txt"
    f.write_bytes(_variants(sample_text)[variant])
    doc = parse_file(f)
    assert doc.metadata.model_dump() == sample_doc.metadata.model_dump()
    got = [(s.level, s.marker, s.number, s.title, s.span.start, s.span.end) for s in doc.sections]
    want = [(s.level, s.marker, s.number, s.title, s.span.start, s.span.end) for s in sample_doc.sections]
    assert got == want
    assert doc.text == sample_doc.text
