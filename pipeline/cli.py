"""`gazette …` and `python -m pipeline …`: a thin layer over the Python API.

Each command lives in `pipeline/commands/<name>.py` with `register(subparsers)`; the library
raises typed errors and only this module turns them into one line on stderr and an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import __version__
from .commands.options import apply_limit_options
from .errors import Code, GazetteError, InputError

COMMANDS = ["parse", "check", "batch", "report", "schema", "validate"]


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gazette",
        description="Turn Chinese government documents into structured JSON and fact-check their figures.",
        epilog="examples:\n  gazette parse corpus/plan.txt -o plan.json\n  gazette check corpus/plan.txt\n"
        "  gazette batch corpus/ -o outputs/",
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"gazette {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f".commands.{name}", __package__)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.endswith(f"commands.{name}"):
                continue  # a command not built yet
            raise
        module.register(sub, _Formatter)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        apply_limit_options(args)
        return int(args.func(args) or 0)
    except GazetteError as exc:
        print(f"gazette: error {exc.one_line()}", file=sys.stderr)
        return exc.exit_code
    except MemoryError:
        oom = InputError(Code.OUT_OF_MEMORY)
        print(f"gazette: error {oom.one_line()}", file=sys.stderr)
        return oom.exit_code
    except KeyboardInterrupt:
        print("gazette: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
