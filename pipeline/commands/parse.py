"""gazette parse FILE [-o OUT.json | -o -]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..api import parse_file
from ..export.destination import output_for
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
    p.add_argument("--force", action="store_true",
                   help="replace FILE.json even when it holds something other than this input's JSON")
    add_limit_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    out = None if args.output == "-" else output_for(args.file, args.output, force=args.force)  # refused before the work
    doc = parse_file(args.file)
    text = document_json(doc)
    if out is None:
        sys.stdout.write(text + "\n")
        return 0
    write_atomic(out, text)
    print(f"wrote {out}: {len(doc.sections)} sections, {len(doc.tables)} tables, "
          f"{len(doc.claims)} claims, {len(doc.checks)} checks", file=sys.stderr)
    return 0
