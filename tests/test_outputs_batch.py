"""`make run` on a fresh clone leaves `git status` clean (#14): the batch over corpus/ writes
exactly the committed outputs/ — every JSON, index.jsonl, CSV, summary.json and report page,
byte for byte. Fails when outputs/ is stale; regenerate with
`.venv/bin/python -m pipeline batch corpus -o outputs --report --no-resume` and commit outputs/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch import BatchOptions, run_batch

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = ROOT / "outputs"
DOC_IMAGES = (".png",)  # screenshots the README shows (e.g. findings-table.png), not batch outputs


def _files(folder: Path) -> dict[str, bytes]:
    """Everything a user sees: hidden files (lock, resume state) are machine-local and git-ignored."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    }


def test_make_run_rewrites_the_committed_outputs_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # `make run` runs from the root: sources are shown as corpus/<name>
    result = run_batch([Path("corpus")], BatchOptions(out_dir=tmp_path, jobs=2, report=True, resume=False, stall={}))
    assert not result.failed
    fresh, committed = _files(tmp_path), _files(OUTPUTS)
    # besides what the batch writes, outputs/ may hold only the README's screenshots
    assert sorted(fresh) == sorted(n for n in committed if not n.endswith(DOC_IMAGES)), \
        "outputs/ lists other files than `make run` writes"
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"stale in outputs/: {stale}; regenerate (see the module docstring)"
