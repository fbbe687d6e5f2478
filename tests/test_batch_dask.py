"""--executor dask: the same per-document function on a Dask LocalCluster gives the same results."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline.batch import BatchOptions, Executor, run_batch

pytest.importorskip("distributed")

FIXTURES = Path(__file__).parent / "fixtures" / "batch"
STABLE = ("input", "output", "status", "code", "sha256", "counts", "schema_version")


def _stable_index(out: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    return [{k: r[k] for k in STABLE} for r in rows]


def test_dask_local_cluster_matches_the_local_pool(tmp_path: Path) -> None:
    from distributed import LocalCluster

    inp = tmp_path / "in"
    shutil.copytree(FIXTURES, inp)
    (inp / "empty.txt").write_bytes(b"")
    local = run_batch([inp], BatchOptions(out_dir=tmp_path / "local", jobs=2, stall={}))
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, host="127.0.0.1") as cluster:
        dask = run_batch(
            [inp],
            BatchOptions(out_dir=tmp_path / "dask", executor=Executor.DASK, scheduler=cluster.scheduler_address, stall={}),
        )
        # a stuck document times out and its worker is restarted; the others still finish
        stuck = run_batch([inp], BatchOptions(out_dir=tmp_path / "stuck", executor=Executor.DASK, timeout=2,
                                              scheduler=cluster.scheduler_address, stall={"plan": 60}))
    assert dask.statuses == local.statuses == {"ok": 3, "error": 1}
    assert stuck.statuses == {"ok": 2, "error": 1, "timeout": 1}
    assert [Path(o.input).name for o in stuck.outcomes if o.status.value == "timeout"] == ["plan-excerpt.txt"]
    assert _stable_index(tmp_path / "dask") == _stable_index(tmp_path / "local")
    for name in ("claims.csv", "checks.csv", "indicators.csv", "sections.csv"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    for p in (tmp_path / "local").glob("*-excerpt.json"):
        assert (tmp_path / "dask" / p.name).read_bytes() == p.read_bytes()
