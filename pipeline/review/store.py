"""OUT_DIR/reviews.jsonl: one decision per line, appended, never rewritten.

Each line records the document (its output stem), the check's fingerprint, the check id and
figures at the time (for people reading the file), the state, a note, who and when. The latest
line for a (document, fingerprint) pair is the decision in force; earlier lines stay as history.
"""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import Code, ContractError
from ..model import Review, ReviewState

REVIEWS_FILE = "reviews.jsonl"


@dataclass(frozen=True)
class ReviewRecord:
    doc: str
    fingerprint: str
    state: str
    at: str
    check: str | None = None
    rule: str | None = None
    figures: str | None = None
    note: str | None = None
    by: str | None = None

    def review(self) -> Review:
        return Review(state=ReviewState(self.state), note=self.note, by=self.by, at=self.at)


def append_review(out_dir: Path, record: ReviewRecord) -> Path:
    """Append one decision (locked, fsynced) and return the file."""
    if record.state not in {s.value for s in ReviewState}:
        raise ContractError(Code.BAD_REVIEW, f"unknown state {record.state!r}")
    path = out_dir / REVIEWS_FILE
    line = json.dumps({k: v for k, v in asdict(record).items() if v is not None}, ensure_ascii=False) + "\n"
    try:
        with path.open("a", encoding="utf-8") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise ContractError(Code.BAD_REVIEW, f"cannot append: {exc.strerror}", path=str(path)) from None
    return path


def latest_reviews(out_dir: Path) -> tuple[dict[tuple[str, str], ReviewRecord], list[str]]:
    """The decision in force per (document, fingerprint), and a note per unreadable line."""
    path = out_dir / REVIEWS_FILE
    latest: dict[tuple[str, str], ReviewRecord] = {}
    problems: list[str] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return latest, problems
    except (OSError, UnicodeDecodeError) as exc:
        return latest, [f"{path.name} could not be read ({type(exc).__name__})"]
    fields = set(ReviewRecord.__dataclass_fields__)
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            record = ReviewRecord(**{k: v for k, v in raw.items() if k in fields})
            ReviewState(record.state)
        except (ValueError, TypeError):
            problems.append(f"{path.name} line {n} is not a review record: ignored")
            continue
        latest[(record.doc, record.fingerprint)] = record
    return latest, problems
