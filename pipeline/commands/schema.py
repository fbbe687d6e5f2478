"""gazette schema [-o DIR]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..schema import schema_text, write_schema


def register(sub: Any, formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser(
        "schema",
        help="print or write the JSON Schema of the output",
        description="Print the JSON Schema (2020-12) generated from the document model, or write it into a folder.",
        epilog="examples:\n  gazette schema > document.schema.json\n  gazette schema -o schemas/",
        formatter_class=formatter,
    )
    p.add_argument("-o", "--output-dir", type=Path, default=None, help="write document.schema.json into this folder")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.output_dir:
        print(write_schema(args.output_dir), file=sys.stderr)
    else:
        sys.stdout.write(schema_text())
    return 0
