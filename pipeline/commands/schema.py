"""gazette schema [-o DIR | -o -]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..schema import schema_text, write_schema
from .stdio import is_stdio, write_stdout


def register(sub: Any, formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser(
        "schema",
        help="print or write the JSON Schema of the output",
        description="Print the JSON Schema (2020-12) generated from the document model, or write it into a folder "
        "as document.schema.json.",
        epilog="examples:\n  gazette schema > document.schema.json\n  gazette schema -o schemas/\n"
        "  gazette schema -o - | jq '.properties | keys'",
        formatter_class=formatter,
    )
    p.add_argument("-o", "--output-dir", type=Path, default=None,
                   help="write document.schema.json into this folder, or - for standard output (the default)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.output_dir is None or is_stdio(args.output_dir):
        write_stdout(schema_text())
    else:
        print(write_schema(args.output_dir), file=sys.stderr)
    return 0
