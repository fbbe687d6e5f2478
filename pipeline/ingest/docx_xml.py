"""The parts of a DOCX package as XML roots, read with python-docx or, when it refuses the
package, straight from the ZIP with lxml.

Converters write packages python-docx cannot open: a relationship names a part the ZIP does not
contain (`word/footnotes.xml`), a content type is missing, a part name differs in case. Word opens
them, and so do we: the main document part is found through `_rels/.rels` (or at its usual name),
its relationships give styles, numbering and notes, and a part that is listed but absent is simply
not read — the warning names it. An error names what makes the package unreadable (no ZIP, no
main document part, XML that does not parse), never an exception class.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import limits
from ..errors import Code, InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "/officeDocument"
_KINDS = ("/styles", "/numbering", "/footnotes", "/endnotes")  # relationship type endings we read


@dataclass
class DocxParts:
    """What the body reader needs: the document root, styles, numbering and notes (footnotes
    first), and the parts the package lists but does not contain."""

    document: Any
    styles: Any | None = None
    numbering: Any | None = None
    notes: list[Any] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def body(self) -> Any:
        body = self.document.find(W + "body")
        return body if body is not None else self.document


def parts_of_document(doc: Any) -> DocxParts:
    """The parts of a package python-docx opened."""
    from lxml import etree

    try:
        numbering = doc.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering = None
    notes = []
    for kind in ("/footnotes", "/endnotes"):
        for rel in doc.part.rels.values():
            if rel.reltype.endswith(kind) and not rel.is_external:
                notes.append(etree.fromstring(rel.target_part.blob, _parser()))
    return DocxParts(doc.element, doc.styles.element, numbering, notes)


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


class _Zip:
    def __init__(self, path: Path, zf: zipfile.ZipFile) -> None:
        self.path, self.zf = path, zf
        self.names = {name.lower(): name for name in zf.namelist()}  # Word ignores case in part names

    def has(self, name: str) -> bool:
        return name.lower() in self.names

    def xml(self, name: str) -> Any:
        from lxml import etree

        try:
            return etree.fromstring(self.zf.read(self.names[name.lower()]), _parser())
        except etree.XMLSyntaxError as exc:
            limits.reraise_out_of_memory(exc)  # an allocation failure, not bad XML
            raise InputError(Code.DOCX_CORRUPT, f"part {name} is not well-formed XML: {exc}"[:200], path=str(self.path)) from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
            raise InputError(Code.DOCX_CORRUPT, f"part {name} cannot be unpacked: {exc}"[:200], path=str(self.path)) from None

    def rels(self, part: str) -> list[tuple[str, str]]:
        """(type, target part name) of the internal relationships of `part` ("" for the package)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return []
        out = []
        for rel in self.xml(rels_name).iter(_PR + "Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out.append((rel.get("Type", ""), name))
        return out


def read_package(path: Path) -> DocxParts:
    """The parts of a package read straight from the ZIP (raises E111 naming the real cause)."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(Code.DOCX_CORRUPT, f"not a ZIP package: {exc}"[:200], path=str(path)) from None
    with zf:
        package = _Zip(path, zf)
        listed = [name for kind, name in package.rels("") if kind.endswith(_OFFICE_DOCUMENT)]
        main = next((name for name in listed if package.has(name)), None)
        if main is None:
            main = "word/document.xml" if package.has("word/document.xml") else None
        if main is None:
            what = f"lists {listed[0]} as its main document but does not contain it" if listed else "has no main document part (word/document.xml): not a Word file"
            raise InputError(Code.DOCX_CORRUPT, f"the package {what}", path=str(path))
        parts = DocxParts(package.xml(main))
        for kind, name in package.rels(main):
            if not package.has(name):
                parts.missing.append(name)
            elif not kind.endswith(_KINDS):
                continue
            elif kind.endswith("/styles"):
                parts.styles = package.xml(name)
            elif kind.endswith("/numbering"):
                parts.numbering = package.xml(name)
            else:
                parts.notes.append(package.xml(name))
        parts.notes.sort(key=lambda root: root.tag != W + "footnotes")  # footnotes, then endnotes
        return parts
