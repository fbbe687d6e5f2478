"""gazette check FILE|- [--json | --jsonl] [--strict]"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..api import parse_file
from ..check.checker import run_checks
from ..errors import ContractError, ExitCode
from ..model import Check, Document
from .options import add_limit_options
from .stdio import document_of_json, is_stdio, read_stdin
from .validate import load_json

ORDER = {"inconsistent": 0, "consistent": 1, "unverifiable": 2}


def register(sub: Any, formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser(
        "check",
        help="recompute the figures a document states and report what does not add up",
        description="Parse a document (or read a gazette JSON output) and recompute every figure that "
        "can be derived from others (shares, multiples vs annual growth, sums of parts, text vs "
        "table, counts of listed items, dates). Printed figures are rounded, so each stands for "
        "an interval; a check is inconsistent only when no value in it fits the arithmetic.",
        epilog="examples:\n  gazette check corpus/qingpu-innovation-economy-14th-fyp.txt\n"
        "  gazette check out.json --json | jq '.[] | select(.verdict == \"inconsistent\")'\n"
        "  gazette parse plan.pdf -o - | gazette check - --jsonl | grep '\"inconsistent\"'\n"
        "  gazette check plan.pdf --strict   # exit 1 when anything is inconsistent",
        formatter_class=formatter,
    )
    p.add_argument("file", type=Path, help="a document (.txt .md .pdf .docx .html) or a gazette JSON output; "
                   "- reads either from standard input")
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print the checks as one JSON list")
    form.add_argument("--jsonl", action="store_true", help="print one JSON object per check per line (JSON Lines)")
    p.add_argument("--strict", action="store_true",
                   help="exit with status 1 when any check is inconsistent (checks reviewed as false alarms excepted)")
    add_limit_options(p)
    p.set_defaults(func=run)


def _rechecked(data: object) -> Document:
    """A gazette JSON read from standard input, checked again."""
    stored = document_of_json(data)
    return with_reviews(None, stored, run_checks(stored))


def load_document(path: Path) -> Document:
    """A gazette JSON output is validated and re-checked; any other file is parsed; - is
    standard input, either of the two."""
    if is_stdio(path):
        return read_stdin(from_json=_rechecked)
    if path.suffix.lower() != ".json":
        return parse_file(path)
    data = load_json(path)
    try:
        stored = document_of_json(data)
    except ContractError as exc:
        raise ContractError(exc.code, exc.detail, path=str(path)) from None
    return with_reviews(path, stored, run_checks(stored))


def with_reviews(path: Path | None, stored: Document, checked: Document) -> Document:
    """Re-checking a batch output keeps its review marks: those stored in the JSON, then the
    decisions in force in the reviews.jsonl beside it (by fingerprint, so renumbering is harmless);
    a JSON on standard input (no path) keeps its stored marks only."""
    from ..review import ReviewRecord, apply_to_document, latest_reviews

    doc_id = path.stem if path is not None else "-"
    reviews: dict[tuple[str, str], ReviewRecord] = {
        (doc_id, c.fingerprint): ReviewRecord(doc=doc_id, fingerprint=c.fingerprint, state=str(c.review.state),
                                              at=c.review.at, note=c.review.note, by=c.review.by)
        for c in stored.checks if c.review and c.fingerprint
    }
    if path is not None:
        reviews.update(latest_reviews(path.parent)[0])
    return apply_to_document(checked, doc_id, reviews) if reviews else checked


def sorted_checks(checks: list[Check]) -> list[Check]:
    return sorted(checks, key=lambda c: (ORDER.get(str(c.verdict), 3), c.kind != "check", int(c.id[1:])))


def render_table(doc: Document, checks: list[Check]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal:
        console = Console(width=160)  # piped: do not squeeze the arithmetic into 80 columns
    table = Table(expand=True)
    table.add_column("id", no_wrap=True)
    table.add_column("rule", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("figures", max_width=24)
    table.add_column("explanation", ratio=1)
    style = {"inconsistent": "bold red", "consistent": "green", "unverifiable": "yellow"}
    for c in checks:
        figs = " ".join(doc.text[s.start : s.end][:16] for s in c.spans[:4])
        verdict = str(c.verdict) + (f" ({c.severity})" if c.severity else "") + (" implied" if c.kind == "implied" else "")
        if c.review:
            verdict += f" · reviewed {c.review.state}"
        table.add_row(c.id, c.rule, f"[{style.get(str(c.verdict), '')}]{verdict}[/]", figs, c.explanation)
    console.print(table)


def run(args: argparse.Namespace) -> int:
    doc = load_document(args.file)
    checks = sorted_checks(doc.checks)
    # --strict: a check a reviewer marked as a false alarm is not an inconsistency
    bad = sum(1 for c in checks if c.verdict == "inconsistent" and not (c.review and c.review.state == "false-alarm"))
    if args.json:
        sys.stdout.write(json.dumps([c.model_dump(mode="json") for c in checks], ensure_ascii=False, indent=1) + "\n")
    elif args.jsonl:
        sys.stdout.writelines(json.dumps(c.model_dump(mode="json"), ensure_ascii=False) + "\n" for c in checks)
    else:
        render_table(doc, checks)
        counts = {v: sum(1 for c in checks if c.verdict == v) for v in ORDER}
        print(f"{len(checks)} checks: {counts['inconsistent']} inconsistent, {counts['consistent']} consistent, "
              f"{counts['unverifiable']} unverifiable")
    return ExitCode.FINDINGS if args.strict and bad else ExitCode.OK
