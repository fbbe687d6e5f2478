"""gazette parse FILE|- [-o OUT.json | -o -]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..api import parse_file
from ..export.destination import output_for
from ..export.json_out import document_json, write_atomic
from .options import add_limit_options
from .stdio import is_stdio, read_stdin, write_stdout


def register(sub: Any, formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser(
        "parse",
        help="convert one document into schema-valid JSON",
        description="Convert one document (.txt, .md, .pdf, .docx, .html) into JSON that fits "
        "schemas/document.schema.json (the models are its source; --validate checks it again before writing).",
        epilog="examples:\n  gazette parse corpus/qingpu-innovation-economy-14th-fyp.txt -o out.json\n"
        "  gazette parse plan.pdf -o - | jq .metadata\n"
        "  curl -s https://example.gov.cn/notice.html | gazette parse - > notice.json",
        formatter_class=formatter,
    )
    p.add_argument("file", type=Path, help="the document to convert; - reads it from standard input "
                   "(format sniffed from the bytes: PDF, DOCX, HTML, else text)")
    p.add_argument("-o", "--output", default=None, help="output JSON path, or - for standard output "
                   "(default: FILE.json beside the input; standard output when FILE is -)")
    p.add_argument("--validate", action="store_true",
                   help="validate the JSON against the document model before writing it (~20%% slower)")
    p.add_argument("--force", action="store_true",
                   help="replace FILE.json even when it holds something other than this input's JSON")
    add_limit_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    to_stdout = is_stdio(args.output) or (args.output is None and is_stdio(args.file))
    out = None if to_stdout else output_for(args.file, args.output, force=args.force)  # refused before the work
    doc = read_stdin() if is_stdio(args.file) else parse_file(args.file)
    text = document_json(doc, validate=args.validate)
    if out is None:
        write_stdout(text)
        return 0
    write_atomic(out, text)
    print(f"wrote {out}: {len(doc.sections)} sections, {len(doc.tables)} tables, "
          f"{len(doc.claims)} claims, {len(doc.checks)} checks", file=sys.stderr)
    return 0
