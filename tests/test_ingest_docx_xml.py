"""DOCX packages python-docx refuses are read straight from the ZIP (ingest/docx_xml).

Converters write packages whose relationships name a part the ZIP does not contain (a
`word/footnotes.xml` that was never written): python-docx stops with a KeyError, Word and we
read the rest. The direct reader must give what the python-docx path gives on every fixture.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline.errors import Code, InputError
from pipeline.ingest import read_path
from pipeline.ingest.base import RawDocument

FIXTURES = Path(__file__).parent / "fixtures"
DOCX = sorted((FIXTURES / "formats").glob("*.docx")) + sorted((FIXTURES / "dev").glob("*.docx"))
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def _refuse(*_: object, **__: object) -> None:
    raise KeyError("python-docx refuses the package")


def _shape(raw: RawDocument) -> tuple[object, ...]:
    tables = [(t.start, t.end, t.title, [(c.start, c.end, c.row, c.col, c.rowspan, c.colspan) for c in t.cells]) for t in raw.tables]
    return raw.text, tables, raw.heading_hints


def _without_part(src: Path, out: Path, part: str, rel_type: str = FOOTNOTES_REL) -> Path:
    """A copy of `src` without `part` whose document relationships still name it."""
    rels = "word/_rels/document.xml.rels"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename == part:
                continue
            data = zin.read(item.filename)
            if item.filename == rels and part.split("/")[-1].encode() not in data:
                rel = f'<Relationship Id="rIdGone" Type="{rel_type}" Target="{part.split("/")[-1]}"/>'
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            zout.writestr(item, data)
    return out


@pytest.mark.parametrize("path", DOCX, ids=[p.name for p in DOCX])
def test_direct_reading_gives_what_python_docx_gives(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    normal = read_path(path)
    monkeypatch.setattr(docx, "Document", _refuse)
    direct = read_path(path)
    assert direct.source.engine == "docx-xml" and normal.source.engine == "python-docx"
    assert [w.code for w in direct.warnings] == ["W111"] + [w.code for w in normal.warnings]
    assert _shape(direct) == _shape(normal)


def test_numbering_labels_survive_direct_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    monkeypatch.setattr(docx, "Document", _refuse)
    lines = read_path(FIXTURES / "formats" / "changning.docx").text.splitlines()
    # 一、 and 1. come from numbering.xml, not from the paragraphs' text
    assert "一、发展新阶段新起点" in lines and "十二、切实强化规划实施保障" in lines
    assert sum(ln.startswith("1.") for ln in lines) == 31  # the list restarts in every (一)


def test_footnotes_part_listed_but_absent(tmp_path: Path) -> None:
    import docx

    broken = _without_part(FIXTURES / "formats" / "footnote.docx", tmp_path / "converted.docx", "word/footnotes.xml")
    with pytest.raises(KeyError):
        docx.Document(str(broken))
    raw = read_path(broken)
    assert raw.source.engine == "docx-xml"
    assert [w.code for w in raw.warnings] == ["W111"] and "word/footnotes.xml" in raw.warnings[0].message
    assert raw.text.splitlines() == [
        "关于印发《示范规划》的通知",
        "一、发展目标",
        "到2025年,争取形成10个创新经济千百亿级产业集群[1]。高新技术企业突破1000家。",
    ]  # the body whole; the note text was in the part the converter left out


def test_real_bulletin_with_a_missing_part_keeps_all_its_text(tmp_path: Path) -> None:
    from pipeline import parse_file

    src = FIXTURES / "dev" / "nanjing_tjgb_2021_2024.docx"
    broken = _without_part(src, tmp_path / "nanjing.docx", "word/footnotes.xml")
    original, converted = parse_file(src), parse_file(broken)
    assert converted.text == original.text
    assert len(converted.sections) == len(original.sections) and len(converted.claims) == len(original.claims)
    assert converted.source.engine == "docx-xml"


def test_missing_main_part_is_named(tmp_path: Path) -> None:
    broken = _without_part(FIXTURES / "formats" / "footnote.docx", tmp_path / "nobody.docx", "word/document.xml")
    with pytest.raises(InputError) as err:
        read_path(broken)
    assert err.value.code is Code.DOCX_CORRUPT
    assert "word/document.xml" in err.value.one_line() and "KeyError" not in err.value.one_line()
