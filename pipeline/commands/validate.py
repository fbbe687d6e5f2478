"""gazette validate OUT.json …"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..errors import Code, ContractError
from ..schema import validate_json


def register(sub: Any, formatter: type[argparse.HelpFormatter]) -> None:
    p = sub.add_parser(
        "validate",
        help="check that JSON files match the document schema",
        description="Validate gazette JSON files against the document schema; prints one line per file.",
        epilog="examples:\n  gazette validate outputs/qingpu-innovation-economy-14th-fyp.json",
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
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ContractError(Code.JSON_UNREADABLE, str(exc)[:120], path=str(path)) from None


def run(args: argparse.Namespace) -> int:
    for path in args.files:
        data = load_json(path)
        try:
            validate_json(data)
        except ContractError as exc:
            raise ContractError(exc.code, exc.detail, path=str(path)) from None
        print(f"{path}: valid")
    return 0
