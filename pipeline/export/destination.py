"""Where `gazette parse` puts its JSON: never over the input, never over someone else's file.

The default is FILE.json beside the input. A rerun replaces the JSON the same input made before;
anything else already there — the JSON of another input with the same stem (`a.txt` then
`a.md` both want `a.json`) or a file gazette did not write — is refused with E502 unless
`--force`, so one conversion never silently destroys another. An output that is the input
itself is refused always (E501), `-o` included.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from ..errors import Code, OutputError
from ..ingest.paths import display_path
from .json_out import write_target

_HEAD_BYTES = 64 * 1024  # the source block comes right after the schema name: no need to load a big JSON
_GAZETTE_HEAD = re.compile(r'^\s*\{\s*"schema_name"\s*:\s*"gazette\.document"')
_SOURCE_PATH = re.compile(r'"source"\s*:\s*\{\s*"path"\s*:\s*("(?:[^"\\]|\\.)*"|null)')


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist yet
        return os.path.realpath(a) == os.path.realpath(b)


def refuse_overwriting_input(output: Path, source: Path) -> None:
    if same_file(output, source):
        raise OutputError(Code.OUTPUT_IS_INPUT, "name another output with -o", path=display_path(str(output)))


def _made_from(output: Path) -> str | None:
    """The input path recorded in an existing gazette JSON; None when it is no gazette JSON."""
    try:
        with output.open("rb") as fh:
            head = fh.read(_HEAD_BYTES).decode("utf-8", "replace")
    except OSError:
        return None
    found = _SOURCE_PATH.search(head) if _GAZETTE_HEAD.match(head) else None
    if not found:
        return None
    recorded = json.loads(found.group(1))
    return recorded if isinstance(recorded, str) else ""


def default_output(source: Path, *, force: bool = False) -> Path:
    """FILE.json beside `source`; OutputError E501/E502 when writing it would destroy data."""
    output = source.with_suffix(".json")
    refuse_overwriting_input(output, source)
    if force or not os.path.isfile(output):
        return output  # nothing there, or no regular file (write_atomic refuses that, E503)
    recorded = _made_from(output)
    if recorded is not None and Path(recorded).name == source.name:
        return output  # the JSON of this input from an earlier run
    holds = f"the JSON of {recorded}" if recorded else ("a gazette JSON" if recorded == "" else "a file gazette did not write")
    raise OutputError(Code.OUTPUT_EXISTS, f"it holds {holds}", path=display_path(str(output)))


def output_for(source: Path, output: str | None, *, force: bool = False) -> Path:
    """The JSON path for `gazette parse SOURCE [-o OUTPUT] [--force]`, checked before parsing."""
    if output is None:
        chosen = default_output(source, force=force)
    else:
        chosen = Path(output)
        refuse_overwriting_input(chosen, source)
    write_target(chosen)  # a directory or device is refused now, not after the work
    return chosen
