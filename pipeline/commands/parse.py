"""gazette parse FILE [-o OUT.json | -o -]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..api import parse_file
from ..export.json_out import document_json, write_atomic
from .options import add_limit_options


def register(sub: Any, formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser(
        "parse",
        help="convert one document into schema-valid JSON",
        description="Convert one document (.txt, .md, .pdf, .docx, .html) into JSON that is validated "
        "against schemas/document.schema.json before it is written.",
        epilog="examples:\n  gazette parse corpus/qingpu-innovation-economy-14th-fyp.txt -o out.json\n"
        "  gazette parse plan.pdf -o - | jq .metadata",
        formatter_class=formatter,
    )
    p.add_argument("file", type=Path, help="the document to convert")
    p.add_argument("-o", "--output", default=None, help="output JSON path, or - for stdout (default: FILE.json beside the input)")
    add_limit_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    doc = parse_file(args.file)
    text = document_json(doc)
    if args.output == "-":
        sys.stdout.write(text + "\n")
        return 0
    out = Path(args.output) if args.output else args.file.with_suffix(".json")
    write_atomic(out, text)
    print(f"wrote {out}: {len(doc.sections)} sections, {len(doc.tables)} tables, "
          f"{len(doc.claims)} claims, {len(doc.checks)} checks", file=sys.stderr)
    return 0
