"""The fact-check HTML report (issue #8): one self-contained page per document, plus an index.

Stable API (used by `gazette report` and by `gazette batch … --report`):

- `render_report(doc) -> str` — the page of one document as an HTML string.
- `write_report(doc, path)` — write that page (atomically).
- `entry_for(doc, href) -> ReportEntry` / `error_entry(name, message) -> ReportEntry` — one row
  of the index, for a document or for a file that failed.
- `write_index(entries, path)` — the index page listing `ReportEntry` rows.
- `write_reports(items, out_dir) -> Path` — one page per document (`<stem>.html`, unique
  names) and `index.html`; `items` are Documents or `(name, Document | error message)` pairs;
  returns the index path.
- `load_document(path) -> Document` — a gazette JSON (validated) or any source document (parsed).

Pages are rendered by jinja2 with autoescape on; CSS and JS are inlined from the templates
folder, so a page needs no network. Every span is checked against the text first: a span
that does not fit raises ContractError E201, never a guessed highlight.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import jinja2

from ..errors import Code, ContractError
from ..integrity import validate_document
from ..model import Document
from ..schema import check_spans
from .json_out import write_atomic
from .report_marks import verdict_counts
from .report_view import ReportView

ReportItem = Document | tuple[str, Document | str]
SEVERITY_RANK = {"major": 2, "minor": 1}


@dataclass(frozen=True)
class Finding:
    """One row of the findings table: a check a fact-checker has to look at."""

    doc: str
    href: str  # the document page, anchored at the check's figure
    check_id: str
    section: str
    rule: str
    verdict: str
    severity: str
    stated: str
    computed: str
    strength: str
    review: str
    explanation: str

    @property
    def severity_rank(self) -> int:
        return SEVERITY_RANK.get(self.severity, 0) + (3 if self.verdict == "inconsistent" else 0)


@dataclass(frozen=True)
class ReportEntry:
    """One row of the index page."""

    name: str
    href: str | None
    title: str
    source: str
    sections: int = 0
    tables: int = 0
    claims: int = 0
    checked: int = 0
    inconsistent: int = 0
    unverifiable: int = 0
    implied: int = 0
    error: str | None = None
    findings: tuple[Finding, ...] = ()


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.export", "templates"),
        autoescape=True,  # every template, whatever its name: document text is never trusted
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _title(doc: Document) -> str:
    md = doc.metadata
    fallback = Path(doc.source.path).name if doc.source.path else "document"
    return md.title or md.notice_title or fallback


def _page(doc: Document) -> tuple[str, ReportView]:
    check_spans(doc)
    view = ReportView(doc)
    html = _env().get_template("report.html.j2").render(
        doc=doc, view=view, title=_title(doc), summary=view.summary(), data=view.data()
    )
    return html, view


def render_report(doc: Document) -> str:
    return _page(doc)[0]


def findings_of(view: ReportView, name: str, href: str) -> tuple[Finding, ...]:
    return tuple(
        Finding(doc=name, href=f"{href}#{c.primary or c.key}", check_id=c.id, section=c.section, rule=c.rule,
                verdict=c.verdict, severity=c.severity, stated=c.stated, computed=c.computed,
                strength=c.evidence.strength if c.evidence else "", review=c.review, explanation=c.explanation)
        for c in view.findings()
    )


def _write(path: Path, html: str) -> None:
    write_atomic(path, html)
    path.chmod(0o644)  # the temp file is 0600; a page is for reading (and serving)


def write_report(doc: Document, path: Path) -> None:
    _write(path, render_report(doc))


def entry_for(doc: Document, href: str | None) -> ReportEntry:
    counts = verdict_counts(doc.checks)
    return ReportEntry(
        name=Path(doc.source.path).stem if doc.source.path else "document",
        href=href,
        title=_title(doc),
        source=doc.source.path or "",
        sections=len(doc.sections),
        tables=len(doc.tables),
        claims=len(doc.claims),
        checked=sum(counts.values()),
        inconsistent=counts["inconsistent"],
        unverifiable=counts["unverifiable"],
        implied=sum(1 for c in doc.checks if c.kind == "implied"),
    )


def error_entry(name: str, message: str) -> ReportEntry:
    return ReportEntry(name=name, href=None, title=name, source=name, error=message)


def render_index(entries: Sequence[ReportEntry]) -> str:
    totals = {k: sum(getattr(e, k) for e in entries) for k in ("claims", "checked", "inconsistent", "implied")}
    findings = [f for e in entries for f in e.findings]
    to_review = sum(1 for f in findings if f.verdict == "inconsistent" and not f.review)
    return _env().get_template("index.html.j2").render(
        entries=entries, totals=totals, failed=sum(1 for e in entries if e.error), findings=findings,
        to_review=to_review, rules=sorted({f.rule for f in findings}), docs=sorted({f.doc for f in findings}),
    )


def write_index(entries: Iterable[ReportEntry], path: Path) -> None:
    _write(path, render_index(list(entries)))


def _file_name(name: str, taken: set[str]) -> str:
    # keep CJK names readable; drop what a file system or a URL would choke on
    stem = re.sub(r"[\\/:*?\"<>|#%&\s]+", "_", name).strip("._") or "document"
    candidate, n = f"{stem}.html", 1
    while candidate.lower() in taken or candidate.lower() == "index.html":
        n += 1
        candidate = f"{stem}-{n}.html"
    taken.add(candidate.lower())
    return candidate


def write_reports(items: Iterable[ReportItem], out_dir: Path) -> Path:
    """One page per document and `index.html` in out_dir; returns the index path."""
    entries: list[ReportEntry] = []
    taken: set[str] = set()
    for item in items:
        if isinstance(item, Document):
            name = Path(item.source.path).stem if item.source.path else "document"
            item = (name, item)
        name, doc = item
        if isinstance(doc, str):
            entries.append(error_entry(name, doc))
            continue
        file_name = _file_name(name, taken)
        html, view = _page(doc)
        _write(out_dir / file_name, html)
        entry = entry_for(doc, file_name)
        entries.append(replace(entry, name=name, findings=findings_of(view, name, file_name)))
    index = out_dir / "index.html"
    write_index(entries, index)
    return index


def load_document(path: Path) -> Document:
    """A gazette JSON file (schema-validated) or a source document (parsed)."""
    if path.suffix.lower() != ".json":
        from ..api import parse_file

        return parse_file(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContractError(Code.JSON_UNREADABLE, "file not found", path=str(path)) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ContractError(Code.JSON_UNREADABLE, str(exc)[:120], path=str(path)) from None
    try:
        validate_document(data)  # the schema and what it cannot say: spans, ids, numbers
    except ContractError as exc:
        raise ContractError(exc.code, exc.detail, path=str(path)) from None
    return Document.model_validate(data)
