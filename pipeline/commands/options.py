"""Options several commands share: the per-document limits (pipeline/limits.py)."""

from __future__ import annotations

import argparse

from .. import limits


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("limits (a document over one is refused with its own code)")
    for limit in limits.ALL:
        group.add_argument(
            f"--{limit.name}", type=int, default=None, metavar="N",
            help=f"{limit.help} (default {limit.default:,}; environment {limit.env})",
        )


def apply_limit_options(args: argparse.Namespace) -> None:
    """Set the limits given on the command line for this process and the workers it starts."""
    for limit in limits.ALL:
        number = getattr(args, limit.name.replace("-", "_"), None)
        if number is not None:
            limits.set_value(limit, number)
