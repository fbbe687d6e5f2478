"""gazette validate OUT.json …"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import Code, ContractError
from ..integrity import validate_document
from ..model import SCHEMA_NAME


def register(sub: Any, formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser(
        "validate",
        help="check that JSON files match the document schema and its rules",
        description="Validate gazette JSON files: against the document schema, then for what the schema "
        "cannot express (spans inside the text and ordered, ids unique and resolving, finite numbers, a "
        "well-formed sha256). Every file gets one line: valid, skipped (JSON that is not a gazette "
        "document, such as a batch's summary.json) or a coded error. Exit 0 when no file is invalid, 4 otherwise.",
        epilog="examples:\n  gazette validate outputs/qingpu-innovation-economy-14th-fyp.json\n  gazette validate outputs/*.json",
        formatter_class=formatter,
    )
    p.add_argument("files", type=Path, nargs="+", help="JSON files written by gazette")
    p.set_defaults(func=run)


def load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContractError(Code.JSON_UNREADABLE, "file not found", path=str(path)) from None
    except IsADirectoryError:
        raise ContractError(Code.JSON_UNREADABLE, "is a directory", path=str(path)) from None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ContractError(Code.JSON_UNREADABLE, str(exc)[:120], path=str(path)) from None


def is_document(data: Any) -> bool:
    """A gazette document, or JSON meant to be one (source and text, even if its name is lost)."""
    if not isinstance(data, dict):
        return False
    return data.get("schema_name") == SCHEMA_NAME or ("schema_name" not in data and {"source", "text"} <= data.keys())


def run(args: argparse.Namespace) -> int:
    invalid = 0
    for path in args.files:
        try:
            data = load_json(path)
            if not is_document(data):
                print(f"{path}: skipped (not a gazette document)")
                continue
            validate_document(data)
        except ContractError as exc:
            exc.path = str(path)
            print(f"gazette: error {exc.one_line()}", file=sys.stderr)
            invalid += 1
            continue
        print(f"{path}: valid")
    return ContractError.exit_code if invalid else 0
