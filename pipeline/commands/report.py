"""gazette report FILE|OUT.json|- [-o report.html | -o -]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..export.report import load_document, render_report, write_report
from ..export.report_marks import verdict_counts
from .options import add_limit_options
from .stdio import document_of_json, is_stdio, read_stdin, write_stdout


def register(sub: Any, formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser(
        "report",
        help="write a fact-check HTML report of one document",
        description="Write a self-contained HTML page showing the document with every stated figure "
        "highlighted by what the checker found (red inconsistent, green consistent, grey unverifiable "
        "or not checked); click a figure for its arithmetic. FILE is a source document (parsed first) "
        "or a JSON file written by `gazette parse`; - reads either from standard input.",
        epilog="examples:\n  gazette report corpus/qingpu-innovation-economy-14th-fyp.txt -o /tmp/r.html\n"
        "  gazette report outputs/qingpu-innovation-economy-14th-fyp.json\n"
        "  gazette parse plan.pdf -o - | gazette report - -o - > plan.html",
        formatter_class=formatter,
    )
    p.add_argument("file", type=Path, help="a document (.txt, .md, .pdf, .docx, .html) or a gazette JSON; "
                   "- reads either from standard input")
    p.add_argument("-o", "--output", type=Path, default=None,
                   help="output HTML path, or - for standard output "
                   "(default: FILE.report.html beside the input; standard output when FILE is -)")
    add_limit_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    doc = read_stdin(from_json=document_of_json) if is_stdio(args.file) else load_document(args.file)
    if is_stdio(args.output) or (args.output is None and is_stdio(args.file)):
        write_stdout(render_report(doc))
        return 0
    out = args.output or args.file.with_suffix(".report.html")
    write_report(doc, out)
    counts = verdict_counts(doc.checks)
    implied = sum(1 for c in doc.checks if c.kind == "implied")
    print(f"wrote {out}: {len(doc.claims)} figures, {sum(counts.values())} relations checked, "
          f"{counts['inconsistent']} inconsistent, {implied} implied figures", file=sys.stderr)
    return 0
