"""Keep OUT_DIR telling one story: index, CSVs and report describe every document JSON in it.

A batch into a folder that already holds outputs merges with them (README, "The batch output
folder"):
- an earlier output whose input is not in this batch stays, and keeps its index line;
- an earlier output of an input of this batch that this batch did not write (the input now
  fails, or now gets another name) is removed: it no longer matches the input's bytes;
- a document JSON with no index line (written by `gazette parse -o`, or copied in) is adopted,
  indexed from its own `source` fields;
- any other JSON (not a gazette document, or of another schema version) is left alone and named
  in a note, since no export can describe it.
Failures of earlier batches are not kept: they describe no file in the folder.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import SCHEMA_VERSION
from .work import Outcome, Status, counts_of

SUMMARY = "summary.json"


@dataclass
class Earlier:
    """What a batch takes over from the folder beside its own outcomes."""

    outcomes: list[Outcome] = field(default_factory=list)
    made_by: dict[str, str | None] = field(default_factory=dict)  # output → code hash (None: unknown)
    notes: list[str] = field(default_factory=list)


def _adopted(path: Path, data: Any) -> Outcome | str:
    """An ok Outcome for a gazette document JSON of this schema version, else why not."""
    if not isinstance(data, dict) or not isinstance(data.get("source"), dict) or "text" not in data:
        return f"{path.name} is not a gazette document: left out of the index and exports"
    if data.get("schema_version") != SCHEMA_VERSION:
        return (f"{path.name} was written by schema {data.get('schema_version')}, not {SCHEMA_VERSION}: "
                "left out of the index and exports (convert its input again)")
    source = data["source"]
    return Outcome(input=str(source.get("path") or path.name), output=path.name, status=Status.OK,
                   sha256=source.get("sha256"), counts=counts_of(data))


def merge_earlier(
    out_dir: Path,
    outcomes: Collection[Outcome],
    records: Mapping[str, Mapping[str, Any]],
    inputs: Collection[str],
    outputs: Collection[str],
) -> Earlier:
    """The folder's other documents, given this batch's `outcomes`, the earlier index `records`
    (output name → line), this batch's `inputs` (as shown) and the output names it gives them."""
    earlier = Earlier()
    written = {o.output for o in outcomes if o.status is Status.OK and o.output}
    for name, rec in sorted(records.items()):
        path = out_dir / name
        if name in written or not path.is_file():
            continue
        if rec.get("input") in inputs or name in outputs:
            path.unlink()
            earlier.notes.append(f"removed {name}: made earlier from {rec.get('input')}, which this batch "
                                 "did not convert into it")
        elif rec.get("status") == Status.OK.value:
            outcome = Outcome.from_record(dict(rec))
            earlier.outcomes.append(outcome)
            earlier.made_by[name] = rec.get("pipeline")
    known = written | set(earlier.made_by) | {SUMMARY}
    for path in sorted(out_dir.glob("*.json")):
        if path.name in known or not path.is_file():
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            earlier.notes.append(f"{path.name} is not readable JSON ({type(exc).__name__}): left out of the index")
            continue
        adopted = _adopted(path, data)
        if isinstance(adopted, str):
            earlier.notes.append(adopted)
        else:
            earlier.outcomes.append(adopted)
            earlier.made_by[path.name] = None
    if earlier.outcomes:
        earlier.notes.append(f"{len(earlier.outcomes)} document(s) already in {out_dir} kept in the index, "
                             "exports and report")
    return earlier
