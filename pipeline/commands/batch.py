"""gazette batch INPUT… -o OUT_DIR (minimal sequential version; issue #7 extends it)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..api import parse_file
from ..errors import Code, GazetteError, InputError
from ..export.json_out import document_json, write_atomic

EXTENSIONS = {".txt", ".md", ".pdf", ".docx", ".html", ".htm"}


def register(sub: Any, formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser(
        "batch",
        help="convert many documents into a folder of JSON files",
        description="Convert every supported file under the inputs into OUT_DIR/<name>.json.",
        epilog="examples:\n  gazette batch corpus/ -o outputs/",
        formatter_class=formatter,
    )
    p.add_argument("inputs", type=Path, nargs="+", help="files or folders (searched recursively)")
    p.add_argument("-o", "--output-dir", type=Path, required=True, help="where the JSON files go")
    p.add_argument("--report", action="store_true", help="also write HTML reports (when available)")
    p.set_defaults(func=run)


def collect(inputs: list[Path]) -> list[Path]:
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            files.extend(sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS))
        else:
            files.append(item)
    return files


def run(args: argparse.Namespace) -> int:
    files = collect(args.inputs)
    if not files:
        raise InputError(Code.BATCH_NO_INPUTS)
    failed = 0
    for path in files:
        try:
            doc = parse_file(path)
            write_atomic(args.output_dir / f"{path.stem}.json", document_json(doc))
            print(f"ok     {path}: {len(doc.sections)} sections, {len(doc.tables)} tables, "
                  f"{len(doc.claims)} claims, {len(doc.checks)} checks")
        except GazetteError as exc:
            failed += 1
            print(f"error  {exc.one_line()}", file=sys.stderr)
    return 1 if failed else 0
