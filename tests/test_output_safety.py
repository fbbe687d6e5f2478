"""No output destroys data: not the input, not another input's JSON, not a device or a link."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from pipeline.batch import BatchOptions, Status, run_batch
from pipeline.batch.inputs import sanitize
from pipeline.cli import main
from pipeline.errors import Code, OutputError
from pipeline.export.json_out import write_atomic

ROOT = Path(__file__).resolve().parent.parent
NOTICE = ROOT / "tests" / "fixtures" / "batch" / "notice-excerpt.txt"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(NOTICE, tmp_path / "a.txt")
    return tmp_path


def _parse(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["parse", *args])
    return code, capsys.readouterr().err.strip()


def _one_coded_line(err: str, code: Code) -> None:
    assert err.count("\n") == 0 and err.startswith(f"gazette: error {code.value} "), err


def test_parse_never_writes_over_its_input(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(work / "a.txt", work / "notes.json")
    before = (work / "notes.json").read_bytes()
    rc, err = _parse(capsys, "notes.json")
    assert rc == 5
    _one_coded_line(err, Code.OUTPUT_IS_INPUT)
    rc, err = _parse(capsys, "a.txt", "-o", "a.txt")
    _one_coded_line(err, Code.OUTPUT_IS_INPUT)
    os.symlink("notes.json", work / "alias.json")  # the input under another name
    rc, err = _parse(capsys, "notes.json", "-o", "alias.json", "--force")
    _one_coded_line(err, Code.OUTPUT_IS_INPUT)
    assert (work / "notes.json").read_bytes() == before


def test_same_stem_inputs_do_not_overwrite_each_others_json(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(work / "a.txt", work / "a.md")
    assert _parse(capsys, "a.txt")[0] == 0
    assert _parse(capsys, "a.txt")[0] == 0  # a rerun replaces its own JSON
    made = (work / "a.json").read_text(encoding="utf-8")
    rc, err = _parse(capsys, "a.md")
    assert rc == 5
    _one_coded_line(err, Code.OUTPUT_EXISTS)
    assert "a.txt" in err and (work / "a.json").read_text(encoding="utf-8") == made
    assert _parse(capsys, "a.md", "--force")[0] == 0
    assert '"path":"a.md"' in (work / "a.json").read_text(encoding="utf-8")


def test_a_json_gazette_did_not_write_is_kept(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "a.json").write_text('{"mine": true}', encoding="utf-8")
    rc, err = _parse(capsys, "a.txt")
    _one_coded_line(err, Code.OUTPUT_EXISTS)
    assert (work / "a.json").read_text(encoding="utf-8") == '{"mine": true}'


def test_directory_and_device_outputs_are_refused(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "d").mkdir()
    rc, err = _parse(capsys, "a.txt", "-o", "d")
    assert rc == 5
    _one_coded_line(err, Code.OUTPUT_WRONG_KIND)
    rc, err = _parse(capsys, "a.txt", "-o", os.devnull)
    _one_coded_line(err, Code.OUTPUT_WRONG_KIND)
    os.symlink(os.devnull, work / "null.json")
    rc, err = _parse(capsys, "a.txt", "-o", "null.json")
    _one_coded_line(err, Code.OUTPUT_WRONG_KIND)
    assert (work / "null.json").is_symlink() and Path(os.devnull).is_char_device()


def test_a_symlink_output_is_written_through_to_its_target(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "real").mkdir()
    os.symlink("real/target.json", work / "link.json")  # dangling until written
    assert _parse(capsys, "a.txt", "-o", "link.json")[0] == 0
    assert (work / "link.json").is_symlink()
    assert (work / "real" / "target.json").read_text(encoding="utf-8").startswith('{"schema_name":"gazette.document"')


def test_unwritable_output_is_one_coded_line(work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    with monkeypatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", read_only)  # what a read-only folder does to the temp file
        rc, err = _parse(capsys, "a.txt", "-o", "out.json")
    assert rc == 5
    _one_coded_line(err, Code.OUTPUT_UNWRITABLE)
    assert "Read-only file system" in err
    (work / "file").write_text("x", encoding="utf-8")
    rc, err = _parse(capsys, "a.txt", "-o", "file/out.json")  # a file where a folder belongs
    _one_coded_line(err, Code.OUTPUT_UNWRITABLE)


def test_long_cjk_names_fit_the_255_byte_limit(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "上海市人民政府关于印发规划的通知" * 5  # 80 characters, 240 bytes
    shutil.copy(work / "a.txt", work / f"{name}.txt")
    assert _parse(capsys, f"{name}.txt")[0] == 0  # the temp file's name is cut, the output's is not
    assert (work / f"{name}.json").is_file()
    with pytest.raises(OutputError) as err:
        write_atomic(work / ("长" * 90 + ".json"), "{}")  # 275 bytes: no file system takes it
    assert err.value.code is Code.OUTPUT_UNWRITABLE and "255 bytes" in err.value.detail
    deep = sanitize(f"{name}/{name}")
    assert len(deep.encode("utf-8")) + len("-12345678.json") <= 255


# ---------------------------------------------------------------- batch


def test_batch_output_folder_that_is_a_file_is_refused(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "taken").write_text("x", encoding="utf-8")
    assert main(["batch", "a.txt", "-o", "taken", "-q"]) == 5
    _one_coded_line(capsys.readouterr().err.strip(), Code.OUTPUT_WRONG_KIND)


def test_batch_lock_that_cannot_be_made_is_one_coded_line(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "out" / ".batch.lock").mkdir(parents=True)  # open(…, "w") fails as on a read-only folder
    assert main(["batch", "a.txt", "-o", "out", "-q"]) == 5
    _one_coded_line(capsys.readouterr().err.strip(), Code.OUTPUT_UNWRITABLE)


def test_batch_never_writes_over_an_input_and_fits_long_names(work: Path) -> None:
    (work / "out").mkdir()
    shutil.copy(work / "a.txt", work / "out" / "x.json")
    folder = work / ("目录" * 40)
    folder.mkdir()
    shutil.copy(work / "a.txt", folder / ("中" * 80 + ".txt"))
    result = run_batch([work / "out" / "x.json", work], BatchOptions(out_dir=work / "out", jobs=1, stall={}, globs=("目录*/*",)))
    by_name = {Path(o.input).name: o for o in result.outcomes}
    assert by_name["x.json"].code == Code.OUTPUT_IS_INPUT.value
    assert (work / "out" / "x.json").read_bytes() == (work / "a.txt").read_bytes()
    long = by_name["中" * 80 + ".txt"]
    assert long.status is Status.OK, long.message
    assert long.output and len(long.output.encode("utf-8")) <= 255


def _processes_marked(marker: str) -> list[int]:
    """Live processes whose environment holds `marker` (Linux /proc)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            live = "State:\tZ" not in (proc / "status").read_text()
            if proc.name.isdigit() and live and marker.encode() in (proc / "environ").read_bytes().split(b"\0"):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


