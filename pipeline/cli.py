"""`gazette …` and `python -m pipeline …`: a thin layer over the Python API.

Each command lives in `pipeline/commands/<name>.py` with `register(subparsers)`; the library
raises typed errors and only this module turns them into one line on stderr and an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from . import __version__
from .commands.options import apply_limit_options
from .errors import Code, ExitCode, GazetteError, InputError

COMMANDS = ["parse", "check", "batch", "report", "review", "schema", "validate"]
DEBUG_ENV = "GAZETTE_DEBUG"  # set to 1 to see the traceback of an internal error

CONVENTIONS = """conventions:
  FILE - reads standard input (parse, check, report); -o - writes to standard output (parse, report, schema)

exit codes (every command):
  0    done
  1    done, and something was found: an inconsistent figure (check --strict), a failed document (batch)
  2    usage: bad arguments or options (E4xx), a batch folder in use (E307)
  3    an input could not be read as a document (E0xx, E1xx)
  4    a JSON breaks the contract: unreadable, invalid or incompatible (E2xx)
  5    the output cannot be written without destroying data, or at all (E5xx)
  70   internal error: a bug, reported in one line (GAZETTE_DEBUG=1 shows the traceback)
  130  interrupted"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """All commands, or only `only`: a command's module imports what it needs (jinja2 for report,
    the batch runner for batch), so `gazette parse` does not pay for the others."""
    parser = argparse.ArgumentParser(
        prog="gazette",
        description="Turn Chinese government documents into structured JSON and fact-check their figures.",
        epilog="examples:\n  gazette parse corpus/plan.txt -o plan.json\n  gazette check corpus/plan.txt\n"
        "  gazette batch corpus/ -o outputs/\n  curl -s URL | gazette parse - | gazette check - --jsonl\n\n" + CONVENTIONS,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"gazette {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in [only] if only in COMMANDS else COMMANDS:
        try:
            module = importlib.import_module(f".commands.{name}", __package__)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.endswith(f"commands.{name}"):
                continue  # a command not built yet
            raise
        module.register(sub, _Formatter)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return ExitCode.USAGE
    try:
        apply_limit_options(args)
        return int(args.func(args) or ExitCode.OK)
    except GazetteError as exc:
        print(f"gazette: error {exc.one_line()}", file=sys.stderr)
        return exc.exit_code
    except MemoryError:
        oom = InputError(Code.OUT_OF_MEMORY)
        print(f"gazette: error {oom.one_line()}", file=sys.stderr)
        return oom.exit_code
    except KeyboardInterrupt:
        print("gazette: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return ExitCode.OK
    except Exception as exc:  # noqa: BLE001 - the one place an uncoded failure becomes a line, not a traceback
        if os.environ.get(DEBUG_ENV) == "1":
            raise
        print(f"gazette: internal error {type(exc).__name__}: {str(exc)[:300]} (a bug: please report it; "
              f"{DEBUG_ENV}=1 shows the traceback)", file=sys.stderr)
        return ExitCode.INTERNAL


def _silence_stdout() -> None:
    """The reader closed the pipe (`gazette check … | head`): point stdout at /dev/null so the
    interpreter's final flush does not print a second BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
