"""gazette review OUT_DIR DOCUMENT CHECK --as STATE [--note TEXT] | gazette review OUT_DIR --list"""

from __future__ import annotations

import argparse
import getpass
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import Code, ContractError, UsageError
from ..export.json_out import write_atomic
from ..model import Check, Document, ReviewState
from ..review import REVIEWS_FILE, ReviewRecord, append_review, apply_to_document, latest_reviews, orphans


def register(sub: Any, formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser(
        "review",
        help="record a decision on a check of a batch (confirmed, false-alarm, revision)",
        description="Record a fact-checker's decision on one check of a batch output folder in "
        f"OUT_DIR/{REVIEWS_FILE} (append-only: who, when, what). The check is named by its id "
        "(k7) or its fingerprint; the decision is stored under the fingerprint, so it still applies "
        "when a later run renumbers the checks. The document JSON is annotated at once; the next "
        "`gazette batch` into OUT_DIR (resumed or not) refreshes checks.csv, findings.csv and the "
        "report. A decision whose check no longer exists is reported as orphaned.",
        epilog="examples:\n  gazette review out/ shili-2024-tongji-gongbao k3 --as false-alarm --note 'partial list'\n"
        "  gazette review out/ shili-2024-tongji-gongbao 3f9c0a1b2c3d4e5f --as confirmed\n"
        "  gazette review out/ --list",
        formatter_class=formatter,
    )
    p.add_argument("out_dir", type=Path, help="a batch output folder")
    p.add_argument("document", nargs="?", help="the document: its output name (stem), e.g. plan for out/plan.json")
    p.add_argument("check", nargs="?", help="the check id (k7) or fingerprint")
    p.add_argument("--as", dest="state", choices=[s.value for s in ReviewState], help="the decision")
    p.add_argument("--note", help="why (shown in the report and the CSVs)")
    p.add_argument("--by", default=None, help="who decided (default: the login name)")
    p.add_argument("--list", action="store_true", help="list the decisions in force and any orphaned ones")
    p.set_defaults(func=run)


def _document(out_dir: Path, name: str) -> tuple[Path, Document]:
    path = out_dir / (Path(name).stem + ".json")
    if not path.is_file():
        raise UsageError(Code.REVIEW_NO_CHECK, f"no output {path.name} in {out_dir}")
    try:
        return path, Document.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ContractError(Code.JSON_UNREADABLE, str(exc)[:120], path=str(path)) from None


def find_check(doc: Document, ref: str) -> Check:
    """By id (k7) first, then by fingerprint or a unique prefix of one (at least 6 digits)."""
    for c in doc.checks:
        if c.id == ref:
            return c
    hits = [c for c in doc.checks if c.fingerprint and len(ref) >= 6 and c.fingerprint.startswith(ref)]
    if len(hits) == 1:
        return hits[0]
    raise UsageError(Code.REVIEW_NO_CHECK, f"{ref!r}" + (" matches several checks" if hits else ""))


def _figures(doc: Document, check: Check) -> str:
    return " ".join(doc.text[s.start:s.end] for s in check.spans[:4])


def _list(out_dir: Path) -> int:
    reviews, problems = latest_reviews(out_dir)
    present: dict[str, list[str]] = {}
    for doc_id in sorted({d for d, _ in reviews}):
        path = out_dir / f"{doc_id}.json"
        if path.is_file():
            present[doc_id] = [c.get("fingerprint") or "" for c in json.loads(path.read_text("utf-8")).get("checks", [])]
    lost = {(o.record.doc, o.record.fingerprint) for o in orphans(reviews, present)}
    for (doc_id, fp), r in sorted(reviews.items()):
        status = "orphaned" if (doc_id, fp) in lost else ("in force" if doc_id in present else "document absent")
        print(f"{doc_id}\t{r.check or ''}\t{fp}\t{r.state}\t{status}\t{r.by or ''}\t{r.at}\t{r.note or ''}")
    for p in problems:
        print(f"note: {p}")
    return 1 if lost else 0


def run(args: argparse.Namespace) -> int:
    out_dir: Path = args.out_dir
    if not out_dir.is_dir():
        raise UsageError(Code.BAD_ARGUMENT, f"{out_dir} is not a batch output folder")
    if args.list:
        return _list(out_dir)
    if not (args.document and args.check and args.state):
        raise UsageError(Code.BAD_ARGUMENT, "give DOCUMENT, CHECK and --as (or --list)")
    path, doc = _document(out_dir, args.document)
    check = find_check(doc, args.check)
    if not check.fingerprint:
        raise ContractError(Code.REVIEW_NO_CHECK, f"{check.id} has no fingerprint: rerun the batch with this version")
    record = ReviewRecord(
        doc=path.stem, fingerprint=check.fingerprint, state=args.state, check=check.id, rule=check.rule,
        figures=_figures(doc, check), note=args.note, by=args.by or getpass.getuser(),
        at=datetime.now(UTC).replace(microsecond=0).isoformat(),
    )
    append_review(out_dir, record)
    reviews, _ = latest_reviews(out_dir)
    write_atomic(path, apply_to_document(doc, path.stem, reviews).model_dump_json())
    print(f"{path.stem} {check.id} [{check.fingerprint}] {check.rule}: {args.state}"
          f"{' — ' + args.note if args.note else ''} (recorded in {out_dir / REVIEWS_FILE})")
    return 0