_KILL_PARENT = """
import sys
from pathlib import Path
from pipeline.batch import BatchOptions, run_batch
run_batch([Path(p) for p in sys.argv[2:]], BatchOptions(out_dir=Path(sys.argv[1]), jobs=1))
"""


def test_killing_the_batch_leaves_no_worker_writing_into_out_dir(work: Path) -> None:
    fast = work / "fast.txt"
    fast.write_text(NOTICE.read_text(encoding="utf-8") * 3, encoding="utf-8")  # larger: converted first
    slow = work / "slow.txt"
    shutil.copy(NOTICE, slow)
    out = work / "out"
    env = {**os.environ, "GAZETTE_BATCH_STALL": "slow=5", "PYTHONPATH": str(ROOT), "GAZETTE_TEST_MARK": str(work)}
    batch = subprocess.Popen([sys.executable, "-c", _KILL_PARENT, str(out), str(fast), str(slow)], env=env, cwd=ROOT)
    journal = out / ".index.journal.jsonl"
    try:
        deadline = time.monotonic() + 120
        while not (journal.exists() and "fast.json" in journal.read_text(encoding="utf-8")):
            assert batch.poll() is None and time.monotonic() < deadline, "the batch ended or hung"
            time.sleep(0.05)
        time.sleep(1)  # the parent hands slow.txt to the worker right after journaling fast.txt
        batch.kill()  # SIGKILL the parent only
        batch.wait()
        time.sleep(10)  # the stalled worker would have written slow.json by now
        assert not (out / "slow.json").exists()
        assert not list(out.glob(".slow*.tmp"))
        assert _processes_marked(f"GAZETTE_TEST_MARK={work}") == []  # no worker, no forkserver left
    finally:
        batch.kill()
